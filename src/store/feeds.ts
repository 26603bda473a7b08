// RSS/Atom feeds and their polling state (conditional-GET validators, failures, backoff).
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

/** Why a feed's last read failed, as data: the bot words each kind in the editor's language. */
export const FEED_ERROR_KINDS = [
  "timeout",
  "http",
  "not-a-feed",
  "too-large",
  "network",
  "redirects",
  "bad-url",
  "not-public",
  "aborted",
  "parse-timeout",
  "parse-failed",
  "other",
] as const;
export type FeedErrorKind = (typeof FEED_ERROR_KINDS)[number];

/** A failed read: its kind, the HTTP status when the site answered, and one English line for the logs. */
export interface FeedFailure {
  kind: FeedErrorKind;
  status: number | null;
  message: string;
}

const isKind = (kind: string | null): kind is FeedErrorKind =>
  (FEED_ERROR_KINDS as readonly (string | null)[]).includes(kind);

/** A feed as stored. */
export interface FeedRecord {
  id: number;
  url: string;
  title: string | null;
  autoAlert: boolean;
  addedBy: number | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: number | null;
  lastSuccessAt: number | null;
  lastError: FeedFailure | null;
  lastErrorAt: number | null;
  failures: number;
  nextPollAt: number;
  itemsAdded: number;
  createdAt: number;
}

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  auto_alert: number;
  added_by: number | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_kind: string | null;
  last_error_status: number | null;
  last_error_at: number | null;
  failures: number;
  next_poll_at: number;
  items_added: number;
  created_at: number;
}

const toRecord = (r: FeedRow): FeedRecord => ({
  id: r.id,
  url: r.url,
  title: r.title,
  autoAlert: r.auto_alert === 1,
  addedBy: r.added_by,
  etag: r.etag,
  lastModified: r.last_modified,
  lastPolledAt: r.last_polled_at,
  lastSuccessAt: r.last_success_at,
  lastError:
    r.last_error === null
      ? null
      : {
          kind: isKind(r.last_error_kind) ? r.last_error_kind : "other",
          status: r.last_error_status,
          message: r.last_error,
        },
  lastErrorAt: r.last_error_at,
  failures: r.failures,
  nextPollAt: r.next_poll_at,
  itemsAdded: r.items_added,
  createdAt: r.created_at,
});

export class FeedStore {
  private readonly insert: Database.Statement<Record<string, unknown>>;
  private readonly selectAll: Database.Statement<[], FeedRow>;
  private readonly selectOne: Database.Statement<[number], FeedRow>;
  private readonly selectByUrl: Database.Statement<[string], FeedRow>;
  private readonly selectDue: Database.Statement<[number], FeedRow>;
  private readonly remove: Database.Statement<[number]>;
  private readonly success: Database.Statement<Record<string, unknown>>;
  private readonly failure: Database.Statement<Record<string, unknown>>;
  private readonly setAutoAlert: Database.Statement<[number, number]>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO feeds (url, title, auto_alert, added_by, created_at, next_poll_at)
      VALUES (@url, @title, @autoAlert, @addedBy, @now, @now)`);
    this.selectAll = db.prepare("SELECT * FROM feeds ORDER BY id");
    this.selectOne = db.prepare("SELECT * FROM feeds WHERE id = ?");
    this.selectByUrl = db.prepare("SELECT * FROM feeds WHERE url = ?");
    this.selectDue = db.prepare("SELECT * FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id");
    this.remove = db.prepare("DELETE FROM feeds WHERE id = ?");
    this.success = db.prepare(`
      UPDATE feeds SET title = coalesce(@title, title), etag = @etag, last_modified = @lastModified,
        last_polled_at = @now, last_success_at = @now, failures = 0, next_poll_at = @nextPollAt,
        items_added = items_added + @added
      WHERE id = @id`);
    this.failure = db.prepare(`
      UPDATE feeds SET last_polled_at = @now, last_error = @message, last_error_kind = @kind,
        last_error_status = @status, last_error_at = @now,
        failures = failures + 1, next_poll_at = @nextPollAt
      WHERE id = @id`);
    this.setAutoAlert = db.prepare("UPDATE feeds SET auto_alert = ? WHERE id = ?");
  }

  /** Adds a feed (due for polling at once); returns it, or the existing one with the same URL. */
  add(
    url: string,
    options: { title?: string | null; autoAlert?: boolean; addedBy?: number | null } = {},
  ): {
    feed: FeedRecord;
    created: boolean;
  } {
    const existing = this.selectByUrl.get(url);
    if (existing) return { feed: toRecord(existing), created: false };
    const id = Number(
      this.insert.run({
        url,
        title: options.title ?? null,
        autoAlert: options.autoAlert ? 1 : 0,
        addedBy: options.addedBy ?? null,
        now: this.clock(),
      }).lastInsertRowid,
    );
    return { feed: this.find(id) as FeedRecord, created: true };
  }

  all(): FeedRecord[] {
    return this.selectAll.all().map(toRecord);
  }

  find(id: number): FeedRecord | undefined {
    const row = this.selectOne.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** Feeds whose next poll time has come, most overdue first. */
  due(now: number): FeedRecord[] {
    return this.selectDue.all(now).map(toRecord);
  }

  /** Removes a feed; its articles stay. False when there was no such feed. */
  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }

  autoAlert(id: number, on: boolean): void {
    this.setAutoAlert.run(on ? 1 : 0, id);
  }

  recordSuccess(
    id: number,
    result: {
      title?: string | null;
      etag: string | null;
      lastModified: string | null;
      added: number;
      nextPollAt: number;
    },
  ): void {
    this.success.run({ id, now: this.clock(), title: result.title ?? null, ...result });
  }

  recordFailure(id: number, failure: FeedFailure, nextPollAt: number): void {
    this.failure.run({
      id,
      now: this.clock(),
      kind: failure.kind,
      status: failure.status,
      message: failure.message.slice(0, 500),
      nextPollAt,
    });
  }
}
