// The language of an article or a message: Arabic or English, by the script its letters are written in.

import type { Language } from "../domain";

/** Share of Arabic-script letters from which a text counts as Arabic. */
export const ARABIC_SHARE = 0.3;

const LETTER = /\p{L}/u;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/**
 * "ar" when at least 30% of the text's letters are Arabic-script letters, else "en". Only letters
 * count (digits, punctuation, emoji, direction marks and diacritics do not), so a title counts as
 * much as the same number of letters in the body; pass `title + "\n" + body` for an article. Persian,
 * Urdu and Kurdish in Arabic script count as "ar" (they are read right to left, and Nashra has no
 * better locale for them). A text with no letters at all (empty, only numbers or emoji) gets
 * `fallback`, "ar" by default: Nashra is Arabic first, and DEFAULT_LANGUAGE defaults to ar.
 */
export function detectLanguage(text: string, fallback: Language = "ar"): Language {
  let letters = 0;
  let arabic = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    // ASCII fast path: most Latin text and all markup and digits.
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) letters++;
      continue;
    }
    if (!LETTER.test(ch)) continue;
    letters++;
    if (ARABIC_SCRIPT.test(ch)) arabic++;
  }
  if (letters === 0) return fallback;
  return arabic / letters >= ARABIC_SHARE ? "ar" : "en";
}
