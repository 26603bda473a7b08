// Limits on what a source may bring in, so that one hostile or broken feed cannot make every message
// that shows its titles too long for Telegram.

/** Longest title, feed title, source or author kept, in UTF-16 units, the ellipsis included. */
export const MAX_LINE_LENGTH = 200;

/** Longest article body kept, in UTF-16 units (the rest of a longer one is dropped). */
export const MAX_BODY_LENGTH = 100_000;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * `text` if it is at most `max` long, else its start cut on a grapheme boundary (never inside a surrogate
 * pair, between a letter and its marks, or inside an emoji sequence) and ended with "…".
 */
export function capLine(text: string, max = MAX_LINE_LENGTH): string {
  if (text.length <= max) return text;
  let end = 0;
  // Segments are computed lazily: only the first ~max characters are looked at.
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/** An article's title as stored: on one line, trimmed, capped (the importer and the feed parser's thread agree). */
export function cleanTitle(title: string): string {
  return capLine(title.replace(/\s+/g, " ").trim());
}

/** An article's body as stored: trimmed and cut to MAX_BODY_LENGTH. */
export function cleanBody(body: string): string {
  return body.trim().slice(0, MAX_BODY_LENGTH);
}
