// Dates and times as a reader of each language writes them, in the reader's time zone.
import type { Language } from "../store/chats";

const formatters = new Map<string, Intl.DateTimeFormat>();

type Shape = "date-time" | "day-time" | "time" | "date";

const SHAPES: Record<Shape, Intl.DateTimeFormatOptions> = {
  "date-time": { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  "day-time": { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  time: { hour: "2-digit", minute: "2-digit" },
  date: { year: "numeric", month: "2-digit", day: "2-digit" },
};

function formatter(language: Language, timeZone: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === "ar" ? "ar-SY-u-nu-latn" : "en-GB", {
      timeZone,
      ...SHAPES[shape],
      ...(shape === "date" ? {} : { hourCycle: "h23" as const }),
    });
    formatters.set(key, f);
  }
  return f;
}

/** "5 Jan 2022, 08:15" / "5 تشرين الثاني 2022، 08:15" (Latin digits, as Syrian newsrooms write them). */
export function formatDateTime(ms: number, language: Language, timeZone: string): string {
  return formatter(language, timeZone, "date-time").format(ms);
}

/** "08:15": the time of day only. */
export function formatClock(ms: number, language: Language, timeZone: string): string {
  return formatter(language, timeZone, "time").format(ms);
}

/**
 * Short, relative to a reference time (a digest's): "09:15" the same local day, "19 Nov, 09:15" within the
 * year, the full date otherwise.
 */
export function formatNear(ms: number, reference: number, language: Language, timeZone: string): string {
  const day = formatter("en", timeZone, "date"); // "23/11/2026": a key, never shown
  const a = day.format(ms);
  const b = day.format(reference);
  if (a === b) return formatter(language, timeZone, "time").format(ms);
  if (a.slice(-4) === b.slice(-4)) return formatter(language, timeZone, "day-time").format(ms);
  return formatter(language, timeZone, "date-time").format(ms);
}
