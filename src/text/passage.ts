// The passage of a text where a search's words are: the window of the text that holds the most of them, cut at
// word boundaries (at a sentence's start when one is near), with the matching words marked (shown in bold).

import { normalize } from "./normalize";

/** A run of a passage; `match` runs are the search's words. */
export interface PassageRun {
  text: string;
  match?: boolean;
}

/**
 * Which of a text's normalized words match, and which word of the query each one stands for (a passage holding
 * two different query words beats one holding the same word twice).
 */
export type WordMatcher = (words: readonly string[]) => Map<number, number>;

interface Token {
  start: number;
  end: number;
  /** The query words it stands for (empty: it does not match). */
  groups: number[];
}

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;
/** Words normalize() leaves as they are (most of them): Arabic letters without hamza seats, ة or ى; a-z; digits. */
const PLAIN = /^[\u0621\u0627\u0628\u062a-\u063a\u0641-\u0648\u064aa-z0-9]+$/;
const SENTENCE_END = /[.!?؟\n]/;
/** How far before the first match a passage may start, in characters (to begin with its sentence). */
const LEAD = 60;

/**
 * The passage of `text` (about `chars` characters) with the most distinct query words, the earliest among equals;
 * undefined when no word matches.
 */
export function passage(text: string, matcher: WordMatcher, chars = 220): PassageRun[] | undefined {
  const tokens: Token[] = [];
  const words: string[] = [];
  const owner: number[] = [];
  // normalize() costs microseconds a call, and a report repeats its words.
  const seen = new Map<string, string>();
  const normalized1 = (word: string) => {
    if (PLAIN.test(word)) return word;
    let n = seen.get(word);
    if (n === undefined) {
      n = normalize(word);
      seen.set(word, n);
    }
    return n;
  };
  for (const m of text.matchAll(WORD)) {
    const normalized = normalized1(m[0]);
    if (normalized === "") continue;
    if (normalized.includes(" ")) {
      for (const w of normalized.split(" ")) {
        words.push(w);
        owner.push(tokens.length);
      }
    } else {
      words.push(normalized);
      owner.push(tokens.length);
    }
    tokens.push({ start: m.index, end: m.index + m[0].length, groups: [] });
  }
  for (const [i, group] of matcher(words)) {
    const token = tokens[owner[i] as number] as Token;
    if (!token.groups.includes(group)) token.groups.push(group);
  }
  const matched = tokens.flatMap((t, i) => (t.groups.length > 0 ? [i] : []));
  if (matched.length === 0) return undefined;

  // The best window starts at a matching word: most distinct query words, then most matches, then earliest.
  let best = { first: matched[0] as number, distinct: 0, count: 0 };
  const inWindow = new Map<number, number>();
  let end = 0;
  for (let s = 0; s < matched.length; s++) {
    const limit = (tokens[matched[s] as number] as Token).start + chars - LEAD;
    while (end < matched.length && (end <= s || (tokens[matched[end] as number] as Token).end <= limit)) {
      for (const g of (tokens[matched[end] as number] as Token).groups)
        inWindow.set(g, (inWindow.get(g) ?? 0) + 1);
      end++;
    }
    const count = end - s;
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && count > best.count)) {
      best = { first: matched[s] as number, distinct: inWindow.size, count };
    }
    for (const g of (tokens[matched[s] as number] as Token).groups) {
      const left = (inWindow.get(g) ?? 0) - 1;
      if (left <= 0) inWindow.delete(g);
      else inWindow.set(g, left);
    }
  }

  // Start up to LEAD characters earlier, at the start of the sentence when it is within reach.
  const anchor = tokens[best.first] as Token;
  let from = best.first;
  while (from > 0 && anchor.start - (tokens[from - 1] as Token).start <= LEAD) from--;
  for (let k = best.first; k > from; k--) {
    const gap = text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start);
    if (SENTENCE_END.test(gap)) {
      from = k;
      break;
    }
  }
  const startAt = (tokens[from] as Token).start;
  let to = from;
  while (to + 1 < tokens.length && (tokens[to + 1] as Token).end - startAt <= chars) to++;

  const runs: PassageRun[] = [];
  const plain = (s: string) => {
    const text = s.replace(/\s+/g, " ");
    if (text === "") return;
    const last = runs.at(-1);
    if (last && !last.match) last.text += text;
    else runs.push({ text });
  };
  if (from > 0) plain("… ");
  for (let k = from; k <= to; k++) {
    const token = tokens[k] as Token;
    if (k > from) plain(text.slice((tokens[k - 1] as Token).end, token.start));
    const word = text.slice(token.start, token.end);
    if (token.groups.length > 0) runs.push({ text: word, match: true });
    else plain(word);
  }
  if (to < tokens.length - 1) {
    const after = text.slice((tokens[to] as Token).end, (tokens[to + 1] as Token).start);
    // Punctuation right after the last word stays with it (a closing quote, a full stop).
    plain(after.replace(/\s.*$/s, ""));
    plain(" …");
  } else {
    plain(text.slice((tokens[to] as Token).end).trimEnd());
  }
  return runs;
}
