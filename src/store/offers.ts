// Every editor's copy of a breaking-item offer (bot/breaking-offers.ts): which message of which staff chat shows
// which items, so that «Ignore» in one copy clears the item in all of them.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

/** One item of one copy, as the copy shows it. */
export interface OfferItemRow {
  articleId: number;
  title: string;
  /** The name of the editor who ignored it; null while it is still offered. */
  ignoredBy: string | null;
}

/** One copy of an offer: the chat's message, the feed it named, how many items the poll brought, its items. */
export interface OfferCopy {
  chatId: number;
  messageId: number;
  feed: string;
  total: number;
  items: OfferItemRow[];
}

export class OfferStore {
  private readonly insert: Database.Statement<Record<string, unknown>>;
  private readonly markIgnored: Database.Statement<[string, number], { chat_id: number; message_id: number }>;
  private readonly selectCopy: Database.Statement<
    [number, number],
    { feed: string; total: number; article_id: number; title: string; ignored_by: string | null }
  >;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO breaking_offers (chat_id, message_id, feed, article_id, position, total, sent_at)
      VALUES (@chatId, @messageId, @feed, @articleId, @position, @total, @now)
      ON CONFLICT DO NOTHING`);
    this.markIgnored = db.prepare(`
      UPDATE breaking_offers SET ignored_by = ? WHERE article_id = ? AND ignored_by IS NULL
      RETURNING chat_id, message_id`);
    this.selectCopy = db.prepare(`
      SELECT o.feed, o.total, o.article_id, a.title, o.ignored_by
      FROM breaking_offers o JOIN articles a ON a.id = o.article_id
      WHERE o.chat_id = ? AND o.message_id = ?
      ORDER BY o.position`);
  }

  /** Remembers one copy sent: its chat and message, and the items it shows in order. */
  record(copy: {
    chatId: number;
    messageId: number;
    feed: string;
    total: number;
    articleIds: readonly number[];
  }): void {
    const now = this.clock();
    this.db.transaction(() => {
      copy.articleIds.forEach((articleId, position) => {
        this.insert.run({ ...copy, articleId, position, now });
      });
    })();
  }

  /** Marks an item ignored in every copy that still offers it; the copies it was in (none: ignored already). */
  ignore(articleId: number, by: string): { chatId: number; messageId: number }[] {
    return this.markIgnored.all(by, articleId).map((r) => ({ chatId: r.chat_id, messageId: r.message_id }));
  }

  /** A copy as stored; undefined when that message is no offer the store knows. */
  copy(chatId: number, messageId: number): OfferCopy | undefined {
    const rows = this.selectCopy.all(chatId, messageId);
    const [first] = rows;
    if (!first) return undefined;
    return {
      chatId,
      messageId,
      feed: first.feed,
      total: first.total,
      items: rows.map((r) => ({ articleId: r.article_id, title: r.title, ignoredBy: r.ignored_by })),
    };
  }
}
