// Printing benchmark figures: one line each, and peak memory at the end.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

/** The p-th percentile (nearest rank) of some numbers, rounded to 0.01. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] ?? 0) * 100) / 100;
}

export function printFigures(section: string, figures: Figure[]): void {
  console.log(`\n## ${section}`);
  for (const f of figures) {
    const target = f.target ? `  (target ${f.target})` : "";
    const note = f.note ? `  — ${f.note}` : "";
    console.log(`${f.name.padEnd(22)} ${String(f.value).padStart(10)} ${f.unit}${target}${note}`);
  }
}
