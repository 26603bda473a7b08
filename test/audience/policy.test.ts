// The audience policy's rules as readers notice them: an article alerted and then put in a digest, and what each
// chat finds in its outbox (one rule a test). The bot-level tests (test/bot/alerts.test.ts, digests) go through
// Telegram; these go through the two services that ask the policy, on a real SQLite file.
import { readFileSync } from "node:fs";
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertService } from "../../src/alerts/service";
import { ArticleService } from "../../src/articles/service";
import { AudiencePolicy, MUTES_PER_CHAT, WATCHES_PER_CHAT } from "../../src/audience/policy";
import { Delivery, RateLimiter } from "../../src/delivery";
import { DigestService } from "../../src/digest/service";
import { I18n } from "../../src/i18n";
import { Importer } from "../../src/ingest/importer";
import { parsePlainText } from "../../src/ingest/plain-text";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import type { Purpose } from "../../src/store/outbox";
import { htmlToText, stripBidi } from "../../src/text/html";
import { messageHtml } from "../../src/text/message";
import type { TopicService } from "../../src/topics/service";
import { manualClock } from "../support/clock";
import { TEST_TOKEN } from "../support/harness";
import { OUTBOX, sendable } from "../support/outbox";
import { storeReader } from "../support/readers";
import { tempStore } from "../support/temp";

const EDITOR = { id: 900, name: "محررة الفرات", language: "ar" as const, timeZone: "Asia/Damascus" };
const MAYADIN_NEWS = {
  title: "سقوط صواريخ قرب حقل العمر شرقي الميادين",
  body: [
    "سقطت أربعة صواريخ صباح اليوم قرب حقل العمر النفطي شرقي مدينة الميادين، بحسب مصادر محلية تحدثت لقناة الميادين.",
    "وقال ناشطون إن الصواريخ أُطلقت من مواقع تسيطر عليها الميليشيات الإيرانية، ولم تُسجَّل إصابات بين المدنيين.",
  ].join("\n\n"),
  url: "https://nashra.example/a/mayadin-rockets",
  source: "مكتب الفرات",
};
const DEIR_NEWS = {
  title: "افتتاح فرن آلي جديد في حي الجورة بدير الزور",
  body: "افتتح مجلس مدينة دير الزور فرنًا آليًا في حي الجورة يخدم نحو عشرين ألف نسمة، بعد أشهر من الانقطاع.",
  url: "https://nashra.example/a/deir-bakery",
  source: "مكتب الفرات",
};

// The real report from Deir ez-Zor: about the Omar field, Mayadin and Deir ez-Zor; al-Tanf named in passing.
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);

const MATCH_NEWS = {
  title: "الفتوة يفوز على اليقظة في ديربي دير الزور",
  body: [
    "حقق فريق الفتوة فوزًا ثمينًا على ضيفه اليقظة بهدفين مقابل هدف في المباراة التي جمعتهما مساء أمس على الملعب البلدي في مدينة دير الزور، ضمن الدوري السوري الممتاز لكرة القدم.",
    "وسجل هدفي الفتوة مهاجمه القادم من الميادين في الشوط الثاني، فيما قلّص اليقظة الفارق في الدقائق الأخيرة.",
    "وحضر المباراة نحو سبعة آلاف متفرج، في أول ديربي يقام بحضور الجمهور منذ سنوات.",
  ].join("\n\n"),
  url: "https://nashra.example/a/futuwa-derby",
  source: "مكتب الفرات",
};

const WATER_NEWS = {
  title: "انقطاع المياه عن أحياء دير الزور لليوم الثالث",
  body: [
    "يعاني سكان أحياء الجورة والقصور في مدينة دير الزور من انقطاع المياه لليوم الثالث على التوالي، بعد عطل أصاب محطة الضخ الرئيسية.",
    "ولجأ الأهالي إلى شراء المياه من الصهاريج بأسعار مرتفعة، فيما قالت مؤسسة المياه إن الإصلاح يحتاج يومين.",
  ].join("\n\n"),
  url: "https://nashra.example/a/deir-water-cut",
  source: "مكتب الفرات",
};

let clock: ReturnType<typeof manualClock>;
let store: Store;
let topics: TopicService;
let cleanup: () => void;
let alerts: AlertService;
let digests: DigestService;
let importer: Importer;

beforeEach(() => {
  clock = manualClock(Date.UTC(2026, 10, 20, 6, 0));
  ({ store, topics, cleanup } = tempStore(clock));
  importer = new Importer(store, topics, clock);
  const logger = createLogger("silent");
  const audience = new AudiencePolicy(store, topics);
  // A real outbox; the sender is never started (what it would send is what the outbox holds).
  const delivery = new Delivery(store, new RateLimiter(30, clock), {
    api: new Api(TEST_TOKEN, { apiRoot: "http://127.0.0.1:9" }),
    clock,
    logger,
    concurrency: 4,
    paidBroadcast: false,
  });
  const common = {
    store,
    topics,
    audience,
    delivery,
    i18n: new I18n("ar"),
    clock,
    logger,
    defaultLanguage: "ar" as const,
    defaultTimezone: "Asia/Damascus",
  };
  alerts = new AlertService(common);
  digests = new DigestService(common);
});
afterEach(() => {
  alerts.stop();
  cleanup();
});

/** A private chat following the topics (by slug). */
const reader = (id: number, slugs: string[], prefs: Parameters<Store["chats"]["update"]>[1] = {}) =>
  storeReader(store, topics, id, slugs, prefs);

function publish(news: { title: string; body: string; url?: string; source?: string }): number {
  clock.advance(60_000);
  return importer.importOne(news, { origin: "import" }).article.id;
}

/** An editor alerts the article (preview, then Send). */
function alert(articleId: number): void {
  const article = store.articles.get(articleId) ?? expect.fail(`article ${articleId}`);
  const preview = alerts.preview({ article }, EDITOR);
  expect(alerts.confirm(preview.alert.id, EDITOR.id)).toMatchObject({ kind: "sending" });
}

/** An own-topics digest runs now. */
async function digest(): Promise<void> {
  const schedule = store.digests.createSchedule({
    spec: "daily 08:00",
    cron: "0 8 * * *",
    timezone: "Asia/Damascus",
    topicId: null,
    createdBy: EDITOR.id,
  });
  // The schedule covers what came after its creation: the articles were published before it in these tests.
  store.db.prepare("UPDATE schedules SET created_at = 0 WHERE id = ?").run(schedule.id);
  clock.advance(60_000);
  await digests.run(schedule.id, clock());
}

/** What a chat has in the outbox for a purpose, as the reader reads it, one entry per message. */
function received(chatId: number, purpose: Purpose): string[] {
  return (
    store.db
      .prepare(`SELECT message FROM ${OUTBOX} AS outbox WHERE chat_id = ? AND purpose = ? ORDER BY id`)
      .all(chatId, purpose) as { message: string }[]
  ).map((r) =>
    stripBidi(
      messageHtml(sendable(store, topics, r.message))
        .map(htmlToText)
        .join("\n"),
    ),
  );
}

describe("a chat's muted words", () => {
  it("keep an article that contains one from that chat's alerts, digests and /latest, not from other readers'", async () => {
    const policy = new AudiencePolicy(store, topics);
    const fan = reader(1, ["deir-ez-zor"]);
    const noFootball = reader(2, ["deir-ez-zor"]);
    const noDerby = reader(3, ["deir-ez-zor"], { alertsEnabled: false });
    const fanWithoutAlerts = reader(4, ["deir-ez-zor"], { alertsEnabled: false });
    expect(policy.mute(noFootball, "كرة القدم")).toEqual({ kind: "added", phrase: "كرة القدم" });
    // «مباراة» as the reader types it mutes «المباراة» in the article.
    expect(policy.mute(noDerby, "مباراة")).toMatchObject({ kind: "added" });
    const derby = publish(MATCH_NEWS);
    const bakery = publish(DEIR_NEWS);
    alert(derby);
    expect(received(fan, "alert")).toHaveLength(1);
    expect(received(noFootball, "alert")).toEqual([]);
    await digest();
    const digestOf = (chat: number) => received(chat, "digest").join("\n");
    // A reader with alerts off who mutes nothing gets it in the digest (the fan had it as an alert).
    expect(digestOf(fanWithoutAlerts)).toContain(MATCH_NEWS.title);
    expect(digestOf(noDerby)).toContain(DEIR_NEWS.title);
    expect(digestOf(noDerby)).not.toContain(MATCH_NEWS.title);
    expect(digestOf(noFootball)).toContain(DEIR_NEWS.title);
    expect(digestOf(noFootball)).not.toContain(MATCH_NEWS.title);
    const latest = new ArticleService(store, topics, policy, clock);
    const ids = (chat: number) => latest.latest(chat, undefined, 0).items.map((a) => a.id);
    expect(ids(fan)).toEqual([bakery, derby]);
    expect(ids(noDerby)).toEqual([bakery]);
    expect(latest.latest(noDerby, undefined, 0).total).toBe(1);
    // Unmuted, the news is theirs again.
    expect(policy.unmute(noDerby, "مباراة")).toBe(true);
    expect(ids(noDerby)).toEqual([bakery, derby]);
  });

  it("count from the mutes as they are now: a word muted or unmuted between two previews of one article changes the audience", () => {
    const policy = new AudiencePolicy(store, topics);
    reader(1, ["deir-ez-zor"]);
    const noFootball = reader(2, ["deir-ez-zor"]);
    const article = store.articles.get(publish(MATCH_NEWS)) ?? expect.fail("article");
    expect(alerts.preview({ article }, EDITOR).audience).toBe(2);
    policy.mute(noFootball, "كرة القدم");
    expect(alerts.preview({ article }, EDITOR).audience).toBe(1);
    expect(policy.unmute(noFootball, "كرة القدم")).toBe(true);
    expect(alerts.preview({ article }, EDITOR).audience).toBe(2);
  });

  it("are kept per chat, once each, within the limit", () => {
    const policy = new AudiencePolicy(store, topics);
    const chat = reader(1, ["deir-ez-zor"]);
    expect(policy.mute(chat, "كرة القدم")).toMatchObject({ kind: "added" });
    // The same phrase in another spelling is the same muted word.
    expect(policy.mute(chat, "كره  القدم")).toEqual({ kind: "exists", phrase: "كره القدم" });
    expect(policy.mute(chat, "؟")).toEqual({ kind: "invalid", reason: "empty" });
    for (let i = policy.mutes(chat).length; i < MUTES_PER_CHAT; i++)
      expect(policy.mute(chat, `كلمة${i}`)).toMatchObject({ kind: "added" });
    expect(policy.mute(chat, "دوري")).toEqual({ kind: "limit", max: MUTES_PER_CHAT });
    expect(policy.mutes(chat)).toHaveLength(MUTES_PER_CHAT);
    expect(policy.mutes(reader(2, ["syria"]))).toEqual([]);
  });
});

describe("a chat's watched words", () => {
  it("bring an article beyond the chat's places: as an alert once when it is alerted, else in the digest under the word; a mute wins", async () => {
    const policy = new AudiencePolicy(store, topics);
    const dez = reader(1, ["deir-ez-zor"]);
    const watcher = reader(2, ["hasakah"]);
    const quiet = reader(3, ["hasakah"], { alertsEnabled: false });
    const both = reader(4, ["hasakah"]);
    const nothing = reader(5, ["hasakah"]);
    const wordsOnly = reader(6, []);
    for (const chat of [watcher, quiet, both]) policy.watch(chat, "انقطاع المياه");
    // Written without the article, «مياه» is found as «المياه» (and «صهاريج» as «الصهاريج»), as mutes are.
    policy.watch(wordsOnly, "مياه");
    policy.mute(both, "صهاريج");
    const water = publish(WATER_NEWS);
    const bakery = publish(DEIR_NEWS);
    const article = store.articles.get(water) ?? expect.fail("article");
    // The preview counts the watchers too.
    expect(alerts.preview({ article }, EDITOR).audience).toBe(3);
    alert(water);
    expect(received(dez, "alert")).toHaveLength(1);
    expect(received(dez, "alert")[0]).not.toContain("كلمة مرصودة");
    expect(received(watcher, "alert")).toHaveLength(1);
    expect(received(watcher, "alert")[0]).toContain("كلمة مرصودة: «انقطاع المياه»");
    expect(received(wordsOnly, "alert")[0]).toContain("كلمة مرصودة: «مياه»");
    for (const chat of [quiet, both, nothing]) expect(received(chat, "alert")).toEqual([]);
    // Alerted again, nobody gets it twice.
    expect(alerts.preview({ article }, EDITOR)).toMatchObject({ audience: 0, alreadyReached: 3 });

    await digest();
    const digestOf = (chat: number) => received(chat, "digest").join("\n");
    expect(digestOf(quiet)).toContain("🔎 كلمة مرصودة: «انقطاع المياه»");
    expect(digestOf(quiet)).toContain(WATER_NEWS.title);
    expect(digestOf(quiet)).not.toContain(DEIR_NEWS.title);
    expect(digestOf(dez)).toContain(DEIR_NEWS.title);
    expect(digestOf(dez)).not.toContain(WATER_NEWS.title);
    for (const chat of [watcher, both, nothing, wordsOnly]) expect(digestOf(chat)).toBe("");
    expect(bakery).toBeGreaterThan(water);
  });

  it("are kept per chat, once each, within the limit; a watched word containing a muted one is told apart", () => {
    const policy = new AudiencePolicy(store, topics);
    const chat = reader(1, ["hasakah"]);
    expect(policy.watch(chat, "انقطاع المياه")).toEqual({ kind: "added", phrase: "انقطاع المياه" });
    expect(policy.watch(chat, "إنقطاع  المياة")).toEqual({ kind: "exists", phrase: "إنقطاع المياة" });
    expect(policy.watch(chat, "؟")).toEqual({ kind: "invalid", reason: "empty" });
    // Watching and muting are two lists: the same word may be in both (the mute wins).
    policy.mute(chat, "المياه");
    expect(policy.watchesMuted(chat).map((w) => w.phrase)).toEqual(["انقطاع المياه"]);
    for (let i = policy.watches(chat).length; i < WATCHES_PER_CHAT; i++)
      expect(policy.watch(chat, `كلمة${i}`)).toMatchObject({ kind: "added" });
    expect(policy.watch(chat, "كونوكو")).toEqual({ kind: "limit", max: WATCHES_PER_CHAT });
    expect(policy.watches(chat)).toHaveLength(WATCHES_PER_CHAT);
    expect(policy.mutes(chat)).toHaveLength(1);
    // A remove button of the mute list does not remove a watched word.
    const watchedId = policy.watches(chat)[0]?.id as number;
    expect(policy.unwatchId(chat, policy.mutes(chat)[0]?.id as number)).toBeUndefined();
    expect(policy.unwatchId(chat, watchedId)).toBe("انقطاع المياه");
  });
});

const MAYADIN_SCHOOL = {
  title: "افتتاح مدرسة ثانوية جديدة في مدينة الميادين",
  body: [
    "افتتحت مديرية التربية مدرسة ثانوية جديدة في مدينة الميادين تتسع لنحو ثمانمئة طالب وطالبة، بعد أشهر من أعمال الترميم.",
    "وقال مدير المدرسة إن الدوام يبدأ الأسبوع المقبل، فيما طالب الأهالي بزيادة عدد المدرّسين.",
  ].join("\n\n"),
  url: "https://nashra.example/a/mayadin-school",
  source: "مكتب الفرات",
};
const MAYADIN_HASAKAH = {
  title: "شاحنات قمح من الحسكة تصل إلى صوامع الميادين",
  body: [
    "وصلت صباح اليوم قافلة من عشرين شاحنة محملة بالقمح من مدينة الحسكة إلى صوامع الميادين، ضمن اتفاق لتوزيع المحصول بين المحافظتين.",
    "وقال مسؤول في صوامع الميادين إن الكميات تكفي المطاحن شهرين، فيما أكد تجار في الحسكة أن قوافل أخرى ستتبع الأسبوع المقبل.",
  ].join("\n\n"),
  url: "https://nashra.example/a/hasakah-wheat-mayadin",
  source: "مكتب الفرات",
};

describe("a followed place except some of the places under it", () => {
  it("keeps what is only about the excepted place from alerts, digests and /latest; what is also about another followed place comes", async () => {
    const policy = new AudiencePolicy(store, topics);
    const index = topics.index();
    const mayadin = index.bySlug("mayadin") ?? expect.fail("mayadin");
    const plain = reader(1, ["deir-ez-zor"]);
    const except = reader(2, ["deir-ez-zor", "hasakah"]);
    const quiet = reader(3, ["deir-ez-zor", "hasakah"], { alertsEnabled: false });
    // Syria too: the exception is the nearest mark above Mayadin, so it still holds.
    const wide = reader(4, ["syria", "deir-ez-zor"]);
    // Watching a word of it does not bring back what the reader excepted.
    const watching = reader(5, ["deir-ez-zor"]);
    policy.watch(watching, "مدرسة");
    for (const chat of [except, quiet, wide, watching])
      expect(topics.except(chat, mayadin)).toMatchObject({ kind: "excepted", via: { slug: "deir-ez-zor" } });
    expect(topics.except(plain, index.bySlug("hasakah") ?? expect.fail("hasakah"))).toMatchObject({
      kind: "not-covered",
    });
    const school = publish(MAYADIN_SCHOOL);
    const wheat = publish(MAYADIN_HASAKAH);
    const bakery = publish(DEIR_NEWS);
    expect(topics.topicsOfArticle(school).map((t) => t.slug)).toEqual(["mayadin"]);
    expect(
      topics
        .topicsOfArticle(wheat)
        .map((t) => t.slug)
        .sort(),
    ).toEqual(["hasakah", "mayadin"]);
    const article = store.articles.get(school) ?? expect.fail("school");
    expect(alerts.preview({ article }, EDITOR).audience).toBe(1);
    for (const id of [school, wheat, bakery]) alert(id);
    const alerted = (chat: number) => received(chat, "alert").join("\n");
    expect(received(plain, "alert")).toHaveLength(3);
    expect(alerted(except)).not.toContain(MAYADIN_SCHOOL.title);
    expect(alerted(except)).toContain(MAYADIN_HASAKAH.title);
    expect(alerted(except)).toContain(DEIR_NEWS.title);
    expect(alerted(wide)).not.toContain(MAYADIN_SCHOOL.title);
    expect(alerted(wide)).toContain(MAYADIN_HASAKAH.title); // Hasakah comes through Syria
    expect(alerted(wide)).toContain(DEIR_NEWS.title);
    expect(alerted(watching)).not.toContain(MAYADIN_SCHOOL.title);

    await digest();
    const digestOf = (chat: number) => received(chat, "digest").join("\n");
    expect(digestOf(quiet)).toContain(MAYADIN_HASAKAH.title);
    expect(digestOf(quiet)).toContain(DEIR_NEWS.title);
    expect(digestOf(quiet)).not.toContain(MAYADIN_SCHOOL.title);

    const latest = new ArticleService(store, topics, policy, clock);
    const ids = (chat: number, topic?: Parameters<typeof latest.latest>[1]) =>
      latest.latest(chat, topic, 0).items.map((a) => a.id);
    expect(ids(plain)).toEqual([bakery, wheat, school]);
    expect(ids(except)).toEqual([bakery, wheat]);
    expect(ids(wide)).toEqual([bakery, wheat]);
    // Asked for by name, the excepted place is the reader's question: it is listed.
    expect(ids(except, mayadin)).toEqual([wheat, school]);
    // Following it again ends the exception.
    topics.subscribe(except, [mayadin]);
    expect(topics.exceptionsOf(except)).toEqual([]);
    expect(ids(except)).toEqual([bakery, wheat, school]);
  });
});

describe("the audience policy", () => {
  it("lists in /latest the news about a reader's places and those under them, not of places named in passing", () => {
    const report = publish(parsePlainText(FIXTURE));
    const bakery = publish(DEIR_NEWS);
    const deir = reader(1, ["deir-ez-zor"]);
    const tanf = reader(2, ["al-tanf"]);
    const nothing = 3;
    store.chats.touch(nothing, "private", null);
    const latest = new ArticleService(store, topics, new AudiencePolicy(store, topics), clock);
    const ids = (r: { items: { id: number }[] }) => r.items.map((a) => a.id);
    // Deir ez-Zor's reader: the report (about the Omar field, under Deir ez-Zor) and the bakery, newest first.
    expect(ids(latest.latest(deir, undefined, 0))).toEqual([bakery, report]);
    // The report names al-Tanf in one paragraph: not al-Tanf's news, unless the reader asks for al-Tanf by name,
    // and then it is marked as a mention.
    expect(latest.latest(tanf, undefined, 0)).toMatchObject({ scope: "mine", items: [] });
    const named = latest.latest(tanf, topics.index().bySlug("al-tanf"), 0);
    expect(ids(named)).toEqual([report]);
    expect(named.mentionIds).toEqual([report]);
    // A chat that follows nothing sees everything.
    expect(latest.latest(nothing, undefined, 0)).toMatchObject({ scope: "all", total: 2 });
  });

  it("sends a chat that blocked the bot neither alerts nor digests", async () => {
    const active = reader(1, ["mayadin"]);
    const blocked = reader(2, ["mayadin"]);
    store.chats.markInactive(blocked, "Forbidden: bot was blocked by the user");
    alert(publish(MAYADIN_NEWS));
    publish(DEIR_NEWS);
    await digest();
    expect(received(active, "alert")).toHaveLength(1);
    expect(received(blocked, "alert")).toEqual([]);
    expect(received(blocked, "digest")).toEqual([]);
  });

  it("sends no alert to a chat with alerts off, and brings the article in its digest instead", async () => {
    const off = reader(1, ["mayadin"], { alertsEnabled: false });
    alert(publish(MAYADIN_NEWS));
    await digest();
    expect(received(off, "alert")).toEqual([]);
    expect(received(off, "digest").join()).toContain(MAYADIN_NEWS.title);
  });

  it("sends no digest to a chat with digests off, and still alerts it", async () => {
    const off = reader(1, ["mayadin"], { digestsEnabled: false });
    alert(publish(MAYADIN_NEWS));
    publish(DEIR_NEWS);
    await digest();
    expect(received(off, "alert")).toHaveLength(1);
    expect(received(off, "digest")).toEqual([]);
  });

  it("leaves an article a reader was alerted to out of their digest, not out of other readers'", async () => {
    const alerted = reader(1, ["deir-ez-zor"]);
    const notAlerted = reader(2, ["deir-ez-zor"], { alertsEnabled: false });
    alert(publish(MAYADIN_NEWS));
    publish(DEIR_NEWS);
    await digest();
    expect(received(alerted, "alert")[0]).toContain(MAYADIN_NEWS.title);
    const [mine] = received(alerted, "digest");
    expect(mine).toContain(DEIR_NEWS.title);
    expect(mine).not.toContain(MAYADIN_NEWS.title);
    expect(received(notAlerted, "digest")[0]).toContain(MAYADIN_NEWS.title);
  });

  it("brings a place's news to followers of the places above it, once, under the most specific they follow", async () => {
    const everywhere = reader(1, ["syria", "deir-ez-zor", "mayadin"], { alertsEnabled: false });
    const syria = reader(2, ["syria"]);
    alert(publish(MAYADIN_NEWS));
    await digest();
    expect(received(syria, "alert")).toHaveLength(1);
    expect(received(syria, "alert")[0]).toContain("عاجل · سوريا"); // the reader's own place labels it
    const [mine] = received(everywhere, "digest");
    expect(mine?.split(MAYADIN_NEWS.title)).toHaveLength(2); // once
    expect(mine).toMatch(new RegExp(`📍 الميادين\\n• ${MAYADIN_NEWS.title}`));
  });
});

describe("quiet hours (rule 10): how each recipient is sent to", () => {
  const at = (iso: string) => Date.parse(iso);
  const night = { start: 23, end: 7, mode: "silent" as const };
  const wait = { ...night, mode: "later" as const };

  it("sends an alert in a reader's quiet hours silently, or at their end, and rings outside them and when urgent", () => {
    const policy = new AudiencePolicy(store, topics);
    // 23:30 in Damascus (UTC+3), 21:30 in Berlin (UTC+1).
    const sending = policy.sendingFor(at("2026-01-05T20:30:00Z"), "alert");
    expect(sending({ quiet: night }, "Asia/Damascus")).toEqual({ silent: true });
    expect(sending({ quiet: wait }, "Asia/Damascus")).toEqual({ notBefore: at("2026-01-06T04:00:00Z") });
    expect(sending({ quiet: night }, "Europe/Berlin")).toEqual({});
    expect(sending({ quiet: null }, "Asia/Damascus")).toEqual({});
    // Hours that do not wrap: 13:00-17:00; the end is excluded.
    expect(sending({ quiet: { start: 13, end: 17, mode: "silent" } }, "Asia/Damascus")).toEqual({});
    const urgent = policy.sendingFor(at("2026-01-05T20:30:00Z"), "alert", true);
    expect(urgent({ quiet: wait }, "Asia/Damascus")).toEqual({});
    expect(urgent({ quiet: night }, "Asia/Damascus")).toEqual({});
  });

  it("holds a digest due in quiet hours until their end, whatever alerts do, across a DST change", () => {
    const policy = new AudiencePolicy(store, topics);
    const sending = policy.sendingFor(at("2026-01-05T20:30:00Z"), "digest");
    expect(sending({ quiet: night }, "Asia/Damascus")).toEqual({ notBefore: at("2026-01-06T04:00:00Z") });
    // Berlin, 01:30 CET on the night the clocks go forward: the end, 07:00, is in summer time (05:00 UTC).
    expect(policy.digestArrival(night, "Europe/Berlin", at("2026-03-29T00:30:00Z"))).toBe(
      at("2026-03-29T05:00:00Z"),
    );
    expect(policy.digestArrival(null, "Europe/Berlin", at("2026-03-29T00:30:00Z"))).toBe(
      at("2026-03-29T00:30:00Z"),
    );
  });
});
