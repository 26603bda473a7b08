// How a search is read and ranked (docs/search.md): the query's words (stop words left out) each with the
// spellings it may take, the places it names, the arms the store looks them up by, and the score that orders
// what they find.

import type { SearchArm, SearchCandidate, SearchPlace } from "../store/articles";
import { words as normalizedWords } from "../text/normalize";
import type { WordMatcher } from "../text/passage";
import { indexForms, queryStem, spellings } from "../text/stem";
import type { Topic, TopicIndex } from "../topics/topic-index";

/** Words of a query that count; more are ignored (a search box is not a document). */
export const MAX_QUERY_WORDS = 10;
/** Places a query names that may be found by their tags rather than their words (each doubles the arms). */
const MAX_PLACES = 2;

/** One word of a query: its stem's spellings (any of them matches). */
export interface QueryWord {
  spellings: string[];
}

/** A place a query names, and which of its words name it. */
export interface NamedPlace {
  topic: Topic;
  words: number[];
}

export interface SearchPlan {
  words: QueryWord[];
  places: NamedPlace[];
  /** The query had words, all of them too common to search for. */
  onlyCommonWords: boolean;
}

/** Reads a query: its words that count, and the places it names (in any language, by any alias). */
export function planSearch(raw: string, index: TopicIndex): SearchPlan {
  const all = normalizedWords(raw).slice(0, MAX_QUERY_WORDS * 2);
  // Position of each normalized word in the list of words that count (-1: a stop word).
  const at: number[] = [];
  const words: QueryWord[] = [];
  const seen = new Map<string, number>();
  for (const word of all) {
    const stem = queryStem(word);
    if (stem === undefined || words.length >= MAX_QUERY_WORDS) {
      at.push(seen.get(stem ?? "") ?? -1);
      continue;
    }
    // The same word twice is one condition.
    const known = seen.get(stem);
    if (known !== undefined) {
      at.push(known);
      continue;
    }
    seen.set(stem, words.length);
    at.push(words.length);
    words.push({ spellings: spellings(stem) });
  }
  const places = index
    .namedSpans(all.join(" "))
    .map((s) => ({
      topic: s.topic,
      words: [...new Set(at.slice(s.start, s.end).filter((i) => i >= 0))],
    }))
    .filter((p) => p.words.length > 0)
    .slice(0, MAX_PLACES);
  return { words, places, onlyCommonWords: all.length > 0 && words.length === 0 };
}

/** An FTS5 expression: every one of the words, each in any of its spellings. */
function matchOf(words: readonly QueryWord[]): string | undefined {
  if (words.length === 0) return undefined;
  const term = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return words.map((w) => `(${w.spellings.map(term).join(" OR ")})`).join(" AND ");
}

/** A named place with the places under it, as the store looks it up. */
export function searchPlace(place: NamedPlace, index: TopicIndex): SearchPlace {
  return {
    topic: place.topic.id,
    under: index
      .subtree(place.topic)
      .map((t) => t.id)
      .filter((id) => id !== place.topic.id),
  };
}

/**
 * The ways the plan's articles are found: every word in the text; and, for each set of the places it names, the
 * articles tagged with those places whose text holds the other words (an Arabic article about الميادين has
 * none of the letters of "Mayadin").
 */
export function armsOf(plan: SearchPlan, index: TopicIndex): SearchArm[] {
  const arms: SearchArm[] = [];
  const all = matchOf(plan.words);
  if (all !== undefined) arms.push({ match: all });
  const n = plan.places.length;
  for (let set = 1; set < 1 << n; set++) {
    const chosen = plan.places.filter((_, i) => set & (1 << i));
    const covered = new Set(chosen.flatMap((p) => p.words));
    const match = matchOf(plan.words.filter((_, i) => !covered.has(i)));
    arms.push({
      ...(match !== undefined ? { match } : {}),
      places: chosen.map((p) => searchPlace(p, index)),
    });
  }
  return arms;
}

/** The weights of the score (docs/search.md, "Ranking"): relevance of the words, the place, recency. */
export const RANKING = {
  words: 0.5,
  place: 0.3,
  fresh: 0.2,
  /** An article found by a place's tag, not its words, counts as a middling match of them. */
  taggedOnly: 0.5,
  /** Only mentioning a place the query names, against being about it (1). */
  mention: 0.3,
  /** Days after which recency counts half. */
  halfDays: 7,
};

const DAY = 86_400_000;

/**
 * The candidates best first. Each article's score: its bm25 relative to the best one found (0–1), whether it is
 * about a place the query names (1), only mentions one (0.3) or neither (0), and how recent it is (1 today, ½ after
 * a week, ⅓ after two), weighted by RANKING.
 */
export function rank(
  candidates: readonly SearchCandidate[],
  places: ReadonlyMap<number, boolean>,
  now: number,
): SearchCandidate[] {
  let best = 0;
  for (const c of candidates) if (c.bm25 !== null && c.bm25 < best) best = c.bm25;
  const score = (c: SearchCandidate) => {
    const words = c.bm25 === null ? RANKING.taggedOnly : best < 0 ? c.bm25 / best : 1;
    const about = places.get(c.id);
    const place = about === undefined ? 0 : about ? 1 : RANKING.mention;
    const days = Math.max(0, now - c.sortAt) / DAY;
    const fresh = 1 / (1 + days / RANKING.halfDays);
    return RANKING.words * words + RANKING.place * place + RANKING.fresh * fresh;
  };
  const scored = candidates.map((c) => ({ c, s: score(c) }));
  scored.sort((a, b) => b.s - a.s || b.c.sortAt - a.c.sortAt || b.c.id - a.c.id);
  return scored.map((x) => x.c);
}

/**
 * Which words of a text stand for which words of the query (for the passage shown): a word whose stems meet one
 * of a query word's spellings, and the names of the places the query names (or of places under them) in any
 * spelling (an English query's Arabic article shows الميادين in bold).
 */
export function wordMatcher(plan: SearchPlan, index: TopicIndex): WordMatcher {
  const groupOf = new Map<string, number>();
  plan.words.forEach((w, i) => {
    for (const s of w.spellings) groupOf.set(s, i);
  });
  const places = new Map<number, number>();
  plan.places.forEach((p, i) => {
    for (const t of index.subtree(p.topic)) places.set(t.id, plan.words.length + i);
  });
  return (words) => {
    const found = new Map<number, number>();
    // A report repeats its words: each distinct one is stemmed once.
    const groups = new Map<string, number>();
    words.forEach((word, i) => {
      let g = groups.get(word);
      if (g === undefined) {
        g = -1;
        for (const f of indexForms(word)) {
          const group = groupOf.get(f);
          if (group !== undefined) {
            g = group;
            break;
          }
        }
        groups.set(word, g);
      }
      if (g >= 0) found.set(i, g);
    });
    if (places.size > 0) {
      for (const span of index.namedSpans(words.join(" "))) {
        const g = places.get(span.topic.id);
        if (g === undefined) continue;
        for (let i = span.start; i < span.end; i++) if (!found.has(i)) found.set(i, g);
      }
    }
    return found;
  };
}
