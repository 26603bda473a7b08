// The feed service's worker: each due feed is fetched (conditional GET), parsed and imported on its own,
// so one failing feed never holds up the others; failures back off exponentially and are stored as a kind.
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store";
import type { FeedFailure, FeedRecord } from "../store/feeds";
import { FeedParseError, type FeedParser, FeedParserPool, type FeedParserPoolOptions } from "./feed-pool";
import { FeedFetchError, type FetchFeedOptions, type FetchFeedResult, fetchFeed } from "./fetch-feed";
import type { ImportedArticle, Importer } from "./importer";
import type { BoilerplateRules } from "./plain-text";
import { IngestError } from "./types";

/** The longest a failing feed waits before it is tried again. */
const MAX_BACKOFF_MS = 6 * 3_600_000;
/** Feeds polled at the same time. */
const CONCURRENCY = 4;
/** Items one poll of one feed imports (the newest); a feed of thousands must not hold the bot up. */
export const MAX_ITEMS_PER_POLL = 100;

/** What one poll of one feed did. */
export interface PollOutcome {
  feed: FeedRecord;
  status: "ok" | "not-modified" | "error";
  /** Articles the poll stored for the first time. */
  added: ImportedArticle[];
  error?: FeedFailure;
}

export interface FeedPollerOptions {
  store: Store;
  importer: Importer;
  clock: Clock;
  logger: Logger;
  /** Time between two polls of a healthy feed. */
  intervalMs: number;
  /** Site-footer rules applied to item bodies (the built-in ones when absent). */
  boilerplate?: BoilerplateRules;
  /** Hosts that may be, or resolve to, addresses that are not public (FEED_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  /**
   * Reads the documents, off the main thread: default a FeedParserPool of its own (with `boilerplate` and
   * `parsing`), closed by stop().
   */
  parser?: FeedParser;
  /** The pool's limits: how long a parse may take (default 10 s), each thread's heap (tests lower them). */
  parsing?: Pick<FeedParserPoolOptions, "timeoutMs" | "heapMb">;
  /** Replaced in tests. */
  fetch?: (url: string, options: FetchFeedOptions) => Promise<FetchFeedResult>;
  /** Called with each poll's new articles (auto-alerts hook in here). */
  onNewArticles?: (
    feed: FeedRecord,
    added: ImportedArticle[],
    /** `firstRead`: the feed had never been read before (what /addfeed reads is its backlog). */
    poll?: { firstRead: boolean },
  ) => void | Promise<void>;
}

export class FeedPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  /** Aborted by stop(), so shutdown does not wait for a slow site. */
  private shutdown = new AbortController();
  private readonly fetch: NonNullable<FeedPollerOptions["fetch"]>;
  private readonly parser: FeedParser;

  constructor(private readonly options: FeedPollerOptions) {
    this.fetch = options.fetch ?? fetchFeed;
    this.parser =
      options.parser ??
      new FeedParserPool({
        logger: options.logger,
        ...(options.boilerplate ? { boilerplate: options.boilerplate } : {}),
        ...options.parsing,
      });
  }

  /** Fetches, parses and imports one feed; records success or failure. Never throws. */
  async poll(feed: FeedRecord): Promise<PollOutcome> {
    const { store, importer, clock, logger, intervalMs } = this.options;
    try {
      const result = await this.fetch(feed.url, {
        signal: this.shutdown.signal,
        clock,
        allowHosts: this.options.allowHosts ?? [],
        ...(feed.etag ? { etag: feed.etag } : {}),
        ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
      });
      const nextPollAt = clock() + intervalMs;
      if (result.kind === "not-modified") {
        store.feeds.recordSuccess(feed.id, {
          etag: feed.etag,
          lastModified: feed.lastModified,
          added: 0,
          nextPollAt,
        });
        return { feed: store.feeds.find(feed.id) ?? feed, status: "not-modified", added: [] };
      }
      // Decoded and parsed in a thread of the pool, which sends back the newest items only, prepared.
      const document = result.bytes ? { bytes: result.bytes, contentType: result.contentType } : result.body;
      const parsed = await this.parser.parse(document, {
        maxItems: MAX_ITEMS_PER_POLL,
        signal: this.shutdown.signal,
      });
      const source = parsed.title ?? feed.title ?? new URL(feed.url).hostname;
      const imported: ImportedArticle[] = [];
      for (const item of parsed.items) {
        imported.push(importer.importOne(item, { origin: "feed", feedId: feed.id, source }));
        // One item at a time (tagging a long body takes a while): replies and alerts go out in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const added = imported.filter((a) => a.created);
      store.feeds.recordSuccess(feed.id, {
        title: parsed.title ?? null,
        etag: result.etag ?? null,
        lastModified: result.lastModified ?? null,
        added: added.length,
        nextPollAt,
      });
      const updated = store.feeds.find(feed.id) ?? feed;
      if (added.length > 0) {
        logger.info({ feed: feed.id, added: added.length }, "feed polled");
        try {
          await this.options.onNewArticles?.(updated, added, { firstRead: feed.lastSuccessAt === null });
        } catch (error) {
          // The articles are stored; a failing hook (an auto-alert) is not the feed's fault.
          logger.error({ err: error, feed: feed.id }, "handling a feed's new articles failed");
        }
      }
      return { feed: updated, status: "ok", added };
    } catch (error) {
      const failure = failureOf(error);
      // Cut short by shutdown: not the feed's fault, and it stays due for the next start.
      if (this.shutdown.signal.aborted) return { feed, status: "error", added: [], error: failure };
      const failures = feed.failures + 1;
      const backoff = Math.min(intervalMs * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS);
      // A site's Retry-After is honoured, within the same cap as the backoff.
      const retryAfter = Math.min(
        error instanceof FeedFetchError ? (error.retryAfterMs ?? 0) : 0,
        MAX_BACKOFF_MS,
      );
      const jitter = 0.9 + Math.random() * 0.2;
      store.feeds.recordFailure(feed.id, failure, clock() + Math.max(backoff * jitter, retryAfter));
      logger.warn(
        { feed: feed.id, url: feed.url, failures, kind: failure.kind, error: failure.message },
        "feed poll failed",
      );
      return { feed: store.feeds.find(feed.id) ?? feed, status: "error", added: [], error: failure };
    }
  }

  /** Polls every feed that is due, a few at a time. */
  async pollDue(): Promise<PollOutcome[]> {
    return this.pollEach(this.options.store.feeds.due(this.options.clock()));
  }

  /** Polls every feed now, due or not (the CLI's `feeds poll`). */
  async pollAll(): Promise<PollOutcome[]> {
    return this.pollEach(this.options.store.feeds.all());
  }

  private async pollEach(feeds: FeedRecord[]): Promise<PollOutcome[]> {
    const outcomes: PollOutcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < feeds.length) {
        const feed = feeds[next++] as FeedRecord;
        outcomes.push(await this.poll(feed));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, feeds.length) }, worker));
    return outcomes;
  }

  /** Starts checking for due feeds every `checkEveryMs` (a poll still running is not started twice). */
  start(checkEveryMs = 30_000): void {
    if (this.timer) clearInterval(this.timer);
    this.shutdown = new AbortController();
    this.timer = setInterval(() => {
      this.running ??= this.pollDue()
        // poll() records each feed's failure; this is the database refusing the list of due feeds itself.
        .catch((error) =>
          this.options.logger.error({ err: error }, "could not poll the feeds; trying at the next check"),
        )
        .finally(() => {
          this.running = undefined;
        });
    }, checkEveryMs);
    this.timer.unref();
  }

  /**
   * Stops the schedule, cancels fetches and parses in flight, waits for the poll in progress to record them
   * and terminates the parser's threads.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.shutdown.abort();
    await this.running;
    await this.parser.close();
  }
}

/**
 * What a failed poll stores: the fetch's or the parse's own kind; "not-a-feed" for a document the parser (or
 * importer) refused.
 */
function failureOf(error: unknown): FeedFailure {
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? "failed") : String(error);
  if (error instanceof FeedFetchError) return { kind: error.kind, status: error.status ?? null, message };
  if (error instanceof FeedParseError) return { kind: error.kind, status: null, message };
  if (error instanceof IngestError) return { kind: "not-a-feed", status: null, message };
  return { kind: "other", status: null, message };
}
