// Benchmarks of the articles path: tagging throughput, import throughput, near-duplicate checks, and search latency
// over 100,000 articles (BENCH_SEARCH_ARTICLES changes the number).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findNearDuplicate, fingerprint } from "../src/ingest/near-duplicate";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import { normalize } from "../src/text/normalize";
import { generateCorpus } from "./corpus";
import { type Figure, percentile } from "./report";

const ARTICLES = 10_000;
/** Articles search is measured over (the first ARTICLES, then more generated a part at a time). */
const SEARCH_ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000);

/** What readers search for: places in their spellings, several words in any order, English names, stop words. */
const QUERIES = [
  "دير الزور",
  "دَيْر الزُّور",
  "بدير الزور",
  "ديرالزور",
  "الميادين",
  "حقل العمر",
  "البوكمال",
  "انقطاع الكهرباء",
  "الكهرباء انقطاع",
  "الأسعار ارتفعت",
  "المساعدات الإنسانية الميادين",
  "المزارعون الري",
  "انفجارات الرقة",
  "Deir ez-Zor",
  "Mayadin",
  "Omar field",
  "power water",
  "humanitarian organisations",
  "prices Raqqa",
  "explosions near Hasakah",
  "55",
  "في من على",
  "خامنئي",
];

export async function benchArticles(): Promise<Figure[]> {
  const corpus = generateCorpus(ARTICLES);
  const dir = mkdtempSync(join(tmpdir(), "nashra-bench-"));
  // After the last article's time (one a minute from 2026-01-01), so that every one keeps its own and recency ranks.
  const clock = () => Date.UTC(2026, 0, 1) + Math.max(SEARCH_ARTICLES, ARTICLES) * 60_000 + 3_600_000;
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
        const body = normalize(a.body);
        const start = performance.now();
        const check = findNearDuplicate(services.store.articles, fingerprint(title, body));
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

    // Search over SEARCH_ARTICLES: the rest of the archive imported a part at a time (memory stays bounded).
    const part = 10_000;
    const moreStart = performance.now();
    for (let first = ARTICLES; first < SEARCH_ARTICLES; first += part) {
      const more = generateCorpus(Math.min(part, SEARCH_ARTICLES - first), 5000, 42 + first, first);
      for (let i = 0; i < more.length; i += 500) {
        services.importer.importAll(more.slice(i, i + 500), { origin: "import" });
      }
    }
    const stored = services.store.articles.count();
    if (stored > ARTICLES) {
      figures.push({
        name: "import to 100k",
        value: Math.round((stored - ARTICLES) / ((performance.now() - moreStart) / 1000)),
        unit: "articles/s",
        note: `articles ${ARTICLES + 1}–${stored}, batches of 500; database ${Math.round(statSync(join(dir, "bench.db")).size / 1e6)} MB`,
      });
    }

    // Page 1 of each query, ranked, with its count and the passages of its five results: what /search does.
    for (const q of QUERIES) services.articles.search(q, 0); // warm-up
    const latencies: number[] = [];
    let results = 0;
    for (let round = 0; round < 20; round++) {
      for (const q of QUERIES) {
        const start = performance.now();
        results += services.articles.search(q, 0).total;
        latencies.push(performance.now() - start);
      }
    }
    figures.push({
      name: "search p50",
      value: percentile(latencies, 50),
      unit: "ms",
      note: `${latencies.length} queries (${QUERIES.length} kinds) over ${stored} articles, ranked, page 1 with passages; ${Math.round(results / latencies.length)} results each on average (counting stops at 1000)`,
    });
    figures.push({ name: "search p95", value: percentile(latencies, 95), unit: "ms", target: "<= 50" });
    figures.push({ name: "search p99", value: percentile(latencies, 99), unit: "ms" });
    return figures;
  } finally {
    services.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
