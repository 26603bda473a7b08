// Middlewares that run before every feature: skipping what must not be handled twice, metrics,
// and attaching the reader, language, role and translator to the context.
import type { Middleware } from "grammy";
import { languageFromCode } from "../i18n";
import type { ChatType } from "../store/chats";
import type { BotDeps, NashraContext } from "./context";
import { roleOf } from "./roles";

/**
 * Edited messages would run a command a second time; Telegram may also redeliver an update to a
 * webhook. Both are dropped here.
 */
export function skipRepeats(capacity = 2048): Middleware<NashraContext> {
  const seen = new Set<number>();
  return async (ctx, next) => {
    if (ctx.update.edited_message || ctx.update.edited_channel_post) return;
    // Telegram's menus send lower case; a reader typing /START means /start.
    const message = ctx.update.message ?? ctx.update.channel_post;
    const command = message?.text && /^\/[A-Za-z0-9_]+/.exec(message.text)?.[0];
    if (message?.text && command && command !== command.toLowerCase()) {
      message.text = command.toLowerCase() + message.text.slice(command.length);
    }
    const id = ctx.update.update_id;
    if (seen.has(id)) return;
    seen.add(id);
    if (seen.size > capacity) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    await next();
  };
}

/** Counts updates by type and commands by name. */
export function countUpdates(deps: BotDeps): Middleware<NashraContext> {
  return async (ctx, next) => {
    const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
    deps.metrics.updates.inc({ type });
    const text = ctx.msg?.text ?? "";
    const command = /^\/([a-z0-9_]{1,32})(?:@\w+)?(?:\s|$)/i.exec(text)?.[1]?.toLowerCase();
    if (command) deps.metrics.commands.inc({ command });
    const done = deps.metrics.handlerSeconds.startTimer();
    try {
      await next();
    } finally {
      done();
    }
  };
}

/**
 * Puts the services on the context, records the chat (a chat that writes to the bot is active again),
 * and chooses the reply language: the chat's setting, else the user's Telegram language, else the default.
 */
export function attachReader(deps: BotDeps): Middleware<NashraContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    const chat = ctx.chat;
    // Membership changes are handled by their own feature: a "kicked" update must not reactivate the chat.
    if (chat && !ctx.update.my_chat_member) {
      const title = chat.type === "private" ? null : (chat.title ?? null);
      const clientLanguage = chat.type === "private" ? languageFromCode(ctx.from?.language_code) : undefined;
      ctx.reader = deps.store.chats.touch(chat.id, chat.type as ChatType, title, clientLanguage ?? null);
    } else if (chat) {
      ctx.reader = deps.store.chats.find(chat.id);
    }
    ctx.role = roleOf(ctx.from?.id, deps);
    useLanguage(ctx);
    await next();
  };
}

/**
 * Sets the reply language from the chat as stored (call again after changing it): the chat's choice; in a
 * group or channel, else DEFAULT_LANGUAGE (never a member's); in a private chat, else the user's Telegram
 * language, else the default. The same rule as messages the bot sends first (`chatLanguage`).
 */
export function useLanguage(ctx: NashraContext): void {
  const { i18n, config } = ctx.deps;
  const shared = ctx.chat !== undefined && ctx.chat.type !== "private";
  ctx.language =
    ctx.reader?.language ??
    (shared
      ? config.DEFAULT_LANGUAGE
      : (languageFromCode(ctx.from?.language_code) ?? config.DEFAULT_LANGUAGE));
  // In a group or channel, messages that speak of "you" have a "-group" variant that speaks of the chat.
  const voiced = (key: string) => (shared && i18n.has(`${key}-group`) ? `${key}-group` : key);
  ctx.t = (key, args) => i18n.t(ctx.language, voiced(key), args);
  ctx.tp = (key, args) => i18n.plain(ctx.language, voiced(key), args);
}
