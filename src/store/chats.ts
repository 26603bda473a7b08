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
  /** The reader's quiet hours (null: none). */
  quiet: QuietHours | null;
  /** The slot (a reader-slot schedule) of the chat's own digest; null: none, the admins' schedules only. */
  ownScheduleId: number | null;
}

/** Hours without sound, in the chat's zone: whole local hours, `start` included, `end` excluded (may wrap). */
export interface QuietHours {
  start: number;
  end: number;
  /** During them alerts arrive silently, or wait for the end. */
  mode: "silent" | "later";
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
  quiet_start: number | null;
  quiet_end: number | null;
  quiet_mode: "silent" | "later";
  own_schedule_id: number | null;
}

/** The quiet hours of a row's columns (start, end, mode), or null. */
export function quietOf(start: number | null, end: number | null, mode: string | null): QuietHours | null {
  return start === null || end === null ? null : { start, end, mode: mode === "later" ? "later" : "silent" };
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
  quiet: quietOf(r.quiet_start, r.quiet_end, r.quiet_mode),
  ownScheduleId: r.own_schedule_id,
});

/** Preferences a reader can change in /settings. */
export type ChatPreferences = Partial<
  Pick<ChatRecord, "language" | "timezone" | "alertsEnabled" | "digestsEnabled">
>;

/** The ids of a chat migration (a group's old id, the supergroup's new one) and its time. */
interface MigrationIds {
  old: number;
  new: number;
  now: number;
}

/**
 * Every table with a column that references chats (a test compares this with the schema's foreign keys), and
 * the statements that merge the old id's rows into the new id's before the rest move over. A new table that
 * references chats is added here, or a migration of its chat loses its rows.
 */
export const CHAT_REFERENCES: Record<string, { column: string; merge?: string[] }> = {
  subscriptions: { column: "chat_id" },
  outbox: { column: "chat_id" },
  article_deliveries: { column: "chat_id" },
  chat_phrases: { column: "chat_id" },
  subscription_exceptions: { column: "chat_id" },
  tips: { column: "chat_id" },
  pending_inputs: { column: "chat_id" },
  digest_marks: {
    column: "chat_id",
    merge: [
      `UPDATE digest_marks AS n SET through_id = o.through_id, run_id = o.run_id
       FROM digest_marks AS o
       WHERE n.chat_id = @new AND o.chat_id = @old AND o.scope = n.scope AND o.through_id > n.through_id`,
    ],
  },
};

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
  private readonly setQuietHours: Database.Statement<Record<string, number | string | null>>;
  private readonly setOwn: Database.Statement<[number | null, number, number]>;
  private readonly migration: {
    ensureTarget: Database.Statement<MigrationIds>;
    mergeChat: Database.Statement<MigrationIds>;
    references: Database.Statement<MigrationIds>[][];
  };

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
    this.setQuietHours = db.prepare(`
      UPDATE chats SET quiet_start = @start, quiet_end = @end, quiet_mode = coalesce(@mode, quiet_mode),
        updated_at = @now WHERE id = @id`);
    this.setOwn = db.prepare("UPDATE chats SET own_schedule_id = ?, updated_at = ? WHERE id = ?");
    this.migration = {
      ensureTarget: db.prepare(`
        INSERT INTO chats (id, type, created_at, updated_at)
        SELECT @new, 'supergroup', created_at, @now FROM chats WHERE id = @old
        ON CONFLICT (id) DO NOTHING`),
      // An inserted target has the defaults (switches on, active), so the old chat's settings carry over.
      mergeChat: db.prepare(`
        UPDATE chats AS n SET
          type = 'supergroup',
          title = coalesce(n.title, o.title),
          language = coalesce(n.language, o.language),
          client_language = coalesce(n.client_language, o.client_language),
          timezone = coalesce(n.timezone, o.timezone),
          quiet_start = CASE WHEN n.quiet_start IS NULL THEN o.quiet_start ELSE n.quiet_start END,
          quiet_end = CASE WHEN n.quiet_start IS NULL THEN o.quiet_end ELSE n.quiet_end END,
          quiet_mode = CASE WHEN n.quiet_start IS NULL THEN o.quiet_mode ELSE n.quiet_mode END,
          own_schedule_id = coalesce(n.own_schedule_id, o.own_schedule_id),
          alerts_enabled = min(n.alerts_enabled, o.alerts_enabled),
          digests_enabled = min(n.digests_enabled, o.digests_enabled),
          active = max(n.active, o.active),
          inactive_reason = CASE WHEN max(n.active, o.active) = 1 THEN NULL ELSE n.inactive_reason END,
          created_at = min(n.created_at, o.created_at),
          updated_at = @now
        FROM chats AS o
        WHERE n.id = @new AND o.id = @old`),
      references: Object.entries(CHAT_REFERENCES).map(([table, { column, merge }]) => [
        ...(merge ?? []).map((sql) => db.prepare<MigrationIds>(sql)),
        // Rows the new id has already win; the old id's copies of them go with the old id.
        db.prepare<MigrationIds>(`UPDATE OR IGNORE ${table} SET ${column} = @new WHERE ${column} = @old`),
        db.prepare<MigrationIds>(`DELETE FROM ${table} WHERE ${column} = @old`),
      ]),
    };
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

  /** Sets the chat's quiet hours (null: none; `mode` undefined keeps the one chosen before); returns the chat. */
  setQuiet(
    id: number,
    hours: { start: number; end: number } | null,
    mode?: QuietHours["mode"],
  ): ChatRecord | undefined {
    this.setQuietHours.run({
      id,
      start: hours?.start ?? null,
      end: hours?.end ?? null,
      mode: mode ?? null,
      now: this.clock(),
    });
    return this.find(id);
  }

  /** Sets the slot of the chat's own digest (null: none); returns the chat. */
  setOwnSchedule(id: number, scheduleId: number | null): ChatRecord | undefined {
    this.setOwn.run(scheduleId, this.clock(), id);
    return this.find(id);
  }

  /**
   * A group became a supergroup with a new id: everything stored about it moves to the new id, merged with
   * what the new id already has (the supergroup may have written to the bot first). What it follows and
   * what it received is the union of both, each digest mark the furthest of the two, a message queued
   * under both ids is sent once; the new id keeps its own settings where it has any, a switch turned off
   * under either id stays off. A chat that is not stored (migrated already) is left alone.
   */
  migrate(oldId: number, newId: number): void {
    if (oldId === newId) return;
    this.db.transaction(() => {
      const ids = { old: oldId, new: newId, now: this.clock() };
      if (!this.find(oldId)) return;
      this.migration.ensureTarget.run(ids);
      this.migration.mergeChat.run(ids);
      for (const statements of this.migration.references) for (const s of statements) s.run(ids);
      this.remove.run(oldId);
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
export type Recipient = Pick<ChatRecord, "id" | "type" | "language" | "clientLanguage" | "timezone"> & {
  /** Their quiet hours, when the audience read them (how to send: AudiencePolicy.sendingFor). */
  quiet?: QuietHours | null | undefined;
};
