// Digest schedules, their runs, each reader's place in each schedule, and the articles a run composes from (who
// receives them is the audience policy's: src/audience/policy.ts, its SQL in ./audience.ts). Reads that return
// many rows use raw arrays (no object per row).
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

export interface ScheduleRecord {
  id: number;
  spec: string;
  cron: string;
  timezone: string;
  topicId: number | null;
  createdBy: number | null;
  createdAt: number;
  lastDueAt: number | null;
  /** A time readers chose for their own digest (not an admin's schedule): it goes to the chats that chose it. */
  readerSlot: boolean;
}

export interface NewSchedule {
  spec: string;
  cron: string;
  timezone: string;
  topicId: number | null;
  createdBy: number | null;
}

export interface DigestRun {
  id: number;
  scheduleId: number;
  dueAt: number;
  throughId: number;
  status: "running" | "done";
  readers: number;
  startedAt: number;
  finishedAt: number | null;
}

/** What a digest shows of an article. */
export interface DigestArticle {
  id: number;
  title: string;
  url: string | null;
  source: string | null;
  sortAt: number;
  ingestedAt: number;
  /** The article's picture (a file_id or URL): a digest led by it shows it (docs/digests.md). */
  image?: string | null;
}

interface ScheduleRow {
  id: number;
  spec: string;
  cron: string;
  timezone: string;
  topic_id: number | null;
  created_by: number | null;
  created_at: number;
  last_due_at: number | null;
  reader_slot: number;
}

interface RunRow {
  id: number;
  schedule_id: number;
  due_at: number;
  through_id: number;
  status: "running" | "done";
  readers: number;
  started_at: number;
  finished_at: number | null;
}

const toSchedule = (r: ScheduleRow): ScheduleRecord => ({
  id: r.id,
  spec: r.spec,
  cron: r.cron,
  timezone: r.timezone,
  topicId: r.topic_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastDueAt: r.last_due_at,
  readerSlot: r.reader_slot === 1,
});

const toRun = (r: RunRow): DigestRun => ({
  id: r.id,
  scheduleId: r.schedule_id,
  dueAt: r.due_at,
  throughId: r.through_id,
  status: r.status,
  readers: r.readers,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export class DigestStore {
  private readonly insertSchedule: Database.Statement<Record<string, unknown>>;
  private readonly oneSchedule: Database.Statement<[number], ScheduleRow>;
  private readonly allSchedules: Database.Statement<[], ScheduleRow>;
  private readonly allSlots: Database.Statement<[], ScheduleRow>;
  private readonly insertSlot: Database.Statement<Record<string, unknown>>;
  private readonly slotByCron: Database.Statement<[string, string], ScheduleRow>;
  private readonly deleteSchedule: Database.Statement<[number]>;
  private readonly lastDue: Database.Statement<[number, number]>;
  private readonly insertRun: Database.Statement<[number, number, number, number]>;
  private readonly oneRun: Database.Statement<[number, number], RunRow>;
  private readonly finish: Database.Statement<[number, number, number]>;
  private readonly running: Database.Statement<[], RunRow>;
  private readonly newest: Database.Statement<[], { id: number | null }>;
  private readonly articles: Database.Statement<[number, number, number], DigestArticle>;
  private readonly firstSince: Database.Statement<[number], { id: number | null }>;
  private readonly articlesIn: Database.Statement<[string], DigestArticle>;
  private readonly marksRange: Database.Statement<[number, number, number]>;
  private readonly chatMarks: Database.Statement<[number]>;
  private readonly setMark: Database.Statement<[number, number, number, number]>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.insertSchedule = db.prepare(`
      INSERT INTO schedules (spec, cron, timezone, topic_id, created_by, created_at)
      VALUES (@spec, @cron, @timezone, @topicId, @createdBy, @now)`);
    this.oneSchedule = db.prepare("SELECT * FROM schedules WHERE id = ?");
    // Admins' schedules; the slots readers chose for their own digests are apart (allSlots).
    this.allSchedules = db.prepare("SELECT * FROM schedules WHERE reader_slot = 0 ORDER BY id");
    this.allSlots = db.prepare("SELECT * FROM schedules WHERE reader_slot = 1 ORDER BY id");
    this.insertSlot = db.prepare(`
      INSERT INTO schedules (spec, cron, timezone, topic_id, created_by, created_at, reader_slot)
      VALUES (@cron, @cron, @timezone, NULL, NULL, @now, 1)
      ON CONFLICT (cron, timezone) WHERE reader_slot = 1 DO NOTHING`);
    this.slotByCron = db.prepare(
      "SELECT * FROM schedules WHERE reader_slot = 1 AND cron = ? AND timezone = ?",
    );
    this.deleteSchedule = db.prepare("DELETE FROM schedules WHERE id = ?");
    this.lastDue = db.prepare(
      "UPDATE schedules SET last_due_at = max(coalesce(last_due_at, 0), ?) WHERE id = ?",
    );
    this.insertRun = db.prepare(
      "INSERT OR IGNORE INTO digest_runs (schedule_id, due_at, through_id, started_at) VALUES (?, ?, ?, ?)",
    );
    this.oneRun = db.prepare("SELECT * FROM digest_runs WHERE schedule_id = ? AND due_at = ?");
    this.finish = db.prepare(
      "UPDATE digest_runs SET status = 'done', readers = ?, finished_at = ? WHERE id = ?",
    );
    this.running = db.prepare("SELECT * FROM digest_runs WHERE status = 'running' ORDER BY id");
    this.newest = db.prepare("SELECT max(id) AS id FROM articles");
    this.articles = db.prepare(`
      SELECT id, title, url, source, sort_at AS sortAt, ingested_at AS ingestedAt, image FROM articles
      WHERE id > ? AND id <= ? AND ingested_at >= ? ORDER BY sort_at DESC, id DESC`);
    this.firstSince = db.prepare("SELECT min(id) AS id FROM articles WHERE ingested_at >= ?");
    this.articlesIn = db.prepare(`
      SELECT id, title, url, source, sort_at AS sortAt, ingested_at AS ingestedAt, image FROM articles
      WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`);
    this.marksRange = db
      .prepare("SELECT chat_id, through_id FROM digest_marks WHERE scope = ? AND chat_id BETWEEN ? AND ?")
      .raw();
    this.chatMarks = db.prepare("SELECT scope, through_id FROM digest_marks WHERE chat_id = ?").raw();
    this.setMark = db.prepare(`
      INSERT INTO digest_marks (chat_id, scope, through_id, run_id) VALUES (?, ?, ?, ?)
      ON CONFLICT (chat_id, scope) DO UPDATE SET
        through_id = max(through_id, excluded.through_id), run_id = excluded.run_id`);
  }

  // --- Schedules ------------------------------------------------------------------------------------------

  createSchedule(schedule: NewSchedule): ScheduleRecord {
    const id = Number(this.insertSchedule.run({ ...schedule, now: this.clock() }).lastInsertRowid);
    return this.schedule(id) as ScheduleRecord;
  }

  schedule(id: number): ScheduleRecord | undefined {
    const row = this.oneSchedule.get(id);
    return row ? toSchedule(row) : undefined;
  }

  schedules(): ScheduleRecord[] {
    return this.allSchedules.all().map(toSchedule);
  }

  /** The slots readers chose for their own digests (schedules of reader_slot 1), oldest first. */
  readerSlots(): ScheduleRecord[] {
    return this.allSlots.all().map(toSchedule);
  }

  /** The reader slot of a cron and zone, made if no reader chose it before (`created`: it is new, to be armed). */
  slot(cron: string, timezone: string): { schedule: ScheduleRecord; created: boolean } {
    const created = this.insertSlot.run({ cron, timezone, now: this.clock() }).changes > 0;
    return { schedule: toSchedule(this.slotByCron.get(cron, timezone) as ScheduleRow), created };
  }

  /** Deletes a schedule (its runs and marks go with it); false when there was none. */
  removeSchedule(id: number): boolean {
    return this.deleteSchedule.run(id).changes > 0;
  }

  // --- Runs -----------------------------------------------------------------------------------------------

  /**
   * The run of a schedule for a due time: started now (including articles up to the newest), or the one
   * already started for that time (`created` false: it must not be started again, only finished).
   */
  beginRun(scheduleId: number, dueAt: number): { run: DigestRun; created: boolean } {
    const throughId = this.newest.get()?.id ?? 0;
    const created = this.insertRun.run(scheduleId, dueAt, throughId, this.clock()).changes > 0;
    if (created) this.lastDue.run(dueAt, scheduleId);
    return { run: toRun(this.oneRun.get(scheduleId, dueAt) as RunRow), created };
  }

  finishRun(runId: number, readers: number): void {
    this.finish.run(readers, this.clock(), runId);
  }

  /** Runs a stop interrupted. */
  unfinishedRuns(): DigestRun[] {
    return this.running.all().map(toRun);
  }

  // --- What a run composes from ---------------------------------------------------------------------------

  newestArticleId(): number {
    return this.newest.get()?.id ?? 0;
  }

  /** Articles with afterId < id ≤ throughId ingested at or after `since`, newest first. */
  articlesBetween(afterId: number, throughId: number, since: number): DigestArticle[] {
    return this.articles.all(afterId, throughId, since);
  }

  /** The articles with these ids an editor has not deleted (what a digest's recipe shows when it is sent). */
  articlesByIds(ids: readonly number[]): Map<number, DigestArticle> {
    return new Map(this.articlesIn.all(JSON.stringify(ids)).map((a) => [a.id, a]));
  }

  /** The first article ingested at or after a time (undefined when none is). */
  firstArticleSince(ms: number): number | undefined {
    return this.firstSince.get(ms)?.id ?? undefined;
  }

  /**
   * Each chat's place in a scope (0: own topics; else a topic), of the chats first ≤ id ≤ last (a run's chunk of
   * readers): chat id → the newest article its last digest covered.
   */
  marksBetween(scope: number, first: number, last: number): Map<number, number> {
    return new Map(this.marksRange.all(scope, first, last) as [number, number][]);
  }

  /** One chat's marks: scope → through id. */
  marksOfChat(chatId: number): Map<number, number> {
    return new Map(this.chatMarks.all(chatId) as [number, number][]);
  }

  /** Records that these chats' digests of a scope went up to `throughId`; call in the enqueue transaction. */
  mark(scope: number, runId: number, throughId: number, chatIds: readonly number[]): void {
    for (const chatId of chatIds) this.setMark.run(chatId, scope, throughId, runId);
  }
}
