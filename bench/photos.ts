// Benchmark of a photo alert (docs/delivery.md, "Photos"): an imported article with a picture by URL, alerted to
// 5,000 private chats at the paid rate (SEND_RATE 1000, PAID_BROADCAST), against the fake Bot API with its flood
// limiter enforced and 20 ms per call. Figures: messages a second (first to last reader's photo, as the fake saw
// them arrive), uploads made (sendPhoto by URL: the target is one, whatever the audience), and 429s. A text alert of
// the same article to the same audience runs beside it, for comparison.
//
// Everything runs in this process (the tests' harness: the app and the fake share the cores), so the rate is lower
// than `npm run bench -- delivery`, which measures the bundled bot in a process of its own.
import type { Requester } from "../src/alerts/service";
import { startHarness, waitUntil } from "../test/support/harness";
import { tempDatabasePath } from "../test/support/temp";
import { PAID_LIMITER } from "./delivery";
import type { Figure } from "./report";

const CHATS = 5_000;
const LATENCY_MS = 20;
const EDITOR: Requester = { id: 7001, name: "عمر", language: "ar", timeZone: "Asia/Damascus" };
const PICTURE = "https://images.example.org/2026/12/omar-field.jpg";
const TITLE = "استهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا";
const BODY = [
  "استهدفت ثمانية صواريخ محيط قاعدة التحالف الدولي المتواجدة بحقل العمر النفطي صباح اليوم، وفق مصادر من التحالف.",
  "ووفق المصدر أُطلقت الصواريخ من غرب مدينة الميادين، وأصابت أحد المساجد بأضرار مادية.",
  "وأضاف بأن قوات التحالف قامت بالرد على مصدر إطلاق الصواريخ بضربات محددة.",
].join("\n\n");

interface Run {
  rate: number;
  uploads: number;
  byFileId: number;
  errors429: number;
  elapsedMs: number;
}

async function oneRun(photo: boolean): Promise<Run> {
  const temp = tempDatabasePath();
  const h = await startHarness({
    databasePath: temp.path,
    fake: { latencyMs: LATENCY_MS, limiter: PAID_LIMITER },
    env: {
      EDITOR_IDS: String(EDITOR.id),
      DEFAULT_TIMEZONE: "Asia/Damascus",
      SEND_RATE: "1000",
      PAID_BROADCAST: "true",
    },
  });
  try {
    const { app, fake } = h;
    const dez = app.deps.topics.index().bySlug("deir-ez-zor");
    if (!dez) throw new Error("catalog without deir-ez-zor");
    app.store.db.transaction(() => {
      for (let id = 1; id <= CHATS; id++) {
        app.store.chats.touch(id, "private", null, "ar");
        app.store.subscriptions.add(id, [dez.id]);
      }
    })();
    const { article } = app.deps.importer.importOne(
      { title: TITLE, body: BODY, ...(photo ? { image: PICTURE } : {}) },
      { origin: "import" },
    );
    const preview = app.deps.alerts.preview({ article }, EDITOR);
    const started = Date.now();
    app.deps.alerts.confirm(preview.alert.id, EDITOR.id);
    const method = photo ? "sendPhoto" : "sendMessage";
    const delivered = () => fake.callsOf(method).filter((c) => c.delivered && (c.chatId ?? 0) <= CHATS);
    await waitUntil(() => app.deps.alerts.progress(preview.alert.id).done, 120_000);
    const calls = delivered();
    const first = Math.min(...calls.map((c) => c.at));
    const last = Math.max(...calls.map((c) => c.at));
    if (calls.length !== CHATS) throw new Error(`${calls.length} of ${CHATS} delivered`);
    return {
      rate: Math.round((CHATS - 1) / ((last - first) / 1000)),
      uploads: fake.stats.photos.byUrl,
      byFileId: fake.stats.photos.byFileId,
      errors429: fake.stats.received429,
      elapsedMs: last - started,
    };
  } finally {
    await h.stop();
    temp.cleanup();
  }
}

export async function benchPhotos(): Promise<Figure[]> {
  const photo = await oneRun(true);
  const text = await oneRun(false);
  return [
    {
      name: "photo alert 5k",
      value: photo.rate,
      unit: "msg/s",
      note: `sendPhoto, first→last reader; ${photo.errors429} 429s; Send→last ${photo.elapsedMs} ms; fake API ${LATENCY_MS} ms/call, in-process`,
    },
    {
      name: "uploads 5k",
      value: photo.uploads,
      unit: "by URL",
      target: "1",
      note: `the other ${photo.byFileId} sends named the file_id Telegram returned`,
    },
    {
      name: "text alert 5k",
      value: text.rate,
      unit: "msg/s",
      note: `the same alert without its picture, same setup; ${text.errors429} 429s; Send→last ${text.elapsedMs} ms`,
    },
  ];
}
