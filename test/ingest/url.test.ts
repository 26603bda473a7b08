// Canonical article links.
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/ingest/url";

describe("canonicalUrl", () => {
  it.each([
    [
      "https://news.example.org/2022/01/04/bread-prices?utm_source=feed&utm_medium=rss",
      "https://news.example.org/2022/01/04/bread-prices",
    ],
    ["HTTPS://News.Example.ORG/Path/To/Page", "https://news.example.org/Path/To/Page"],
    ["http://example.org:80/a", "http://example.org/a"],
    ["https://example.org:443/a", "https://example.org/a"],
    ["https://example.org:8443/a", "https://example.org:8443/a"],
    ["https://example.org/a#comments", "https://example.org/a"],
    ["https://example.org/a?", "https://example.org/a"],
    ["https://example.org/a?utm_campaign=x", "https://example.org/a"],
    ["https://example.org/a?id=3&utm_source=x&page=2&fbclid=y", "https://example.org/a?id=3&page=2"],
    ["https://example.org/a?z=1&a=2", "https://example.org/a?z=1&a=2"],
    ["https://example.org/a?gclid=1&mc_cid=2&mc_eid=3&ref=4&igshid=5&_ga=6", "https://example.org/a"],
    ["https://example.org/a?UTM_Source=x&Ref=y&keep=1", "https://example.org/a?keep=1"],
    ["https://example.org/a?reference=1&refresh=2", "https://example.org/a?reference=1&refresh=2"],
    [
      "https://example.org/a?q=%D8%AF%D9%8A%D8%B1+%D8%A7%D9%84%D8%B2%D9%88%D8%B1",
      "https://example.org/a?q=%D8%AF%D9%8A%D8%B1+%D8%A7%D9%84%D8%B2%D9%88%D8%B1",
    ],
    ["https://example.org/a/", "https://example.org/a/"],
    ["https://example.org", "https://example.org/"],
    ["  https://example.org/a \n", "https://example.org/a"],
    ["https://example.org/a?x=1&&y=2", "https://example.org/a?x=1&y=2"],
  ])("%s → %s", (raw, expected) => {
    expect(canonicalUrl(raw)).toBe(expected);
  });

  it("gives one spelling to an Arabic path", () => {
    const encoded = canonicalUrl("https://example.org/%D8%AE%D8%A8%D8%B1");
    expect(encoded).toBe("https://example.org/%D8%AE%D8%A8%D8%B1");
    expect(canonicalUrl("https://example.org/خبر")).toBe(encoded);
  });

  it.each([
    "",
    "/2022/01/05/omar",
    "news.example.org/a",
    "mailto:desk@example.org",
    "javascript:alert(1)",
    "ftp://example.org/file",
    "file:///etc/passwd",
    "not a url",
    "http://",
  ])("refuses %j", (raw) => {
    expect(canonicalUrl(raw)).toBeUndefined();
  });
});
