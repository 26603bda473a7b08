// The paid broadcast measured from outside, the way a newsroom runs Nashra (issue 16): the bot is
// `node dist/main.js` (what `npm start` runs), its readers subscribed by sending /subscribe through
// the fake Bot API (nothing is written into its database by the benchmark), an editor sends /alert and presses
// Send, and the fake enforces the paid rate (1,000/s) with 20–50 ms per call. Figures: the rate and 429s as the
// fake saw them, the first reader's copy after the press, the bot's RSS after the readers subscribed and its
// peak during the broadcast (from /proc, sampled every 50 ms), and whether each reader got the alert once.
//
// `npm run bench -- outside` (5,000 readers; `OUTSIDE_READERS=20000 npm run bench -- outside` for more).
import { FakeBotApi } from "../test/support/fake-bot-api";
import { buttonData } from "../test/support/harness";
import { tempDatabasePath } from "../test/support/temp";
import { callback, command, user } from "../test/support/updates";
import { alertPreview, buildBot, type RunningBot, sampleProcess, sleep, startPaidBot, until } from "./child";
import { PAID_LIMITER } from "./delivery";
import { type Figure, percentile } from "./report";

const READERS = Number(process.env.OUTSIDE_READERS ?? 5000);
const FIRST_READER = 3_000_000;
const EDITOR = user({ id: 2_999_999, language_code: "ar" });
export async function benchOutside(): Promise<Figure[]> {
  buildBot();
  const fake = await FakeBotApi.start({ limiter: PAID_LIMITER, latencyMs: 20, latencyJitterMs: 30 });
  const temp = tempDatabasePath();
  let bot: RunningBot | undefined;
  try {
    bot = await startPaidBot(fake, temp, EDITOR.id);
    const { pid } = bot;
    const idle = sampleProcess(pid);

    // Readers arrive by typing /subscribe دير الزور (a /start first would double the replies, which Telegram
    // takes at its free rate, ~30/s: 5,000 readers joining in the same minute wait minutes for their answers).
    const subscribeStart = Date.now();
    const readers = Array.from({ length: READERS }, (_, i) =>
      user({ id: FIRST_READER + i, language_code: i % 5 === 0 ? "en" : "ar" }),
    );
    for (const reader of readers) {
      fake.pushUpdate(command("subscribe", "دير الزور", { from: reader }));
    }
    const answered = () =>
      fake.calls.filter((c) => c.method === "sendMessage" && c.delivered && (c.chatId ?? 0) >= FIRST_READER)
        .length;
    await until(
      fake,
      "the readers' answers",
      () => answered() >= READERS,
      Number(process.env.OUTSIDE_WAIT_MS ?? 900_000),
    );
    const subscribeMs = Date.now() - subscribeStart;
    const subscribed = sampleProcess(pid);

    const preview = await alertPreview(fake, EDITOR, 60_000);
    const before = fake.calls.length;
    let peakRssKb = 0;
    const sampler = setInterval(() => {
      peakRssKb = Math.max(peakRssKb, sampleProcess(pid).rssKb);
    }, 50);
    const pressed = Date.now();
    fake.pushUpdate(
      callback(buttonData(preview, "📣"), { from: EDITOR, ...(preview ? { message: preview } : {}) }),
    );
    const alertCalls = () =>
      fake.calls.slice(before).filter((c) => c.method === "sendMessage" && (c.chatId ?? 0) >= FIRST_READER);
    await until(
      fake,
      "the broadcast",
      () => alertCalls().filter((c) => c.delivered).length >= READERS,
      300_000,
    );
    await sleep(500);
    clearInterval(sampler);
    const calls = alertCalls();
    const delivered = calls.filter((c) => c.delivered);
    const times = delivered.map((c) => c.at).sort((a, b) => a - b);
    const first = times[0] ?? pressed;
    const last = times[times.length - 1] ?? pressed;
    const perChat = new Map<number, number>();
    for (const c of delivered) perChat.set(c.chatId ?? 0, (perChat.get(c.chatId ?? 0) ?? 0) + 1);
    const twice = [...perChat.values()].filter((n) => n > 1).length;
    const sentAfter = delivered.map((c) => c.at - pressed);
    const cpu = sampleProcess(pid).cpuMs - subscribed.cpuMs;
    await bot.stop();
    return [
      {
        name: "readers subscribed",
        value: READERS,
        unit: "chats",
        note: `by /subscribe, answered in ${(subscribeMs / 1000).toFixed(1)} s`,
      },
      {
        name: "paid rate, outside",
        value: Math.round(((delivered.length - 1) * 1000) / Math.max(1, last - first)),
        unit: "msg/s",
        target: "≥ 950",
      },
      { name: "429s", value: calls.filter((c) => c.errorCode === 429).length, unit: "", target: "0" },
      { name: "press → first copy", value: first - pressed, unit: "ms", target: "≤ 100" },
      { name: "press → p50 copy", value: percentile(sentAfter, 50), unit: "ms" },
      {
        name: "readers once",
        value: perChat.size - twice,
        unit: `of ${READERS}`,
        note: `${twice} got it twice`,
      },
      { name: "bot RSS idle", value: Math.round(idle.rssKb / 1024), unit: "MB" },
      {
        name: "bot RSS subscribed",
        value: Math.round(subscribed.rssKb / 1024),
        unit: "MB",
        note: `peak while subscribing ${Math.round(subscribed.hwmKb / 1024)} MB`,
      },
      { name: "bot RSS broadcast", value: Math.round(peakRssKb / 1024), unit: "MB", target: "≤ 150" },
      { name: "bot CPU broadcast", value: Math.round(cpu), unit: "ms" },
    ];
  } finally {
    bot?.kill();
    await fake.close();
    temp.cleanup();
  }
}
