import { describe, expect, it } from "vitest";
import { AliasMatcher, procliticForms } from "../../src/text/matcher";

describe("procliticForms", () => {
  it("strips conjunctions and prepositions from the front of a word", () => {
    expect(procliticForms("بدير")).toContain("دير");
    expect(procliticForms("ولدير")).toContain("دير");
    expect(procliticForms("للميادين")).toContain("الميادين");
    expect(procliticForms("وللميادين")).toContain("الميادين");
    expect(procliticForms("بالميادين")).toContain("الميادين");
  });

  it("never leaves a lone letter", () => {
    expect(procliticForms("بك")).toEqual(["بك"]);
  });
});

describe("AliasMatcher", () => {
  const matcher = new AliasMatcher([
    { topic: "deir-ez-zor", alias: "دير الزور", strength: "strong" },
    { topic: "lebanon", alias: "لبنان", strength: "strong" },
    { topic: "baghdad", alias: "بغداد", strength: "strong" },
  ]);

  it("finds multi-word aliases at word boundaries, joined forms included", () => {
    expect(matcher.find("قصف في ريف دير الزور اليوم").map((h) => h.topic)).toEqual(["deir-ez-zor"]);
    expect(matcher.find("ديرالزور").map((h) => h.topic)).toEqual(["deir-ez-zor"]);
    expect(matcher.find("ديرالزورية")).toEqual([]);
    expect(matcher.find("شهادة الزور")).toEqual([]);
  });

  it("does not strip proclitic-looking letters from words that start with them", () => {
    expect(matcher.find("وصل إلى لبنان وبغداد").map((h) => h.topic)).toEqual(["lebanon", "baghdad"]);
  });

  it("reports positions in words", () => {
    const [hit] = matcher.find("أخبار بدير الزور");
    expect(hit).toMatchObject({ topic: "deir-ez-zor", start: 1, end: 3 });
  });
});
