// Hostile inputs (issue 11): what they cost the bot. Figures: heap growth of /metrics' command counter under
// 20,000 odd command names; the longest event-loop block while the whole app (the tests' harness, in this
// process) reads hostile feeds; one render of the pathological URL title. The target is ≤ 100 ms per block.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { commandsFor } from "../src/bot/commands";
import { Metrics } from "../src/metrics";
import { isolateLatinRuns } from "../src/text/bidi";
import { deeplyNested, hugeTitles, longReport, manyItems, ofSize, rss } from "../test/support/big-feeds";
import { serveFeeds } from "../test/support/feed-server";
import { type Harness, startHarness, waitUntil } from "../test/support/harness";
import { command, user } from "../test/support/updates";
import type { Figure } from "./report";

const ODD_COMMANDS = 20_000;
const EDITOR = user({ language_code: "en" });

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Heap growth and /metrics size after counting 20,000 distinct made-up command names. */
async function commandLabels(count: (m: Metrics, name: string) => void): Promise<[number, number]> {
  const metrics = new Metrics({ processMetrics: false, commands: commandsFor("admin") });
  const before = heapMb();
  for (let i = 0; i < ODD_COMMANDS; i++) count(metrics, `x${i.toString(36)}_${"q".repeat(24)}`);
  const text = await metrics.registry.metrics();
  const grown = heapMb() - before;
  return [Math.round(grown * 10) / 10, Math.round(text.length / 1024)];
}

/** The longest event-loop block (ms) while `work` runs. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
  }
  return Math.round(histogram.max / 1e6);
}

const PARAGRAPH =
  "أفاد مراسلون محليون بسقوط قذائف صاروخية على محيط حقل العمر النفطي في ريف دير الزور الشرقي قرب مدينة الميادين، فيما نقلت قناة الميادين عن مصادر أن الدفاعات اعترضت بعضها. ";

const FEEDS: Record<string, string> = {
  "/warm-up.rss": rss("مكتب حلب", [
    {
      title: "افتتاح معرض الكتاب في حلب",
      body: ["افتتح في حلب معرض للكتاب بمشاركة دور نشر من المدينة وريفها."],
    },
  ]),
  // An 11,000-character feed title and item title, and the URL title that was quadratic in bidi.ts.
  "/long-titles.rss": rss("نشرة الفرات ".repeat(1000), [
    { title: `عاجل: ${"قصف على حقل العمر ".repeat(600)}`, body: [PARAGRAPH] },
    { title: `عربي http://${".".repeat(40_000)}x`, body: [PARAGRAPH] },
  ]),
  // Twenty items whose titles (and the feed's) are 60,000 characters long.
  "/huge-titles.rss": hugeTitles(60_000, 20),
  // Five items of ~100,000 characters that name places on every line (tagging's worst case), each another story.
  "/huge-items.rss": rss(
    "مكتب دير الزور",
    Array.from({ length: 5 }, (_, i) => ({ title: `تقرير مطول رقم ${i}`, body: longReport(i, 100_000) })),
  ),
  // A feed of 5,000 items (2 MB): one poll imports the newest 100.
  "/many-items.rss": manyItems(5000),
  // Just under the 5 MiB limit: 9,000 short reports.
  "/5-mib.rss": ofSize(),
  // Unknown elements nested 20,000 deep in every item.
  "/deeply-nested.rss": deeplyNested(20_000, 3),
};

/** The editor's command and the bot's reply (the text), waiting as long as a big feed needs. */
async function editorAsks(h: Harness, name: string, argument: string): Promise<string> {
  const before = h.fake.sentTo(EDITOR.id).length;
  h.fake.pushUpdate(command(name, argument, { from: EDITOR }));
  await h.fake.waitFor(() => h.fake.sentTo(EDITOR.id).length > before, 120_000);
  return h.fake.sentTo(EDITOR.id)[before]?.text ?? "";
}

/** What /addfeed's reply says happened, in short. */
function outcomeOf(reply: string): string {
  const plain = reply.replace(/[\u2066-\u2069]/g, "");
  const saved = /(\d+) new articles|one new article|nothing new/.exec(plain);
  if (saved) return saved[0];
  return plain.includes("⚠️") ? `error: ${plain.split("⚠️")[1]?.split("\n")[0]?.trim()}` : plain.slice(0, 60);
}

/**
 * Heap growth of the whole app (and the fake Bot API, which keeps the replies it was sent) after 20,000 made-up
 * commands from 20 readers, 1,000 each, sent through the fake Bot API; and the longest event-loop block meanwhile.
 * Each reader gets 20 answers a minute and one "slow down" (the rest are ignored): replies keep to Telegram's
 * 30 a second, which 20,000 answers would make a 12-minute benchmark.
 */
async function oddCommandsThroughTheBot(): Promise<Figure[]> {
  const h = await startHarness();
  try {
    const readers = Array.from({ length: 20 }, () => user({ language_code: "ar" }));
    await h.send(command("help", "", { from: readers[0] }));
    const before = heapMb();
    const handled0 = await h.app.deps.metrics.handledUpdates();
    let sent = 0;
    const started = performance.now();
    const block = await longestBlock(async () => {
      while (sent < ODD_COMMANDS) {
        // A hundred at a time (what one getUpdates returns): the fake's bursts are not the bot's cost.
        for (let i = 0; i < 100; i++) {
          const reader = readers[i % readers.length];
          h.fake.pushUpdate(command(`x${(sent++).toString(36)}_${"q".repeat(24)}`, "", { from: reader }));
        }
        await waitUntil(async () => (await h.app.deps.metrics.handledUpdates()) - handled0 >= sent, 120_000);
        if (sent % 1000 === 0) h.fake.calls.length = 0; // the fake's log of calls: not the bot's memory
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const grown = Math.round((heapMb() - before) * 10) / 10;
    const metricsKb = Math.round(
      (await (await fetch(`http://127.0.0.1:${h.app.port}/metrics`)).text()).length / 1024,
    );
    return [
      {
        name: "20k odd commands (bot)",
        value: grown,
        unit: "MB heap",
        note: `through the fake Bot API, 20 readers × 1,000, in ${seconds.toFixed(1)} s; /metrics ${metricsKb} KB`,
      },
      { name: "  event loop meanwhile", value: block, unit: "ms block", target: "≤ 100" },
    ];
  } finally {
    await h.stop();
  }
}

export async function benchHostile(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const [rawHeap, rawSize] = await commandLabels((m, name) => m.commands.inc({ command: name }));
  const [heap, size] = await commandLabels((m, name) => m.countCommand(name));
  figures.push({
    name: "20k odd commands: heap",
    value: heap,
    unit: "MB",
    note: `${size} KB of /metrics; one label per name: +${rawHeap} MB, ${rawSize} KB`,
  });

  figures.push(...(await oddCommandsThroughTheBot()));

  const title = `عربي http://${".".repeat(40_000)}x`;
  const started = performance.now();
  isolateLatinRuns(title);
  figures.push({
    name: "bidi, 40k-dot URL title",
    value: Math.round((performance.now() - started) * 100) / 100,
    unit: "ms",
    target: "≤ 100",
    note: "one render (5.9 s before)",
  });

  const server = await serveFeeds((req, res) => {
    const body = FEEDS[req.url ?? ""];
    res.writeHead(body ? 200 : 404, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(body ?? "");
  });
  const root = server.url;
  const env = { EDITOR_IDS: String(EDITOR.id), FEED_ALLOW_HOSTS: "127.0.0.1" };
  try {
    // Each feed on a new database (one's items are not near-duplicates of another's), after an ordinary feed:
    // loading the HTTP client (undici) and starting the parser's thread are not the input's cost.
    for (const path of Object.keys(FEEDS).filter((p) => p !== "/warm-up.rss")) {
      const h = await startHarness({ env });
      try {
        await editorAsks(h, "addfeed", `${root}/warm-up.rss`);
        let ms = 0;
        let reply = "";
        const block = await longestBlock(async () => {
          const t = performance.now();
          reply = await editorAsks(h, "addfeed", `${root}${path}`);
          ms = performance.now() - t;
        });
        const mb = (Buffer.byteLength(FEEDS[path] as string) / 2 ** 20).toFixed(1);
        figures.push({
          name: `/addfeed ${path.slice(1, -4)}`,
          value: block,
          unit: "ms block",
          target: "≤ 100",
          note: `${mb} MB; the whole /addfeed took ${Math.round(ms)} ms; ${outcomeOf(reply)}`,
        });
        // The titles as readers see them afterwards.
        if (path === "/huge-titles.rss") {
          const latest = await longestBlock(() =>
            h.send(command("latest", "", { from: user({ language_code: "ar" }) })),
          );
          figures.push({ name: "/latest after it", value: latest, unit: "ms block", target: "≤ 100" });
        }
      } finally {
        await h.stop();
      }
    }
  } finally {
    await server.close();
  }
  return figures;
}
