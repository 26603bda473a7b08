// RSS 2.0, Atom, RDF (RSS 1.0) and JSON Feed documents → ArticleInput items, through feedsmith; this
// module owns the mapping of each format's fields and turns the HTML of items into plain text.

import {
  type AnyFeed,
  type AtomFeed,
  DetectError,
  type JsonFeed,
  MalformedError,
  ParseError,
  parseFeed as parseAnyFeed,
  type RdfFeed,
  type RssFeed,
} from "feedsmith";
import { asciiDigits } from "../text/normalize";
import { htmlToText } from "./html";
import { capLine } from "./limits";
import { type BoilerplateRules, cleanBody, defaultBoilerplate } from "./plain-text";
import { type ArticleInput, IngestError, type ParsedFeed } from "./types";
import { canonicalUrl } from "./url";

/** Longest title made from the body of an item that has none. */
const DERIVED_TITLE_LENGTH = 120;

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Something that looks like markup: a tag, a comment or a character reference. */
const MARKUP = /<[A-Za-z/!]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

/** HTML (or text that may hold HTML, as RSS fields do) → one line of text. */
function htmlLine(html: string | undefined): string {
  return html === undefined ? "" : oneLine(htmlToText(html));
}

/** An Atom text construct → one line of text: "html" and "xhtml" (and untyped text holding markup) are read as HTML. */
function atomLine(text: AtomFeed.Text | undefined): string {
  if (text === undefined) return "";
  return isHtml(text.type, text.value) ? htmlLine(text.value) : oneLine(text.value);
}

/** HTML when the type says so; with no type (Atom's default is text), when the value holds markup anyway. */
function isHtml(type: string | undefined, value: string): boolean {
  if (type === undefined) return MARKUP.test(value);
  return type.toLowerCase().includes("html");
}

const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
/** An RFC 822 date that ends with its time: no zone given. */
const RFC822_WITHOUT_ZONE = /^(\w{3},?\s+)?\d{1,2}\s+\w{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(:\d{2})?$/;

/**
 * A feed date (RFC 822 as RSS writes it, RFC 3339 as Atom does, and what browsers' Date.parse also
 * takes) → ms since the epoch. A date-time without a zone is read as UTC, so the result does not depend
 * on the machine's zone. Unreadable → undefined.
 */
export function parseFeedDate(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  let s = asciiDigits(raw.trim());
  if (s === "") return undefined;
  if (ISO_WITHOUT_ZONE.test(s)) s = `${s.replace(" ", "T")}Z`;
  else if (RFC822_WITHOUT_ZONE.test(s)) s = `${s} GMT`;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A link as canonical absolute URL, relative links resolved against the feed's own link. */
function resolveLink(link: string | undefined, base: string | undefined): string | undefined {
  if (link === undefined || link.trim() === "") return undefined;
  const direct = canonicalUrl(link);
  if (direct !== undefined || base === undefined) return direct;
  try {
    return canonicalUrl(new URL(link.trim(), base).href);
  } catch {
    return undefined;
  }
}

function names(values: (string | undefined)[]): string | undefined {
  const list = [...new Set(values.map((v) => (v === undefined ? "" : oneLine(v))).filter((v) => v !== ""))];
  return list.length > 0 ? list.join(", ") : undefined;
}

function firstDate(...raws: (string | undefined)[]): number | undefined {
  for (const raw of raws) {
    const ms = parseFeedDate(raw);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** The fields every format gives, before the item becomes an ArticleInput. */
interface RawItem {
  title: string;
  /** Plain text (already converted from HTML). */
  text: string;
  url: string | undefined;
  guid: string | undefined;
  publishedAt: number | undefined;
  author: string | undefined;
  /** Its picture's absolute URL (enclosure, media:content, media:thumbnail, a JSON Feed image). */
  image?: string | undefined;
}

/** What media:content / media:thumbnail / media:group give (feedsmith's MediaNs.ItemOrFeed, the parts read here). */
interface MediaElements {
  contents?: { url?: string; type?: string; medium?: string; isDefault?: boolean }[];
  thumbnails?: { url?: string }[];
  groups?: MediaElements[];
}

const looksLikeImage = (url: string): boolean => /\.(jpe?g|png|webp|gif)(?:$|[?#])/i.test(url);

/** An absolute http(s) URL of a picture, resolved against the feed's link; undefined for anything else. */
function imageUrl(raw: string | undefined, base: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An item's picture: the first image enclosure, else the media:content that is an image (the default one first),
 * else the first media:thumbnail (also inside media:group). Only the URL is kept: Telegram fetches it.
 */
function itemImage(
  enclosures: readonly { url?: string; type?: string }[],
  media: MediaElements | undefined,
  base: string | undefined,
): string | undefined {
  for (const e of enclosures) {
    const type = e.type?.toLowerCase();
    if (e.url && (type?.startsWith("image/") || (!type && looksLikeImage(e.url))))
      return imageUrl(e.url, base);
  }
  const all = [media, ...(media?.groups ?? [])];
  const contents = all.flatMap((m) => m?.contents ?? []);
  const images = contents.filter(
    (c) =>
      c.url &&
      (c.medium?.toLowerCase() === "image" ||
        c.type?.toLowerCase().startsWith("image/") ||
        (!c.medium && !c.type && looksLikeImage(c.url))),
  );
  const chosen = images.find((c) => c.isDefault) ?? images[0];
  if (chosen) return imageUrl(chosen.url, base);
  const thumbnail = all.flatMap((m) => m?.thumbnails ?? []).find((t) => t.url);
  return thumbnail ? imageUrl(thumbnail.url, base) : undefined;
}

/** A title from the first line of the body, cut at a word boundary: for items that have only a body. */
function deriveTitle(body: string): string {
  const first = oneLine(body.split("\n", 1)[0] ?? "");
  if (first.length <= DERIVED_TITLE_LENGTH) return first;
  const cut = first.slice(0, DERIVED_TITLE_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > DERIVED_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

function toArticle(
  raw: RawItem,
  source: string | undefined,
  rules: BoilerplateRules,
): ArticleInput | undefined {
  const body = cleanBody(raw.text, rules);
  if (raw.title === "" && body === "") return undefined;
  const article: ArticleInput = { title: raw.title !== "" ? raw.title : deriveTitle(body), body };
  if (raw.url !== undefined) article.url = raw.url;
  if (raw.guid !== undefined && raw.guid.trim() !== "") article.guid = raw.guid.trim();
  if (raw.publishedAt !== undefined) article.publishedAt = raw.publishedAt;
  if (source !== undefined) article.source = source;
  if (raw.author !== undefined) article.author = raw.author;
  if (raw.image !== undefined) article.image = raw.image;
  return article;
}

function rssItem(item: RssFeed.Item<string>, base: string | undefined): RawItem {
  const guid = item.guid?.value;
  // A guid is a permalink unless it says otherwise (RSS 2.0).
  const permalink = item.guid?.isPermaLink !== false ? guid : undefined;
  return {
    title: htmlLine(item.title),
    text: htmlToText(item.content?.encoded ?? item.description ?? ""),
    url: resolveLink(item.link, base) ?? resolveLink(permalink, undefined),
    guid,
    publishedAt: firstDate(item.pubDate, ...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated),
    author: names([...(item.dc?.creators ?? []), ...(item.authors ?? []).map((a) => a.name ?? a.email)]),
    image: itemImage(item.enclosures ?? [], item.media, base),
  };
}

function rdfItem(item: RdfFeed.Item<string>, base: string | undefined): RawItem {
  return {
    title: htmlLine(item.title),
    text: htmlToText(item.content?.encoded ?? item.description ?? ""),
    url: resolveLink(item.link, base) ?? resolveLink(item.rdf?.about, base),
    guid: item.rdf?.about ?? item.link,
    publishedAt: firstDate(...(item.dc?.dates ?? [])),
    author: names(item.dc?.creators ?? []),
  };
}

function atomAlternate(links: AtomFeed.Link<string>[] | undefined): string | undefined {
  const alternates = (links ?? []).filter((l) => l.rel === undefined || l.rel === "alternate");
  return (alternates.find((l) => l.type === undefined || l.type.includes("html")) ?? alternates[0])?.href;
}

function atomText(content: AtomFeed.Content | undefined, summary: AtomFeed.Text | undefined): string {
  const type = content?.type?.toLowerCase();
  // Other media types (e.g. base64 data, or content given by src only) are not article text.
  const readable = type === undefined || type === "text" || type.startsWith("text/") || type.includes("html");
  if (readable && content?.value !== undefined && content.value.trim() !== "") {
    return isHtml(type, content.value) ? htmlToText(content.value) : content.value;
  }
  if (summary === undefined) return "";
  return isHtml(summary.type, summary.value) ? htmlToText(summary.value) : summary.value;
}

function atomEntry(
  entry: AtomFeed.Entry<string>,
  base: string | undefined,
  feedAuthors: string | undefined,
): RawItem {
  return {
    title: atomLine(entry.title),
    text: atomText(entry.content, entry.summary),
    url: resolveLink(atomAlternate(entry.links), base),
    guid: entry.id,
    publishedAt: firstDate(entry.published, ...(entry.dc?.dates ?? []), entry.updated),
    author: names((entry.authors ?? []).map((a) => a.name ?? a.email)) ?? feedAuthors,
    image: itemImage(
      (entry.links ?? []).filter((l) => l.rel === "enclosure").map((l) => ({ url: l.href, type: l.type })),
      entry.media,
      base,
    ),
  };
}

function jsonItem(
  item: JsonFeed.Item<string>,
  base: string | undefined,
  feedAuthors: string | undefined,
): RawItem {
  const text =
    item.content_html !== undefined
      ? htmlToText(item.content_html)
      : (item.content_text ?? (item.summary === undefined ? "" : item.summary));
  return {
    title: htmlLine(item.title),
    text,
    url: resolveLink(item.url ?? item.external_url, base),
    guid: item.id,
    publishedAt: firstDate(item.date_published, item.date_modified),
    author: names((item.authors ?? []).map((a) => a.name)) ?? feedAuthors,
    image: imageUrl(item.image ?? item.banner_image, base),
  };
}

function collect(
  raws: RawItem[],
  title: string,
  link: string | undefined,
  rules: BoilerplateRules,
): ParsedFeed {
  // The feed's title is shown in /feeds and /addfeed, and with every item as its source.
  const source = title === "" ? undefined : capLine(title);
  const items = raws.flatMap((raw) => toArticle(raw, source, rules) ?? []);
  const feed: ParsedFeed = { items };
  if (source !== undefined) feed.title = source;
  if (link !== undefined) feed.link = link;
  return feed;
}

/** What a document that is not a feed starts with, for the error message. */
function describeDocument(text: string): string {
  const s = text.trimStart();
  if (s === "") return "the document is empty";
  const root = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w:.-]*)/.exec(s);
  if (root !== null) return `its root element is <${root[1]}>, not <rss>, <feed> or <rdf:RDF>`;
  return `it does not start with XML: "${oneLine(s.slice(0, 40))}"`;
}

/**
 * Parses an RSS 2.0 / 0.9x, Atom 1.0 / 0.3, RDF (RSS 1.0) or JSON Feed document. Per item: title (HTML
 * stripped, entities decoded, whitespace collapsed; an item with only a body gets the start of its first
 * line), body (content:encoded / Atom content, else description / summary, as plain text cleaned with
 * `rules`), canonical url (relative links resolved against the feed's link; an RSS permalink guid when
 * there is no link), guid (RSS guid, Atom id, RDF about), publishedAt (pubDate / published / dc:date /
 * updated), author (author / dc:creator, several joined with ", "; Atom entries inherit the feed's) and
 * source (the feed's title). Items with neither title nor body are skipped. Throws IngestError with one
 * line for malformed XML or a document that is not a feed.
 */
export function parseFeed(xml: string, rules: BoilerplateRules = defaultBoilerplate()): ParsedFeed {
  const text = xml.replace(/^\uFEFF/, "");
  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed(text);
  } catch (error) {
    if (error instanceof DetectError) {
      throw new IngestError(`not an RSS or Atom feed: ${describeDocument(text)}`);
    }
    if (error instanceof ParseError) {
      throw new IngestError("not an RSS or Atom feed: it has no channel or feed element with content");
    }
    const cause = error instanceof MalformedError && error.cause instanceof Error ? error.cause : error;
    throw new IngestError(
      `malformed XML: ${oneLine(cause instanceof Error ? cause.message : String(cause))}`,
    );
  }
  switch (parsed.format) {
    case "rss": {
      const feed = parsed.feed;
      const link = canonicalUrl(feed.link ?? "");
      return collect(
        (feed.items ?? []).map((item) => rssItem(item, link)),
        htmlLine(feed.title),
        link,
        rules,
      );
    }
    case "rdf": {
      const feed = parsed.feed;
      const link = canonicalUrl(feed.link ?? "");
      return collect(
        (feed.items ?? []).map((item) => rdfItem(item, link)),
        htmlLine(feed.title),
        link,
        rules,
      );
    }
    case "atom": {
      const feed = parsed.feed;
      const link = canonicalUrl(atomAlternate(feed.links) ?? "");
      const authors = names((feed.authors ?? []).map((a) => a.name ?? a.email));
      return collect(
        (feed.entries ?? []).map((entry) => atomEntry(entry, link, authors)),
        atomLine(feed.title),
        link,
        rules,
      );
    }
    case "json": {
      const feed = parsed.feed;
      const link = canonicalUrl(feed.home_page_url ?? "");
      const authors = names((feed.authors ?? []).map((a) => a.name));
      return collect(
        (feed.items ?? []).map((item) => jsonItem(item, link, authors)),
        htmlLine(feed.title),
        link,
        rules,
      );
    }
  }
}
