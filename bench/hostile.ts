// Hostile inputs (issue 11): what they cost the bot. Figures: heap growth of /metrics' command counter under
// 20,000 odd command names; the longest event-loop block while the whole app (the tests' harness, in this
// process) reads hostile feeds; one render of the pathological URL title. The target is ≤ 100 ms per block.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { commandsFor } from "../src/bot/commands";
import { Metrics } from "../src/metrics";
import { isolateLatinRuns } from "../src/text/bidi";
import { serveFeeds } from "../test/support/feed-server";
import { startHarness } from "../test/support/harness";
import { command, user } from "../test/support/updates";
import type { Figure } from "./report";

const ODD_COMMANDS = 20_000;
const EDITOR = user({ language_code: "ar" });

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

const xml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");

function rss(title: string, items: { title: string; body: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${xml(title)}</title>${items
    .map(
      (it, i) =>
        `<item><title>${xml(it.title)}</title><link>https://desk.example.org/${i}</link><description>${xml(it.body)}</description></item>`,
    )
    .join("")}</channel></rss>`;
}

const PARAGRAPH =
  "أفاد مراسلون محليون بسقوط قذائف صاروخية على محيط حقل العمر النفطي في ريف دير الزور الشرقي قرب مدينة الميادين، فيما نقلت قناة الميادين عن مصادر أن الدفاعات اعترضت بعضها. ";

const FEEDS: Record<string, string> = {
  "/warm-up.rss": rss("مكتب حلب", [{ title: "خبر عادي من حلب", body: PARAGRAPH }]),
  // An 11,000-character feed title and item title, and the URL title that was quadratic in bidi.ts.
  "/long-titles.rss": rss("نشرة الفرات ".repeat(1000), [
    { title: `عاجل: ${"قصف على حقل العمر ".repeat(600)}`, body: PARAGRAPH },
    { title: `عربي http://${".".repeat(40_000)}x`, body: PARAGRAPH },
  ]),
  // Five items of ~100,000 characters that name places on every line (tagging's worst case).
  "/huge-items.rss": rss(
    "مكتب دير الزور",
    Array.from({ length: 5 }, (_, i) => ({ title: `تقرير مطول رقم ${i}`, body: PARAGRAPH.repeat(560) })),
  ),
  // A feed of 5,000 items: one poll imports the newest 100.
  "/many-items.rss": rss(
    "مكتب الرقة",
    Array.from({ length: 5000 }, (_, i) => ({ title: `خبر قصير رقم ${i} من الرقة`, body: PARAGRAPH })),
  ),
};

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
  const h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id), FEED_ALLOW_HOSTS: "127.0.0.1" } });
  try {
    // A first, ordinary feed: loading the HTTP client (undici) and warming up the parser is not the input's cost.
    await h.send(command("addfeed", `${root}/warm-up.rss`, { from: EDITOR }));
    for (const path of Object.keys(FEEDS).filter((p) => p !== "/warm-up.rss")) {
      let ms = 0;
      const block = await longestBlock(async () => {
        const t = performance.now();
        await h.send(command("addfeed", `${root}${path}`, { from: EDITOR }));
        ms = performance.now() - t;
      });
      figures.push({
        name: `/addfeed ${path.slice(1, -4)}`,
        value: block,
        unit: "ms block",
        target: "≤ 100",
        note: `longest event-loop block; the whole /addfeed took ${Math.round(ms)} ms`,
      });
    }
    // The titles as readers see them afterwards.
    const block = await longestBlock(() =>
      h.send(command("latest", "", { from: user({ language_code: "ar" }) })),
    );
    figures.push({ name: "/latest after them", value: block, unit: "ms block", target: "≤ 100" });
  } finally {
    await h.stop();
    await server.close();
  }
  return figures;
}
