// Breaking alerts as editors and readers live them: /alert with a preview, Send and Cancel, the audience
// (topic and ancestors, alerts on, active), the status message, /alerts, and auto-alerts from feeds.
import { readFileSync } from "node:fs";
import type { User } from "grammy/types";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { stripBidi } from "../../src/text/html";
import { parseTelegramHtml } from "../support/fake-bot-api";
import { type FeedServer, serveFeeds } from "../support/feed-server";
import {
  buttonData,
  buttonLabels,
  type Harness,
  received,
  startHarness,
  subscriber,
  visible,
  waitUntil,
} from "../support/harness";
import { callback, command, groupMessage, user } from "../support/updates";

const EDITOR = user({ language_code: "ar", first_name: "عمر" });
const OTHER_EDITOR = user({ language_code: "en", first_name: "Lina" });
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);
const RSS = readFileSync(new URL("../fixtures/feeds/euphrates-desk.rss", import.meta.url), "utf8");

/** The clock runs ahead of the system's by `skew` (to expire previews without waiting). */
let skew = 0;
let h: Harness;

async function startBot(): Promise<void> {
  skew = 0;
  h = await startHarness({
    env: {
      EDITOR_IDS: `${EDITOR.id},${OTHER_EDITOR.id}`,
      DEFAULT_TIMEZONE: "Asia/Damascus",
      // The test feeds are served on 127.0.0.1, which a newsroom must allow explicitly.
      FEED_ALLOW_HOSTS: "127.0.0.1",
    },
    clock: () => Date.now() + skew,
  });
}

const reader = (topic: string, language = "ar") => subscriber(h, topic, language);
/** The alerts (messages with the Breaking label) a chat has received. */
const alertsTo = (chatId: number) => received(h, chatId, "🔴");

/** Sends /alert as `from`; returns the question message (the one with Send and Cancel) and all replies. */
async function askAlert(args: string, from: User = EDITOR) {
  const replies = await h.send(command("alert", args, { from }));
  return { replies, question: replies[replies.length - 1], message: h.fake.lastMessage(from.id) };
}

async function press(label: string, from: User, owner: User = from) {
  const message = h.fake.lastMessage(owner.id);
  return h.send(callback(buttonData(message, label), { from, message }));
}

/** Waits for the status message in the editor's chat to say the alert is done; returns its text. */
async function statusDone(editor: User = EDITOR): Promise<string> {
  const done = (t: string) => t.startsWith("✅");
  await waitUntil(
    () => done(visible(h.fake.lastMessage(editor.id))),
    10_000,
    () => visible(h.fake.lastMessage(editor.id)),
  );
  return visible(h.fake.lastMessage(editor.id));
}

describe("an editor's /alert to a topic", () => {
  beforeEach(startBot);
  afterEach(() => h.stop());

  it("previews, then reaches each Deir ez-Zor and Syria reader once, and no Mayadin or Aleppo reader", async () => {
    const dez = [await reader("دير الزور"), await reader("Deir ez-Zor", "en"), await reader("deir ezzor")];
    const syria = await reader("سوريا");
    const mayadin = await reader("الميادين");
    const aleppo = await reader("حلب");

    const { replies, question } = await askAlert("دير الزور: انقطاع الكهرباء عن أحياء المدينة");
    // The preview is the message itself, then the question with the count and the buttons, Send first.
    expect(visible(replies[0])).toContain("عاجل · دير الزور");
    expect(visible(replies[0])).toContain("انقطاع الكهرباء عن أحياء المدينة");
    expect(visible(question)).toContain("سيصل إلى 4 محادثات");
    expect(buttonLabels(question)).toEqual([
      "📣 إرسال (4)",
      "✖️ إلغاء",
      "🔔 عاجل جدًا: يرنّ حتى في ساعات الهدوء",
    ]);
    for (const u of [...dez, syria, mayadin, aleppo]) expect(alertsTo(u.id)).toEqual([]);

    await press("إرسال", EDITOR);
    const status = await statusDone();
    // Zero counts are left out.
    expect(status).toBe("✅ انتهى إرسال التنبيه #1: وصل إلى 4 من 4.");
    for (const u of [...dez, syria]) expect(alertsTo(u.id)).toHaveLength(1);
    expect(alertsTo(mayadin.id)).toEqual([]);
    expect(alertsTo(aleppo.id)).toEqual([]);
    // Each reader gets the labels of their own language around the editor's words.
    expect(alertsTo(dez[1]?.id as number)[0]).toMatch(/^🔴 Breaking · Deir ez-Zor\n\nانقطاع الكهرباء/);
    expect(alertsTo(dez[0]?.id as number)[0]).toMatch(/^🔴 عاجل · دير الزور\n\nانقطاع الكهرباء/);

    // A second press on the same Send button sends nothing more.
    await h.send(
      callback(buttonData(question, "إرسال"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
    );
    // The press is handled (h.send waited for it): anything it enqueued would be waiting in the outbox now.
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    for (const u of [...dez, syria]) expect(alertsTo(u.id)).toHaveLength(1);
  });

  it("sends nothing when cancelled, and the buttons stop working", async () => {
    const dez = await reader("دير الزور");
    const { question } = await askAlert("دير الزور: خبر لن يُرسل");
    const sendData = buttonData(question, "إرسال");
    const [answer] = await press("إلغاء", EDITOR);
    expect(answer).toBeUndefined();
    expect(visible(h.fake.lastMessage(EDITOR.id))).toBe("✖️ أُلغي التنبيه، ولم يُرسل شيء.");
    await h.send(callback(sendData, { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }));
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(h.app.deps.alerts.recent()).toEqual([]);
    expect(alertsTo(dez.id)).toEqual([]);
  });

  it("lets only the editor who asked press Send or Cancel", async () => {
    const dez = await reader("دير الزور");
    const { question, message } = await askAlert("دير الزور: نص");
    for (const who of [dez, OTHER_EDITOR]) {
      for (const label of ["إرسال", "إلغاء"]) {
        await h.send(callback(buttonData(question, label), { from: who, message }));
      }
    }
    const toasts = h.fake.callsOf("answerCallbackQuery").map((c) => String(c.params.text));
    expect(toasts.filter((t) => t.includes("Another editor asked for this alert"))).toHaveLength(2);
    expect(toasts.filter((t) => t.includes("مخصص لمحرري"))).toHaveLength(2);
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(h.app.deps.alerts.recent()).toEqual([]);
    expect(alertsTo(dez.id)).toEqual([]);
    // Still pending: its own editor can send it.
    await press("إرسال", EDITOR);
    await statusDone();
    expect(alertsTo(dez.id)).toHaveLength(1);
  });

  it("expires a preview after 15 minutes", async () => {
    const dez = await reader("دير الزور");
    const { question, message } = await askAlert("دير الزور: نص قديم");
    skew = 16 * 60_000;
    await h.send(callback(buttonData(question, "إرسال"), { from: EDITOR, message }));
    expect(visible(h.fake.lastMessage(EDITOR.id))).toContain("انتهت صلاحية هذه المعاينة");
    const toasts = h.fake.callsOf("answerCallbackQuery").map((c) => String(c.params.text));
    expect(toasts.at(-1)).toContain("انتهت صلاحية");
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(h.app.deps.alerts.recent()).toEqual([]);
    expect(alertsTo(dez.id)).toEqual([]);
  });

  it("leaves out readers with alerts off, readers who left with /stop, and tries a blocked one only once", async () => {
    const on = await reader("دير الزور");
    const off = await reader("دير الزور");
    await h.send(callback("set:alerts", { from: off }));
    expect(h.app.store.chats.find(off.id)?.alertsEnabled).toBe(false);
    const stopped = await reader("دير الزور");
    await h.send(command("stop", "", { from: stopped }));
    await press("نعم", stopped);
    expect(h.app.store.chats.find(stopped.id)).toBeUndefined();
    const blocked = await reader("دير الزور");
    h.fake.blockChat(blocked.id);
    const before = h.fake.callsOf("sendMessage").filter((c) => c.chatId === blocked.id).length;

    const { question } = await askAlert("دير الزور: أول");
    expect(visible(question)).toContain("سيصل إلى محادثتين");
    await press("إرسال", EDITOR);
    const status = await statusDone();
    expect(status).toContain("وصل إلى 1 من 2");
    expect(status).toContain("حظروا البوت 1");
    expect(alertsTo(on.id)).toHaveLength(1);
    for (const u of [off, stopped, blocked]) expect(alertsTo(u.id)).toEqual([]);
    const triesToBlocked = () =>
      h.fake.callsOf("sendMessage").filter((c) => c.chatId === blocked.id).length - before;
    expect(triesToBlocked()).toBe(1);

    // The next alert does not count or try the chat that blocked the bot.
    const second = await askAlert("دير الزور: ثان");
    expect(visible(second.question)).toContain("سيصل إلى محادثة واحدة");
    await press("إرسال", EDITOR);
    await statusDone();
    expect(alertsTo(on.id)).toHaveLength(2);
    expect(triesToBlocked()).toBe(1);
  });

  it("escapes the editor's text and keeps Latin runs in order inside Arabic lines", async () => {
    const dez = await reader("دير الزور");
    await askAlert("دير الزور: قصف <b>قرب</b> Omar oil field & المدينة");
    await press("إرسال", EDITOR);
    await statusDone();
    const sent = h.fake.sentTo(dez.id).at(-1)?.text ?? "";
    // The fake server parses Telegram HTML strictly: a stray tag would have been refused.
    const parsed = parseTelegramHtml(sent);
    expect(stripBidi(parsed.text)).toContain("قصف <b>قرب</b> Omar oil field & المدينة");
    // Only the label is bold: the editor's "<b>" stays text.
    expect(parsed.entities.filter((e) => e.type === "bold")).toHaveLength(1);
    expect(parsed.text).toContain("\u2068Omar oil field\u2069 & المدينة");
  });

  it("splits a very long alert into full messages, the label staying with the text", async () => {
    const dez = await reader("دير الزور");
    const text = "قصف مدفعي على أطراف المدينة وتضرر منازل المدنيين ".repeat(95).trim(); // ~4,700 characters
    const { replies } = await askAlert(`دير الزور: ${text}`);
    expect(replies).toHaveLength(3); // two parts of the alert, then the question
    expect(visible(replies[0])).toMatch(/^🔴 عاجل · دير الزور\n\nقصف مدفعي/);
    expect(visible(replies[0]).length).toBeGreaterThan(3000);
    await press("إرسال", EDITOR);
    await statusDone();
    const got = h.fake
      .sentTo(dez.id)
      .slice(-2)
      .map((m) => visible(m));
    expect(got[0]).toMatch(/^🔴 عاجل/);
    expect(got.join(" ").replace(/\s+/g, " ")).toContain(text.slice(-200));
  });

  it("explains what is missing, in the editor's language, and changes nothing", async () => {
    await reader("دير الزور");
    for (const args of ["", "دير الزور", "دير الزور:", ": نص بلا موضوع"]) {
      const [reply] = await h.send(command("alert", args, { from: EDITOR }));
      expect(visible(reply)).toContain("اكتب المنطقة ثم نقطتين ثم نص التنبيه");
    }
    const [english] = await h.send(command("alert", "", { from: OTHER_EDITOR }));
    expect(visible(english)).toContain("Send the place, a colon, then the alert's text");
    const [unknown] = await h.send(command("alert", "999999", { from: EDITOR }));
    expect(visible(unknown)).toContain("لا يوجد مقال برقم #999999");
    const [none] = await h.send(command("alert", "زحل: نص", { from: EDITOR }));
    expect(visible(none)).toContain("لا أعرف منطقة باسم «زحل»");
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(h.app.deps.alerts.recent()).toEqual([]);
  });

  it("offers the closest topics for a misspelled one, and a tap goes to the preview", async () => {
    const dez = await reader("دير الزور");
    const [suggest] = await h.send(command("alert", "دير الزوو: خبر عاجل", { from: EDITOR }));
    expect(visible(suggest)).toContain("هل تقصد");
    const suggestion = h.fake.lastMessage(EDITOR.id);
    const [preview] = await h.send(
      callback(buttonData(suggest, "دير الزور"), { from: EDITOR, message: suggestion }),
    );
    expect(visible(preview)).toContain("عاجل · دير الزور");
    // A second tap on the (old) suggestions changes nothing: the preview shown stays the one that is sent.
    const other = buttonLabels(suggest).find((l) => l !== "دير الزور") as string;
    expect(other).toBeDefined();
    const again = await h.send(callback(buttonData(suggest, other), { from: EDITOR, message: suggestion }));
    expect(again).toEqual([]);
    expect(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text).toBe(
      "اخترتَ المنطقة من قبل، والمعاينة أعلاه.",
    );
    await press("إرسال", EDITOR);
    await statusDone();
    expect(alertsTo(dez.id)).toEqual([expect.stringContaining("خبر عاجل")]);
  });

  it("keeps the preview out of groups: /alert there points the editor to a private chat", async () => {
    const dez = await reader("دير الزور");
    const replies = await h.send(groupMessage("/alert دير الزور: مسودة سرية", { from: EDITOR }));
    expect(replies).toHaveLength(1);
    expect(visible(replies[0])).toContain("أرسل /alert إليّ في محادثة خاصة");
    expect(visible(replies[0])).not.toContain("مسودة سرية");
    expect(h.app.deps.alerts.recent()).toEqual([]);
    expect(alertsTo(dez.id)).toEqual([]);
  });

  it("refuses readers", async () => {
    const dez = await reader("دير الزور");
    const [reply] = await h.send(command("alert", "دير الزور: نص", { from: dez }));
    expect(visible(reply)).toContain("⛔");
    expect(h.app.deps.alerts.recent()).toEqual([]);
  });

  it("lists recent alerts for editors with who, what, and the outcome", async () => {
    await reader("دير الزور");
    await askAlert("دير الزور: خبر للسجل");
    await press("إرسال", EDITOR);
    await statusDone();
    const [list] = await h.send(command("alerts", "", { from: OTHER_EDITOR }));
    const text = visible(list);
    expect(text).toContain("Recent alerts");
    expect(text).toContain("عمر");
    expect(text).toContain("Deir ez-Zor: “خبر للسجل”");
    expect(text).toMatch(/✅ reached 1 of 1$/m);
  });
});

describe("the status message", () => {
  it("gives the final figures once the last chat has the alert, not a status interval later", async () => {
    // An interval far longer than the test may wait: only the report of the last message can show "done".
    h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id) }, alertStatusIntervalMs: 600_000 });
    try {
      const readers = [await reader("دير الزور"), await reader("سوريا")];
      await askAlert("دير الزور: انقطاع الكهرباء عن أحياء المدينة");
      await press("إرسال", EDITOR);
      expect(await statusDone()).toBe("✅ انتهى إرسال التنبيه #1: وصل إلى 2 من 2.");
      for (const u of readers) expect(alertsTo(u.id)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});

describe("an alert of an article", () => {
  beforeEach(startBot);
  afterEach(() => h.stop());

  it("reaches Mayadin, Deir ez-Zor and Syria readers once each, no reader of a place named in passing, and records it for their digests", async () => {
    const id = h.app.deps.importer.importOne(parsePlainText(FIXTURE), { origin: "import" }).article.id;
    const mayadin = await reader("الميادين");
    const dez = await reader("دير الزور");
    const syria = await reader("Syria", "en");
    const aleppo = await reader("حلب");
    // Places the report names only in passing (and Lebanon, only as «حزب الله اللبناني»): not its readers.
    const inPassing = [
      await reader("لبنان"),
      await reader("التنف"),
      await reader("Baghdad", "en"),
      await reader("حمص"),
      await reader("إيران"),
    ];

    const { replies, question } = await askAlert(`#${id}`);
    expect(visible(replies[0])).toMatch(/^🔴 عاجل · /);
    expect(visible(replies[0])).toContain("استهداف قاعدة التحالف");
    expect(visible(question)).toContain("سيصل إلى 3 محادثات");
    await press("إرسال", EDITOR);
    await statusDone();
    for (const u of [mayadin, dez, syria]) expect(alertsTo(u.id)).toHaveLength(1);
    for (const u of [aleppo, ...inPassing]) expect(alertsTo(u.id)).toEqual([]);
    expect(alertsTo(syria.id)[0]).toMatch(/^🔴 Breaking · /);
    // The editor saw what a reader of the same language, zone and label got, link preview included (readers of
    // Deir ez-Zor see their own place as the label).
    const shown = (m: { text: string; link_preview_options?: unknown } | undefined) => [
      m?.text,
      m?.link_preview_options,
    ];
    expect(shown(h.fake.sentTo(EDITOR.id)[0])).toEqual(shown(h.fake.sentTo(mayadin.id).at(-1)));
    expect(alertsTo(dez.id)[0]).toMatch(/^🔴 عاجل · دير الزور/);
    // The report has no link of its own: the alert shows its opening and opens the whole text in the bot.
    expect(alertsTo(mayadin.id)[0]).toContain("📖 اقرأ المقال كاملًا");
    expect(h.fake.sentTo(mayadin.id).at(-1)?.text).toContain(
      `href="https://t.me/nashra_test_bot?start=a_${id}"`,
    );

    // Alerting the same article again reaches nobody twice.
    const again = await askAlert(String(id));
    expect(visible(again.question)).toContain("وصل هذا المقال من قبل تنبيهًا إلى المحادثات الـ3 التي تتابعه");
    expect(buttonLabels(again.question)).toEqual([]);

    const delivered = h.app.store.db
      .prepare("SELECT chat_id FROM article_deliveries WHERE article_id = ? ORDER BY chat_id")
      .all(id)
      .map((r) => (r as { chat_id: number }).chat_id);
    expect(delivered).toEqual([mayadin.id, dez.id, syria.id].sort((a, b) => a - b));
  });
});

describe("the label of an article's alert", () => {
  beforeEach(startBot);
  afterEach(() => h.stop());

  it("is the place each reader follows, the most specific one, not the article's deepest tag", async () => {
    const id = h.app.deps.importer.importOne(parsePlainText(FIXTURE), { origin: "import" }).article.id;
    const omar = await reader("حقل العمر");
    const mayadin = await reader("الميادين");
    const both = await reader("دير الزور");
    await h.send(command("subscribe", "حقل العمر", { from: both }));
    const syria = await reader("Syria", "en");
    await askAlert(`#${id}`);
    await press("إرسال", EDITOR);
    await statusDone();
    expect(alertsTo(omar.id)[0]).toMatch(/^🔴 عاجل · حقل العمر النفطي\n/);
    expect(alertsTo(mayadin.id)[0]).toMatch(/^🔴 عاجل · الميادين\n/);
    expect(alertsTo(both.id)[0]).toMatch(/^🔴 عاجل · حقل العمر النفطي\n/);
    expect(alertsTo(syria.id)[0]).toMatch(/^🔴 Breaking · Syria\n/);
  });
});

describe("auto-alerts from feeds", () => {
  let feedServer: FeedServer;
  let feedUrl = "";

  beforeAll(async () => {
    feedServer = await serveFeeds((req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      // /feed.rss: the fixture as if published now; /old.rss: as it is (January 2022).
      const now = new Date().toUTCString();
      res.end(
        req.url === "/old.rss" ? RSS : RSS.replace(/<pubDate>[^<]*<\/pubDate>/g, `<pubDate>${now}</pubDate>`),
      );
    });
    feedUrl = `${feedServer.url}/feed.rss`;
  });
  afterAll(() => feedServer.close());
  beforeEach(startBot);
  afterEach(() => h.stop());

  it("turns a breaking item into an alert once, without an editor, when the feed has auto-alert on", async () => {
    const bukamal = await reader("البوكمال");
    const hasakah = await reader("الحسكة");
    await h.send(command("addfeed", `${feedUrl} auto`, { from: EDITOR }));
    await h.app.deps.feeds.pollAll();
    await waitUntil(() => alertsTo(bukamal.id).length > 0, 5000);
    expect(alertsTo(bukamal.id)).toEqual([expect.stringContaining("انفجار قرب معبر البوكمال الحدودي")]);
    // The label already says "breaking": the title does not repeat it.
    expect(alertsTo(bukamal.id)[0]).not.toContain("عاجل |");
    expect(alertsTo(hasakah.id)).toEqual([]);

    await h.app.deps.feeds.pollAll();
    expect(h.app.deps.alerts.recent()).toHaveLength(1); // the second poll made no second alert
    expect(alertsTo(bukamal.id)).toHaveLength(1);
    await waitUntil(() => h.app.deps.alerts.recent()[0]?.status === "done", 5000);
    const [list] = await h.send(command("alerts", "", { from: EDITOR }));
    expect(visible(list)).toContain("تلقائي من خلاصة");
    expect(visible(list)).toContain("وصل إلى 1 من 1");
  });

  it("reaches a reader who watches a word of it beyond their places, saying which word (issue 14)", async () => {
    const hasakah = await reader("الحسكة");
    await h.send(command("watch", "معبر البوكمال", { from: hasakah }));
    const other = await reader("الحسكة");
    await h.send(command("addfeed", `${feedUrl} auto`, { from: EDITOR }));
    await h.app.deps.feeds.pollAll();
    await waitUntil(() => alertsTo(hasakah.id).length > 0, 5000);
    expect(alertsTo(hasakah.id)).toEqual([expect.stringContaining("كلمة مرصودة: «معبر البوكمال»")]);
    expect(alertsTo(other.id)).toEqual([]);
    await h.app.deps.feeds.pollAll();
    expect(alertsTo(hasakah.id)).toHaveLength(1);
  });

  it("does not push a breaking item that is old news (a feed just added with its archive)", async () => {
    const bukamal = await reader("البوكمال");
    await h.send(command("addfeed", `${feedUrl.replace("feed.rss", "old.rss")} auto`, { from: EDITOR }));
    await h.app.deps.feeds.pollAll();
    expect(h.app.deps.alerts.recent()).toEqual([]);
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(alertsTo(bukamal.id)).toEqual([]);
  });

  it("does nothing for a feed without auto-alert", async () => {
    const bukamal = await reader("البوكمال");
    await h.send(command("addfeed", feedUrl, { from: EDITOR }));
    await h.app.deps.feeds.pollAll();
    expect(h.app.deps.alerts.recent()).toEqual([]);
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(alertsTo(bukamal.id)).toEqual([]);
  });
});
