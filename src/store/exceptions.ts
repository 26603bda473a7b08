// A reader's exceptions: places under a followed one whose news the chat does not want («دير الزور ما عدا
// الميادين»). What they do to deliveries is the audience policy's (src/audience/policy.ts, rule 9).
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

export class ExceptionStore {
  private readonly insert: Database.Statement<[number, number, number]>;
  private readonly remove: Database.Statement<[number, number]>;
  private readonly list: Database.Statement<[number], { topic_id: number }>;
  private readonly ofChats: Database.Statement<[string]>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      "INSERT INTO subscription_exceptions (chat_id, topic_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.remove = db.prepare("DELETE FROM subscription_exceptions WHERE chat_id = ? AND topic_id = ?");
    this.list = db.prepare(
      "SELECT topic_id FROM subscription_exceptions WHERE chat_id = ? ORDER BY created_at, topic_id",
    );
    this.ofChats = db
      .prepare(
        "SELECT chat_id, topic_id FROM subscription_exceptions WHERE chat_id IN (SELECT value FROM json_each(?))",
      )
      .raw();
  }

  /** Adds an exception; false when it was there already. */
  add(chatId: number, topicId: number): boolean {
    return this.insert.run(chatId, topicId, this.clock()).changes === 1;
  }

  /** Removes an exception; false when there was none. */
  delete(chatId: number, topicId: number): boolean {
    return this.remove.run(chatId, topicId).changes === 1;
  }

  /** The places a chat excepts, oldest first. */
  topicIds(chatId: number): number[] {
    return this.list.all(chatId).map((r) => r.topic_id);
  }

  /** [chat id, excepted topic id] for these chats. */
  ofEach(chatIds: readonly number[]): [number, number][] {
    return this.ofChats.all(JSON.stringify(chatIds)) as [number, number][];
  }
}
