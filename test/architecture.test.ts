// Dependencies point one way: a module imports its own layer and the layers below it, never one above; a bot
// feature never imports another feature (what two features share lives in bot/views, bot/keyboards…), and
// only bot/index.ts assembles the features. docs/architecture.md explains the layers; this is where they are.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers, lowest first. A unit is a folder of src/ or a file at its top (without .ts). Add a unit to the
 * layer it belongs to; a new layer goes where nothing below it needs it.
 */
const LAYERS: { name: string; units: string[] }[] = [
  { name: "domain", units: ["domain", "clock"] },
  { name: "text", units: ["text"] },
  { name: "store", units: ["store"] },
  { name: "support", units: ["i18n", "config", "logger", "metrics", "maps", "render"] },
  {
    name: "services",
    units: [
      "topics",
      "ingest",
      "articles",
      "audience",
      "readers",
      "roles",
      "feeds",
      "delivery",
      "alerts",
      "digest",
      "admin",
      "tips",
    ],
  },
  { name: "fronts", units: ["bot", "http"] },
  { name: "composition", units: ["services", "app", "cli", "main"] },
];

const SRC = resolve(import.meta.dirname, "../src");

/** An import of one src file by another, as paths relative to src/ ("store/topics.ts"). */
interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative import (static, type-only, re-export or dynamic) between files of src/. */
function importEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    return importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => {
        const target = resolve(dirname(file), name);
        const path = /\.(ts|json)$/.test(target) ? target : `${target}.ts`;
        return { from: relative(SRC, file), to: relative(SRC, path) };
      });
  });
}

const unitOf = (path: string) => (path.split("/")[0] as string).replace(/\.ts$/, "");

function layerOf(path: string): number {
  const unit = unitOf(path);
  const layer = LAYERS.findIndex((l) => l.units.includes(unit));
  if (layer < 0)
    throw new Error(`src/${path}: its unit "${unit}" is in no layer of test/architecture.test.ts`);
  return layer;
}

const isFeature = (path: string) => path.startsWith("bot/features/");

/** What breaks the rules, one line per import. */
function violations(edges: readonly Edge[]): string[] {
  const found: string[] = [];
  for (const { from, to } of edges) {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (b > a) {
      found.push(`src/${from} (${LAYERS[a]?.name}) imports src/${to} (${LAYERS[b]?.name}), a higher layer`);
    }
    if (isFeature(to) && isFeature(from) && from !== to) {
      found.push(`src/${from} imports src/${to}: a feature does not import another feature`);
    }
    if (isFeature(to) && !isFeature(from) && from !== "bot/index.ts") {
      found.push(`src/${from} imports src/${to}: only bot/index.ts assembles the features`);
    }
  }
  return found;
}

describe("the source tree", () => {
  const edges = importEdges();

  it("has its imports read (the check is not vacuous)", () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: "store/chats.ts", to: "domain.ts" });
  });

  it("imports only its own layer and the layers below, and no feature imports another", () => {
    expect(violations(edges)).toEqual([]);
  });

  it("keeps the store on store/, text/, the clock and the domain module", () => {
    const outside = edges
      .filter((e) => unitOf(e.from) === "store")
      .filter((e) => !["store", "text", "clock", "domain"].includes(unitOf(e.to)));
    expect(outside).toEqual([]);
  });
});

describe("the rules", () => {
  it("catch a store module importing a service, a feature importing a feature, the app importing a feature", () => {
    expect(
      violations([
        { from: "store/topics.ts", to: "topics/catalog.ts" },
        { from: "bot/features/start.ts", to: "bot/features/topics.ts" },
        { from: "app.ts", to: "bot/features/alerts.ts" },
        { from: "text/html.ts", to: "i18n/index.ts" },
      ]),
    ).toEqual([
      "src/store/topics.ts (store) imports src/topics/catalog.ts (services), a higher layer",
      "src/bot/features/start.ts imports src/bot/features/topics.ts: a feature does not import another feature",
      "src/app.ts imports src/bot/features/alerts.ts: only bot/index.ts assembles the features",
      "src/text/html.ts (text) imports src/i18n/index.ts (support), a higher layer",
    ]);
  });

  it("allow a lower layer, the same unit, and bot/index.ts assembling features", () => {
    expect(
      violations([
        { from: "alerts/service.ts", to: "store/chats.ts" },
        { from: "store/alerts.ts", to: "store/chats.ts" },
        { from: "bot/index.ts", to: "bot/features/start.ts" },
        { from: "bot/features/start.ts", to: "bot/views/picker.ts" },
      ]),
    ).toEqual([]);
  });

  it("name a unit that is in no layer instead of passing it", () => {
    expect(() => violations([{ from: "newthing/x.ts", to: "domain.ts" }])).toThrow(/in no layer/);
  });
});
