// The command menus Telegram shows: per language and per role scope (readers everywhere, staff in
// their own private chats), registered with setMyCommands.
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { LANGUAGES, type Language, type Role } from "../domain";
import type { BotDeps } from "./context";

export const READER_COMMANDS = [
  "start",
  "topics",
  "subscribe",
  "unsubscribe",
  "mytopics",
  "latest",
  "search",
  "mute",
  "unmute",
  "watch",
  "unwatch",
  "settings",
  "tip",
  "help",
  "stop",
] as const;
export const EDITOR_COMMANDS = [
  "post",
  "article",
  "alert",
  "alerts",
  "feeds",
  "addfeed",
  "removefeed",
  "tips",
] as const;
export const ADMIN_COMMANDS = [
  "schedule",
  "schedules",
  "unschedule",
  "digestnow",
  "digestpreview",
  "grant",
  "revoke",
  "roles",
  "addtopic",
  "alias",
  "unalias",
  "renametopic",
  "retiretopic",
  "stats",
] as const;

/** The commands a role may use, readers' first. */
export function commandsFor(role: Role): string[] {
  const list: string[] = [...READER_COMMANDS];
  if (role !== "reader") list.push(...EDITOR_COMMANDS);
  if (role === "admin") list.push(...ADMIN_COMMANDS);
  return list;
}

/** The menu of a role in a language: descriptions come from the locale files (`cmd-<name>`). */
export function menu(deps: Pick<BotDeps, "i18n">, language: Language, role: Role): BotCommand[] {
  return commandsFor(role).map((command) => ({
    command,
    description: deps.i18n.plain(language, `cmd-${command}`).slice(0, 256),
  }));
}

/** Registers the readers' menus and every staff member's own menu. Failures are logged, not fatal. */
export async function syncCommandMenus(api: Api, deps: BotDeps): Promise<void> {
  const fallback = deps.config.DEFAULT_LANGUAGE;
  await api.setMyCommands(menu(deps, fallback, "reader"));
  for (const language of LANGUAGES) {
    await api.setMyCommands(menu(deps, language, "reader"), { language_code: language });
  }
  for (const userId of deps.roles.staffIds()) await syncStaffMenu(api, deps, userId);
}

/** Gives one user the menu of their current role in their private chat (or removes it for a reader). */
export async function syncStaffMenu(api: Api, deps: BotDeps, userId: number): Promise<void> {
  await syncChatMenu(api, deps, userId);
}

/**
 * A chat's own menu: the role of its person (a private chat; readers in groups and channels) in the language the
 * chat chose in /settings, whatever the language of each member's Telegram. A reader's chat that follows
 * Telegram's language drops its own menu (the per-language reader menus apply); a staff member's keeps the role
 * menu in each language.
 */
export async function syncChatMenu(api: Api, deps: BotDeps, chatId: number): Promise<void> {
  const role = chatId > 0 ? deps.roles.roleOf(chatId) : "reader";
  const chosen = deps.readers.find(chatId)?.language ?? null;
  const scope = { type: "chat" as const, chat_id: chatId };
  try {
    if (role === "reader" && chosen === null) {
      await api.deleteMyCommands({ scope });
      for (const language of LANGUAGES) await api.deleteMyCommands({ scope, language_code: language });
      return;
    }
    await api.setMyCommands(menu(deps, chosen ?? deps.config.DEFAULT_LANGUAGE, role), { scope });
    for (const language of LANGUAGES) {
      await api.setMyCommands(menu(deps, chosen ?? language, role), { scope, language_code: language });
    }
  } catch (error) {
    // Telegram refuses a chat scope until the user has started the bot; their menu follows on /start.
    deps.logger.info({ err: error, chatId }, "chat command menu not set");
  }
}
