// A schedule in words for admins ("every day at 08:00 (Damascus)", «كل يوم جمعة الساعة 08:00»): presentation
// only, in the reader's language.

import type { Language } from "../domain";
import { zoneName } from "../i18n/format";

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
  if (shape.kind === "cron") {
    const words = describeCron(shape.cron, language, i18n);
    if (words) return `${words} (${where})`;
    return i18n.plain(language, "schedule-cron", { cron: shape.cron, zone: where });
  }
  const time = `${pad(shape.hour)}:${pad(shape.minute)}`;
  if (shape.kind === "daily") return i18n.plain(language, "schedule-daily", { time, zone: where });
  return i18n.plain(language, "schedule-weekly", {
    day: weekdayName(shape.weekday, language),
    time,
    zone: where,
  });
}

const DAY_NUMBERS: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };

/** A day-of-week field as weekdays (0 = Sunday), sorted; undefined when it is not a plain list or range. */
function weekdaysOf(field: string): number[] | undefined {
  const days = new Set<number>();
  // Numbers 0–7 (7 is Sunday again, as in 1-7), names SUN–SAT.
  const number = (d: string) => (/^\d$/.test(d) ? Number(d) : DAY_NUMBERS[d]);
  for (const part of field.toUpperCase().split(",")) {
    const m = /^([0-7]|[A-Z]{3})(?:-([0-7]|[A-Z]{3}))?$/.exec(part);
    if (!m) return undefined;
    const from = number(m[1] as string);
    const to = m[2] === undefined ? from : number(m[2]);
    if (from === undefined || to === undefined || to < from) return undefined;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

/** Weekdays as readers say them: a run of 3+ days as "Monday to Friday", else a list. */
function daysInWords(days: number[], language: Language, i18n: PlainTranslator): string {
  const key = days.join(",");
  if (key === "1,2,3,4,5") return i18n.plain(language, "schedule-days-mon-fri");
  if (key === "0,1,2,3,4") return i18n.plain(language, "schedule-days-sun-thu");
  const consecutive = days.length >= 3 && days.every((d, i) => i === 0 || d === (days[i - 1] as number) + 1);
  if (consecutive) {
    return i18n.plain(language, "schedule-days-range", {
      from: weekdayName(days[0] as number, language),
      to: weekdayName(days.at(-1) as number, language),
    });
  }
  return i18n.plain(language, "schedule-days-list", {
    list: listInWords(
      days.map((d) => weekdayName(d, language)),
      language,
    ),
  });
}

/** "a, b and c" / «أ وب وج». */
function listInWords(items: string[], language: Language): string {
  if (language === "ar") return items.join(" و");
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * A cron expression of a common shape in words, without its zone: days of the week and times of day
 * (`0 18 * * 1-5` → «كل يوم عمل (من الاثنين إلى الجمعة) الساعة 18:00»), several times a day, every N hours,
 * every N minutes. Undefined for anything else (then the expression itself is shown).
 */
export function describeCron(
  expression: string,
  language: Language,
  i18n: PlainTranslator,
): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length === 6) {
    if (fields[0] !== "0") return undefined;
    fields.shift();
  }
  if (fields.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  if (dom !== "*" || month !== "*") return undefined;
  const step = (f: string) => /^\*\/(\d{1,2})$/.exec(f)?.[1];
  if (dow === "*" && hour === "*" && step(minute)) {
    return i18n.plain(language, "schedule-every-minutes", { count: Number(step(minute)) });
  }
  if (dow === "*" && /^\d{1,2}$/.test(minute) && Number(minute) <= 59 && step(hour)) {
    return i18n.plain(language, "schedule-every-hours", {
      count: Number(step(hour)),
      minute: pad(Number(minute)),
    });
  }
  if (!/^\d{1,2}$/.test(minute) || Number(minute) > 59 || !/^\d{1,2}(,\d{1,2})*$/.test(hour))
    return undefined;
  const hours = hour.split(",").map(Number);
  if (hours.some((h) => h > 23)) return undefined;
  const times = listInWords(
    [...new Set(hours)].sort((a, b) => a - b).map((h) => `${pad(h)}:${pad(Number(minute))}`),
    language,
  );
  if (dow === "*" || dow === "?") return i18n.plain(language, "schedule-cron-daily", { times });
  const days = weekdaysOf(dow);
  if (!days || days.length === 0) return undefined;
  if (days.length === 7) return i18n.plain(language, "schedule-cron-daily", { times });
  return i18n.plain(language, "schedule-cron-days", { days: daysInWords(days, language, i18n), times });
}
