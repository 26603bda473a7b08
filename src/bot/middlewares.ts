// Middlewares that run before every feature: skipping what must not be handled twice, metrics,
// and attaching the reader, language, role and translator to the context.
import type { Middleware } from "grammy";
import { chatLanguage, chatTimeZone, type Language, languageFromCode } from "../domain";
import type { MessageArgs } from "../i18n";
import { retryBusy } from "../store/db";
import type { BotDeps, NashraContext } from "./context";

/** An edited message that may be a /post's (bot/features/post.ts checks it made an article). */
const POST_EDIT = /^\/post(?:@\w+)?(?:\s|$)/i;

/**
 * Edited messages would run a command a second time (only an editor's edit of a /post goes on, to update its
 * article); Telegram may also redeliver an update to a webhook. Both are dropped here.
 */
export function skipRepeats(capacity = 2048): Middleware<NashraContext> {
  const seen = new Set<number>();
  return async (ctx, next) => {
    // An edited command is never run again; only an edit of a /post goes on (it updates the article it made).
    const edited = ctx.update.edited_message;
    if (ctx.update.edited_channel_post || (edited && !POST_EDIT.test(edited.text ?? edited.caption ?? "")))
      return;
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
    if (command) deps.metrics.countCommand(command);
    const done = deps.metrics.handlerSeconds.startTimer();
    try {
      await next();
    } finally {
      done();
    }
  };
}

/**
 * Puts the services on the context, records the chat (a chat that writes to the bot is active again, and a
 * private chat's Telegram language is noted), and sets the chat's language and time zone.
 */
export function attachReader(deps: BotDeps): Middleware<NashraContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    const chat = ctx.chat;
    // Membership changes are handled by their own feature: a "kicked" update must not reactivate the chat.
    if (chat && !ctx.update.my_chat_member) {
      const title = chat.type === "private" ? null : (chat.title ?? null);
      // One upsert: safe to try again when another process (an import) holds the database a moment too long.
      ctx.reader = await retryBusy(() =>
        deps.readers.arrived({ id: chat.id, type: chat.type, title }, seenLanguage(ctx)),
      );
    } else if (chat) {
      ctx.reader = deps.readers.find(chat.id);
    }
    if (ctx.from?.username && !ctx.from.is_bot) deps.roles.noteUser(ctx.from.id, ctx.from.username);
    ctx.role = deps.roles.roleOf(ctx.from?.id);
    useChatSettings(ctx);
    await next();
  };
}

/**
 * A private chat's Telegram language in this update: ar or en, null when it is another one, undefined when
 * Telegram did not say (then the one seen before still holds).
 */
function seenLanguage(ctx: NashraContext): Language | null | undefined {
  const code = ctx.chat?.type === "private" ? ctx.from?.language_code : undefined;
  return code === undefined ? undefined : (languageFromCode(code) ?? null);
}

/**
 * Sets the language and time zone of replies from the chat as stored (call again after changing either), by
 * the same rules as messages the bot sends first: `chatLanguage` and `chatTimeZone`.
 */
export function useChatSettings(ctx: NashraContext): void {
  const { i18n, config } = ctx.deps;
  const shared = ctx.chat !== undefined && ctx.chat.type !== "private";
  // A chat not stored (a membership update of an unknown chat) is taken as it would be stored.
  const facts = ctx.reader ?? {
    type: ctx.chat?.type ?? "private",
    language: null,
    clientLanguage: seenLanguage(ctx) ?? null,
  };
  ctx.language = chatLanguage(facts, config.DEFAULT_LANGUAGE);
  ctx.timeZone = chatTimeZone(ctx.reader, config.DEFAULT_TIMEZONE);
  // In a group or channel, messages that speak of "you" have a "-group" variant that speaks of the chat
  // (its $chat says which: "group" or "channel").
  const voiced = (key: string) => (shared && i18n.has(`${key}-group`) ? `${key}-group` : key);
  const chat = (args?: MessageArgs) =>
    shared ? { chat: ctx.chat?.type === "channel" ? "channel" : "group", ...args } : args;
  ctx.t = (key, args) => i18n.t(ctx.language, voiced(key), chat(args));
  ctx.tp = (key, args) => i18n.plain(ctx.language, voiced(key), chat(args));
}
