// Benchmarks of the articles path: tagging throughput, import throughput, search latency.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findNearDuplicate } from "../src/ingest/near-duplicate";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import { normalize } from "../src/text/normalize";
import { generateCorpus } from "./corpus";
import { type Figure, percentile } from "./report";

const ARTICLES = 10_000;

export async function benchArticles(): Promise<Figure[]> {
  const corpus = generateCorpus(ARTICLES);
  const dir = mkdtempSync(join(tmpdir(), "nashra-bench-"));
  const clock = () => Date.UTC(2026, 1, 1);
  const services = createServices({
    databasePath: join(dir, "bench.db"),
    clock,
    logger: createLogger("silent"),
    feedPollMinutes: 10,
  });
  try {
    const figures: Figure[] = [];
    const index = services.topics.index();
    const meanBytes =
      corpus.reduce((n, a) => n + Buffer.byteLength(`${a.title}\n${a.body}`), 0) / corpus.length;

    // Tagging with salience (about / mentions, scores): the full catalog against every article, on this one thread.
    for (const a of corpus.slice(0, 500)) index.tag(`${a.title}\n${a.body}`); // warm-up
    let tags = 0;
    const tagStart = performance.now();
    for (const a of corpus) tags += index.tag(`${a.title}\n${a.body}`).length;
    const tagSeconds = (performance.now() - tagStart) / 1000;
    figures.push({
      name: "tagging",
      value: Math.round(ARTICLES / tagSeconds),
      unit: "articles/s",
      target: ">= 5000",
      note: `${ARTICLES} articles of ${Math.round(meanBytes)} bytes, ${index.size} topics, ${(tags / ARTICLES).toFixed(1)} tags each`,
    });

    // Import: normalize, dedupe, tag, store and index (FTS5), 500 articles per transaction.
    const importStart = performance.now();
    for (let i = 0; i < corpus.length; i += 500) {
      services.importer.importAll(corpus.slice(i, i + 500), { origin: "import" });
    }
    const importSeconds = (performance.now() - importStart) / 1000;
    figures.push({
      name: "import",
      value: Math.round(ARTICLES / importSeconds),
      unit: "articles/s",
      note: "batches of 500",
    });

    // Near-duplicate check of a new article (keys, candidates, exact comparison) against those stored: 500 new
    // articles, and 500 shortened copies of stored ones (their first half), which must all be found.
    const fresh = generateCorpus(500, 5000, 7);
    const copies = corpus.slice(0, 500).map((a) => ({ ...a, body: a.body.slice(0, a.body.length / 2) }));
    const checks: number[] = [];
    const merged = { fresh: 0, copies: 0 };
    for (const [kind, list] of [
      ["fresh", fresh],
      ["copies", copies],
    ] as const) {
      for (const a of list) {
        const title = normalize(a.title);
        const tokens = `${title} ${normalize(a.body)}`.trim().split(" ");
        const start = performance.now();
        const check = findNearDuplicate(services.store.articles, tokens, title);
        checks.push(performance.now() - start);
        if (check.match) merged[kind]++;
      }
    }
    figures.push({
      name: "near-duplicate check p50",
      value: percentile(checks, 50),
      unit: "ms",
      target: "<= 1",
      note: `per import, against ${ARTICLES} articles; ${merged.copies} of ${copies.length} shortened copies found, ${merged.fresh} of ${fresh.length} new articles merged`,
    });
    figures.push({
      name: "near-duplicate check p95",
      value: percentile(checks, 95),
      unit: "ms",
      target: "<= 1",
    });

    // Search: Arabic variants, English, short queries; page 1 of results with the total count.
    const queries = [
      "دير الزور",
      "دَيْر الزُّور",
      "بدير الزور",
      "ديرالزور",
      "الميادين",
      "حقل العمر",
      "انقطاع الكهرباء",
      "Deir ez-Zor",
      "Mayadin",
      "power and water",
      "humanitarian organisations",
      "55",
      "هج",
      "Raqqa",
      "البوكمال",
      "الأسعار",
    ];
    const latencies: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const q of queries) {
        const start = performance.now();
        services.articles.search(q, 0);
        latencies.push(performance.now() - start);
      }
    }
    figures.push({
      name: "search p50",
      value: percentile(latencies, 50),
      unit: "ms",
      note: `${latencies.length} queries over ${ARTICLES} articles`,
    });
    figures.push({ name: "search p99", value: percentile(latencies, 99), unit: "ms" });
    return figures;
  } finally {
    services.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
