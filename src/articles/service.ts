// What readers ask of the articles: the latest of their topics, and search that finds every word of a query
// whatever form it takes (docs/search.md).
import type { AudiencePolicy, LatestScope } from "../audience/policy";
import type { Clock } from "../clock";
import type { Store } from "../store";
import { type ArticlePage, type ArticleRecord, COUNT_CAP, type SearchCandidate } from "../store/articles";
import { normalize } from "../text/normalize";
import { type PassageRun, passage } from "../text/passage";
import type { TopicService } from "../topics/service";
import type { Topic } from "../topics/topic-index";
import { armsOf, planSearch, rank, searchPlace, wordMatcher } from "./search";
import { SearchSessions } from "./search-sessions";

/** Results per page in /latest and /search. */
export const PAGE_SIZE = 5;

/** Queries longer than this are cut (a search box is not a document). */
const MAX_QUERY = 200;
/** Each way of finding a search's articles ranks at most this many, the newest (docs/search.md, "Limits"). */
export const RANKED = 500;

export interface LatestResult extends ArticlePage {
  scope: LatestScope["scope"];
}

export interface SearchResult extends ArticlePage {
  /** The normalized query; empty when there was nothing to search for. */
  query: string;
  /** Topics the query mentions (to offer a subscription). */
  topics: Topic[];
  /** The places the query names; `mentionIds` are the items that only mention them. */
  places?: Topic[];
  /** Each item's passage where the words matched (the words marked), when its body holds them. */
  passages: Map<number, PassageRun[]>;
  /** There are more results than were ranked and counted: `total` is "at least". */
  capped?: boolean;
  /** Every word of the query is too common to search for (في، من، the…): nothing was looked up. */
  onlyCommonWords?: boolean;
}

export class ArticleService {
  /** The queries behind the page buttons of searches, per chat. */
  readonly searches: SearchSessions;

  constructor(
    private readonly store: Store,
    private readonly topics: TopicService,
    private readonly audience: AudiencePolicy,
    private readonly clock: Clock,
  ) {
    this.searches = new SearchSessions(clock);
  }

  /** The live article an editor's /post message made (its edits update it), if any. */
  byPostMessage(chatId: number, messageId: number): number | undefined {
    return this.store.articles.byPost(chatId, messageId);
  }

  get(id: number): { article: ArticleRecord; topics: Topic[] } | undefined {
    const article = this.store.articles.get(id);
    if (!article) return undefined;
    return { article, topics: this.topics.topicsOfArticle(id) };
  }

  /**
   * The newest articles of a topic (and everything under it), or of the chat's own topics, or of all
   * topics when the chat follows none: the audience policy says which (AudiencePolicy.latestScope);
   * `mentionIds` says which only mention the topic, to mark them.
   */
  latest(chatId: number, topic: Topic | undefined, page: number, size = PAGE_SIZE): LatestResult {
    const { scope, topicIds, mentions, exclude } = this.audience.latestScope(chatId, topic);
    const range = { limit: size, offset: page * size, exclude };
    return {
      ...this.store.articles.find(topicIds ? { topicIds, mentions, ...range } : range),
      scope,
    };
  }

  /**
   * Search (docs/search.md): every word of the query, in any order, anywhere in the title or body, by its stem
   * (بالصواريخ and الصواريخ alike) and the spellings of foreign names; a place the query names also by the
   * articles tagged with it, in either language. Ranked by bm25 (title weighted), about the place above
   * mentioning it, and recency; each result with the passage where the words are. `size`: results a page (inline
   * mode shows more than a chat's page).
   */
  search(raw: string, page: number, size = PAGE_SIZE): SearchResult {
    const text = raw.slice(0, MAX_QUERY);
    const index = this.topics.index();
    const plan = planSearch(text, index);
    const query = normalize(text);
    const none = { items: [], total: 0, query, topics: [], passages: new Map(), mentionIds: [] };
    if (plan.onlyCommonWords) return { ...none, onlyCommonWords: true };
    const arms = armsOf(plan, index);
    if (arms.length === 0) return none;
    const found = new Map<number, SearchCandidate>();
    let capped = false;
    for (const arm of arms) {
      const some = this.store.articles.searchArm(arm, RANKED);
      if (some.length >= RANKED) capped = true;
      for (const c of some) {
        const known = found.get(c.id);
        if (!known) found.set(c.id, c);
        else
          found.set(c.id, {
            ...known,
            ...(c.bm25 !== null && (known.bm25 === null || c.bm25 < known.bm25) ? { bm25: c.bm25 } : {}),
            ...(c.about !== undefined ? { about: c.about } : {}),
          });
      }
    }
    const candidates = [...found.values()];
    const places = plan.places.map((p) => searchPlace(p, index));
    // Whether each one is about a place the query names: known for those a place's tags found.
    const tags = this.store.articles.placeTags(
      candidates.flatMap((c) => (c.about === undefined ? [c.id] : [])),
      places,
    );
    for (const c of candidates) if (c.about !== undefined) tags.set(c.id, c.about);
    const ranked = rank(candidates, tags, this.clock());
    const pageIds = ranked.slice(page * size, (page + 1) * size).map((c) => c.id);
    const items = this.store.articles.getMany(pageIds);
    const matcher = wordMatcher(plan, index);
    const passages = new Map<number, PassageRun[]>();
    for (const a of items) {
      const runs = passage(a.body, matcher);
      if (runs) passages.set(a.id, runs);
    }
    return {
      items,
      total: Math.min(ranked.length, COUNT_CAP),
      capped: capped || ranked.length >= COUNT_CAP,
      query,
      topics: index.tag(text),
      places: plan.places.map((p) => p.topic),
      mentionIds: items.flatMap((a) => (tags.get(a.id) === false ? [a.id] : [])),
      passages,
    };
  }
}
