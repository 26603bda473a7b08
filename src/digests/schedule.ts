// Digest schedules as admins type them (/schedule daily 08:00 …), their next runs in a time zone (DST
// included), and a Scheduler that fires them from an injected clock and timers. Pure: no database, no bot.

import { Cron } from "croner";
import type { Clock } from "../clock";
import { zoneName } from "../i18n/format";
import type { Language } from "../store/chats";
import { asciiDigits } from "../text/normalize";

/** How a schedule was written: it decides how it is described back to the admin. */
export type ScheduleKind = "daily" | "weekly" | "cron";

/** A cron field, in the order of a 6-field expression (a 5-field one has no `second`). */
export type CronField = "second" | "minute" | "hour" | "day-of-month" | "month" | "day-of-week";

/** A schedule read from `/schedule` arguments. */
export interface ParsedSchedule {
  ok: true;
  kind: ScheduleKind;
  /** A 5-field expression for daily and weekly (`30 8 * * 5`), the admin's own for cron (5 or 6 fields). */
  cron: string;
  /** Canonical IANA zone (`Europe/Berlin` for `tz=europe/berlin`), or the default zone. */
  zone: string;
  /** The words after `<when>` (tz= removed, spaces collapsed), unresolved; absent when there are none. */
  topicText?: string;
  /** daily and weekly: the local time of day. */
  hour?: number;
  minute?: number;
  /** weekly: 0 = Sunday … 6 = Saturday. */
  weekday?: number;
}

/**
 * What was wrong, for a reply that says exactly that:
 * - `missing-when`: nothing but (perhaps) tz= — `detail` is empty;
 * - `unknown-when`: the first word is not daily/weekly/a day/a quoted cron — `detail` is that word;
 * - `missing-time`, `bad-time`: daily/weekly without a time, or with one like 25:00 — `detail` is the word;
 * - `missing-day`, `bad-day`: weekly without a day, or with an unknown one — `detail` is the word;
 * - `unquoted-cron`: cron fields without quotes (Telegram would split them anyway) — `detail` is the fields;
 * - `unclosed-quote`: an opening quote without its closing one — `detail` is the text after it;
 * - `cron-field-count`: not 5 or 6 fields inside the quotes — `detail` is the count;
 * - `bad-cron-field`: one field is invalid — `field` names it, `detail` is its text;
 * - `cron-never-runs`: valid fields that never meet (e.g. 30 February) — `detail` is the expression;
 * - `unknown-zone`: tz= names no IANA zone — `detail` is what followed tz=.
 */
export type ScheduleErrorCode =
  | "missing-when"
  | "unknown-when"
  | "missing-time"
  | "bad-time"
  | "missing-day"
  | "bad-day"
  | "unquoted-cron"
  | "unclosed-quote"
  | "cron-field-count"
  | "bad-cron-field"
  | "cron-never-runs"
  | "unknown-zone";

export interface ScheduleError {
  ok: false;
  error: ScheduleErrorCode;
  detail: string;
  /** With `bad-cron-field`: which field. */
  field?: CronField;
}

export type ScheduleParseResult = ParsedSchedule | ScheduleError;

const FIELDS_5: CronField[] = ["minute", "hour", "day-of-month", "month", "day-of-week"];
const FIELDS_6: CronField[] = ["second", ...FIELDS_5];

const OPENING_QUOTES = '"“”„«‟″';
const CLOSING_QUOTES = '"“”„»‟″';

const DAILY_WORDS = new Set(["daily", "everyday", "يومي", "يوميا", "كليوم"]);
const WEEKLY_WORDS = new Set(["weekly", "اسبوعي", "اسبوعيا", "كلاسبوع"]);

/** Day names by weekday (0 = Sunday), after `dayKey` folding. */
const DAY_NAMES: Record<string, number> = {};
for (const [day, names] of [
  [0, ["sunday", "sun", "احد"]],
  [1, ["monday", "mon", "اثنين", "اثنان", "اتنين"]],
  [2, ["tuesday", "tue", "tues", "ثلاثا", "ثلثا"]],
  [3, ["wednesday", "wed", "اربعا"]],
  [4, ["thursday", "thu", "thur", "thurs", "خميس"]],
  [5, ["friday", "fri", "جمعه"]],
  [6, ["saturday", "sat", "سبت"]],
] as const) {
  for (const name of names) DAY_NAMES[name] = day;
}

/** Folds a word for comparison: lower case, no harakat or tatweel, one alef, hamza dropped, ة→ه, ى→ي. */
function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ء/g, "")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[.,،؛:]+$/u, "");
}

/** A day name as a weekday (0 = Sunday), or undefined. Accepts الجمعة, جمعة, الإثنين, الاثنين, Fri, friday… */
export function parseWeekday(word: string): number | undefined {
  let key = fold(word);
  if (key.startsWith("يوم") && key.length > 3) key = key.slice(3); // يومالجمعه (written together)
  if (key.startsWith("ال") && key.length > 3) key = key.slice(2);
  return DAY_NAMES[key];
}

/** "08:00", "8:00", "٨:٠٠", "20.30" → hour and minute; undefined when it is no time of day. */
export function parseTimeOfDay(word: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2})[:.٫](\d{2})$/.exec(asciiDigits(word.trim()));
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** A zone name as its canonical IANA spelling (case-insensitive), or undefined when Intl does not know it. */
export function canonicalZone(zone: string): string | undefined {
  if (zone.trim() === "") return undefined;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const CRON_TOKEN = /^[\d*/,\-?LW#A-Za-z]+$/;
const TZ = /(?:^|\s)tz\s*[=:]\s*(\S*)/i;

/**
 * Reads the text after `/schedule`: `<when> [topic words] [tz=Zone]`, where `<when>` is `daily HH:MM`,
 * `weekly <day> HH:MM` (English or Arabic words: يومي, أسبوعي, الجمعة…; a day name alone means weekly, a
 * time alone daily),
 * or a 5- or 6-field cron expression in straight or typographic quotes. Arabic-Indic digits are accepted.
 */
export function parseSchedule(args: string, defaultZone: string): ScheduleParseResult {
  let text = args.trim();
  let zone = canonicalZone(defaultZone) ?? defaultZone;
  const tz = TZ.exec(text);
  if (tz) {
    const found = canonicalZone(tz[1] ?? "");
    if (!found) return fail("unknown-zone", tz[1] ?? "");
    zone = found;
    text = `${text.slice(0, tz.index)} ${text.slice(tz.index + tz[0].length)}`.trim();
  }
  if (text === "") return fail("missing-when", "");

  const first = text[0] as string;
  if (OPENING_QUOTES.includes(first)) return parseQuotedCron(text, zone);

  const words = text.split(/\s+/);
  const head = fold(words[0] as string);
  // "كل يوم" / "كل أسبوع" are two words for one.
  const joined = words.length > 1 ? head + fold(words[1] as string) : "";
  let rest: string[];
  let kind: "daily" | "weekly";
  if (DAILY_WORDS.has(head) || DAILY_WORDS.has(joined)) {
    kind = "daily";
    rest = words.slice(DAILY_WORDS.has(head) ? 1 : 2);
  } else if (WEEKLY_WORDS.has(head) || WEEKLY_WORDS.has(joined)) {
    kind = "weekly";
    rest = words.slice(WEEKLY_WORDS.has(head) ? 1 : 2);
  } else if (parseTimeOfDay(words[0] as string)) {
    // A time then a day ("07:30 الجمعة"): weekly; a time alone: every day.
    kind = words[1] !== undefined && parseWeekday(words[1]) !== undefined ? "weekly" : "daily";
    rest = words;
  } else if (parseWeekday(words[0] as string) !== undefined || (head === "يوم" && words.length > 1)) {
    kind = "weekly";
    rest = words;
  } else {
    const cronish = words.slice(0, 6).filter((w) => CRON_TOKEN.test(w) && !parseTimeOfDay(w));
    if (cronish.length >= 5 && words.slice(0, 5).every((w) => CRON_TOKEN.test(w))) {
      const count = words.slice(0, 6).every((w) => CRON_TOKEN.test(w) && /[\d*]/.test(w)) ? 6 : 5;
      return fail("unquoted-cron", words.slice(0, count).join(" "));
    }
    return fail("unknown-when", words[0] as string);
  }

  let weekday: number | undefined;
  if (kind === "weekly") {
    if (rest[0] !== undefined && fold(rest[0]) === "يوم") rest = rest.slice(1);
    const [a, b] = rest;
    if (a === undefined) return fail("missing-day", "");
    // The time may come first: "weekly 08:00 friday".
    if (parseTimeOfDay(a) && b !== undefined && parseWeekday(b) !== undefined)
      rest = [b, a, ...rest.slice(2)];
    const day = rest[0] as string;
    weekday = parseWeekday(day);
    if (weekday === undefined) {
      return fail(parseTimeOfDay(day) ? "missing-day" : "bad-day", parseTimeOfDay(day) ? "" : day);
    }
    rest = rest.slice(1);
  }
  const timeWord = rest[0];
  if (timeWord === undefined) return fail("missing-time", "");
  const time = parseTimeOfDay(timeWord);
  if (!time) return fail(/\d/.test(asciiDigits(timeWord)) ? "bad-time" : "missing-time", timeWord);
  const topic = rest.slice(1).join(" ").trim();
  return {
    ok: true,
    kind,
    cron: `${time.minute} ${time.hour} * * ${weekday ?? "*"}`,
    zone,
    ...(topic ? { topicText: topic } : {}),
    hour: time.hour,
    minute: time.minute,
    ...(weekday !== undefined ? { weekday } : {}),
  };
}

function parseQuotedCron(text: string, zone: string): ScheduleParseResult {
  let close = -1;
  for (let i = 1; i < text.length; i++) {
    if (CLOSING_QUOTES.includes(text[i] as string)) {
      close = i;
      break;
    }
  }
  if (close === -1) return fail("unclosed-quote", text.slice(1));
  const expression = asciiDigits(text.slice(1, close)).trim().split(/\s+/).filter(Boolean).join(" ");
  const checked = checkCron(expression);
  if (!checked.ok) return checked;
  const topic = text
    .slice(close + 1)
    .trim()
    .replace(/\s+/g, " ");
  return { ok: true, kind: "cron", cron: expression, zone, ...(topic ? { topicText: topic } : {}) };
}

/**
 * Checks a cron expression of 5 or 6 fields (6: seconds first), naming the first bad field. Fields
 * follow croner: numbers, names (MON, JAN), `*`, ranges, lists, steps, `L`, `W`, `#`, `?`.
 */
export function checkCron(expression: string): { ok: true } | ScheduleError {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5 && fields.length !== 6) return fail("cron-field-count", String(fields.length));
  const names = fields.length === 6 ? FIELDS_6 : FIELDS_5;
  // Each field alone among wildcards: croner's own parser then says which one it cannot read.
  for (let i = 0; i < fields.length; i++) {
    const probe = fields.map((f, j) => (j === i ? f : "*")).join(" ");
    try {
      new Cron(probe, { mode: "5-or-6-parts" });
    } catch {
      return {
        ok: false,
        error: "bad-cron-field",
        field: names[i] as CronField,
        detail: fields[i] as string,
      };
    }
  }
  try {
    if (cron(fields.join(" "), "UTC").nextRun(new Date(Date.UTC(2000, 0, 1))) === null) {
      return fail("cron-never-runs", fields.join(" "));
    }
  } catch {
    return fail("cron-never-runs", fields.join(" "));
  }
  return { ok: true };
}

function fail(error: ScheduleErrorCode, detail: string): ScheduleError {
  return { ok: false, error, detail };
}

// ---------------------------------------------------------------------------------------------------------------
// Next runs

const crons = new Map<string, Cron>();

/** A paused croner job (no function, so no timer) per expression and zone, kept for reuse. */
function cron(expression: string, zone: string): Cron {
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
  const next = cron(expression, zone).nextRun(after);
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
    const next = cron(expression, zone).nextRun(at);
    if (!next || next.getTime() > now.getTime()) return latest;
    latest = next;
    at = next;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Description

/** The parts of a schedule an admin recognises: what describeSchedule puts into words. */
export type ScheduleShape =
  | { kind: "daily"; hour: number; minute: number }
  | { kind: "weekly"; weekday: number; hour: number; minute: number }
  | { kind: "cron"; cron: string };

/** How a stored expression reads: daily and weekly when it is one of theirs (`M H * * *`, `M H * * D`). */
export function scheduleShape(expression: string): ScheduleShape {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-7])$/.exec(expression.trim());
  if (m) {
    const minute = Number(m[1]);
    const hour = Number(m[2]);
    if (minute <= 59 && hour <= 23) {
      if (m[3] === "*") return { kind: "daily", hour, minute };
      return { kind: "weekly", weekday: Number(m[3]) % 7, hour, minute };
    }
  }
  return { kind: "cron", cron: expression.trim() };
}

/** What describeSchedule needs from I18n: plain text of a Fluent message. */
export interface PlainTranslator {
  plain(language: Language, key: string, args?: Record<string, string | number>): string;
}

/** A weekday's name in a language (Intl's, e.g. "الجمعة", "Friday"). */
export function weekdayName(weekday: number, language: Language): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(language === "ar" ? "ar" : "en-GB", {
    weekday: "long",
    timeZone: "UTC",
  }).format(Date.UTC(2023, 0, 1 + (weekday % 7)));
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A schedule in words, as plain text: "every day at 08:00 (Damascus)", "كل يوم جمعة الساعة 08:00 (توقيت
 * سوريا)", or the cron expression itself. Keys: schedule-daily, schedule-weekly, schedule-cron.
 */
export function describeSchedule(
  expression: string,
  zone: string,
  language: Language,
  i18n: PlainTranslator,
): string {
  const shape = scheduleShape(expression);
  const where = zoneName(zone, language);
  if (shape.kind === "cron") return i18n.plain(language, "schedule-cron", { cron: shape.cron, zone: where });
  const time = `${pad(shape.hour)}:${pad(shape.minute)}`;
  if (shape.kind === "daily") return i18n.plain(language, "schedule-daily", { time, zone: where });
  return i18n.plain(language, "schedule-weekly", {
    day: weekdayName(shape.weekday, language),
    time,
    zone: where,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Scheduler

/** Longest single timer: setTimeout overflows past 2^31-1 ms (24.8 days), so longer waits are chained. */
export const MAX_TIMER_MS = 24 * 86_400_000;

export type TimerHandle = unknown;

export interface SchedulerOptions {
  /** Current time (default Date.now). */
  clock?: Clock;
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

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? Date.now;
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
