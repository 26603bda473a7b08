// Schedules: parsing what admins type, next runs across time zones and DST, missed runs, the Scheduler.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { missedRun, nextRun } from "../../src/digest/next-run";
import { checkCron, parseSchedule, parseWeekday } from "../../src/digest/parse";
import { MAX_TIMER_MS, Scheduler } from "../../src/digest/scheduler";
import { describeSchedule, scheduleShape } from "../../src/digest/wording";
import { I18n } from "../../src/i18n";
import { asciiDigits } from "../../src/text/normalize";
import { manualClock } from "../support/clock";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Local wall-clock "YYYY-MM-DD HH:MM:SS" of an instant in a zone. */
function local(date: Date, zone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** Every run in [from, to). */
function runs(cron: string, zone: string, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  let at = new Date(from.getTime() - 1);
  for (;;) {
    at = nextRun(cron, zone, at);
    if (at >= to) return out;
    out.push(at);
  }
}

describe("parseSchedule", () => {
  it("reads a time followed by a day as weekly (the time may come first)", () => {
    expect(parseSchedule("07:30 الجمعة", "UTC")).toMatchObject({
      ok: true,
      kind: "weekly",
      cron: "30 7 * * 5",
    });
    expect(parseSchedule("07:30 friday دير الزور", "UTC")).toMatchObject({
      kind: "weekly",
      cron: "30 7 * * 5",
      topicText: "دير الزور",
    });
    expect(parseSchedule("07:30 دير الزور", "UTC")).toMatchObject({ kind: "daily", topicText: "دير الزور" });
  });

  it.each([
    ["daily 08:00", { kind: "daily", cron: "0 8 * * *", zone: "UTC", hour: 8, minute: 0 }],
    ["daily 8:05 Deir ez-Zor", { kind: "daily", cron: "5 8 * * *", topicText: "Deir ez-Zor" }],
    ["08:00", { kind: "daily", cron: "0 8 * * *" }],
    ["daily 8", { kind: "daily", cron: "0 8 * * *", hour: 8, minute: 0 }],
    ["daily 8 صباحًا دير الزور", { kind: "daily", cron: "0 8 * * *", topicText: "دير الزور" }],
    ["يوميا ٨ مساءً", { kind: "daily", cron: "0 20 * * *" }],
    ["daily 8:30pm", { kind: "daily", cron: "30 20 * * *" }],
    ["daily 12 pm", { kind: "daily", cron: "0 12 * * *" }],
    ["weekly الجمعة 7 صباحا", { kind: "weekly", cron: "0 7 * * 5" }],
    ["يوميا ٠٨:٣٠ دير الزور", { kind: "daily", cron: "30 8 * * *", topicText: "دير الزور" }],
    ["يومياً 07:00", { kind: "daily", cron: "0 7 * * *" }],
    ["كل يوم 06:15", { kind: "daily", cron: "15 6 * * *" }],
    ["weekly friday 07:00", { kind: "weekly", cron: "0 7 * * 5", weekday: 5 }],
    ["weekly Fri 07:00", { kind: "weekly", cron: "0 7 * * 5" }],
    ["weekly 07:00 fri", { kind: "weekly", cron: "0 7 * * 5" }],
    ["WEEKLY MON 23:59 Syria", { kind: "weekly", cron: "59 23 * * 1", topicText: "Syria" }],
    ["أسبوعي الجمعة 09:00 سوريا", { kind: "weekly", cron: "0 9 * * 5", topicText: "سوريا" }],
    ["اسبوعي الاثنين 09:00", { kind: "weekly", cron: "0 9 * * 1" }],
    ["الإثنين 09:00", { kind: "weekly", cron: "0 9 * * 1" }],
    ["يوم الأحد 10:00", { kind: "weekly", cron: "0 10 * * 0" }],
    ["السبت 10:00", { kind: "weekly", cron: "0 10 * * 6" }],
    ["weekly ثلاثاء 10:00", { kind: "weekly", cron: "0 10 * * 2" }],
    ['"*/10 * * * * *"', { kind: "cron", cron: "*/10 * * * * *" }],
    ["“0 8 * * 1-5” الميادين", { kind: "cron", cron: "0 8 * * 1-5", topicText: "الميادين" }],
    ["«0 8 * * MON»", { kind: "cron", cron: "0 8 * * MON" }],
    ['"0  8 * *   *"', { kind: "cron", cron: "0 8 * * *" }],
  ])("reads %s", (input, expected) => {
    // Reading only: the floor on how often a schedule may fire has its own test below.
    const result = parseSchedule(input, "UTC", { minIntervalMs: 0 });
    expect(result).toMatchObject({ ok: true, ...expected });
    if (!("topicText" in expected)) expect(result).not.toHaveProperty("topicText");
  });

  it("refuses schedules that fire more often than every 10 minutes, unless the caller lowers the floor", () => {
    for (const input of [
      '"* * * * * *"',
      '"*/10 * * * * *"',
      '"* * * * *"',
      '"*/5 * * * *"',
      '"0,5 8 * * *"',
    ]) {
      expect(parseSchedule(input, "UTC"), input).toMatchObject({ ok: false, error: "too-frequent" });
    }
    expect(parseSchedule('"0,5 8 * * *"', "UTC")).toMatchObject({ detail: "0,5 8 * * *" });
    for (const input of ['"*/10 * * * *"', '"0 */6 * * *"', "daily 08:00", "weekly friday 07:30"]) {
      expect(parseSchedule(input, "UTC"), input).toMatchObject({ ok: true });
    }
    expect(parseSchedule('"* * * * * *"', "UTC", { minIntervalMs: 1000 })).toMatchObject({ ok: true });
  });

  it("takes tz= anywhere, case-insensitively, and returns the canonical zone", () => {
    expect(parseSchedule("daily 08:00 tz=asia/damascus", "UTC")).toMatchObject({
      ok: true,
      zone: "Asia/Damascus",
    });
    expect(parseSchedule("tz=EUROPE/BERLIN daily 08:00 Aleppo", "UTC")).toMatchObject({
      ok: true,
      zone: "Europe/Berlin",
      topicText: "Aleppo",
    });
    expect(parseSchedule("daily 08:00 Hama", "Asia/Damascus")).toMatchObject({ zone: "Asia/Damascus" });
    // The city names the bot itself shows, in either language.
    for (const [tz, zone] of [
      ["tz=دمشق", "Asia/Damascus"],
      ["tz=Damascus", "Asia/Damascus"],
      ["tz=berlin", "Europe/Berlin"],
      ["tz=برلين", "Europe/Berlin"],
      ["tz=عمان", "Asia/Amman"],
      ["tz=New York", "America/New_York"],
      ["tz=توقيت بغداد", "Asia/Baghdad"],
    ]) {
      expect(parseSchedule(`daily 08:00 الميادين ${tz}`, "UTC"), tz).toMatchObject({
        zone,
        topicText: "الميادين",
      });
    }
  });

  it.each([
    ["", "missing-when", ""],
    ["tz=Asia/Damascus", "missing-when", ""],
    ["sometimes 08:00", "unknown-when", "sometimes"],
    ["daily", "missing-time", ""],
    ["daily Aleppo", "missing-time", "Aleppo"],
    ["daily 24:00", "bad-time", "24:00"],
    ["daily 8:60", "bad-time", "8:60"],
    ["daily 25", "bad-time", "25"],
    ["daily 13 مساء", "bad-time", "13"],
    ["weekly", "missing-day", ""],
    ["weekly 08:00", "missing-day", ""],
    ["weekly someday 08:00", "bad-day", "someday"],
    ["weekly friday", "missing-time", ""],
    ["الجمعة 25:00", "bad-time", "25:00"],
    ["0 8 * * *", "unquoted-cron", "0 8 * * *"],
    ['"0 8 * * *', "unclosed-quote", "0 8 * * *"],
    ['"0 8 * *"', "cron-field-count", "4"],
    ['"0 0 8 * * * 2026"', "cron-field-count", "7"],
    ['"0 0 30 2 *"', "cron-never-runs", "0 0 30 2 *"],
    ["daily 08:00 tz=Mars/Olympus", "unknown-zone", "Mars/Olympus"],
    ["daily 08:00 tz=", "unknown-zone", ""],
  ])("rejects %j with %s", (input, error, detail) => {
    expect(parseSchedule(input, "UTC")).toEqual({ ok: false, error, detail });
  });

  it.each([
    ['"61 * * * *"', "minute", "61"],
    ['"0 25 * * *"', "hour", "25"],
    ['"0 8 32 * *"', "day-of-month", "32"],
    ['"0 8 * 13 *"', "month", "13"],
    ['"0 8 * * funday"', "day-of-week", "funday"],
    ['"99 0 8 * * *"', "second", "99"],
    ['"0 70 8 * * *"', "minute", "70"],
    ['"0 8 * * 1-"', "day-of-week", "1-"],
  ])("names the bad cron field of %s", (input, field, detail) => {
    expect(parseSchedule(input, "UTC")).toEqual({ ok: false, error: "bad-cron-field", field, detail });
  });

  it("reads every valid time, in Latin or Arabic-Indic digits", () => {
    const arabic = (s: string) => s.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)] as string);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        (h, m, ar) => {
          const time = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
          const result = parseSchedule(`daily ${ar ? arabic(time) : time}`, "UTC");
          expect(result).toMatchObject({ ok: true, cron: `${m} ${h} * * *`, hour: h, minute: m });
        },
      ),
    );
  });

  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        const result = parseSchedule(input, "UTC");
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expect(checkCron(result.cron)).toEqual({ ok: true });
      }),
    );
  });

  it("folds Arabic day names' alef, hamza and ta marbuta forms", () => {
    for (const [word, day] of [
      ["الأحد", 0],
      ["احد", 0],
      ["الاثنين", 1],
      ["الإثنين", 1],
      ["الثلاثاء", 2],
      ["الثلاثا", 2],
      ["الأربعاء", 3],
      ["الاربعاء", 3],
      ["الخميس", 4],
      ["الجمعة", 5],
      ["الجمعه", 5],
      ["جمعة", 5],
      ["السبت", 6],
      ["Thursday", 4],
      ["thurs", 4],
    ] as const) {
      expect(parseWeekday(word), word).toBe(day);
    }
    expect(asciiDigits("٠٨:٣٠ ۱۲")).toBe("08:30 12");
  });
});

describe("nextRun", () => {
  it("is strictly after the given time", () => {
    const at = new Date("2026-01-01T08:00:00Z");
    expect(nextRun("0 8 * * *", "UTC", at).toISOString()).toBe("2026-01-02T08:00:00.000Z");
    expect(nextRun("0 8 * * *", "UTC", new Date(at.getTime() - 1)).toISOString()).toBe(
      "2026-01-01T08:00:00.000Z",
    );
  });

  it("follows the zone: 08:00 in Damascus is 05:00 UTC", () => {
    const next = nextRun("0 8 * * *", "Asia/Damascus", new Date("2026-06-01T00:00:00Z"));
    expect(next.toISOString()).toBe("2026-06-01T05:00:00.000Z");
  });

  it("runs 6-field expressions to the second", () => {
    const from = new Date("2026-03-29T00:59:55Z");
    const got = runs("*/10 * * * * *", "Europe/Berlin", from, new Date(from.getTime() + 30_000));
    expect(got.map((d) => d.toISOString())).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:00:10.000Z",
      "2026-03-29T01:00:20.000Z",
    ]);
  });

  describe("across DST in Europe/Berlin (2026-03-29 and 2026-10-25)", () => {
    const zone = "Europe/Berlin";
    const days = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY));

    for (const [month, start] of [
      ["March", "2026-03-26"],
      ["October", "2026-10-22"],
    ] as const) {
      it(`daily 08:00 fires once a day at 08:00 local through the last Sunday of ${month}`, () => {
        const got = runs(
          "0 8 * * *",
          zone,
          new Date(`${start}T00:00:00Z`),
          new Date(Date.parse(start) + 7 * DAY),
        );
        expect(got).toHaveLength(7);
        expect(got.map((d) => local(d, zone))).toEqual(
          days(start, 7).map((d) => `${d.toISOString().slice(0, 10)} 08:00:00`),
        );
      });
    }

    it("daily 02:30 fires at 03:00 on the day 02:30 does not exist, and once", () => {
      const got = runs(
        "30 2 * * *",
        zone,
        new Date("2026-03-27T00:00:00Z"),
        new Date("2026-04-01T00:00:00Z"),
      );
      expect(got.map((d) => local(d, zone))).toEqual([
        "2026-03-27 02:30:00",
        "2026-03-28 02:30:00",
        "2026-03-29 03:00:00",
        "2026-03-30 02:30:00",
        "2026-03-31 02:30:00",
      ]);
      expect(got[2]?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    });

    it("daily 02:30 fires once when 02:30 happens twice, at the first (summer time) one", () => {
      const got = runs(
        "30 2 * * *",
        zone,
        new Date("2026-10-24T00:00:00Z"),
        new Date("2026-10-27T00:00:00Z"),
      );
      expect(got.map((d) => d.toISOString())).toEqual([
        "2026-10-24T00:30:00.000Z",
        "2026-10-25T00:30:00.000Z", // 02:30 CEST; 02:30 CET an hour later does not fire again
        "2026-10-26T01:30:00.000Z",
      ]);
    });

    it("weekly Sunday 02:30 still fires on the spring-forward Sunday", () => {
      const got = runs(
        "30 2 * * 0",
        zone,
        new Date("2026-03-20T00:00:00Z"),
        new Date("2026-04-06T00:00:00Z"),
      );
      expect(got.map((d) => local(d, zone))).toEqual([
        "2026-03-22 02:30:00",
        "2026-03-29 03:00:00",
        "2026-04-05 02:30:00",
      ]);
    });
  });

  it("daily schedules fire once per local day at the local time, in any zone (property)", () => {
    const zones = [
      "UTC",
      "Asia/Damascus",
      "Europe/Berlin",
      "America/New_York",
      "Australia/Sydney",
      "Asia/Kolkata",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (zone, h, m, from) => {
          const got = runs(`${m} ${h} * * *`, zone, new Date(from), new Date(from + 10 * DAY));
          const dates = got.map((d) => local(d, zone).slice(0, 10));
          expect(new Set(dates).size).toBe(dates.length); // never twice a day
          expect(got.length).toBeGreaterThanOrEqual(9);
          const want = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00`;
          // Only a DST gap moves a run, and then by at most the gap (1 h in these zones).
          for (const d of got) {
            const at = local(d, zone).slice(11);
            if (at !== want) {
              const [gh = 0, gm = 0] = at.split(":").map(Number);
              const diff = gh * 60 + gm - (h * 60 + m);
              expect(diff).toBeGreaterThan(0);
              expect(diff).toBeLessThanOrEqual(60);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("missedRun", () => {
  const cron = "0 8 * * *";
  const last = new Date("2026-01-01T08:00:00Z");

  it("makes up a run due within the last hour, once", () => {
    expect(missedRun(cron, "UTC", last, new Date("2026-01-02T08:30:00Z"))?.toISOString()).toBe(
      "2026-01-02T08:00:00.000Z",
    );
    expect(missedRun(cron, "UTC", last, new Date("2026-01-02T09:00:00Z"))?.toISOString()).toBe(
      "2026-01-02T08:00:00.000Z",
    );
  });

  it("drops a run due more than an hour ago", () => {
    expect(missedRun(cron, "UTC", last, new Date("2026-01-02T09:00:01Z"))).toBeUndefined();
    expect(missedRun(cron, "UTC", last, new Date("2026-01-05T12:00:00Z"))).toBeUndefined();
  });

  it("does not repeat the run already made", () => {
    const made = new Date("2026-01-02T08:00:00Z");
    expect(missedRun(cron, "UTC", made, new Date("2026-01-02T08:20:00Z"))).toBeUndefined();
  });

  it("counts a run due exactly now", () => {
    expect(missedRun(cron, "UTC", last, new Date("2026-01-02T08:00:00Z"))?.toISOString()).toBe(
      "2026-01-02T08:00:00.000Z",
    );
  });

  it("gives the latest of several runs in the hour (seconds schedules)", () => {
    const now = new Date("2026-01-02T08:00:05Z");
    expect(missedRun("*/10 * * * * *", "UTC", last, now)?.toISOString()).toBe("2026-01-02T08:00:00.000Z");
  });

  it("works in local time", () => {
    // 08:00 in Damascus (UTC+3) is 05:00 UTC.
    expect(missedRun(cron, "Asia/Damascus", last, new Date("2026-01-02T05:59:00Z"))?.toISOString()).toBe(
      "2026-01-02T05:00:00.000Z",
    );
  });
});

describe("describeSchedule", () => {
  const i18n = new I18n("ar");
  const strip = (s: string) => s.replace(/[\u2068\u2069\u200f]/g, "");

  it("says daily and weekly schedules in words, in each language", () => {
    expect(strip(describeSchedule("0 8 * * *", "Asia/Damascus", "en", i18n))).toBe(
      "every day at 08:00 (Damascus)",
    );
    expect(strip(describeSchedule("0 8 * * *", "Asia/Damascus", "ar", i18n))).toBe(
      "كل يوم الساعة 08:00 (دمشق)",
    );
    expect(strip(describeSchedule("30 7 * * 5", "UTC", "en", i18n))).toBe("every Friday at 07:30 (UTC)");
    expect(strip(describeSchedule("30 7 * * 5", "UTC", "ar", i18n))).toBe(
      "كل يوم الجمعة الساعة 07:30 (التوقيت العالمي UTC)",
    );
    expect(strip(describeSchedule("0 9 * * 0", "America/New_York", "en", i18n))).toBe(
      "every Sunday at 09:00 (New York)",
    );
  });

  it("says the common cron shapes in words, in each language", () => {
    const both = (cron: string) => [
      strip(describeSchedule(cron, "Asia/Damascus", "ar", i18n)),
      strip(describeSchedule(cron, "Asia/Damascus", "en", i18n)),
    ];
    expect(both("0 18 * * 1-5")).toEqual([
      "كل يوم عمل (من الاثنين إلى الجمعة) الساعة 18:00 (دمشق)",
      "every weekday (Monday to Friday) at 18:00 (Damascus)",
    ]);
    expect(both("30 7 * * 0-4")).toEqual([
      "كل يوم عمل (من الأحد إلى الخميس) الساعة 07:30 (دمشق)",
      "every working day (Sunday to Thursday) at 07:30 (Damascus)",
    ]);
    expect(both("0 8 * * MON,WED,FRI")).toEqual([
      "كل يوم الاثنين والأربعاء والجمعة الساعة 08:00 (دمشق)",
      "every Monday, Wednesday and Friday at 08:00 (Damascus)",
    ]);
    expect(both("0 8,20 * * *")).toEqual([
      "كل يوم الساعة 08:00 و20:00 (دمشق)",
      "every day at 08:00 and 20:00 (Damascus)",
    ]);
    expect(both("0 */6 * * *")).toEqual([
      "كل 6 ساعات عند الدقيقة 00 (دمشق)",
      "every 6 hours at minute 00 (Damascus)",
    ]);
    expect(both("*/30 * * * *")).toEqual(["كل 30 دقيقة (دمشق)", "every 30 minutes (Damascus)"]);
  });

  it("quotes other expressions", () => {
    expect(strip(describeSchedule("*/10 * * * * *", "UTC", "en", i18n))).toBe(
      "on the cron schedule “*/10 * * * * *” (UTC)",
    );
    expect(strip(describeSchedule("0 8 1 * *", "UTC", "ar", i18n))).toContain("«0 8 1 * *»");
  });

  it("recognises the shapes parseSchedule produces", () => {
    for (const input of ["daily 06:05", "weekly sat 21:00", '"0 8 * * 1-5"']) {
      const parsed = parseSchedule(input, "UTC");
      if (!parsed.ok) throw new Error(input);
      expect(scheduleShape(parsed.cron).kind).toBe(parsed.kind);
    }
  });
});

/** A Scheduler whose timers fire only when a test calls them (at whatever time it sets): early, late, never. */
function wokenByHand(start: string) {
  const timers: (() => void)[] = [];
  const clock = manualClock(start);
  const s = new Scheduler({ clock, setTimer: (fire) => timers.push(fire), clearTimer: () => {} });
  const at = (iso: string): void => {
    clock.now = Date.parse(iso);
  };
  return { s, timers, at };
}

describe("Scheduler", () => {
  function setup(start = "2026-03-27T00:00:00Z") {
    const time = manualClock(start);
    const errors: unknown[] = [];
    const scheduler = new Scheduler({
      clock: time,
      setTimer: time.setTimer,
      clearTimer: time.clearTimer,
      onError: (_id, e) => errors.push(e),
    });
    return { time, scheduler, errors };
  }

  it("fires at each run with the scheduled time, once per day across DST", () => {
    const { time, scheduler } = setup();
    const fired: string[] = [];
    const first = scheduler.arm("berlin", "30 2 * * *", "Europe/Berlin", (at) => {
      fired.push(local(at, "Europe/Berlin"));
    });
    expect(local(first, "Europe/Berlin")).toBe("2026-03-27 02:30:00");
    time.advance(5 * DAY);
    expect(fired).toEqual([
      "2026-03-27 02:30:00",
      "2026-03-28 02:30:00",
      "2026-03-29 03:00:00",
      "2026-03-30 02:30:00",
      "2026-03-31 02:30:00",
    ]);
    expect(time.pending).toBe(1);
  });

  it("fires every 10 seconds for a 6-field expression", () => {
    const { time, scheduler } = setup("2026-01-01T00:00:01Z");
    const fired: number[] = [];
    scheduler.arm(1, "*/10 * * * * *", "UTC", (at) => fired.push(at.getTime()));
    time.advance(60_000);
    expect(fired).toHaveLength(6);
    expect(fired.every((t, i) => i === 0 || t - (fired[i - 1] as number) === 10_000)).toBe(true);
  });

  it("keeps each timer within setTimeout's range and chains long waits", () => {
    const { time, scheduler } = setup("2026-01-01T00:00:00Z");
    const fired: string[] = [];
    // Once a year, on 1 July.
    scheduler.arm("yearly", "0 0 1 7 *", "UTC", (at) => fired.push(at.toISOString()));
    time.advance(200 * DAY);
    expect(fired).toEqual(["2026-07-01T00:00:00.000Z"]);
    expect(Math.max(...time.delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(time.delays.length).toBeGreaterThan(7);
  });

  it("does not fire early when a timer wakes before its time", () => {
    const { s, timers, at } = wokenByHand("2026-01-01T00:00:00Z");
    const fired: Date[] = [];
    s.arm("x", "0 8 * * *", "UTC", (at) => fired.push(at));
    at("2026-01-01T07:59:59.500Z");
    timers.shift()?.();
    expect(fired).toEqual([]);
    at("2026-01-01T08:00:00.000Z");
    timers.shift()?.();
    expect(fired.map((d) => d.toISOString())).toEqual(["2026-01-01T08:00:00.000Z"]);
  });

  it("after a long sleep fires the overdue run once, then continues from now", () => {
    const { s, timers, at } = wokenByHand("2026-01-01T00:00:00Z");
    const fired: string[] = [];
    s.arm("x", "0 * * * *", "UTC", (at) => fired.push(at.toISOString()));
    at("2026-01-01T05:30:00Z"); // the machine slept through five runs
    timers.shift()?.();
    expect(fired).toEqual(["2026-01-01T01:00:00.000Z"]);
    expect(s.nextRunOf("x")?.toISOString()).toBe("2026-01-01T06:00:00.000Z");
  });

  it("disarm and stop cancel timers; re-arming replaces", () => {
    const { time, scheduler } = setup("2026-01-01T00:00:00Z");
    const fired: string[] = [];
    scheduler.arm("a", "0 8 * * *", "UTC", () => fired.push("a"));
    scheduler.arm("b", "0 9 * * *", "UTC", () => fired.push("b"));
    scheduler.arm("b", "0 10 * * *", "UTC", () => fired.push("b2"));
    expect(time.pending).toBe(2);
    expect(scheduler.disarm("a")).toBe(true);
    expect(scheduler.disarm("a")).toBe(false);
    time.advance(DAY);
    expect(fired).toEqual(["b2"]);
    scheduler.stop();
    expect(time.pending).toBe(0);
    expect(scheduler.ids()).toEqual([]);
    expect(() => scheduler.arm("c", "0 8 * * *", "UTC", () => {})).toThrow(/stopped/);
  });

  it("lets a callback disarm its own schedule", () => {
    const { time, scheduler } = setup("2026-01-01T00:00:00Z");
    let count = 0;
    scheduler.arm("once", "0 * * * *", "UTC", () => {
      count++;
      scheduler.disarm("once");
    });
    time.advance(5 * HOUR);
    expect(count).toBe(1);
    expect(time.pending).toBe(0);
  });

  it("reports a failing callback and keeps the schedule", async () => {
    const { time, scheduler, errors } = setup("2026-01-01T00:00:00Z");
    let calls = 0;
    scheduler.arm("sync", "0 * * * *", "UTC", () => {
      calls++;
      throw new Error("boom");
    });
    scheduler.arm("async", "0 * * * *", "UTC", async () => {
      throw new Error("later");
    });
    time.advance(2 * HOUR);
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(2);
    expect(errors.map((e) => (e as Error).message).sort()).toEqual(["boom", "boom", "later", "later"]);
    expect(scheduler.ids().sort()).toEqual(["async", "sync"]);
  });

  it("rejects an invalid expression or zone when arming", () => {
    const { scheduler } = setup();
    expect(() => scheduler.arm("x", "not cron", "UTC", () => {})).toThrow();
    expect(() => scheduler.arm("x", "0 8 * * *", "Mars/Olympus", () => {})).toThrow();
    expect(scheduler.ids()).toEqual([]);
  });
});
