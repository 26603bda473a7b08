// What readers ask of the articles: the latest of their topics, and full-text search that treats
// every Arabic spelling alike (docs/arabic.md, "Search").
import type { AudiencePolicy, LatestScope } from "../audience/policy";
import type { Store } from "../store";
import type { ArticlePage, ArticleRecord } from "../store/articles";
import { procliticForms } from "../text/matcher";
import { normalize } from "../text/normalize";
import type { TopicService } from "../topics/service";
import type { Topic } from "../topics/topic-index";

/** Results per page in /latest and /search. */
export const PAGE_SIZE = 5;

/** Queries longer than this are cut (Telegram messages are short; FTS phrases need no more). */
const MAX_QUERY = 200;

export interface LatestResult extends ArticlePage {
  scope: LatestScope["scope"];
}

export interface SearchResult extends ArticlePage {
  /** The normalized query; empty when there was nothing to search for. */
  query: string;
  /** Topics the query mentions (to offer a subscription). */
  topics: Topic[];
}

export class ArticleService {
  constructor(
    private readonly store: Store,
    private readonly topics: TopicService,
    private readonly audience: AudiencePolicy,
  ) {}

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
  latest(chatId: number, topic: Topic | undefined, page: number): LatestResult {
    const { scope, topicIds, mentions, exclude } = this.audience.latestScope(chatId, topic);
    const range = { limit: PAGE_SIZE, offset: page * PAGE_SIZE, exclude };
    return {
      ...this.store.articles.find(topicIds ? { topicIds, mentions, ...range } : range),
      scope,
    };
  }

  /**
   * Full-text search. The query is normalized like the articles; a proclitic on its first word is
   * optional (بدير الزور finds دير الزور); a query that is a place's name also finds the articles
   * tagged with that place, whatever spelling they use (ديرالزور, Deir Ezzor).
   */
  search(raw: string, page: number): SearchResult {
    const query = normalize(raw.slice(0, MAX_QUERY));
    const index = this.topics.index();
    if (query === "") return { items: [], total: 0, query, topics: [] };
    const words = query.split(" ");
    const first = words[0] as string;
    const phrases = new Set(procliticForms(first).map((f) => [f, ...words.slice(1)].join(" ")));
    const long = [...phrases].filter((p) => p.length >= 3);
    const named = index.named(raw.slice(0, MAX_QUERY));
    const result = this.store.articles.find({
      ...(long.length > 0
        ? { match: long.map((p) => `"${p.replaceAll('"', '""')}"`).join(" OR ") }
        : { like: `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }),
      // A place's name finds the articles that mention it too (ranking them: the search module).
      ...(named.length > 0 ? { topicIds: named.map((t) => t.id), mentions: true } : {}),
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
    });
    return { ...result, query, topics: index.tag(raw.slice(0, MAX_QUERY)) };
  }
}
