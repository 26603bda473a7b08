// Benchmark of an alert correction (docs/delivery.md, "Edits"): an article alerted to 20,000 private chats, all
// delivered, then edited. Figures: the count the edit's reply needs (correctable), the press that enqueues one
// correction per copy (correct: copies walked a page of 1,000 at a time, a turn of the event loop between pages),
// and the longest the event loop was blocked meanwhile (what a reader's command would wait behind it).
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Requester } from "../src/alerts/service";
import { startHarness, waitUntil } from "../test/support/harness";
import { tempDatabasePath } from "../test/support/temp";
import type { Figure } from "./report";

const CHATS = 20_000;
const EDITOR: Requester = { id: 7001, name: "عمر", language: "ar", timeZone: "Asia/Damascus" };
const TITLE = "استهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا";
const BODY = [
  "استهدفت ثمانية صواريخ محيط قاعدة التحالف الدولي المتواجدة بحقل العمر النفطي صباح اليوم، وفق مصادر من التحالف.",
  "ووفق المصدر أُطلقت الصواريخ من غرب مدينة الميادين، وأصابت أحد المساجد بأضرار مادية.",
].join("\n\n");

export async function benchCorrections(): Promise<Figure[]> {
  const temp = tempDatabasePath();
  const h = await startHarness({
    databasePath: temp.path,
    env: { EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
  });
  try {
    const { app } = h;
    const dez = app.deps.topics.index().bySlug("deir-ez-zor");
    if (!dez) throw new Error("catalog without deir-ez-zor");
    app.store.db.transaction(() => {
      for (let id = 1; id <= CHATS; id++) {
        app.store.chats.touch(id, "private", null, id % 4 === 0 ? "en" : "ar");
        app.store.subscriptions.add(id, [dez.id]);
      }
    })();
    const { article } = app.deps.importer.importOne({ title: TITLE, body: BODY }, { origin: "import" });
    const preview = app.deps.alerts.preview({ article }, EDITOR);
    app.deps.alerts.confirm(preview.alert.id, EDITOR.id);
    const ref = `alert:${preview.alert.id}`;
    await waitUntil(() => app.store.alerts.get(preview.alert.id)?.fanout === undefined, 60_000);
    // Delivered, as far as the outbox knows (the fake need not carry 20,000 sends for this).
    app.store.db
      .prepare(
        "UPDATE outbox SET status = 'sent', parts_sent = 1, message_ids = json_array(id) WHERE ref = ?",
      )
      .run(ref);
    app.deps.importer.rewrite(
      article.id,
      { title: `${TITLE} (تصحيح)`, body: BODY.replace("ثمانية", "ستة") },
      { id: EDITOR.id, name: "عمر" },
    );
    let started = performance.now();
    const count = app.deps.alerts.correctable(article.id);
    const countMs = performance.now() - started;
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    started = performance.now();
    const outcome = await app.deps.alerts.correct(article.id, 1);
    const correctMs = performance.now() - started;
    delay.disable();
    if (count !== CHATS || outcome.kind !== "correcting" || outcome.enqueued !== CHATS)
      throw new Error(`counted ${count}, ${JSON.stringify(outcome)}`);
    return [
      {
        name: "correctable 20k",
        value: Math.round(countMs * 10) / 10,
        unit: "ms",
        note: "count(*) of the copies",
      },
      {
        name: "correct 20k",
        value: Math.round(correctMs),
        unit: "ms",
        note: "one edit row per copy, 20 pages of 1,000",
      },
      {
        name: "correct 20k longest block",
        value: Math.round(delay.max / 1e6),
        unit: "ms",
        note: "event-loop delay while it ran (one page's work)",
      },
    ];
  } finally {
    await h.stop();
    temp.cleanup();
  }
}
