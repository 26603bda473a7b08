// Dates and times as a reader of each language writes them, in the reader's time zone.
import type { Language } from "../store/chats";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === "ar" ? "ar-SY-u-nu-latn" : "en-GB", {
      timeZone,
      ...(withDate ? { day: "numeric", month: "short", year: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  return f;
}

/** "5 Jan 2022, 08:15" / "5 تشرين الثاني 2022، 08:15" (Latin digits, as Syrian newsrooms write them). */
export function formatDateTime(ms: number, language: Language, timeZone: string): string {
  return formatter(language, timeZone, true).format(ms);
}

/** "08:15": the time of day only. */
export function formatClock(ms: number, language: Language, timeZone: string): string {
  return formatter(language, timeZone, false).format(ms);
}
