// One story, one article: the same report from a feed and from an import is stored once, its second source
// recorded; two different reports, even from the same town on the same day, stay two.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Importer } from "../../src/ingest/importer";
import {
  containment,
  MIN_SHINGLES,
  NEAR_DUPLICATE_THRESHOLD,
  shingles,
} from "../../src/ingest/near-duplicate";
import { parsePlainText } from "../../src/ingest/plain-text";
import type { Store } from "../../src/store";
import { words } from "../../src/text/normalize";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const REPORT = parsePlainText(
  readFileSync(new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url), "utf8"),
);
const paragraphs = REPORT.body.split("\n\n");

// Two reports from Mayadin on the same morning: same town, same day, same kind of words.
const SHELLING = {
  title: "قصف مدفعي على أحياء في مدينة الميادين صباح اليوم",
  body: [
    "تعرضت أحياء في مدينة الميادين بريف دير الزور الشرقي لقصف مدفعي صباح اليوم، ما أدى إلى أضرار في منازل المدنيين.",
    "وقال مصدر محلي إن القذائف سقطت قرب السوق الرئيسي في الميادين، دون أن تسجل إصابات بين السكان.",
    "وتشهد المنطقة توتراً متصاعداً منذ أسابيع بين الميليشيات المنتشرة في المدينة وقوات التحالف.",
  ].join("\n\n"),
};
const MARKET = {
  title: "افتتاح سوق شعبي جديد في مدينة الميادين صباح اليوم",
  body: [
    "افتتح مجلس مدينة الميادين بريف دير الزور الشرقي صباح اليوم سوقاً شعبياً جديداً للخضار والفواكه قرب الجسر.",
    "وقال مصدر في المجلس إن السوق يضم أكثر من مئة بسطة، وإن الأسعار فيه أقل من السوق الرئيسي في الميادين.",
    "ويأمل الأهالي أن يخفف السوق الجديد من ازدحام وسط المدينة خلال ساعات الصباح.",
  ].join("\n\n"),
};

let store: Store;
let importer: Importer;
let cleanup: () => void;
const clock = manualClock();

beforeEach(() => {
  const temp = tempStore(clock);
  ({ store, cleanup } = temp);
  importer = new Importer(store, temp.topics, clock);
});
afterEach(() => cleanup());

const similarity = (a: { title: string; body: string }, b: { title: string; body: string }) =>
  containment(shingles(words(`${a.title}\n${a.body}`)), shingles(words(`${b.title}\n${b.body}`)));

describe("the threshold", () => {
  it("merges a shortened copy and keeps two reports of one town and day apart", () => {
    const shortened = { title: REPORT.title, body: paragraphs.slice(0, 2).join("\n\n") };
    expect(similarity(REPORT, shortened)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    // The same report with a breaking prefix and a last paragraph cut: still one story.
    const edited = { title: `عاجل | ${REPORT.title}`, body: paragraphs.slice(0, -1).join("\n\n") };
    expect(similarity(REPORT, edited)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(similarity(SHELLING, MARKET)).toBeLessThan(0.3);
    expect(similarity(REPORT, SHELLING)).toBeLessThan(0.3);
  });

  it("does not judge texts too short to tell (a title alone)", () => {
    expect(shingles(words("قصف على الميادين")).length).toBeLessThan(MIN_SHINGLES);
    expect(containment(shingles(words("قصف على الميادين")), shingles(words(SHELLING.body)))).toBe(0);
  });
});

describe("importing the same story twice", () => {
  it("stores the report once when a feed brings its shortened copy, and records the feed on it", () => {
    const imported = importer.importOne(REPORT, { origin: "import" });
    const feedCopy = importer.importOne(
      {
        title: REPORT.title,
        body: paragraphs.slice(0, 2).join("\n\n"),
        url: "https://example.org/2022/01/omar-field?utm_source=telegram",
        guid: "omar-1",
        source: "مكتب الفرات",
      },
      { origin: "feed", source: "مكتب الفرات" },
    );
    expect(feedCopy.created).toBe(false);
    expect(feedCopy.article.id).toBe(imported.article.id);
    expect(feedCopy.nearDuplicate).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(feedCopy.topics.map((t) => t.slug).sort()).toEqual(imported.topics.map((t) => t.slug).sort());
    expect(store.articles.count()).toBe(1);
    expect(store.articles.sources(imported.article.id)).toEqual([
      {
        origin: "feed",
        feedId: null,
        source: "مكتب الفرات",
        url: "https://example.org/2022/01/omar-field",
        guidKey: "مكتب الفرات\u0000omar-1",
        similarity: feedCopy.nearDuplicate,
      },
    ]);
    // The next poll finds it by the feed's guid and link: nothing new, nothing recorded twice.
    const again = importer.importOne(
      { title: REPORT.title, body: "نص آخر تماماً", guid: "omar-1", source: "مكتب الفرات" },
      { origin: "feed" },
    );
    expect(again).toMatchObject({ created: false, article: { id: imported.article.id } });
    const byLink = importer.importOne(
      { title: "عنوان آخر", body: "", url: "https://example.org/2022/01/omar-field?fbclid=abc#top" },
      { origin: "import" },
    );
    expect(byLink.article.id).toBe(imported.article.id);
    expect(store.articles.sources(imported.article.id)).toHaveLength(1);
  });

  it("stores the full report once when the shortened copy came first", () => {
    const first = importer.importOne(
      { title: REPORT.title, body: paragraphs.slice(0, 3).join("\n\n"), source: "مكتب الفرات" },
      { origin: "feed" },
    );
    const full = importer.importOne(REPORT, { origin: "import" });
    expect(full).toMatchObject({ created: false, article: { id: first.article.id } });
    expect(store.articles.sources(first.article.id)).toMatchObject([{ origin: "import" }]);
  });

  it("keeps two reports from the same town on the same day, even under the same title", () => {
    const shelling = importer.importOne(SHELLING, { origin: "feed" });
    const market = importer.importOne(MARKET, { origin: "import" });
    // A second shelling that morning, reported under the same title by another desk.
    const sameTitle = importer.importOne(
      {
        title: SHELLING.title,
        body: [
          "سقطت ثلاث قذائف هاون على حي الحميدية في الميادين قرابة العاشرة صباحاً، وأصيب طفلان بجروح طفيفة.",
          "ونقل الطفلان إلى المستوصف الوحيد في الحي، فيما أغلقت المدارس القريبة أبوابها حتى إشعار آخر.",
        ].join("\n\n"),
      },
      { origin: "import" },
    );
    expect([shelling.created, market.created, sameTitle.created]).toEqual([true, true, true]);
    expect(store.articles.count()).toBe(3);
    expect(store.articles.sources(shelling.article.id)).toEqual([]);
  });
});
