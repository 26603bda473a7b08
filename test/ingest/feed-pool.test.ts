// The feed parser's threads: documents parsed off the bot's thread, the newest items sent back cut to size, a
// parse that takes too long or a thread that dies failing that one feed only, and the threads ended by close().
import { afterEach, describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed";
import { FeedParseError, FeedParserPool } from "../../src/ingest/feed-pool";
import { prepareArticle } from "../../src/ingest/feed-worker";
import { Importer } from "../../src/ingest/importer";
import { MAX_BODY_LENGTH, MAX_LINE_LENGTH } from "../../src/ingest/limits";
import { fingerprint } from "../../src/ingest/near-duplicate";
import { type ArticleInput, IngestError } from "../../src/ingest/types";
import { normalize } from "../../src/text/normalize";
import { indexText } from "../../src/text/stem";
import { hugeTitles, manyItems, REPORT, rss } from "../support/big-feeds";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const pools: FeedParserPool[] = [];
function pool(options: ConstructorParameters<typeof FeedParserPool>[0] = {}): FeedParserPool {
  const p = new FeedParserPool(options);
  pools.push(p);
  return p;
}
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

const SMALL = rss("مكتب حلب", [
  { title: "استهداف قاعدة التحالف بحقل العمر بالصواريخ", body: REPORT, publishedAt: Date.UTC(2026, 10, 20) },
]);

describe("FeedParserPool", () => {
  it("parses a feed of 5,000 items in a thread and sends back the 100 newest, as parseFeed reads them", async () => {
    const parser = pool();
    expect(parser.threads).toBe(0); // started on the first parse only
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const feed = await parser.parse(manyItems(5000), { maxItems: 100 }).finally(() => clearInterval(ticker));
    expect(feed.total).toBe(5000);
    expect(feed.title).toBe("مكتب الرقة");
    expect(feed.items).toHaveLength(100);
    expect(feed.items[0]?.title).toBe("خبر رقم 4999 من الرقة");
    expect(feed.items.at(-1)?.title).toBe("خبر رقم 4900 من الرقة");
    const inThread = parseFeed(manyItems(5000)).items[4999] as ArticleInput;
    expect(feed.items[0]).toEqual(prepareArticle(inThread));
    expect(feed.items[0]?.prepared).toEqual({
      normalizedTitle: normalize(inThread.title),
      normalizedBody: normalize(inThread.body),
      searchTitle: indexText(normalize(inThread.title)),
      searchBody: indexText(normalize(inThread.body)),
      language: "ar",
      // The near-duplicate finder's keys, as the importer would compute them on the bot's thread.
      fingerprint: fingerprint(normalize(inThread.title), normalize(inThread.body)),
    });
    expect(feed.items[0]?.prepared?.fingerprint.keys).toHaveLength(17);
    // The bot's own thread kept running while the document was parsed.
    expect(ticks).toBeGreaterThan(0);
    expect(parser.threads).toBe(1);
  });

  it("cuts titles and bodies to what the importer keeps", async () => {
    const huge = await pool().parse(hugeTitles(60_000, 3));
    expect(huge.title?.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    expect(huge.items.map((i) => i.title.length)).toEqual([
      MAX_LINE_LENGTH,
      MAX_LINE_LENGTH,
      MAX_LINE_LENGTH,
    ]);
    expect(huge.items[0]?.title.startsWith("عاجل 0: قصف على حقل العمر")).toBe(true);
    const long = rss("مكتب دير الزور", [{ title: "تقرير مطول", body: Array(1500).fill(REPORT[0]) }]);
    const [item] = (await pool().parse(long)).items;
    expect(item?.body.length).toBe(MAX_BODY_LENGTH);
  });

  it("prepares items as the importer would: an item stored from the thread is the same article as one stored as read", async () => {
    const clock = manualClock();
    const temp = tempStore(clock);
    try {
      const importer = new Importer(temp.store, temp.topics, clock);
      const doc = rss("مكتب حلب", [{ title: "  استهداف قاعدة   التحالف بحقل العمر  ", body: REPORT }]);
      const [threaded] = (await pool().parse(doc)).items;
      const stored = importer.importOne(threaded as ArticleInput, { origin: "feed" });
      expect(stored).toMatchObject({ created: true, article: { language: "ar" } });
      expect(stored.topics.map((t) => t.slug)).toContain("omar-oil-field");
      // The same item as the bot's thread reads it (no guid or link: only the content can match it).
      const { url: _url, ...asRead } = parseFeed(doc).items[0] as ArticleInput;
      const again = importer.importOne(asRead, { origin: "import" });
      expect(again).toMatchObject({ created: false, article: { id: stored.article.id } });
      expect(again.nearDuplicate).toBeUndefined(); // found by its content hash: the same normalized text
      // A shortened copy from another feed, its keys computed in the thread: the same story, found by them.
      const short = REPORT.slice(0, 4);
      const [copy] = (await pool().parse(rss("مكتب الفرات", [{ title: "قصف قاعدة حقل العمر", body: short }])))
        .items;
      const merged = importer.importOne(copy as ArticleInput, { origin: "feed" });
      expect(merged).toMatchObject({ created: false, article: { id: stored.article.id } });
      expect(merged.nearDuplicate).toBeGreaterThan(0.8);
    } finally {
      temp.cleanup();
    }
  });

  it("decodes a document handed over as bytes in the thread, by its charset", async () => {
    const doc = rss("مكتب حلب", [{ title: "استهداف قاعدة التحالف بحقل العمر بالصواريخ", body: REPORT }]);
    const bytes = new TextEncoder().encode(doc.replace('encoding="utf-8"', 'encoding="utf-16"'));
    const utf8 = await pool().parse({ bytes, contentType: "application/rss+xml; charset=utf-8" });
    expect(utf8.items[0]?.title).toBe("استهداف قاعدة التحالف بحقل العمر بالصواريخ");
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
    expect((await pool().parse({ bytes: bom })).title).toBe("مكتب حلب");
  });

  it("rejects a document that is not a feed with the parser's own message", async () => {
    const error = await pool()
      .parse("<html><body>صفحة الموقع</body></html>")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toBe(
      "not an RSS or Atom feed: its root element is <html>, not <rss>, <feed> or <rdf:RDF>",
    );
  });

  it("kills a thread whose parse takes too long, and fails that feed as parse-timeout", async () => {
    // 5,000 items take hundreds of milliseconds to parse: far longer than 5 ms.
    const parser = pool({ timeoutMs: 5 });
    const error = await parser.parse(manyItems(5000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error).toMatchObject({ kind: "parse-timeout" });
    expect(parser.threads).toBe(0);
  });

  it("survives a thread that runs out of memory: that feed fails as parse-failed, the next one is read", async () => {
    const parser = pool({ heapMb: 32 });
    const [crashed, next] = await Promise.allSettled([parser.parse(manyItems(20_000)), parser.parse(SMALL)]);
    expect(crashed).toMatchObject({ status: "rejected", reason: { kind: "parse-failed" } });
    expect(next).toMatchObject({ status: "fulfilled", value: { total: 1, title: "مكتب حلب" } });
    expect((await parser.parse(SMALL)).items[0]?.title).toBe("استهداف قاعدة التحالف بحقل العمر بالصواريخ");
  });

  it("parses two feeds at once in two threads, and queues a third", async () => {
    const parser = pool({ size: 2 });
    const feeds = await Promise.all([manyItems(300), SMALL, manyItems(20)].map((d) => parser.parse(d)));
    expect(feeds.map((f) => f.total)).toEqual([300, 1, 20]);
    expect(parser.threads).toBe(2);
  });

  it("cancels a parse when its signal aborts, and close() ends every thread; a later parse starts one again", async () => {
    const parser = pool();
    const abort = new AbortController();
    const pending = parser.parse(manyItems(5000), { signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toMatchObject({ kind: "aborted" });
    await parser.parse(SMALL);
    expect(parser.threads).toBe(1);
    await parser.close();
    expect(parser.threads).toBe(0);
    expect((await parser.parse(SMALL)).total).toBe(1);
  });
});
