// Benchmark of a breaking alert's start: how long from the editor's press on Send until the first reader's copy
// reaches the (fake) Bot API, for audiences of 1,000 to 200,000 chats (BENCH_AUDIENCES: up to a million). The press enqueues the first chats and
// wakes the sender; the rest of the audience follows chunk by chunk (docs/alerts.md, "Fan-out"); the target is
// that the first message leaves within 100 ms whatever the audience. Also: the preview's round trip (counting
// the audience), and how long until every chat is enqueued. The audience carries readers' filters (issue 14):
// one in ten in quiet hours, a third with 5 muted and 5 watched words, a tenth excepting Mayadin
// (BENCH_FILTERS=0 leaves the words and the exceptions out).
//
// Everything runs in this process: the whole app (the tests' harness) polling the fake Bot API (20 ms per call).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { STATUS_INTERVAL_MS } from "../src/alerts/service";
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import { buttonData, startHarness, waitUntil } from "../test/support/harness";
import { tempDatabasePath } from "../test/support/temp";
import { callback, command, user } from "../test/support/updates";
import { type Figure, percentile } from "./report";

// BENCH_AUDIENCES=1000,200000,1000000 picks the sizes; BENCH_RUNS the runs of each (the median is reported).
const AUDIENCES = (process.env.BENCH_AUDIENCES ?? "1000,10000,50000,200000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** How long the whole audience may take to be enqueued (a million chats: minutes). */
const ENQUEUED_WAIT_MS = 20 * 60_000;
const LATENCY_MS = 20;
const EDITOR = user({ language_code: "ar" });
const TEXT = "دير الزور: انقطاع الكهرباء عن أحياء الجورة والقصور وهرابش بعد عطل في محطة التحويل الرئيسية";

/** The local hour now in a zone. */
const hourIn = (zone: string) =>
  Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(
      Date.now(),
    ),
  ) % 24;

const FILTERS = process.env.BENCH_FILTERS !== "0";
// Normalized already (no diacritics, no hamza forms): what checkPhrase would store.
const MUTES = ["مباراه", "كره القدم", "الاسعار", "football", "الطقس", "حفل", "الدوري"];
const WATCHES = ["الكهرباء", "المياه", "الجوره", "conoco", "الخبز", "الوقود", "محطه التحويل"];

/**
 * Chats 1..n subscribed to Deir ez-Zor, a third of them in English, some in another zone, one in ten in quiet
 * hours (issue 14: half of them get it without sound, half later).
 */
function populate(path: string, readers: number): void {
  const services = createServices({
    databasePath: path,
    clock: Date.now,
    logger: createLogger("silent"),
    feedPollMinutes: 15,
  });
  const { store, topics } = services;
  const dez = topics.index().bySlug("deir-ez-zor");
  const mayadin = topics.index().bySlug("mayadin");
  if (!dez || !mayadin) throw new Error("catalog without deir-ez-zor or mayadin");
  store.db.transaction(() => {
    for (let id = 1; id <= readers; id++) {
      store.chats.touch(id, "private", null, id % 3 === 0 ? "en" : "ar");
      if (id % 7 === 0) store.chats.update(id, { timezone: "Europe/Berlin" });
      if (id % 10 === 1) {
        const hour = hourIn(id % 7 === 0 ? "Europe/Berlin" : "UTC"); // DEFAULT_TIMEZONE here
        const quiet = { start: (hour + 23) % 24, end: (hour + 2) % 24 };
        store.chats.setQuiet(id, quiet, id % 20 === 1 ? "silent" : "later");
      }
      store.subscriptions.add(id, [dez.id]);
      // Readers' filters (issue 14's benchmark): a third mute 5 words and watch 5 (one muter in five mutes a word
      // of the alert, so it skips them), a tenth except a place under Deir ez-Zor. BENCH_FILTERS=0: none.
      if (FILTERS && id % 3 === 2) {
        for (let k = 0; k < 5; k++) {
          const mute = k === 0 && id % 5 === 2 ? "هرابش" : (MUTES[(id + k) % MUTES.length] as string);
          const watch = WATCHES[(id + k) % WATCHES.length] as string;
          store.phrases.add(id, "mute", { phrase: mute, normalized: mute });
          store.phrases.add(id, "watch", { phrase: watch, normalized: watch });
        }
      }
      if (FILTERS && id % 10 === 3) store.exceptions.add(id, mayadin.id);
    }
  })();
  store.close();
}

interface Run {
  previewMs: number;
  firstMessageMs: number;
  /** Press → the status's total known (the audience counted after Send, a piece a turn). */
  countedMs: number;
  /** Press → the last chat of the audience enqueued. */
  enqueuedMs: number;
  /** The longest the event loop was held from the press until every chat was enqueued (what a reply waits). */
  longestBlockMs: number;
}

async function oneRun(readers: number): Promise<Run> {
  const temp = tempDatabasePath();
  try {
    populate(temp.path, readers);
    const h = await startHarness({
      databasePath: temp.path,
      fake: { latencyMs: LATENCY_MS },
      env: { EDITOR_IDS: String(EDITOR.id) },
      alertStatusIntervalMs: STATUS_INTERVAL_MS,
    });
    const { fake } = h;
    try {
      const asked = Date.now();
      fake.pushUpdate(command("alert", TEXT, { from: EDITOR }));
      let question = fake.lastMessage(EDITOR.id);
      await waitUntil(() => {
        question = fake.lastMessage(EDITOR.id);
        return question?.reply_markup !== undefined;
      }, 30_000);
      const previewMs = Date.now() - asked;
      const data = buttonData(question, "📣");
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const pressed = Date.now();
      fake.pushUpdate(callback(data, { from: EDITOR, ...(question ? { message: question } : {}) }));
      const first = await fake.waitFor(
        (calls) =>
          calls.find((c) => c.method === "sendMessage" && (c.chatId ?? 0) <= readers && c.at >= pressed),
        30_000,
      );
      const alert = () => h.app.store.alerts.recent(1)[0];
      await waitUntil(() => alert() !== undefined && alert()?.recipients !== null, ENQUEUED_WAIT_MS);
      const countedMs = Date.now() - pressed;
      await waitUntil(() => alert() !== undefined && alert()?.fanout === undefined, ENQUEUED_WAIT_MS);
      const enqueuedMs = Date.now() - pressed;
      loop.disable();
      const longestBlockMs = Math.round(loop.max / 1e6);
      return { previewMs, firstMessageMs: first.at - pressed, countedMs, enqueuedMs, longestBlockMs };
    } finally {
      await h.stop();
    }
  } finally {
    temp.cleanup();
  }
}

export async function benchAlerts(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const readers of AUDIENCES) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(readers));
    const label = `${readers / 1000}k`;
    figures.push({
      name: `press→first ${label}`,
      value: percentile(
        runs.map((r) => r.firstMessageMs),
        50,
      ),
      unit: "ms",
      target: "≤ 100",
      note: `median of ${RUNS}; max ${Math.max(...runs.map((r) => r.firstMessageMs))} ms; fake API ${LATENCY_MS} ms/call`,
    });
    figures.push({
      name: `total known ${label}`,
      value: percentile(
        runs.map((r) => r.countedMs),
        50,
      ),
      unit: "ms",
      note: "press → the status's total known (counted after Send, 10,000 rows a turn)",
    });
    figures.push({
      name: `all enqueued ${label}`,
      value: percentile(
        runs.map((r) => r.enqueuedMs),
        50,
      ),
      unit: "ms",
      note: "press → the audience's last chat in the outbox (chunks of 1,000 while the sender sends)",
    });
    figures.push({
      name: `longest block ${label}`,
      value: percentile(
        runs.map((r) => r.longestBlockMs),
        50,
      ),
      unit: "ms",
      note: "the event loop's longest delay from the press until all are enqueued (app, fake API and bench in one process)",
    });
    figures.push({
      name: `preview ${label}`,
      value: percentile(
        runs.map((r) => r.previewMs),
        50,
      ),
      unit: "ms",
      note: "the /alert command to the question with Send (audience counted)",
    });
  }
  return figures;
}
