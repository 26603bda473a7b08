// Arabic and Latin text normalization (docs/arabic.md): one function for articles, aliases and queries,
// so that every spelling a writer may use meets every other one.
//
// Two implementations of the same rules: `normalizeReference` states them as a readable regex
// pipeline; `normalize` applies them in one pass with a per-character table filled lazily from the
// reference (tagging thousands of articles a second needs it). A property test keeps them equal.

// biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWJ is deleted as a character of its own here.
const DELETED = /[\u0640\u200d\u200e\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]/g;

const COMBINING_MARK = /\p{Mn}/gu;

const MAPPED_CHARS: Record<string, string> = {
  "\u0671": "\u0627", // ٱ alef wasla → ا (NFD leaves it)
  "\u0649": "\u064a", // ى → ي
  "\u0629": "\u0647", // ة → ه
  "\u06cc": "\u064a", // ی Persian yeh
  "\u06d2": "\u064a", // ے yeh barree
  "\u06a9": "\u0643", // ک keheh
  "\u06c0": "\u0647", // ۀ
  "\u06c1": "\u0647", // ہ
  "\u06d5": "\u0647", // ە
  "\u06be": "\u0647", // ھ
  "\u200c": " ", // ZWNJ separates words
};
for (let d = 0; d <= 9; d++) {
  MAPPED_CHARS[String.fromCharCode(0x0660 + d)] = String(d);
  MAPPED_CHARS[String.fromCharCode(0x06f0 + d)] = String(d);
}
const MAPPED = new RegExp(`[${Object.keys(MAPPED_CHARS).join("")}]`, "g");

// ʿayn and hamza marks of transliterations (Maʿarrat) go first, and ʼ (a "letter" to Unicode) is read as
// the apostrophe writers mean by it; then the possessive; then apostrophes.
const TRANSLITERATION_MARKS = /[\u02bb\u02be\u02bf]/g;
const MODIFIER_APOSTROPHE = /\u02bc/g;
const POSSESSIVE = /(\p{L})['\u2019]s(?![\p{L}\p{N}])/gu;
const APOSTROPHES = /['\u2018\u2019`]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** The folding of docs/arabic.md, without the word-separator step. */
function fold(text: string): string {
  let s = text.toLowerCase().normalize("NFKD");
  s = s.replace(COMBINING_MARK, "").replace(DELETED, "");
  return s.replace(MAPPED, (ch) => MAPPED_CHARS[ch] ?? ch);
}

function premark(folded: string): string {
  return folded.replace(TRANSLITERATION_MARKS, "").replace(MODIFIER_APOSTROPHE, "\u2019");
}

/** The normalization rules written as a pipeline of regular expressions (slow, obviously right). */
export function normalizeReference(text: string): string {
  const s = premark(fold(text)).replace(POSSESSIVE, "$1").replace(APOSTROPHES, "");
  return s.replace(NON_WORD, " ").trim();
}

/** What one character becomes: "" (deleted), " " (separates words) or the folded text. */
function foldChar(ch: string): string {
  return premark(fold(ch)).replace(APOSTROPHES, "").replace(NON_WORD, " ");
}

// Per UTF-16 code unit: UNKNOWN until first seen, then DELETE, SPACE, a single code unit, or EXPAND
// (the text is in `expansions`, e.g. ﻻ → لا, ﷲ → الله).
const UNKNOWN = 0xffff;
const EXPAND = 0xfffe;
const DELETE = 0;
const SPACE = 0x20;
const table = new Uint16Array(0x10000).fill(UNKNOWN);
const expansions = new Map<number, string>();
const astral = new Map<string, string>();

function classify(code: number): number {
  const folded = foldChar(String.fromCharCode(code));
  if (folded === "") return DELETE;
  if (folded === " ") return SPACE;
  if (folded.length === 1) return folded.charCodeAt(0);
  expansions.set(code, folded);
  return EXPAND;
}

let buffer = new Uint16Array(4096);

/**
 * Normalizes text for matching and search: folds presentation forms, diacritics, hamza seats,
 * alef/yeh/teh-marbuta variants, Persian letters and digits; lowercases; drops English possessive
 * 's and apostrophes; turns punctuation, hyphens and underscores into single spaces. The result is
 * space-separated words with no leading or trailing space. It does not stem and keeps the article ال.
 */
export function normalize(text: string): string {
  const n = text.length;
  // Each input unit writes at most a separator and one character; only expansions (ﷺ) write more.
  if (buffer.length < n * 2 + 16) buffer = new Uint16Array(n * 2 + 16);
  let out = buffer;
  let length = 0;
  let pendingSpace = false;
  // The last character written is a letter (not a digit) and was not the end of a possessive.
  let afterLetter = false;
  let i = 0;
  const push = (code: number) => {
    if (code === SPACE) {
      pendingSpace = length > 0;
      afterLetter = false;
      return;
    }
    if (length + 2 * (n - i) + 4 >= out.length) {
      const grown = new Uint16Array(Math.max(out.length * 2, length + 2 * (n - i) + 64));
      grown.set(out);
      out = grown;
      buffer = grown;
    }
    if (pendingSpace) {
      out[length++] = SPACE;
      pendingSpace = false;
    }
    out[length++] = code;
    afterLetter = code < 0x30 || code > 0x39;
  };
  const pushText = (s: string) => {
    for (let k = 0; k < s.length; k++) push(s.charCodeAt(k));
  };

  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    let mapped = table[code] as number;
    if (mapped === UNKNOWN) {
      mapped = classify(code);
      table[code] = mapped;
    }
    // The common case, inline: a character that folds to one letter or digit. (Surrogates, apostrophes,
    // separators, deletions and expansions all have other table values and take the path below.)
    if (mapped > SPACE && mapped < EXPAND) {
      if (pendingSpace) {
        out[length++] = SPACE;
        pendingSpace = false;
      }
      out[length++] = mapped;
      afterLetter = mapped < 0x30 || mapped > 0x39;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const pair = text.slice(i, i + 2);
      let folded = astral.get(pair);
      if (folded === undefined) {
        folded = foldChar(pair);
        astral.set(pair, folded);
      }
      i++;
      pushText(folded);
      continue;
    }
    // English possessive: a letter, an apostrophe, s, then no letter or digit ("Deir Ezzor's").
    if (
      (code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0xff07) &&
      afterLetter &&
      !pendingSpace
    ) {
      const s = possessiveS(text, i + 1);
      if (s >= 0) {
        afterLetter = false;
        i = s;
        continue;
      }
    }
    if (mapped === DELETE) {
      // A deleted apostrophe still stands between a letter and a later possessive.
      if (afterLetter && !isSilent(text, i)) afterLetter = false;
      continue;
    }
    if (mapped === EXPAND) pushText(expansions.get(code) as string);
    else push(mapped);
  }
  return Buffer.from(out.buffer, out.byteOffset, length * 2).toString("utf16le");
}

// For deleted characters: 1 = silent (folded away before the possessive rule: marks, format
// characters, transliteration marks), 2 = an apostrophe (deleted after it). 0 = not known yet.
const deletedKind = new Uint8Array(0x10000);

/** A character folded away before the possessive rule applies (a mark, a format character), not an apostrophe. */
function isSilent(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (isSurrogate(code) || mappedAt(text, at) !== DELETE) return false;
  let kind = deletedKind[code] as number;
  if (kind === 0) {
    kind = premark(fold(String.fromCharCode(code))) === "" ? 1 : 2;
    deletedKind[code] = kind;
  }
  return kind === 1;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

function mappedAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  let mapped = table[code] as number;
  if (mapped === UNKNOWN) {
    mapped = classify(code);
    table[code] = mapped;
  }
  return mapped;
}

/**
 * The index of the s of a possessive starting at `from` (an s that ends a word; deleted characters
 * such as marks are skipped), or -1.
 */
function possessiveS(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSilent(text, at)) at++;
  if (at >= text.length || isSurrogate(text.charCodeAt(at)) || mappedAt(text, at) !== 0x73) return -1;
  return endsWord(text, at + 1) ? at : -1;
}

/** True when no letter or digit starts at `from` (deleted characters skipped). */
function endsWord(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (isSurrogate(code)) return !/^[\p{L}\p{N}]/u.test(foldChar(text.slice(k, k + 2)));
    if (isSilent(text, k)) continue;
    const mapped = mappedAt(text, k);
    if (mapped === DELETE) return true; // an apostrophe is not a letter
    if (mapped === EXPAND) return !/^[\p{L}\p{N}]/u.test(expansions.get(code) as string);
    return mapped === SPACE;
  }
  return true;
}

/** The normalized words of a text. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n === "" ? [] : n.split(" ");
}

/** Normalized text with the spaces removed: ديرالزور and دير الزور meet here. */
export function compact(text: string): string {
  return normalize(text).replaceAll(" ", "");
}

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

/** True when the text contains Arabic script. */
export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII ones (ids, times and dates as people type them). */
export function asciiDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹]/g, (d) => String((d.codePointAt(0) as number) & 0xf));
}
