// createBot: the grammY bot with Nashra's middlewares and features. No network until it is started.
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { isWriteFailure } from "../store/db";
import type { BotDeps, NashraContext } from "./context";
import { adminFeature } from "./features/admin";
import { alertsFeature } from "./features/alerts";
import { articleFeature } from "./features/article";
import { catalogFeature } from "./features/catalog";
import { digestsFeature } from "./features/digests";
import { exceptionsFeature } from "./features/exceptions";
import { fallbackFeature } from "./features/fallback";
import { feedsFeature } from "./features/feeds";
import { inlineFeature } from "./features/inline";
import { membershipFeature } from "./features/membership";
import { mutesFeature } from "./features/mutes";
import { postFeature } from "./features/post";
import { quietFeature } from "./features/quiet";
import { quietGroupsFeature } from "./features/quiet-groups";
import { readingFeature } from "./features/reading";
import { settingsFeature } from "./features/settings";
import { shareFeature } from "./features/share";
import { startFeature } from "./features/start";
import { stopFeature } from "./features/stop";
import { subscriptionsFeature } from "./features/subscriptions";
import { tipsFeature } from "./features/tips";
import { topicsFeature } from "./features/topics";
import { watchesFeature } from "./features/watches";
import { attachReader, countUpdates, skipRepeats, useChatSettings } from "./middlewares";
import { replyHtml } from "./reply";

/** The update types Nashra handles; everything else is not even fetched. */
export const ALLOWED_UPDATES = [
  "message",
  // An editor's edit of a /post message updates the article (bot/features/post.ts).
  "edited_message",
  "channel_post",
  "callback_query",
  "my_chat_member",
  "inline_query",
] as const;

/** Messages a reader may send within READER_WINDOW_MS (a group's whole allowance of replies for a minute). */
export const READER_LIMIT = 20;
export const READER_WINDOW_MS = 60_000;

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
  // Nothing any middleware throws escapes an update: the outer boundary only reports (countUpdates just
  // counts), the inner one also answers the user, inside countUpdates so the answer is part of the handling.
  const counted = bot.errorBoundary((error) => reportError(error, deps));
  counted.use(countUpdates(deps));
  const features = counted.errorBoundary((error) => apologize(error, deps));
  features.use(skipRepeats(), attachReader(deps), limitReaders());
  features.use(
    quietGroupsFeature,
    startFeature,
    topicsFeature,
    subscriptionsFeature,
    settingsFeature,
    mutesFeature,
    watchesFeature,
    exceptionsFeature,
    quietFeature,
    stopFeature,
    readingFeature,
    postFeature,
    articleFeature,
    catalogFeature,
    feedsFeature,
    alertsFeature,
    adminFeature,
    digestsFeature,
    membershipFeature,
    inlineFeature,
    shareFeature,
    tipsFeature,
    fallbackFeature,
  );

  bot.catch((error) => reportError(error, deps));
  return bot;
}

/**
 * Readers' messages to the bot (a command anywhere, anything in a private chat): READER_LIMIT a minute each. The
 * next one gets one polite "slow down"; the rest of the minute is ignored. Editors and admins are not limited.
 */
function limitReaders() {
  return limit<NashraContext, never>({
    timeFrame: READER_WINDOW_MS,
    limit: READER_LIMIT,
    keyGenerator: (ctx) => {
      const text = ctx.message?.text ?? ctx.message?.caption;
      const counts = ctx.chat?.type === "private" || text?.startsWith("/") === true;
      return ctx.message && ctx.from && ctx.role === "reader" && counts ? String(ctx.from.id) : undefined;
    },
    onLimitExceeded: async (ctx) => {
      await replyHtml(ctx, ctx.t("slow-down"));
    },
  });
}

async function reportError(error: BotError<NashraContext>, deps: BotDeps): Promise<void> {
  const writeFailed = isWriteFailure(error.error);
  deps.metrics.noteError(writeFailed ? "write" : "handler", error.error);
  deps.logger.error(
    { err: error.error, update: error.ctx.update.update_id },
    writeFailed ? "could not save what an update asked for" : "error while handling an update",
  );
}

/**
 * Reports the error and tells the user: an apology that their action could not be saved when the database
 * refused a write (disk full, I/O error, locked too long), else "something went wrong".
 */
async function apologize(error: BotError<NashraContext>, deps: BotDeps): Promise<void> {
  await reportError(error, deps);
  const ctx = error.ctx;
  try {
    // attachReader may have failed before the language was chosen (its write is the first of an update).
    if (typeof ctx.t !== "function") {
      ctx.deps = deps;
      useChatSettings(ctx);
    }
    const key = isWriteFailure(error.error) ? "error-not-saved" : "error-generic";
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.tp(key) });
    else if (ctx.chat) await replyHtml(ctx, ctx.t(key));
  } catch {
    // The apology failed too (blocked, network); the error is already logged.
  }
}
