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
  if (shape.kind === "cron") return i18n.plain(language, "schedule-cron", { cron: shape.cron, zone: where });
  const time = `${pad(shape.hour)}:${pad(shape.minute)}`;
  if (shape.kind === "daily") return i18n.plain(language, "schedule-daily", { time, zone: where });
  return i18n.plain(language, "schedule-weekly", {
    day: weekdayName(shape.weekday, language),
    time,
    zone: where,
  });
}
