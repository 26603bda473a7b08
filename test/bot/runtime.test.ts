// What one reader, one group or one feed does cannot stall or flood everyone: floods of commands, a chat's own
// 429, a full disk, a feed that marks everything breaking.
import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { READER_LIMIT } from "../../src/bot";
import {
  buttonData,
  buttonLabels,
  type Harness,
  received,
  startHarness,
  visible,
  waitUntil,
} from "../support/harness";
import { callback, command, group, groupMessage, user } from "../support/updates";

const EDITOR = user({ language_code: "ar", first_name: "عمر" });
let h: Harness;
afterEach(() => h.stop());

/** Private readers of a topic, stored directly (many /subscribe round trips would only slow the tests down). */
function readersOf(slugName: string, count: number, firstId: number) {
  const { topics } = h.app.deps;
  const { store } = h.app;
  const topic = topics.lookup(slugName).matches[0];
  if (!topic) throw new Error(`no topic ${slugName}`);
  return Array.from({ length: count }, (_, i) => {
    const reader = user({ id: firstId + i, language_code: "ar" });
    store.chats.touch(reader.id, "private", null, "ar");
    store.subscriptions.add(reader.id, [topic.id]);
    return reader;
  });
}

/** An editor's alert to a topic, sent (preview, then Send). */
async function alert(text: string) {
  // Other chats' updates are being handled meanwhile: wait for the question itself, not for "an update handled".
  h.fake.pushUpdate(command("alert", text, { from: EDITOR }));
  const asking = () => buttonLabels(h.fake.lastMessage(EDITOR.id)).some((b) => b.includes("إرسال"));
  await waitUntil(asking, 10_000);
  const question = h.fake.lastMessage(EDITOR.id);
  await h.send(callback(buttonData(question, "إرسال"), { from: EDITOR, message: question }));
}

describe("a flood of commands", () => {
  it("gets one polite “slow down” and is then ignored, in a group too, while an alert goes out to others", async () => {
    // The fake answers like Telegram: 429 past 30/s overall, 1/s per private chat, 20/min per group (one message
    // of slack: on a loaded machine two paced requests can reach it closer together than they left).
    h = await startHarness({
      env: { EDITOR_IDS: String(EDITOR.id) },
      fake: { limiter: { enforce: true, burst: 1 } },
    });
    const others = readersOf("الميادين", 10, 600_000);
    const newsroom = group({ id: -100_777, title: "أخبار الميادين" });
    const member = user({ language_code: "ar" });
    for (let i = 0; i < READER_LIMIT + 5; i++)
      h.fake.pushUpdate(groupMessage("/help", { chat: newsroom, from: member }));
    await alert("الميادين: إغلاق الجسر الرئيسي أمام حركة السيارات");

    await waitUntil(() => others.every((r) => received(h, r.id, "🔴").length === 1), 10_000);
    // The group's replies are paced at 20 a minute: the alert reached everyone before they were done.
    const answeredWhenAlerted = h.fake.sentTo(newsroom.id).length;
    expect(answeredWhenAlerted).toBeLessThan(READER_LIMIT + 1);
    expect(h.fake.stats.received429).toBe(0);

    // A reader's flood in a private chat: READER_LIMIT answers, one “slow down”, then nothing.
    const flooder = user({ language_code: "en" });
    for (let i = 0; i < READER_LIMIT + 5; i++) h.fake.pushUpdate(command("mytopics", "", { from: flooder }));
    await waitUntil(() => h.fake.sentTo(flooder.id).length === READER_LIMIT + 1, 60_000);
    await new Promise((r) => setTimeout(r, 1500)); // longer than a private chat's gap: a 22nd would be out
    const texts = h.fake.sentTo(flooder.id).map((m) => visible(m));
    expect(texts).toHaveLength(READER_LIMIT + 1);
    expect(texts.filter((t) => t.includes("faster than I can answer"))).toHaveLength(1);
    expect(texts[READER_LIMIT]).toContain("faster than I can answer");
    expect(h.fake.stats.received429).toBe(0);
  }, 90_000);
});

describe("a full disk", () => {
  it("answers /subscribe with an apology that nothing was saved, not with silence", async () => {
    h = await startHarness();
    const { db, chats, subscriptions } = h.app.store;
    // The disk is full: no page more than the file has now, and the chats' last page filled up to the brim.
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
    let id = 900_000_000;
    for (;;) {
      try {
        chats.touch(++id, "private");
      } catch {
        break;
      }
    }
    const readers = Array.from({ length: 3 }, (_, i) => user({ id: id + 1 + i, language_code: "ar" }));
    for (const reader of readers) {
      const [reply] = await h.send(command("subscribe", "دير الزور", { from: reader }));
      expect(visible(reply)).toBe("عذرًا، تعذّر حفظ ذلك الآن فلم يتغيّر شيء. حاول مرة أخرى بعد دقائق.");
      expect(subscriptions.topicIds(reader.id)).toEqual([]);
    }
    const english = user({ id: id + 10, language_code: "en" });
    const [reply] = await h.send(command("subscribe", "Deir ez-Zor", { from: english }));
    expect(visible(reply)).toContain("could not save that just now");
    expect(h.app.deps.metrics.lastWriteFailure?.code).toMatch(/^SQLITE_FULL/);
  }, 60_000);
});

describe("an auto-alert feed that marks everything breaking", () => {
  let feedServer: Server;
  let feedUrl = "";
  const ITEMS = 40;

  // Forty different reports (the near-duplicate check would store forty copies of one report once).
  const STORM_EVENTS = [
    "أفادت مصادر محلية بسقوط قذائف هاون على الأحياء الشرقية من مدينة الميادين صباح اليوم،",
    "قال ناشطون إن طائرة مسيّرة استهدفت سيارة على الطريق الواصل بين الميادين والعشارة،",
    "اندلع حريق كبير في سوق الهال وسط الميادين بعد انفجار عبوة ناسفة قرب محل للصرافة،",
    "شنّت قوات الحكومة حملة مداهمات واعتقالات في حي التمو غربي الميادين بحثًا عن مطلوبين،",
    "انقطعت الكهرباء والمياه عن أحياء واسعة في الميادين إثر استهداف محطة الضخ الرئيسية،",
  ];
  const STORM_PLACES = [
    "ولم ترد معلومات عن إصابات بين المدنيين حتى الآن.",
    "وأسعفت فرق الهلال الأحمر ثلاثة جرحى إلى المشفى الوطني في دير الزور.",
    "وتحدث شهود عن حالة هلع بين الأهالي وإغلاق المحال التجارية في الشارع العام.",
    "ونفت مصادر عسكرية وقوع قتلى، مؤكدة أن الأضرار اقتصرت على الممتلكات.",
    "وتوقفت حركة العبّارات النهرية على الفرات لساعات قبل أن تعود إلى طبيعتها.",
    "وأعلنت البلدية عن فتح تحقيق في الحادثة وتعويض المتضررين خلال أيام.",
    "وطالب وجهاء العشائر بتعزيز الحواجز عند مداخل المدينة ليلًا.",
    "وأشار مراسلنا إلى تحليق مكثف للطيران الاستطلاعي فوق البادية المجاورة.",
  ];

  beforeAll(async () => {
    feedServer = createServer((_req, res) => {
      const now = new Date().toUTCString();
      const items = Array.from(
        { length: ITEMS },
        (_, i) => `<item><title>عاجل | قصف مدفعي على أطراف الميادين ${i + 1}</title>
          <link>https://news.example.org/2026/12/01/mayadin-${i + 1}</link><guid>mayadin-${i + 1}</guid>
          <pubDate>${now}</pubDate>
          <description>${STORM_EVENTS[i % STORM_EVENTS.length]} ${STORM_PLACES[Math.floor(i / STORM_EVENTS.length) % STORM_PLACES.length]}</description></item>`,
      );
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>مكتب الفرات</title>
        <link>https://news.example.org/</link><description>أخبار</description>${items.join("")}</channel></rss>`);
    });
    await new Promise<void>((r) => feedServer.listen(0, "127.0.0.1", () => r()));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}/storm.rss`;
  });
  afterAll(() => new Promise<void>((r) => feedServer.close(() => r())));

  it("sends a few alerts per feed and window, holds the rest for the editors and tells them", async () => {
    h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id), FEED_ALLOW_HOSTS: "127.0.0.1" } });
    const followers = readersOf("الميادين", 5, 620_000);
    await h.send(command("addfeed", `${feedUrl} auto`, { from: EDITOR }));
    await h.app.deps.feeds.pollAll();
    await waitUntil(() => h.fake.sentTo(EDITOR.id).some((m) => visible(m).startsWith("⏸")), 10_000);
    await waitUntil(() => h.app.store.outbox.queueDepth() === 0, 30_000);
    for (const f of followers) expect(received(h, f.id, "🔴"), `reader ${f.id}`).toHaveLength(3);
    const notice = visible(h.fake.sentTo(EDITOR.id).find((m) => visible(m).startsWith("⏸")));
    expect(notice).toContain("مكتب الفرات");
    expect(notice).toContain("37 خبرًا");
    expect(notice).toContain("/alert");
    // Held means held: the next checks send none of them on their own.
    h.app.deps.alerts.autoAlert();
    await h.app.deps.feeds.pollAll();
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    for (const f of followers) expect(received(h, f.id, "🔴")).toHaveLength(3);
  }, 60_000);
});
