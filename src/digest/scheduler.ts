// A generic scheduler: fires cron schedules at their next run from an injected clock and timers. Knows nothing
// of digests.

import type { Clock } from "../clock";
import { nextRun } from "./next-run";

/** Longest single timer: setTimeout overflows past 2^31-1 ms (24.8 days), so longer waits are chained. */
export const MAX_TIMER_MS = 24 * 86_400_000;

export type TimerHandle = unknown;

export interface SchedulerOptions {
  /** Current time. */
  clock: Clock;
  /** Default setTimeout (unref'd, so schedules alone keep no process alive). */
  setTimer?: (fire: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  /** A callback threw or rejected, or a schedule has no next run; default: ignored. */
  onError?: (id: string | number, error: unknown) => void;
}

interface Armed {
  cron: string;
  zone: string;
  onFire: (scheduledAt: Date) => unknown;
  next: Date;
  timer: TimerHandle;
}

/**
 * Fires schedules at their next run, one timer per schedule. The callback gets the scheduled time (not the
 * time the timer woke up); the next timer is set before it runs, so a callback may disarm or re-arm its own
 * schedule. A run whose time passed while the process was asleep fires once, then the schedule continues
 * after the current time (no burst of catch-up runs; see missedRun for start-up).
 */
export class Scheduler<Id extends string | number = string | number> {
  private readonly armed = new Map<Id, Armed>();
  private readonly clock: Clock;
  private readonly setTimer: (fire: () => void, ms: number) => TimerHandle;
  private readonly clearTimer: (handle: TimerHandle) => void;
  private readonly onError: (id: Id, error: unknown) => void;
  private stopped = false;

  constructor(options: SchedulerOptions) {
    this.clock = options.clock;
    this.setTimer =
      options.setTimer ??
      ((fire, ms) => {
        const t = setTimeout(fire, ms);
        t.unref();
        return t;
      });
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
    this.onError = options.onError ?? (() => {});
  }

  /**
   * Arms (or re-arms, replacing) schedule `id` and returns its next run. Throws on an invalid expression or
   * zone, or after stop().
   */
  arm(id: Id, expression: string, zone: string, onFire: (scheduledAt: Date) => unknown): Date {
    if (this.stopped) throw new Error("the scheduler is stopped");
    const next = nextRun(expression, zone, new Date(this.clock()));
    this.disarm(id);
    const entry: Armed = { cron: expression, zone, onFire, next, timer: undefined };
    this.armed.set(id, entry);
    this.wait(id, entry);
    return next;
  }

  /** Stops schedule `id`; false when it was not armed. */
  disarm(id: Id): boolean {
    const entry = this.armed.get(id);
    if (!entry) return false;
    this.clearTimer(entry.timer);
    this.armed.delete(id);
    return true;
  }

  /** The next run of schedule `id`, if armed. */
  nextRunOf(id: Id): Date | undefined {
    return this.armed.get(id)?.next;
  }

  /** The ids armed now. */
  ids(): Id[] {
    return [...this.armed.keys()];
  }

  /** Disarms everything; arm() throws afterwards. */
  stop(): void {
    this.stopped = true;
    for (const id of [...this.armed.keys()]) this.disarm(id);
  }

  private wait(id: Id, entry: Armed): void {
    const delay = Math.min(Math.max(entry.next.getTime() - this.clock(), 0), MAX_TIMER_MS);
    entry.timer = this.setTimer(() => this.wake(id, entry), delay);
  }

  private wake(id: Id, entry: Armed): void {
    if (this.armed.get(id) !== entry) return; // disarmed or replaced meanwhile
    const now = this.clock();
    if (now < entry.next.getTime()) {
      this.wait(id, entry); // a chained long wait, or a timer that woke early
      return;
    }
    const scheduledAt = entry.next;
    try {
      entry.next = nextRun(entry.cron, entry.zone, new Date(Math.max(now, scheduledAt.getTime())));
      this.wait(id, entry);
    } catch (error) {
      this.armed.delete(id);
      this.onError(id, error);
    }
    try {
      const result = entry.onFire(scheduledAt);
      if (result instanceof Promise) result.catch((error: unknown) => this.onError(id, error));
    } catch (error) {
      this.onError(id, error);
    }
  }
}
