// Benchmarks of the delivery engine against the fake Bot API with its flood limiter enforced: the free tier
// at SEND_RATE 25 and 30, a paid broadcast to 5,000 chats, and, side by side, the loop grammY's documentation
// recommends (sequential sendMessage with @grammyjs/auto-retry).
//
// The fake server runs in this process. The engine is measured in the bot itself: `node dist/main.js`, the
// process `npm start` runs (built first, as prestart does), on a database this process fills with the chats
// and, once the bot is up, with the broadcast (the bot notices rows written by another process within
// 0.5 s). Its memory and CPU are read from /proc, so neither the fake's recorded calls nor the harness count.
// The grammY loop runs in a child process of its own (`bench/delivery.ts --child`, under tsx). Rates are
// measured on the fake's side, from the arrival times of the sendMessage calls that took effect.
import { fileURLToPath } from "node:url";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import { concurrencyFor } from "../src/delivery";
import { createStore } from "../src/store";
import { FakeBotApi, type LimiterOptions } from "../test/support/fake-bot-api";
import { TEST_TOKEN } from "../test/support/harness";
import { tempDatabasePath } from "../test/support/temp";
import { buildBot, childMain, runChild, sampleProcess, startBuiltBot } from "./child";
import { type Figure, percentile } from "./report";

/** Fake Bot API latency per call: a realistic round trip to Telegram. */
const LATENCY_MS = 20;
/** A run that has not drained by then is stopped and reported as it is (a stall, not a figure). */
const RUN_DEADLINE_MS = 60_000;

const FREE_LIMITER: LimiterOptions = { globalPerSecond: 30, privatePerSecond: 1, enforce: true };
// Paid broadcasts (allow_paid_broadcast) are counted by the fake in a window of their own, at 1000/s.
export const PAID_LIMITER: LimiterOptions = {
  globalPerSecond: 30,
  paidBroadcastPerSecond: 1000,
  privatePerSecond: 1,
  enforce: true,
};

/** One breaking alert, as readers get it: ~400 characters of Telegram HTML, Arabic. */
export const ALERT = [
  "🔴 <b>عاجل | دير الزور</b>",
  "",
  "<b>انقطاع الكهرباء عن أحياء واسعة في المدينة بعد عطل في محطة التحويل الرئيسية</b>",
  "",
  "أفادت مصادر محلية بأن التيار الكهربائي انقطع صباح اليوم عن أحياء الجورة والقصور وهرابش، إثر عطل فني في محطة " +
    "التحويل الرئيسية. وقالت مديرية الكهرباء إن فرق الصيانة بدأت العمل على إصلاح العطل، متوقعةً عودة التيار " +
    "خلال ساعات، فيما تعمل مضخات المياه على المولدات الاحتياطية.",
  "",
  '<a href="https://nashra.example/a/10482">التفاصيل ←</a>',
].join("\n");

// ---------------------------------------------------------------------------------------------------------------
// The sending side

interface Job {
  chats: number;
  paidBroadcast: boolean;
}

interface EngineJob extends Job {
  rate: number;
}

interface SideResult {
  /** Peak RSS of the sending process, KB. */
  maxRssKb: number;
  /** RSS once everything was loaded, before the first send, KB. */
  startRssKb: number;
  /** CPU time (user + system) of the sending process during the run, ms. */
  cpuMs: number;
  /** Wall time from enqueue (or the loop's start) to the end, ms. */
  elapsedMs: number;
  /** enqueue→sent of each sent outbox row (engine only), ms. */
  latencies: number[];
  /** Outbox rows by status at the end (engine only). */
  statuses: Record<string, number>;
  /** sendMessage calls that threw (grammY loop only). */
  errors: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The bot (`node dist/main.js`) broadcasting one alert to `job.chats` private chats. */
async function runBot(fake: FakeBotApi, job: EngineJob): Promise<SideResult> {
  const temp = tempDatabasePath();
  const store = createStore(temp.path, Date.now);
  try {
    store.db.transaction(() => {
      for (let id = 1; id <= job.chats; id++) store.chats.touch(id, "private", null);
    })();
    const bot = await startBuiltBot(fake, temp, {
      SEND_RATE: String(job.rate),
      PAID_BROADCAST: String(job.paidBroadcast),
    });
    try {
      const { pid } = bot;
      const before = sampleProcess(pid);
      const run = `bench:${job.rate}:${Date.now()}`;
      const start = Date.now();
      store.outbox.enqueue(
        Array.from({ length: job.chats }, (_, i) => ({
          chatId: i + 1,
          purpose: "alert" as const,
          ref: run,
          dedupeKey: run,
          message: { kind: "text" as const, parts: [ALERT] },
        })),
      );
      const deadline = start + RUN_DEADLINE_MS;
      while (store.outbox.queueDepth() > 0 && Date.now() < deadline) await sleep(50);
      const elapsedMs = Date.now() - start;
      const after = sampleProcess(pid);
      await bot.stop();
      const rows = store.db
        .prepare("SELECT status, enqueued_at AS enqueuedAt, sent_at AS sentAt FROM outbox")
        .all() as Array<{ status: string; enqueuedAt: number; sentAt: number | null }>;
      const statuses: Record<string, number> = {};
      const latencies: number[] = [];
      for (const r of rows) {
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === "sent" && r.sentAt !== null) latencies.push(r.sentAt - r.enqueuedAt);
      }
      return {
        maxRssKb: after.hwmKb,
        startRssKb: before.rssKb,
        cpuMs: after.cpuMs - before.cpuMs,
        elapsedMs,
        latencies,
        statuses,
        errors: 0,
      };
    } finally {
      bot.kill();
    }
  } finally {
    store.close();
    temp.cleanup();
  }
}

/** The loop grammY's documentation recommends for broadcasts: one message after another, auto-retry on 429. */
async function runGrammyLoop(job: Job & { apiRoot: string }): Promise<SideResult> {
  const bot = new Bot(TEST_TOKEN, { client: { apiRoot: job.apiRoot } });
  bot.api.config.use(autoRetry());
  const chats = Array.from({ length: job.chats }, (_, i) => i + 1);
  let errors = 0;
  const startRssKb = process.memoryUsage().rss / 1024;
  const cpu = process.cpuUsage();
  const start = Date.now();
  for (const chat of chats) {
    try {
      await bot.api.sendMessage(chat, ALERT, {
        parse_mode: "HTML",
        ...(job.paidBroadcast ? { allow_paid_broadcast: true } : {}),
      });
    } catch {
      errors++;
    }
  }
  const used = process.cpuUsage(cpu);
  return {
    maxRssKb: sampleProcess("self").hwmKb,
    startRssKb,
    cpuMs: (used.user + used.system) / 1000,
    elapsedMs: Date.now() - start,
    latencies: [],
    statuses: {},
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The section, in the bench process

const thisFile = fileURLToPath(import.meta.url);

/** The grammY loop in a child process of its own (same node, same tsx loader as this process). */
function runGrammyChild(fake: FakeBotApi, job: Job): Promise<SideResult> {
  return runChild<SideResult>(thisFile, { ...job, apiRoot: fake.apiRoot }, RUN_DEADLINE_MS + 30_000);
}

interface Measured {
  child: SideResult;
  /** sendMessage calls that took effect. */
  delivered: number;
  /** Delivered sends per second, first to last (n − 1 intervals over the span), as the fake saw them. */
  rate: number;
  spanMs: number;
  received429: number;
  violations: number;
  sentDuringRetryAfter: number;
  /** Most sends the fake processed in any one-second window (what its limiter counts). */
  busiestSecond: number;
  /** Every chat 1..N got exactly one message. */
  exactlyOnce: boolean;
  /** Chats that got more than one message / none. */
  duplicates: number;
  missing: number;
}

async function measure(
  limiter: LimiterOptions,
  spec: Job,
  side: (fake: FakeBotApi) => Promise<SideResult>,
): Promise<Measured> {
  const fake = await FakeBotApi.start({ limiter });
  fake.setLatency(LATENCY_MS);
  try {
    const child = await side(fake);
    const sends = fake.calls.filter((c) => c.method === "sendMessage" && c.delivered);
    const times = sends.map((c) => c.at).sort((a, b) => a - b);
    const spanMs = times.length > 1 ? (times[times.length - 1] as number) - (times[0] as number) : 0;
    // The fake's limiter counts a send when it processes it (after its latency); answeredAt is that moment.
    const processed = sends.map((c) => c.answeredAt ?? c.at).sort((a, b) => a - b);
    let busiestSecond = 0;
    for (let i = 0, j = 0; i < processed.length; i++) {
      while ((processed[j] as number) <= (processed[i] as number) - 1000) j++;
      busiestSecond = Math.max(busiestSecond, i - j + 1);
    }
    const perChat = new Map<number, number>();
    for (const c of sends) perChat.set(c.chatId ?? 0, (perChat.get(c.chatId ?? 0) ?? 0) + 1);
    let duplicates = 0;
    let missing = 0;
    for (let id = 1; id <= spec.chats; id++) {
      const n = perChat.get(id) ?? 0;
      if (n === 0) missing++;
      if (n > 1) duplicates++;
    }
    return {
      child,
      delivered: sends.length,
      rate: spanMs > 0 ? ((sends.length - 1) * 1000) / spanMs : 0,
      spanMs,
      received429: fake.stats.received429,
      violations: fake.stats.violations.global + fake.stats.violations.perChat,
      sentDuringRetryAfter: fake.stats.sentDuringRetryAfter,
      busiestSecond,
      exactlyOnce: duplicates === 0 && missing === 0 && perChat.size === spec.chats,
      duplicates,
      missing,
    };
  } finally {
    await fake.close();
  }
}

const mb = (kb: number) => Math.round(kb / 1024);
const round1 = (x: number) => Math.round(x * 10) / 10;

function onceNote(m: Measured): string {
  return m.exactlyOnce
    ? "each chat exactly once"
    : `NOT exactly once: ${m.missing} chats missing, ${m.duplicates} duplicated`;
}

export async function benchDelivery(): Promise<Figure[]> {
  buildBot();
  const figures: Figure[] = [];
  const FREE_CHATS = 300;
  const PAID_CHATS = 5000;
  const BASELINE_PAID_CHATS = 500;

  // Free tier: the configured SEND_RATE against Telegram's 30/s, 1/s per chat.
  for (const rate of [25, 30]) {
    const job = { chats: FREE_CHATS, rate, paidBroadcast: false };
    const m = await measure(FREE_LIMITER, job, (fake) => runBot(fake, job));
    figures.push({
      name: `free ${rate}/s rate`,
      value: round1((m.rate / rate) * 100),
      unit: "%",
      target: ">= 97",
      note: `${round1(m.rate)} msg/s of SEND_RATE ${rate}; ${m.delivered} chats in ${(m.spanMs / 1000).toFixed(2)} s; p50/p99 enqueue→sent ${percentile(m.child.latencies, 50)}/${percentile(m.child.latencies, 99)} ms; ${onceNote(m)}; RSS ${mb(m.child.maxRssKb)} MB`,
    });
    figures.push({
      name: `free ${rate}/s 429s`,
      value: m.received429,
      unit: "",
      target: "0",
      note: `limiter violations ${m.violations}, sends during retry_after ${m.sentDuringRetryAfter}, busiest second ${m.busiestSecond} sends, outbox ${JSON.stringify(m.child.statuses)}`,
    });
  }

  // Paid broadcast: 5,000 chats at 1000/s.
  {
    const job = { chats: PAID_CHATS, rate: 1000, paidBroadcast: true };
    const m = await measure(PAID_LIMITER, job, (fake) => runBot(fake, job));
    figures.push({
      name: "paid msg/s",
      value: Math.round(m.rate),
      unit: "msg/s",
      target: ">= 950",
      note: `SEND_RATE 1000, concurrency ${concurrencyFor(1000)}; ${m.delivered} chats in ${(m.spanMs / 1000).toFixed(2)} s; ${onceNote(m)}; sender CPU ${(m.child.cpuMs / m.delivered).toFixed(2)} ms/msg`,
    });
    figures.push({
      name: "paid p50 enqueue→sent",
      value: percentile(m.child.latencies, 50),
      unit: "ms",
      note: "all 5,000 enqueued at once: mostly the wait for their turn",
    });
    figures.push({ name: "paid p99 enqueue→sent", value: percentile(m.child.latencies, 99), unit: "ms" });
    figures.push({
      name: "paid 429s",
      value: m.received429,
      unit: "",
      target: "0",
      note: `limiter violations ${m.violations}, sends during retry_after ${m.sentDuringRetryAfter}, busiest second ${m.busiestSecond} sends, outbox ${JSON.stringify(m.child.statuses)}`,
    });
    figures.push({
      name: "paid peak RSS",
      value: mb(m.child.maxRssKb),
      unit: "MB",
      target: "<= 150",
      note: `the bot process (node dist/main.js, as npm start runs it; VmHWM); ${mb(m.child.startRssKb)} MB before the broadcast (node, the app's modules, the store, polling)`,
    });
  }

  // Baseline: grammY's recommended loop, same free-tier fake (30/s enforced, 20 ms latency), 300 chats.
  {
    const job = { chats: FREE_CHATS, paidBroadcast: false };
    const m = await measure(FREE_LIMITER, job, (fake) => runGrammyChild(fake, job));
    figures.push({
      name: "grammY loop msg/s",
      value: round1(m.rate),
      unit: "msg/s",
      note: `sequential sendMessage + autoRetry, free tier (30/s): ${m.delivered} chats in ${(m.child.elapsedMs / 1000).toFixed(2)} s; ${onceNote(m)}; ${m.child.errors} thrown; RSS ${mb(m.child.maxRssKb)} MB (under tsx)`,
    });
    figures.push({
      name: "grammY loop 429s",
      value: m.received429,
      unit: "",
      note: `limiter violations ${m.violations}, sends during retry_after ${m.sentDuringRetryAfter}, busiest second ${m.busiestSecond} sends`,
    });
  }

  // Baseline at the paid configuration: the same loop with allow_paid_broadcast, on the first 500 of the
  // 5,000 chats (the whole list would take minutes at one round trip per message).
  {
    const job = { chats: BASELINE_PAID_CHATS, paidBroadcast: true };
    const m = await measure(PAID_LIMITER, job, (fake) => runGrammyChild(fake, job));
    figures.push({
      name: "grammY loop paid msg/s",
      value: round1(m.rate),
      unit: "msg/s",
      note: `allow_paid_broadcast, first ${BASELINE_PAID_CHATS} of ${PAID_CHATS} chats in ${(m.child.elapsedMs / 1000).toFixed(2)} s (all ${PAID_CHATS}: ~${Math.round(PAID_CHATS / m.rate)} s); 429s ${m.received429}; ${onceNote(m)}`,
    });
  }
  return figures;
}

// `tsx bench/delivery.ts --child <job>`: the grammY loop, reporting its figures as JSON on stdout.
await childMain(thisFile, runGrammyLoop);
