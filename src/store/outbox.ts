// The durable outbox: what must reach readers, written before it is sent, with its delivery state.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import { type Message, partCount } from "../text/message";
import type { Db } from "./db";

/** What a finished row's message becomes after OUTBOX_KEEP_DAYS (OutboxStore.compactFinished). */
const COMPACTED = '{"kind":"compacted"}';

export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "dropped";

/** Lower is sent first. */
export const PRIORITY = { alert: 0, notice: 1, digest: 2 } as const;
export type Purpose = keyof typeof PRIORITY;

/** One message to enqueue for one chat. */
export interface OutboxMessage {
  chatId: number;
  purpose: Purpose;
  ref: string;
  /** With chat and purpose, identifies the message: enqueuing it again changes nothing. */
  dedupeKey: string;
  /**
   * What the reader gets. Readers who get the same rendering should share one object: it is serialized once
   * per enqueue (and is what one stored body per rendering will key on: docs/delivery.md).
   */
  message: Message;
}

/** A due row, as the sender scans them (its message is loaded once it is claimed). */
export interface DueRow {
  id: number;
  chatId: number;
  chatType: string | null;
  /** False when the chat blocked the bot (or is gone) since the row was enqueued. */
  chatActive: boolean;
  purpose: Purpose;
  ref: string;
  partsSent: number;
  attempts: number;
  enqueuedAt: number;
}

/** A claimed row with what is left to send. */
export interface OutboxRow extends DueRow {
  /** As stored: of a kind this build may not know, if a newer Nashra wrote it (the sender checks). */
  message: Message;
  messageIds: number[];
}

/** Delivery counts of one ref (an alert, a digest run). `dropped` are chats that blocked the bot or vanished. */
export interface Progress {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  dropped: number;
  total: number;
}

/** One row's last part went out: what `OutboxStore.sentMany` records. */
export interface SentRecord {
  id: number;
  partsSent: number;
  messageIds: number[];
  /** When its last part was answered. */
  at: number;
}

interface Row {
  id: number;
  chat_id: number;
  chat_type: string | null;
  chat_active: number | null;
  purpose: Purpose;
  ref: string;
  parts_sent: number;
  attempts: number;
  enqueued_at: number;
}

function toDueRow(r: Row): DueRow {
  return {
    id: r.id,
    chatId: r.chat_id,
    chatType: r.chat_type,
    chatActive: r.chat_active === 1,
    purpose: r.purpose,
    ref: r.ref,
    partsSent: r.parts_sent,
    attempts: r.attempts,
    enqueuedAt: r.enqueued_at,
  };
}

export class OutboxStore {
  private readonly insert: Database.Statement<Record<string, unknown>>;
  private readonly due: Database.Statement<[number, number], Row>;
  private readonly nextDue: Database.Statement<[], { at: number | null }>;
  private readonly markSending: Database.Statement<[number], { message: string; message_ids: string | null }>;
  private readonly partSent: Database.Statement<[number, string, number]>;
  private readonly markSent: Database.Statement<[number, number, string, number]>;
  private readonly requeue: Database.Statement<[number, number, string | null, number]>;
  private readonly markFailed: Database.Statement<[string, number, number]>;
  private readonly dropChat: Database.Statement<[string, number], { purpose: Purpose; ref: string }>;
  private readonly recoverSending: Database.Statement<[]>;
  private readonly claimTx: (rows: readonly DueRow[]) => OutboxRow[];
  private readonly sentTx: (records: readonly SentRecord[]) => void;
  private readonly countRef: Database.Statement<[string], { status: OutboxStatus; n: number }>;
  private readonly depth: Database.Statement<[], { n: number }>;
  private readonly unfinishedRef: Database.Statement<[string], { n: number }>;
  private readonly oldRows: Database.Statement<[number, number], { id: number; enqueued_at: number }>;
  private readonly compactRange: Database.Statement<[number, number, number]>;
  /** Rows up to this id are compacted or still unfinished (reset at each start: those are few). */
  private compactedThrough = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO outbox (chat_id, purpose, priority, ref, dedupe_key, message, next_attempt_at, enqueued_at)
      VALUES (@chatId, @purpose, @priority, @ref, @dedupeKey, @message, @now, @now)
      ON CONFLICT (chat_id, purpose, dedupe_key) DO NOTHING`);
    this.due = db.prepare(`
      SELECT o.id, o.chat_id, c.type AS chat_type, c.active AS chat_active, o.purpose, o.ref, o.parts_sent, o.attempts, o.enqueued_at
      FROM outbox o LEFT JOIN chats c ON c.id = o.chat_id
      WHERE o.status = 'queued' AND o.next_attempt_at <= ?
      ORDER BY o.priority, o.next_attempt_at, o.id
      LIMIT ?`);
    // One index seek per priority (the due index starts with priority): min() over the whole index would walk it.
    this.nextDue = db.prepare(`
      SELECT min(at) AS at FROM (${Object.values(PRIORITY)
        .map(
          (p) =>
            `SELECT (SELECT next_attempt_at FROM outbox WHERE status = 'queued' AND priority = ${p} ORDER BY next_attempt_at LIMIT 1) AS at`,
        )
        .join(" UNION ALL ")})`);
    this.markSending = db.prepare(
      "UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'queued' RETURNING message, message_ids",
    );
    this.partSent = db.prepare("UPDATE outbox SET parts_sent = ?, message_ids = ? WHERE id = ?");
    this.markSent = db.prepare(
      "UPDATE outbox SET status = 'sent', sent_at = ?, parts_sent = ?, message_ids = ?, last_error = NULL WHERE id = ?",
    );
    this.requeue = db.prepare(
      "UPDATE outbox SET status = 'queued', next_attempt_at = ?, attempts = attempts + ?, last_error = ? WHERE id = ?",
    );
    this.markFailed = db.prepare(
      "UPDATE outbox SET status = 'failed', last_error = ?, failed_at = ? WHERE id = ?",
    );
    this.dropChat = db.prepare(
      "UPDATE outbox SET status = 'dropped', last_error = ? WHERE chat_id = ? AND status IN ('queued', 'sending') RETURNING purpose, ref",
    );
    this.recoverSending = db.prepare("UPDATE outbox SET status = 'queued' WHERE status = 'sending'");
    this.countRef = db.prepare("SELECT status, count(*) AS n FROM outbox WHERE ref = ? GROUP BY status");
    this.unfinishedRef = db.prepare(
      "SELECT EXISTS (SELECT 1 FROM outbox WHERE ref = ? AND status IN ('queued', 'sending')) AS n",
    );
    // Through the two partial indexes (due, sending): the ref index would count the whole history.
    this.depth = db.prepare(`
      SELECT (SELECT count(*) FROM outbox WHERE status = 'queued') + (SELECT count(*) FROM outbox WHERE status = 'sending') AS n`);
    this.oldRows = db.prepare("SELECT id, enqueued_at FROM outbox WHERE id > ? ORDER BY id LIMIT ?");
    this.compactRange = db.prepare(`
      UPDATE outbox SET message = '${COMPACTED}'
      WHERE id > ? AND id <= ? AND enqueued_at < ? AND status IN ('sent', 'failed', 'dropped')
        AND message <> '${COMPACTED}'`);
    this.claimTx = db.transaction((rows: readonly DueRow[]) => {
      const claimed: OutboxRow[] = [];
      for (const row of rows) {
        const payload = this.markSending.get(row.id);
        if (!payload) continue;
        claimed.push({
          ...row,
          message: JSON.parse(payload.message) as Message,
          messageIds: payload.message_ids ? (JSON.parse(payload.message_ids) as number[]) : [],
        });
      }
      return claimed;
    });
    this.sentTx = db.transaction((records: readonly SentRecord[]) => {
      for (const r of records) this.markSent.run(r.at, r.partsSent, JSON.stringify(r.messageIds), r.id);
    });
  }

  /** Enqueues messages in one transaction; returns how many were new (duplicates are skipped). */
  enqueue(messages: readonly OutboxMessage[]): number {
    return this.db.transaction(() => {
      const now = this.clock();
      let added = 0;
      // An alert's audience shares a few rendered variants (one per language and zone): serialize each once.
      const serialized = new Map<Message, string>();
      for (const m of messages) {
        if (partCount(m.message) === 0) continue;
        let json = serialized.get(m.message);
        if (json === undefined) {
          json = JSON.stringify(m.message);
          // Digests are one message per reader: remember only messages that may come again.
          if (serialized.size < 64) serialized.set(m.message, json);
        }
        added += this.insert.run({
          chatId: m.chatId,
          purpose: m.purpose,
          priority: PRIORITY[m.purpose],
          ref: m.ref,
          dedupeKey: m.dedupeKey,
          message: json,
          now,
        }).changes;
      }
      return added;
    })();
  }

  /**
   * Walks the due rows (alerts first, oldest first, at most `limit`) and keeps those `take` accepts, until
   * it returns "stop". Only the rows kept become objects: the sender looks at many more rows than it sends.
   * `take` must not write to the database (the scan is still open).
   */
  scanDue(limit: number, take: (chatId: number, chatActive: boolean) => boolean | "stop"): DueRow[] {
    const kept: DueRow[] = [];
    for (const r of this.due.iterate(this.clock(), limit)) {
      const verdict = take(r.chat_id, r.chat_active === 1);
      if (verdict === "stop") break;
      if (verdict) kept.push(toDueRow(r));
    }
    return kept;
  }

  /** Claims due rows before their send, in one transaction, and loads their messages; rows another sender took are left out. */
  claimMany(rows: readonly DueRow[]): OutboxRow[] {
    return rows.length === 0 ? [] : this.claimTx(rows);
  }

  /** When the next queued row falls due (undefined when none is queued). */
  nextDueAt(): number | undefined {
    return this.nextDue.get()?.at ?? undefined;
  }

  recordPart(id: number, partsSent: number, messageIds: number[]): void {
    this.partSent.run(partsSent, JSON.stringify(messageIds), id);
  }

  /** Several rows' last parts went out: recorded in one transaction (one commit instead of one per row). */
  sentMany(records: readonly SentRecord[]): void {
    if (records.length > 0) this.sentTx(records);
  }

  /** Back to the queue until `at`; `countsAsAttempt` for transient failures (not for 429 waits). */
  retry(id: number, at: number, countsAsAttempt: boolean, error: string | null): void {
    this.requeue.run(at, countsAsAttempt ? 1 : 0, error, id);
  }

  fail(id: number, error: string): void {
    this.markFailed.run(error.slice(0, 500), this.clock(), id);
  }

  /** Drops every unsent row of a chat (it blocked the bot, or no longer exists); returns what they were. */
  dropForChat(chatId: number, reason: string): { purpose: Purpose; ref: string }[] {
    return this.dropChat.all(reason.slice(0, 500), chatId);
  }

  /** At start: rows a crash left 'sending' are queued again. Returns how many. */
  recover(): number {
    return this.recoverSending.run().changes;
  }

  progress(ref: string): Progress {
    const p: Progress = { queued: 0, sending: 0, sent: 0, failed: 0, dropped: 0, total: 0 };
    for (const { status, n } of this.countRef.all(ref)) {
      p[status] = n;
      p.total += n;
    }
    return p;
  }

  /** Whether a ref still has messages queued or being sent (one index seek: cheap enough for every event). */
  unfinished(ref: string): boolean {
    return this.unfinishedRef.get(ref)?.n === 1;
  }

  /**
   * Drops the bodies of finished rows enqueued before `before`, looking at `limit` rows a call (a short write
   * transaction; `more` says to call again). The rows stay: their dedupe keys keep an article from going to a
   * chat twice and their times are what /stats counts. Walks by id (ids grow with enqueue time), so a call
   * costs its batch, not the table.
   */
  compactFinished(before: number, limit: number): { compacted: number; more: boolean } {
    const rows = this.oldRows.all(this.compactedThrough, limit);
    let through = this.compactedThrough;
    for (const r of rows) {
      if (r.enqueued_at >= before) break;
      through = r.id;
    }
    if (through === this.compactedThrough) return { compacted: 0, more: false };
    const compacted = this.compactRange.run(this.compactedThrough, through, before).changes;
    this.compactedThrough = through;
    return { compacted, more: rows.length === limit && through === rows[rows.length - 1]?.id };
  }

  /** Messages not yet delivered (queued or being sent). */
  queueDepth(): number {
    return this.depth.get()?.n ?? 0;
  }
}
