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
  private readonly byKind: Database.Statement<[], { type: string; active: number; n: number }>;
  private readonly chatsOf: Database.Statement<
    [string],
    { type: string; active: number; created_at: number }
  >;
  private readonly sentBetween: Database.Statement<[number, number], { n: number }>;
  private readonly failedBetween: Database.Statement<[number, number], { n: number }>;
  private readonly chatsBetween: Database.Statement<[number, number], { n: number }>;
  private readonly chatsSince: Database.Statement<[number], { n: number }>;

  constructor(db: Db) {
    // Kept by triggers (chat_kinds, migration 36), the staff's own chats then taken off: a few rows to read, not a
    // million chats to count while a broadcast goes on.
    this.byKind = db.prepare("SELECT type, active, n FROM chat_kinds WHERE n <> 0");
    // `?`: a JSON array of chat ids not counted (the newsroom's staff, whose private chats are no readers).
    this.chatsOf = db.prepare(
      "SELECT type, active, created_at FROM chats WHERE id IN (SELECT value FROM json_each(?))",
    );
    // Alerts and digests, as /stats words them: notices and direct messages (role changes, retired places, tips,
    // offers to the editors) are not counted. Over the indexes (sent_at, purpose) and (failed_at, purpose): a
    // day of a million copies is counted in the index, not row by row (migration 36).
    this.sentBetween = db.prepare(
      "SELECT count(*) AS n FROM outbox WHERE sent_at IS NOT NULL AND sent_at >= ? AND sent_at < ? AND purpose IN ('alert', 'digest')",
    );
    this.failedBetween = db.prepare(
      "SELECT count(*) AS n FROM outbox WHERE failed_at IS NOT NULL AND failed_at >= ? AND failed_at < ? AND purpose IN ('alert', 'digest')",
    );
    this.chatsBetween = db.prepare(
      "SELECT count(*) AS n FROM chats WHERE created_at >= ? AND created_at < ?",
    );
    this.chatsSince = db.prepare("SELECT count(*) AS n FROM chats WHERE created_at >= ?");
  }

  /** Chats by kind, active or not, leaving out the chats of `excluded` ids (staff). */
  readers(excluded: readonly number[] = []): ReaderCounts {
    return this.census(excluded).readers;
  }

  /** `readers`, and how many chats there are, the excluded included. */
  census(excluded: readonly number[] = []): { readers: ReaderCounts; chats: number } {
    const counts: ReaderCounts = {
      private: { active: 0, inactive: 0 },
      groups: { active: 0, inactive: 0 },
      channels: { active: 0, inactive: 0 },
    };
    const add = (row: { type: string; active: number }, n: number) => {
      const kind =
        row.type === "private" ? counts.private : row.type === "channel" ? counts.channels : counts.groups;
      if (row.active === 1) kind.active += n;
      else kind.inactive += n;
    };
    let chats = 0;
    for (const row of this.byKind.all()) {
      add(row, row.n);
      chats += row.n;
    }
    for (const row of this.staffChats(excluded)) add(row, -1);
    return { readers: counts, chats };
  }

  private staffChats(excluded: readonly number[]) {
    return excluded.length === 0 ? [] : this.chatsOf.all(JSON.stringify(excluded));
  }

  /** Outbox messages sent and failed for good in [from, to). */
  deliveries(from: number, to: number): { sent: number; failed: number } {
    return {
      sent: this.sentBetween.get(from, to)?.n ?? 0,
      failed: this.failedBetween.get(from, to)?.n ?? 0,
    };
  }

  /**
   * For each of `ends` (increasing), the chats known before it that are still stored, leaving out `excluded`;
   * `total` is the count of those chats now. Chats deleted by /stop are gone from every day, so this is a lower
   * bound of the history, exact for today. The chats created since each end are taken off, counted a day's
   * range at a time: the work is the chats created in those days, not every chat once per day (a million chats:
   * 30 × 60 ms before).
   */
  readersBeforeEach(ends: readonly number[], total: number, excluded: readonly number[] = []): number[] {
    const last = ends[ends.length - 1];
    if (last === undefined) return [];
    const staff = this.staffChats(excluded).map((c) => c.created_at);
    const staffIn = (from: number, to = Number.POSITIVE_INFINITY) =>
      staff.filter((at) => at >= from && at < to).length;
    let later = (this.chatsSince.get(last)?.n ?? 0) - staffIn(last);
    const out = new Array<number>(ends.length);
    for (let i = ends.length - 1; i >= 0; i--) {
      out[i] = total - later;
      const from = ends[i - 1];
      const to = ends[i] as number;
      if (from !== undefined) later += (this.chatsBetween.get(from, to)?.n ?? 0) - staffIn(from, to);
    }
    return out;
  }
}
