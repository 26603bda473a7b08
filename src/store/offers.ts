// Every editor's copy of a breaking-item offer (bot/breaking-offers.ts): which staff chat got which items under
// which outbox ref, so that «Ignore» in one copy clears the item in all of them.
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

/** One copy of an offer: the chat, the outbox ref it went under, the feed it named, the poll's count, its items. */
export interface OfferCopy {
  chatId: number;
  ref: string;
  feed: string;
  total: number;
  items: OfferItemRow[];
}

/** One editor's copy of an offer as it is enqueued: the items it shows, in order. */
export interface NewOfferCopy {
  chatId: number;
  ref: string;
  feed: string;
  total: number;
  articleIds: readonly number[];
}

export class OfferStore {
  private readonly insert: Database.Statement<Record<string, unknown>>;
  private readonly markIgnored: Database.Statement<[string, number], { chat_id: number; ref: string }>;
  private readonly selectCopy: Database.Statement<
    [number, string],
    { feed: string; total: number; article_id: number; title: string; ignored_by: string | null }
  >;
  private readonly selectRef: Database.Statement<[number, number], { ref: string }>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO breaking_offers (chat_id, ref, feed, article_id, position, total, sent_at)
      VALUES (@chatId, @ref, @feed, @articleId, @position, @total, @now)
      ON CONFLICT DO NOTHING`);
    this.markIgnored = db.prepare(`
      UPDATE breaking_offers SET ignored_by = ? WHERE article_id = ? AND ignored_by IS NULL
      RETURNING chat_id, ref`);
    this.selectCopy = db.prepare(`
      SELECT o.feed, o.total, o.article_id, a.title, o.ignored_by
      FROM breaking_offers o JOIN articles a ON a.id = o.article_id
      WHERE o.chat_id = ? AND o.ref = ?
      ORDER BY o.position`);
    this.selectRef = db.prepare(
      "SELECT ref FROM breaking_offers WHERE chat_id = ? AND article_id = ? ORDER BY sent_at DESC LIMIT 1",
    );
  }

  /** Remembers the copies of one offer: for each chat, the items it shows in order. */
  record(copies: readonly NewOfferCopy[]): void {
    const now = this.clock();
    this.db.transaction(() => {
      for (const copy of copies)
        copy.articleIds.forEach((articleId, position) => {
          this.insert.run({ ...copy, articleId, position, now });
        });
    })();
  }

  /** Marks an item ignored in every copy that still offers it; the copies it was in (none: ignored already). */
  ignore(articleId: number, by: string): { chatId: number; ref: string }[] {
    return this.markIgnored.all(by, articleId).map((r) => ({ chatId: r.chat_id, ref: r.ref }));
  }

  /** The ref of the copy of an offer that showed this item in this chat (the newest), if any. */
  refOf(chatId: number, articleId: number): string | undefined {
    return this.selectRef.get(chatId, articleId)?.ref;
  }

  /** A copy as stored; undefined when the store knows no such copy. */
  copy(chatId: number, ref: string): OfferCopy | undefined {
    const rows = this.selectCopy.all(chatId, ref);
    const [first] = rows;
    if (!first) return undefined;
    return {
      chatId,
      ref,
      feed: first.feed,
      total: first.total,
      items: rows.map((r) => ({ articleId: r.article_id, title: r.title, ignoredBy: r.ignored_by })),
    };
  }
}
