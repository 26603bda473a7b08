// How a message looks on screen: each line laid out by the Unicode Bidirectional Algorithm (bidi-js, a
// conformant implementation), so tests can assert that Arabic lines read right to left with every token in order.
import bidiFactory from "bidi-js";
import { tokenizeHtml } from "../../src/text/html";

const bidi = bidiFactory();
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
/** Invisible controls: the isolates, embeddings, overrides and marks (removed after reordering). */
const CONTROLS = /[\u2066-\u2069\u202a-\u202e\u200e\u200f\u061c]/g;

/** One displayed line: its text in logical order (controls removed), its direction, and what the eye sees. */
export interface RenderedLine {
  logical: string;
  rtl: boolean;
  /** The characters from left to right as displayed (mirrored where the algorithm mirrors them). */
  visual: string;
}

/** The visible text of Telegram HTML (tags dropped, entities decoded), as the client lays it out. */
export function visibleText(html: string): string {
  return tokenizeHtml(html)
    .map((t) => (t.kind === "text" ? t.text : ""))
    .join("");
}

/** Lays out plain text line by line: paragraph direction chosen per UAX #9 (P2–P3), levels resolved, reordered. */
export function renderLines(text: string): RenderedLine[] {
  const levels = bidi.getEmbeddingLevels(classed(text), "auto");
  return levels.paragraphs.map(({ start, end, level }) => {
    // A paragraph's range includes its separator; the line is what comes before it.
    let last = end;
    while (last >= start && /[\n\r\u0085\u2029]/.test(text[last] as string)) last--;
    const indices = bidi.getReorderedIndices(text, levels, start, last).slice(start, last + 1);
    const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, last);
    // A character outside the BMP is written once, at its high surrogate (the pair may come out reversed).
    const visual = indices
      .map((i) =>
        isLow(text, i) ? "" : (mirrored.get(i) ?? String.fromCodePoint(text.codePointAt(i) as number)),
      )
      .join("");
    return {
      logical: text.slice(start, last + 1).replace(CONTROLS, ""),
      rtl: level % 2 === 1,
      visual: visual.replace(CONTROLS, ""),
    };
  });
}

/** Stand-ins of each bidi class, for the characters outside the BMP. */
const STAND_IN: Partial<Record<string, string>> = {
  L: "a",
  R: "\u05d0",
  AL: "\u0627",
  EN: "0",
  AN: "\u0660",
  NSM: "\u0300",
  BN: "\u200b",
  WS: " ",
};

/**
 * The text with each character outside the BMP (emoji, mostly) replaced by two units of a BMP character of its
 * bidi class: bidi-js classifies UTF-16 units, and would take a surrogate for a strong left-to-right letter.
 */
function classed(text: string): string {
  return text.replace(/[\u{10000}-\u{10ffff}]/gu, (c) =>
    (STAND_IN[bidi.getBidiCharTypeName(c)] ?? "!").repeat(2),
  );
}

function isLow(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const before = i > 0 ? text.charCodeAt(i - 1) : 0;
  return c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

/**
 * Commands, @names, URLs, #ids, numbers (a sign counts after a space or an opening bracket) and runs of Latin
 * words: what must read in its own order.
 */
const TOKEN =
  /(?<![\w/:.])https?:\/\/\S+|(?<![\w/:.])\/[a-z_]+(?:@[A-Za-z_]+)?(?: \d+)?|@[A-Za-z_]+|#\d+|(?:(?<=^|[\s(["“«])[-+])?\d+(?:[:.,/]\d+)*%?|[A-Za-z][\w'’.-]*(?: [A-Za-z][\w'’.-]*)*/g;

/** The tokens of a logical line that must appear unchanged in its visual rendering. */
export function tokensOf(logical: string): string[] {
  return [...logical.matchAll(TOKEN)]
    .map(([t]) =>
      t.startsWith("http") ? (/^[!-~]*[\w/=#%~-]/.exec(t)?.[0] ?? "") : t.replace(/[.'’-]+$/, ""),
    )
    .filter((t) => t !== "");
}

/**
 * What is wrong with how an Arabic message displays: for every line with an Arabic letter, a left-to-right
 * paragraph, or a token (of `tokensOf`, and each of `extra` the line contains) that does not appear in the
 * visual rendering as written. Inside `<code>`, which is shown as written and laid out by its own first letter,
 * only the token the element starts with (the command) is checked; `tokens: false` checks only `extra`. Empty
 * when it reads right.
 */
export function bidiProblems(
  html: string,
  extra: readonly string[] = [],
  options: { tokens?: boolean } = {},
): string[] {
  const { text, code } = visibleWithCode(html);
  const problems: string[] = [];
  let from = 0;
  for (const line of renderLines(text)) {
    const to = text.indexOf("\n", from) < 0 ? text.length : text.indexOf("\n", from);
    const raw = text.slice(from, to);
    const inCode = (i: number) => code.some(([s, e]) => s <= from + i && from + i < e);
    const outside = Array.from({ length: raw.length }, (_, i) => (inCode(i) ? "\u0001" : raw[i])).join("");
    const tokens = new Set(options.tokens === false ? [] : tokensOf(outside.replace(CONTROLS, "")));
    for (const [s, e] of code) {
      if (s < from || s >= to || options.tokens === false) continue;
      const content = text.slice(s, Math.min(e, to)).replace(CONTROLS, "");
      const first = tokensOf(content)[0];
      if (first && content.startsWith(first)) tokens.add(first);
    }
    from = to + 1;
    if (!ARABIC_LETTER.test(line.logical)) continue;
    if (!line.rtl) problems.push(`left-to-right paragraph: ${line.logical}`);
    for (const t of extra) if (line.logical.includes(t)) tokens.add(t);
    for (const token of tokens) {
      if (!line.visual.includes(token))
        problems.push(`«${token}» displays as «${line.visual}» (${line.logical})`);
    }
  }
  return problems;
}

/** The visible text and the [start, end) spans of its code elements. */
function visibleWithCode(html: string): { text: string; code: [number, number][] } {
  let text = "";
  const code: [number, number][] = [];
  let depth = 0;
  for (const t of tokenizeHtml(html)) {
    if (t.kind === "text") text += t.text;
    else if (t.name === "code" || t.name === "pre") {
      if (t.kind === "open" && depth++ === 0) code.push([text.length, text.length]);
      else if (t.kind === "close" && depth > 0 && --depth === 0)
        (code.at(-1) as [number, number])[1] = text.length;
    }
  }
  if (depth > 0) (code.at(-1) as [number, number])[1] = text.length;
  return { text, code };
}
