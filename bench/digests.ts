// Benchmark of a digest run: 100,000 readers following 5 topics each (random places of the catalog, a third in
// English, some in other zones), 1,000 new articles (the synthetic corpus, tagged by the real tagger), one run
// of a schedule covering each reader's own topics. Target: the run in ≤ 10 s.
//
// The run happens twice on the same data, for two schedules: once with the outbox replaced by a counter
// (composition, rendering, packing and each reader's mark), once for real (the rows written to the outbox too).
// The readers and articles are written by one child process; the runs happen in a second one that opens the
// database file as the bot would after a restart, so that its peak RSS is the run's own (not the setup's: a
// corpus generated and tagged in memory, 100,000 readers inserted).
//
// Two shapes of audience: "random" (5 random places of the whole catalog each: nearly every reader's digest is
// their own, the worst case for memory and for the outbox) and "local" (1–3 places each among the 12 a local
// newsroom's readers follow most, by a Zipf law: readers of the same places share one stored body).
import { fileURLToPath } from "node:url";
import { AudiencePolicy } from "../src/audience/policy";
import { DigestService } from "../src/digest/service";
import { I18n } from "../src/i18n";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import type { OutboxMessage } from "../src/store/outbox";
import { type DigestRecipe, messageHtml } from "../src/text/message";
import { checkPhrase } from "../src/text/phrases";
import type { Topic } from "../src/topics/topic-index";
import { random } from "../test/support/random";
import { tempDatabasePath } from "../test/support/temp";
import { childMain, runChild, sampleProcess } from "./child";
import { generateCorpus } from "./corpus";
import type { Figure } from "./report";

const READERS = Number(process.env.BENCH_READERS ?? 100_000);
const TOPICS_EACH = 5;
const ARTICLES = 1_000;
const ZONES = ["Asia/Damascus", "Asia/Damascus", "Asia/Damascus", "Europe/Berlin", "Asia/Baghdad"];
/**
 * Readers' own filters (issue 14's benchmark): a third of the readers mute 5 words and watch 5 (of the
 * corpus's own vocabulary, so they match), a tenth except a place under one they follow. BENCH_FILTERS=0: none.
 */
const FILTERS = process.env.BENCH_FILTERS !== "0";
const MUTES = ["الأسعار", "انفجارات", "المزارعون", "prices", "explosions", "المساعدات", "الري", "witnesses"];
const WATCHES = [
  "الكهرباء",
  "المياه",
  "المحروقات",
  "water cuts",
  "fuel",
  "الخدمات الصحية",
  "aid",
  "irrigation",
];

/** One reader in this many is in quiet hours when the run comes (their digest waits for the end); 0: none. */
const QUIET_EVERY = Number(process.env.BENCH_QUIET_EVERY ?? 10);

type Shape = "random" | "local";

interface ChildResult {
  /** What the real run added to the database file (outbox rows, bodies, marks), in bytes. */
  growthBytes: number;
  bodies: number;
  setupMs: number;
  composeMs: number;
  runMs: number;
  /** Rendering every digest the run stored, as the sender does when it sends each. */
  renderMs: number;
  digests: number;
  parts: number;
  bytes: number;
  startRssKb: number;
  maxRssKb: number;
}

interface Seeded {
  setupMs: number;
  now: number;
  first: number;
  second: number;
}

type Job = { phase: "seed"; shape: Shape; path: string } | { phase: "run"; path: string; seeded: Seeded };

function open(path: string, clock: () => number) {
  return createServices({ databasePath: path, clock, logger: createLogger("silent"), feedPollMinutes: 15 });
}

function child(job: Job): Promise<Seeded | ChildResult> {
  return Promise.resolve(job.phase === "seed" ? seed(job.shape, job.path) : runs(job.path, job.seeded));
}

function seed(shape: Shape, path: string): Seeded {
  let now = Date.UTC(2026, 10, 23, 5, 0);
  const { store, topics, importer } = open(path, () => now);
  try {
    const setupStart = Date.now();
    const index = topics.index();
    const topicIds = index.ordered.map((t) => t.id);
    const rnd = random(7);
    store.db.transaction(() => {
      for (let id = 1; id <= READERS; id++) {
        store.chats.touch(id, "private", null, id % 3 === 0 ? "en" : "ar");
        if (id % 4 === 0) store.chats.update(id, { timezone: ZONES[id % ZONES.length] as string });
        // 08:00-12:00 holds the run (07:00 UTC) in every zone of ZONES.
        if (QUIET_EVERY > 0 && id % QUIET_EVERY === 1) store.chats.setQuiet(id, { start: 8, end: 12 });
        const chosen = new Set<number>();
        if (shape === "random")
          while (chosen.size < TOPICS_EACH)
            chosen.add(topicIds[Math.floor(rnd() * topicIds.length)] as number);
        else {
          const n = rnd() < 0.5 ? 1 : rnd() < 0.6 ? 2 : 3;
          while (chosen.size < n) chosen.add(topicIds[zipf(rnd(), LOCAL_PLACES)] as number);
        }
        store.subscriptions.add(id, [...chosen]);
        if (FILTERS && id % 3 === 2) {
          for (let k = 0; k < 5; k++) {
            const mute = MUTES[(id + k) % MUTES.length] as string;
            const watch = WATCHES[(id + 2 * k) % WATCHES.length] as string;
            store.phrases.add(id, "mute", { phrase: mute, normalized: normalizedPhrase(mute) });
            store.phrases.add(id, "watch", { phrase: watch, normalized: normalizedPhrase(watch) });
          }
        }
        if (FILTERS && id % 10 === 3) {
          const parent = [...chosen].map((t) => index.get(t)).find((t) => t && t.children.length > 0);
          if (parent) store.exceptions.add(id, (parent.children[id % parent.children.length] as Topic).id);
        }
      }
    })();
    const schedule = (n: number) =>
      store.digests.createSchedule({
        spec: "daily 08:00",
        cron: "0 8 * * *",
        timezone: "Asia/Damascus",
        topicId: null,
        createdBy: n,
      }).id;
    const first = schedule(1);
    const second = schedule(2);
    now += 3600_000;
    const corpus = generateCorpus(ARTICLES, 1500, 11).map((a, i) => ({
      ...a,
      url: `https://nashra.example/a/${i}`,
      source: i % 2 ? "مكتب الفرات" : "Euphrates Desk",
    }));
    for (let i = 0; i < corpus.length; i += 200)
      importer.importAll(corpus.slice(i, i + 200), { origin: "import" });
    now += 3600_000;
    return { setupMs: Date.now() - setupStart, now, first, second };
  } finally {
    store.close();
  }
}

async function runs(path: string, { setupMs, now, first, second }: Seeded): Promise<ChildResult> {
  const clock = () => now;
  const { store, topics, audience } = open(path, clock);
  try {
    const options = {
      store,
      topics,
      audience,
      i18n: new I18n("ar"),
      clock,
      logger: createLogger("silent"),
      defaultLanguage: "ar" as const,
      defaultTimezone: "Asia/Damascus",
    };
    let digests = 0;
    const counter = {
      enqueue(messages: readonly OutboxMessage[]) {
        digests += messages.length;
        return messages.length;
      },
    };
    const startRssKb = sampleProcess("self").rssKb;
    let t = Date.now();
    await new DigestService({ ...options, delivery: counter }).run(first, now);
    const composeMs = Date.now() - t;
    // Both schedules cover the readers' own topics and so share their marks: forget the first run's.
    store.db.exec("DELETE FROM digest_marks");
    const size = () => {
      const page = store.db.pragma("page_size", { simple: true }) as number;
      const count = store.db.pragma("page_count", { simple: true }) as number;
      const free = store.db.pragma("freelist_count", { simple: true }) as number;
      return (count - free) * page;
    };
    const sizeBefore = size();
    t = Date.now();
    await new DigestService({ ...options, delivery: { enqueue: (m) => store.outbox.enqueue(m) } }).run(
      second,
      now,
    );
    const runMs = Date.now() - t;
    const maxRssKb = sampleProcess("self").hwmKb;
    // What the sender then does for each row as it sends it: render the stored recipe (src/digest/render.ts).
    const sender = new DigestService(options);
    const run = store.db.prepare("SELECT id FROM digest_runs WHERE schedule_id = ?").pluck().get(second);
    const ref = `digest:${run as number}`;
    let parts = 0;
    let bytes = 0;
    t = Date.now();
    const rows = store.db
      .prepare(
        `SELECT b.message FROM outbox o JOIN outbox_bodies b ON b.id = o.body_id
         WHERE o.purpose = 'digest' AND o.ref = ?`,
      )
      .pluck()
      .iterate(ref) as IterableIterator<string>;
    for (const stored of rows) {
      const message = sender.render(JSON.parse(stored) as DigestRecipe);
      const html = message ? messageHtml(message) : [];
      parts += html.length;
      for (const p of html) bytes += p.length;
    }
    const renderMs = Date.now() - t;
    return {
      growthBytes: size() - sizeBefore,
      bodies: (store.db.prepare("SELECT count(*) AS n FROM outbox_bodies").get() as { n: number }).n,
      setupMs,
      composeMs,
      runMs,
      renderMs,
      digests,
      parts,
      bytes,
      startRssKb,
      maxRssKb,
    };
  } finally {
    store.close();
  }
}

/** Seeds a database in one child and runs the digests in another. */
async function measure(shape: Shape): Promise<ChildResult> {
  const temp = tempDatabasePath();
  try {
    const seeded = await runChild<Seeded>(thisFile, { phase: "seed", shape, path: temp.path }, 300_000);
    return await runChild<ChildResult>(thisFile, { phase: "run", path: temp.path, seeded }, 300_000);
  } finally {
    temp.cleanup();
  }
}

const thisFile = fileURLToPath(import.meta.url);

function normalizedPhrase(raw: string): string {
  const check = checkPhrase(raw);
  if (!check.ok) throw new Error(`not a phrase: ${raw}`);
  return check.normalized;
}

/** The 12 places a local newsroom's readers follow most, and how they pick among them. */
const LOCAL_PLACES = 12;
function zipf(u: number, n: number): number {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1));
  let x = u * weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < n; k++) {
    x -= weights[k] as number;
    if (x <= 0) return k;
  }
  return n - 1;
}

/**
 * What quiet hours add to a run: the policy's "how to send" for every reader (1 in 10 in quiet hours, five
 * zones), as the run asks it (one function for the run). Median of 5, in ms.
 */
function quietHoursCost(): number {
  const policy = new AudiencePolicy({} as never, {} as never);
  const readers = Array.from({ length: READERS }, (_, i) => ({
    quiet: i % 10 === 1 ? { start: 8, end: 12, mode: "silent" as const } : null,
    zone: ZONES[i % ZONES.length] as string,
  }));
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    const sending = policy.sendingFor(Date.UTC(2026, 10, 23, 7, 0), "digest");
    for (const r of readers) sending(r, r.zone);
    times.push(performance.now() - t);
  }
  return Math.round(times.sort((a, b) => a - b)[2] as number);
}

export async function benchDigests(): Promise<Figure[]> {
  const result = await measure("random");
  const local = await measure("local");
  const mb = (kb: number) => Math.round(kb / 1024);
  const quiet = QUIET_EVERY > 0 ? `, 1 in ${QUIET_EVERY} in quiet hours` : "";
  const filters = FILTERS ? ", a third with 5 muted and 5 watched words, a tenth excepting a place" : "";
  const shape = `${READERS / 1000}k readers × ${TOPICS_EACH} topics${quiet}${filters}, ${ARTICLES} new articles`;
  const growth = (r: ChildResult) =>
    `${Math.round(r.growthBytes / 1e6)} MB (${r.digests} digests, ${r.bodies} stored bodies)`;
  return [
    {
      name: "digest run: database growth",
      value: Math.round(result.growthBytes / 1e6),
      unit: "MB",
      note: `${shape}: ${growth(result)}; readers of 1–3 of 12 local places: ${growth(local)} in ${Math.round(local.runMs) / 1000} s, peak RSS ${mb(local.maxRssKb)} MB`,
    },
    {
      name: "digest run",
      value: Math.round(result.runMs) / 1000,
      unit: "s",
      target: "≤ 10",
      note: `${shape}; composed and written to the outbox as recipes with each reader's mark (rendered when sent)`,
    },
    {
      name: "digest compose only",
      value: Math.round(result.composeMs) / 1000,
      unit: "s",
      note: `the same without the outbox rows: ${result.digests} digests`,
    },
    {
      name: "digest rendering at send",
      value: Math.round((result.renderMs * 1e6) / Math.max(1, result.digests)) / 1e3,
      unit: "µs a digest",
      note: `what the sender does as it claims each row: ${result.digests} rendered in ${Math.round(result.renderMs) / 1000} s, ${result.parts} messages, ${Math.round(result.bytes / 1e6)} MB of HTML never stored`,
    },
    {
      name: "digest quiet hours",
      value: quietHoursCost(),
      unit: "ms",
      note: `how to send (now, or at the end of quiet hours) for ${READERS / 1000}k readers, 1 in 10 in quiet hours: what quiet hours add to a run`,
    },
    {
      name: "digest peak RSS",
      value: mb(result.maxRssKb),
      unit: "MB",
      note: `of the process that opened the database and ran (VmHWM, tsx loaded; ${mb(result.startRssKb)} MB before the runs; setup ${Math.round(result.setupMs / 1000)} s in another process)`,
    },
  ];
}

// `tsx bench/digests.ts --child`: the run, reporting its figures as JSON on stdout.
await childMain(thisFile, child);
