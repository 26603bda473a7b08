// Arabic or English, by the share of Arabic-script letters.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/text/language";

const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);

describe("detectLanguage", () => {
  it.each([
    ["استهداف قاعدة التحالف بحقل العمر", "ar"],
    ["Water station in al-Hasakah back online & serving 400,000 people", "en"],
    ["دَيْر الزُّور", "ar"], // diacritics are not letters and do not count against
    ["ﺩﻳﺮ ﺍﻟﺰﻭﺭ", "ar"], // presentation forms
    ["دیر الزور", "ar"], // Persian letters are Arabic script
    ["عاجل | Explosion near the al-Bukamal crossing", "en"], // 4 Arabic letters of 35
    ["عاجل: انفجار قرب معبر البوكمال — Al-Bukamal crossing", "ar"],
    ["\u200fعاجل 🚨 خبر\u200f", "ar"],
    ["BREAKING 🚨 2022", "en"],
  ] as const)("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it("draws the line at 30% Arabic letters", () => {
    // 3 Arabic letters and 7 Latin: 30% → ar; 2 and 8: 20% → en.
    expect(detectLanguage("سلم abcdefg")).toBe("ar");
    expect(detectLanguage("سل abcdefgh")).toBe("en");
  });

  it("counts the title like the body: only letters matter", () => {
    const title = "Water station back online";
    expect(detectLanguage(`${title}\n\nمحطة المياه عادت للعمل في الحسكة بعد عشرة أيام`)).toBe("ar");
    expect(detectLanguage(`${title}\n\n${"1234567890 ".repeat(100)}`)).toBe("en");
  });

  it("gives the fallback (ar unless told) when there are no letters", () => {
    expect(detectLanguage("")).toBe("ar");
    expect(detectLanguage("2022 / ١٥٠٠ — 100%")).toBe("ar");
    expect(detectLanguage("🚨🚨", "en")).toBe("en");
  });

  it("reads the fixture and a 1 MB text", () => {
    expect(detectLanguage(FIXTURE)).toBe("ar");
    const text = `${"Deir ez-Zor ".repeat(50_000)}${"دير الزور ".repeat(50_000)}`;
    expect(detectLanguage(text)).toBe("ar");
  });
});
