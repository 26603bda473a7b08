// What every source reader produces, before the importer cleans, dedupes, tags and stores it.

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
