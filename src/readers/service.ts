// Readers: the chats news goes to (people, groups, channels), their preferences, how they arrive, leave
// the bot and ask it (/stop) to forget them.

import type { ChatType, Language } from "../domain";
import type { Store } from "../store";
import type { ChatRecord, QuietHours } from "../store/chats";

/** The chat an update came from, as Telegram describes it. */
export interface ChatSeen {
  id: number;
  type: ChatType;
  /** A group's or channel's title; null for a private chat. */
  title: string | null;
}

/** Why the bot can no longer write to a chat. */
export type LeaveReason = "blocked" | "removed";

export class ReaderService {
  constructor(private readonly store: Store) {}

  /** The chat as stored, or undefined (never seen, or forgotten by /stop). */
  find(chatId: number): ChatRecord | undefined {
    return this.store.chats.find(chatId);
  }

  /**
   * A chat wrote to the bot: it is recorded, or made active again. `clientLanguage` is the writer's
   * Telegram language in a private chat (null: neither ar nor en; undefined: not known, kept as it was).
   */
  arrived(chat: ChatSeen, clientLanguage?: Language | null): ChatRecord {
    return this.store.chats.touch(chat.id, chat.type, chat.title, clientLanguage);
  }

  /**
   * The bot was added to the chat (or unblocked): the chat is recorded; `isNew` when the bot had never
   * known it (a group is greeted then).
   */
  joined(chat: ChatSeen): { reader: ChatRecord; isNew: boolean } {
    const isNew = this.store.chats.find(chat.id) === undefined;
    return { reader: this.store.chats.touch(chat.id, chat.type, chat.title), isNew };
  }

  /** The bot was blocked or removed: nothing more is sent; subscriptions stay for a return. */
  left(chatId: number, reason: LeaveReason): void {
    this.store.chats.markInactive(chatId, reason);
  }

  /** Breaking alerts on or off; returns the chat as it is now. */
  setAlerts(chatId: number, on: boolean): ChatRecord | undefined {
    return this.store.chats.update(chatId, { alertsEnabled: on });
  }

  /** Digests on or off; returns the chat as it is now. */
  setDigests(chatId: number, on: boolean): ChatRecord | undefined {
    return this.store.chats.update(chatId, { digestsEnabled: on });
  }

  /** The chat's language; null follows the default again. */
  setLanguage(chatId: number, language: Language | null): ChatRecord | undefined {
    return this.store.chats.update(chatId, { language });
  }

  /** The chat's time zone (an IANA name); null follows the default again. */
  setTimeZone(chatId: number, zone: string | null): ChatRecord | undefined {
    return this.store.chats.update(chatId, { timezone: zone });
  }

  /**
   * The chat's quiet hours (whole local hours; null: none) and, when given, what alerts do during them (silent, or
   * later). How each message is then sent is the audience policy's (AudiencePolicy.sendingFor).
   */
  setQuietHours(
    chatId: number,
    hours: { start: number; end: number } | null,
    mode?: QuietHours["mode"],
  ): ChatRecord | undefined {
    return this.store.chats.setQuiet(chatId, hours, mode);
  }

  /**
   * A group became a supergroup with a new id: everything stored about it moves there, merged with what
   * the new id already has (see ChatStore.migrate). Telegram says so in both chats; the second does nothing.
   */
  migrated(oldId: number, newId: number): void {
    this.store.chats.migrate(oldId, newId);
  }

  /** /stop: the chat and everything stored about it (subscriptions, marks, queued messages) are deleted. */
  forget(chatId: number): boolean {
    return this.store.chats.delete(chatId);
  }
}
