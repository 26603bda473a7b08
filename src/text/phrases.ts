// Readers' own words (keyword mutes, issue 14): a phrase is matched like a topic's name (docs/arabic.md,
// "Matching"): over normalized words, whole words only, with Arabic proclitics allowed before its first word
// (ومباراة, بمباراة, للمباراة) and, for an Arabic phrase written without the article, the article too
// (المباراة, والمباراة), as readers mean it: muting «مباراة» mutes «المباراة».
import { AliasMatcher } from "./matcher";
import { hasArabic, words } from "./normalize";

/** Longest phrase a reader may give, in characters and in words. */
export const PHRASE_MAX_LENGTH = 60;
export const PHRASE_MAX_WORDS = 5;

export type PhraseCheck =
  | { ok: true; normalized: string }
  | { ok: false; reason: "empty" | "too-long" | "too-short" };

/** A reader's phrase as it is stored and matched, or why it cannot be one. */
export function checkPhrase(raw: string): PhraseCheck {
  if (raw.length > PHRASE_MAX_LENGTH * 4) return { ok: false, reason: "too-long" };
  const w = words(raw);
  if (w.length === 0) return { ok: false, reason: "empty" };
  const normalized = w.join(" ");
  if (normalized.length > PHRASE_MAX_LENGTH || w.length > PHRASE_MAX_WORDS)
    return { ok: false, reason: "too-long" };
  // One letter would match too much to mean anything («و», "a").
  if (normalized.length < 2) return { ok: false, reason: "too-short" };
  return { ok: true, normalized };
}

/** Normalized phrases compiled once, then matched against many texts. */
export class PhraseMatcher {
  private readonly matcher: AliasMatcher;
  readonly size: number;

  constructor(phrases: Iterable<string>) {
    const definitions = [];
    for (const phrase of phrases) {
      definitions.push({ topic: phrase, alias: phrase, strength: "strong" as const });
      // «مباراة» also as «المباراة» (proclitics before that are the matcher's: والمباراة, للمباراة).
      if (hasArabic(phrase) && !phrase.startsWith("ال"))
        definitions.push({ topic: phrase, alias: `ال${phrase}`, strength: "strong" as const });
    }
    this.matcher = new AliasMatcher(definitions);
    this.size = definitions.length;
  }

  /** The phrases a text contains (each once). */
  found(text: string): Set<string> {
    return this.size === 0 ? new Set() : this.foundInWords(words(text));
  }

  /** The same in already-normalized words (an article's stored search text, split on spaces). */
  foundInWords(tokens: readonly string[]): Set<string> {
    const out = new Set<string>();
    if (this.size === 0) return out;
    for (const hit of this.matcher.findInWords(tokens)) out.add(hit.topic);
    return out;
  }
}
