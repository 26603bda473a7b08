// Bidi isolation: wraps Latin words, numbers and URLs inside Arabic lines in FSI … PDI so they keep their order
// in a right-to-left paragraph. Plain-text and Telegram-HTML variants; both idempotent.
import { type HtmlTextToken, rawOffset, tokenizeHtml } from "./html";

const FSI = "\u2068";
const PDI = "\u2069";

const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
/** Paragraph separators (bidi class B): the unit in which a line's direction is decided. */
const LINE_BREAK = /[\n\r\u0085\u2029]/g;
/** Characters a run is made of: Latin letters, ASCII digits, and marks that combine with them. */
const WORD = /[0-9\p{Script=Latin}\p{M}]/u;
const WORD_START = /[0-9\p{Script=Latin}]/u;
const URL_START = /(?:https?:\/\/|www\.)/iy;
/** A URL goes up to whitespace, an isolate control, or a masked character. */
const URL_BODY = /[^\s\u2066-\u2069\ufffc]+/y;
/** Punctuation that ends a sentence rather than the URL it follows (all of them single UTF-16 units). */
const URL_TRAILING = new Set(".,;:!?،؛؟…»\"'”’");
/** Punctuation that stays inside a run when a letter or digit follows it: "ez-Zor", "Ezzor's", "3.5", "10:30". */
const INNER = /^[-‐‑'’./:_&+@#=?~,×]$/;
/** Signs that start a run when a digit or letter follows and nothing word-like precedes: "+963", "#12", "$5". */
const LEADING = /^[-+−#@$€£]$/;
const GAP = /[ \t]+/y;
const OPENING = /^[(["“]$/;
const CLOSING: Record<string, string> = { ")": "(", "]": "[", '"': '"', "”": "“" };

/**
 * Plain text (not HTML): in every line that contains an Arabic letter, wraps each run of Latin words, ASCII
 * numbers and URLs in FSI (U+2068) … PDI (U+2069), so "قصف على Deir ez-Zor في 2017" keeps "Deir ez-Zor" and
 * "2017" in reading order. A run is a maximal span of Latin letters and digits joined by the punctuation that
 * belongs inside it (`-'./:%`, spaces between Latin words, balanced brackets); a URL runs up to whitespace.
 * Lines without Arabic are left alone, and text already inside an isolate (U+2066–U+2069) is not touched, so
 * applying it twice changes nothing.
 *
 * Apply it to text before `escapeHtml` (the controls need no escaping), or use {@link isolateLatinRunsHtml} on
 * finished HTML.
 */
export function isolateLatinRuns(text: string): string {
  return insertIsolates(text, latinRuns(text).flat());
}

/**
 * Telegram-HTML variant of {@link isolateLatinRuns}: works on the visible text, inserting FSI/PDI only between
 * characters (never inside a tag or an entity such as `&amp;`); an isolate opens before the start tags that
 * precede its run and closes after the end tags that follow it. Text inside `<code>` and `<pre>` is left as it is
 * (readers copy it). Idempotent; the result parses to the same entities, with only U+2068/U+2069 added.
 */
export function isolateLatinRunsHtml(html: string): string {
  const tokens = tokenizeHtml(html);
  let text = "";
  let code = 0;
  for (const t of tokens) {
    if (t.kind === "text") text += code > 0 ? t.text.replace(/[^\n\r\u0085\u2029]/g, "\ufffc") : t.text;
    else if (t.name === "code" || t.name === "pre") code += t.kind === "open" ? 1 : -1;
  }
  const runs = latinRuns(text);
  if (runs.length === 0) return html;
  // Source offsets where an isolate may open (before visible character i) and close (after character i - 1).
  const texts = tokens.flatMap((t, index) => (t.kind === "text" ? [{ t, index }] : []));
  let k = 0;
  const locate = (i: number): { t: HtmlTextToken; index: number } => {
    while (k + 1 < texts.length && (texts[k + 1]?.t.at ?? 0) <= i) k++;
    return texts[k] as { t: HtmlTextToken; index: number };
  };
  const opening = (i: number): number => {
    const { t, index } = locate(i);
    if (i > t.at) return t.rawStart + rawOffset(t, i - t.at);
    let j = index;
    while (j > 0 && tokens[j - 1]?.kind === "open") j--;
    return (tokens[j] as { rawStart: number }).rawStart;
  };
  const closing = (i: number): number => {
    const { t, index } = locate(i - 1);
    if (i < t.at + t.text.length) return t.rawStart + rawOffset(t, i - t.at);
    let j = index + 1;
    while (j < tokens.length && tokens[j]?.kind === "close") j++;
    const last = tokens[j - 1] as { rawStart: number; raw: string };
    return last.rawStart + last.raw.length;
  };
  const points: number[] = [];
  for (const [start, end] of runs) points.push(opening(start), closing(end));
  return insertIsolates(html, points);
}

/** Inserts FSI at `offsets[2n]` and PDI at `offsets[2n + 1]` (ascending offsets into `text`). */
function insertIsolates(text: string, offsets: readonly number[]): string {
  if (offsets.length === 0) return text;
  const out: string[] = [];
  let from = 0;
  for (const [n, at] of offsets.entries()) {
    out.push(text.slice(from, at), n % 2 === 0 ? FSI : PDI);
    from = at;
  }
  out.push(text.slice(from));
  return out.join("");
}

/** The runs to isolate in `text`: [start, end) pairs in ascending order. */
function latinRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (ARABIC_LETTER.test(line)) runsInLine(text, lineStart, lineEnd, runs);
    if (!m) break;
    lineStart = lineEnd + 1;
  }
  return runs;
}

function runsInLine(text: string, from: number, to: number, runs: [number, number][]): void {
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c >= "\u2066" && c <= "\u2068") {
      i = skipIsolate(text, i, to);
      continue;
    }
    const start = runStart(text, i, from, to);
    if (start === undefined) {
      i += 1;
      continue;
    }
    const end = runEnd(text, start, to);
    runs.push([i, end]);
    i = end;
  }
}

/** Index just past the PDI matching the isolate initiator at `i` (the line's end if there is none). */
function skipIsolate(text: string, i: number, to: number): number {
  let depth = 0;
  for (let j = i; j < to; j++) {
    const c = text[j] as string;
    if (c >= "\u2066" && c <= "\u2068") depth++;
    else if (c === PDI && --depth === 0) return j + 1;
  }
  return to;
}

/** If a run starts at `i`, where its first word character is; else undefined. */
function runStart(text: string, i: number, from: number, to: number): number | undefined {
  const c = text[i] as string;
  if (WORD_START.test(c)) return i;
  if (LEADING.test(c) && i + 1 < to && WORD_START.test(text[i + 1] as string)) {
    const before = i > from ? (text[i - 1] as string) : " ";
    if (/[\s(["“«]/.test(before)) return i + 1;
  }
  return undefined;
}

/** End of the run whose first word character is at `i`. */
function runEnd(text: string, i: number, to: number): number {
  const brackets: string[] = [];
  let j = i;
  for (;;) {
    j = wordEnd(text, j, to);
    // Glued after a word: "%", and closing brackets opened inside the run.
    for (;;) {
      const c = text[j] as string;
      if (j < to && c === "%") j++;
      else if (j < to && brackets.length > 0 && CLOSING[c] === brackets[brackets.length - 1]) {
        brackets.pop();
        j++;
      } else break;
    }
    // Joining the next word: inner punctuation ("ez-Zor"), or a gap ("Deir ez", "Reuters, AFP") and an optional
    // opening bracket ("Deir ez-Zor (SDF)").
    const c = text[j] as string;
    if (j + 1 < to && INNER.test(c) && WORD_START.test(text[j + 1] as string)) {
      j++;
      continue;
    }
    let k = j;
    if (text[k] === ",") k++;
    GAP.lastIndex = k;
    const gap = GAP.exec(text);
    if (gap) k += gap[0].length;
    else if (k > j) return j; // a comma with no space after it, and no word: not part of the run
    let bracket: string | undefined;
    if (k < to && OPENING.test(text[k] as string)) bracket = text[k++];
    if (k === j || k >= to || !WORD_START.test(text[k] as string)) return j;
    if (bracket !== undefined) brackets.push(bracket);
    j = k;
  }
}

/** End of the word at `j`: a URL up to whitespace (less trailing punctuation), or letters, digits and marks. */
function wordEnd(text: string, j: number, to: number): number {
  URL_START.lastIndex = j;
  if (URL_START.test(text)) {
    URL_BODY.lastIndex = j;
    let url = withoutTrailing((URL_BODY.exec(text)?.[0] ?? "").slice(0, to - j));
    if (url.endsWith(")") && !url.includes("(")) url = url.slice(0, -1);
    return j + url.length;
  }
  let k = j;
  while (k < to && WORD.test(text[k] as string)) k++;
  return k;
}

/**
 * `url` less its trailing punctuation. A backwards scan, not a `[…]+$` regex, which tries every start in a run
 * of punctuation and so takes quadratic time on a long one that is not at the end ("http://" and 40,000 dots).
 */
function withoutTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && URL_TRAILING.has(url[end - 1] as string)) end--;
  return url.slice(0, end);
}
