// The domain: the types and rules every layer shares (text, store, i18n, services, bot). It imports nothing,
// so anything may import it; a rule written here is written nowhere else.

/** The languages Nashra reads and writes. */
export type Language = "ar" | "en";

export const LANGUAGES: readonly Language[] = ["ar", "en"];

/** The kinds of Telegram chat a reader can be. */
export type ChatType = "private" | "group" | "supergroup" | "channel";

/** What a user may do: readers subscribe and read, editors also publish, admins also administer. */
export type Role = "reader" | "editor" | "admin";

/** The roles an admin can grant (and revoke) in the bot. */
export type StaffRole = Exclude<Role, "reader">;

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/** True when `role` includes everything `required` may do. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** Telegram's language_code (e.g. "ar", "ar-SY", "en-GB") mapped to a supported language, if any. */
export function languageFromCode(code: string | undefined): Language | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base === "ar" || base === "en" ? base : undefined;
}

/** What the language rule looks at: a chat as stored (or as it would be stored). */
export interface LanguageFacts {
  type: ChatType;
  /** The chat's choice in /settings; null: automatic. */
  language: Language | null;
  /** A private chat's Telegram language as last seen (when ar or en). */
  clientLanguage: Language | null;
}

/**
 * The language the bot speaks in a chat, whether it replies (a command, a button) or speaks first (an
 * alert, a digest, a notice): the chat's choice in /settings; else, in a private chat, the user's Telegram
 * language as last seen and stored; else `fallback` (DEFAULT_LANGUAGE). A group or channel set to automatic
 * speaks the default, never the language of the member who happens to write.
 */
export function chatLanguage(chat: LanguageFacts, fallback: Language): Language {
  if (chat.language) return chat.language;
  return chat.type === "private" ? (chat.clientLanguage ?? fallback) : fallback;
}

/** The time zone a chat's times are shown in: its choice in /settings, else `fallback` (DEFAULT_TIMEZONE). */
export function chatTimeZone(chat: { timezone: string | null } | undefined, fallback: string): string {
  return chat?.timezone ?? fallback;
}
