// Articles, their topics, and the queries readers run on them (latest, and search's candidates: docs/search.md).
import type Database from "better-sqlite3";
import { queryStem } from "../text/stem";
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
  /** Its picture: a Telegram file_id (an editor's photo) or an http(s) URL (a feed's or an import's); null: none. */
  image?: string | null;
}

/** A topic an article names: about it (routes it to readers) or only mentioning it, and its salience score. */
export interface ArticleTag {
  topicId: number;
  about: boolean;
  score: number | null;
}

/** Everything the importer computed for a new article: the stored fields, its keys and its topics. */
export interface NewArticle extends Omit<ArticleRecord, "id"> {
  guidKey: string | null;
  contentHash: string;
  searchText: string;
  /** The stems of the title and the body the search index holds (src/text/stem.ts: indexText). */
  searchTitle: string;
  searchBody: string;
  tags: ArticleTag[];
  /** Near-duplicate keys (src/ingest/near-duplicate.ts). */
  keys: readonly number[];
}

/** Another source of an article already stored (the same story from a feed and an import). */
export interface ArticleSource {
  origin: ArticleOrigin;
  feedId: number | null;
  source: string | null;
  url: string | null;
  guidKey: string | null;
  similarity: number;
}

/** An editor's choice about one of an article's topics: kept as about, kept as a mention, or kept off (null). */
export interface TopicChoice {
  topicId: number;
  about: boolean | null;
}

/** A choice as stored: about 1 or 0, null for a topic kept off. */
const toChoice = (topicId: number, about: number | null): TopicChoice => ({
  topicId,
  about: about === null ? null : about === 1,
});

/** A change an editor made to an article, as recorded (`change` is the JSON the editing service wrote). */
export interface ArticleChangeRecord {
  id: number;
  articleId: number;
  userId: number | null;
  at: number;
  change: unknown;
}

/** A page of articles, newest first, with how many there are in all (at most COUNT_CAP). */
export interface ArticlePage {
  items: ArticleRecord[];
  total: number;
  /** With `mentions`: the items that only mention the query's topics (to be marked as such). */
  mentionIds?: number[];
}

/** Which articles to list, newest first: those of some topics, or all. */
export interface ArticleQuery {
  /** Articles about these topics; with `mentions`, also those that only mention them. */
  topicIds?: readonly number[];
  mentions?: boolean;
  /** Never these articles (a reader's muted ones), whatever else matches. */
  exclude?: readonly number[];
  limit: number;
  offset: number;
}

interface SearchRow {
  id: number;
  b: number | null;
  sort_at: number;
  about?: number;
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
  image: string | null;
}

const COLUMNS = `a.id, a.title, a.body, a.url, a.source, a.author, a.language, a.breaking, a.origin,
  a.feed_id, a.posted_by, a.published_at, a.ingested_at, a.sort_at, a.image`;

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
  image: r.image,
});

/** A /post's new text, with what the importer computes from it (ArticleStore.updateText). */
export interface ArticleText {
  title: string;
  body: string;
  url: string | null;
  language: "ar" | "en";
  breaking: boolean;
  contentHash: string;
  searchText: string;
  searchTitle: string;
  searchBody: string;
  keys: readonly number[];
}

/** Article ids tagged with the @topics: only those about them (routing), or also those that mention them. */
const TAGGED_ABOUT =
  "SELECT article_id FROM article_topics WHERE about = 1 AND topic_id IN (SELECT value FROM json_each(@topics))";
const TAGGED_AT_ALL =
  "SELECT article_id FROM article_topics WHERE topic_id IN (SELECT value FROM json_each(@topics))";

/** Articles readers may see: not deleted by an editor. */
const LIVE = "a.deleted_at IS NULL";

/** The WHERE clause of a query (every article when it names no topics), never an article an editor deleted. */
function filterOf(conditions: { topics: boolean; mentions: boolean; exclude: boolean }): string {
  const parts = [LIVE];
  if (conditions.topics) parts.push(`a.id IN (${conditions.mentions ? TAGGED_AT_ALL : TAGGED_ABOUT})`);
  if (conditions.exclude) parts.push("a.id NOT IN (SELECT value FROM json_each(@exclude))");
  return parts.join(" AND ");
}

/**
 * One way a search's words may be found: their stems in the index (an FTS5 expression over title and body),
 * and/or tags of places the query names (an English name finds an Arabic article about the place).
 */
export interface SearchArm {
  match?: string;
  /** Articles tagged with each of these places: the place itself (about it or mentioning it), or a place under it that they are about. */
  places?: readonly SearchPlace[];
}

/** A place a query names, and the places under it. */
export interface SearchPlace {
  topic: number;
  under: readonly number[];
}

/** An article a search found: its bm25 (negative; lower is better; null when found by its tags only) and its time. */
export interface SearchCandidate {
  id: number;
  bm25: number | null;
  sortAt: number;
  /** Found by the tags of one place: about it (or a place under it), or only mentioning it. */
  about?: boolean;
}

/** How much more a word in the title counts than one in the body, in bm25. */
export const TITLE_WEIGHT = 4;

/** Counting stops here: a reader pages five at a time, and "1000+" says enough. */
export const COUNT_CAP = 1000;

/** Articles a near-duplicate key is looked up for, the newest: a story's copy arrives within days. */
const KEY_HOLDERS = 16;

interface ArticleSourceRow {
  origin: ArticleOrigin;
  feed_id: number | null;
  source: string | null;
  url: string | null;
  guid_key: string | null;
  similarity: number;
}

export class ArticleStore {
  private readonly byGuid: Database.Statement<{ key: string }, { id: number }>;
  private readonly byUrl: Database.Statement<{ key: string }, { id: number }>;
  private readonly byHash: Database.Statement<[string], { id: number }>;
  private readonly insertArticle: Database.Statement<Record<string, unknown>>;
  private readonly insertTopic: Database.Statement<[number, number, number, number | null]>;
  private readonly insertKey: Database.Statement<[number, number]>;
  private readonly byKey: Database.Statement<[number], { article_id: number }>;
  private readonly insertSource: Database.Statement<Record<string, unknown>>;
  private readonly selectSources: Database.Statement<[number], ArticleSourceRow>;
  private readonly selectSearchText: Database.Statement<[number], { search_text: string }>;
  private readonly clearTopics: Database.Statement<[number]>;
  private readonly selectOne: Database.Statement<[number], ArticleRow>;
  private readonly selectTopics: Database.Statement<[number], { topic_id: number }>;
  private readonly selectTags: Database.Statement<
    [number],
    { topic_id: number; about: number; score: number | null }
  >;
  /** Page and count statements per combination of conditions, prepared on first use. */
  private readonly queries = new Map<
    string,
    {
      page: Database.Statement<Record<string, unknown>, ArticleRow>;
      count: Database.Statement<Record<string, unknown>, { n: number }>;
    }
  >();
  private readonly aboutAmong: Database.Statement<{ ids: string; topics: unknown }, { id: number }>;
  private readonly since: Database.Statement<
    [number],
    { id: number; title: string; body: string; search_text: string }
  >;
  private readonly countSince: Database.Statement<[number], { n: number }>;
  private readonly countAll: Database.Statement<[], { n: number }>;
  private readonly insertSearch: Database.Statement<[number, string, string]>;
  /** Search statements per shape of arm, prepared on first use. */
  private readonly searches = new Map<string, Database.Statement<Record<string, unknown>, SearchRow>>();
  private readonly placesAmong: Database.Statement<
    { ids: string; under: string; topics: string },
    { id: number; about: number }
  >;
  private readonly selectMany: Database.Statement<[string], ArticleRow>;
  private readonly textsBetween: Database.Statement<[number, number]>;
  private readonly mutedScans = new Map<string, Database.Statement<unknown[]>>();
  private readonly selectDeleted: Database.Statement<[number], { deleted_at: number | null }>;
  private readonly selectStored: Database.Statement<[number], ArticleRow>;
  private readonly upsertTag: Database.Statement<[number, number, number, number | null]>;
  private readonly deleteTag: Database.Statement<[number, number]>;
  private readonly selectChoices: Database.Statement<[number], { topic_id: number; about: number | null }>;
  private readonly choicesSinceStmt: Database.Statement<[number]>;
  private readonly upsertChoice: Database.Statement<[number, number, number | null]>;
  private readonly insertChange: Database.Statement<[number, number | null, number, string]>;
  private readonly selectChanges: Database.Statement<
    [number, number],
    { id: number; article_id: number; user_id: number | null; at: number; change: string }
  >;
  private readonly markDeleted: Database.Statement<[number, number]>;
  private readonly unindex: Database.Statement<[number]>;
  private readonly clearKeys: Database.Statement<[number]>;
  private readonly clearChoices: Database.Statement<[number]>;
  private readonly postMessage: Database.Statement<[number, number, number]>;
  private readonly byPostMessage: Database.Statement<[number, number], { id: number }>;
  private readonly rewrite: Database.Statement<Record<string, unknown>>;
  private readonly newImage: Database.Statement<[string | null, number]>;

  constructor(private readonly db: Db) {
    // Another source's guid or URL finds the article it was merged into (the next poll of that feed).
    this.byGuid = db.prepare(`
      SELECT id FROM articles WHERE guid_key = @key
      UNION ALL SELECT article_id FROM article_sources WHERE guid_key = @key LIMIT 1`);
    this.byUrl = db.prepare(`
      SELECT id FROM articles WHERE url = @key
      UNION ALL SELECT article_id FROM article_sources WHERE url = @key LIMIT 1`);
    this.byHash = db.prepare("SELECT id FROM articles WHERE content_hash = ?");
    this.insertArticle = db.prepare(`
      INSERT INTO articles (title, body, url, guid_key, source, author, language, content_hash, breaking, origin,
                            feed_id, posted_by, published_at, ingested_at, sort_at, search_text, image)
      VALUES (@title, @body, @url, @guidKey, @source, @author, @language, @contentHash, @breaking, @origin,
              @feedId, @postedBy, @publishedAt, @ingestedAt, @sortAt, @searchText, @image)`);
    this.insertTopic = db.prepare(
      "INSERT OR IGNORE INTO article_topics (article_id, topic_id, about, score) VALUES (?, ?, ?, ?)",
    );
    this.insertKey = db.prepare("INSERT OR IGNORE INTO article_keys (key, article_id) VALUES (?, ?)");
    this.byKey = db.prepare(
      `SELECT article_id FROM article_keys WHERE key = ? ORDER BY article_id DESC LIMIT ${KEY_HOLDERS}`,
    );
    this.insertSource = db.prepare(`
      INSERT OR IGNORE INTO article_sources (article_id, origin, feed_id, source, url, guid_key, similarity, added_at)
      VALUES (@articleId, @origin, @feedId, @source, @url, @guidKey, @similarity, @now)`);
    this.selectSources = db.prepare(
      "SELECT origin, feed_id, source, url, guid_key, similarity FROM article_sources WHERE article_id = ? ORDER BY id",
    );
    this.selectSearchText = db.prepare("SELECT search_text FROM articles WHERE id = ?");
    this.clearTopics = db.prepare("DELETE FROM article_topics WHERE article_id = ?");
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ? AND ${LIVE}`);
    this.selectDeleted = db.prepare("SELECT deleted_at FROM articles WHERE id = ?");
    this.selectStored = db.prepare(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ?`);
    this.selectTopics = db.prepare("SELECT topic_id FROM article_topics WHERE article_id = ? AND about = 1");
    this.selectTags = db.prepare(
      "SELECT topic_id, about, score FROM article_topics WHERE article_id = ? ORDER BY about DESC, score DESC, topic_id",
    );
    this.aboutAmong = db.prepare(`
      SELECT DISTINCT article_id AS id FROM article_topics
      WHERE about = 1 AND article_id IN (SELECT value FROM json_each(@ids))
        AND topic_id IN (SELECT value FROM json_each(@topics))`);
    this.since = db.prepare(
      "SELECT id, title, body, search_text FROM articles WHERE ingested_at >= ? AND deleted_at IS NULL ORDER BY id",
    );
    this.countSince = db.prepare("SELECT count(*) AS n FROM articles WHERE ingested_at >= ?");
    this.countAll = db.prepare("SELECT count(*) AS n FROM articles");
    this.insertSearch = db.prepare("INSERT INTO articles_search (rowid, title, body) VALUES (?, ?, ?)");
    // Whether each article is about one of the places (or a place under one) or only mentions one.
    this.placesAmong = db.prepare(`
      SELECT j.value AS id, (
        SELECT max(t.about) FROM article_topics t
        WHERE t.article_id = j.value AND t.topic_id IN (SELECT value FROM json_each(@under))
          AND (t.about = 1 OR t.topic_id IN (SELECT value FROM json_each(@topics)))
      ) AS about
      FROM json_each(@ids) j`);
    this.selectMany = db.prepare(
      `SELECT ${COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) AND ${LIVE}`,
    );
    this.textsBetween = db
      .prepare(
        "SELECT id, search_text FROM articles WHERE id > ? AND id <= ? AND deleted_at IS NULL ORDER BY id",
      )
      .raw();
    this.upsertTag = db.prepare(`
      INSERT INTO article_topics (article_id, topic_id, about, score) VALUES (?, ?, ?, ?)
      ON CONFLICT (article_id, topic_id) DO UPDATE SET about = excluded.about`);
    this.deleteTag = db.prepare("DELETE FROM article_topics WHERE article_id = ? AND topic_id = ?");
    this.selectChoices = db.prepare(
      "SELECT topic_id, about FROM article_topic_choices WHERE article_id = ? ORDER BY topic_id",
    );
    this.choicesSinceStmt = db
      .prepare(`
        SELECT c.article_id, c.topic_id, c.about FROM article_topic_choices c JOIN articles a ON a.id = c.article_id
        WHERE a.ingested_at >= ? AND a.deleted_at IS NULL ORDER BY c.article_id, c.topic_id`)
      .raw();
    this.upsertChoice = db.prepare(`
      INSERT INTO article_topic_choices (article_id, topic_id, about) VALUES (?, ?, ?)
      ON CONFLICT (article_id, topic_id) DO UPDATE SET about = excluded.about`);
    this.insertChange = db.prepare(
      "INSERT INTO article_changes (article_id, user_id, at, change) VALUES (?, ?, ?, ?)",
    );
    this.selectChanges = db.prepare(
      "SELECT id, article_id, user_id, at, change FROM article_changes WHERE article_id = ? ORDER BY id DESC LIMIT ?",
    );
    // Out of exact-duplicate checks (the same text posted again is a new article), but the guid and URL stay: the
    // feed's next poll finds it and skips it. The search index loses it in delete().
    this.markDeleted = db.prepare(`
      UPDATE articles SET deleted_at = ?, search_text = '', content_hash = 'deleted:' || id
      WHERE id = ? AND deleted_at IS NULL`);
    this.unindex = db.prepare("DELETE FROM articles_search WHERE rowid = ?");
    this.clearKeys = db.prepare("DELETE FROM article_keys WHERE article_id = ?");
    this.clearChoices = db.prepare("DELETE FROM article_topic_choices WHERE article_id = ?");
    this.postMessage = db.prepare("UPDATE articles SET post_chat_id = ?, post_message_id = ? WHERE id = ?");
    this.byPostMessage = db.prepare(
      "SELECT id FROM articles WHERE post_chat_id = ? AND post_message_id = ? AND deleted_at IS NULL",
    );
    this.rewrite = db.prepare(`
      UPDATE articles SET title = @title, body = @body, url = @url, language = @language, breaking = @breaking,
        content_hash = @contentHash, search_text = @searchText
      WHERE id = @id AND deleted_at IS NULL`);
    this.newImage = db.prepare("UPDATE articles SET image = ? WHERE id = ?");
  }

  /** Records the editor's message a /post came from (its edits update the article). */
  setPostMessage(articleId: number, chatId: number, messageId: number): void {
    this.postMessage.run(chatId, messageId, articleId);
  }

  /** The live article a /post message made, if any. */
  byPost(chatId: number, messageId: number): number | undefined {
    return this.byPostMessage.get(chatId, messageId)?.id;
  }

  /**
   * Replaces a live article's text: the row, its search index entry and its near-duplicate keys (the caller
   * re-tags it with setTags). False when the article is not live.
   */
  updateText(articleId: number, text: ArticleText): boolean {
    const { keys, searchTitle, searchBody, ...row } = text;
    if (this.rewrite.run({ ...row, breaking: row.breaking ? 1 : 0, id: articleId }).changes === 0)
      return false;
    this.unindex.run(articleId);
    this.insertSearch.run(articleId, searchTitle, searchBody);
    this.clearKeys.run(articleId);
    for (const key of keys) this.insertKey.run(key, articleId);
    return true;
  }

  /** Sets or clears an article's picture. */
  setImage(articleId: number, image: string | null): void {
    this.newImage.run(image, articleId);
  }

  /**
   * The id of an article already stored under the same guid, canonical URL or content, if any. `contentHash` is
   * asked for only when guid and URL find nothing: most items of a feed polled again are known by them, and
   * hashing means normalizing the whole text.
   */
  findDuplicate(
    keys: {
      guidKey: string | null;
      url: string | null;
      contentHash: () => string;
    },
    except?: number,
  ): number | undefined {
    // `except`: the article being rewritten is not a duplicate of itself.
    const other = (id: number | undefined) => (id === except ? undefined : id);
    return (
      (keys.guidKey ? other(this.byGuid.get({ key: keys.guidKey })?.id) : undefined) ??
      (keys.url ? other(this.byUrl.get({ key: keys.url })?.id) : undefined) ??
      other(this.byHash.get(keys.contentHash())?.id)
    );
  }

  /** Stores an article, its topics and its near-duplicate keys; call inside a transaction when storing several. */
  insert(article: NewArticle): number {
    const { tags, keys, searchTitle, searchBody, ...row } = article;
    const id = Number(
      this.insertArticle.run({ ...row, breaking: row.breaking ? 1 : 0, image: row.image ?? null })
        .lastInsertRowid,
    );
    this.insertSearch.run(id, searchTitle, searchBody);
    this.writeTags(id, tags);
    for (const key of keys) this.insertKey.run(key, id);
    return id;
  }

  /** Replaces an article's topics (after the catalog changed). */
  setTags(articleId: number, tags: readonly ArticleTag[]): void {
    this.clearTopics.run(articleId);
    this.writeTags(articleId, tags);
  }

  private writeTags(articleId: number, tags: readonly ArticleTag[]): void {
    for (const t of tags) this.insertTopic.run(articleId, t.topicId, t.about ? 1 : 0, t.score);
  }

  /** Every topic an article names, those it is about first, then by score. */
  tags(articleId: number): ArticleTag[] {
    return this.selectTags
      .all(articleId)
      .map((r) => ({ topicId: r.topic_id, about: r.about === 1, score: r.score }));
  }

  /** The newest articles stored with a near-duplicate key (at most KEY_HOLDERS: one index range each). */
  withKey(key: number): number[] {
    return this.byKey.all(key).map((r) => r.article_id);
  }

  /** An article's normalized title and body (what near-duplicates are compared on). */
  searchText(articleId: number): string | undefined {
    return this.selectSearchText.get(articleId)?.search_text;
  }

  /** Records that the same story came from another source too; false when that source was recorded already. */
  addSource(articleId: number, source: ArticleSource, now: number): boolean {
    return this.insertSource.run({ articleId, ...source, now }).changes > 0;
  }

  /** The other sources an article was found in, in the order they came. */
  sources(articleId: number): ArticleSource[] {
    return this.selectSources.all(articleId).map((r) => ({
      origin: r.origin,
      feedId: r.feed_id,
      source: r.source,
      url: r.url,
      guidKey: r.guid_key,
      similarity: r.similarity,
    }));
  }

  /** An article readers may see (undefined when unknown or deleted). */
  get(id: number): ArticleRecord | undefined {
    const row = this.selectOne.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** An article as stored, deleted or not (what an import of the same item again is told it is). */
  stored(id: number): ArticleRecord | undefined {
    const row = this.selectStored.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** "live", "deleted" (by an editor: its row stays, out of every reader's query) or "unknown". */
  state(id: number): "live" | "deleted" | "unknown" {
    const row = this.selectDeleted.get(id);
    if (!row) return "unknown";
    return row.deleted_at === null ? "live" : "deleted";
  }

  /** Sets one topic of an article: added, or switched between about and mention (a new one has no score). */
  setTag(articleId: number, topicId: number, about: boolean): void {
    this.upsertTag.run(articleId, topicId, about ? 1 : 0, null);
  }

  /** Takes one topic off an article; false when it did not have it. */
  removeTag(articleId: number, topicId: number): boolean {
    return this.deleteTag.run(articleId, topicId).changes > 0;
  }

  /** Editors' choices about an article's topics (re-tagging keeps them). */
  choices(articleId: number): TopicChoice[] {
    return this.selectChoices.all(articleId).map((r) => toChoice(r.topic_id, r.about));
  }

  /** Editors' choices about the articles textsSince(ms) returns, by article (one query for a whole re-tagging). */
  choicesSince(ms: number): Map<number, TopicChoice[]> {
    const out = new Map<number, TopicChoice[]>();
    const rows = this.choicesSinceStmt.all(ms) as [number, number, number | null][];
    for (const [articleId, topicId, about] of rows) {
      const choice = toChoice(topicId, about);
      const list = out.get(articleId);
      if (list) list.push(choice);
      else out.set(articleId, [choice]);
    }
    return out;
  }

  /** Records an editor's choice about one topic of an article (null: keep it off). */
  setChoice(articleId: number, topicId: number, about: boolean | null): void {
    this.upsertChoice.run(articleId, topicId, about === null ? null : about ? 1 : 0);
  }

  /** Records a change an editor made (`change` is stored as JSON). */
  recordChange(articleId: number, userId: number | null, at: number, change: unknown): void {
    this.insertChange.run(articleId, userId, at, JSON.stringify(change));
  }

  /** The latest changes made to an article, newest first. */
  changes(articleId: number, limit: number): ArticleChangeRecord[] {
    return this.selectChanges.all(articleId, limit).map((r) => ({
      id: r.id,
      articleId: r.article_id,
      userId: r.user_id,
      at: r.at,
      change: JSON.parse(r.change) as unknown,
    }));
  }

  /**
   * Deletes an article for readers: out of search, its topics and near-duplicate keys gone; the row stays (the
   * outbox, alerts and deliveries that name it are left as they are). False when it was not live.
   */
  delete(articleId: number, at: number): boolean {
    if (this.markDeleted.run(at, articleId).changes === 0) return false;
    this.unindex.run(articleId);
    this.clearTopics.run(articleId);
    this.clearKeys.run(articleId);
    this.clearChoices.run(articleId);
    return true;
  }

  /** The topics an article is about (what routes it to readers). */
  topicIds(articleId: number): number[] {
    return this.selectTopics.all(articleId).map((r) => r.topic_id);
  }

  /** Articles of the query's topics (all articles when it names none), newest first. */
  find(query: ArticleQuery): ArticlePage {
    const conditions = {
      topics: query.topicIds !== undefined,
      mentions: query.topicIds !== undefined && query.mentions === true,
      exclude: query.exclude !== undefined && query.exclude.length > 0,
    };
    const key = `${+conditions.topics}${+conditions.mentions}${+conditions.exclude}`;
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
    if (query.topicIds !== undefined) params.topics = JSON.stringify(query.topicIds);
    if (conditions.exclude) params.exclude = JSON.stringify(query.exclude);
    const items = statements.page.all({ ...params, limit: query.limit, offset: query.offset }).map(toRecord);
    const total = statements.count.get(params)?.n ?? 0;
    if (!conditions.mentions) return { items, total };
    const about = new Set(
      this.aboutAmong
        .all({ ids: JSON.stringify(items.map((a) => a.id)), topics: params.topics })
        .map((r) => r.id),
    );
    return { items, total, mentionIds: items.flatMap((a) => (about.has(a.id) ? [] : [a.id])) };
  }

  /**
   * The articles one arm of a search finds: the `limit` newest (by id), with their bm25 and time. Only these are
   * ranked: bm25 is computed for each row found, and a common word finds a third of a large archive.
   */
  searchArm(arm: SearchArm, limit: number): SearchCandidate[] {
    const places = arm.places ?? [];
    if (arm.match === undefined) return this.taggedArm(places, limit);
    const key = `match:${places.length}`;
    let statement = this.searches.get(key);
    if (!statement) {
      // FTS drives, newest first; each place is an index lookup per row found (EXISTS: with "rowid IN (…)" SQLite
      // would run the MATCH again for every tagged id).
      const tagged = places.map(
        (_, n) => `AND EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = articles_search.rowid
           AND t.topic_id IN (SELECT value FROM json_each(@under${n})) AND (t.about = 1 OR t.topic_id = @topic${n}))`,
      );
      statement = this.db.prepare(`
        SELECT f.id, f.b, a.sort_at FROM (
          SELECT rowid AS id, bm25(articles_search, ${TITLE_WEIGHT}, 1.0) AS b FROM articles_search
          WHERE articles_search MATCH @match ${tagged.join(" ")}
          ORDER BY rowid DESC LIMIT @limit
        ) f JOIN articles a ON a.id = f.id WHERE ${LIVE}`);
      this.searches.set(key, statement);
    }
    const params: Record<string, unknown> = { limit, match: arm.match };
    places.forEach((p, n) => {
      params[`topic${n}`] = p.topic;
      params[`under${n}`] = JSON.stringify([p.topic, ...p.under]);
    });
    return statement.all(params).map((r) => ({ id: r.id, bm25: r.b, sortAt: r.sort_at }));
  }

  /**
   * The newest articles tagged with every one of the places (a place: about it or mentioning it, or about a place
   * under it): one index range per topic, merged here (one query over all of them would sort every tag).
   */
  private taggedArm(places: readonly SearchPlace[], limit: number): SearchCandidate[] {
    const [first, ...others] = places;
    if (!first) return [];
    // Driven by the first place's tags; every other place is an index lookup per tag walked, inside the walk (each
    // place's newest 500 intersected afterwards would miss an older article tagged with all of them).
    const topics = [first.topic, ...first.under];
    const key = `tagged:${topics.length}:${others.length}`;
    let statement = this.searches.get(key);
    if (!statement) {
      const also = others
        .map(
          (_, k) => `AND EXISTS (SELECT 1 FROM article_topics o WHERE o.article_id = article_topics.article_id
             AND o.topic_id IN (SELECT value FROM json_each(@under${k})) AND (o.about = 1 OR o.topic_id = @topic${k}))`,
        )
        .join(" ");
      const ranges = topics.map(
        (_, n) =>
          `SELECT article_id, about FROM (SELECT article_id, about FROM article_topics
             WHERE topic_id = @t${n}${n > 0 ? " AND about = 1" : ""} ${also} ORDER BY article_id DESC LIMIT @limit)`,
      );
      statement = this.db.prepare(`
        SELECT f.id, NULL AS b, a.sort_at, f.about FROM (
          SELECT article_id AS id, max(about) AS about FROM (${ranges.join(" UNION ALL ")})
          GROUP BY article_id ORDER BY article_id DESC LIMIT @limit
        ) f JOIN articles a ON a.id = f.id WHERE ${LIVE}`);
      this.searches.set(key, statement);
    }
    const params: Record<string, unknown> = { limit };
    topics.forEach((t, n) => {
      params[`t${n}`] = t;
    });
    others.forEach((p, k) => {
      params[`topic${k}`] = p.topic;
      params[`under${k}`] = JSON.stringify([p.topic, ...p.under]);
    });
    const rows: SearchCandidate[] = statement
      .all(params)
      .map((r) => ({ id: r.id, bm25: null, sortAt: r.sort_at, about: r.about === 1 }));
    // With several places, one place's tags do not tell the article's relation to the others.
    return others.length > 0 ? rows.map(({ about: _, ...c }) => c) : rows;
  }

  /** For each article among `ids` tagged with one of the places: true when it is about one (or one under it), false when it only mentions one. */
  placeTags(ids: readonly number[], places: readonly SearchPlace[]): Map<number, boolean> {
    if (ids.length === 0 || places.length === 0) return new Map();
    const rows = this.placesAmong.all({
      ids: JSON.stringify(ids),
      under: JSON.stringify(places.flatMap((p) => [p.topic, ...p.under])),
      topics: JSON.stringify(places.map((p) => p.topic)),
    });
    return new Map(rows.flatMap((r) => (r.about === null ? [] : [[r.id, r.about === 1] as const])));
  }

  /** Articles by id, in the order of `ids` (missing ones left out). */
  getMany(ids: readonly number[]): ArticleRecord[] {
    const rows = new Map(this.selectMany.all(JSON.stringify(ids)).map((r) => [r.id, toRecord(r)]));
    return ids.flatMap((id) => rows.get(id) ?? []);
  }

  /** [id, normalized title and body] of the articles afterId < id ≤ throughId (a digest run's, for mutes). */
  searchTextsBetween(afterId: number, throughId: number): [number, string][] {
    return this.textsBetween.all(afterId, throughId) as [number, string][];
  }

  /**
   * [id, normalized text] of the newest `limit` articles that may contain one of the phrases (normalized): every
   * indexable word of a phrase in the search index (its stems, src/text/stem.ts), or for a phrase made only of
   * stop words its text anywhere. A superset of where a phrase matches as words: the caller checks each.
   */
  mayContainAny(phrases: readonly string[], limit: number): [number, string][] {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const indexed: string[] = [];
    for (const phrase of phrases) {
      const stems = phrase.split(" ").flatMap((w) => queryStem(w) ?? []);
      if (stems.length > 0)
        indexed.push(`(${stems.map((t) => `"${t.replaceAll('"', '""')}"`).join(" AND ")})`);
      else {
        clauses.push("a.search_text LIKE ? ESCAPE '\\'");
        params.push(`%${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
    }
    if (indexed.length > 0) {
      clauses.unshift("a.id IN (SELECT rowid FROM articles_search WHERE articles_search MATCH ?)");
      params.unshift(indexed.join(" OR "));
    }
    if (clauses.length === 0) return [];
    // One statement per shape (index or not, how many LIKEs), asked on every /latest page of a chat with mutes.
    const key = `mute:${indexed.length > 0}:${clauses.length}`;
    let statement = this.mutedScans.get(key);
    if (!statement) {
      statement = this.db
        .prepare(
          `SELECT a.id, a.search_text FROM articles a WHERE ${LIVE} AND (${clauses.join(" OR ")}) ORDER BY a.sort_at DESC, a.id DESC LIMIT ?`,
        )
        .raw();
      this.mutedScans.set(key, statement);
    }
    return statement.all(...params, limit) as [number, string][];
  }

  /** Articles ingested since a time, with their text and its normalized copy (for re-tagging). */
  textsSince(ms: number): { id: number; title: string; body: string; searchText: string }[] {
    return this.since
      .all(ms)
      .map((r) => ({ id: r.id, title: r.title, body: r.body, searchText: r.search_text }));
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  /** Articles (not deleted) published since `ms`: their publication time, else when they arrived. */
  countPublishedSince(ms: number): number {
    return (
      this.db
        .prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM articles WHERE sort_at >= ? AND deleted_at IS NULL",
        )
        .get(ms)?.n ?? 0
    );
  }

  /** Articles not deleted by an editor. */
  countLive(): number {
    return (
      this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL").get()
        ?.n ?? 0
    );
  }

  countIngestedSince(ms: number): number {
    return this.countSince.get(ms)?.n ?? 0;
  }

  /** Runs `fn` in one transaction (a file is imported whole or not at all). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
