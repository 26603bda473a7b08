// A million readers (issue 16 item 5), measured from outside: the bot is `node dist/main.js` (what `npm start`
// runs) against the fake Bot API at the paid rate (1,000/s, 20–50 ms per call), on a database of SCALE_READERS
// private chats that follow 1–5 places each (most Deir ez-Zor governorate, others the towns, cities and sites under
// it, some elsewhere in the catalog; every fifth reader in English, every fourth in another zone).
//
// Setup (not measured): the readers are written by SQL before the bot starts (a million /subscribe updates
// through the fake would take hours at Telegram's reply rate; `bench -- outside` is the figure from readers who
// typed), and SCALE_ARTICLES × 0.3 articles of the synthetic corpus (bench/corpus.ts) are imported through the
// importer, tagged as the bot tags them, so that /latest has news. The database is then copied for phase 2.
//
// Phase 1, the alert: the bot starts; SCALE_USERS people send /start, /subscribe <place>, /settings and /latest
// (real updates, so the memory figures include what handling them leaves behind); an editor sends /alert دير الزور
// and presses Send. Over the first SCALE_SECONDS of the broadcast: press → first copy, messages/s, the bot's RSS
// (idle, after the updates, peak: /proc every 50 ms), and every SCALE_PROBE_MS an admin's /stats or a reader's
// /latest (one in SCALE_STATS_EVERY a /stats, from 2 admins and 20 readers in turn, so that no chat passes
// Telegram's 1 a second or the bot's 20 a minute): its latency is update pushed → the bot's first sendMessage to
// that chat arriving at the fake (for 5 s before the press too, for comparison).
//
// Phase 2, the digest (SCALE_DIGEST=0 skips it): a fresh bot on the copy (no alert queued), the same kind of
// updates from other people, then an admin's /schedule daily 08:00 (each reader's own places), the other
// SCALE_ARTICLES × 0.7 articles imported while the bot runs (as `npm run cli -- import` does: a reader's first
// digest covers what arrived after the schedule was made), and /digestnow <id>. Figures: /digestnow → the bot's
// "done" reply (and the run's own started → finished from digest_runs, read by a read-only connection), the
// bot's peak RSS meanwhile (the sender starts on the digests as the run writes them), and what the run added to
// the database (pages in use; the file and its WAL as ls sees them).
//
// `npm run bench -- scale` (1,000,000 readers); `SCALE_READERS=100000 npm run bench -- scale` for the 100,000-
// reader digest target (≤ 10 s, peak RSS ≤ 300 MB). Environment: SCALE_READERS (1,000,000), SCALE_SECONDS (60),
// SCALE_USERS (200), SCALE_ARTICLES (1,000), SCALE_PROBE_MS (200), SCALE_STATS_EVERY (25: a /stats every 5 s),
// SCALE_DIGEST (1).
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import { FakeBotApi, type FakeCall } from "../test/support/fake-bot-api";
import { buttonData } from "../test/support/harness";
import { random } from "../test/support/random";
import { tempDatabasePath } from "../test/support/temp";
import { callback, command, user } from "../test/support/updates";
import { alertPreview, buildBot, type RunningBot, sampleProcess, sleep, startPaidBot, until } from "./child";
import { generateCorpus } from "./corpus";
import { PAID_LIMITER } from "./delivery";
import { type Figure, percentile } from "./report";

const READERS = Number(process.env.SCALE_READERS ?? 1_000_000);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 60);
const USERS = Number(process.env.SCALE_USERS ?? 200);
const ARTICLES = Number(process.env.SCALE_ARTICLES ?? 1000);
const PROBE_MS = Number(process.env.SCALE_PROBE_MS ?? 200);
const DIGEST = process.env.SCALE_DIGEST !== "0";
/** Articles there before the bot starts (for /latest); the rest arrive after the digest's schedule. */
const EARLY_ARTICLES = Math.round(ARTICLES * 0.3);

const FIRST_READER = 10_000_000;
const EDITOR = user({ id: 9_999_999, language_code: "ar" });
/**
 * One probe in STATS_EVERY is an admin's /stats (every 5 s at the defaults; 0: none). /stats counts the readers
 * of each of 30 days in one synchronous pass each (~1 s with a million chats): more often, the bot does little else.
 */
const STATS_EVERY = Number(process.env.SCALE_STATS_EVERY ?? 25);
const ADMINS = Array.from({ length: 2 }, (_, i) =>
  user({ id: 9_999_900 + i, language_code: i % 4 ? "ar" : "en" }),
);
/**
 * Seeded readers who send /latest while the alert goes out: 20 spread over the id range among those the alert
 * does not reach (one who just got a copy waits for Telegram's 1 a second to that chat; set by `seed`).
 */
const PROBE_READERS: ReturnType<typeof user>[] = [];
/** People who type commands before the measurements (phase 1 from FIRST_USER, phase 2 from FIRST_USER + USERS). */
const FIRST_USER = 5_000_000;
/** What they follow by typing, as a local newsroom's readers would. */
const TYPED_PLACES = [
  "دير الزور",
  "الميادين",
  "البوكمال",
  "هجين",
  "الرقة",
  "Deir ez-Zor",
  "Mayadin",
  "الحسكة",
];

const DAY = 86_400_000;
const mb = (kb: number) => Math.round(kb / 1024);

function openServices(path: string, clock: () => number) {
  return createServices({ databasePath: path, clock, logger: createLogger("silent"), feedPollMinutes: 15 });
}

/** `count` articles of the synthetic corpus from number `first`, published just before they arrive. */
function importArticles(path: string, first: number, count: number, arrivedAt: number, stepMs: number): void {
  let now = arrivedAt;
  const services = openServices(path, () => now);
  try {
    const corpus = generateCorpus(count, 1500, 11 + first, first);
    for (let i = 0; i < corpus.length; i += 100) {
      const part = corpus.slice(i, i + 100).map((a, k) => ({
        ...a,
        url: `https://nashra.example/scale/${first + i + k}`,
        publishedAt: now - 5 * 60_000 + k * stepMs,
      }));
      services.importer.importAll(part, { origin: "import" });
      now += 100 * stepMs;
    }
  } finally {
    services.store.close();
  }
}

/**
 * A database as the bot leaves it (migrated, catalog seeded) with `READERS` chats following 1–5 places each,
 * subscribed two days ago, and the first articles (arrived over the last three hours).
 */
function seed(path: string): { ms: number; subscriptions: number } {
  const started = Date.now();
  const now = Date.now();
  const services = openServices(path, () => now);
  let subscriptions = 0;
  try {
    const { db } = services.store;
    const topics = db.prepare("SELECT id, slug, parent_id AS parent FROM topics ORDER BY id").all() as {
      id: number;
      slug: string;
      parent: number | null;
    }[];
    const dez = topics.find((t) => t.slug === "deir-ez-zor")?.id as number;
    const under = topics.filter((t) => t.parent === dez).map((t) => t.id);
    const elsewhere = topics.filter((t) => t.id !== dez && t.parent !== dez).map((t) => t.id);
    const rnd = random(16);
    // Zipf over the catalog's order: Mayadin and Al-Bukamal lead the places under Deir ez-Zor, Syria, Raqqa and
    // Hasakah the rest.
    const zipf = (list: number[]) => {
      const total = list.reduce((sum, _, k) => sum + 1 / (k + 1), 0);
      let x = rnd() * total;
      for (let k = 0; k < list.length; k++) {
        x -= 1 / (k + 1);
        if (x <= 0) return list[k] as number;
      }
      return list[list.length - 1] as number;
    };
    const first = () => {
      const r = rnd();
      return r < 0.7 ? dez : r < 0.9 ? zipf(under) : zipf(elsewhere);
    };
    const more = () => {
      const r = rnd();
      return r < 0.5 ? zipf(under) : r < 0.6 ? dez : zipf(elsewhere);
    };
    const COUNTS = [0.35, 0.6, 0.78, 0.9, 1]; // 1 place: 35%, 2: 25%, 3: 18%, 4: 12%, 5: 10%
    const subscribedAt = now - 2 * DAY;
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count)
         INSERT INTO chats (id, type, language, timezone, created_at, updated_at)
         SELECT @first + i, 'private', CASE WHEN i % 5 = 0 THEN 'en' ELSE 'ar' END,
                CASE WHEN i % 4 = 0 THEN 'Europe/Berlin' ELSE NULL END, @at, @at FROM n`,
      ).run({ count: READERS, first: FIRST_READER, at: subscribedAt });
      const insert = db.prepare("INSERT INTO subscriptions (chat_id, topic_id, created_at) VALUES (?, ?, ?)");
      for (let i = 0; i < READERS; i++) {
        const u = rnd();
        const n = COUNTS.findIndex((c) => u < c) + 1;
        const chosen = new Set([first()]);
        for (let tries = 0; chosen.size < n && tries < 20; tries++) chosen.add(more());
        for (const topic of [...chosen].sort((a, b) => a - b))
          insert.run(FIRST_READER + i, topic, subscribedAt);
        subscriptions += chosen.size;
      }
    })();
    // Readers outside the alert's audience (neither Deir ez-Zor nor Syria), for the /latest probes.
    const syria = topics.find((t) => t.slug === "syria")?.id as number;
    const outside = db
      .prepare(
        `SELECT id FROM chats WHERE id >= ? AND id NOT IN (SELECT chat_id FROM subscriptions WHERE topic_id IN (?, ?))
         ORDER BY id`,
      )
      .pluck()
      .all(FIRST_READER, dez, syria) as number[];
    PROBE_READERS.length = 0;
    for (let i = 0; i < 20; i++) {
      const id = outside[Math.floor(((i + 0.5) * outside.length) / 20)] as number;
      PROBE_READERS.push(user({ id, language_code: (id - FIRST_READER) % 5 === 0 ? "en" : "ar" }));
    }
  } finally {
    services.store.close();
  }
  importArticles(path, 0, EARLY_ARTICLES, now - 3 * 3_600_000, Math.floor((3 * 3_600_000) / EARLY_ARTICLES));
  return { ms: Date.now() - started, subscriptions };
}

/** A sendMessage that is one of the bot's replies (not a paid broadcast copy), as it reaches the fake. */
const isReply = (c: FakeCall) =>
  c.method === "sendMessage" &&
  c.params.allow_paid_broadcast !== true &&
  c.params.allow_paid_broadcast !== "true";

/**
 * Real updates before the measurements: `USERS` people from `from` send /start, /subscribe <place>, /settings and
 * /latest; resolves once each got four replies (Telegram's free rate, ~30 a second, paces them), in ms.
 */
async function warmUp(fake: FakeBotApi, from: number): Promise<number> {
  const started = Date.now();
  const people = Array.from({ length: USERS }, (_, i) =>
    user({ id: from + i, language_code: i % 5 === 0 ? "en" : "ar" }),
  );
  const mark = fake.calls.length;
  for (const [i, person] of people.entries()) {
    fake.pushUpdate(command("start", "", { from: person }));
    fake.pushUpdate(command("subscribe", TYPED_PLACES[i % TYPED_PLACES.length] as string, { from: person }));
    fake.pushUpdate(command("settings", "", { from: person }));
    fake.pushUpdate(command("latest", "", { from: person }));
  }
  const replies = () => {
    let n = 0;
    for (let k = mark; k < fake.calls.length; k++) {
      const c = fake.calls[k] as FakeCall;
      if (isReply(c) && (c.chatId ?? 0) >= from && (c.chatId ?? 0) < from + USERS) n++;
    }
    return n;
  };
  await until(fake, "the people's replies", () => replies() >= 4 * USERS, 600_000);
  // Some commands answer with more than one message: done when no reply has come for 2 s.
  for (let n = replies(), quietSince = Date.now(); Date.now() - quietSince < 2000; ) {
    await sleep(200);
    if (replies() !== n) {
      n = replies();
      quietSince = Date.now();
    }
  }
  return Date.now() - started - 2000;
}

/**
 * Takes the calls the fake has answered out of its log (which is the benchmark's memory, not the bot's, and would
 * hold every copy of the broadcast); calls still in flight stay until their outcome is known.
 */
function takeAnswered(fake: FakeBotApi): FakeCall[] {
  const answered: FakeCall[] = [];
  const inFlight: FakeCall[] = [];
  for (const c of fake.calls) (c.outcome === undefined ? inFlight : answered).push(c);
  fake.calls.length = 0;
  fake.calls.push(...inFlight);
  return answered;
}

/**
 * Pushes a /stats (an admin) or /latest (a reader) every PROBE_MS, alternately, and times each until the bot's
 * first reply to that chat reaches the fake. `collect` is fed the fake's calls as they come.
 */
class Probes {
  private turn = 0;
  private readonly open = new Map<number, { at: number; kind: "stats" | "latest" }>();
  readonly stats: number[] = [];
  readonly latest: number[] = [];
  skipped = 0;
  /** When each answered probe was sent, and its latency: the p95 over time. */
  private readonly timeline: { at: number; ms: number }[] = [];

  push(fake: FakeBotApi): void {
    // Every STATS_EVERY-th an admin's /stats, the others a reader's /latest, each list in turn.
    const stats = STATS_EVERY > 0 && this.turn % STATS_EVERY === 0;
    const kind = stats ? "stats" : "latest";
    const who = (
      stats
        ? ADMINS[Math.floor(this.turn / STATS_EVERY) % ADMINS.length]
        : PROBE_READERS[
            (this.turn - (STATS_EVERY > 0 ? Math.ceil(this.turn / STATS_EVERY) : 0)) % PROBE_READERS.length
          ]
    ) as ReturnType<typeof user>;
    this.turn++;
    // Still waiting for this chat's last reply: a second command would only queue behind it.
    if (this.open.has(who.id)) {
      this.skipped++;
      return;
    }
    this.open.set(who.id, { at: Date.now(), kind });
    fake.pushUpdate(command(kind, "", { from: who }));
  }

  collect(calls: readonly FakeCall[]): void {
    for (const c of calls) {
      if (!isReply(c)) continue;
      const probe = this.open.get(c.chatId ?? 0);
      if (!probe || c.at < probe.at) continue;
      this.open.delete(c.chatId ?? 0);
      (probe.kind === "stats" ? this.stats : this.latest).push(c.at - probe.at);
      this.timeline.push({ at: probe.at, ms: c.at - probe.at });
    }
  }

  get unanswered(): number {
    return this.open.size;
  }

  /** Runs probes for `ms`, feeding `onCalls` the calls it took from the fake (which it empties). */
  async run(fake: FakeBotApi, ms: number, onCalls: (calls: FakeCall[]) => void = () => {}): Promise<void> {
    const end = Date.now() + ms;
    let next = Date.now();
    while (Date.now() < end) {
      if (Date.now() >= next) {
        this.push(fake);
        next += PROBE_MS;
      }
      await sleep(Math.max(5, Math.min(50, next - Date.now())));
      const calls = takeAnswered(fake);
      this.collect(calls);
      onCalls(calls);
    }
    // The last replies.
    const grace = Date.now() + 5000;
    while (this.open.size > 0 && Date.now() < grace) {
      await sleep(50);
      const calls = takeAnswered(fake);
      this.collect(calls);
      onCalls(calls);
    }
  }

  /** p95 of each `windowMs` from `from`, in ms ("12/340/..."). */
  over(from: number, windowMs: number): string {
    const windows: number[][] = [];
    for (const p of this.timeline) {
      const k = Math.floor((p.at - from) / windowMs);
      windows[k] = [...(windows[k] ?? []), p.ms];
    }
    return Array.from(windows, (w) => (w ? Math.round(percentile(w, 95)) : "–")).join("/");
  }

  figure(name: string, target?: string, extra = ""): Figure {
    const all = [...this.stats, ...this.latest];
    return {
      name,
      value: Math.round(percentile(all, 95)),
      unit: "ms p95",
      ...(target ? { target } : {}),
      note: `p50 ${Math.round(percentile(all, 50))} ms over ${all.length} replies; /stats p50 ${Math.round(percentile(this.stats, 50))} p95 ${Math.round(percentile(this.stats, 95))} max ${Math.round(Math.max(0, ...this.stats))} ms (${this.stats.length}), /latest p50 ${Math.round(percentile(this.latest, 50))} p95 ${Math.round(percentile(this.latest, 95))} max ${Math.round(Math.max(0, ...this.latest))} ms (${this.latest.length}); ${this.unanswered} unanswered, ${this.skipped} not sent (the chat's last one unanswered)${extra}`,
    };
  }
}

function botEnv(): Record<string, string> {
  return { ADMIN_IDS: ADMINS.map((a) => a.id).join(",") };
}

async function alertPhase(temp: { dir: string; path: string }): Promise<Figure[]> {
  const fake = await FakeBotApi.start({ limiter: PAID_LIMITER, latencyMs: 20, latencyJitterMs: 30 });
  let bot: RunningBot | undefined;
  try {
    bot = await startPaidBot(fake, temp, EDITOR.id, botEnv());
    const { pid } = bot;
    await sleep(2000);
    const idle = sampleProcess(pid);
    const warmMs = await warmUp(fake, FIRST_USER);
    const warm = sampleProcess(pid);
    fake.calls.length = 0;
    const quiet = new Probes();
    await quiet.run(fake, 5000);

    const previewAsked = Date.now();
    const preview = await alertPreview(fake, EDITOR, 300_000);
    const previewMs = Date.now() - previewAsked;
    const previewText = preview?.text ?? "";
    const count = /[\d,٬]{4,}/.exec(previewText.replace(/[\u2066-\u2069]/g, ""))?.[0] ?? "?";
    fake.calls.length = 0;
    let peakRssKb = 0;
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, sampleProcess(pid).rssKb);
    }, 50);
    const cpuBefore = sampleProcess(pid).cpuMs;
    const pressed = Date.now();
    fake.pushUpdate(
      callback(buttonData(preview, "📣"), { from: EDITOR, ...(preview ? { message: preview } : {}) }),
    );
    let first: number | undefined;
    let last = pressed;
    let sent = 0;
    const during = new Probes();
    await during.run(fake, SECONDS * 1000, (calls) => {
      for (const c of calls) {
        if (c.method !== "sendMessage" || !c.delivered || isReply(c)) continue;
        sent++;
        first ??= c.at;
        last = c.at;
      }
    });
    clearInterval(sampler);
    const cpuShare = Math.round(
      (100 * (sampleProcess(pid).cpuMs - cpuBefore)) / Math.max(1, Date.now() - pressed),
    );
    const rate = first === undefined ? 0 : Math.round((sent * 1000) / Math.max(1, last - first));
    await bot.stop();
    return [
      {
        name: "press → first copy",
        value: first === undefined ? -1 : first - pressed,
        unit: "ms",
        target: "≤ 100",
        note: `the preview said ${count} readers (of ${READERS}: those who follow Deir ez-Zor or Syria), in ${(previewMs / 1000).toFixed(1)} s`,
      },
      {
        name: "sent in the window",
        value: sent,
        unit: `in ${SECONDS} s`,
        note: `${rate} msg/s; the bot's CPU ${cpuShare}% of a core meanwhile`,
      },
      { name: "bot RSS idle", value: mb(idle.rssKb), unit: "MB", note: "2 s after start" },
      {
        name: "bot RSS after updates",
        value: mb(warm.rssKb),
        unit: "MB",
        note: `${USERS} people sent /start, /subscribe, /settings, /latest, answered in ${(warmMs / 1000).toFixed(1)} s; peak until then ${mb(warm.hwmKb)} MB`,
      },
      {
        name: "bot RSS during the alert",
        value: mb(peakRssKb),
        unit: "MB",
        target: "≤ 250",
        note: `peak over the first ${SECONDS} s (fan-out of the audience and sending), with the probes`,
      },
      quiet.figure("/stats, /latest idle"),
      during.figure(
        "/stats, /latest alerting",
        "≤ 100",
        `; p95 by 10 s from the press: ${during.over(pressed, 10_000)} ms`,
      ),
    ];
  } finally {
    bot?.kill();
    await fake.close();
  }
}

/** Bytes of the database in pages in use, and the file and WAL as they are on disk. */
function sizes(path: string): { used: number; file: number; wal: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const page = db.pragma("page_size", { simple: true }) as number;
    const count = db.pragma("page_count", { simple: true }) as number;
    const free = db.pragma("freelist_count", { simple: true }) as number;
    const wal = `${path}-wal`;
    return {
      used: (count - free) * page,
      file: statSync(path).size,
      wal: existsSync(wal) ? statSync(wal).size : 0,
    };
  } finally {
    db.close();
  }
}

function readOnly<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function digestPhase(temp: { dir: string; path: string }): Promise<Figure[]> {
  const fake = await FakeBotApi.start({ limiter: PAID_LIMITER, latencyMs: 20, latencyJitterMs: 30 });
  const admin = ADMINS[1] as ReturnType<typeof user>;
  let bot: RunningBot | undefined;
  try {
    bot = await startPaidBot(fake, temp, EDITOR.id, botEnv());
    const { pid } = bot;
    await warmUp(fake, FIRST_USER + USERS);
    const warm = sampleProcess(pid);

    const repliesTo = (chat: number, since: number) =>
      fake.calls.slice(since).filter((c) => isReply(c) && c.chatId === chat);
    let mark = fake.calls.length;
    fake.pushUpdate(command("schedule", "daily 08:00", { from: admin }));
    await until(fake, "the /schedule reply", () => repliesTo(admin.id, mark).length > 0, 60_000);
    const schedule = readOnly(temp.path, (db) =>
      db.prepare("SELECT max(id) FROM schedules").pluck().get(),
    ) as number;
    await sleep(1000);
    // The news of the morning arrives (as `npm run cli -- import` would write it, beside the bot).
    const later = ARTICLES - EARLY_ARTICLES;
    importArticles(temp.path, EARLY_ARTICLES, later, Date.now(), 100);
    await sleep(1000);

    const before = sizes(temp.path);
    fake.calls.length = 0;
    mark = 0;
    let peakRssKb = 0;
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, sampleProcess(pid).rssKb);
    }, 50);
    const asked = Date.now();
    fake.pushUpdate(command("digestnow", String(schedule), { from: admin }));
    // "Started", then "done" when the run has written every reader's digest.
    await until(fake, "the digest run's end", () => repliesTo(admin.id, mark).length >= 2, 900_000);
    const doneAt = (repliesTo(admin.id, mark)[1] as FakeCall).at;
    clearInterval(sampler);
    const after = sizes(temp.path);
    const run = readOnly(temp.path, (db) =>
      db
        .prepare(
          "SELECT status, readers, started_at AS started, finished_at AS finished FROM digest_runs WHERE schedule_id = ?",
        )
        .get(schedule),
    ) as { status: string; readers: number; started: number; finished: number };
    const outbox = readOnly(temp.path, (db) =>
      db
        .prepare(
          "SELECT count(*) AS rows, count(DISTINCT body_id) AS bodies FROM outbox WHERE purpose = 'digest'",
        )
        .get(),
    ) as { rows: number; bodies: number };
    const sentDigests = fake.calls.filter(
      (c) => c.method === "sendMessage" && c.delivered && !isReply(c),
    ).length;
    await bot.stop();
    const mbOf = (bytes: number) => Math.round(bytes / 1e6);
    const target = READERS <= 100_000 ? { target: "≤ 10 (100k readers)" } : {};
    return [
      {
        name: "digest run",
        value: Math.round((doneAt - asked) / 100) / 10,
        unit: "s",
        ...target,
        note: `/digestnow → the bot's "done"; the run itself ${((run.finished - run.started) / 1000).toFixed(1)} s (digest_runs, ${run.status}); ${run.readers} digests of ${later} new articles, ${outbox.bodies} distinct bodies; ${sentDigests} digests already sent meanwhile`,
      },
      {
        name: "bot RSS digest run",
        value: mb(peakRssKb),
        unit: "MB",
        ...(READERS <= 100_000 ? { target: "≤ 300" } : {}),
        note: `peak from /digestnow to "done" (sending as it goes); ${mb(warm.rssKb)} MB after ${USERS} people's updates (peak until then ${mb(warm.hwmKb)} MB)`,
      },
      {
        name: "digest database growth",
        value: mbOf(after.used - before.used),
        unit: "MB",
        note: `pages in use ${mbOf(before.used)} → ${mbOf(after.used)} MB; file ${mbOf(before.file)} → ${mbOf(after.file)} MB, WAL ${mbOf(before.wal)} → ${mbOf(after.wal)} MB`,
      },
    ];
  } finally {
    bot?.kill();
    await fake.close();
  }
}

export async function benchScale(): Promise<Figure[]> {
  buildBot();
  const alertDb = tempDatabasePath();
  const digestDb = tempDatabasePath();
  try {
    const seeded = seed(alertDb.path);
    if (DIGEST) {
      mkdirSync(dirname(digestDb.path), { recursive: true });
      copyFileSync(alertDb.path, digestDb.path);
    }
    const figures: Figure[] = [
      {
        name: "readers in the database",
        value: READERS,
        unit: "chats",
        note: `${seeded.subscriptions} subscriptions (1–5 places each) written by SQL, ${EARLY_ARTICLES} articles imported, in ${(seeded.ms / 1000).toFixed(1)} s; ${Math.round(statSync(alertDb.path).size / 1e6)} MB`,
      },
    ];
    figures.push(...(await alertPhase(alertDb)));
    alertDb.cleanup();
    if (DIGEST) figures.push(...(await digestPhase(digestDb)));
    return figures;
  } finally {
    alertDb.cleanup();
    digestDb.cleanup();
  }
}
