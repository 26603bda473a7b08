// Day boundaries for /stats in the newsroom's zone, and the chart's axis rounding.
import { describe, expect, it } from "vitest";
import { niceCeiling, statsChartSvg } from "../../src/admin/chart";
import { CHART_DAYS, dayStarts } from "../../src/admin/stats";

const localTime = (ms: number, zone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    dateStyle: "short",
    timeStyle: "short",
    hourCycle: "h23",
  }).format(ms);

describe("dayStarts", () => {
  it("gives local midnights, one per day, across a DST change (days of 23 and 25 hours)", () => {
    for (const now of [Date.parse("2026-04-10T12:00:00Z"), Date.parse("2026-11-05T23:30:00Z")]) {
      const starts = dayStarts(now, "Europe/Berlin", CHART_DAYS);
      expect(starts).toHaveLength(CHART_DAYS + 1);
      const dates = starts.map((s) => localTime(s, "Europe/Berlin"));
      for (const d of dates) expect(d.endsWith(" 00:00")).toBe(true);
      expect(new Set(dates.map((d) => d.slice(0, 10))).size).toBe(CHART_DAYS + 1);
      expect(starts[CHART_DAYS - 1]).toBeLessThanOrEqual(now);
      expect(starts[CHART_DAYS]).toBeGreaterThan(now);
      const lengths = starts.slice(1).map((s, i) => (s - (starts[i] as number)) / 3_600_000);
      expect(lengths.every((h) => h === 23 || h === 24 || h === 25)).toBe(true);
    }
  });

  it("counts today from local midnight, not UTC's", () => {
    // 23:30 UTC on 5 Nov is 01:30 on 6 Nov in Damascus (UTC+3).
    const starts = dayStarts(Date.parse("2026-11-05T23:30:00Z"), "Asia/Damascus", 2);
    expect(new Date(starts[1] as number).toISOString()).toBe("2026-11-05T21:00:00.000Z");
  });
});

describe("chart", () => {
  it("rounds axes up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 3, 7, 10, 11, 240, 999].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 500, 1000]);
  });

  it("escapes labels and drops bidi isolation marks, which the font has no glyph for", () => {
    const svg = statsChartSvg(
      [{ start: 0, date: "2026-11-23", readers: 3, sent: 2, failed: 1 }],
      { title: "\u2068A & B\u2069", readers: "<r>", deliveries: "d", sent: "s", failed: "f" },
      false,
    );
    expect(svg).toContain(">A &amp; B<");
    expect(svg).toContain("&lt;r&gt;");
    expect(svg).not.toMatch(/[\u2066-\u2069]/);
  });
});

describe("chart axes", () => {
  it("labels only whole numbers, even when the most is 1 or 5", () => {
    for (const most of [1, 5]) {
      const svg = statsChartSvg(
        [{ start: 0, date: "2026-11-23", readers: most, sent: most, failed: 0 }],
        { title: "t", readers: "r", deliveries: "d", sent: "s", failed: "f" },
        false,
      );
      expect(svg, String(most)).not.toMatch(/>\d+\.\d+</);
      expect(svg).toContain(`>${most}<`);
    }
  });
});
