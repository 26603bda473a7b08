// About versus mentions (docs/salience.md) on realistic articles in the shape of the real report: places named
// in passing, nationality adjectives, a TV channel named after a town, organisations named after a country.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/topics/catalog";
import { loadSalience } from "../../src/topics/salience";
import type { TopicService } from "../../src/topics/service";
import { TopicIndex } from "../../src/topics/topic-index";
import { tempStore } from "../support/temp";

let topics: TopicService;
let cleanup: () => void;

beforeAll(() => {
  const temp = tempStore();
  topics = temp.topics;
  cleanup = temp.cleanup;
  indexWith = (rules) => {
    const catalog = loadCatalog();
    return new TopicIndex(
      temp.store.topics.all(),
      temp.store.topics.aliases(),
      [...catalog.cues.ar, ...catalog.cues.en],
      rules,
    );
  };
});
afterAll(() => cleanup());

let indexWith: (rules: ReturnType<typeof loadSalience>) => TopicIndex;

const read = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8");

/** The slugs an article is about, and those it only mentions. */
function tagsOf(
  text: string,
  index = topics.index(),
): { about: string[]; mentions: string[]; all: string[] } {
  const tags = index.tagText(text);
  return {
    about: tags.filter((t) => t.about).map((t) => t.topic.slug),
    mentions: tags.filter((t) => !t.about).map((t) => t.topic.slug),
    all: tags.map((t) => t.topic.slug),
  };
}

describe("the real report from Deir ez-Zor", () => {
  const report = read("articles/omar-field-rockets.ar.txt");

  it("is about the Omar oil field, Mayadin and Deir ez-Zor, and only mentions the rest", () => {
    const { about, mentions, all } = tagsOf(report);
    expect(about.sort()).toEqual(["deir-ez-zor", "mayadin", "omar-oil-field"]);
    for (const slug of ["al-tanf", "baghdad", "iraq", "al-bukamal", "iran"]) expect(mentions).toContain(slug);
    // «حزب الله اللبناني» is a party, not the country: Lebanon is not even mentioned.
    expect(all).not.toContain("lebanon");
  });

  it("scores the title's place highest, and a governorate above a city named in one paragraph", () => {
    const tags = topics.index().tagText(report);
    const score = (slug: string) => tags.find((t) => t.topic.slug === slug)?.score ?? 0;
    expect(Math.max(...tags.map((t) => t.score))).toBe(score("omar-oil-field"));
    expect(score("deir-ez-zor")).toBeGreaterThan(score("baghdad"));
  });
});

describe("articles of our own, in the report's shape", () => {
  it.each([
    // «قناة الميادين» and «الميادين نت» are the channel; «الأراضي التركية» an adjective; «ليرة سورية» a currency.
    ["raqqa-mayadeen-channel.ar.txt", ["raqqa"], [], ["mayadin", "turkey", "syria"]],
    // The crossing's story names Iraq in passing.
    ["bukamal-crossing.ar.txt", ["al-bukamal"], ["iraq"], []],
    // An English wire story: "Iranian-backed militias" and "eastern Syrian province" are adjectives.
    ["deir-wire.en.txt", ["deir-ez-zor"], [], ["iran", "syria"]],
    // The title names the town; the body says only "the area", and Deir ez-Zor's countryside once.
    ["hajin-title.ar.txt", ["hajin"], ["deir-ez-zor"], []],
    // «الجيش التركي», «الفصائل السورية الموالية لتركيا», «قوات سوريا الديمقراطية»: Turkey only as a sponsor.
    ["hasakah-turkish.ar.txt", ["hasakah"], ["turkey", "tal-tamr"], ["syria"]],
    // Prices compared with Damascus and Aleppo once.
    ["mayadin-prices.ar.txt", ["mayadin"], ["damascus", "aleppo"], []],
    // «حزب الله اللبناني» is not Lebanon; Palmyra is «في ريف حمص الشرقي» in the lead.
    ["palmyra-hezbollah.ar.txt", ["palmyra", "homs"], [], ["lebanon"]],
    // "Syrian Democratic Forces" is an organisation, "Al Mayadeen TV" a channel.
    ["raqqa-wire.en.txt", ["raqqa"], [], ["mayadin", "syria"]],
  ])("%s: about %j, mentions %j, never names %j", (file, about, mentions, absent) => {
    const tags = tagsOf(read(`salience/${file}`));
    expect(tags.about.sort()).toEqual([...about].sort());
    for (const slug of mentions) expect(tags.mentions).toContain(slug);
    for (const slug of absent) expect(tags.all).not.toContain(slug);
  });

  it("reads a wire story's dateline as where it was filed, and English cue words after the place", () => {
    // "BEIRUT (Reuters) - … at the al-Omar oil field …": Beirut is Lebanon's capital, not the story's place.
    const tags = tagsOf(read("salience/omar-wire-dateline.en.txt"));
    expect(tags.about).toContain("omar-oil-field");
    expect(tags.all).not.toContain("lebanon");
    expect(tags.mentions).toContain("iran");
    const province = topics
      .index()
      .tagText("Shelling reported\nResidents fled shelling in Raqqa province on Monday.");
    const city = topics.index().tagText("Shelling reported\nResidents fled shelling in Raqqa on Monday.");
    expect(province[0]?.score).toBeGreaterThan(city[0]?.score ?? 0);
  });

  it("is about at least one topic when anything matched, even a sponsor only", () => {
    expect(tagsOf("ميليشيات موالية لإيران تعيد انتشارها").about).toEqual(["iran"]);
    expect(tagsOf("Iran-backed militias").about).toEqual(["iran"]);
    expect(tagsOf("خبر عن الطقس").all).toEqual([]);
  });

  it("keeps a place named in the title about it however long the body", () => {
    const body = "وقال مصدر محلي إن قصفاً استهدف ريف دير الزور الشرقي صباح اليوم.\n".repeat(6);
    const { about } = tagsOf(`توتر في الميادين\n${body}`);
    expect(about).toContain("mayadin");
    expect(about).toContain("deir-ez-zor");
  });

  it("tags a 100,000-character text dense with place names", () => {
    expect(tagsOf("دير الزور ".repeat(10_000)).about).toEqual(["deir-ez-zor"]);
    expect(tagsOf("نقلت قناة الميادين عن مصدر في البوكمال ".repeat(2_500)).all).toEqual(["al-bukamal"]);
  });
});

describe("tuning is data (salience.json)", () => {
  it("follows the threshold: none passes → only the best is about; zero → everything named is", () => {
    const report = read("articles/omar-field-rockets.ar.txt");
    const rules = loadSalience();
    const strict = indexWith({ ...rules, about: { minScore: 1000, relative: 1 } });
    expect(tagsOf(report, strict).about).toEqual(["omar-oil-field"]);
    const loose = indexWith({ ...rules, about: { minScore: 0, relative: 0 } });
    expect(tagsOf(report, loose).mentions).toEqual([]);
  });

  it("counts nationality adjectives only while the rules list them", () => {
    const rules = loadSalience();
    const text = "مقاتلون من حزب الله اللبناني في تدمر";
    expect(tagsOf(text).all).not.toContain("lebanon");
    const lenient = indexWith({ ...rules, adjectives: { ar: [], en: [] } });
    expect(tagsOf(text, lenient).all).toContain("lebanon");
  });
});
