// Topics and their aliases. The built-in catalog is seeded from data; admins add more at run time.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { ChatType, Language } from "../domain";
import type { AliasStrength } from "../text/matcher";
import { hasArabic } from "../text/normalize";
import type { Db } from "./db";

/** A topic as stored. */
export interface TopicRecord {
  id: number;
  slug: string;
  parentId: number | null;
  kind: string;
  nameAr: string;
  nameEn: string;
  position: number;
  builtin: boolean;
  /** When an admin retired it (/retiretopic): kept for its articles, gone from lookup, the picker and tagging. */
  retiredAt: number | null;
}

/** An active chat that followed a retired topic, with what its notice needs (read before its row went). */
export interface RetiredFollower {
  chatId: number;
  type: ChatType;
  language: Language | null;
  clientLanguage: Language | null;
  /** Of the topic and the places above it (`path`), those the chat follows other than the topic, and excepts. */
  subscribed: number[];
  excepted: number[];
}

/** What retiring a topic did: the active chats that followed it (told once), and how many rows went. */
export interface RetiredTopic {
  followers: RetiredFollower[];
  /** Subscription rows removed (inactive chats' included). */
  removed: number;
}

interface RetiredFollowerRow {
  chatId: number;
  type: ChatType;
  language: Language | null;
  clientLanguage: Language | null;
  subscribed: string | null;
  excepted: string | null;
}

const idsOf = (list: string | null): number[] => (list === null ? [] : list.split(",").map(Number));

/** An alias as stored, with its topic's slug. */
export interface AliasRecord {
  topicId: number;
  alias: string;
  lang: Language;
  strength: AliasStrength;
}

/** A built-in topic to seed: its row, parent by slug, and every alias (its names included). */
export interface SeedTopic {
  slug: string;
  parent: string | null;
  kind: string;
  nameAr: string;
  nameEn: string;
  aliases: { alias: string; lang: Language; strength: AliasStrength }[];
}

interface TopicRow {
  id: number;
  slug: string;
  parent_id: number | null;
  kind: string;
  name_ar: string;
  name_en: string;
  position: number;
  builtin: number;
  retired_at: number | null;
}

/** What an admin gives to create a topic. */
export interface NewTopic {
  slug: string;
  nameAr: string;
  nameEn: string;
  parentId: number | null;
  kind?: string;
}

export class TopicStore {
  private readonly selectTopics: Database.Statement<[], TopicRow>;
  private readonly selectAliases: Database.Statement<
    [],
    { topic_id: number; alias: string; lang: Language; strength: AliasStrength }
  >;
  private readonly insertTopic: Database.Statement<Record<string, unknown>>;
  private readonly upsertBuiltin: Database.Statement<Record<string, unknown>>;
  private readonly insertAlias: Database.Statement<Record<string, unknown>>;
  private readonly readMeta: Database.Statement<[string], { value: string }>;
  private readonly writeMeta: Database.Statement<[string, string]>;
  private readonly bumpRevision: Database.Statement<[]>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.selectTopics = db.prepare("SELECT * FROM topics ORDER BY position, id");
    this.selectAliases = db.prepare("SELECT topic_id, alias, lang, strength FROM topic_aliases ORDER BY id");
    this.insertTopic = db.prepare(`
      INSERT INTO topics (slug, parent_id, kind, name_ar, name_en, position, builtin, created_at)
      VALUES (@slug, @parentId, @kind, @nameAr, @nameEn,
              (SELECT coalesce(max(position), 0) + 1 FROM topics), 0, @now)`);
    this.upsertBuiltin = db.prepare(`
      INSERT INTO topics (slug, parent_id, kind, name_ar, name_en, position, builtin, created_at)
      VALUES (@slug, (SELECT id FROM topics WHERE slug = @parent), @kind, @nameAr, @nameEn, @position, 1, @now)
      ON CONFLICT (slug) DO UPDATE SET
        parent_id = excluded.parent_id, kind = excluded.kind,
        name_ar = CASE WHEN topics.renamed_at IS NULL THEN excluded.name_ar ELSE topics.name_ar END,
        name_en = CASE WHEN topics.renamed_at IS NULL THEN excluded.name_en ELSE topics.name_en END,
        position = excluded.position, builtin = 1`);
    this.insertAlias = db.prepare(`
      INSERT INTO topic_aliases (topic_id, alias, lang, strength, builtin)
      VALUES (@topicId, @alias, @lang, @strength, @builtin)
      ON CONFLICT (topic_id, alias, strength) DO NOTHING`);
    this.readMeta = db.prepare("SELECT value FROM meta WHERE key = ?");
    this.writeMeta = db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.bumpRevision = db.prepare(`
      INSERT INTO meta (key, value) VALUES ('topics_revision', '1')
      ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`);
  }

  /** Every topic, in catalog order (admins' topics after the built-in ones). */
  all(): TopicRecord[] {
    return this.selectTopics.all().map((r) => ({
      id: r.id,
      slug: r.slug,
      parentId: r.parent_id,
      kind: r.kind,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      position: r.position,
      builtin: r.builtin === 1,
      retiredAt: r.retired_at,
    }));
  }

  /** Every alias of every topic. */
  aliases(): AliasRecord[] {
    return this.selectAliases
      .all()
      .map((r) => ({ topicId: r.topic_id, alias: r.alias, lang: r.lang, strength: r.strength }));
  }

  /**
   * A number that changes whenever topics or aliases change, in this process or another one
   * (the CLI, a second bot process): readers of the catalog rebuild their index when it moves.
   */
  revision(): string {
    return this.readMeta.get("topics_revision")?.value ?? "0";
  }

  /**
   * Brings the built-in topics into the database, in their order (a parent before its children): new topics
   * and aliases are added, names and parents of built-in topics follow them; nothing an admin added is
   * removed. Skipped when `hash` (of the catalog they come from) is the one seeded last.
   */
  seed(hash: string, topics: SeedTopic[]): boolean {
    if (this.readMeta.get("catalog_hash")?.value === hash) return false;
    this.db.transaction(() => {
      const now = this.clock();
      topics.forEach(({ aliases: _, ...topic }, position) => {
        this.upsertBuiltin.run({ ...topic, position, now });
      });
      const ids = new Map(this.all().map((t) => [t.slug, t.id]));
      for (const t of topics) {
        const topicId = ids.get(t.slug);
        for (const a of t.aliases) this.insertAlias.run({ topicId, ...a, builtin: 1 });
      }
      this.writeMeta.run("catalog_hash", hash);
      this.bumpRevision.run();
    })();
    return true;
  }

  /** Creates an admin's topic, with its names as aliases; returns its id. */
  create(topic: NewTopic): number {
    return this.db.transaction(() => {
      const id = Number(
        this.insertTopic.run({
          slug: topic.slug,
          parentId: topic.parentId,
          kind: topic.kind ?? "topic",
          nameAr: topic.nameAr,
          nameEn: topic.nameEn,
          now: this.clock(),
        }).lastInsertRowid,
      );
      this.insertAlias.run({ topicId: id, alias: topic.nameAr, lang: "ar", strength: "strong", builtin: 0 });
      this.insertAlias.run({ topicId: id, alias: topic.nameEn, lang: "en", strength: "strong", builtin: 0 });
      this.bumpRevision.run();
      return id;
    })();
  }

  /** A topic's aliases with their row ids (what a button carries) and whether the catalog brought them. */
  aliasRows(topicId: number): { id: number; alias: string; builtin: boolean }[] {
    return this.db
      .prepare<[number], { id: number; alias: string; builtin: number }>(
        "SELECT id, alias, builtin FROM topic_aliases WHERE topic_id = ? ORDER BY id",
      )
      .all(topicId)
      .map((r) => ({ id: r.id, alias: r.alias, builtin: r.builtin === 1 }));
  }

  /** Removes an alias an admin added (never one of the catalog's); false when there was none. */
  removeAlias(aliasId: number): boolean {
    return this.db.transaction(() => {
      const removed =
        this.db.prepare("DELETE FROM topic_aliases WHERE id = ? AND builtin = 0").run(aliasId).changes > 0;
      if (removed) this.bumpRevision.run();
      return removed;
    })();
  }

  /** Gives a topic new names (its old ones stay as aliases; the catalog's seed keeps the new ones). */
  rename(topicId: number, nameAr: string, nameEn: string): void {
    this.db.transaction(() => {
      this.db
        .prepare("UPDATE topics SET name_ar = ?, name_en = ?, renamed_at = ? WHERE id = ?")
        .run(nameAr, nameEn, this.clock(), topicId);
      this.insertAlias.run({ topicId, alias: nameAr, lang: "ar", strength: "strong", builtin: 0 });
      this.insertAlias.run({ topicId, alias: nameEn, lang: "en", strength: "strong", builtin: 0 });
      this.bumpRevision.run();
    })();
  }

  /** Adds an alias to a topic; false when it was already there. */
  addAlias(topicId: number, alias: string, strength: AliasStrength = "strong"): boolean {
    return this.db.transaction(() => {
      const lang = hasArabic(alias) ? "ar" : "en";
      const added = this.insertAlias.run({ topicId, alias, lang, strength, builtin: 0 }).changes > 0;
      if (added) this.bumpRevision.run();
      return added;
    })();
  }

  /** How many active chats follow a topic, and how many live articles are about it (/retiretopic's question). */
  usage(topicId: number): { followers: number; articles: number } {
    const followers = this.db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM subscriptions s JOIN chats c ON c.id = s.chat_id
         WHERE s.topic_id = ? AND c.active = 1`,
      )
      .get(topicId)?.n;
    const articles = this.db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM article_topics t JOIN articles a ON a.id = t.article_id
         WHERE t.topic_id = ? AND t.about = 1 AND a.deleted_at IS NULL`,
      )
      .get(topicId)?.n;
    return { followers: followers ?? 0, articles: articles ?? 0 };
  }

  /**
   * Retires a topic: marked retired and its followers' rows removed, in one transaction (the caller may add to it:
   * TopicService.retire). The active followers come back with their language, type, and which places of `path` (the
   * topic, then the places above it) they follow or except, read in one query before their rows go. Exceptions that
   * name it stay: they only keep news away (its pending and old articles, through a followed place above). Its
   * articles keep their tags; its aliases stay stored, and the index leaves them out of lookup and tagging (it only
   * answers a reader who types one that the place is retired). Undefined when it was retired already (or does not
   * exist).
   */
  retire(topicId: number, path: readonly number[] = [topicId]): RetiredTopic | undefined {
    return this.db.transaction((): RetiredTopic | undefined => {
      const marked = this.db
        .prepare("UPDATE topics SET retired_at = ? WHERE id = ? AND retired_at IS NULL")
        .run(this.clock(), topicId).changes;
      if (marked === 0) return undefined;
      const followers = this.db
        .prepare<{ topic: number; path: string }, RetiredFollowerRow>(
          `SELECT c.id AS chatId, c.type, c.language, c.client_language AS clientLanguage,
             (SELECT group_concat(x.topic_id) FROM subscriptions x
              WHERE x.chat_id = c.id AND x.topic_id != @topic AND x.topic_id IN (SELECT value FROM json_each(@path)))
               AS subscribed,
             (SELECT group_concat(e.topic_id) FROM subscription_exceptions e
              WHERE e.chat_id = c.id AND e.topic_id IN (SELECT value FROM json_each(@path))) AS excepted
           FROM subscriptions s JOIN chats c ON c.id = s.chat_id
           WHERE s.topic_id = @topic AND c.active = 1
           ORDER BY c.id`,
        )
        .all({ topic: topicId, path: JSON.stringify(path) })
        .map((r) => ({ ...r, subscribed: idsOf(r.subscribed), excepted: idsOf(r.excepted) }));
      const removed = this.db.prepare("DELETE FROM subscriptions WHERE topic_id = ?").run(topicId).changes;
      this.bumpRevision.run();
      return { followers, removed };
    })();
  }
}
