// Digest schedules as admins type them (/schedule daily 08:00 …, weekly, quoted cron) read into a cron
// expression and a zone, with an error that names the wrong part. Pure: no database, no bot.

import { Cron } from "croner";
import { zoneByName } from "../i18n/format";
import { asciiDigits } from "../text/normalize";
import { cronJob } from "./next-run";
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
 * - `unknown-zone`: tz= names no IANA zone — `detail` is what followed tz=;
 * - `too-frequent`: runs closer together than the minimum interval — `detail` is the expression.
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
  | "unknown-zone"
  | "too-frequent";

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

/** Words after an hour that say which half of the day it is in: true for the afternoon and evening. */
const HALF_OF_DAY_WORDS: Record<string, boolean> = {
  am: false,
  "a.m.": false,
  morning: false,
  صباحا: false,
  صباح: false,
  الصباح: false,
  فجرا: false,
  pm: true,
  "p.m.": true,
  evening: true,
  مساء: true,
  مساءا: true,
  المساء: true,
  ظهرا: true,
  عصرا: true,
  ليلا: true,
};
/** The same words after `fold` (which drops hamza and harakat: «مساءً» → مسا). */
const HALF_OF_DAY: Record<string, boolean> = {};
for (const [word, pm] of Object.entries(HALF_OF_DAY_WORDS)) {
  HALF_OF_DAY[word] = pm;
  HALF_OF_DAY[fold(word)] = pm;
}

/**
 * The time of a schedule as admins write it, with the word after it when that word says the half of the day:
 * "08:00", "8" (08:00), "8pm", "8:30 مساءً", «٨ صباحًا». `used` is how many words it took (1 or 2).
 */
export function parseScheduleTime(
  word: string,
  next?: string,
): { hour: number; minute: number; used: number } | undefined {
  const digits = asciiDigits(word.trim()).toLowerCase();
  const m = /^(\d{1,2})(?:[:.٫](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/.exec(digits);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  let pm = m[3] === undefined ? undefined : HALF_OF_DAY[m[3]];
  let used = 1;
  if (pm === undefined && next !== undefined) {
    const half = HALF_OF_DAY[fold(next)];
    if (half !== undefined) {
      pm = half;
      used = 2;
    }
  }
  if (pm !== undefined) {
    if (hour < 1 || hour > 12) return undefined; // "13 pm", "0 am"
    hour = pm ? (hour % 12) + 12 : hour % 12;
    // «12 ظهرًا» is noon, «12 ليلًا» midnight.
    if (hour === 12 && next !== undefined && fold(next) === fold("ليلا")) hour = 0;
  }
  return { hour, minute, used };
}

/**
 * A zone name as its canonical IANA spelling (case-insensitive), or the zone of a city name the bot shows
 * («دمشق», "Berlin"); undefined when neither is known.
 */
export function canonicalZone(zone: string): string | undefined {
  if (zone.trim() === "") return undefined;
  const named = zoneByName(zone);
  if (named) return named;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The shortest interval between two runs of a schedule: a digest every second (or minute) floods every reader.
 * Tests that need fast schedules pass a smaller `minIntervalMs` to parseSchedule explicitly.
 */
export const MIN_SCHEDULE_INTERVAL_MS = 10 * 60_000;
/** Consecutive runs compared to find a schedule's shortest interval (a day of a busy expression). */
const RUNS_CHECKED = 300;

export interface ParseScheduleOptions {
  /** Refuse schedules whose runs come closer together than this (default MIN_SCHEDULE_INTERVAL_MS). */
  minIntervalMs?: number;
}

const CRON_TOKEN = /^[\d*/,\-?LW#A-Za-z]+$/;
const TZ = /(?:^|\s)tz\s*[=:]\s*(\S*)/i;
const TZ2 = /(?:^|\s)tz\s*[=:]\s*(\S+)\s+(\S+)/i;

/**
 * Reads the text after `/schedule`: `<when> [topic words] [tz=Zone]`, where `<when>` is `daily HH:MM`,
 * `weekly <day> HH:MM` (English or Arabic words: يومي, أسبوعي, الجمعة…; a day name alone means weekly, a
 * time alone daily),
 * or a 5- or 6-field cron expression in straight or typographic quotes. Arabic-Indic digits are accepted.
 */
export function parseSchedule(
  args: string,
  defaultZone: string,
  options: ParseScheduleOptions = {},
): ScheduleParseResult {
  let text = args.trim();
  let zone = canonicalZone(defaultZone) ?? defaultZone;
  // A name of two words first ("tz=New York"), else one.
  const two = TZ2.exec(text);
  const twoZone = two ? canonicalZone(`${two[1]} ${two[2]}`) : undefined;
  const match = twoZone ? two : TZ.exec(text);
  if (match) {
    const found = twoZone ?? canonicalZone(match[1] ?? "");
    if (!found) return fail("unknown-zone", match[1] ?? "");
    zone = found;
    text = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.trim();
  }
  if (text === "") return fail("missing-when", "");

  const first = text[0] as string;
  if (OPENING_QUOTES.includes(first)) {
    const parsed = parseQuotedCron(text, zone);
    const min = options.minIntervalMs ?? MIN_SCHEDULE_INTERVAL_MS;
    if (parsed.ok && shortestInterval(parsed.cron) < min) return fail("too-frequent", parsed.cron);
    return parsed;
  }

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
    if (parseScheduleTime(a) && b !== undefined && parseWeekday(b) !== undefined)
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
  const time = parseScheduleTime(timeWord, rest[1]);
  if (!time) return fail(/\d/.test(asciiDigits(timeWord)) ? "bad-time" : "missing-time", timeWord);
  const topic = rest.slice(time.used).join(" ").trim();
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
    if (cronJob(fields.join(" "), "UTC").nextRun(new Date(Date.UTC(2000, 0, 1))) === null) {
      return fail("cron-never-runs", fields.join(" "));
    }
  } catch {
    return fail("cron-never-runs", fields.join(" "));
  }
  return { ok: true };
}

/**
 * The shortest time between two of the next RUNS_CHECKED runs of a valid expression (in UTC: an interval does not
 * depend on the zone, except across DST, which only lengthens or repeats an hour).
 */
export function shortestInterval(expression: string): number {
  const runs = cronJob(expression, "UTC").nextRuns(RUNS_CHECKED, new Date(Date.UTC(2000, 0, 1)));
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < runs.length; i++) {
    shortest = Math.min(shortest, (runs[i] as Date).getTime() - (runs[i - 1] as Date).getTime());
  }
  return shortest;
}

function fail(error: ScheduleErrorCode, detail: string): ScheduleError {
  return { ok: false, error, detail };
}
