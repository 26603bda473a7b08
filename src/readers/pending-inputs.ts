// Questions whose answer is a person's next message in a chat: the tip after /tip alone, an editor's reply after «↩»
// under a tip, the place's name after /article's «➕». Kept in SQLite (migration 34), so a restart between the
// question and the answer does not turn the answer into something else (a tip read as a place's name, a reply to a
// reader sent as a tip); each expires as it did in memory.
import type { Clock } from "../clock";
import type { Store } from "../store";

/** Each kind of question and what it remembers. */
export interface PendingInputKinds {
  /** A reader sent /tip alone: their next message is the tip. */
  tip: Record<string, never>;
  /** An editor pressed «↩» under a tip: their next message is the reply to its reader. */
  "tip-reply": { tip: number };
  /** An editor pressed «➕» on /article: their next text names the place; `view` is the message pressed on. */
  "article-topic": { article: number; view?: number };
}

export type PendingInputKind = keyof PendingInputKinds;

/** A person in a chat: whose question it is, and where its answer comes. */
export interface InputAt {
  chatId: number;
  userId: number;
}

export class PendingInputs {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Asks: the person's next message in the chat answers `kind` for `ttlMs` (a question of that kind asked before goes). */
  ask<K extends PendingInputKind>(at: InputAt, kind: K, payload: PendingInputKinds[K], ttlMs: number): void {
    const { pendingInputs } = this.store;
    const now = this.clock();
    // Expired questions go as new ones come (a handful a day: no timer needed).
    pendingInputs.deleteExpired(now);
    pendingInputs.set(at.chatId, at.userId, kind, JSON.stringify(payload), now + ttlMs);
  }

  /** The open question of that kind, or undefined (none, or expired: then it is removed). It stays open. */
  find<K extends PendingInputKind>(at: InputAt, kind: K): PendingInputKinds[K] | undefined {
    const { pendingInputs } = this.store;
    const row = pendingInputs.find(at.chatId, at.userId, kind);
    if (!row) return undefined;
    if (row.expiresAt <= this.clock()) {
      pendingInputs.delete(at.chatId, at.userId, kind);
      return undefined;
    }
    return JSON.parse(row.payload) as PendingInputKinds[K];
  }

  /** The open question of that kind, now answered (removed), or undefined. */
  take<K extends PendingInputKind>(at: InputAt, kind: K): PendingInputKinds[K] | undefined {
    const question = this.find(at, kind);
    if (question !== undefined) this.forget(at, kind);
    return question;
  }

  forget(at: InputAt, kind: PendingInputKind): void {
    this.store.pendingInputs.delete(at.chatId, at.userId, kind);
  }
}
