// Counts for /stats and `cli stats`: readers by kind of chat, deliveries in a period, growth over time.
import type Database from "better-sqlite3";
import type { Db } from "./db";

/** Active and inactive (blocked the bot, removed it) chats of one kind. */
export interface ActiveCounts {
  active: number;
  inactive: number;
}

/** Readers by kind: people in private chats, groups (and supergroups), channels. */
export interface ReaderCounts {
  private: ActiveCounts;
  groups: ActiveCounts;
  channels: ActiveCounts;
}

export class StatsStore {
  private readonly byKind: Database.Statement<[string], { type: string; active: number; n: number }>;
  private readonly sentBetween: Database.Statement<[number, number], { n: number }>;
  private readonly failedBetween: Database.Statement<[number, number], { n: number }>;
  private readonly chatsBefore: Database.Statement<[number, string], { n: number }>;

  constructor(db: Db) {
    // `?`: a JSON array of chat ids not counted (the newsroom's staff, whose private chats are no readers).
    this.byKind = db.prepare(
      "SELECT type, active, count(*) AS n FROM chats WHERE id NOT IN (SELECT value FROM json_each(?)) GROUP BY type, active",
    );
    // Alerts and digests, as /stats words them: notices (role changes, retired places, tips) are not counted.
    this.sentBetween = db.prepare(
      "SELECT count(*) AS n FROM outbox WHERE sent_at IS NOT NULL AND sent_at >= ? AND sent_at < ? AND purpose <> 'notice'",
    );
    this.failedBetween = db.prepare(
      "SELECT count(*) AS n FROM outbox WHERE failed_at IS NOT NULL AND failed_at >= ? AND failed_at < ? AND purpose <> 'notice'",
    );
    this.chatsBefore = db.prepare(
      "SELECT count(*) AS n FROM chats WHERE created_at < ? AND id NOT IN (SELECT value FROM json_each(?))",
    );
  }

  /** Chats by kind, active or not, leaving out the chats of `excluded` ids (staff). */
  readers(excluded: readonly number[] = []): ReaderCounts {
    const counts: ReaderCounts = {
      private: { active: 0, inactive: 0 },
      groups: { active: 0, inactive: 0 },
      channels: { active: 0, inactive: 0 },
    };
    for (const row of this.byKind.all(JSON.stringify(excluded))) {
      const kind =
        row.type === "private" ? counts.private : row.type === "channel" ? counts.channels : counts.groups;
      if (row.active === 1) kind.active += row.n;
      else kind.inactive += row.n;
    }
    return counts;
  }

  /** Outbox messages sent and failed for good in [from, to). */
  deliveries(from: number, to: number): { sent: number; failed: number } {
    return {
      sent: this.sentBetween.get(from, to)?.n ?? 0,
      failed: this.failedBetween.get(from, to)?.n ?? 0,
    };
  }

  /**
   * Chats known before `at` that are still stored. Chats deleted by /stop are gone from every day, so
   * this is a lower bound of the history, exact for today.
   */
  readersBefore(at: number, excluded: readonly number[] = []): number {
    return this.chatsBefore.get(at, JSON.stringify(excluded))?.n ?? 0;
  }
}
