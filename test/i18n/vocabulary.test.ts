// One name for one thing (docs/vocabulary.md): the synonyms the glossary bans do not come back into ar.ftl (or
// any Arabic file of a feature, locales/ar/*.ftl).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localeFiles } from "../../src/i18n";

const AR = localeFiles(new URL("../../src/i18n/locales/", import.meta.url), "ar")
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
/** The messages' text: comments dropped. */
const text = AR.split("\n")
  .filter((line) => !line.startsWith("#"))
  .join("\n");

const BANNED: [RegExp, string][] = [
  [/(?:^|[\s«(])(?:ال|و|ب|ل)?(?:موضوع|مواضيع)/mu, "places are «منطقة/المناطق», not «موضوع/مواضيع»"],
  [
    /نشرت(?:ك|ها|هم)|النشرات|نشرات|النشرة|نشرة الموعد|أول نشرة/u,
    "a digest is «الملخص»; «نشرة» is the product's name",
  ],
  [/المنطقة الزمنية|منطقتك الزمنية/u, "a time zone is «التوقيت», so «منطقة» means a place only"],
  [/الاشتراكات|اشتراك/u, "a subscription is «متابعة»"],
  [/^[\w-]+-group = [^\n]*هذه المحادثة/mu, "a group is «هذه المجموعة», a channel «هذه القناة»"],
  [/(?:^|[\s«(])(?:ال|و|ب|ل)?بلاغ/mu, "a reader's tip is «رسالة إلى غرفة الأخبار», not «بلاغ»"],
  [
    /تجاهل/u,
    "dismissing a tip or a breaking item is «اترك» (اتركها، اتركه، تُركت), one verb on the buttons and the toasts",
  ],
];

describe("ar.ftl's vocabulary", () => {
  it.each(BANNED)("has no %s", (pattern, why) => {
    expect(pattern.exec(text)?.[0], why).toBeUndefined();
  });

  it("uses «نشرة» only as the product's name", () => {
    for (const m of text.matchAll(/\S*نشرة\S*/gu))
      expect(m[0]).toMatch(/^(?:<b>)?نشرة(?:<\/b>)?[.:،]?$|^لنشرة$/u);
  });
});
