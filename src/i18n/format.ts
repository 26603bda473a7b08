// Dates and times as a reader of each language writes them, in the reader's time zone.
import type { Language } from "../domain";

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

/** The zones' names as readers say them. */
const ZONE_NAMES: Record<string, { ar: string; en: string }> = {
  "Asia/Damascus": { ar: "دمشق", en: "Damascus" },
  "Asia/Baghdad": { ar: "بغداد", en: "Baghdad" },
  "Asia/Beirut": { ar: "بيروت", en: "Beirut" },
  "Asia/Amman": { ar: "عمّان", en: "Amman" },
  "Europe/Istanbul": { ar: "إسطنبول", en: "Istanbul" },
  "Asia/Riyadh": { ar: "الرياض", en: "Riyadh" },
  "Asia/Dubai": { ar: "دبي", en: "Dubai" },
  "Africa/Cairo": { ar: "القاهرة", en: "Cairo" },
  "Europe/Berlin": { ar: "برلين", en: "Berlin" },
  "Europe/Stockholm": { ar: "ستوكهولم", en: "Stockholm" },
  "Europe/Amsterdam": { ar: "أمستردام", en: "Amsterdam" },
  "Europe/Paris": { ar: "باريس", en: "Paris" },
  "Europe/London": { ar: "لندن", en: "London" },
  "America/New_York": { ar: "نيويورك", en: "New York" },
  UTC: { ar: "التوقيت العالمي UTC", en: "UTC" },
};

/** Folds a typed zone name for comparison: lower case, no harakat, one alef, spaces and underscores alike. */
function foldZoneName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/[\s_]+/g, " ");
}

/**
 * The zone of a name the bot itself shows (`zoneName`: «دمشق», "Damascus", "New York"), written with or without
 * «توقيت»; undefined for anything else.
 */
export function zoneByName(name: string): string | undefined {
  let key = foldZoneName(name);
  if (key.startsWith("توقيت ")) key = key.slice("توقيت ".length);
  if (key === "") return undefined;
  for (const [zone, names] of Object.entries(ZONE_NAMES)) {
    if (foldZoneName(names.ar) === key || foldZoneName(names.en) === key) return zone;
  }
  return undefined;
}

/**
 * A time zone as readers name it, in their language: the city for the zones Nashra offers (the same in
 * /settings, /schedules and /stats), else what Intl calls it in Arabic, else the city of the IANA id.
 */
export function zoneName(zone: string, language: Language): string {
  const known = ZONE_NAMES[zone]?.[language];
  if (known) return known;
  if (/^(Etc\/)?(UTC|GMT|UCT|Universal|Zulu)$/i.test(zone)) return "UTC";
  const city = (zone.split("/").pop() ?? zone).replaceAll("_", " ");
  if (language === "en") return city;
  try {
    const part = new Intl.DateTimeFormat("ar", { timeZone: zone, timeZoneName: "shortGeneric" })
      .formatToParts(0)
      .find((p) => p.type === "timeZoneName")?.value;
    return part && !/[+-]\d/.test(part) ? part : city;
  } catch {
    return city;
  }
}
