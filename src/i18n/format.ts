// Dates and times as a reader of each language writes them, in the reader's time zone.
import type { Language } from "../store/chats";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "5 Jan 2022, 08:15" / "5 يناير 2022، 08:15" (Latin digits, as Syrian newsrooms write them). */
export function formatDateTime(ms: number, language: Language, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === "ar" ? "ar-SY-u-nu-latn" : "en-GB", {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, formatter);
  }
  return formatter.format(ms);
}
