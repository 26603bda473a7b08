// createBot: the grammY bot with Nashra's middlewares and features. No network until it is started.
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotDeps, NashraContext } from "./context";
import { adminFeature } from "./features/admin";
import { alertsFeature } from "./features/alerts";
import { catalogFeature } from "./features/catalog";
import { digestsFeature } from "./features/digests";
import { fallbackFeature } from "./features/fallback";
import { feedsFeature } from "./features/feeds";
import { membershipFeature } from "./features/membership";
import { postFeature } from "./features/post";
import { readingFeature } from "./features/reading";
import { settingsFeature } from "./features/settings";
import { startFeature } from "./features/start";
import { stopFeature } from "./features/stop";
import { subscriptionsFeature } from "./features/subscriptions";
import { topicsFeature } from "./features/topics";
import { attachReader, countUpdates, skipRepeats } from "./middlewares";
import { replyHtml } from "./reply";

/** The update types Nashra handles; everything else is not even fetched. */
export const ALLOWED_UPDATES = ["message", "channel_post", "callback_query", "my_chat_member"] as const;

export interface CreateBotOptions {
  /** Skips getMe (tests, or a bot whose identity is already known). */
  botInfo?: UserFromGetMe;
}

/** Builds the bot around its services; start it with the runner (polling) or a webhook. */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<NashraContext> {
  const bot = new Bot<NashraContext>(token, {
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });

  // One chat's updates in order, different chats in parallel (for the runner; harmless with webhooks).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot.use(countUpdates(deps));
  bot.use(skipRepeats());
  bot.use(attachReader(deps));

  const features = bot.errorBoundary(async (error) => {
    await reportError(error, deps);
    const ctx = error.ctx;
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.tp("error-generic") });
      else if (ctx.chat) await replyHtml(ctx, ctx.t("error-generic"));
    } catch {
      // The apology failed too (blocked, network); the error is already logged.
    }
  });
  features.use(
    startFeature,
    topicsFeature,
    subscriptionsFeature,
    settingsFeature,
    stopFeature,
    readingFeature,
    postFeature,
    catalogFeature,
    feedsFeature,
    alertsFeature,
    adminFeature,
    digestsFeature,
    membershipFeature,
    fallbackFeature,
  );

  bot.catch((error) => reportError(error, deps));
  return bot;
}

async function reportError(error: BotError<NashraContext>, deps: BotDeps): Promise<void> {
  deps.metrics.noteError("handler", error.error);
  deps.logger.error(
    { err: error.error, update: error.ctx.update.update_id },
    "error while handling an update",
  );
}
