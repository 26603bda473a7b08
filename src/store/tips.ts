// Readers' tips to the newsroom (migration 29): the reader's message they point to, whether the reader chose to be
// named, and what the editors did with it. The rules (rate limit, who receives it) are src/tips/service.ts's.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

export type TipStatus = "draft" | "sent" | "dismissed" | "posted" | "cancelled";

/** What a tip holds: a text, a photo, a video, a place, a voice note, a file, or a message forwarded from elsewhere. */
export type TipKind = "text" | "photo" | "video" | "location" | "voice" | "document" | "forward";

export interface TipRecord {
  id: number;
  /** The reader's private chat. */
  chatId: number;
  userId: number;
  /** The reader's own message, which the editors' copy is made of. */
  messageId: number;
  kind: TipKind;
  /** Its text or caption. */
  text: string;
  /** Where a forwarded message came from (a channel's title), when Telegram says. */
  origin: string | null;
  /** The reader's name as Telegram gave it; shown to editors only when `named`. */
  sender: string;
  named: boolean;
  status: TipStatus;
  createdAt: number;
  sentAt: number | null;
  handledBy: number | null;
  replies: number;
  articleId: number | null;
}

export type NewTip = Pick<
  TipRecord,
  "chatId" | "userId" | "messageId" | "kind" | "text" | "origin" | "sender"
>;

interface TipRow {
  id: number;
  chat_id: number;
  user_id: number;
  message_id: number;
  kind: TipKind;
  text: string;
  origin: string | null;
  sender: string;
  named: number;
  status: TipStatus;
  created_at: number;
  sent_at: number | null;
  handled_by: number | null;
  replies: number;
  article_id: number | null;
}

const toRecord = (r: TipRow): TipRecord => ({
  id: r.id,
  chatId: r.chat_id,
  userId: r.user_id,
  messageId: r.message_id,
  kind: r.kind,
  text: r.text,
  origin: r.origin,
  sender: r.sender,
  named: r.named === 1,
  status: r.status,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  handledBy: r.handled_by,
  replies: r.replies,
  articleId: r.article_id,
});

export class TipStore {
  private readonly insert: Database.Statement<NewTip & { now: number }>;
  private readonly get: Database.Statement<[number], TipRow>;
  private readonly markSent: Database.Statement<[number, number, number]>;
  private readonly setStatus: Database.Statement<[TipStatus, number | null, number, number, TipStatus]>;
  private readonly setPosted: Database.Statement<[number, number, number, number]>;
  private readonly addReply: Database.Statement<[number]>;
  private readonly sentSince: Database.Statement<[number, number], { n: number; first: number | null }>;
  private readonly open: Database.Statement<[number], TipRow>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO tips (chat_id, user_id, message_id, kind, text, origin, sender, created_at)
      VALUES (@chatId, @userId, @messageId, @kind, @text, @origin, @sender, @now)`);
    this.get = db.prepare("SELECT * FROM tips WHERE id = ?");
    this.markSent = db.prepare(
      "UPDATE tips SET status = 'sent', named = ?, sent_at = ? WHERE id = ? AND status = 'draft'",
    );
    this.setStatus = db.prepare(
      "UPDATE tips SET status = ?, handled_by = ?, handled_at = ? WHERE id = ? AND status = ?",
    );
    this.setPosted = db.prepare(
      "UPDATE tips SET status = 'posted', article_id = ?, handled_by = ?, handled_at = ? WHERE id = ? AND status IN ('sent', 'dismissed')",
    );
    this.addReply = db.prepare("UPDATE tips SET replies = replies + 1 WHERE id = ?");
    this.open = db.prepare("SELECT * FROM tips WHERE status = 'sent' ORDER BY id DESC LIMIT ?");
    this.sentSince = db.prepare(
      "SELECT count(*) AS n, min(sent_at) AS first FROM tips WHERE user_id = ? AND sent_at IS NOT NULL AND sent_at > ?",
    );
  }

  /** A draft, waiting for the reader's confirmation. */
  add(tip: NewTip): TipRecord {
    const id = Number(this.insert.run({ ...tip, now: this.clock() }).lastInsertRowid);
    return this.find(id) as TipRecord;
  }

  find(id: number): TipRecord | undefined {
    const row = this.get.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** The reader confirmed: the draft is sent (false when it was not a draft any more: a second tap). */
  send(id: number, named: boolean): boolean {
    return this.markSent.run(named ? 1 : 0, this.clock(), id).changes === 1;
  }

  /** Moves a tip from one status to another; false when it was not in `from` (someone was first). */
  move(id: number, from: TipStatus, to: TipStatus, by: number | null): boolean {
    return this.setStatus.run(to, by, this.clock(), id, from).changes === 1;
  }

  /** An editor made an article of the tip. */
  posted(id: number, articleId: number, by: number): boolean {
    return this.setPosted.run(articleId, by, this.clock(), id).changes === 1;
  }

  /** An editor replied to the reader through the bot. */
  replied(id: number): void {
    this.addReply.run(id);
  }

  /** The newest tips sent and neither dismissed nor made into an article. */
  waiting(limit: number): TipRecord[] {
    return this.open.all(limit).map(toRecord);
  }

  /** How many tips a reader sent after `since`, and when the first of them was sent. */
  sentAfter(userId: number, since: number): { count: number; first: number | null } {
    const row = this.sentSince.get(userId, since);
    return { count: row?.n ?? 0, first: row?.first ?? null };
  }
}
