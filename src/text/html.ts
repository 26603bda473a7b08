// Telegram HTML: escaping text that comes from people or feeds.

/** Escapes the three characters Telegram's HTML parse mode requires escaped (and quotes, for attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;",
  );
}

const FSI = "\u2068";
const PDI = "\u2069";

/** Wraps text in Unicode isolates so a Latin or numeric run keeps its place inside an Arabic line. */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** Removes isolate and direction marks: for comparing what a reader sees with what a test expects. */
export function stripBidi(text: string): string {
  return text.replace(/[\u2066-\u2069\u200e\u200f\u061c]/g, "");
}

/** One piece of Telegram HTML: a start tag, an end tag, or a run of text between tags. */
export type HtmlToken = HtmlTagToken | HtmlTextToken;

/** A start or end tag, verbatim. `name` is lower-case; `at` is the visible-text offset where the tag sits. */
export interface HtmlTagToken {
  kind: "open" | "close";
  name: string;
  /** The tag as written, attributes included (`<a href="…">`). */
  raw: string;
  /** Offset in the source. */
  rawStart: number;
  /** Offset in the visible text (UTF-16 units) of the character that follows the tag. */
  at: number;
  /** For start tags: index of the matching end tag in the token list (-1 when unclosed). */
  match: number;
}

/** A run of text between tags, with its entities decoded. */
export interface HtmlTextToken {
  kind: "text";
  raw: string;
  /** The decoded text (what Telegram shows); never empty. */
  text: string;
  rawStart: number;
  /** Offset in the visible text of `text[0]`. */
  at: number;
  /**
   * `offsets[k]` is where visible unit `k` starts in `raw` (`offsets[text.length] === raw.length`; both halves
   * of a surrogate pair decoded from one `&#…;` map to its `&`); undefined when `raw` holds no entity.
   */
  offsets: Int32Array | undefined;
}

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/y;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;

function decodeEntityAt(html: string, i: number): { text: string; end: number } | undefined {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(html);
  if (!m) return undefined;
  const name = m[1] as string;
  let text: string | undefined;
  if (name.startsWith("#")) {
    const hex = name[1] === "x" || name[1] === "X";
    const cp = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (cp > 0 && cp <= 0x10ffff) text = String.fromCodePoint(cp);
  } else {
    text = NAMED[name];
  }
  return text === undefined ? undefined : { text, end: i + m[0].length };
}

/**
 * Splits Telegram HTML into tags and text runs the way Telegram's parser reads it (entities decoded, a tag ends at
 * the first `>`). Lenient: a stray `&` or `<` is kept as text, an end tag without a start tag is kept as a token.
 */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const open: number[] = [];
  const special = /[<&]/g;
  let at = 0; // visible offset reached
  let runStart = 0; // source offset where the current text run starts
  let runAt = 0; // visible offset where it starts
  let text = ""; // decoded text of the run up to `plainFrom`
  let plainFrom = 0; // source offset from which the run is plain (not yet appended to `text`)
  let offsets: number[] | undefined;
  let unclosed = false;
  const flushText = (end: number): void => {
    if (end > runStart) {
      const raw = html.slice(runStart, end);
      text += html.slice(plainFrom, end);
      if (offsets) {
        for (let k = plainFrom; k <= end; k++) offsets.push(k - runStart);
      }
      tokens.push({
        kind: "text",
        raw,
        text,
        rawStart: runStart,
        at: runAt,
        offsets: offsets ? Int32Array.from(offsets) : undefined,
      });
      at = runAt + text.length;
    }
    text = "";
    offsets = undefined;
  };
  for (let m = special.exec(html); m !== null; m = special.exec(html)) {
    const i = m.index;
    if (html[i] === "&") {
      const entity = decodeEntityAt(html, i);
      if (!entity) continue;
      if (!offsets) offsets = Array.from({ length: i - runStart }, (_, k) => k);
      else for (let k = plainFrom; k < i; k++) offsets.push(k - runStart);
      text += html.slice(plainFrom, i);
      for (let k = 0; k < entity.text.length; k++) offsets.push(i - runStart);
      text += entity.text;
      plainFrom = entity.end;
      special.lastIndex = entity.end;
      continue;
    }
    const close = unclosed ? -1 : html.indexOf(">", i);
    if (close === -1) {
      unclosed = true; // no later "<" can close either: the rest is text
      continue;
    }
    const isEnd = html[i + 1] === "/";
    TAG_NAME.lastIndex = i + 1;
    const name = (isEnd ? html.slice(i + 2, close).trim() : (TAG_NAME.exec(html)?.[0] ?? "")).toLowerCase();
    if (name === "") continue;
    flushText(i);
    const raw = html.slice(i, close + 1);
    const index = tokens.length;
    if (isEnd) {
      tokens.push({ kind: "close", name, raw, rawStart: i, at, match: -1 });
      const opener = open.pop();
      if (opener !== undefined) (tokens[opener] as HtmlTagToken).match = index;
    } else {
      tokens.push({ kind: "open", name, raw, rawStart: i, at, match: -1 });
      open.push(index);
    }
    runStart = plainFrom = close + 1;
    runAt = at;
    text = "";
    special.lastIndex = close + 1;
  }
  flushText(html.length);
  return tokens;
}

/** Where visible unit `k` of a text token starts in its `raw` (k may equal `text.length`). */
export function rawOffset(token: HtmlTextToken, k: number): number {
  return token.offsets ? (token.offsets[k] as number) : k;
}

/** The text Telegram shows for `html` (tags removed, entities decoded). */
export function htmlToText(html: string): string {
  let out = "";
  for (const t of tokenizeHtml(html)) if (t.kind === "text") out += t.text;
  return out;
}

/**
 * What Telegram's limits count, in one pass: the visible length (UTF-16 units, as `htmlToText`) and the
 * formatting tags (each start tag is one entity at most).
 */
export function measureHtml(html: string): { length: number; entities: number } {
  let length = 0;
  let entities = 0;
  for (const t of tokenizeHtml(html)) {
    if (t.kind === "text") length += t.text.length;
    else if (t.kind === "open") entities++;
  }
  return { length, entities };
}
