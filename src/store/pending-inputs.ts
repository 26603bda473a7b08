// What the bot waits for a person to type in a chat (migration 34): one row a chat, person and kind, with its
// payload (JSON) and when it stops waiting. The kinds and their payloads are src/readers/pending-inputs.ts's.
import type Database from "better-sqlite3";
import type { Db } from "./db";

export interface PendingInputRow {
  payload: string;
  expiresAt: number;
}

export class PendingInputStore {
  private readonly upsert: Database.Statement<[number, number, string, string, number]>;
  private readonly get: Database.Statement<[number, number, string], { payload: string; expires_at: number }>;
  private readonly remove: Database.Statement<[number, number, string]>;
  private readonly purge: Database.Statement<[number]>;

  constructor(db: Db) {
    this.upsert = db.prepare(`
      INSERT INTO pending_inputs (chat_id, user_id, kind, payload, expires_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (chat_id, user_id, kind) DO UPDATE SET payload = excluded.payload, expires_at = excluded.expires_at`);
    this.get = db.prepare(
      "SELECT payload, expires_at FROM pending_inputs WHERE chat_id = ? AND user_id = ? AND kind = ?",
    );
    this.remove = db.prepare("DELETE FROM pending_inputs WHERE chat_id = ? AND user_id = ? AND kind = ?");
    this.purge = db.prepare("DELETE FROM pending_inputs WHERE expires_at <= ?");
  }

  /** Starts (or starts again) a wait, replacing the one of that kind. */
  set(chatId: number, userId: number, kind: string, payload: string, expiresAt: number): void {
    this.upsert.run(chatId, userId, kind, payload, expiresAt);
  }

  /** The wait as stored, expired or not. */
  find(chatId: number, userId: number, kind: string): PendingInputRow | undefined {
    const row = this.get.get(chatId, userId, kind);
    return row && { payload: row.payload, expiresAt: row.expires_at };
  }

  /** Ends a wait; false when there was none. */
  delete(chatId: number, userId: number, kind: string): boolean {
    return this.remove.run(chatId, userId, kind).changes === 1;
  }

  /** Removes every wait that expired at or before `now`; how many. */
  deleteExpired(now: number): number {
    return this.purge.run(now).changes;
  }
}
