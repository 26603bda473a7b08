// A million readers (issue 16 item 3): the bot is `node dist/main.js` (what `npm start` runs) on a database
// holding 1,000,000 private chats that follow Deir ez-Zor; an editor sends /alert and presses Send, the fake Bot
// API enforces the paid rate (1,000/s) with 20–50 ms per call. Figures: the preview's count, press → first
// copy, the bot's RSS idle and its peak while it fans the alert out and sends (sampled from /proc every 50 ms),
// over the first SCALE_SECONDS of the broadcast (sending to a million takes ~17 minutes at 1,000/s; the memory
// that matters is reached once the fan-out is under way: the expansion itself takes ~1 minute).
//
// The readers are written into the database by the benchmark (SQL, before the bot starts): a million /subscribe
// updates through the fake would take hours at Telegram's reply rate. `bench -- outside` is the figure from
// readers who subscribed by typing.
//
// `npm run bench -- scale` (1,000,000 readers, 60 s; SCALE_READERS and SCALE_SECONDS change them).
import { createLogger } from "../src/logger";
import { createServices } from "../src/services";
import { FakeBotApi } from "../test/support/fake-bot-api";
import { buttonData } from "../test/support/harness";
import { tempDatabasePath } from "../test/support/temp";
import { callback, user } from "../test/support/updates";
import { alertPreview, buildBot, type RunningBot, sampleProcess, sleep, startPaidBot } from "./child";
import { PAID_LIMITER } from "./delivery";
import type { Figure } from "./report";

const READERS = Number(process.env.SCALE_READERS ?? 1_000_000);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 60);
const FIRST_READER = 10_000_000;
const EDITOR = user({ id: 9_999_999, language_code: "ar" });

/** A database as the bot leaves it (migrated, catalog seeded) with `READERS` chats following Deir ez-Zor. */
function seed(path: string): number {
  const started = Date.now();
  const services = createServices({
    databasePath: path,
    clock: () => Date.now(),
    logger: createLogger("silent"),
    feedPollMinutes: 15,
  });
  try {
    const { db } = services.store;
    const topic = db.prepare("SELECT id FROM topics WHERE slug = 'deir-ez-zor'").pluck().get() as number;
    const now = Date.now();
    db.transaction(() => {
      // Every fifth reader English; every fourth in another zone (the alert's variants: language × zone).
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count)
         INSERT INTO chats (id, type, language, timezone, created_at, updated_at)
         SELECT @first + i, 'private', CASE WHEN i % 5 = 0 THEN 'en' ELSE 'ar' END,
                CASE WHEN i % 4 = 0 THEN 'Europe/Berlin' ELSE NULL END, @now, @now FROM n`,
      ).run({ count: READERS, first: FIRST_READER, now });
      db.prepare(
        `INSERT INTO subscriptions (chat_id, topic_id, created_at)
         SELECT id, @topic, @now FROM chats WHERE id >= @first`,
      ).run({ topic, now, first: FIRST_READER });
    })();
  } finally {
    services.store.close();
  }
  return Date.now() - started;
}

export async function benchScale(): Promise<Figure[]> {
  buildBot();
  const temp = tempDatabasePath();
  const seedMs = seed(temp.path);
  const fake = await FakeBotApi.start({ limiter: PAID_LIMITER, latencyMs: 20, latencyJitterMs: 30 });
  let bot: RunningBot | undefined;
  try {
    bot = await startPaidBot(fake, temp, EDITOR.id);
    const { pid } = bot;
    await sleep(2000);
    const idle = sampleProcess(pid);

    const preview = await alertPreview(fake, EDITOR, 120_000);
    const previewText = preview?.text ?? "";
    const count = /[\d,٬]{4,}/.exec(previewText.replace(/[\u2066-\u2069]/g, ""))?.[0] ?? "?";
    fake.calls.length = 0;
    let peakRssKb = 0;
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, sampleProcess(pid).rssKb);
    }, 50);
    const pressed = Date.now();
    fake.pushUpdate(
      callback(buttonData(preview, "📣"), { from: EDITOR, ...(preview ? { message: preview } : {}) }),
    );
    let first: number | undefined;
    let sent = 0;
    const end = pressed + SECONDS * 1000;
    while (Date.now() < end) {
      await sleep(250);
      // The fake's log of calls is emptied as it goes (it is the benchmark's memory, not the bot's).
      const calls = fake.calls.splice(0);
      for (const c of calls) {
        if (c.method !== "sendMessage" || !c.delivered || (c.chatId ?? 0) < FIRST_READER) continue;
        sent++;
        first ??= c.at;
      }
    }
    clearInterval(sampler);
    const rate = first === undefined ? 0 : Math.round((sent * 1000) / Math.max(1, Date.now() - first));
    await bot.stop();
    return [
      {
        name: "readers in the database",
        value: READERS,
        unit: "chats",
        note: `written by SQL in ${(seedMs / 1000).toFixed(1)} s; the preview said ${count}`,
      },
      {
        name: "press → first copy",
        value: first === undefined ? -1 : first - pressed,
        unit: "ms",
        target: "≤ 100",
      },
      { name: "sent in the window", value: sent, unit: `in ${SECONDS} s`, note: `${rate} msg/s` },
      { name: "bot RSS idle", value: Math.round(idle.rssKb / 1024), unit: "MB" },
      {
        name: "bot RSS during the alert",
        value: Math.round(peakRssKb / 1024),
        unit: "MB",
        target: "≤ 250",
        note: `peak over the first ${SECONDS} s (fan-out of ${READERS} chats and sending)`,
      },
    ];
  } finally {
    bot?.kill();
    await fake.close();
    temp.cleanup();
  }
}
