// Which chat follows which topic.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Db } from "./db";

export class SubscriptionStore {
  private readonly insert: Database.Statement<[number, number, number]>;
  private readonly remove: Database.Statement<[number, number]>;
  private readonly topicsOf: Database.Statement<[number], { topic_id: number }>;
  private readonly perTopic: Database.Statement<[], { topic_id: number; readers: number }>;
  private readonly countAll: Database.Statement<[], { n: number }>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      "INSERT INTO subscriptions (chat_id, topic_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    );
    this.remove = db.prepare("DELETE FROM subscriptions WHERE chat_id = ? AND topic_id = ?");
    this.topicsOf = db.prepare(
      "SELECT topic_id FROM subscriptions WHERE chat_id = ? ORDER BY created_at, topic_id",
    );
    // Kept by triggers (topic_followers, migration 36): /stats reads a row a place, not every subscription.
    this.countAll = db.prepare("SELECT coalesce(sum(n), 0) AS n FROM topic_followers");
    this.perTopic = db.prepare(
      "SELECT topic_id, n AS readers FROM topic_followers WHERE n > 0 ORDER BY readers DESC, topic_id",
    );
  }

  /** Subscribes the chat to the topics; returns the ids that were newly added (in the order given). */
  add(chatId: number, topicIds: readonly number[]): number[] {
    return this.db.transaction(() => {
      const now = this.clock();
      return topicIds.filter((id) => this.insert.run(chatId, id, now).changes > 0);
    })();
  }

  /** Unsubscribes; false when the chat was not subscribed. */
  removeOne(chatId: number, topicId: number): boolean {
    return this.remove.run(chatId, topicId).changes > 0;
  }

  /** The topic ids the chat subscribes to, oldest subscription first. */
  topicIds(chatId: number): number[] {
    return this.topicsOf.all(chatId).map((r) => r.topic_id);
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  /** Readers per topic id, most followed first. */
  countsByTopic(): { topicId: number; readers: number }[] {
    return this.perTopic.all().map((r) => ({ topicId: r.topic_id, readers: r.readers }));
  }
}
