// A whole Nashra (startApp: store, bot, HTTP server) against the fake Bot API, on a temporary SQLite file.

import type { User } from "grammy/types";
import type { App, AppOptions } from "../../src/app";
import { startApp } from "../../src/app";
import type { Clock } from "../../src/clock";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { stripBidi } from "../../src/text/html";
import { FakeBotApi, type FakeBotApiOptions, inlineKeyboardOf, type SentMessageParams } from "./fake-bot-api";
import { tempDatabasePath } from "./temp";
import { command, type NewUpdate, user } from "./updates";

export const TEST_TOKEN = "123456:TEST-token_for-nashra";

export interface Harness {
  fake: FakeBotApi;
  app: App;
  databasePath: string;
  /** Pushes an update and resolves once the bot has finished handling it; returns what it sent to that chat. */
  send(update: NewUpdate): Promise<SentMessageParams[]>;
  /** Stops the app (and the fake, and removes the database unless `keepDatabase`). */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  fake?: FakeBotApiOptions;
  /** Reuse a database file (e.g. to restart on it). */
  databasePath?: string;
  /** The app's clock (default: the system's). */
  clock?: Clock;
  /** How often an alert's status message may be edited (default 100 ms, so tests need not wait). */
  alertStatusIntervalMs?: number;
  /** The alert fan-out's chunk sizes (default: the bot's own). */
  alertFanout?: AppOptions["alertFanout"];
  /** The shortest interval /schedule accepts (default: the bot's own, 10 minutes). */
  minScheduleIntervalMs?: number;
  /** Limits of the feed parser's threads (default: the bot's own). */
  feedParsing?: AppOptions["feedParsing"];
  /** The digest scheduler's timers (a manual clock's, so that advancing it fires schedules). */
  timers?: AppOptions["timers"];
}

/** Starts Nashra in polling mode (unless env says otherwise) against a new fake Bot API server. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeBotApi.start(options.fake);
  const temp = tempDatabasePath();
  const databasePath = options.databasePath ?? temp.path;
  const config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_PATH: databasePath,
    PORT: "0",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const app = await startApp(config, {
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    alertStatusIntervalMs: options.alertStatusIntervalMs ?? 100,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.minScheduleIntervalMs === undefined
      ? {}
      : { minScheduleIntervalMs: options.minScheduleIntervalMs }),
    ...(options.feedParsing ? { feedParsing: options.feedParsing } : {}),
    ...(options.alertFanout ? { alertFanout: options.alertFanout } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
  });
  return {
    fake,
    app,
    databasePath,
    async send(update) {
      const chatId = chatOf(update);
      const before = chatId === undefined ? 0 : fake.sentTo(chatId).length;
      const handled = await app.deps.metrics.handledUpdates();
      fake.pushUpdate(update);
      await waitUntil(
        async () => (await app.deps.metrics.handledUpdates()) > handled,
        5000,
        () => `update not handled; recent calls:\n${fake.describeRecentCalls()}`,
      );
      return chatId === undefined ? [] : fake.sentTo(chatId).slice(before);
    },
    async stop() {
      await app.stop();
      await fake.close();
      temp.cleanup();
    },
  };
}

function chatOf(update: NewUpdate): number | undefined {
  const u = update as Record<
    string,
    { chat?: { id: number }; message?: { chat: { id: number } } } | undefined
  >;
  return (
    u.message?.chat?.id ??
    u.channel_post?.chat?.id ??
    u.callback_query?.message?.chat.id ??
    u.my_chat_member?.chat?.id
  );
}

/** Polls an async condition until it holds. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  describe: () => string = () => "condition not met",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The text a reader sees (HTML tags and bidi isolates removed). */
export function visible(message: { text?: string } | undefined): string {
  return stripBidi((message?.text ?? "").replace(/<[^>]+>/g, ""))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** The labels of a message's inline buttons, row by row, flattened. */
export function buttonLabels(message: { reply_markup?: unknown } | undefined): string[] {
  return inlineKeyboardOf(message)
    .flat()
    .map((b) => stripBidi(b.text));
}

/** The callback data of the button whose label contains `label`. */
export function buttonData(message: { reply_markup?: unknown } | undefined, label: string): string {
  const button = inlineKeyboardOf(message)
    .flat()
    .find((b) => stripBidi(b.text).includes(label));
  if (!button || !("callback_data" in button) || !button.callback_data) {
    throw new Error(`no button "${label}" in ${JSON.stringify(buttonLabels(message))}`);
  }
  return button.callback_data;
}

/** A new reader in a private chat who has subscribed (with /subscribe) to `topic`. */
export async function subscriber(h: Harness, topic: string, language = "ar"): Promise<User> {
  const reader = user({ language_code: language });
  await h.send(command("subscribe", topic, { from: reader }));
  return reader;
}

/** What a chat received, as readers see it, of the messages that start with `mark` (🔴 alerts, 📰 digests). */
export function received(h: Harness, chatId: number, mark: string): string[] {
  return h.fake
    .sentTo(chatId)
    .map((m) => visible(m))
    .filter((t) => t.startsWith(mark));
}
