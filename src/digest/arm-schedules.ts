// Digest schedules at work: armed at start and on change, each firing one run; runs one after another.
// At start, a run a stop interrupted is finished, and a run missed while the bot was down is made once if it was
// due within the last hour (MISSED_RUN_GRACE_MS); older missed runs are skipped — the next digest covers their
// articles anyway, since each reader's digest starts where their previous one ended.
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store";
import type { ChatRecord } from "../store/chats";
import type { ScheduleRecord } from "../store/digests";
import { missedRun, nextRun } from "./next-run";
import { type OwnDigest, ownDigestCron, ownDigestOf } from "./own";
import { MIN_SCHEDULE_INTERVAL_MS } from "./parse";
import { Scheduler, type SchedulerOptions } from "./scheduler";
import type { DigestService, RunOutcome } from "./service";

export interface ScheduleArmerOptions {
  store: Store;
  digests: DigestService;
  clock: Clock;
  logger: Logger;
  /** Timer functions for the scheduler (tests drive time themselves). */
  timers?: Pick<SchedulerOptions, "setTimer" | "clearTimer">;
  /** The shortest interval between two runs /schedule accepts (default MIN_SCHEDULE_INTERVAL_MS). */
  minIntervalMs?: number;
}

export class ScheduleArmer {
  private readonly scheduler: Scheduler<number>;
  /** Runs are made one after another: two schedules firing together do not interleave their chunks. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** The shortest interval between two runs /schedule accepts. */
  readonly minIntervalMs: number;

  constructor(private readonly options: ScheduleArmerOptions) {
    this.minIntervalMs = options.minIntervalMs ?? MIN_SCHEDULE_INTERVAL_MS;
    this.scheduler = new Scheduler<number>({
      clock: options.clock,
      ...options.timers,
      onError: (id, error) => options.logger.error({ err: error, schedule: id }, "digest schedule failed"),
    });
  }

  /** Finishes interrupted runs, makes a missed run (within the grace), and arms every schedule. */
  start(): void {
    const { store, clock } = this.options;
    for (const run of store.digests.unfinishedRuns()) void this.enqueueRun(run.scheduleId, run.dueAt);
    // Admins' schedules and the slots readers chose for their own digests alike.
    for (const schedule of [...store.digests.schedules(), ...store.digests.readerSlots()]) {
      const missed = missedRun(
        schedule.cron,
        schedule.timezone,
        new Date(schedule.lastDueAt ?? schedule.createdAt),
        new Date(clock()),
      );
      if (missed) void this.enqueueRun(schedule.id, missed.getTime());
      this.arm(schedule);
    }
  }

  private arm(schedule: ScheduleRecord): Date {
    return this.scheduler.arm(schedule.id, schedule.cron, schedule.timezone, (at) =>
      this.enqueueRun(schedule.id, at.getTime()),
    );
  }

  /** Queues a run; resolves with its outcome (undefined when the schedule is gone or we are stopping). */
  enqueueRun(scheduleId: number, dueAt: number): Promise<RunOutcome | undefined> {
    const run = this.queue.then(async () => {
      if (this.stopped) return undefined;
      try {
        return await this.options.digests.run(scheduleId, dueAt);
      } catch (error) {
        this.options.logger.error({ err: error, schedule: scheduleId }, "digest run failed");
        return undefined;
      }
    });
    this.queue = run;
    return run;
  }

  /** Stores and arms a schedule; returns it with its next run. */
  add(schedule: Parameters<Store["digests"]["createSchedule"]>[0]): { schedule: ScheduleRecord; next: Date } {
    const record = this.options.store.digests.createSchedule(schedule);
    return { schedule: record, next: this.arm(record) };
  }

  // --- A reader's own digest ------------------------------------------------------------------------------

  /**
   * A reader's own digest: the slot of their choice in their zone (made and armed when no reader chose it
   * before), or none. Returns the chat as it is now; undefined for a choice out of range (nothing changes).
   */
  setOwnDigest(chatId: number, choice: OwnDigest, zone: string): ChatRecord | undefined {
    const { store } = this.options;
    const cron = ownDigestCron(choice);
    if (cron === undefined && choice.kind !== "off") return undefined;
    return store.db.transaction(() => {
      if (cron === undefined) return store.chats.setOwnSchedule(chatId, null);
      const { schedule, created } = store.digests.slot(cron, zone);
      if (created) this.arm(schedule);
      return store.chats.setOwnSchedule(chatId, schedule.id);
    })();
  }

  /** What a chat chose for its own digest. */
  ownDigest(chat: Pick<ChatRecord, "ownScheduleId">): OwnDigest {
    const slot =
      chat.ownScheduleId === null ? undefined : this.options.store.digests.schedule(chat.ownScheduleId);
    return ownDigestOf(slot?.cron);
  }

  /** The reader changed their zone: their own digest keeps its hours in the new zone (the chat now, if changed). */
  ownDigestZone(chat: Pick<ChatRecord, "id" | "ownScheduleId">, zone: string): ChatRecord | undefined {
    const choice = this.ownDigest(chat);
    return choice.kind === "off" ? undefined : this.setOwnDigest(chat.id, choice, zone);
  }

  /**
   * When a chat's next digest of its own topics is due: the first next run among the admins' schedules without a
   * topic and the chat's own slot (undefined: none). Quiet hours may delay its arrival (AudiencePolicy.digestArrival).
   */
  nextDigestFor(chat: Pick<ChatRecord, "ownScheduleId">): number | undefined {
    const { store } = this.options;
    const own = chat.ownScheduleId === null ? undefined : store.digests.schedule(chat.ownScheduleId);
    let next: number | undefined;
    for (const schedule of [
      ...store.digests.schedules().filter((s) => s.topicId === null),
      ...(own ? [own] : []),
    ]) {
      const at = this.nextRunOf(schedule).getTime();
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  /** A stored schedule that runs the same expression in the same zone for the same topic (a duplicate). */
  same(cron: string, timezone: string, topicId: number | null): ScheduleRecord | undefined {
    const key = cron.trim().split(/\s+/).join(" ");
    return this.list().find(
      (s) => s.cron.trim().split(/\s+/).join(" ") === key && s.timezone === timezone && s.topicId === topicId,
    );
  }

  /** Every admin's schedule, oldest first (not the slots readers chose for their own digests). */
  list(): ScheduleRecord[] {
    return this.options.store.digests.schedules();
  }

  /** An admin's schedule (a reader slot is its readers', not for /digestnow or /unschedule). */
  find(id: number): ScheduleRecord | undefined {
    const schedule = this.options.store.digests.schedule(id);
    return schedule?.readerSlot ? undefined : schedule;
  }

  /** Removes an admin's schedule; false when there is none of that id (reader slots stay). */
  remove(id: number): boolean {
    if (!this.find(id)) return false;
    this.scheduler.disarm(id);
    return this.options.store.digests.removeSchedule(id);
  }

  /** The next run of a schedule (armed or not). */
  nextRunOf(schedule: ScheduleRecord): Date {
    return (
      this.scheduler.nextRunOf(schedule.id) ??
      nextRun(schedule.cron, schedule.timezone, new Date(this.options.clock()))
    );
  }

  /** Runs a schedule now (`/digestnow`), as if it were due at this moment. */
  runNow(id: number): Promise<RunOutcome | undefined> {
    return this.enqueueRun(id, this.options.clock());
  }

  /** Disarms everything and waits for the run in progress to finish its chunk (the rest resumes at start). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.scheduler.stop();
    this.options.digests.stop();
    await this.queue;
  }
}
