// Readers' own words: the phrases a chat mutes and watches. Matching them is src/text/phrases.ts's;
// what they do to deliveries is the audience policy's (src/audience/policy.ts).
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

export type PhraseKind = "mute" | "watch";

export interface ChatPhrase {
  id: number;
  /** As the reader wrote it. */
  phrase: string;
  /** As it is matched (the key). */
  normalized: string;
}

export class PhraseStore {
  private readonly insert: Database.Statement<[number, PhraseKind, string, string, number]>;
  private readonly remove: Database.Statement<[number, PhraseKind, string]>;
  private readonly removeId: Database.Statement<[number, number], { phrase: string }>;
  private readonly list: Database.Statement<[number, PhraseKind], ChatPhrase>;
  private readonly distinct: Database.Statement<[PhraseKind], { normalized: string }>;
  private readonly ofChats: Database.Statement<[string, PhraseKind]>;
  private readonly stamp: Database.Statement<[PhraseKind], { v: string }>;
  private readonly writtenOfChats: Database.Statement<[string, PhraseKind]>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      "INSERT INTO chat_phrases (chat_id, kind, normalized, phrase, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.remove = db.prepare("DELETE FROM chat_phrases WHERE chat_id = ? AND kind = ? AND normalized = ?");
    this.removeId = db.prepare("DELETE FROM chat_phrases WHERE chat_id = ? AND id = ? RETURNING phrase");
    this.list = db.prepare(
      "SELECT id, phrase, normalized FROM chat_phrases WHERE chat_id = ? AND kind = ? ORDER BY id",
    );
    this.distinct = db.prepare("SELECT DISTINCT normalized FROM chat_phrases WHERE kind = ?");
    this.ofChats = db
      .prepare(
        "SELECT chat_id, normalized FROM chat_phrases WHERE chat_id IN (SELECT value FROM json_each(?)) AND kind = ?",
      )
      .raw();
    this.writtenOfChats = db
      .prepare(
        "SELECT chat_id, normalized, phrase, created_at FROM chat_phrases WHERE chat_id IN (SELECT value FROM json_each(?)) AND kind = ? ORDER BY id",
      )
      .raw();
    // Kept by triggers on chat_phrases (migration 31): one row read, whatever the number of phrases.
    this.stamp = db.prepare("SELECT CAST(version AS TEXT) AS v FROM phrase_versions WHERE kind = ?");
  }

  /** Changes when a phrase of this kind is added or removed (what caches of matches are keyed on). */
  version(kind: PhraseKind): string {
    return this.stamp.get(kind)?.v ?? "";
  }

  /** Adds a phrase to a chat's list; false when it was there already. */
  add(chatId: number, kind: PhraseKind, phrase: Omit<ChatPhrase, "id">): boolean {
    return this.insert.run(chatId, kind, phrase.normalized, phrase.phrase, this.clock()).changes === 1;
  }

  /** Removes a phrase (by its normalized form); false when it was not there. */
  delete(chatId: number, kind: PhraseKind, normalized: string): boolean {
    return this.remove.run(chatId, kind, normalized).changes === 1;
  }

  /** Removes a chat's phrase by id; the phrase, or undefined when it was not there. */
  deleteId(chatId: number, id: number): string | undefined {
    return this.removeId.get(chatId, id)?.phrase;
  }

  /** A chat's phrases, oldest first. */
  of(chatId: number, kind: PhraseKind): ChatPhrase[] {
    return this.list.all(chatId, kind);
  }

  /** Every phrase some chat has, normalized, each once. */
  all(kind: PhraseKind): string[] {
    return this.distinct.all(kind).map((r) => r.normalized);
  }

  /** [chat id, normalized phrase] for these chats. */
  ofEach(chatIds: readonly number[], kind: PhraseKind): [number, string][] {
    return this.ofChats.all(JSON.stringify(chatIds), kind) as [number, string][];
  }

  /** [chat id, normalized phrase, phrase as written, added at] for these chats, oldest first. */
  writtenOfEach(chatIds: readonly number[], kind: PhraseKind): [number, string, string, number][] {
    return this.writtenOfChats.all(JSON.stringify(chatIds), kind) as [number, string, string, number][];
  }
}
