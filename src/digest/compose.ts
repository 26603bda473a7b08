// Composing digests: for each reader, the new articles that reach them (the audience policy's routes and reach:
// their topics and the places under them), minus what already reached them, grouped under the most specific of
// their topics, newest first, capped: a recipe (src/text/message.ts, DigestRecipe) in their language and zone,
// which the sender renders into Telegram-sized messages when it sends it (src/digest/render.ts).
//
// A run composes for every reader at once, so the work that does not depend on the reader is done once: which
// articles each topic covers (as bitsets). Per reader there is only a walk over their topics' article lists.

import type { Route, WatchRoute } from "../audience/policy";
import type { Language } from "../domain";
import type { I18n } from "../i18n";
import { getOrInsert } from "../maps";
import type { DigestArticle } from "../store/digests";
import type { DigestRecipe, Message } from "../text/message";
import type { TopicIndex } from "../topics/topic-index";
import { DigestRenderer } from "./render";

/** Items shown in one digest; the rest are counted ("and 12 more"). */
export const DIGEST_CAP = 30;

/** A reader as a digest sees them. */
export interface DigestRecipient {
  language: Language;
  timeZone: string;
  /** The topics through which the digest reaches them, most specific first (AudiencePolicy.digestRoutes). */
  routes: readonly Route[];
  /** Only articles with a greater id (the reader's previous digest from this schedule went up to it). */
  afterId: number;
  /**
   * Words the reader watches (AudiencePolicy.digestWatches): each brings the articles containing it, after the
   * topics (an article a topic brings is shown under the topic), under a heading naming it.
   */
  watches?: readonly WatchRoute[] | undefined;
  /** Articles that already reached the reader (as alerts), or that come only through a place it excepts. */
  excluded?: ReadonlySet<number> | undefined;
  /** Articles the reader's muted phrases hold, a list per phrase (AudiencePolicy.digestMutes): left out. */
  muted?: readonly (readonly number[])[] | undefined;
  /** Only articles ingested at or after this (default: the composer's `notBefore`). */
  notBefore?: number | undefined;
}

/** A reader's digest: its recipe, and the articles it shows (not those only counted in "…and N more"). */
export interface Digest {
  /** What it shows, rendered when it is sent (src/digest/render.ts) or previewed (DigestComposer.render). */
  recipe: DigestRecipe;
  shown: number[];
  /**
   * What the recipe is made of (language, zone, each shown article under its heading, the "more" count): two
   * readers with the same key get the same recipe (the same object, from this composer), stored once.
   */
  key: string;
  /**
   * An earlier reader of this composer got the same message: its body is worth a key (a lookup across enqueues).
   * The first reader of a content does not know whether others follow; most digests are their reader's own.
   */
  shared: boolean;
}

/** Recipes a composer keeps for readers with the same content (readers of one place mostly are). */
const RECIPES_KEPT = 2048;

export interface ComposerOptions {
  index: TopicIndex;
  i18n: I18n;
  /** Candidate articles, newest first. */
  articles: readonly DigestArticle[];
  /** Each candidate's reach: the topics whose followers get it (AudiencePolicy.digestReach). */
  reach: ReadonlyMap<number, readonly number[]>;
  /** Each watched phrase's candidates (normalized phrase → article ids: AudiencePolicy.watchedBetween). */
  watched?: ReadonlyMap<string, readonly number[]> | undefined;
  /** Articles ingested before this are never included (the schedule's creation). */
  notBefore: number;
  /** The digest's time, shown in its heading. */
  at: number;
  /** An article's deep link (the bot's username known): entries without a link of their own offer it. */
  readLink?: ((articleId: number) => string) | undefined;
  cap?: number;
}

/** A set of article positions, one bit each (32 per word). */
type Bits = Uint32Array;

function popcount(bits: Bits): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w] as number;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

export class DigestComposer {
  /**
   * For each topic id, the articles it covers (tagged with it or with a place under it) as a bitset over
   * positions in `articles` (newest first). A reader's digest is then a few word-wise ANDs and ORs, whatever
   * the number of articles: the per-reader cost does not grow with a busy news day.
   */
  private readonly covered = new Map<number, Bits>();
  /** The same per watched phrase (built when a reader first needs it). */
  private readonly phraseBits = new Map<readonly number[], Bits>();
  private readonly words: number;
  private readonly positionOf = new Map<number, number>();
  /** Articles after an id (the reader's previous digest), and ingested since a time (their subscription). */
  private readonly afterMasks = new Map<number, Bits>();
  private readonly sinceMasks = new Map<number, Bits>();
  private readonly oldestIngested: number;
  private readonly recipes = new Map<string, DigestRecipe>();
  private renderer: DigestRenderer | undefined;
  private readonly cap: number;

  constructor(private readonly options: ComposerOptions) {
    const { articles, reach } = options;
    this.cap = options.cap ?? DIGEST_CAP;
    this.words = Math.ceil(articles.length / 32);
    let oldest = Number.POSITIVE_INFINITY;
    articles.forEach((article, position) => {
      this.positionOf.set(article.id, position);
      oldest = Math.min(oldest, article.ingestedAt);
      for (const id of reach.get(article.id) ?? []) {
        const bits = getOrInsert(this.covered, id, () => new Uint32Array(this.words));
        bits[position >>> 5] = (bits[position >>> 5] as number) | (1 << (position & 31));
      }
    });
    this.oldestIngested = oldest;
  }

  private mask(cache: Map<number, Bits>, key: number, keep: (a: DigestArticle) => boolean): Bits {
    return getOrInsert(cache, key, () => {
      const bits = new Uint32Array(this.words);
      this.options.articles.forEach((a, p) => {
        if (keep(a)) bits[p >>> 5] = (bits[p >>> 5] as number) | (1 << (p & 31));
      });
      return bits;
    });
  }

  /**
   * A phrase's articles (a muted or a watched phrase's list) as a bitset, made once per list: the lists come from
   * the policy's per-run matches, shared by every chat with that phrase.
   */
  private bitsOf(ids: readonly number[]): Bits {
    return getOrInsert(this.phraseBits, ids, () => {
      const bits = new Uint32Array(this.words);
      for (const id of ids) {
        const p = this.positionOf.get(id);
        if (p !== undefined) bits[p >>> 5] = (bits[p >>> 5] as number) | (1 << (p & 31));
      }
      return bits;
    });
  }

  private watchedCovered(normalized: string): Bits | undefined {
    const ids = this.options.watched?.get(normalized);
    return ids && ids.length > 0 ? this.bitsOf(ids) : undefined;
  }

  /** The digest's recipe for a reader, or undefined when there is nothing new for them. */
  compose(reader: DigestRecipient): Digest | undefined {
    const notBefore = reader.notBefore ?? this.options.notBefore;
    const topics = reader.routes;
    const after =
      reader.afterId > 0
        ? this.mask(this.afterMasks, reader.afterId, (a) => a.id > reader.afterId)
        : undefined;
    const excluded: number[] = [];
    for (const id of reader.excluded ?? []) {
      const p = this.positionOf.get(id);
      if (p !== undefined) excluded.push(p);
    }
    // Per topic, most specific first: what it brings; and their union.
    const union = new Uint32Array(this.words);
    // Topics first, then watched words: a group is the first route that brings an article.
    const routes: { covered: Bits | undefined; since: number }[] = topics.map(({ topic, since }) => ({
      covered: this.covered.get(topic.id),
      since,
    }));
    const watches = reader.watches ?? [];
    for (const w of watches) routes.push({ covered: this.watchedCovered(w.normalized), since: w.since });
    const perTopic = routes.map(({ covered, since }) => {
      const bits = new Uint32Array(this.words);
      if (!covered) return bits;
      const from = Math.max(since, notBefore);
      const recent =
        from > this.oldestIngested
          ? this.mask(this.sinceMasks, from, (a) => a.ingestedAt >= from)
          : undefined;
      for (let w = 0; w < this.words; w++) {
        let v = covered[w] as number;
        if (after) v &= after[w] as number;
        if (recent) v &= recent[w] as number;
        bits[w] = v;
        union[w] = (union[w] as number) | v;
      }
      return bits;
    });
    for (const p of excluded) union[p >>> 5] = (union[p >>> 5] as number) & ~(1 << (p & 31));
    for (const ids of reader.muted ?? []) {
      const bits = this.bitsOf(ids);
      for (let w = 0; w < this.words; w++) union[w] = (union[w] as number) & ~(bits[w] as number);
    }
    const total = popcount(union);
    if (total === 0) return undefined;
    // The newest `cap` (lowest positions), each under the most specific topic that brings it.
    const shown: { position: number; group: number }[] = [];
    for (let w = 0; w < this.words && shown.length < this.cap; w++) {
      let v = union[w] as number;
      while (v !== 0 && shown.length < this.cap) {
        const bit = 31 - Math.clz32(v & -v);
        v &= v - 1;
        const position = w * 32 + bit;
        const group = perTopic.findIndex((bits) => ((bits[w] as number) & (1 << bit)) !== 0);
        shown.push({ position, group });
      }
    }
    const { articles } = this.options;
    const ids = shown.map((s) => (articles[s.position] as DigestArticle).id);
    const more = total - shown.length;
    const groupKey = (group: number) =>
      group < topics.length
        ? String((topics[group] as Route).topic.id)
        : // The heading shows the phrase as this reader wrote it: readers who spelled it otherwise differ.
          `w:${(watches[group - topics.length] as WatchRoute).phrase}`;
    const key = `${reader.language}|${reader.timeZone}|${shown
      .map((s, i) => `${ids[i]}:${groupKey(s.group)}`)
      .join(",")}|${more}`;
    let recipe = this.recipes.get(key);
    const shared = recipe !== undefined;
    if (!recipe) {
      // Groups in the order of their newest item; items newest first within each.
      const groups = new Map<number, number[]>();
      shown.forEach(({ group }, i) => {
        getOrInsert(groups, group, () => []).push(ids[i] as number);
      });
      recipe = {
        kind: "digest",
        at: this.options.at,
        language: reader.language,
        timeZone: reader.timeZone,
        groups: [...groups].map(([group, list]) =>
          group < topics.length
            ? { topic: (topics[group] as Route).topic.id, articles: list }
            : { phrase: (watches[group - topics.length] as WatchRoute).phrase, articles: list },
        ),
        more,
      };
      if (this.recipes.size < RECIPES_KEPT) this.recipes.set(key, recipe);
    }
    return { recipe, shown: ids, key, shared };
  }

  /** A recipe of this composer's, rendered from its articles (what previews show; runs leave it to the sender). */
  render(recipe: DigestRecipe): Message | undefined {
    this.renderer ??= new DigestRenderer({
      index: () => this.options.index,
      i18n: this.options.i18n,
      articles: (ids) => {
        const found = new Map<number, DigestArticle>();
        for (const id of ids) {
          const p = this.positionOf.get(id);
          if (p !== undefined) found.set(id, this.options.articles[p] as DigestArticle);
        }
        return found;
      },
      readLink: () => this.options.readLink,
    });
    return this.renderer.render(recipe);
  }
}
