// The feed poller: one failing feed never holds up the others; failures back off; 304s keep validators.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FeedService } from "../../src/feeds/service";
import { FeedFetchError, type FetchFeedOptions, type FetchFeedResult } from "../../src/ingest/fetch-feed";
import { Importer } from "../../src/ingest/importer";
import { FeedPoller, type FeedPollerOptions } from "../../src/ingest/poller";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import { manyItems, REPORT, rss } from "../support/big-feeds";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const RSS = readFileSync(new URL("../fixtures/feeds/euphrates-desk.rss", import.meta.url), "utf8");
const MINUTE = 60_000;

let store: Store;
let cleanup: () => void;
let options: FeedPollerOptions;
let poller: FeedPoller;
const clock = manualClock();
const requests: { url: string; options: FetchFeedOptions }[] = [];
const answers = new Map<string, () => FetchFeedResult>();

beforeEach(() => {
  const temp = tempStore(clock);
  store = temp.store;
  cleanup = temp.cleanup;
  requests.length = 0;
  options = {
    store,
    importer: new Importer(store, temp.topics, clock),
    clock,
    logger: createLogger("silent"),
    intervalMs: 10 * MINUTE,
    fetch: async (url, options) => {
      requests.push({ url, options });
      const answer = answers.get(url);
      if (!answer)
        throw new FeedFetchError("HTTP 404 Not Found", { kind: "http", status: 404, retryable: false });
      return answer();
    },
  };
  poller = new FeedPoller(options);
});
afterEach(async () => {
  await poller.stop(); // ends the parser's threads
  cleanup();
});

describe("FeedPoller", () => {
  it("imports the 100 newest items of a feed of 150, and lets other work run between items", async () => {
    const day = Date.UTC(2026, 10, 1);
    const items = Array.from({ length: 150 }, (_, i) => {
      const at = new Date(day + i * MINUTE).toUTCString();
      return `<item><title>قصف على أطراف الميادين رقم ${i}</title><link>https://desk.example/${i}</link><pubDate>${at}</pubDate><description>أفاد مراسلون بسقوط قذائف على أطراف الميادين في ريف دير الزور الشرقي، رقم ${i}.</description></item>`;
    });
    // Oldest first, as some feeds write them.
    const body = `<rss version="2.0"><channel><title>مكتب الفرات</title>${items.join("")}</channel></rss>`;
    answers.set("https://big.example/feed", () => ({
      kind: "ok",
      body,
      finalUrl: "https://big.example/feed",
    }));
    const feed = store.feeds.add("https://big.example/feed").feed;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const outcome = await poller.poll(feed).finally(() => clearInterval(ticker));
    expect(outcome.added).toHaveLength(100);
    const titles = outcome.added.map((a) => a.article.title);
    expect(titles).toContain("قصف على أطراف الميادين رقم 149");
    expect(titles).toContain("قصف على أطراف الميادين رقم 50");
    expect(titles).not.toContain("قصف على أطراف الميادين رقم 49");
    expect(ticks).toBeGreaterThan(0);
  });

  it("imports the 100 newest of a 5,000-item feed (2 MB), parsed off the bot's thread", async () => {
    const body = manyItems(5000);
    answers.set("https://raqqa.example/feed", () => ({
      kind: "ok",
      body,
      finalUrl: "https://raqqa.example/feed",
    }));
    const feed = store.feeds.add("https://raqqa.example/feed").feed;
    const outcome = await poller.poll(feed);
    expect(outcome.status).toBe("ok");
    expect(outcome.added).toHaveLength(100);
    expect(outcome.added[0]?.article).toMatchObject({ title: "خبر رقم 4999 من الرقة", source: "مكتب الرقة" });
    expect(outcome.added.map((a) => a.article.title)).not.toContain("خبر رقم 4899 من الرقة");
    expect(store.feeds.find(feed.id)).toMatchObject({ title: "مكتب الرقة", failures: 0, itemsAdded: 100 });
  });

  it("fails a feed whose parse takes too long as parse-timeout, and reads the next feed", async () => {
    poller = new FeedPoller({ ...options, parsing: { timeoutMs: 5 } });
    answers.set("https://raqqa.example/feed", () => ({ kind: "ok", body: manyItems(5000), finalUrl: "x" }));
    const slow = store.feeds.add("https://raqqa.example/feed").feed;
    const outcome = await poller.poll(slow);
    expect(outcome).toMatchObject({ status: "error", error: { kind: "parse-timeout", status: null } });
    expect(store.feeds.find(slow.id)).toMatchObject({ failures: 1, lastError: { kind: "parse-timeout" } });
  });

  it("survives a parser thread that runs out of memory: that feed fails as parse-failed, the next poll works", async () => {
    poller = new FeedPoller({ ...options, parsing: { heapMb: 32 } });
    answers.set("https://raqqa.example/feed", () => ({ kind: "ok", body: manyItems(20_000), finalUrl: "x" }));
    const small = rss("مكتب حلب", [{ title: "استهداف قاعدة التحالف بحقل العمر بالصواريخ", body: REPORT }]);
    answers.set("https://aleppo.example/feed", () => ({ kind: "ok", body: small, finalUrl: "x" }));
    const huge = store.feeds.add("https://raqqa.example/feed").feed;
    const aleppo = store.feeds.add("https://aleppo.example/feed").feed;
    expect(await poller.poll(huge)).toMatchObject({ status: "error", error: { kind: "parse-failed" } });
    const next = await poller.poll(aleppo);
    expect(next.status).toBe("ok");
    expect(next.added.map((a) => a.article.title)).toEqual(["استهداف قاعدة التحالف بحقل العمر بالصواريخ"]);
  });

  it("imports a good feed while a broken one fails beside it, and backs the broken one off", async () => {
    answers.set("https://good.example/feed", () => ({
      kind: "ok",
      body: RSS,
      etag: '"e1"',
      finalUrl: "https://good.example/feed",
    }));
    const good = store.feeds.add("https://good.example/feed").feed;
    const bad = store.feeds.add("https://bad.example/feed").feed;
    const outcomes = await poller.pollDue();
    expect(outcomes.find((o) => o.feed.id === good.id)).toMatchObject({ status: "ok" });
    expect(outcomes.find((o) => o.feed.id === good.id)?.added).toHaveLength(4);
    expect(outcomes.find((o) => o.feed.id === bad.id)).toMatchObject({
      status: "error",
      error: { kind: "http", status: 404, message: "HTTP 404 Not Found" },
    });

    const goodAfter = store.feeds.find(good.id);
    expect(goodAfter).toMatchObject({
      etag: '"e1"',
      failures: 0,
      title: "مكتب الفرات — أخبار (نموذج اختبار)",
      itemsAdded: 4,
    });
    expect(goodAfter?.nextPollAt).toBe(clock() + 10 * MINUTE);
    const badAfter = store.feeds.find(bad.id);
    expect(badAfter).toMatchObject({
      failures: 1,
      lastError: { kind: "http", status: 404, message: "HTTP 404 Not Found" },
    });
    // Twice the interval, give or take 10% of jitter.
    expect(badAfter?.nextPollAt).toBeGreaterThanOrEqual(clock() + 18 * MINUTE);
    expect(badAfter?.nextPollAt).toBeLessThanOrEqual(clock() + 22 * MINUTE);

    // Nothing is due a minute later; the failing feed waits longer after each failure.
    clock.advance(MINUTE);
    expect(await poller.pollDue()).toEqual([]);
    clock.advance(30 * MINUTE);
    await poller.pollDue();
    const again = store.feeds.find(bad.id);
    expect(again?.failures).toBe(2);
    expect((again?.nextPollAt ?? 0) - clock()).toBeGreaterThanOrEqual(36 * MINUTE);
  });

  it("sends its validators and keeps them on 304", async () => {
    let calls = 0;
    answers.set("https://good.example/feed", () =>
      calls++ === 0
        ? {
            kind: "ok",
            body: RSS,
            etag: '"e1"',
            lastModified: "Wed, 05 Jan 2022 09:30:00 GMT",
            finalUrl: "x",
          }
        : { kind: "not-modified" },
    );
    const { feed } = store.feeds.add("https://good.example/feed");
    await poller.pollDue();
    clock.advance(11 * MINUTE);
    const [outcome] = await poller.pollDue();
    expect(outcome?.status).toBe("not-modified");
    expect(requests[1]?.options).toMatchObject({
      etag: '"e1"',
      lastModified: "Wed, 05 Jan 2022 09:30:00 GMT",
    });
    expect(store.feeds.find(feed.id)).toMatchObject({ etag: '"e1"', failures: 0 });
  });

  it("honours a site's Retry-After, within the 6 h cap", async () => {
    answers.set("https://busy.example/feed", () => {
      throw new FeedFetchError("HTTP 429 Too Many Requests", {
        kind: "http",
        status: 429,
        retryable: true,
        retryAfterMs: 365 * 86_400_000,
      });
    });
    const { feed } = store.feeds.add("https://busy.example/feed");
    await poller.pollDue();
    expect((store.feeds.find(feed.id)?.nextPollAt ?? 0) - clock()).toBe(6 * 60 * MINUTE);
  });

  it("stores a document that is not a feed as such, not as English text to read back", async () => {
    answers.set("https://site.example/", () => ({
      kind: "ok",
      body: "<!doctype html><html><body><h1>مكتب الفرات</h1></body></html>",
      finalUrl: "https://site.example/",
    }));
    const { feed } = store.feeds.add("https://site.example/");
    const [outcome] = await poller.pollDue();
    expect(outcome?.error).toMatchObject({ kind: "not-a-feed", status: null });
    expect(store.feeds.find(feed.id)?.lastError?.kind).toBe("not-a-feed");
  });
});

describe("FeedService", () => {
  it("refuses a URL that is not http(s), and adds a feed once", async () => {
    const feeds = new FeedService(options);
    expect(await feeds.add("javascript:alert(1)")).toBeUndefined();
    answers.set("https://good.example/feed", () => ({ kind: "ok", body: RSS, finalUrl: "x" }));
    const first = await feeds.add("https://good.example/feed?utm_source=x", { autoAlert: true });
    expect(first).toMatchObject({
      created: true,
      feed: { url: "https://good.example/feed", autoAlert: true },
    });
    expect(first && "outcome" in first ? first.outcome?.added : []).toHaveLength(4);
    expect(await feeds.add("https://good.example/feed")).toMatchObject({ created: false });
    await feeds.stop();
  });
});
