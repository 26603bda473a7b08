// The deep link that opens an article whole, as alerts and digest entries carry it (src/render/article.ts).
import { describe, expect, it } from "vitest";
import { renderAlert } from "../../src/alerts/render";
import { I18n } from "../../src/i18n";
import { READ_PAYLOAD, readLink, renderArticle } from "../../src/render/article";
import type { ArticleRecord } from "../../src/store/articles";
import { messageHtml } from "../../src/text/message";

const ARTICLE: ArticleRecord = {
  id: 17,
  title: "توقف محطة علوك يقطع مياه الشرب عن مدينة الحسكة",
  body: "توقفت محطة مياه علوك في ريف رأس العين عن الضخ للأسبوع الثالث على التوالي.\n\nوقال أحد المهندسين إن التيار الكهربائي مقطوع منذ منتصف الشهر الماضي.",
  url: null,
  source: "الحسكة اليوم",
  author: null,
  language: "ar",
  breaking: false,
  origin: "import",
  feedId: null,
  postedBy: null,
  publishedAt: null,
  ingestedAt: Date.UTC(2026, 11, 2, 9),
  sortAt: Date.UTC(2026, 11, 2, 9),
};

describe("the read-in-full link", () => {
  it("is a t.me deep link whose payload /start reads back", () => {
    const link = readLink("nashra_test_bot", 17);
    expect(link).toBe("https://t.me/nashra_test_bot?start=a_17");
    expect(READ_PAYLOAD.exec(new URL(link).searchParams.get("start") ?? "")?.[1]).toBe("17");
    expect(READ_PAYLOAD.exec("a_")).toBeNull();
    expect(READ_PAYLOAD.exec("sub_hasakah")).toBeNull();
  });

  it("ends a digest entry when given, after the source line", () => {
    const html = renderArticle(ARTICLE, {
      language: "ar",
      timeZone: "Asia/Damascus",
      layout: "entry",
      read: { href: readLink("nashra_test_bot", 17), label: "📖 اقرأ المقال كاملًا" },
    });
    const lines = html.split("\n");
    expect(lines.at(-1)).toBe('<a href="https://t.me/nashra_test_bot?start=a_17">📖 اقرأ المقال كاملًا</a>');
    expect(lines[1]).toContain("الحسكة اليوم");
  });

  it("closes an alert of an article without a link, in the reader's language, and only then", () => {
    const i18n = new I18n("ar");
    const content = { article: ARTICLE, at: ARTICLE.sortAt, readLink: readLink("nashra_test_bot", 17) };
    const ar = messageHtml(renderAlert(content, "ar", "Asia/Damascus", i18n)).join("");
    expect(ar).toContain('<a href="https://t.me/nashra_test_bot?start=a_17">📖 اقرأ المقال كاملًا</a>');
    const en = messageHtml(renderAlert(content, "en", "Asia/Damascus", i18n)).join("");
    expect(en).toContain(">📖 Read in full</a>");
    const linked = { ...content, article: { ...ARTICLE, url: "https://example.org/alouk" } };
    expect(messageHtml(renderAlert(linked, "ar", "Asia/Damascus", i18n)).join("")).not.toContain(
      "start=a_17",
    );
    const without = { article: ARTICLE, at: ARTICLE.sortAt };
    expect(messageHtml(renderAlert(without, "ar", "Asia/Damascus", i18n)).join("")).not.toContain("start=");
  });
});
