// The audience policy's rules as readers notice them: an article alerted and then put in a digest, and what each
// chat finds in its outbox (one rule a test). The bot-level tests (test/bot/alerts.test.ts, digests) go through
// Telegram; these go through the two services that ask the policy, on a real SQLite file.
import { readFileSync } from "node:fs";
import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AlertService } from "../../src/alerts/service";
import { ArticleService } from "../../src/articles/service";
import { AudiencePolicy, MUTES_PER_CHAT } from "../../src/audience/policy";
import { Delivery, RateLimiter } from "../../src/delivery";
import { DigestService } from "../../src/digest/service";
import { I18n } from "../../src/i18n";
import { Importer } from "../../src/ingest/importer";
import { parsePlainText } from "../../src/ingest/plain-text";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import type { Purpose } from "../../src/store/outbox";
import { htmlToText, stripBidi } from "../../src/text/html";
import { type Message, messageHtml } from "../../src/text/message";
import type { TopicService } from "../../src/topics/service";
import { manualClock } from "../support/clock";
import { TEST_TOKEN } from "../support/harness";
import { OUTBOX } from "../support/outbox";
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
      messageHtml(JSON.parse(r.message) as Message)
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

describe("quiet hours (rule 8): how each recipient is sent to", () => {
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
