// The importer: dedupe, tagging, one transaction per batch.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus";
import { Importer } from "../../src/ingest/importer";
import { parsePlainText } from "../../src/ingest/plain-text";
import type { Store } from "../../src/store";
import { isBreaking, withoutBreakingPrefix } from "../../src/text/breaking";
import type { TopicService } from "../../src/topics/service";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);

let store: Store;
let topics: TopicService;
let importer: Importer;
let cleanup: () => void;
const clock = manualClock();

beforeEach(() => {
  ({ store, topics, cleanup } = tempStore(clock));
  importer = new Importer(store, topics, clock);
});
afterEach(() => cleanup());

const articleCount = () => (store.db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;

describe("importing the fixture", () => {
  it("stores one article with the expected tags, twice imported", () => {
    const first = importer.importOne(parsePlainText(FIXTURE), { origin: "import" });
    const second = importer.importOne(parsePlainText(FIXTURE), { origin: "import" });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.article.id).toBe(first.article.id);
    expect(articleCount()).toBe(1);
    // About the Omar oil field, Mayadin and Deir ez-Zor; al-Tanf, Baghdad, Iraq, al-Bukamal and Iran are named in
    // passing; «حزب الله اللبناني» is not Lebanon, not even a mention.
    expect(first.topics.map((t) => t.slug).sort()).toEqual(["deir-ez-zor", "mayadin", "omar-oil-field"]);
    const mentioned = first.tags.filter((t) => !t.about).map((t) => t.topic.slug);
    for (const slug of ["al-tanf", "baghdad", "iraq", "al-bukamal", "iran"])
      expect(mentioned).toContain(slug);
    expect(first.tags.map((t) => t.topic.slug)).not.toContain("lebanon");
    expect(second.tags).toEqual(first.tags);
    expect(first.article).toMatchObject({ language: "ar", origin: "import", breaking: false });
    expect(first.article.title).toBe("استهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا");
    expect(first.article.body).not.toContain("شارك المقال");
  });

  it("dedupes by guid, by canonical URL and by normalized content", () => {
    const base = { title: "خبر", body: "نص الخبر في الميادين" };
    importer.importOne({ ...base, guid: "g-1", source: "S" }, { origin: "feed" });
    expect(
      importer.importOne({ title: "آخر", body: "مختلف", guid: "g-1", source: "S" }, { origin: "feed" })
        .created,
    ).toBe(false);
    importer.importOne(
      { title: "ثالث", body: "ثالث", url: "https://x.org/a?utm_source=rss" },
      { origin: "feed" },
    );
    expect(
      importer.importOne({ title: "رابع", body: "رابع", url: "https://X.org/a#top" }, { origin: "feed" })
        .created,
    ).toBe(false);
    // The same text with harakat and tatweel is the same content.
    expect(
      importer.importOne({ title: "خَبَر", body: "نـص الخبر في الميادين" }, { origin: "post" }).created,
    ).toBe(false);
    expect(articleCount()).toBe(2);
  });

  it("imports a batch all or nothing", () => {
    expect(() =>
      importer.importAll(
        [
          { title: "صالح", body: "نص" },
          { title: "   ", body: "بلا عنوان" },
        ],
        { origin: "import" },
      ),
    ).toThrow(/article 2 has no title/);
    expect(articleCount()).toBe(0);
  });

  it("imports nothing of a large file whose last article is malformed (the whole file is checked first)", () => {
    const archive = generateCorpus(1500, 1500, 3);
    const malformed = [...archive, { title: "\n \t", body: "مقال بلا عنوان في آخر الملف" }];
    expect(() => importer.importAll(malformed, { origin: "import" })).toThrow(/article 1501 has no title/);
    expect(articleCount()).toBe(0);
    // The synthetic corpus repeats its sentences, so a few articles are near-duplicates stored once.
    const results = importer.importAll(archive, { origin: "import" });
    expect(results).toHaveLength(1500);
    expect(articleCount()).toBe(results.filter((a) => a.created).length);
    expect(articleCount()).toBeGreaterThan(1400);
  });

  it("tags again recent articles when an alias is added", () => {
    const { article } = importer.importOne({ title: "قصف على درنج", body: "…" }, { origin: "post" });
    expect(store.articles.topicIds(article.id)).toEqual([]);
    const deir = topics.index().bySlug("deir-ez-zor");
    if (!deir) throw new Error("catalog");
    const created = topics.create({ slug: "darnaj", nameAr: "درنج", nameEn: "Darnaj", parentId: deir.id });
    expect(importer.retagSince(0)).toBe(1);
    expect(store.articles.topicIds(article.id)).toEqual([created.id]);
  });

  it("keeps each article's own editor choices when it tags the window again, and leaves older articles as they were", () => {
    const deir = topics.index().bySlug("deir-ez-zor");
    const mayadin = topics.index().bySlug("mayadin");
    if (!deir || !mayadin) throw new Error("catalog");
    const darnaj = topics.create({ slug: "darnaj", nameAr: "درنج", nameEn: "Darnaj", parentId: deir.id });
    const news = (title: string) => importer.importOne({ title, body: "…" }, { origin: "post" }).article.id;
    const older = news("قصف مدفعي على أطراف درنج ليلاً");
    clock.advance(86_400_000);
    const since = clock();
    const keptOff = news("قصف على درنج صباح اليوم");
    const withMention = news("أهالي درنج ينتظرون وصول الصهاريج");
    const untouched = news("انقطاع الكهرباء في درنج منذ يومين");
    // The editors' choices, as /article records them (the machine's tags are not changed yet).
    store.articles.setChoice(older, darnaj.id, null);
    store.articles.setChoice(keptOff, darnaj.id, null);
    store.articles.setChoice(withMention, mayadin.id, false);
    expect(importer.retagSince(since)).toBe(2);
    expect(store.articles.topicIds(keptOff)).toEqual([]);
    expect(store.articles.tags(withMention).map((t) => [t.topicId, t.about])).toEqual([
      [darnaj.id, true],
      [mayadin.id, false],
    ]);
    expect(store.articles.topicIds(untouched)).toEqual([darnaj.id]);
    expect(store.articles.topicIds(older)).toEqual([darnaj.id]);
  });
});

describe("isBreaking", () => {
  it.each([
    ["عاجل | انفجار قرب معبر البوكمال", true],
    ["عاجل: قصف", true],
    ["BREAKING: blast near Al-Bukamal", true],
    ["Breaking news", true],
    ["أخبار عاجلة", false],
    ["Breakingly good", false],
  ])("%s → %s", (title, expected) => {
    expect(isBreaking(title)).toBe(expected);
  });
});

describe("withoutBreakingPrefix", () => {
  it.each([
    ["عاجل | انفجار قرب معبر البوكمال", "انفجار قرب معبر البوكمال"],
    ["🔴 عاجل: قصف", "قصف"],
    ["عاجل ـ قصف", "قصف"],
    ["عــاجل/قصف", "قصف"],
    ["BREAKING NEWS: blast near Al-Bukamal", "blast near Al-Bukamal"],
    ["Breaking - Fire in town", "Fire in town"],
    ["عاجل", "عاجل"], // nothing would remain
    ["قصف عاجل على المدينة", "قصف عاجل على المدينة"], // not breaking
  ])("%s → %s", (title, expected) => {
    expect(withoutBreakingPrefix(title)).toBe(expected);
  });
});
