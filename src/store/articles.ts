// Articles, their topics, and the queries readers run on them (latest, full-text search).
import type Database from "better-sqlite3";
import type { Db } from "./db";

export type ArticleOrigin = "post" | "feed" | "import";

/** An article as stored (without its normalized search copy). */
export interface ArticleRecord {
  id: number;
  title: string;
  body: string;
  url: string | null;
  source: string | null;
  author: string | null;
  language: "ar" | "en";
  breaking: boolean;
  origin: ArticleOrigin;
  feedId: number | null;
  postedBy: number | null;
  publishedAt: number | null;
  ingestedAt: number;
  sortAt: number;
}

/** Everything the importer computed for a new article: the stored fields, its keys and its topics. */
export interface NewArticle extends Omit<ArticleRecord, "id"> {
  guidKey: string | null;
  contentHash: string;
  searchText: string;
  topicIds: number[];
}

/** A page of articles, newest first, with how many there are in all (at most COUNT_CAP). */
export interface ArticlePage {
  items: ArticleRecord[];
  total: number;
}

/** What to look for: an FTS5 expression, a LIKE pattern, and/or topic ids (any of them matches). */
export interface ArticleQuery {
  match?: string;
  like?: string;
  topicIds?: readonly number[];
  limit: number;
  offset: number;
}

interface ArticleRow {
  id: number;
  title: string;
  body: string;
  url: string | null;
  source: string | null;
  author: string | null;
  language: "ar" | "en";
  breaking: number;
  origin: ArticleOrigin;
  feed_id: number | null;
  posted_by: number | null;
  published_at: number | null;
  ingested_at: number;
  sort_at: number;
}

const COLUMNS = `a.id, a.title, a.body, a.url, a.source, a.author, a.language, a.breaking, a.origin,
  a.feed_id, a.posted_by, a.published_at, a.ingested_at, a.sort_at`;

const toRecord = (r: ArticleRow): ArticleRecord => ({
  id: r.id,
  title: r.title,
  body: r.body,
  url: r.url,
  source: r.source,
  author: r.author,
  language: r.language,
  breaking: r.breaking === 1,
  origin: r.origin,
  feedId: r.feed_id,
  postedBy: r.posted_by,
  publishedAt: r.published_at,
  ingestedAt: r.ingested_at,
  sortAt: r.sort_at,
});

/** The WHERE clause of a query: its conditions OR-ed (every article when there are none). */
function filterOf(conditions: { match: boolean; like: boolean; topics: boolean }): string {
  const parts: string[] = [];
  if (conditions.match)
    parts.push("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)");
  if (conditions.like) parts.push("a.search_text LIKE @like ESCAPE '\\'");
  if (conditions.topics) {
    parts.push(
      "a.id IN (SELECT article_id FROM article_topics WHERE topic_id IN (SELECT value FROM json_each(@topics)))",
    );
  }
  return parts.length === 0 ? "1" : parts.join(" OR ");
}

/** Counting stops here: a reader pages five at a time, and "1000+" says enough. */
export const COUNT_CAP = 1000;

export class ArticleStore {
  private readonly byGuid: Database.Statement<[string], { id: number }>;
  private readonly byUrl: Database.Statement<[string], { id: number }>;
  private readonly byHash: Database.Statement<[string], { id: number }>;
  private readonly insertArticle: Database.Statement<Record<string, unknown>>;
  private readonly insertTopic: Database.Statement<[number, number]>;
  private readonly clearTopics: Database.Statement<[number]>;
  private readonly selectOne: Database.Statement<[number], ArticleRow>;
  private readonly selectTopics: Database.Statement<[number], { topic_id: number }>;
  /** Page and count statements per combination of conditions, prepared on first use. */
  private readonly queries = new Map<
    string,
    {
      page: Database.Statement<Record<string, unknown>, ArticleRow>;
      count: Database.Statement<Record<string, unknown>, { n: number }>;
    }
  >();
  private readonly since: Database.Statement<[number], { id: number; search_text: string }>;
  private readonly countSince: Database.Statement<[number], { n: number }>;
  private readonly countAll: Database.Statement<[], { n: number }>;

  constructor(private readonly db: Db) {
    this.byGuid = db.prepare("SELECT id FROM articles WHERE guid_key = ?");
    this.byUrl = db.prepare("SELECT id FROM articles WHERE url = ?");
    this.byHash = db.prepare("SELECT id FROM articles WHERE content_hash = ?");
    this.insertArticle = db.prepare(`
      INSERT INTO articles (title, body, url, guid_key, source, author, language, content_hash, breaking, origin,
                            feed_id, posted_by, published_at, ingested_at, sort_at, search_text)
      VALUES (@title, @body, @url, @guidKey, @source, @author, @language, @contentHash, @breaking, @origin,
              @feedId, @postedBy, @publishedAt, @ingestedAt, @sortAt, @searchText)`);
    this.insertTopic = db.prepare(
      "INSERT OR IGNORE INTO article_topics (article_id, topic_id) VALUES (?, ?)",
    );
    this.clearTopics = db.prepare("DELETE FROM article_topics WHERE article_id = ?");
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ?`);
    this.selectTopics = db.prepare("SELECT topic_id FROM article_topics WHERE article_id = ?");
    this.since = db.prepare("SELECT id, search_text FROM articles WHERE ingested_at >= ? ORDER BY id");
    this.countSince = db.prepare("SELECT count(*) AS n FROM articles WHERE ingested_at >= ?");
    this.countAll = db.prepare("SELECT count(*) AS n FROM articles");
  }

  /**
   * The id of an article already stored under the same guid, canonical URL or content, if any. `contentHash` is
   * asked for only when guid and URL find nothing: most items of a feed polled again are known by them, and
   * hashing means normalizing the whole text.
   */
  findDuplicate(keys: {
    guidKey: string | null;
    url: string | null;
    contentHash: () => string;
  }): number | undefined {
    return (
      (keys.guidKey ? this.byGuid.get(keys.guidKey)?.id : undefined) ??
      (keys.url ? this.byUrl.get(keys.url)?.id : undefined) ??
      this.byHash.get(keys.contentHash())?.id
    );
  }

  /** Stores an article and its topics; call inside a transaction when storing several. */
  insert(article: NewArticle): number {
    const { topicIds, ...row } = article;
    const id = Number(this.insertArticle.run({ ...row, breaking: row.breaking ? 1 : 0 }).lastInsertRowid);
    for (const topicId of topicIds) this.insertTopic.run(id, topicId);
    return id;
  }

  /** Replaces an article's topics (after the catalog changed). */
  setTopics(articleId: number, topicIds: readonly number[]): void {
    this.clearTopics.run(articleId);
    for (const topicId of topicIds) this.insertTopic.run(articleId, topicId);
  }

  get(id: number): ArticleRecord | undefined {
    const row = this.selectOne.get(id);
    return row ? toRecord(row) : undefined;
  }

  topicIds(articleId: number): number[] {
    return this.selectTopics.all(articleId).map((r) => r.topic_id);
  }

  /** Articles matching any of the query's conditions (all articles when it has none), newest first. */
  find(query: ArticleQuery): ArticlePage {
    const conditions = {
      match: query.match !== undefined,
      like: query.like !== undefined,
      topics: query.topicIds !== undefined,
    };
    const key = `${+conditions.match}${+conditions.like}${+conditions.topics}`;
    let statements = this.queries.get(key);
    if (!statements) {
      const filter = filterOf(conditions);
      statements = {
        page: this.db.prepare(
          `SELECT ${COLUMNS} FROM articles a WHERE ${filter} ORDER BY a.sort_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
        ),
        count: this.db.prepare(
          `SELECT count(*) AS n FROM (SELECT 1 FROM articles a WHERE ${filter} LIMIT ${COUNT_CAP})`,
        ),
      };
      this.queries.set(key, statements);
    }
    const params: Record<string, unknown> = {};
    if (query.match !== undefined) params.match = query.match;
    if (query.like !== undefined) params.like = query.like;
    if (query.topicIds !== undefined) params.topics = JSON.stringify(query.topicIds);
    const items = statements.page.all({ ...params, limit: query.limit, offset: query.offset }).map(toRecord);
    const total = statements.count.get(params)?.n ?? 0;
    return { items, total };
  }

  /** Articles ingested since a time, with their normalized text (for re-tagging). */
  searchTextsSince(ms: number): { id: number; searchText: string }[] {
    return this.since.all(ms).map((r) => ({ id: r.id, searchText: r.search_text }));
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  countIngestedSince(ms: number): number {
    return this.countSince.get(ms)?.n ?? 0;
  }

  /** Runs `fn` in one transaction (a file is imported whole or not at all). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
