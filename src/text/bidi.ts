// Bidi for Arabic lines: isolates commands, @names, URLs, #ids, numbers and Latin words in FSI … PDI so they keep
// their own order, and starts a line with RLM when it would otherwise not read right to left. Plain-text and
// Telegram-HTML variants; both idempotent.
import { type HtmlTextToken, rawOffset, tokenizeHtml } from "./html";

const FSI = "\u2068";
const PDI = "\u2069";
const RLM = "\u200f";
/** Stands for a character of `<code>`/`<pre>` (never touched) when looking for runs. */
const MASK = "\ufffc";

const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
/** Strong right-to-left characters (bidi classes R and AL): letters of the right-to-left scripts, RLM, ALM. */
const RTL_STRONG =
  /(?=[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}|[\u200f\u061c]/u;
/**
 * Strong characters of either direction: letters (the rest are class L), Braille and the regional indicators of flags
 * (class L too), LRM, RLM, ALM. Close enough to the bidi classes for the characters messages hold.
 */
const STRONG = /[\p{L}\u2800-\u28ff\u{1f1e6}-\u{1f1ff}\u200e\u200f\u061c]/u;
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
/**
 * Signs that start a run when a letter or digit follows and nothing word-like precedes: "+963", "-100123", "$5"
 * after a space or an opening bracket; a command, a @name or an #id ("/latest", "@nashra_bot", "#17") also after
 * an Arabic letter ("و/search": the conjunction is written onto the next word).
 */
const LEADING = /^[-+−$€£]$/;
const LEADING_AFTER_ANY = /^[/@#]$/;
const GAP = /[ \t]+/y;
const OPENING = /^[(["“]$/;
const CLOSING: Record<string, string> = { ")": "(", "]": "[", '"': '"', "”": "“" };

/**
 * Which lines of a message are Arabic lines (isolated, and made to read right to left): in an Arabic message
 * (`"ar"`, the default) every line with an Arabic letter; in an English one (`"en"`) only the lines whose first
 * letter outside isolates is Arabic (an Arabic title or hint), so an English sentence quoting an Arabic word stays
 * left to right.
 */
export type MessageDirection = "ar" | "en";

/**
 * Plain text (not HTML): in every Arabic line (see {@link MessageDirection}), wraps each run of Latin words, ASCII
 * numbers, commands, @names, #ids and URLs in FSI (U+2068) … PDI (U+2069), so "قصف على Deir ez-Zor في 2017"
 * keeps "Deir ez-Zor" and "2017" in reading order and "أرسل /subscribe" does not show "subscribe/"; and starts
 * the line with RLM (U+200F) when its first strong character is not an Arabic letter outside every isolate (a
 * line that begins with a command or a number would otherwise be a left-to-right paragraph, also in clients that
 * do not skip isolates when they choose a paragraph's direction). A run is a maximal span of Latin letters and
 * digits joined by the punctuation that belongs inside it (`-'./:%`, spaces between Latin words, balanced
 * brackets); a URL runs up to whitespace. Other lines are left alone, and text already inside an isolate
 * (U+2066–U+2069) is not touched, so applying it twice changes nothing.
 *
 * Apply it to text before `escapeHtml` (the controls need no escaping), or use {@link isolateLatinRunsHtml} on
 * finished HTML.
 */
export function isolateLatinRuns(text: string, direction: MessageDirection = "ar"): string {
  const points = plan(text, text, [], direction).map(({ at, mark }) => ({ offset: at, mark }));
  return insertMarks(text, points);
}

/**
 * Telegram-HTML variant of {@link isolateLatinRuns}: works on the visible text, inserting marks only between
 * characters (never inside a tag or an entity such as `&amp;`); an isolate opens before the start tags that
 * precede its run and closes after the end tags that follow it, and an RLM goes before a line's start tags. The
 * text inside `<code>` and `<pre>` is left as it is (readers copy it): in an Arabic line the whole element is
 * isolated from outside its tags, so `<code>/subscribe دير الزور</code>` reads as one left-to-right piece (an
 * element that goes on past the line's end is opened there and closed by the end of the line). Idempotent; the
 * result parses to the same entities, with only U+2068/U+2069/U+200F added.
 */
export function isolateLatinRunsHtml(html: string, direction: MessageDirection = "ar"): string {
  const tokens = tokenizeHtml(html);
  let text = "";
  let masked = "";
  const code: [number, number][] = [];
  // Where a code element's isolate opens and closes in the source: before its start tag (and the start tags just
  // before it), after its end tag (and the end tags just after it); never between tags inside it.
  const codeOpen = new Map<number, number>();
  const codeClose = new Map<number, number>();
  let depth = 0;
  for (const [index, t] of tokens.entries()) {
    if (t.kind === "text") {
      text += t.text;
      masked += depth > 0 ? t.text.replace(/[^\n\r\u0085\u2029]/g, MASK) : t.text;
    } else if (t.name === "code" || t.name === "pre") {
      if (t.kind === "open" && depth++ === 0) {
        code.push([text.length, text.length]);
        let j = index;
        while (j > 0 && tokens[j - 1]?.kind === "open") j--;
        codeOpen.set(text.length, (tokens[j] as { rawStart: number }).rawStart);
      } else if (t.kind === "close" && depth > 0 && --depth === 0) {
        (code[code.length - 1] as [number, number])[1] = text.length;
        let j = index;
        while (j + 1 < tokens.length && tokens[j + 1]?.kind === "close") j++;
        const last = tokens[j] as { rawStart: number; raw: string };
        codeClose.set(text.length, last.rawStart + last.raw.length);
      }
    }
  }
  if (depth > 0) (code[code.length - 1] as [number, number])[1] = text.length;
  const marks = plan(text, masked, code, direction);
  if (marks.length === 0) return html;
  // Source offsets where a mark may go before visible character i (opening) or after character i - 1 (closing).
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
  return insertMarks(
    html,
    marks.map(({ at, mark }) => ({
      offset: mark === PDI ? (codeClose.get(at) ?? closing(at)) : (codeOpen.get(at) ?? opening(at)),
      mark,
    })),
  );
}

interface Mark {
  /** Visible offset: a PDI goes after character `at - 1`, an FSI or RLM before character `at`. */
  at: number;
  mark: string;
}

/** Inserts each mark at its source offset (ascending; marks at one offset keep their order). */
function insertMarks(text: string, marks: readonly { offset: number; mark: string }[]): string {
  if (marks.length === 0) return text;
  const out: string[] = [];
  let from = 0;
  for (const { offset, mark } of marks) {
    out.push(text.slice(from, offset), mark);
    from = offset;
  }
  out.push(text.slice(from));
  return out.join("");
}

/**
 * The marks to insert into `text` (the visible text; `masked` is the same with code characters masked, `code` the
 * code elements' [start, end) spans), in ascending order.
 */
function plan(text: string, masked: string, code: [number, number][], direction: MessageDirection): Mark[] {
  const marks: Mark[] = [];
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    if (isArabicLine(text, lineStart, lineEnd, direction)) {
      const runs: Run[] = [];
      runsInLine(masked, lineStart, lineEnd, code, runs);
      // A line that starts inside a code element cannot take a mark before it.
      const inCode = code.some(([s, e]) => s < lineStart && e > lineStart);
      if (!inCode && !readsRightToLeft(text, lineStart, lineEnd, runs))
        marks.push({ at: lineStart, mark: RLM });
      for (const r of runs) {
        marks.push({ at: r.start, mark: FSI });
        if (r.closed) marks.push({ at: r.end, mark: PDI });
      }
    }
    if (!m) break;
    lineStart = lineEnd + 1;
  }
  return marks;
}

interface Run {
  start: number;
  end: number;
  /** False for a code element that goes on past the line's end: its isolate ends with the line. */
  closed: boolean;
}

function isArabicLine(text: string, from: number, to: number, direction: MessageDirection): boolean {
  if (direction === "ar") return ARABIC_LETTER.test(text.slice(from, to));
  let depth = 0;
  for (let i = from; i < to; i += codePointAt(text, i).length) {
    const c = codePointAt(text, i);
    if (c >= "\u2066" && c <= "\u2068") depth++;
    else if (c === PDI) depth = Math.max(0, depth - 1);
    else if (depth === 0 && STRONG.test(c)) return ARABIC_LETTER.test(c);
  }
  return false;
}

/**
 * Whether the line's first strong character, once `runs` are isolated, is a right-to-left one outside every
 * isolate: then both the bidi algorithm (which skips isolates) and simpler clients (which do not) make the line
 * a right-to-left paragraph.
 */
function readsRightToLeft(text: string, from: number, to: number, runs: readonly Run[]): boolean {
  let depth = 0;
  let r = 0;
  for (let i = from; i < to; i += codePointAt(text, i).length) {
    while (r < runs.length && (runs[r] as Run).end <= i) r++;
    const inRun = r < runs.length && (runs[r] as Run).start <= i;
    const c = codePointAt(text, i);
    if (c >= "\u2066" && c <= "\u2068") depth++;
    else if (c === PDI) depth = Math.max(0, depth - 1);
    else if (STRONG.test(c)) return depth === 0 && !inRun && RTL_STRONG.test(c);
  }
  return false;
}

/** The character (one or two UTF-16 units) at `i`. */
function codePointAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) as number);
}

function runsInLine(text: string, from: number, to: number, code: [number, number][], runs: Run[]): void {
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    if (c >= "\u2066" && c <= "\u2068") {
      i = skipIsolate(text, i, to);
      continue;
    }
    const span = c === MASK ? code.find(([s, e]) => s <= i && i < e) : undefined;
    if (span) {
      // A code element that starts here is isolated as a whole; the rest of one begun on an earlier line is skipped.
      const end = Math.min(span[1], to);
      if (span[0] === i) runs.push({ start: i, end, closed: span[1] <= to });
      i = end;
      continue;
    }
    const start = runStart(text, i, from, to);
    if (start === undefined) {
      i += 1;
      continue;
    }
    const end = runEnd(text, start, to);
    runs.push({ start: i, end, closed: true });
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
  if (
    (LEADING.test(c) || LEADING_AFTER_ANY.test(c)) &&
    i + 1 < to &&
    WORD_START.test(text[i + 1] as string)
  ) {
    const before = i > from ? (text[i - 1] as string) : " ";
    if (/[\s(["“«]/.test(before) || (LEADING_AFTER_ANY.test(c) && !WORD.test(before))) return i + 1;
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
