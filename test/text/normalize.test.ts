import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compact, hasArabic, normalize, normalizeReference, words } from "../../src/text/normalize";

describe("normalize", () => {
  it.each([
    ["دَيْر الزُّور", "دير الزور"], // harakat and shadda
    ["ديـــر الزور", "دير الزور"], // tatweel
    ["ﺩﻳﺮ ﺍﻟﺰﻭﺭ", "دير الزور"], // presentation forms
    ["دیر الزور", "دير الزور"], // Persian yeh
    ["أإآ ؤ ئ", "ااا و ي"], // hamza seats
    ["ٱلميادين", "الميادين"], // alef wasla
    ["مستشفى", "مستشفي"], // alef maqsura
    ["سورية", "سوريه"], // teh marbuta
    ["ک ۀ ہ ە ھ ے", "ك ه ه ه ه ي"],
    ["٢٠١٧ ۲۰۱۷", "2017 2017"], // Arabic-Indic digits
    ["ﻻ", "لا"], // lam-alef ligature
    ["دير\u200cالزور", "دير الزور"], // ZWNJ separates
    ["دير\u200d\u200f\u061c\ufeffالزور", "ديرالزور"], // ZWJ, RLM, ALM, BOM vanish
    ["#دير_الزور", "دير الزور"],
    ["Deir ez-Zor-based", "deir ez zor based"],
    ["DEIR EZ-ZOR", "deir ez zor"],
    ["Deir Ezzor's", "deir ezzor"],
    ["Deir Ezzor’s people", "deir ezzor people"],
    ["Ma‘arrat al-Nu'man", "maarrat al numan"],
    ["Raqqa, (Syria)!", "raqqa syria"],
    ["  كلمات\n\nكثيرة  ", "كلمات كثيره"],
    ["«التنف»", "التنف"],
  ])("%s → %s", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it("keeps the article ال (no stemming)", () => {
    expect(words("الزور الميادين العمر")).toEqual(["الزور", "الميادين", "العمر"]);
  });

  it("gives nothing for text without letters or digits", () => {
    expect(normalize("… — !!! 🙂")).toBe("");
    expect(words("  ")).toEqual([]);
  });

  it("compacts away spaces so joined and spaced forms meet", () => {
    expect(compact("دير الزور")).toBe(compact("ديرالزور"));
    expect(compact("Deir ez-Zor")).toBe("deirezzor");
  });

  it("detects Arabic script", () => {
    expect(hasArabic("Deir ez-Zor")).toBe(false);
    expect(hasArabic("ﺩﻳﺮ")).toBe(true);
    expect(hasArabic("news from دير الزور")).toBe(true);
  });
});

describe("normalize (fast) agrees with normalizeReference (the rules as regexes)", () => {
  // Everything the rules treat specially, plus ordinary letters, marks, emoji and separators.
  const alphabet = [
    ..."دير الزور ميادين بوكمال سورية ىةأإآؤئٱـ",
    ..."\u064b\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655",
    ..."ﺩﻳﺮﺍﻟﺰﻭﻻﷲ",
    ..."یےکۀہەھ٠١٢٣٩۰۵۹",
    ..."\u200c\u200d\u200e\u200f\u061c\ufeff\u202b\u2066\u2069",
    ..."abcsSzZéÉñ-_'’‘ʼʻʾʿ`＇ｓ",
    ..."0123456789 \n\t.,،؛؟!?#@«»“”()[]",
    "🙂",
    "🇸🇾",
    "𝐀",
    "½",
    "²",
  ];
  it("on random mixed text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        expect(normalize(text)).toBe(normalizeReference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        // Greek capital sigma lowercases by context (word-final ς) in a whole string, not per character.
        fc.pre(!/\u03a3/.test(text));
        expect(normalize(text)).toBe(normalizeReference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("on the fixture article", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync("test/fixtures/articles/omar-field-rockets.ar.txt", "utf8");
    expect(normalize(text)).toBe(normalizeReference(text));
  });
});
