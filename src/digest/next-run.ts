// When a schedule runs next in its time zone (DST included, croner's rules) and which missed run to make up at
// start. Pure: no database, no bot.

import { Cron } from "croner";

const crons = new Map<string, Cron>();

/** A paused croner job (no function, so no timer) per expression and zone, kept for reuse. */
export function cronJob(expression: string, zone: string): Cron {
  const key = `${expression}\u0000${zone}`;
  let job = crons.get(key);
  if (!job) {
    job = new Cron(expression, { timezone: zone, mode: "5-or-6-parts" });
    if (crons.size > 1000) crons.clear();
    crons.set(key, job);
  }
  return job;
}

/** Thrown by nextRun for an expression that has no run after the given time (checkCron rejects most). */
export class NoNextRunError extends Error {
  constructor(expression: string) {
    super(`the schedule "${expression}" has no next run`);
    this.name = "NoNextRunError";
  }
}

/**
 * The first run strictly after `after`, in `zone`'s local time. Across DST (croner's rules, see
 * docs/digests.md): a fixed time that does not exist that day (02:30 when clocks jump 02:00 → 03:00)
 * runs at the first valid time after the gap (03:00), once; a fixed time that occurs twice runs once, at
 * its first occurrence. Interval expressions (steps, ranges, wildcards in the time fields) skip the gap and
 * run in both copies of a repeated hour. Throws NoNextRunError when none exists.
 */
export function nextRun(expression: string, zone: string, after: Date): Date {
  const next = cronJob(expression, zone).nextRun(after);
  if (!next) throw new NoNextRunError(expression);
  return next;
}

/** One hour: how late a run missed while the bot was down may still be made up at start. */
export const MISSED_RUN_GRACE_MS = 3_600_000;

/**
 * The run to make up at start, if any: the latest run due after `lastRunAt` and at or before `now`, when it
 * was due no longer than `graceMs` ago (runs missed earlier are dropped, and never more than one is made
 * up). Pass the schedule's creation time as `lastRunAt` when it never ran. Arm the Scheduler from `now`:
 * its first run is strictly after `now`, so nothing runs twice.
 */
export function missedRun(
  expression: string,
  zone: string,
  lastRunAt: Date,
  now: Date,
  graceMs = MISSED_RUN_GRACE_MS,
): Date | undefined {
  const from = Math.max(lastRunAt.getTime(), now.getTime() - graceMs - 1);
  let latest: Date | undefined;
  let at = new Date(from);
  for (;;) {
    const next = cronJob(expression, zone).nextRun(at);
    if (!next || next.getTime() > now.getTime()) return latest;
    latest = next;
    at = next;
  }
}
