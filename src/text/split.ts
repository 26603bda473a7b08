// Splits a Telegram-HTML message into parts that Telegram accepts: visible length and entity count bounded,
// breaks at paragraphs, lines or spaces, tags closed before a break and reopened after it.
import { type HtmlTagToken, type HtmlTextToken, type HtmlToken, rawOffset, tokenizeHtml } from "./html";

/** Options of {@link splitMessage}. */
export interface SplitOptions {
  /** Maximum visible length of a part in UTF-16 code units (Telegram's message limit). At least 2. */
  limit?: number;
  /** Maximum number of formatting tags (Telegram entities) in a part. At least 1. */
  maxEntities?: number;
}

/** Telegram's limit on a message's visible text. */
export const MESSAGE_LIMIT = 4096;
/** Entities Telegram keeps in one message is 100; stay below it. */
export const MAX_ENTITIES = 99;

/** Break strength: a blank line beats a line break, which beats a space, which beats a no-break space. */
type Kind = 0 | 1 | 2 | 3;
const NO_BREAK_SPACE = 0;
const SPACE = 1;
const LINE = 2;
const PARAGRAPH = 3;

/** A place between two tokens, or inside a text token (`off` visible units into it). */
interface Cut {
  tok: number;
  off: number;
}

const LOOKAHEAD = 32;

let segmenter: Intl.Segmenter | undefined;

function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter("und", { granularity: "grapheme" });
  return segmenter;
}

/**
 * Splits `html` (well-formed Telegram HTML: escaped text and the allowed tags) into messages of at most `limit`
 * visible characters (UTF-16 units, after entity decoding) and `maxEntities` formatting tags each.
 *
 * A message that fits comes back as `[html]`, unchanged; one with no visible text but whitespace as `[]`.
 * Otherwise each part is trimmed, non-empty, and breaks fall at the last blank line that fits, else the last line
 * break, else the last space (a stronger break only while the part stays at least half full); a word longer than a part is cut at a grapheme boundary (or, for a grapheme longer
 * than `limit`, a code point boundary) — never inside a tag, an entity or a surrogate pair. Tags open at a break
 * are closed at the end of the part and reopened, attributes and all, at the start of the next. Concatenating
 * the parts' visible text gives the original's, less the whitespace at the breaks.
 *
 * Runs in time linear in the input's length (a 100 KB digest: a few milliseconds). The entity bound can only be
 * exceeded where more than `maxEntities` tags are open around a single character.
 */
export function splitMessage(html: string, options: SplitOptions = {}): string[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  const maxEntities = options.maxEntities ?? MAX_ENTITIES;
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`limit must be an integer ≥ 2, not ${limit}`);
  }
  if (!Number.isInteger(maxEntities) || maxEntities < 1) {
    throw new RangeError(`maxEntities must be an integer ≥ 1, not ${maxEntities}`);
  }
  const tokens = tokenizeHtml(html);
  const texts: HtmlTextToken[] = [];
  const textIndex: number[] = [];
  let tags = 0;
  for (const [i, t] of tokens.entries()) {
    if (t.kind === "text") {
      texts.push(t);
      textIndex.push(i);
    } else if (t.kind === "open") tags++;
  }
  const text = texts.map((t) => t.text).join("");
  const first = firstNonSpace(text, 0);
  if (first === text.length) return [];
  if (text.length <= limit && tags <= maxEntities) return [html];
  return new Splitter(tokens, texts, textIndex, text, limit, maxEntities).run(first);
}

class Splitter {
  /** Visible offset just past the last non-space character. */
  private readonly end: number;
  /** Start tags open at the current cut (token indices). */
  private readonly stack: number[] = [];
  /** End of the grapheme the last part was cut inside of (-1: none). */
  private clusterEnd = -1;

  constructor(
    private readonly tokens: HtmlToken[],
    private readonly texts: HtmlTextToken[],
    private readonly textIndex: number[],
    private readonly text: string,
    private readonly limit: number,
    private readonly maxEntities: number,
  ) {
    let end = text.length;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    this.end = end;
  }

  run(first: number): string[] {
    const parts: string[] = [];
    let cut: Cut = { tok: 0, off: 0 };
    let s = first;
    while (s < this.end) {
      const bound = this.entityBound(cut, s);
      if (bound === Number.POSITIVE_INFINITY && this.end - s <= this.limit) {
        parts.push(this.emit(cut, { tok: this.tokens.length, off: 0 }, s, this.end));
        break;
      }
      let maxEnd = Math.min(s + this.limit, bound);
      // More than maxEntities tags around one character: give it a part of its own (or a code point of it).
      if (maxEnd <= s) maxEnd = Math.min(this.graphemeEnd(s), s + this.limit);
      let a: number;
      let b: number;
      const run = this.bestBreak(s, maxEnd);
      if (run) {
        a = run.start;
        b = run.end;
      } else {
        a = this.forcedCut(s, maxEnd);
        b = a;
      }
      const next = this.cutAfter(a);
      parts.push(this.emit(cut, next, s, a));
      cut = next;
      s = firstNonSpace(this.text, b);
    }
    return parts;
  }

  /**
   * The visible offset before which the part starting at `s` must end so that it holds at most `maxEntities`
   * non-empty elements (infinite when the rest of the reachable text fits).
   */
  private entityBound(cut: Cut, s: number): number {
    let count = 0;
    for (const open of this.stack) if (this.closeAt(open) > s) count++;
    if (count > this.maxEntities) return s;
    const horizon = s + this.limit;
    const reachEnd = horizon >= this.end;
    for (let i = cut.off > 0 ? cut.tok + 1 : cut.tok; i < this.tokens.length; i++) {
      const t = this.tokens[i] as HtmlToken;
      if (t.at >= this.end || (!reachEnd && t.at > horizon)) break;
      if (t.kind !== "open") continue;
      const close = this.closeAt(i);
      if (close <= Math.max(t.at, s)) continue; // empty in this part: dropped by emit
      if (++count > this.maxEntities) return t.at;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Visible offset of the end tag matching the start tag at token `i`. */
  private closeAt(i: number): number {
    const match = (this.tokens[i] as HtmlTagToken).match;
    return match < 0 ? this.text.length : (this.tokens[match] as HtmlTagToken).at;
  }

  /**
   * The whitespace run to break at for a part starting at `s` and ending by `maxEnd` (the run starts in
   * (s, maxEnd]): the strongest kind among those in the second half of the part, then the latest; in the first
   * half, only the latest (any ordinary break beats a no-break space, though). Undefined when there is none.
   */
  private bestBreak(s: number, maxEnd: number): { start: number; end: number } | undefined {
    const text = this.text;
    let best: { start: number; end: number } | undefined;
    let bestKind = -1;
    for (let a = maxEnd; a > s; a--) {
      if (!isSpace(text.charCodeAt(a)) || isSpace(text.charCodeAt(a - 1))) continue;
      let b = a;
      let newlines = 0;
      let breaking = false;
      for (let c = text.charCodeAt(b); b < text.length && isSpace(c); c = text.charCodeAt(++b)) {
        if (c === 0x0a) newlines++;
        else if (!isNoBreak(c)) breaking = true;
      }
      const kind: Kind =
        newlines >= 2 ? PARAGRAPH : newlines === 1 ? LINE : breaking ? SPACE : NO_BREAK_SPACE;
      // A stronger break wins only if the part stays at least half full: a heading followed by one long
      // paragraph is not sent as a message of its own with the paragraph cut further on anyway.
      if (
        kind > bestKind &&
        (best === undefined || bestKind === NO_BREAK_SPACE || a - s >= (maxEnd - s) / 2)
      ) {
        best = { start: a, end: b };
        bestKind = kind;
        if (kind === PARAGRAPH) break;
      }
    }
    return best;
  }

  /**
   * The latest grapheme boundary in (s, maxEnd]; when the grapheme at `s` is longer than that, the latest code
   * point boundary (never between the two halves of a surrogate pair), remembering where the grapheme ends so
   * that the next part does not mistake the rest of it for graphemes of its own.
   */
  private forcedCut(s: number, maxEnd: number): number {
    let from = s;
    if (this.clusterEnd > s) {
      if (this.clusterEnd > maxEnd) return codePointCut(this.text, s, maxEnd);
      from = this.clusterEnd; // a true boundary: the end of the grapheme cut last time
    }
    const slice = this.text.slice(from, maxEnd + LOOKAHEAD);
    const containing = graphemes()
      .segment(slice)
      .containing(maxEnd - from);
    const best = from + (containing ? containing.index : slice.length);
    if (best > s) return best;
    this.clusterEnd = this.graphemeEnd(s);
    return codePointCut(this.text, s, maxEnd);
  }

  /** Where the grapheme starting at `s` (a grapheme boundary, or inside the one cut last) ends. */
  private graphemeEnd(s: number): number {
    if (this.clusterEnd > s) return this.clusterEnd;
    for (let span = 4 * LOOKAHEAD; ; span *= 2) {
      const end = Math.min(this.text.length, s + span);
      const first = graphemes().segment(this.text.slice(s, end))[Symbol.iterator]().next();
      const length = first.done ? 1 : first.value.segment.length;
      if (s + length < end || end === this.text.length) return s + length;
    }
  }

  /** The cut just after visible character `a - 1` and the end tags that follow it, before any start tag. */
  private cutAfter(a: number): Cut {
    const k = upperBound(this.texts, a - 1) - 1;
    const t = this.texts[k] as HtmlTextToken;
    const off = a - t.at;
    let tok = this.textIndex[k] as number;
    if (off < t.text.length) return { tok, off };
    tok++;
    while (tok < this.tokens.length && (this.tokens[tok] as HtmlToken).kind === "close") tok++;
    return { tok, off: 0 };
  }

  /**
   * One part: the tags open at `from`, reopened; the tokens between the cuts with text limited to [s, a); end
   * tags for what is still open at `to`. Elements left empty are dropped. Advances the open-tag stack to `to`.
   */
  private emit(from: Cut, to: Cut, s: number, a: number): string {
    const out: string[] = [];
    /** For each entry of `out`: the tag name if it is a start tag, else undefined. */
    const opens: (string | undefined)[] = [];
    const push = (str: string, open: string | undefined): void => {
      out.push(str);
      opens.push(open);
    };
    const close = (name: string): void => {
      if (opens[opens.length - 1] === name) {
        out.pop();
        opens.pop();
      } else push(`</${name}>`, undefined);
    };
    for (const i of this.stack) {
      const t = this.tokens[i] as HtmlTagToken;
      push(t.raw, t.name);
    }
    for (let i = from.tok; i < this.tokens.length && (i < to.tok || (i === to.tok && to.off > 0)); i++) {
      const t = this.tokens[i] as HtmlToken;
      if (t.kind === "text") {
        const lo = Math.max(s, t.at) - t.at;
        const hi = Math.min(a, t.at + t.text.length) - t.at;
        if (hi > lo) push(t.raw.slice(rawOffset(t, lo), rawOffset(t, hi)), undefined);
      } else if (t.kind === "open") {
        this.stack.push(i);
        push(t.raw, t.name);
      } else {
        const top = this.stack[this.stack.length - 1];
        if (top !== undefined && (this.tokens[top] as HtmlTagToken).name === t.name) {
          this.stack.pop();
          close(t.name);
        }
        // A stray end tag (not produced by our code) is dropped rather than emitted unbalanced.
      }
    }
    for (let k = this.stack.length - 1; k >= 0; k--) {
      close((this.tokens[this.stack[k] as number] as HtmlTagToken).name);
    }
    return out.join("");
  }
}

/** The latest code point boundary in (s, maxEnd] (one code point past `s` at least). */
function codePointCut(text: string, s: number, maxEnd: number): number {
  let a = maxEnd;
  if (isHigh(text.charCodeAt(a - 1)) && isLow(text.charCodeAt(a))) a--;
  if (a <= s) a = s + (isHigh(text.charCodeAt(s)) && isLow(text.charCodeAt(s + 1)) ? 2 : 1);
  return a;
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Exactly the characters of the regular expression class `\s`. */
function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** Spaces that must not become line breaks. */
function isNoBreak(c: number): boolean {
  return c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0xfeff;
}

/** Index of the first text token that starts after visible offset `at`. */
function upperBound(texts: readonly HtmlTextToken[], at: number): number {
  let lo = 0;
  let hi = texts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((texts[mid] as HtmlTextToken).at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
