// An in-memory view of the topic catalog: hierarchy, lookup by any name or alias, suggestions, tagging.
// Built from the store's rows; rebuilt by TopicService whenever the catalog changes.

import type { Language } from "../domain";
import { getOrInsert } from "../maps";
import type { AliasRecord, TopicRecord } from "../store/topics";
import { type AliasHit, AliasMatcher, procliticForms } from "../text/matcher";
import { compact, words } from "../text/normalize";

/** A topic with its place in the hierarchy. */
export interface Topic extends TopicRecord {
  parent: Topic | null;
  children: Topic[];
  depth: number;
}

/** The result of looking up what a reader typed. */
export interface LookupResult {
  /** One topic: found. Several: the name is ambiguous, let the reader choose. None: see suggestions. */
  matches: Topic[];
  /** The closest topics when nothing matched, best first. */
  suggestions: Topic[];
}

const MAX_SUGGESTIONS = 4;

export class TopicIndex {
  private readonly byId = new Map<number, Topic>();
  private readonly bySlugMap = new Map<string, Topic>();
  private readonly keys = new Map<string, Set<number>>();
  /** Arabic topic names without their article (ميادين → Mayadin), when that is not a key already. */
  private readonly articleless = new Map<string, Set<number>>();
  private readonly matcher: AliasMatcher;
  private readonly cues: string[][];
  /** Topics in display order: each parent followed by its subtree. */
  readonly ordered: Topic[] = [];

  constructor(records: TopicRecord[], aliases: AliasRecord[], cueWords: string[] = []) {
    for (const r of records) this.byId.set(r.id, { ...r, parent: null, children: [], depth: 0 });
    for (const t of this.byId.values()) {
      this.bySlugMap.set(t.slug, t);
      const parent = t.parentId === null ? undefined : this.byId.get(t.parentId);
      if (parent) {
        t.parent = parent;
        parent.children.push(t);
      }
    }
    const visit = (t: Topic, depth: number) => {
      t.depth = depth;
      this.ordered.push(t);
      for (const c of t.children) visit(c, depth + 1);
    };
    for (const t of this.byId.values()) if (!t.parent) visit(t, 0);

    for (const t of this.byId.values()) {
      this.addKey(t.slug, t.id);
      this.addKey(t.nameAr, t.id);
      this.addKey(t.nameEn, t.id);
    }
    for (const a of aliases) if (a.strength !== "exclude") this.addKey(a.alias, a.topicId);
    for (const t of this.byId.values()) {
      const name = compact(t.nameAr);
      if (name.startsWith("ال") && !this.keys.has(name.slice(2))) {
        getOrInsert(this.articleless, name.slice(2), () => new Set()).add(t.id);
      }
    }

    this.matcher = new AliasMatcher(
      aliases.flatMap((a) => {
        const t = this.byId.get(a.topicId);
        return t ? [{ topic: t.slug, alias: a.alias, strength: a.strength }] : [];
      }),
    );
    this.cues = cueWords.map((c) => words(c)).filter((c) => c.length > 0);
  }

  private addKey(name: string, id: number): void {
    const key = compact(name);
    if (key === "") return;
    let ids = this.keys.get(key);
    if (!ids) {
      ids = new Set();
      this.keys.set(key, ids);
    }
    ids.add(id);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Topic | undefined {
    return this.byId.get(id);
  }

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

  /** The topic and everything under it. */
  subtree(topic: Topic): Topic[] {
    const out: Topic[] = [];
    const walk = (t: Topic) => {
      out.push(t);
      for (const c of t.children) walk(c);
    };
    walk(topic);
    return out;
  }

  /**
   * Finds the topic a reader means by a name in either language, any alias, any spelling
   * (diacritics, joined words, hyphens) or the slug. Several topics sharing the name are all returned.
   */
  lookup(input: string, options: { exact?: boolean } = {}): LookupResult {
    const key = compact(input);
    if (key === "") return { matches: [], suggestions: [] };
    // Readers drop the article of a place's Arabic name: "ميادين" is الميادين. Only topic names (not aliases,
    // whose bare forms are often ordinary words), only 4 letters and more, and not for `exact` lookups (is a
    // name taken?).
    const ids =
      this.keys.get(key) ?? (options.exact || key.length < 4 ? undefined : this.articleless.get(key));
    if (ids) return { matches: [...ids].flatMap((id) => this.byId.get(id) ?? []), suggestions: [] };
    return { matches: [], suggestions: this.suggest(key) };
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
   * The topics a text is about, in order of first mention: strong aliases count; weak ones only with a
   * cue word right before them or a strong mention in the same branch; exclusions cancel overlapping hits.
   * Ancestors are not added: subscribers of a parent reach their children's news through the hierarchy.
   */
  tag(text: string): Topic[] {
    return this.tagWords(words(text));
  }

  /** `tag` on text that is already normalized and split into words. */
  tagWords(tokens: readonly string[]): Topic[] {
    const hits = this.matcher.findInWords(tokens);
    const excluded = hits.filter((h) => h.strength === "exclude");
    const candidates = hits.filter(
      (h) =>
        h.strength !== "exclude" &&
        !excluded.some((x) => x.topic === h.topic && x.start < h.end && h.start < x.end),
    );
    // The longest reading wins: "Al Mayadeen" (weak, the channel's usual name) swallows the
    // "Mayadeen" inside it, and ريف دمشق swallows دمشق.
    const kept = candidates.filter(
      (h) =>
        !candidates.some((o) => o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start),
    );
    const firstMention = new Map<string, number>();
    const note = (h: AliasHit) => {
      const seen = firstMention.get(h.topic);
      if (seen === undefined || h.start < seen) firstMention.set(h.topic, h.start);
    };
    const strongBranches = new Set<string>();
    for (const h of kept) {
      if (h.strength !== "strong") continue;
      note(h);
      const t = this.bySlugMap.get(h.topic);
      if (t) strongBranches.add(this.branch(t).slug);
    }
    for (const h of kept) {
      if (h.strength !== "weak" || firstMention.has(h.topic)) continue;
      const t = this.bySlugMap.get(h.topic);
      if (!t) continue;
      if (strongBranches.has(this.branch(t).slug) || this.cueBefore(tokens, h.start)) note(h);
    }
    return [...firstMention.entries()]
      .sort((a, b) => a[1] - b[1])
      .flatMap(([slug]) => this.bySlugMap.get(slug) ?? []);
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

  /** The part of the tree a topic belongs to: its governorate if it has one, else its root. */
  private branch(topic: Topic): Topic {
    let root = topic;
    for (let t: Topic | null = topic; t; t = t.parent) {
      if (t.kind === "governorate") return t;
      root = t;
    }
    return root;
  }

  /** True when a cue word or phrase (مدينة, ريف, "countryside of") ends right before `start`. */
  private cueBefore(tokens: readonly string[], start: number): boolean {
    return this.cues.some((cue) => {
      const from = start - cue.length;
      if (from < 0) return false;
      const first = tokens[from] as string;
      if (!procliticForms(first).includes(cue[0] as string)) return false;
      return cue.every((w, i) => i === 0 || tokens[from + i] === w);
    });
  }
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
