// The /stats chart: readers and deliveries per day, drawn as SVG and rendered to PNG in-process by resvg
// (Rust, shipped as a prebuilt package per platform) with the Vazirmatn font, which shapes Arabic.
import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";
import { escapeHtml, stripBidi } from "../text/html";
import type { DayFigures } from "./stats";

/** The words on the chart, already in the reader's language. */
export interface ChartLabels {
  title: string;
  readers: string;
  deliveries: string;
  sent: string;
  failed: string;
}

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 600;

const FONT_FAMILY = "Vazirmatn";
const require = createRequire(import.meta.url);
const FONT_FILES = ["Regular", "Bold"].map((w) => require.resolve(`vazirmatn/fonts/ttf/Vazirmatn-${w}.ttf`));

const COLORS = { readers: "#1f7a5a", sent: "#2b6cb0", failed: "#c53030", grid: "#e2e8f0", text: "#2d3748" };

/** 1, 2, 5 × 10^k at or above `n` (at least 1), so axis labels are round. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

// Fluent's isolation marks have no glyph in the font; the chart's strings are single-direction anyway.
const clean = (s: string) => escapeHtml(stripBidi(s));

function text(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" fill="${COLORS.text}" ${attrs}>${clean(content)}</text>`;
}

/** The chart as SVG (exported for tests and debugging). Labels on the axes are digits and dates only. */
export function statsChartSvg(days: readonly DayFigures[], labels: ChartLabels, rtl: boolean): string {
  const W = CHART_WIDTH;
  const left = 70;
  const right = W - 30;
  const plotWidth = right - left;
  const slot = plotWidth / Math.max(days.length, 1);
  const x = (i: number) => left + slot * i + slot / 2;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${CHART_HEIGHT}" viewBox="0 0 ${W} ${CHART_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(
      rtl ? right : left,
      42,
      labels.title,
      `font-size="26" font-weight="bold" text-anchor="${rtl ? "end" : "start"}"`,
    ),
  ];

  const panel = (top: number, bottom: number, max: number, title: string) => {
    const ceiling = niceCeiling(max);
    const y = (v: number) => bottom - ((bottom - top) * v) / ceiling;
    // Counts are whole: no 0.5 line on an axis that tops at 1 (or 2.5 at 5).
    for (const v of [0, ceiling / 2, ceiling].filter(Number.isInteger)) {
      parts.push(`<line x1="${left}" x2="${right}" y1="${y(v)}" y2="${y(v)}" stroke="${COLORS.grid}"/>`);
      parts.push(
        text(
          left - 8,
          y(v) + 5,
          Number.isInteger(v) ? String(v) : v.toFixed(1),
          `font-size="14" text-anchor="end"`,
        ),
      );
    }
    parts.push(
      text(rtl ? right : left, top - 12, title, `font-size="18" text-anchor="${rtl ? "end" : "start"}"`),
    );
    return y;
  };

  // Readers: a line with its area.
  const readersY = panel(100, 270, Math.max(...days.map((d) => d.readers), 0), labels.readers);
  const points = days.map((d, i) => `${x(i).toFixed(1)},${readersY(d.readers).toFixed(1)}`);
  if (points.length > 0) {
    parts.push(
      `<polygon points="${x(0)},${readersY(0)} ${points.join(" ")} ${x(days.length - 1)},${readersY(0)}" fill="${COLORS.readers}" fill-opacity="0.15"/>`,
      `<polyline points="${points.join(" ")}" fill="none" stroke="${COLORS.readers}" stroke-width="3"/>`,
    );
  }

  // Deliveries: sent bars with the failed ones stacked on top.
  const deliveriesY = panel(340, 520, Math.max(...days.map((d) => d.sent + d.failed), 0), labels.deliveries);
  const bar = Math.max(slot * 0.7, 1);
  days.forEach((d, i) => {
    const x0 = (x(i) - bar / 2).toFixed(1);
    const sentTop = deliveriesY(d.sent);
    const failedTop = deliveriesY(d.sent + d.failed);
    if (d.sent > 0)
      parts.push(
        `<rect x="${x0}" y="${sentTop}" width="${bar.toFixed(1)}" height="${deliveriesY(0) - sentTop}" fill="${COLORS.sent}"/>`,
      );
    if (d.failed > 0)
      parts.push(
        `<rect x="${x0}" y="${failedTop}" width="${bar.toFixed(1)}" height="${sentTop - failedTop}" fill="${COLORS.failed}"/>`,
      );
  });

  // Dates under the bars: day/month, every fifth day and the last.
  days.forEach((d, i) => {
    if (i % 5 !== 0 && i !== days.length - 1) return;
    const [, month, day] = d.date.split("-");
    parts.push(text(x(i), 548, `${Number(day)}/${Number(month)}`, `font-size="14" text-anchor="middle"`));
  });

  // Legend.
  const legend: [string, string][] = [
    [COLORS.readers, labels.readers],
    [COLORS.sent, labels.sent],
    [COLORS.failed, labels.failed],
  ];
  let lx = rtl ? right : left;
  for (const [color, label] of legend) {
    const width = 28 + [...label].length * 9;
    const boxX = rtl ? lx - 14 : lx;
    parts.push(`<rect x="${boxX}" y="571" width="14" height="14" fill="${color}"/>`);
    parts.push(
      text(rtl ? lx - 20 : lx + 20, 584, label, `font-size="15" text-anchor="${rtl ? "end" : "start"}"`),
    );
    lx = rtl ? lx - width - 24 : lx + width + 24;
  }

  parts.push("</svg>");
  return parts.join("\n");
}

/** The chart as a PNG (CHART_WIDTH × CHART_HEIGHT), rendered off the event loop. */
export async function renderStatsChart(
  days: readonly DayFigures[],
  labels: ChartLabels,
  rtl: boolean,
): Promise<Buffer> {
  const image = await renderAsync(statsChartSvg(days, labels, rtl), {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return image.asPng();
}
