// A search's page buttons carry a token instead of the query (callback data holds 64 bytes): the query waits
// here, per chat, behind a token no other chat can guess (issue 11 item 9). Memory only: after a restart, or
// when a chat has run many searches since, a button says it has expired.
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";

/** Searches remembered per chat (its oldest forgotten first). */
export const SEARCHES_PER_CHAT = 20;
/** Chats whose searches are remembered (the one that searched longest ago forgotten first). */
export const SEARCH_CHATS = 10_000;
/** How long a search's buttons work. */
export const SEARCH_TTL_MS = 24 * 60 * 60 * 1000;

interface Session {
  query: string;
  at: number;
}

export class SearchSessions {
  /** Chat id → token → session; both maps in the order of use (oldest first). */
  private readonly chats = new Map<number, Map<string, Session>>();

  constructor(
    private readonly clock: Clock,
    private readonly limits = { perChat: SEARCHES_PER_CHAT, chats: SEARCH_CHATS, ttlMs: SEARCH_TTL_MS },
  ) {}

  /** Remembers a chat's query; returns its token: 8 characters of base64url (48 random bits). */
  open(chatId: number, query: string): string {
    let sessions = this.chats.get(chatId);
    if (sessions)
      this.chats.delete(chatId); // to the end: used last
    else sessions = new Map();
    this.chats.set(chatId, sessions);
    if (this.chats.size > this.limits.chats) {
      const oldest = this.chats.keys().next().value;
      if (oldest !== undefined) this.chats.delete(oldest);
    }
    const token = randomBytes(6).toString("base64url");
    sessions.set(token, { query, at: this.clock() });
    if (sessions.size > this.limits.perChat) {
      const oldest = sessions.keys().next().value;
      if (oldest !== undefined) sessions.delete(oldest);
    }
    return token;
  }

  /** The query behind a chat's token, or undefined when it is unknown to this chat, forgotten or too old. */
  query(chatId: number, token: string): string | undefined {
    const session = this.chats.get(chatId)?.get(token);
    if (!session) return undefined;
    if (this.clock() - session.at > this.limits.ttlMs) {
      this.chats.get(chatId)?.delete(token);
      return undefined;
    }
    return session.query;
  }

  /** Forgets a chat's searches (/stop). */
  forget(chatId: number): void {
    this.chats.delete(chatId);
  }
}
