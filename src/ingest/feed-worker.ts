// The feed parser's thread (started by feed-pool.ts): parses one feed document at a time with feedsmith and
// prepares its items for the importer (the newest when there are more than asked; titles and bodies cut to
// the importer's limits, normalized, their language detected), so that a document of thousands of items
// never holds up the bot's event loop. It
// posts back plain objects; the importer, the database and the topic index stay on the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { detectLanguage } from "../text/language";
import { normalize } from "../text/normalize";
import { indexText } from "../text/stem";
import { decodeFeedBytes } from "./decode";
import { parseFeed } from "./feed";
import { cleanBody, cleanTitle } from "./limits";
import { fingerprint } from "./near-duplicate";
import type { BoilerplateRules } from "./plain-text";
import { type ArticleInput, IngestError, type ParsedFeed, type PreparedText } from "./types";

/** A document as fetched, decoded in the thread (fetch-feed's `bytes` and Content-Type). */
export interface FeedBytes {
  bytes: Uint8Array;
  contentType?: string | undefined;
}

/** What the pool asks: one document, and how many of its newest items it wants back. */
export interface FeedJob {
  id: number;
  document: string | FeedBytes;
  /** At most this many items come back (the newest); all of them when absent. */
  maxItems?: number;
}

/** A parsed feed as the pool receives it: `items` prepared, `total` the number of items in the document. */
export interface PreparedFeed extends ParsedFeed {
  total: number;
}

/** The thread's answers: "ready" once loaded, then one per job. */
export type FeedWorkerMessage =
  | { type: "ready" }
  | { type: "parsed"; id: number; feed: PreparedFeed }
  | { type: "failed"; id: number; message: string; ingest: boolean };

/** What the pool gives every thread it starts. */
export interface FeedWorkerData {
  /** Marks a thread started by the pool (a test runner's own thread has a parentPort too). */
  nashraFeedWorker: true;
  /** Site-footer rules applied to item bodies (the built-in ones when absent). */
  boilerplate?: BoilerplateRules;
}

/** The `max` newest items (by date; undated ones last), in the feed's order when it has no more than that. */
export function newestItems(items: ArticleInput[], max: number | undefined): ArticleInput[] {
  if (max === undefined || items.length <= max) return items;
  return [...items].sort((a, b) => (b.publishedAt ?? 0) - (a.publishedAt ?? 0)).slice(0, max);
}

/**
 * An item as the importer keeps it (title on one line and capped, body trimmed and cut), with the work the
 * importer would otherwise do on the bot's thread: the normalized title and body, and the language.
 */
export function prepareArticle(item: ArticleInput): ArticleInput {
  const title = cleanTitle(item.title);
  const body = cleanBody(item.body);
  const normalizedTitle = normalize(title);
  const normalizedBody = normalize(body);
  const prepared: PreparedText = {
    normalizedTitle,
    normalizedBody,
    // Stemming a 100,000-character body is the longest step of an import: done here, off the bot's thread.
    searchTitle: indexText(normalizedTitle),
    searchBody: indexText(normalizedBody),
    language: detectLanguage(`${title}\n${body}`),
    fingerprint: fingerprint(normalizedTitle, normalizedBody),
  };
  return { ...item, title, body, prepared };
}

/** Parses and prepares one document (what the thread does for each job; also callable in-thread). */
export function parseAndPrepare(
  document: string | FeedBytes,
  boilerplate: BoilerplateRules | undefined,
  maxItems?: number,
): PreparedFeed {
  const xml = typeof document === "string" ? document : decodeFeedBytes(document.bytes, document.contentType);
  const parsed = parseFeed(xml, boilerplate);
  const feed: PreparedFeed = {
    items: newestItems(parsed.items, maxItems).map(prepareArticle),
    total: parsed.items.length,
  };
  if (parsed.title !== undefined) feed.title = parsed.title;
  if (parsed.link !== undefined) feed.link = parsed.link;
  return feed;
}

const data = workerData as FeedWorkerData | undefined;
const port = parentPort;
if (port !== null && data?.nashraFeedWorker === true) {
  const { boilerplate } = data;
  port.on("message", (job: FeedJob) => {
    let answer: FeedWorkerMessage;
    try {
      answer = { type: "parsed", id: job.id, feed: parseAndPrepare(job.document, boilerplate, job.maxItems) };
    } catch (error) {
      answer = {
        type: "failed",
        id: job.id,
        message: error instanceof Error ? error.message : String(error),
        ingest: error instanceof IngestError,
      };
    }
    port.postMessage(answer);
  });
  port.postMessage({ type: "ready" } satisfies FeedWorkerMessage);
}
