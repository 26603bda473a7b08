// Feeds too big for the bot's own thread (issue 11): they are parsed in a thread of the feed parser's pool, so
// the bot goes on answering; a parse that takes too long or a parser thread that dies is one feed's error,
// worded for editors in their language, and the next feed is read as usual.
import { afterAll, describe, expect, it } from "vitest";
import { manyItems, ofSize, REPORT, rss } from "../support/big-feeds";
import { serveFeeds } from "../support/feed-server";
import { type Harness, type HarnessOptions, startHarness, visible } from "../support/harness";
import { command, user } from "../support/updates";

const EDITOR = user({ language_code: "ar" });

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ALEPPO = rss("مكتب حلب", [
  {
    title: "استهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا",
    body: REPORT,
    publishedAt: Date.UTC(2026, 10, 20),
  },
]);

/** The test feeds, served on 127.0.0.1 (allowed as a newsroom allows its own CMS). */
const FEEDS: Record<string, () => string> = {
  "/raqqa.rss": () => manyItems(5000),
  "/aleppo.rss": () => ALEPPO,
  "/deir.rss": () => ofSize(),
};

async function bot(options: HarnessOptions["feedParsing"]): Promise<{ h: Harness; root: string }> {
  const server = await serveFeeds((req, res) => {
    const body = FEEDS[req.url ?? ""]?.();
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(body ?? "");
  });
  cleanups.push(() => server.close());
  const h = await startHarness({
    env: { EDITOR_IDS: String(EDITOR.id), FEED_ALLOW_HOSTS: "127.0.0.1" },
    ...(options ? { feedParsing: options } : {}),
  });
  cleanups.push(() => h.stop());
  return { h, root: server.url };
}

/**
 * A command and the bot's reply to it (the editor's by default). Waits for the reply itself: a big feed may
 * take the bot longer than `send` waits, and `send` counts any update handled, the editor's included.
 */
async function ask(h: Harness, name: string, argument: string, from = EDITOR): Promise<string> {
  const before = h.fake.sentTo(from.id).length;
  h.fake.pushUpdate(command(name, argument, { from }));
  await h.fake.waitFor(() => h.fake.sentTo(from.id).length > before, 30_000);
  return visible(h.fake.sentTo(from.id)[before]);
}

describe("big and hostile feeds", () => {
  it("imports the 100 newest items of a 5,000-item feed, and answers a reader meanwhile", async () => {
    const { h, root } = await bot(undefined);
    const reader = user({ language_code: "ar" });
    const added = ask(h, "addfeed", `${root}/raqqa.rss`);
    // The reader's /help is answered while the feed is read.
    expect(await ask(h, "help", "", reader)).toContain("/latest");
    expect(await added).toContain("أُضيف المصدر #1: مكتب الرقة");
    expect(h.app.store.articles.count()).toBe(100);
    expect(await ask(h, "latest", "", reader)).toContain("خبر رقم 4999 من الرقة");
  }, 60_000);

  it("tells editors in Arabic that a feed took too long to read, in /addfeed and in /feeds", async () => {
    const { h, root } = await bot({ timeoutMs: 5 }); // 5,000 items take far longer than 5 ms to parse
    const added = await ask(h, "addfeed", `${root}/raqqa.rss`);
    expect(added).toContain("استغرقت قراءة المصدر وقتًا أطول من المسموح لأنه ضخم أو معقّد جدًا");
    const list = await ask(h, "feeds", "");
    expect(list).toContain("✗ يفشل منذ");
    expect(list).toContain("استغرقت قراءة المصدر وقتًا أطول من المسموح");
    expect(h.app.store.feeds.all()[0]?.lastError).toMatchObject({ kind: "parse-timeout" });
    expect(h.app.store.articles.count()).toBe(0);
  }, 60_000);

  it("keeps running when a parser thread runs out of memory, and reads the next feed", async () => {
    const { h, root } = await bot({ heapMb: 24 }); // enough to start, too little for a 5 MiB document
    const crashed = await ask(h, "addfeed", `${root}/deir.rss`);
    expect(crashed).toContain("تعذّرت قراءة المصدر لأنه ضخم أو معقّد جدًا");
    expect(h.app.store.feeds.all()[0]?.lastError).toMatchObject({ kind: "parse-failed" });
    const next = await ask(h, "addfeed", `${root}/aleppo.rss`);
    expect(next).toContain("أُضيف المصدر #2: مكتب حلب");
    expect(next).toContain("حُفظ مقال جديد واحد");
    const latest = await ask(h, "latest", "", user({ language_code: "ar" }));
    expect(latest).toContain("استهداف قاعدة التحالف بحقل العمر بالصواريخ");
  }, 60_000);
});
