// What every source reader produces, before the importer cleans, dedupes, tags and stores it.
import type { Language } from "../domain";
import type { Fingerprint } from "./near-duplicate";

/** One article as read from a source (plain text, JSON, RSS/Atom item, /post). */
export interface ArticleInput {
  title: string;
  /** Plain text; paragraphs separated by one blank line; no HTML. */
  body: string;
  /** Canonical link (tracking parameters and fragment removed), when the source gives one. */
  url?: string;
  /** The source's own identifier (RSS guid, Atom id). */
  guid?: string;
  /** Publication time, ms since the epoch, when the source gives one. */
  publishedAt?: number;
  /** The site, feed or person the article comes from. */
  source?: string;
  author?: string;
  /**
   * Its picture: an http(s) URL (a feed's enclosure / media:content / media:thumbnail, a JSON import's `image`) or
   * a Telegram file_id (a photo an editor sent with /post).
   */
  image?: string;
  /**
   * What the importer computes from the title and body, computed ahead by the feed parser's thread (so that
   * the bot's thread does not normalize 100,000 characters). Only for an input whose title and body are
   * already as the importer keeps them (see `prepareArticle` in feed-worker.ts).
   */
  prepared?: PreparedText;
}

/** An article's title and body as `normalize` gives them, and its language as `detectLanguage` reads it. */
export interface PreparedText {
  normalizedTitle: string;
  normalizedBody: string;
  /** The search index's stems of the title and body (src/text/stem.ts indexText). */
  searchTitle: string;
  searchBody: string;
  language: Language;
  /** The near-duplicate finder's shingles and keys (src/ingest/near-duplicate.ts). */
  fingerprint: Fingerprint;
}

/** A parsed RSS or Atom document. */
export interface ParsedFeed {
  title?: string;
  link?: string;
  items: ArticleInput[];
}

/** A source that cannot be read; the message is one line a newsroom can act on. */
export class IngestError extends Error {
  override name = "IngestError";
}
