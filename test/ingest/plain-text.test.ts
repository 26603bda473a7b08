// Plain-text articles and the data-driven boilerplate cleaner.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cleanBody,
  defaultBoilerplate,
  loadBoilerplate,
  mergeBoilerplate,
  parsePlainText,
} from "../../src/ingest/plain-text";
import { ingestError } from "../support/errors";

const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);
const TITLE = "استهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا";
const BOILERPLATE = [
  "شارك المقال على",
  "مقالات ذات صلة",
  "تقارير وتحقيقات",
  "آخر الأخبار",
  "مساحة نسوية",
  "أرشيف الاتحاد",
];

const dir = mkdtempSync(join(tmpdir(), "nashra-boilerplate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeRules(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("parsePlainText on the fixture", () => {
  const article = parsePlainText(FIXTURE);
  const paragraphs = article.body.split("\n\n");

  it("takes the first line as the title", () => {
    expect(article.title).toBe(TITLE);
    expect(article.body.startsWith("استهدفت ثمانية صواريخ")).toBe(true);
  });

  it("keeps every real paragraph, the subheading and the last one", () => {
    expect(paragraphs).toHaveLength(16);
    expect(paragraphs).toContain("تهديدات خامنئي");
    const last = paragraphs.at(-1) as string;
    expect(last.startsWith("يقدّر عدد هذه الميليشيات")).toBe(true);
    expect(last.endsWith("بالإضافة إلى “حزب الله” اللبناني.")).toBe(true);
  });

  it("removes every boilerplate line", () => {
    for (const line of BOILERPLATE) expect(article.body).not.toContain(line);
    expect(article.body).not.toMatch(/\n{3,}/);
    expect(article.body).toBe(article.body.trim());
  });

  it("reads CRLF files the same way", () => {
    expect(parsePlainText(FIXTURE.replace(/\n/g, "\r\n"))).toEqual(article);
  });

  it("keeps the boilerplate when given no rules", () => {
    const raw = parsePlainText(FIXTURE, { cutFrom: [], dropTrailing: [], dropTrailingPatterns: [] });
    expect(raw.body).toContain("شارك المقال على:\nمقالات ذات صلة:");
    expect(raw.body.endsWith("أرشيف الاتحاد")).toBe(true);
  });
});

describe("parsePlainText shape", () => {
  it("collapses blank lines, keeps single newlines, trims lines", () => {
    const a = parsePlainText("\n\n  Title here  \r\n\r\n\r\n\r\nline one  \nline two\n\n\n\n  para two\n\n");
    expect(a).toEqual({ title: "Title here", body: "line one\nline two\n\npara two" });
  });

  it("gives an empty body for a title alone and drops a BOM", () => {
    expect(parsePlainText("\ufeffعنوان فقط")).toEqual({ title: "عنوان فقط", body: "" });
  });

  it("throws a one-line IngestError when there is no title line", () => {
    for (const text of ["", "   \n\n\t\n", "\u200f\n\u200e \n"]) {
      expect(ingestError(() => parsePlainText(text)).message).toMatch(/has no title line/);
    }
  });

  it("keeps RTL marks and emoji inside text", () => {
    const a = parsePlainText("\u200fعاجل 🚨 خبر\n\nنص \u200fمع علامة 😀");
    expect(a.title).toBe("\u200fعاجل 🚨 خبر");
    expect(a.body).toBe("نص \u200fمع علامة 😀");
  });

  it("reads 1 MB of text", () => {
    const paragraph = "وتسيطر ميليشيات موالية لإيران على مدينتي الميادين والبوكمال بشكل كامل.";
    const text = `عنوان\n\n${Array.from({ length: 8000 }, () => paragraph).join("\n\n")}\n\nشارك المقال على:\n`;
    expect(text.length).toBeGreaterThan(500_000);
    const a = parsePlainText(text);
    expect(a.body.split("\n\n")).toHaveLength(8000);
  });

  it("reads a single 1 MB line", () => {
    const a = parsePlainText(`t\n${"x".repeat(1_000_000)}`);
    expect(a.body).toHaveLength(1_000_000);
  });
});

describe("boilerplate rules", () => {
  const rules = defaultBoilerplate();

  it("cut markers ignore diacritics, case, hamza forms and the colon", () => {
    expect(cleanBody("نص.\n\nشارَكَ المقالَ على :\nفيسبوك", rules)).toBe("نص.");
    expect(cleanBody("Text.\n\nSHARE THIS ARTICLE：\nFacebook Twitter", rules)).toBe("Text.");
    expect(cleanBody("Text.\n\nRelated articles\nA headline\n\nAnother", rules)).toBe("Text.");
    expect(cleanBody("نص.\n\nاخبار ذات صلة", rules)).toBe("نص.");
  });

  it("does not cut a long real paragraph that starts with a marker's words", () => {
    const real =
      "مقالات ذات صلة بالحرب نشرتها صحف محلية في دير الزور خلال الأسبوع الماضي تناولت الأوضاع الإنسانية في المنطقة وأسعار الخبز.";
    expect(cleanBody(`أول.\n\n${real}\n\nآخر فقرة.`, rules)).toBe(`أول.\n\n${real}\n\nآخر فقرة.`);
  });

  it("drops menu lines only at the end", () => {
    expect(cleanBody("أول.\n\nآخر الأخبار\n\nثاني.\n\nآخر الأخبار\nتقارير وتحقيقات\n\nHome", rules)).toBe(
      "أول.\n\nآخر الأخبار\n\nثاني.",
    );
  });

  it("drops trailing lines matching a pattern", () => {
    expect(cleanBody("Text.\n\nTags: Syria, Deir ez-Zor", rules)).toBe("Text.");
    expect(cleanBody("نص.\n\nالوسوم: دير الزور، الميادين\n© 2022 مكتب الفرات", rules)).toBe("نص.");
    expect(cleanBody("Tags: are mentioned here.\n\nLast paragraph.", rules)).toBe(
      "Tags: are mentioned here.\n\nLast paragraph.",
    );
  });

  it("never leaves a short real last line out by accident", () => {
    expect(cleanBody("x", rules)).toBe("x");
    expect(cleanBody("نص.\n\nتهديدات خامنئي", rules)).toBe("نص.\n\nتهديدات خامنئي");
  });

  it("ships the listed rules", () => {
    expect(rules.cutFrom).toEqual(
      expect.arrayContaining(["شارك المقال على", "مقالات ذات صلة", "Share this article"]),
    );
    expect(rules.dropTrailing).toEqual(
      expect.arrayContaining(["تقارير وتحقيقات", "آخر الأخبار", "مساحة نسوية", "أرشيف الاتحاد"]),
    );
    expect(rules.dropTrailingPatterns.length).toBeGreaterThan(0);
  });

  it("a newsroom file adds its own footer lines", () => {
    const path = writeRules(
      "newsroom.json",
      JSON.stringify({
        $comment: "Euphrates desk footer",
        cutFrom: ["تابعونا على تلغرام"],
        dropTrailing: ["حقوق النشر لمكتب الفرات"],
      }),
    );
    const merged = mergeBoilerplate(defaultBoilerplate(), loadBoilerplate(path));
    const text = `${TITLE}\n\nفقرة حقيقية.\n\nتابعونا على تلغرام:\nt.me/example\n\nشارك المقال على:`;
    expect(parsePlainText(text).body).toContain("تابعونا");
    expect(parsePlainText(text, merged).body).toBe("فقرة حقيقية.");
    const footer = "فقرة حقيقية.\n\nحقوق النشر لمكتب الفرات\n\nآخر الأخبار";
    expect(cleanBody(footer, merged)).toBe("فقرة حقيقية.");
    expect(cleanBody(footer, defaultBoilerplate())).toBe("فقرة حقيقية.\n\nحقوق النشر لمكتب الفرات");
  });

  it("merges without duplicates, keeping order", () => {
    const merged = mergeBoilerplate(
      { cutFrom: ["a", "b"], dropTrailing: ["x"], dropTrailingPatterns: [] },
      { cutFrom: ["b", "c"], dropTrailing: [], dropTrailingPatterns: ["^y$"] },
    );
    expect(merged).toEqual({ cutFrom: ["a", "b", "c"], dropTrailing: ["x"], dropTrailingPatterns: ["^y$"] });
  });

  it("refuses broken rules files with a one-line message", () => {
    expect(ingestError(() => loadBoilerplate(join(dir, "missing.json"))).message).toMatch(
      /^cannot read boilerplate rules .*missing\.json/,
    );
    expect(ingestError(() => loadBoilerplate(writeRules("bad.json", "{ cutFrom: [ }"))).message).toMatch(
      /bad\.json are not valid JSON/,
    );
    expect(ingestError(() => loadBoilerplate(writeRules("typo.json", '{"cutfrom": ["x"]}'))).message).toMatch(
      /typo\.json: .*cutfrom/,
    );
    expect(
      ingestError(() => loadBoilerplate(writeRules("regex.json", '{"dropTrailingPatterns": ["(unclosed"]}')))
        .message,
    ).toMatch(/dropTrailingPatterns\.0: is not a valid regular expression/);
    expect(
      ingestError(() => loadBoilerplate(writeRules("colon.json", '{"cutFrom": [":"]}'))).message,
    ).toMatch(/cutFrom\.0: must contain a letter or a digit/);
    expect(
      ingestError(() => loadBoilerplate(writeRules("type.json", '{"dropTrailing": "x"}'))).message,
    ).toMatch(/dropTrailing: /);
  });

  it("accepts a file with only some keys", () => {
    expect(loadBoilerplate(writeRules("some.json", '{"dropTrailing": ["Footer"]}'))).toEqual({
      cutFrom: [],
      dropTrailing: ["Footer"],
      dropTrailingPatterns: [],
    });
  });
});
