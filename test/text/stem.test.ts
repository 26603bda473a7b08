// The search stemmer: what an article's word is indexed under and what a reader's word is looked up by.
import { describe, expect, it } from "vitest";
import { normalize } from "../../src/text/normalize";
import { indexForms, isStopWord, queryStem, spellings } from "../../src/text/stem";

const forms = (word: string) => indexForms(normalize(word));
const stem = (word: string) => queryStem(normalize(word));

describe("indexForms and queryStem", () => {
  it.each([
    ["الصواريخ", "صواريخ"],
    ["بالصواريخ", "صواريخ"],
    ["والبوكمال", "بوكمال"],
    ["للميادين", "مياد"],
    ["الإيرانية", "ايران"],
    ["الإيرانيين", "ايران"],
    ["سورية", "سوري"],
    ["سوريا", "سوري"],
    ["fields", "field"],
    ["militias", "militia"],
    ["cities", "city"],
    ["55", "55"],
  ])("%s is looked up as %s, the stem its article forms are indexed under", (word, expected) => {
    expect(stem(word)).toBe(expected);
    expect(forms(word)).toContain(expected);
  });

  it("indexes a word behind a proclitic both as written and without it", () => {
    expect(forms("لإيران")).toEqual(["لايران", "ايران"]);
    expect(forms("لبنان")).toEqual(["لبنان", "بنان"]);
    // A reader's word is looked for as written: «لبنان» is not «بنان».
    expect(stem("لبنان")).toBe("لبنان");
  });

  it("keeps short words whole", () => {
    expect(forms("وطن")).toEqual(["وطن"]);
    expect(stem("قوات")).toBe("قوات");
    expect(stem("سوري")).toBe("سوري");
  });

  it("folds the letters only foreign names use", () => {
    expect(stem("ڤيسبوك")).toBe(stem("فيسبوك"));
    expect(stem("گوگل")).toBe(stem("كوكل"));
  });
});

describe("spellings", () => {
  it("tries every way of writing the G of a foreign name of four letters or more", () => {
    expect(spellings(stem("غوغل") as string)).toEqual(
      expect.arrayContaining(["غوغل", "جوجل", "كوكل", "جوغل"]),
    );
    expect(spellings("غرب")).toEqual(["غرب"]);
    expect(spellings("google")).toEqual(["google"]);
  });
});

describe("stop words", () => {
  it.each(["في", "من", "على", "عن", "إلى", "أن", "وفي", "ومن", "the", "of", "al", "ez"])("%s", (w) => {
    expect(isStopWord(normalize(w))).toBe(true);
    expect(forms(w)).toEqual([]);
  });

  it("does not take a word for one because its stem looks like one", () => {
    expect(stem("كانون")).toBeDefined();
    expect(stem("الميادين")).toBeDefined();
  });
});
