// An in-memory view of the topic catalog: hierarchy, lookup by any name or alias, suggestions, tagging.
// Built from the store's rows; rebuilt by TopicService whenever the catalog changes.

import type { Language } from "../domain";
import { getOrInsert } from "../maps";
import type { AliasRecord, TopicRecord } from "../store/topics";
import { type AliasHit, AliasMatcher } from "../text/matcher";
import { compact, hasArabic, words } from "../text/normalize";
import { CompiledSalience, loadSalience, NAME_TOPIC, PhraseSet, type SalienceRules } from "./salience";

/** A topic with its place in the hierarchy. */
export interface Topic extends TopicRecord {
  /** The parent even of a retired topic (which is not among its parent's children but its `retiredChildren`). */
  parent: Topic | null;
  /** The live topics under it: what the picker, listings and /mytopics show. */
  children: Topic[];
  /** The retired topics under it: never listed, but their old articles are its news (`subtree`: /latest, search). */
  retiredChildren: Topic[];
  depth: number;
}

/** The result of looking up what a reader typed. */
export interface LookupResult {
  /** One topic: found. Several: the name is ambiguous, let the reader choose. None: see suggestions. */
  matches: Topic[];
  /** The closest topics when nothing matched, best first. */
  suggestions: Topic[];
}

/** A topic an article names: whether the article is about it or only mentions it, and how salient it is. */
export interface TopicTag {
  topic: Topic;
  about: boolean;
  score: number;
}

/** An article as normalized words: the title is tokens [0, titleEnd), the lead [titleEnd, leadEnd) (capped by salience.json's leadWords). */
export interface ArticleWords {
  tokens: readonly string[];
  titleEnd: number;
  leadEnd: number;
}

/** What is counted of one topic while an article is read. */
interface Salience {
  first: number;
  /** Where it is first named other than as a sponsor (-1: never). */
  plainFirst: number;
  /** Times named, a mention as a sponsor counting its fraction. */
  mentions: number;
  /** Times named right after a cue word. */
  cues: number;
  title: boolean;
  lead: boolean;
}

const MAX_SUGGESTIONS = 4;
/** A word of names and aliases of this many topics or more is a kind of place (حقل, camp), not a name. */
const GENERIC_WORD_TOPICS = 3;
/** Words that say what kind of place a name is, not which (with the catalog's cue words: مدينة, camp…). */
const KIND_WORDS = [
  "حقل",
  "حقول",
  "النفطي",
  "محطة",
  "مياه",
  "مطار",
  "العسكري",
  "قاعدة",
  "معبر",
  "مخيم",
  "سد",
  "معمل",
  "غاز",
  "field",
  "oilfield",
  "oil",
  "gas",
  "station",
  "water",
  "airport",
  "airbase",
  "air",
  "base",
  "military",
  "crossing",
  "border",
  "camp",
  "dam",
  "garrison",
];
/** Latin transliterations' articles, written as their own word once hyphens are spaces (al-Omar, ez-Zor). */
const LATIN_ARTICLES = new Set([
  "al",
  "el",
  "ar",
  "as",
  "ash",
  "ad",
  "adh",
  "an",
  "at",
  "ath",
  "az",
  "ez",
  "es",
  "ed",
  "et",
  "er",
  "en",
]);

/** One name or alias of a topic as words, for the looser readings of what a reader typed (`closeMatches`). */
interface NamePhrase {
  topicId: number;
  /** Normalized words, Latin articles left out. */
  tokens: string[];
}

/** Words without the Latin articles that stand alone (al omar → omar). */
function withoutArticles(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !LATIN_ARTICLES.has(t));
}

/**
 * A Latin name's consonants (vowels, y and w left out, repeats collapsed, q and c as k): the spellings
 * transliterators vary (Mayadeen, Meyadin; Deir Ezzour, Deir ez-Zor) meet here.
 */
function latinSkeleton(compactLatin: string): string {
  return compactLatin
    .replace(/[qc]/g, "k")
    .replace(/[aeiouyw]/g, "")
    .replace(/(.)\1+/g, "$1");
}

export class TopicIndex {
  private readonly byId = new Map<number, Topic>();
  private readonly bySlugMap = new Map<string, Topic>();
  private readonly keys = new Map<string, Set<number>>();
  /** Arabic topic names without their article (ميادين → Mayadin), when that is not a key already. */
  private readonly articleless = new Map<string, Set<number>>();
  /** The names and aliases of retired topics (a reader who types one is told where its news went). */
  private readonly retiredKeys = new Map<string, Set<number>>();
  /** Every name and alias as words (closeMatches). */
  private readonly phrases: NamePhrase[] = [];
  /** Words of names and aliases of several topics: a kind of place, not a name (closeMatches). */
  private readonly genericWords = new Set<string>();
  /** Latin names by their consonants: skeleton → the name's compact form without articles, per topic. */
  private readonly skeletons = new Map<string, { topicId: number; form: string }[]>();
  private readonly matcher: AliasMatcher;
  private readonly cues: PhraseSet;
  private readonly salience: CompiledSalience;
  /** Topics in display order: each parent followed by its subtree. */
  readonly ordered: Topic[] = [];

  constructor(
    records: TopicRecord[],
    allAliases: AliasRecord[],
    cueWords: string[] = [],
    salience: SalienceRules = loadSalience(),
  ) {
    for (const r of records)
      this.byId.set(r.id, { ...r, parent: null, children: [], retiredChildren: [], depth: 0 });
    // A retired topic keeps its parent (its old articles' labels, the parent offered to its followers) but is
    // no parent's child: the picker and listings never reach it. It is a retired child: its old articles are
    // still the parent's news (/latest of the parent, search naming the parent).
    for (const t of this.byId.values()) {
      this.bySlugMap.set(t.slug, t);
      const parent = t.parentId === null ? undefined : this.byId.get(t.parentId);
      if (parent) {
        t.parent = parent;
        (t.retiredAt === null ? parent.children : parent.retiredChildren).push(t);
      }
    }
    const visit = (t: Topic, depth: number) => {
      t.depth = depth;
      if (t.retiredAt === null) this.ordered.push(t);
      for (const c of t.children) visit(c, depth + 1);
    };
    for (const t of this.byId.values()) if (!t.parent) visit(t, 0);
    for (const t of this.byId.values()) if (t.retiredAt !== null) t.depth = (t.parent?.depth ?? -1) + 1;

    // Only live topics are found by name, suggested or tagged.
    const live = [...this.byId.values()].filter((t) => t.retiredAt === null);
    const liveIds = new Set(live.map((t) => t.id));
    const aliases = allAliases.filter((a) => liveIds.has(a.topicId));
    for (const t of this.byId.values()) {
      if (t.retiredAt === null) continue;
      for (const n of [t.slug, t.nameAr, t.nameEn]) this.addKey(n, t.id, this.retiredKeys);
    }
    for (const a of allAliases)
      if (a.strength !== "exclude" && !liveIds.has(a.topicId) && this.byId.has(a.topicId))
        this.addKey(a.alias, a.topicId, this.retiredKeys);
    for (const t of live) {
      this.addKey(t.slug, t.id);
      this.addKey(t.nameAr, t.id);
      this.addKey(t.nameEn, t.id);
    }
    for (const a of aliases) if (a.strength !== "exclude") this.addKey(a.alias, a.topicId);
    const names = [
      ...live.flatMap((t) => [
        { topicId: t.id, alias: t.nameAr },
        { topicId: t.id, alias: t.nameEn },
      ]),
      ...aliases.filter((a) => a.strength !== "exclude"),
    ];
    const topicsOfWord = new Map<string, Set<number>>();
    for (const { topicId, alias } of names) {
      if (!liveIds.has(topicId)) continue;
      const tokens = withoutArticles(words(alias));
      if (tokens.length === 0) continue;
      this.phrases.push({ topicId, tokens });
      for (const w of tokens) getOrInsert(topicsOfWord, w, () => new Set()).add(topicId);
      if (!hasArabic(alias)) {
        const form = tokens.join("");
        const skeleton = latinSkeleton(form);
        if (skeleton.length >= 3) getOrInsert(this.skeletons, skeleton, () => []).push({ topicId, form });
      }
    }
    for (const [word, ids] of topicsOfWord) if (ids.size >= GENERIC_WORD_TOPICS) this.genericWords.add(word);
    for (const word of [...KIND_WORDS, ...cueWords].flatMap((w) => words(w))) this.genericWords.add(word);
    for (const t of live) {
      const name = compact(t.nameAr);
      if (name.startsWith("ال") && !this.keys.has(name.slice(2))) {
        getOrInsert(this.articleless, name.slice(2), () => new Set()).add(t.id);
      }
    }

    this.salience = new CompiledSalience(salience);
    this.matcher = new AliasMatcher([
      ...aliases.flatMap((a) => {
        const t = this.byId.get(a.topicId);
        return t ? [{ topic: t.slug, alias: a.alias, strength: a.strength }] : [];
      }),
      ...this.salience.names,
    ]);
    this.cues = new PhraseSet(cueWords.map((c) => words(c)));
  }

  private addKey(name: string, id: number, keys = this.keys): void {
    const key = compact(name);
    if (key === "") return;
    let ids = keys.get(key);
    if (!ids) {
      ids = new Set();
      keys.set(key, ids);
    }
    ids.add(id);
  }

  /** Live topics (the retired ones left out). */
  get size(): number {
    return this.ordered.length;
  }

  /**
   * A topic by id, retired or not: what an article, an alert or a row names stays readable. What a reader may
   * still act on (follow it, choose it) asks `live` too.
   */
  get(id: number): Topic | undefined {
    return this.byId.get(id);
  }

  /** A live topic by id; undefined when it is unknown or retired. */
  live(id: number): Topic | undefined {
    const t = this.byId.get(id);
    return t && t.retiredAt === null ? t : undefined;
  }

  /** Retired topics one of whose names or aliases is this one, as lookup compares names (no looser reading). */
  retiredNamed(input: string): Topic[] {
    const ids = this.retiredKeys.get(compact(input));
    return ids ? [...ids].flatMap((id) => this.byId.get(id) ?? []) : [];
  }

  /** A topic by slug, retired or not (a slug stays taken); `live(t.id)` for what readers may act on. */
  bySlug(slug: string): Topic | undefined {
    return this.bySlugMap.get(slug);
  }

  /** The topic's display name in a language. */
  name(topic: TopicRecord, language: Language): string {
    return language === "ar" ? topic.nameAr : topic.nameEn;
  }

  /** The topic's ancestors, nearest first (Mayadin → Deir ez-Zor, Syria). */
  ancestors(topic: Topic): Topic[] {
    const out: Topic[] = [];
    for (let p = topic.parent; p; p = p.parent) out.push(p);
    return out;
  }

  /** The topics of these ids and all their ancestors, as ids (whose news reaches a topic's followers). */
  withAncestors(ids: Iterable<number>): Set<number> {
    const out = new Set<number>();
    for (const id of ids) {
      for (let t = this.byId.get(id); t && !out.has(t.id); t = t.parent ?? undefined) out.add(t.id);
    }
    return out;
  }

  /**
   * The label of a reader's alert or digest entry for an article: of the topics the reader follows that bring it
   * the article (one it is about, or an ancestor of one), the most specific. A reader of حقل العمر النفطي sees
   * «حقل العمر النفطي», a reader of Syria «سوريا», whatever other places the article is about.
   */
  labelTopicForReader(followed: readonly Topic[], about: readonly Topic[]): Topic | undefined {
    const reached = this.withAncestors(about.map((t) => t.id));
    return mostSpecificFirst(followed, (t) => t).find((t) => reached.has(t.id));
  }

  /**
   * The topic and everything under it, retired places included: whose articles are the topic's news (/latest of
   * it, search naming it). What a reader may choose is `children` (live only).
   */
  subtree(topic: Topic): Topic[] {
    const out: Topic[] = [];
    const walk = (t: Topic) => {
      out.push(t);
      for (const c of t.children) walk(c);
      for (const c of t.retiredChildren) walk(c);
    };
    walk(topic);
    return out;
  }

  /**
   * Finds the topic a reader means by a name in either language, any alias, any spelling
   * (diacritics, joined words, hyphens) or the slug. Several topics sharing the name are all returned.
   */
  lookup(input: string, options: { exact?: boolean; suggest?: boolean } = {}): LookupResult {
    const key = compact(input);
    if (key === "") return { matches: [], suggestions: [] };
    // Readers drop the article of a place's Arabic name: "ميادين" is الميادين. Only topic names (not aliases,
    // whose bare forms are often ordinary words), only 4 letters and more, and not for `exact` lookups (is a
    // name taken?).
    const ids =
      this.keys.get(key) ?? (options.exact || key.length < 4 ? undefined : this.articleless.get(key));
    if (ids) return { matches: [...ids].flatMap((id) => this.byId.get(id) ?? []), suggestions: [] };
    return { matches: [], suggestions: options.suggest === false ? [] : this.suggest(key) };
  }

  /**
   * Looser readings of a name that `lookup` does not know, for a reader's typing: a Latin spelling whose
   * consonants and most letters are those of a name (Deir Ezzour, Mayadeen), else the names whose words
   * contain the words typed, in order (العمر and «Omar field» → حقل العمر النفطي; al-Omar; the last word may be
   * the start of one: الميا). A text of only kind-of-place words (حقل, camp) matches nothing here. Several
   * topics may come back: the reader chooses.
   */
  closeMatches(input: string): Topic[] {
    const tokens = withoutArticles(words(input));
    if (tokens.length === 0 || tokens.length > 6) return [];
    const form = tokens.join("");
    if (!hasArabic(input) && form.length >= 4) {
      const found = new Set<number>();
      for (const c of this.skeletons.get(latinSkeleton(form)) ?? []) {
        if (levenshtein(form, c.form) / Math.max(form.length, c.form.length) <= 0.4) found.add(c.topicId);
      }
      if (found.size > 0) return [...found].flatMap((id) => this.byId.get(id) ?? []);
    }
    if (tokens.every((t) => this.genericWords.has(t) || t.length < 3)) return [];
    const found = new Set<number>();
    for (const phrase of this.phrases) {
      if (!found.has(phrase.topicId) && containsInOrder(phrase.tokens, tokens)) found.add(phrase.topicId);
    }
    return [...found].flatMap((id) => this.byId.get(id) ?? []);
  }

  /** The topics whose names or aliases are nearest to a compact key (prefix matches first, then edit distance). */
  private suggest(key: string): Topic[] {
    const best = new Map<number, number>();
    for (const [candidate, ids] of this.keys) {
      let score: number;
      if (key.length >= 3 && (candidate.startsWith(key) || candidate.includes(key))) {
        score = candidate.startsWith(key) ? 0.1 : 0.2;
      } else {
        const longest = Math.max(key.length, candidate.length);
        if (Math.abs(key.length - candidate.length) / longest > 0.5) continue;
        score = levenshtein(key, candidate) / longest;
      }
      if (score > 0.45) continue;
      for (const id of ids) {
        const previous = best.get(id);
        if (previous === undefined || score < previous) best.set(id, score);
      }
    }
    return [...best.entries()]
      .sort((a, b) => a[1] - b[1] || (this.byId.get(a[0])?.depth ?? 0) - (this.byId.get(b[0])?.depth ?? 0))
      .slice(0, MAX_SUGGESTIONS)
      .flatMap(([id]) => this.byId.get(id) ?? []);
  }

  /**
   * The topics a text is about, in order of first mention (see `tagArticle`); its first line is the title,
   * the next one the lead. Ancestors are not added: subscribers of a parent reach their children's news
   * through the hierarchy.
   */
  tag(text: string): Topic[] {
    return this.tagText(text).flatMap((t) => (t.about ? [t.topic] : []));
  }

  /** Every topic a text names, about or mentioned, with its score (first line the title, next the lead). */
  tagText(text: string): TopicTag[] {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    const title = words(lines[0] ?? "");
    const lead = words(lines[1] ?? "");
    const rest = words(lines.slice(2).join("\n"));
    return this.tagArticle({
      tokens: [...title, ...lead, ...rest],
      titleEnd: title.length,
      leadEnd: title.length + lead.length,
    });
  }

  /**
   * Every topic an article names, in order of first mention, with its salience score and whether the article
   * is *about* it (docs/salience.md). Strong aliases count; weak ones only with a cue word right before them
   * or a strong mention in the same branch; exclusions cancel overlapping hits of their topic, names of
   * organisations, media and currencies (قوات سوريا الديمقراطية) those of every topic; a nationality
   * adjective (اللبناني) and a dateline (BEIRUT (Reuters)) are not the place.
   * Linear in the number of alias hits.
   */
  tagArticle(article: ArticleWords): TopicTag[] {
    const { tokens, titleEnd } = article;
    const rules = this.salience;
    const leadEnd = Math.min(article.leadEnd, titleEnd + rules.leadWords);
    // Hits come in order of their first word (findInWords walks the text once).
    const hits = this.matcher.findInWords(tokens);
    // Per word position, the topics an exclusion covers there (NAME_TOPIC: a name that cancels every topic).
    const cancelled = new Map<number, string[]>();
    for (const x of hits) {
      if (x.strength !== "exclude") continue;
      for (let p = x.start; p < x.end; p++) getOrInsert(cancelled, p, () => []).push(x.topic);
    }
    const overlaps = (h: AliasHit) => {
      for (let p = h.start; p < h.end; p++) {
        const topics = cancelled.get(p);
        if (topics && (topics.includes(h.topic) || topics.includes(NAME_TOPIC))) return true;
      }
      return false;
    };
    const candidates = hits.filter(
      (h) =>
        h.strength !== "exclude" &&
        !(h.end - h.start === 1 && rules.isAdjective(tokens[h.start] as string)) &&
        !rules.isDateline(tokens, h.end) &&
        !overlaps(h),
    );
    // The longest reading wins: "Al Mayadeen" (weak, the channel's usual name) swallows the "Mayadeen" inside
    // it, and ريف دمشق swallows دمشق. A hit is swallowed by one that starts before it and ends at or after its
    // end, or starts with it and ends after it: one pass with the furthest end seen so far.
    const kept: AliasHit[] = [];
    let endBefore = -1;
    for (let i = 0; i < candidates.length; ) {
      const start = (candidates[i] as AliasHit).start;
      let j = i;
      let endHere = -1;
      while (j < candidates.length && (candidates[j] as AliasHit).start === start) {
        endHere = Math.max(endHere, (candidates[j] as AliasHit).end);
        j++;
      }
      for (let k = i; k < j; k++) {
        const h = candidates[k] as AliasHit;
        if (endBefore < h.end && endHere <= h.end) kept.push(h);
      }
      endBefore = Math.max(endBefore, endHere);
      i = j;
    }
    const strongBranches = new Set<string>();
    for (const h of kept) {
      const t = h.strength === "strong" ? this.bySlugMap.get(h.topic) : undefined;
      if (t) strongBranches.add(this.branch(t).slug);
    }

    const { weights } = rules;
    const length = Math.max(tokens.length, 1);
    const scores = new Map<Topic, Salience>();
    for (const h of kept) {
      const topic = this.bySlugMap.get(h.topic);
      if (!topic) continue;
      const cued = this.cues.endsAt(tokens, h.start) || rules.isCuedAfter(tokens, h.end);
      if (h.strength === "weak" && !cued && !strongBranches.has(this.branch(topic).slug)) continue;
      let s = scores.get(topic);
      if (!s) {
        s = { first: h.start, plainFirst: -1, mentions: 0, cues: 0, title: false, lead: false };
        scores.set(topic, s);
      }
      if (rules.isSponsored(tokens, h.start, h.end)) {
        s.mentions += weights.sponsored;
        continue;
      }
      s.mentions++;
      if (cued) s.cues++;
      if (s.plainFirst < 0) s.plainFirst = h.start;
      if (h.start < titleEnd) s.title = true;
      else if (h.start < leadEnd) s.lead = true;
    }
    const own = new Map<Topic, number>();
    for (const [topic, s] of scores) {
      let score = s.mentions * weights.mention + s.cues * weights.cue;
      if (s.title) score += weights.title;
      if (s.lead) score += weights.lead;
      if (s.plainFirst >= 0) score += weights.early * (1 - s.plainFirst / length);
      own.set(topic, score);
    }
    const strongestChild = new Map<Topic, number>();
    for (const [topic, score] of own) {
      if (topic.parent && own.has(topic.parent))
        strongestChild.set(topic.parent, Math.max(strongestChild.get(topic.parent) ?? 0, score));
    }
    const tags = [...scores].map(([topic, s]) => {
      const score = (own.get(topic) ?? 0) + weights.childShare * (strongestChild.get(topic) ?? 0);
      return { topic, first: s.first, score: Math.round(score * rules.kindFactor(topic.kind) * 100) / 100 };
    });
    const best = Math.max(0, ...tags.map((t) => t.score));
    const threshold = Math.min(best, Math.max(rules.about.minScore, rules.about.relative * best));
    return tags
      .sort((a, b) => a.first - b.first)
      .map(({ topic, score }) => ({ topic, score, about: score >= threshold }));
  }

  /**
   * The topics a short text is entirely the name of, proclitics and joined forms allowed
   * (بدير الزور, ديرالزور): a search for a place also finds articles tagged with it.
   */
  named(text: string): Topic[] {
    const tokens = words(text);
    if (tokens.length === 0) return [];
    const slugs = new Set(
      this.matcher
        .findInWords(tokens)
        .filter((h) => h.strength !== "exclude" && h.start === 0 && h.end === tokens.length)
        .map((h) => h.topic),
    );
    return [...slugs].flatMap((slug) => this.bySlugMap.get(slug) ?? []);
  }

  /**
   * The places a search query names anywhere in it, as spans of its normalized words (`words(text)`): the
   * longest names first, none overlapping another or an exclusion (قناة الميادين is no place). A search
   * for "Mayadin" then also finds the Arabic articles tagged with the town (docs/search.md).
   */
  namedSpans(text: string): { topic: Topic; start: number; end: number }[] {
    const hits = this.matcher.findInWords(words(text));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    const excluded = hits.filter((h) => h.strength === "exclude");
    const spans: { topic: Topic; start: number; end: number }[] = [];
    const candidates = hits
      .filter((h) => h.strength !== "exclude" && !excluded.some((e) => overlaps(e, h)))
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const h of candidates) {
      const topic = this.bySlugMap.get(h.topic);
      if (topic && !spans.some((s) => overlaps(s, h))) spans.push({ topic, start: h.start, end: h.end });
    }
    return spans.sort((a, b) => a.start - b.start);
  }

  /** The part of the tree a topic belongs to: its governorate if it has one, else its root. */
  private branch(topic: Topic): Topic {
    let root = topic;
    for (let t: Topic | null = topic; t; t = t.parent) {
      if (t.kind === "governorate") return t;
      root = t;
    }
    return root;
  }
}

/**
 * True when `typed` appears within `name`, word by word and in order: a word equal, or the name's word with
 * the Arabic article (عمر → العمر), or for the last word typed, the start of the name's word (4 letters or more).
 */
function containsInOrder(name: readonly string[], typed: readonly string[]): boolean {
  let at = 0;
  for (const [i, word] of typed.entries()) {
    const last = i === typed.length - 1;
    let hit = -1;
    for (let j = at; j < name.length; j++) {
      const w = name[j] as string;
      if (
        w === word ||
        (word.length >= 3 && w === `ال${word}`) ||
        (last && word.length >= 4 && w.startsWith(word))
      ) {
        hit = j;
        break;
      }
    }
    if (hit < 0) return false;
    at = hit + 1;
  }
  return true;
}

/** Items by their topic, deepest first (a stable sort: among equals, the given order): how a reader's topics are tried for a label. */
export function mostSpecificFirst<T>(items: readonly T[], topicOf: (item: T) => Topic): T[] {
  return [...items].sort((a, b) => topicOf(b).depth - topicOf(a).depth);
}

/** Edit distance between two strings (insertions, deletions, substitutions), in UTF-16 units. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
