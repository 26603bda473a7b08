// Feeds: the newsroom's RSS/Atom sources, the rules for adding, removing and auto-alerting them, and the
// poller that reads them in the background (its worker).
import type { Importer } from "../ingest/importer";
import { FeedPoller, type FeedPollerOptions, type PollOutcome } from "../ingest/poller";
import { canonicalUrl } from "../ingest/url";
import type { Store } from "../store";
import type { FeedFailure, FeedRecord } from "../store/feeds";

export interface FeedServiceOptions extends Omit<FeedPollerOptions, "store" | "importer"> {
  store: Store;
  importer: Importer;
}

/** What /addfeed did: the feed, whether it is new, and how its first read went (new feeds only). */
export interface AddedFeed {
  feed: FeedRecord;
  created: boolean;
  outcome?: PollOutcome;
}

/** /addfeed of an address whose first read shows it is no feed: nothing was stored. */
export interface RefusedFeed {
  refused: FeedFailure;
  url: string;
}

/**
 * First-read failures that say the address is no feed (a 404, an HTML page, a private host): such an
 * address is not stored. Failures that may pass (timeouts, 5xx, a parse that ran out of time) keep the feed,
 * which the poller retries.
 */
export function refusesFeed(failure: FeedFailure): boolean {
  switch (failure.kind) {
    case "not-a-feed":
    case "bad-url":
    case "not-public":
    case "redirects":
      return true;
    case "http":
      return (
        failure.status !== null &&
        failure.status >= 400 &&
        failure.status < 500 &&
        failure.status !== 408 &&
        failure.status !== 429
      );
    default:
      return false;
  }
}

export class FeedService {
  private readonly store: Store;
  private readonly poller: FeedPoller;

  constructor(options: FeedServiceOptions) {
    this.store = options.store;
    this.poller = new FeedPoller(options);
  }

  /** Every feed, oldest first. */
  list(): FeedRecord[] {
    return this.store.feeds.all();
  }

  find(id: number): FeedRecord | undefined {
    return this.store.feeds.find(id);
  }

  /**
   * Adds a feed and reads it at once, so the editor learns straight away whether it works. A URL that
   * is not http(s) is refused with `undefined`; a URL already there returns that feed, not read again; an
   * address whose first read shows it is no feed (`refusesFeed`) is removed again and returned as refused.
   */
  async add(
    rawUrl: string,
    options: { autoAlert?: boolean; addedBy?: number | null } = {},
  ): Promise<AddedFeed | RefusedFeed | undefined> {
    const url = canonicalUrl(rawUrl.trim());
    if (!url) return undefined;
    const { feed, created } = this.store.feeds.add(url, options);
    if (!created) return { feed, created } satisfies AddedFeed;
    const outcome = await this.poller.poll(feed);
    if (
      outcome.status === "error" &&
      outcome.error &&
      refusesFeed(outcome.error) &&
      outcome.added.length === 0
    ) {
      this.store.feeds.delete(feed.id);
      return { refused: outcome.error, url };
    }
    return { feed: outcome.feed, created, outcome } satisfies AddedFeed;
  }

  /** Removes a feed (its articles stay); returns it, or undefined when there was no such feed. */
  remove(id: number): FeedRecord | undefined {
    const feed = this.store.feeds.find(id);
    return feed && this.store.feeds.delete(id) ? feed : undefined;
  }

  /** Switches whether a feed's breaking items become alerts without an editor; undefined: no such feed. */
  setAutoAlert(id: number, on: boolean): FeedRecord | undefined {
    if (!this.store.feeds.find(id)) return undefined;
    this.store.feeds.autoAlert(id, on);
    return this.store.feeds.find(id);
  }

  /** Reads every feed now, due or not (the CLI's `feeds poll`). */
  pollAll(): Promise<PollOutcome[]> {
    return this.poller.pollAll();
  }

  /** Starts reading due feeds in the background. */
  start(): void {
    this.poller.start();
  }

  /** Stops the background reads, cancelling fetches in flight. */
  stop(): Promise<void> {
    return this.poller.stop();
  }
}
