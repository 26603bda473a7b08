// Readers' chats: type, preferences, and whether the bot may still write to them.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { ChatType, Language } from "../domain";
import type { Db } from "./db";

/** A chat as stored. `language` and `timezone` are null when the chat follows the defaults. */
export interface ChatRecord {
  id: number;
  type: ChatType;
  title: string | null;
  language: Language | null;
  /** The language of the reader's Telegram app (last seen, when ar or en): used when `language` is null. */
  clientLanguage: Language | null;
  timezone: string | null;
  alertsEnabled: boolean;
  digestsEnabled: boolean;
  active: boolean;
  inactiveReason: string | null;
  createdAt: number;
  updatedAt: number;
}

interface ChatRow {
  id: number;
  type: ChatType;
  title: string | null;
  language: Language | null;
  client_language: Language | null;
  timezone: string | null;
  alerts_enabled: number;
  digests_enabled: number;
  active: number;
  inactive_reason: string | null;
  created_at: number;
  updated_at: number;
}

const toRecord = (r: ChatRow): ChatRecord => ({
  id: r.id,
  type: r.type,
  title: r.title,
  language: r.language,
  clientLanguage: r.client_language,
  timezone: r.timezone,
  alertsEnabled: r.alerts_enabled === 1,
  digestsEnabled: r.digests_enabled === 1,
  active: r.active === 1,
  inactiveReason: r.inactive_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Preferences a reader can change in /settings. */
export type ChatPreferences = Partial<
  Pick<ChatRecord, "language" | "timezone" | "alertsEnabled" | "digestsEnabled">
>;

export class ChatStore {
  private readonly get: Database.Statement<[number], ChatRow>;
  private readonly upsert: Database.Statement<{
    id: number;
    type: ChatType;
    title: string | null;
    clientLanguage: Language | null;
    seen: number;
    now: number;
  }>;
  private readonly remove: Database.Statement<[number]>;
  private readonly deactivate: Database.Statement<{ id: number; reason: string; now: number }>;
  private readonly updatePrefs: Database.Statement<Record<string, number | string | null>>;
  private readonly countAll: Database.Statement<[], { total: number; active: number | null }>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.get = db.prepare("SELECT * FROM chats WHERE id = ?");
    // Seeing a chat again (it wrote to us) makes it active: a reader who unblocked the bot is back.
    this.upsert = db.prepare(`
      INSERT INTO chats (id, type, title, client_language, created_at, updated_at)
      VALUES (@id, @type, @title, @clientLanguage, @now, @now)
      ON CONFLICT (id) DO UPDATE SET
        type = excluded.type,
        title = excluded.title,
        client_language = CASE WHEN @seen = 1 THEN excluded.client_language ELSE chats.client_language END,
        active = 1,
        inactive_reason = NULL,
        updated_at = CASE WHEN chats.active = 0 OR chats.title IS NOT excluded.title OR chats.type <> excluded.type
                          THEN excluded.updated_at ELSE chats.updated_at END`);
    this.remove = db.prepare("DELETE FROM chats WHERE id = ?");
    this.deactivate = db.prepare(
      "UPDATE chats SET active = 0, inactive_reason = @reason, updated_at = @now WHERE id = @id",
    );
    this.updatePrefs = db.prepare(`
      UPDATE chats SET
        language = CASE WHEN @setLanguage = 1 THEN @language ELSE language END,
        timezone = CASE WHEN @setTimezone = 1 THEN @timezone ELSE timezone END,
        alerts_enabled = coalesce(@alerts, alerts_enabled),
        digests_enabled = coalesce(@digests, digests_enabled),
        updated_at = @now
      WHERE id = @id`);
    this.countAll = db.prepare("SELECT count(*) AS total, sum(active) AS active FROM chats");
  }

  /** The chat, or undefined when it is unknown (never seen, or deleted by /stop). */
  find(id: number): ChatRecord | undefined {
    const row = this.get.get(id);
    return row ? toRecord(row) : undefined;
  }

  /**
   * Records that the chat is talking to the bot (creating it, or reactivating it) and returns it.
   * `clientLanguage`: the writer's Telegram language when it is ar or en, null when it is another one;
   * undefined (Telegram did not say) keeps the one seen before.
   */
  touch(
    id: number,
    type: ChatType,
    title: string | null = null,
    clientLanguage?: Language | null,
  ): ChatRecord {
    const seen = clientLanguage === undefined ? 0 : 1;
    this.upsert.run({ id, type, title, clientLanguage: clientLanguage ?? null, seen, now: this.clock() });
    return this.find(id) as ChatRecord;
  }

  /** Marks the chat inactive (blocked the bot, kicked it, deactivated); its subscriptions are kept. */
  markInactive(id: number, reason: string): void {
    this.deactivate.run({ id, reason, now: this.clock() });
  }

  /** Changes some preferences (a null language or timezone means "back to the default"); returns the chat. */
  update(id: number, prefs: ChatPreferences): ChatRecord | undefined {
    this.updatePrefs.run({
      id,
      now: this.clock(),
      setLanguage: "language" in prefs ? 1 : 0,
      language: prefs.language ?? null,
      setTimezone: "timezone" in prefs ? 1 : 0,
      timezone: prefs.timezone ?? null,
      alerts: prefs.alertsEnabled === undefined ? null : Number(prefs.alertsEnabled),
      digests: prefs.digestsEnabled === undefined ? null : Number(prefs.digestsEnabled),
    });
    return this.find(id);
  }

  /**
   * A group became a supergroup with a new id: the chat's row (and by cascade its subscriptions and
   * outbox rows) moves to the new id, or merges into it when the new id is already known.
   */
  migrate(oldId: number, newId: number): void {
    this.db.transaction(() => {
      if (this.find(newId)) {
        this.db
          .prepare(
            "INSERT OR IGNORE INTO subscriptions (chat_id, topic_id, created_at) SELECT ?, topic_id, created_at FROM subscriptions WHERE chat_id = ?",
          )
          .run(newId, oldId);
        this.db.prepare("UPDATE OR IGNORE outbox SET chat_id = ? WHERE chat_id = ?").run(newId, oldId);
        this.remove.run(oldId);
      } else {
        this.db
          .prepare("UPDATE chats SET id = ?, type = 'supergroup', updated_at = ? WHERE id = ?")
          .run(newId, this.clock(), oldId);
      }
    })();
  }

  /** Deletes the chat and, by cascade, its subscriptions and everything else stored about it. */
  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }

  /** Counts for /stats and health. */
  counts(): { total: number; active: number; inactive: number } {
    const row = this.countAll.get() ?? { total: 0, active: 0 };
    const active = row.active ?? 0;
    return { total: row.total, active, inactive: row.total - active };
  }
}

/** What rendering a message for a chat needs (alerts' audience, digests' readers). */
export type Recipient = Pick<ChatRecord, "id" | "type" | "language" | "clientLanguage" | "timezone">;
