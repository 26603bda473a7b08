// What readers type for a place, read as the bot reads it: exact names, short names and transliterations,
// lists joined with و, "and" or commas (TopicIndex.closeMatches, resolveTopic, splitTopicNames).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTopic, splitTopicNames } from "../../src/topics/resolve";
import type { TopicService } from "../../src/topics/service";
import { tempStore } from "../support/temp";

let topics: TopicService;
let cleanup: () => void;

beforeAll(() => {
  const temp = tempStore();
  topics = temp.topics;
  cleanup = temp.cleanup;
});
afterAll(() => cleanup());

/** The slug a name resolves to alone, or the kind of answer and its slugs. */
function resolved(input: string): string {
  const r = resolveTopic(topics.index(), input);
  if (r.kind === "one") return r.topic.slug;
  if (r.kind === "unknown") return "unknown";
  return `${r.kind}: ${r.topics.map((t) => t.slug).join(" ")}`;
}

describe("a short name or a transliteration", () => {
  it.each([
    ["العمر", "omar-oil-field"],
    ["حقل العمر", "omar-oil-field"],
    ["Omar field", "omar-oil-field"],
    ["al-Omar", "omar-oil-field"],
    ["Al Omar", "omar-oil-field"],
    ["omar oil", "omar-oil-field"],
    ["Deir Ezzour", "deir-ez-zor"],
    ["Dair ez-Zor", "deir-ez-zor"],
    ["Mayadeen", "mayadin"],
    ["al-Meyadeen", "mayadin"],
    ["Albu Kamal", "al-bukamal"],
    ["Qamishly", "qamishli"],
    ["الميادين", "mayadin"],
    ["كونيكو", "conoco-gas-field"],
    ["التنك", "al-tanak-oil-field"],
  ])("%s → %s", (input, slug) => {
    expect(resolved(input)).toBe(slug);
  });

  it("offers choices when a short name fits several places", () => {
    expect(resolved("دير")).toBe("suggestions: deir-ez-zor deir-ez-zor-military-airport");
    expect(resolved("حقل")).not.toMatch(/^omar/);
    expect(resolved("حقل")).toMatch(/^suggestions|^unknown/);
  });

  it("does not take a kind of place or an unrelated word for a name", () => {
    for (const word of ["field", "مخيم", "مطار", "oil", "Omar Abdullah said", "Medina", "محطة"]) {
      expect(resolveTopic(topics.index(), word).kind, word).not.toBe("one");
    }
    expect(resolved("qqqqqqqqqq")).toBe("unknown");
  });
});

describe("a list of names", () => {
  const split = (input: string) => splitTopicNames(topics.index(), input);

  it.each([
    ["الميادين والبوكمال", ["الميادين", "البوكمال"]],
    ["الميادين و البوكمال", ["الميادين", "البوكمال"]],
    ["الميادين، البوكمال", ["الميادين", "البوكمال"]],
    ["الميادين, البوكمال", ["الميادين", "البوكمال"]],
    ["دير الزور والميادين والبوكمال", ["دير الزور", "الميادين", "البوكمال"]],
    ["حقل العمر وكونيكو", ["حقل العمر", "كونيكو"]],
    ["Mayadin and Hajin", ["Mayadin", "Hajin"]],
    ["Mayadin & Hajin", ["Mayadin", "Hajin"]],
  ])("%s", (input, names) => {
    expect(split(input)).toEqual(names);
  });

  it("keeps a name whose own words begin with و, and splits only where both sides are names", () => {
    expect(split("ولدير الزور")).toEqual(["ولدير الزور"]);
    expect(split("الميادين والقمر")).toEqual(["الميادين والقمر"]);
    expect(split("دير الزور")).toEqual(["دير الزور"]);
  });
});
