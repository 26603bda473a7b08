// What an article is *about* versus what it only *mentions* (docs/salience.md): the weights, threshold and word
// lists live in salience.json beside the catalog; this file validates them and compiles them for TopicIndex.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { getOrInsert } from "../maps";
import { type AliasDefinition, mayCarryProclitic, procliticForms } from "../text/matcher";
import { words } from "../text/normalize";

const perLanguage = z.object({ ar: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
const weight = z.number().min(0).max(100);

const salienceSchema = z.object({
  weights: z.object({
    /** Each time the topic is named. */
    mention: weight,
    /** Named in the title (once). */
    title: weight,
    /** Named in the lead paragraph (once). */
    lead: weight,
    /** Up to this much for being named early: × (1 − first position / length). */
    early: weight,
    /** Each time it is named right after a cue word (مدينة, ريف, "town of"). */
    cue: weight,
    /** A mention as a sponsor ("loyal to Iran", "Iran-backed") counts this fraction of a mention, and no bonus. */
    sponsored: z.number().min(0).max(1),
    /** A place gains this share of the score of the strongest of its named sub-places. */
    childShare: z.number().min(0).max(1),
  }),
  /** The score of topics of these kinds is multiplied by this (countries are named in passing most often). */
  kinds: z.record(z.string(), z.number().min(0).max(10)),
  about: z.object({
    /** An article is about the topics scoring at least this … */
    minScore: weight,
    /** … and at least this fraction of its best topic's score (which is always about). */
    relative: z.number().min(0).max(1),
  }),
  /** The lead is the body's first line, at most this many words. */
  leadWords: z.number().int().min(0),
  /** Nationality adjectives: an alias word that is one of these is not the place (اللبناني, Iranian). */
  adjectives: perLanguage,
  /** Names of organisations, media and currencies that contain a place's name: not the place (قوات سوريا الديمقراطية). */
  names: perLanguage,
  /** Words right before a place that make it a sponsor, not where things happen (موالية لإيران, backed by Iran). */
  sponsoredBefore: perLanguage,
  /** Words right after a place that make it a sponsor (Iran-backed). */
  sponsoredAfter: perLanguage,
  /** Cue words that follow the place (English: "Deir ez-Zor province"); they count as the catalog's cues do. */
  cuesAfter: perLanguage,
  /** News agencies: a place right before one is a dateline ("BEIRUT (Reuters) -"), where the story was filed. */
  datelineAfter: perLanguage,
});

/** The topic of `names` in the matcher: no slug can be empty. */
export const NAME_TOPIC = "";

/** salience.json as written. */
export type SalienceRules = z.infer<typeof salienceSchema>;

const SALIENCE_URL = new URL("./salience.json", import.meta.url);

/** Reads and validates salience.json. */
export function loadSalience(path: URL | string = SALIENCE_URL): SalienceRules {
  return salienceSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

const phrases = (list: { ar: string[]; en: string[] }): string[][] =>
  [...list.ar, ...list.en].map((p) => words(p)).filter((w) => w.length > 0);

/** The rules with their word lists normalized, ready to test tokens against. */
export class CompiledSalience {
  readonly weights: SalienceRules["weights"];
  readonly about: SalienceRules["about"];
  readonly leadWords: number;
  private readonly kinds: ReadonlyMap<string, number>;
  private readonly adjectives: ReadonlySet<string>;
  /** Those names, for the topic matcher to find in the same pass (as exclusions of NAME_TOPIC). */
  readonly names: AliasDefinition[];
  private readonly before: PhraseSet;
  private readonly after: PhraseSet;
  private readonly cuesAfter: PhraseSet;
  private readonly datelines: PhraseSet;

  constructor(rules: SalienceRules) {
    this.weights = rules.weights;
    this.about = rules.about;
    this.leadWords = rules.leadWords;
    this.kinds = new Map(Object.entries(rules.kinds));
    this.adjectives = new Set(phrases(rules.adjectives).flatMap((w) => (w.length === 1 ? w : [])));
    this.names = phrases(rules.names).map((w) => ({
      topic: NAME_TOPIC,
      alias: w.join(" "),
      strength: "exclude" as const,
    }));
    this.before = new PhraseSet(phrases(rules.sponsoredBefore));
    this.after = new PhraseSet(phrases(rules.sponsoredAfter));
    this.cuesAfter = new PhraseSet(phrases(rules.cuesAfter));
    this.datelines = new PhraseSet(phrases(rules.datelineAfter));
  }

  /** The factor for a topic's kind (1 when the rules name none). */
  kindFactor(kind: string): number {
    return this.kinds.get(kind) ?? 1;
  }

  /** True when the one word is a nationality adjective (والإيرانية too). */
  isAdjective(token: string): boolean {
    if (this.adjectives.has(token)) return true;
    return mayCarryProclitic(token) && procliticForms(token).some((f) => this.adjectives.has(f));
  }

  /** True when a cue word follows the place ending at `end` (Deir ez-Zor province). */
  isCuedAfter(tokens: readonly string[], end: number): boolean {
    return this.cuesAfter.startsAt(tokens, end);
  }

  /** True when the place ending at `end` is a dateline (BEIRUT (Reuters), دمشق - سانا): not the story's place. */
  isDateline(tokens: readonly string[], end: number): boolean {
    return this.datelines.startsAt(tokens, end);
  }

  /** True when the place at [start, end) is named as a sponsor (موالية لإيران, backed by Iran, Iran-backed). */
  isSponsored(tokens: readonly string[], start: number, end: number): boolean {
    return this.before.endsAt(tokens, start) || this.after.startsAt(tokens, end);
  }
}

/**
 * Short phrases (cue words, sponsor words) to look for right before or right after a place, by their first word:
 * a test costs a few map lookups, whatever the number of phrases. The first word may carry a proclitic (وبمدينة).
 */
export class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();
  private readonly lengths: number[];

  constructor(phrases: readonly string[][]) {
    const lengths = new Set<number>();
    for (const phrase of phrases) {
      if (phrase.length === 0) continue;
      getOrInsert(this.byFirst, phrase[0] as string, () => []).push(phrase);
      lengths.add(phrase.length);
    }
    this.lengths = [...lengths];
  }

  /** True when one of the phrases ends right before `start`. */
  endsAt(tokens: readonly string[], start: number): boolean {
    for (const length of this.lengths) {
      const from = start - length;
      if (from < 0) continue;
      const first = tokens[from] as string;
      if (this.matchesAt(tokens, from, first, length)) return true;
      if (mayCarryProclitic(first)) {
        const forms = procliticForms(first);
        for (let f = 1; f < forms.length; f++) {
          if (this.matchesAt(tokens, from, forms[f] as string, length)) return true;
        }
      }
    }
    return false;
  }

  /** True when one of the phrases starts at `end` (no proclitic: it follows the place). */
  startsAt(tokens: readonly string[], end: number): boolean {
    const first = tokens[end];
    return first !== undefined && (this.byFirst.get(first) ?? []).some((p) => this.rest(tokens, end, p));
  }

  private matchesAt(tokens: readonly string[], from: number, first: string, length: number): boolean {
    return (this.byFirst.get(first) ?? []).some((p) => p.length === length && this.rest(tokens, from, p));
  }

  private rest(tokens: readonly string[], from: number, phrase: readonly string[]): boolean {
    for (let i = 1; i < phrase.length; i++) if (tokens[from + i] !== phrase[i]) return false;
    return true;
  }
}
