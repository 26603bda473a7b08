// Benchmarks of the articles path: tagging throughput, import throughput, search latency.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
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

    // Tagging: the full catalog against every article, on this one thread.
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
