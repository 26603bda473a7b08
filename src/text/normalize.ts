// Arabic and Latin text normalization (docs/arabic.md): one function for articles, aliases and queries,
// so that every spelling a writer may use meets every other one.

/** Characters removed outright: combining marks are handled separately; these are format characters. */
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

const POSSESSIVE = /(\p{L})['\u2019]s(?![\p{L}\p{N}])/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb\u02be\u02bf`]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Normalizes text for matching and search: folds presentation forms, diacritics, hamza seats,
 * alef/yeh/teh-marbuta variants, Persian letters and digits; lowercases; turns punctuation,
 * hyphens and underscores into single spaces. The result is space-separated words with no
 * leading or trailing space. It does not stem and keeps the article ال (see docs/arabic.md).
 */
export function normalize(text: string): string {
  let s = text.toLowerCase().normalize("NFKD");
  s = s.replace(COMBINING_MARK, "").replace(DELETED, "");
  s = s.replace(MAPPED, (ch) => MAPPED_CHARS[ch] ?? ch);
  s = s.replace(POSSESSIVE, "$1").replace(APOSTROPHES, "");
  return s.replace(NON_WORD, " ").trim();
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
