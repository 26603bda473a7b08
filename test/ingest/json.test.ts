// JSON article files.
import { describe, expect, it } from "vitest";
import { parseJsonArticles } from "../../src/ingest/json";
import { ingestError } from "../support/errors";

const MS = Date.UTC(2022, 0, 5, 5, 15, 0);

describe("parseJsonArticles", () => {
  it("reads every field", () => {
    const [a, b] = parseJsonArticles(
      JSON.stringify([
        {
          title: "  استهداف   قاعدة التحالف ",
          body: "فقرة أولى\r\nسطر ثان\r\n\r\n\r\nفقرة ثانية\n\nشارك المقال على:\nمقالات ذات صلة:",
          url: "HTTPS://News.Example.org:443/2022/01/05/omar?utm_source=x&id=7&fbclid=abc#comments",
          published_at: "2022-01-05T08:15:00+03:00",
          source: "مكتب الفرات",
          author: "مراسل دير الزور",
          guid: 10231,
          tags: ["ignored"],
        },
        { title: "Second", body: "", published_at: 1641359700, url: null, source: null, guid: "g-2" },
      ]),
    );
    expect(a).toEqual({
      title: "استهداف قاعدة التحالف",
      body: "فقرة أولى\nسطر ثان\n\nفقرة ثانية",
      url: "https://news.example.org/2022/01/05/omar?id=7",
      publishedAt: MS,
      source: "مكتب الفرات",
      author: "مراسل دير الزور",
      guid: "10231",
    });
    expect(b).toEqual({ title: "Second", body: "", publishedAt: MS, guid: "g-2" });
  });

  it("reads published_at as ISO 8601, epoch seconds or epoch milliseconds", () => {
    const dates = [
      "2022-01-05T05:15:00Z",
      "2022-01-05T05:15:00.000Z",
      "2022-01-05 08:15:00+0300",
      1641359700,
      1641359700000,
    ];
    const articles = parseJsonArticles(
      JSON.stringify(dates.map((d) => ({ title: "t", body: "b", published_at: d }))),
    );
    expect(articles.map((a) => a.publishedAt)).toEqual([MS, MS, MS, MS, MS]);
    expect(parseJsonArticles('[{"title":"t","body":"b","published_at":"2022-01-05"}]')[0]?.publishedAt).toBe(
      Date.UTC(2022, 0, 5),
    );
  });

  it("accepts an empty array", () => {
    expect(parseJsonArticles("[]")).toEqual([]);
    expect(parseJsonArticles("\ufeff [ ] \n")).toEqual([]);
  });

  it.each([
    [
      '[{"title":"a","body":"b"},{"title":"c","body":"d"},{"title":"e","body":"f"},{"body":"x"}]',
      "item 3: title is required",
    ],
    ['[{"title":"a"}]', "item 0: body is required"],
    ['[{"title":"   ","body":"b"}]', "item 0: title must not be empty"],
    ['[{"title":7,"body":"b"}]', "item 0: title must be a string"],
    ['[{"title":"a","body":["b"]}]', "item 0: body must be a string"],
    ["[42]", "item 0: must be an object"],
    [
      '[{"title":"a","body":"b","url":"/2022/01/05/omar"}]',
      "item 0: url is not an absolute http(s) URL: /2022/01/05/omar",
    ],
    ['[{"title":"a","body":"b","url":"javascript:alert(1)"}]', "item 0: url is not an absolute http(s) URL"],
    ['[{"title":"a","body":"b","published_at":"yesterday"}]', "item 0: published_at is not an ISO 8601 date"],
    [
      '[{"title":"a","body":"b","published_at":"2022-01-05T08:15:00"}]',
      "item 0: published_at needs a time zone",
    ],
    ['[{"title":"a","body":"b","published_at":true}]', "item 0: published_at must be an ISO 8601 date"],
    ['[{"title":"a","body":"b","guid":{}}]', "item 0: guid must be a string or a number"],
    ['[{"title":"a","body":"b","author":5}]', "item 0: author must be a string"],
  ])("refuses %s", (text, message) => {
    expect(ingestError(() => parseJsonArticles(text)).message.startsWith(message)).toBe(true);
  });

  it("refuses malformed JSON and a non-array with one line", () => {
    expect(ingestError(() => parseJsonArticles('[{"title": "a",\n "body": }]')).message).toMatch(
      /^not valid JSON: /,
    );
    expect(ingestError(() => parseJsonArticles("")).message).toMatch(/^not valid JSON/);
    expect(ingestError(() => parseJsonArticles('{"title":"a","body":"b"}')).message).toMatch(
      /^expected a JSON array of articles/,
    );
  });

  it("keeps RTL marks and emoji, and reads a large file", () => {
    const [a] = parseJsonArticles(JSON.stringify([{ title: "\u200fعاجل 🚨", body: "نص 😀\u200f" }]));
    expect(a).toEqual({ title: "\u200fعاجل 🚨", body: "نص 😀\u200f" });
    const many = Array.from({ length: 2000 }, (_, i) => ({ title: `خبر ${i}`, body: "نص ".repeat(200) }));
    const text = JSON.stringify(many);
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(parseJsonArticles(text)).toHaveLength(2000);
  });
});
