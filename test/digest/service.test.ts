// Digest runs on a real SQLite file: who gets what, grouped how, split how, and what a restart does.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AudiencePolicy } from "../../src/audience/policy";
import { DigestService } from "../../src/digest/service";
import { I18n } from "../../src/i18n";
import { Importer } from "../../src/ingest/importer";
import { parsePlainText } from "../../src/ingest/plain-text";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import { stripBidi } from "../../src/text/html";
import { messageHtml } from "../../src/text/message";
import { MESSAGE_LIMIT } from "../../src/text/split";
import type { TopicService } from "../../src/topics/service";
import { manualClock } from "../support/clock";
import { parseTelegramHtml } from "../support/fake-bot-api";
import { OUTBOX, sendable } from "../support/outbox";
import { storeReader } from "../support/readers";
import { tempStore } from "../support/temp";

const HOUR = 3600_000;
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);
let clock: ReturnType<typeof manualClock>;
let store: Store;
let topics: TopicService;
let importer: Importer;
let cleanup: () => void;

beforeEach(() => {
  clock = manualClock(Date.UTC(2026, 10, 20, 6, 0));
  ({ store, topics, cleanup } = tempStore(clock));
  importer = new Importer(store, topics, clock);
});
afterEach(() => cleanup());

function service(chunkSize?: number): DigestService {
  return new DigestService({
    store,
    topics,
    audience: new AudiencePolicy(store, topics),
    delivery: { enqueue: (m) => store.outbox.enqueue(m) },
    i18n: new I18n("ar"),
    clock,
    logger: createLogger("silent"),
    defaultLanguage: "ar",
    defaultTimezone: "Asia/Damascus",
    ...(chunkSize ? { chunkSize } : {}),
  });
}

/** A private chat following the topics (by slug). */
const reader = (id: number, slugs: string[], prefs: Parameters<Store["chats"]["update"]>[1] = {}) =>
  storeReader(store, topics, id, slugs, prefs);

function article(title: string, body = "نص الخبر.", extra: { url?: string; source?: string } = {}): number {
  clock.advance(60_000);
  return importer.importOne({ title, body, ...extra }, { origin: "import" }).article.id;
}

/** The parts of each chat's digest rows, by chat. */
function digests(): Map<number, string[][]> {
  const rows = store.db
    .prepare(`SELECT chat_id, message FROM ${OUTBOX} AS outbox WHERE purpose = 'digest' ORDER BY id`)
    .all() as { chat_id: number; message: string }[];
  const out = new Map<number, string[][]>();
  for (const r of rows) {
    const parts = [...messageHtml(sendable(store, topics, r.message))];
    out.set(r.chat_id, [...(out.get(r.chat_id) ?? []), parts]);
  }
  return out;
}

const visible = (parts: readonly string[]) =>
  stripBidi(parts.map((p) => parseTelegramHtml(p).text).join("\n"));

function schedule(topicSlug?: string): number {
  const topicId = topicSlug ? (topics.index().bySlug(topicSlug)?.id ?? null) : null;
  return store.digests.createSchedule({
    spec: "daily 08:00",
    cron: "0 8 * * *",
    timezone: "Asia/Damascus",
    topicId,
    createdBy: 1,
  }).id;
}

describe("a digest run", () => {
  it("brings the real report to readers of the places it is about, not of those it names in passing", async () => {
    const omar = reader(1, ["omar-oil-field"], { language: "ar" });
    const passing = [
      reader(2, ["baghdad"]),
      reader(3, ["al-tanf"]),
      reader(4, ["lebanon"]),
      reader(5, ["iran"]),
    ];
    const id = schedule();
    clock.advance(60_000);
    importer.importOne(parsePlainText(FIXTURE), { origin: "import" });
    expect(await service().run(id, clock())).toMatchObject({ ran: true, enqueued: 1 });
    const got = digests();
    // Under the reader's own place, not the article's other tags (Mayadin is as deep as the oil field).
    expect(visible(got.get(omar)?.[0] ?? [])).toContain("📍 حقل العمر النفطي\n• استهداف قاعدة التحالف");
    for (const chat of passing) expect(got.has(chat)).toBe(false);
  });

  it("gives each reader the new articles of their topics and the places under them, grouped under the most specific", async () => {
    const dez = reader(1, ["deir-ez-zor"]);
    const both = reader(2, ["syria", "mayadin"], { language: "en" });
    const aleppo = reader(3, ["aleppo"]);
    const id = schedule();
    article("انفجار في الميادين", "وقع انفجار في مدينة الميادين بريف دير الزور الشرقي.");
    article("ارتفاع أسعار الخبز في دير الزور", "ارتفعت أسعار الخبز في مدينة دير الزور.");
    article("اجتماع في دمشق", "عقد اجتماع في دمشق.");
    const outcome = await service().run(id, clock());
    expect(outcome).toMatchObject({ ran: true, enqueued: 2 });
    const got = digests();
    expect(got.has(aleppo)).toBe(false); // nothing new: no digest
    const dezText = visible(got.get(dez)?.[0] ?? []);
    expect(dezText).toContain("📍 دير الزور");
    expect(dezText).toContain("انفجار في الميادين");
    expect(dezText).toContain("ارتفاع أسعار الخبز");
    expect(dezText).not.toContain("دمشق");
    // Syria and Mayadin: the Mayadin story under Mayadin, the rest under Syria, each once.
    const bothText = visible(got.get(both)?.[0] ?? []);
    expect(bothText).toMatch(/^📰 Your digest/);
    expect(bothText).toContain("📍 Mayadin\n• انفجار في الميادين");
    expect(bothText).toMatch(/📍 Syria\n• اجتماع في دمشق\n[^\n]+\n\n• ارتفاع أسعار الخبز/);
    expect(bothText.match(/انفجار في الميادين/g)).toHaveLength(1);
    expect(bothText).toContain("اجتماع في دمشق");
  });

  it("stores one body for the readers who get the same digest, and keeps each reader's own", async () => {
    const dez = Array.from({ length: 40 }, (_, i) => reader(100 + i, ["deir-ez-zor"]));
    const dezEnglish = Array.from({ length: 5 }, (_, i) =>
      reader(200 + i, ["deir-ez-zor"], { language: "en" }),
    );
    const mayadin = Array.from({ length: 10 }, (_, i) => reader(300 + i, ["mayadin"]));
    const id = schedule();
    article(
      "انفجار في الميادين",
      "وقع انفجار في مدينة الميادين بريف دير الزور الشرقي، وسمع دويه في القرى المجاورة.",
    );
    article(
      "ارتفاع أسعار الخبز في دير الزور",
      "ارتفعت أسعار الخبز في مدينة دير الزور للمرة الثالثة هذا الشهر.",
    );
    const outcome = await service(7).run(id, clock());
    expect(outcome).toMatchObject({ enqueued: 55 });
    // Three contents (Deir ez-Zor in Arabic, in English, Mayadin's one story), across chunks of 7 readers.
    const bodies = store.db
      .prepare("SELECT count(DISTINCT body_id) AS n FROM outbox WHERE purpose = 'digest'")
      .get() as { n: number };
    expect(bodies.n).toBe(3);
    expect((store.db.prepare("SELECT count(*) AS n FROM outbox_bodies").get() as { n: number }).n).toBe(3);
    const got = digests();
    expect(visible(got.get(dez[0] as number)?.[0] ?? [])).toContain("ارتفاع أسعار الخبز");
    expect(visible(got.get(dezEnglish[0] as number)?.[0] ?? [])).toMatch(/^📰 Your digest/);
    const mayadinText = visible(got.get(mayadin[0] as number)?.[0] ?? []);
    expect(mayadinText).toContain("📍 الميادين\n• انفجار في الميادين");
    expect(mayadinText).not.toContain("أسعار الخبز");
  });

  it("leaves out articles already alerted to the reader, and starts the next digest after the previous one", async () => {
    const a = reader(1, ["deir-ez-zor"]);
    const b = reader(2, ["deir-ez-zor"]);
    const id = schedule();
    const alerted = article("عاجل: قصف على دير الزور", "قصف على مدينة دير الزور.");
    article("خبر عادي من دير الزور", "خبر من مدينة دير الزور.");
    store.audience.recordDeliveries([a], [alerted], "alert:1");
    await service().run(id, clock());
    expect(visible(digests().get(a)?.[0] ?? [])).not.toContain("قصف");
    expect(visible(digests().get(b)?.[0] ?? [])).toContain("قصف");

    clock.advance(HOUR);
    article("خبر جديد من دير الزور", "جديد من مدينة دير الزور.");
    await service().run(id, clock());
    const second = digests().get(a)?.[1] ?? [];
    expect(visible(second)).toContain("خبر جديد");
    expect(visible(second)).not.toContain("خبر عادي");
  });

  it("covers only what came after the reader subscribed and after the schedule was created", async () => {
    article("خبر قديم من دير الزور", "قديم من مدينة دير الزور.");
    clock.advance(1000);
    const r = reader(1, ["deir-ez-zor"]);
    const id = schedule();
    await service().run(id, clock());
    expect(digests().size).toBe(0);
    article("خبر بعد الاشتراك من دير الزور", "من مدينة دير الزور.");
    await service().run(id, clock() + 1);
    expect(visible(digests().get(r)?.[0] ?? [])).toContain("خبر بعد الاشتراك");
  });

  it("honours digests off, inactive chats, and the schedule's topic", async () => {
    const off = reader(1, ["deir-ez-zor"], { digestsEnabled: false });
    const blocked = reader(2, ["deir-ez-zor"]);
    store.chats.markInactive(blocked, "blocked");
    const syria = reader(3, ["syria"]);
    const raqqa = reader(4, ["raqqa"]);
    const id = schedule("deir-ez-zor");
    article("خبر من الميادين", "من مدينة الميادين.");
    article("خبر من الرقة", "من مدينة الرقة.");
    await service().run(id, clock());
    const got = digests();
    expect([...got.keys()]).toEqual([syria]);
    expect(visible(got.get(syria)?.[0] ?? [])).toContain("خبر من الميادين");
    expect(visible(got.get(syria)?.[0] ?? [])).not.toContain("الرقة");
    for (const c of [off, blocked, raqqa]) expect(got.has(c)).toBe(false);
  });

  it("shows 30 items, counts the rest, and keeps every part within Telegram's limits", async () => {
    const r = reader(1, ["deir-ez-zor"], { timezone: "Europe/Berlin" });
    const id = schedule();
    for (let i = 0; i < 45; i++) {
      article(`خبر رقم ${i} من دير الزور ${"وتفاصيل طويلة ".repeat(12)}`, `نص ${i} من مدينة دير الزور.`, {
        url: `https://example.org/news/${i}?a=1&b=<2>`,
        source: "Euphrates <Desk> & Co",
      });
    }
    await service().run(id, clock());
    const parts = digests().get(r)?.[0] ?? [];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const parsed = parseTelegramHtml(part); // throws on malformed HTML
      expect(parsed.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(parsed.entities.length).toBeLessThan(100);
    }
    const text = visible(parts);
    expect(text.match(/^• /gm)).toHaveLength(30);
    expect(text).toContain("…و15 مقالًا آخر");
    expect(text).toContain("خبر رقم 44"); // newest first
    expect(text).not.toContain("خبر رقم 14 ");
    expect(text).toContain("Euphrates <Desk> & Co");
    expect(stripBidi(parts[1] ?? "")).toMatch(/^<b>📍 دير الزور<\/b> \(تتمة\)/);
  });

  it("stores what a digest shows, not its text, and sends the articles as they are when it goes out", async () => {
    const dez = reader(1, ["deir-ez-zor"]);
    const mayadin = reader(2, ["mayadin"], { language: "en" });
    const id = schedule();
    const blast = article(
      "انفجار في الميادين",
      "وقع انفجار قرب سوق مدينة الميادين بريف دير الزور الشرقي، وأفاد شهود بسقوط جرحى.\n\nوقال مراسل قناة الميادين إن فرق الدفاع المدني نقلت المصابين إلى مشفى المدينة.",
    );
    const bread = article(
      "ارتفاع أسعار الخبز في دير الزور",
      "ارتفعت أسعار ربطة الخبز في أفران مدينة دير الزور للمرة الثانية هذا الشهر.\n\nوقال أصحاب أفران إن سعر الطحين ارتفع بعد انقطاع طريق دمشق.",
    );
    const water = article(
      "عودة المياه إلى أحياء في البوكمال",
      "عادت المياه إلى أحياء في مدينة البوكمال بعد إصلاح محطة الضخ.\n\nوكانت الأحياء الشرقية بلا مياه منذ أسبوع.",
    );
    expect(await service().run(id, clock())).toMatchObject({ enqueued: 2 });
    // What the run stored: the articles and their groups (~150 bytes), not ~4 KB of HTML a reader.
    const stored = store.db
      .prepare(`SELECT chat_id, message FROM ${OUTBOX} AS outbox WHERE purpose = 'digest' ORDER BY chat_id`)
      .all() as { chat_id: number; message: string }[];
    for (const row of stored) {
      expect(JSON.parse(row.message)).toMatchObject({ kind: "digest" });
      expect(row.message.length).toBeLessThan(200);
      expect(row.message).not.toContain("انفجار");
    }
    // Before the sender gets to them, an editor deletes one story and corrects another's title.
    store.articles.delete(bread, clock());
    store.db
      .prepare("UPDATE articles SET title = ? WHERE id = ?")
      .run("انفجار قرب سوق الميادين يوقع جرحى", blast);
    const got = digests();
    const dezText = visible(got.get(dez)?.[0] ?? []);
    expect(dezText).toContain("انفجار قرب سوق الميادين يوقع جرحى");
    expect(dezText).toContain("عودة المياه إلى أحياء في البوكمال");
    expect(dezText).not.toContain("أسعار الخبز");
    expect(visible(got.get(mayadin)?.[0] ?? [])).toMatch(
      /^📰 Your digest[\s\S]*📍 Mayadin\n• انفجار قرب سوق/,
    );
    // A digest whose every story was deleted has nothing left to send.
    store.articles.delete(blast, clock());
    store.articles.delete(water, clock());
    const recipe = JSON.parse(stored.find((r) => r.chat_id === mayadin)?.message ?? "{}");
    expect(service().render(recipe)).toBeUndefined();
  });

  it("never repeats an article across schedules: two daily ones, and a topic one with an own-topics one", async () => {
    const r = reader(1, ["deir-ez-zor"]);
    const morning = schedule();
    const evening = schedule();
    const dezOnly = schedule("deir-ez-zor");
    article("خبر الصباح من دير الزور", "من مدينة دير الزور.");
    await service().run(morning, clock());
    clock.advance(HOUR);
    await service().run(evening, clock());
    await service().run(dezOnly, clock());
    expect(digests().get(r)).toHaveLength(1);

    // A topic digest first: the own-topics digest leaves its articles out, and keeps the others.
    article("خبر الظهر من الميادين", "من مدينة الميادين.");
    await service().run(dezOnly, clock() + 1);
    reader(1, ["raqqa"]);
    article("خبر من الرقة", "من مدينة الرقة.");
    await service().run(evening, clock() + 2);
    const texts = (digests().get(r) ?? []).map(visible);
    expect(texts).toHaveLength(3);
    expect(texts[1]).toContain("خبر الظهر من الميادين");
    expect(texts[2]).toContain("خبر من الرقة");
    expect(texts[2]).not.toContain("خبر الظهر");
    expect(service().preview(r)).toEqual({ kind: "empty" });
  });

  it("loses nothing across schedules: a topic digest the reader gets nothing from, a new own schedule, an article from before a topic schedule", async () => {
    const r = reader(1, ["raqqa"]);
    const own = schedule();
    await service().run(own, clock());
    // Tagged Deir ez-Zor and Raqqa: the Deir ez-Zor digest has nothing for a Raqqa reader, the own one has it.
    const both = article("خبر من دير الزور والرقة", "من مدينة دير الزور ومدينة الرقة.");
    const dezOnly = schedule("deir-ez-zor");
    await service().run(dezOnly, clock() + 1);
    expect(digests().has(r)).toBe(false);
    // A second own schedule created after the article: the reader continues from their own mark.
    clock.advance(HOUR);
    const later = schedule();
    await service().run(later, clock());
    expect(visible(digests().get(r)?.[0] ?? [])).toContain("خبر من دير الزور والرقة");
    expect(
      store.db.prepare("SELECT count(*) AS n FROM article_deliveries WHERE article_id = ?").get(both),
    ).toEqual({
      n: 0,
    });
  });

  it("never repeats an article in two overlapping topic schedules", async () => {
    const r = reader(1, ["syria"]);
    const dez = schedule("deir-ez-zor");
    const mayadin = schedule("mayadin");
    article("خبر من الميادين", "من مدينة الميادين.");
    await service().run(dez, clock());
    await service().run(mayadin, clock() + 1);
    expect(digests().get(r)).toHaveLength(1);
    expect(visible(digests().get(r)?.[0] ?? [])).toContain("خبر من الميادين");
  });

  it("leaves out an article alerted while the run is going on", async () => {
    const first = reader(1, ["deir-ez-zor"]);
    const second = reader(2, ["deir-ez-zor"]);
    const id = schedule();
    const news = article("خبر عن دير الزور", "من مدينة دير الزور.");
    const running = service(1).run(id, clock());
    // The first chunk (chat 1) is composed; now an alert of the same article reaches chat 2.
    store.audience.recordDeliveries([second], [news], "alert:7");
    await running;
    expect(visible(digests().get(first)?.[0] ?? [])).toContain("خبر عن دير الزور");
    expect(digests().has(second)).toBe(false);
  });

  it("finishes a run a stop interrupted without sending anyone a second copy", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => reader(100 + i, ["deir-ez-zor"]));
    const id = schedule();
    article("خبر من دير الزور", "من مدينة دير الزور.");
    const due = clock();
    const first = service(3);
    const interrupted = first.run(id, due);
    first.stop(); // after the first chunk
    await interrupted;
    expect(digests().size).toBe(3);
    expect(store.digests.unfinishedRuns()).toHaveLength(1);

    const after = await service(3).run(id, due);
    expect(after).toMatchObject({ ran: true, enqueued: 7 });
    expect(store.digests.unfinishedRuns()).toHaveLength(0);
    const got = digests();
    for (const chat of ids) expect(got.get(chat)).toHaveLength(1);
    // The same due time again: nothing.
    expect(await service(3).run(id, due)).toMatchObject({ ran: false, enqueued: 0 });
    expect(digests().get(ids[0] as number)).toHaveLength(1);
  });
});

describe("a digest preview", () => {
  it("shows what the reader would get now, and marks nothing", async () => {
    const r = reader(1, ["mayadin"], { language: "en", timezone: "Europe/Berlin" });
    article("انفجار في الميادين", "وقع انفجار في مدينة الميادين.");
    const preview = service().preview(r);
    expect(preview.kind).toBe("digest");
    const text = preview.kind === "digest" ? visible(messageHtml(preview.message)) : "";
    expect(text).toContain("Your digest");
    expect(text).toContain("انفجار في الميادين");
    expect(service().preview(r)).toEqual(preview);
    expect(digests().size).toBe(0);
    expect(service().preview(999)).toEqual({ kind: "unknown-chat" });
    expect(service().preview(reader(2, ["aleppo"]))).toEqual({ kind: "empty" });
  });
});
