// Search as readers use it, over realistic multi-paragraph reports in Arabic and English: every word in any order,
// proclitics, spelling variants of foreign names, English names of an Arabic article's place, the passage where
// the words are, ranking of an article about a place above one that names it in passing, and stop words.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleService } from "../../src/articles/service";
import { AudiencePolicy } from "../../src/audience/policy";
import { Importer } from "../../src/ingest/importer";
import { parsePlainText } from "../../src/ingest/plain-text";
import type { PassageRun } from "../../src/text/passage";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 20, 9, 0, 0);

/** About Mayadin: its water station, named in the title and throughout. */
const MAYADIN_WATER = {
  title: "انقطاع مياه الشرب عن أحياء مدينة الميادين لليوم الخامس",
  body: `تعيش أحياء مدينة الميادين شرقي دير الزور يومها الخامس دون مياه الشرب، بعد توقف محطة الضخ الرئيسية على نهر الفرات عن العمل بسبب عطل في المولدة وانقطاع التيار الكهربائي.

وقال أحد سكان حي التمو في الميادين إن الأهالي يقطعون مسافات طويلة لملء الأواني من النهر مباشرة، مع ما يحمله ذلك من خطر على صحة الأطفال وكبار السن.

وأوضح مصدر في مجلس المدينة أن ورشات الصيانة تنتظر وصول قطع تبديل من العاصمة، وأن المحطة كانت تغذي نحو أربعين ألف نسمة في الميادين والقرى المحيطة بها.

وتشهد المدينة منذ أشهر تراجعًا في الخدمات الأساسية، إذ تصل الكهرباء ساعتين فقط في اليوم، فيما ارتفعت أسعار المحروقات اللازمة لتشغيل المضخات الخاصة.

وطالب وجهاء من الميادين الجهات المعنية بإرسال صهاريج لتوزيع المياه على الأحياء الشرقية إلى حين إصلاح المحطة، محذرين من انتشار الأمراض المعوية مع ارتفاع درجات الحرارة.`,
  publishedAt: NOW - 3 * DAY,
};

/** About Raqqa; names Mayadin once, in passing, and Iran only as «لإيران». Newer than the Mayadin report. */
const RAQQA_BREAD = {
  title: "ارتفاع سعر ربطة الخبز في الرقة وطوابير أمام الأفران",
  body: `شهدت مدينة الرقة صباح اليوم طوابير طويلة أمام الأفران بعد رفع سعر ربطة الخبز للمرة الثانية خلال شهر، وسط شكاوى من تراجع جودة الطحين الموزع.

وقال أصحاب أفران في الرقة إن مخصصاتهم من الطحين انخفضت إلى النصف، وإن شحنات القمح القادمة عبر طريق الميادين تأخرت بسبب الحواجز.

ويتهم ناشطون من المدينة تجارًا مرتبطين بميليشيات موالية لإيران باحتكار القمح وبيعه في السوق السوداء، فيما لم يصدر أي تعليق رسمي.

ويعاني أهالي الرقة أيضًا من شح مياه الشرب في بعض الأحياء، ويطالبون بحلول عاجلة قبل حلول الشتاء.`,
  publishedAt: NOW - 1 * DAY,
};

/** Hajin shelled: «صواريخ» and «بصواريخ», never «الصواريخ». */
const HAJIN_SHELLING = {
  title: "قصف على بلدة هجين شرق دير الزور",
  body: `تعرضت بلدة هجين في ريف دير الزور الشرقي فجر اليوم لقصف بصواريخ محلية الصنع، ما أدى إلى أضرار في منازل المدنيين دون تسجيل إصابات.

وقال شهود عيان إن صواريخ سقطت قرب المدرسة الابتدائية وسط البلدة، وإن فرق الدفاع المدني عملت على إخماد حريق في أحد المنازل.

ويأتي القصف بعد أيام من توتر شهدته المنطقة إثر خلافات بين مجموعات مسلحة على طرق التهريب.`,
  publishedAt: NOW - 2 * DAY,
};

/** Foreign names in their Levantine spelling: غوغل، ڤيسبوك. */
const INTERNET_OUTAGE = {
  title: "انقطاع الإنترنت عن ريف دير الزور الغربي",
  body: `انقطعت خدمة الإنترنت عن قرى ريف دير الزور الغربي منذ مساء أمس، بعد عطل في برج الاتصالات الرئيسي في المنطقة.

ويعتمد كثير من الطلاب على خرائط غوغل وتطبيقات التعليم عن بعد، فيما تنشر الصفحات المحلية على ڤيسبوك أخبار الأعطال أولًا بأول.

وقالت الشركة المشغلة في بيان إن فرقها تعمل على إصلاح العطل، دون أن تحدد موعدًا لعودة الخدمة إلى مستشفى المنطقة والدوائر الرسمية.`,
  publishedAt: NOW - 5 * DAY,
};

/** English, about Deir ez-Zor's bread. */
const BREAD_EN = {
  title: "Bread queues grow in Deir ez-Zor as flour deliveries fall",
  body: `Residents of Deir ez-Zor queued for hours outside bakeries on Tuesday after flour deliveries to the city fell for the third week running.

A baker in the al-Joura district said he had received half of his usual allocation. "People come at dawn and many go home with nothing," he said.

Local officials blamed fuel shortages for the delays and said new shipments were expected from Hasakah by the end of the week.`,
  publishedAt: NOW - 4 * DAY,
};

const clock = manualClock(NOW);
const { store, topics, cleanup } = tempStore(clock);
const importer = new Importer(store, topics, clock);
const articles = new ArticleService(store, topics, new AudiencePolicy(store, topics), clock);
const ids: Record<string, number> = {};

beforeAll(() => {
  const fixture = parsePlainText(FIXTURE);
  ids.fixture = importer.importOne(
    { ...fixture, publishedAt: NOW - 10 * DAY },
    { origin: "import" },
  ).article.id;
  for (const [name, a] of Object.entries({
    MAYADIN_WATER,
    RAQQA_BREAD,
    HAJIN_SHELLING,
    INTERNET_OUTAGE,
    BREAD_EN,
  })) {
    ids[name] = importer.importOne(a, { origin: "import" }).article.id;
  }
});
afterAll(() => cleanup());

const found = (query: string) => articles.search(query, 0).items.map((a) => a.id);
const bold = (runs: PassageRun[] | undefined) => (runs ?? []).filter((r) => r.match).map((r) => r.text);
const plain = (runs: PassageRun[] | undefined) => (runs ?? []).map((r) => r.text).join("");

describe("every word, in any order, anywhere in the article", () => {
  it.each(["سليماني خامنئي", "خامنئي سليماني", "قاعدة الصواريخ", "الصواريخ قاعدة", "كيربي البنتاغون"])(
    "%s finds the Omar field report",
    (query) => {
      expect(found(query)).toEqual([ids.fixture]);
    },
  );

  it("two words from different paragraphs of one report find it", () => {
    expect(found("صهاريج المولدة")).toEqual([ids.MAYADIN_WATER]);
  });

  it("finds nothing when the words are not all in one article", () => {
    // خامنئي is in the Omar field report, صهاريج in the Mayadin one.
    expect(found("خامنئي صهاريج")).toEqual([]);
    expect(found("bread Mayadin")).toEqual([]);
  });
});

describe("proclitics, suffixes and plurals", () => {
  it("«الصواريخ» finds «صواريخ» and «بصواريخ»", () => {
    expect(found("الصواريخ هجين")).toEqual([ids.HAJIN_SHELLING]);
  });

  it("«ايران» finds «لإيران»", () => {
    expect(found("ايران الرقة")).toEqual([ids.RAQQA_BREAD]);
  });

  it("a relative adjective finds the place (الإيرانية ← إيران) and a plural its singular", () => {
    expect(found("ايراني سليماني")).toEqual([ids.fixture]);
    expect(found("الأفران الطحين")).toEqual([ids.RAQQA_BREAD]);
    expect(found("bakery flour")).toEqual([ids.BREAD_EN]);
  });
});

describe("spelling variants", () => {
  it.each([
    ["جوجل", "غوغل"],
    ["گوگل", "غوغل"],
    ["كوكل", "غوغل"],
    ["فيسبوك", "ڤيسبوك"],
    ["مستشفي", "مستشفى"],
    ["البنتاجون", "البنتاغون"],
  ])("%s finds the article that writes %s", (query, _written) => {
    expect(found(query).length).toBe(1);
  });

  it("keeps short Arabic words to their own letters (غرب is not جرب)", () => {
    expect(found("غرب صواريخ")).toContain(ids.fixture);
    expect(found("جرب صواريخ")).toEqual([]);
  });
});

describe("a place named in English finds the Arabic articles about it", () => {
  it.each([
    ["Mayadin", "MAYADIN_WATER"],
    ["Omar field", "fixture"],
    ["Deir ez-Zor", "fixture"],
    ["al-Omar oilfield", "fixture"],
  ])("%s", (query, name) => {
    expect(found(query)).toContain(ids[name]);
  });

  it("combines the place with other words, which must be in the text", () => {
    expect(found("Mayadin صهاريج")).toEqual([ids.MAYADIN_WATER]);
    expect(found("Mayadin خامنئي")).toEqual([ids.fixture]);
  });

  it("shows the Arabic name of the place in bold in the passage", () => {
    const result = articles.search("Mayadin", 0);
    const runs = result.passages.get(ids.MAYADIN_WATER as number);
    expect(bold(runs)).toContain("الميادين");
  });
});

describe("ranking and the passage shown", () => {
  it("puts the article about Mayadin above a newer one that names it in passing, and marks the mention", () => {
    const result = articles.search("الميادين المياه", 0);
    const order = result.items.map((a) => a.id);
    expect(order.indexOf(ids.MAYADIN_WATER as number)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(ids.RAQQA_BREAD as number)).toBeGreaterThan(
      order.indexOf(ids.MAYADIN_WATER as number),
    );
    expect(result.mentionIds).toContain(ids.RAQQA_BREAD);
    expect(result.mentionIds).not.toContain(ids.MAYADIN_WATER);
  });

  it("shows the passage deep in the article where the word is, in bold, not the opening", () => {
    const result = articles.search("صهاريج", 0);
    const runs = result.passages.get(ids.MAYADIN_WATER as number);
    expect(bold(runs)).toEqual(["صهاريج"]);
    expect(plain(runs)).toContain("بإرسال صهاريج لتوزيع المياه");
    expect(plain(runs)).not.toContain("تعيش أحياء مدينة");
  });

  it("bolds every form of the query's words in the passage", () => {
    const runs = articles.search("الصواريخ هجين", 0).passages.get(ids.HAJIN_SHELLING as number);
    expect(bold(runs)).toEqual(expect.arrayContaining(["هجين", "بصواريخ"]));
  });

  it("counts a word in the title above the same word in a body", () => {
    // الخبز is in the title of the Raqqa report; the English one has "bread" only.
    const order = found("الخبز");
    expect(order[0]).toBe(ids.RAQQA_BREAD);
  });
});

describe("stop words", () => {
  it("ignores words too common to mean anything", () => {
    expect(found("صهاريج في من على")).toEqual([ids.MAYADIN_WATER]);
    expect(found("the bread of Deir ez-Zor")).toContain(ids.BREAD_EN);
  });

  it("answers a query of only such words with a hint, not every article", () => {
    const result = articles.search("في من على عن إلى أن", 0);
    expect(result.onlyCommonWords).toBe(true);
    expect(result.items).toEqual([]);
    expect(articles.search("the of in", 0).onlyCommonWords).toBe(true);
  });
});
