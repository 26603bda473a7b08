// The durable outbox: what must reach readers, written before it is sent, with its delivery state.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import { type Message, partCount, type StoredMessage } from "../text/message";
import type { Db } from "./db";

/** What a finished row's message becomes after OUTBOX_KEEP_DAYS (OutboxStore.compactFinished). */
const COMPACTED = '{"kind":"compacted"}';

export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "dropped";

/**
 * Lower is sent first. `direct`: a message for one person about something they are doing or must act on now (a
 * breaking item offered to the editors, a role granted, a tip and its reply): before any broadcast, or an editor's
 * «Send as alert» would wait for a million-reader alert to drain. `notice`: what the bot tells readers that is
 * neither news nor urgent (a place retired).
 */
export const PRIORITY = { direct: -1, alert: 0, notice: 1, digest: 2 } as const;
export type Purpose = keyof typeof PRIORITY;

/** One message to enqueue for one chat. */
export interface OutboxMessage {
  chatId: number;
  purpose: Purpose;
  ref: string;
  /** With chat and purpose, identifies the message: enqueuing it again changes nothing. */
  dedupeKey: string;
  /**
   * What the reader gets. Readers who get the same rendering should share one object: it is serialized and
   * stored once per enqueue, one body the rows reference. A digest's recipe is rendered by the sender.
   */
  message: StoredMessage;
  /**
   * What identifies this rendering beyond one enqueue (e.g. `alert:17|ar|Asia/Damascus`, or a digest's content):
   * rows given the same key share one stored body, across enqueues. The caller vouches that the same key means
   * the same message.
   */
  bodyKey?: string;
  /** Sent without sound (Telegram's disable_notification): the reader's quiet hours. Not part of the body. */
  silent?: boolean | undefined;
  /** Not sent before this time (the end of the reader's quiet hours); default now. */
  notBefore?: number | undefined;
  /** A correction (message kind "edit"): the outbox row whose delivered copy it edits. */
  editOf?: number;
}

/** A delivered copy of an alert (what a correction edits). */
export interface DeliveredCopy {
  id: number;
  chatId: number;
  /** The kind of message it was sent as ("text", "photo"). */
  kind: string;
  messageIds: number[];
}

/** A message with nothing to send (no parts; a recipe without groups): never enqueued. */
const isEmpty = (m: StoredMessage): boolean =>
  m.kind === "digest" ? m.groups.length === 0 : partCount(m) === 0;

/** What a body is found by across enqueues: the SHA-1 of its caller-given key. */
const bodyKeyOf = (key: string): Buffer => createHash("sha1").update(key).digest();

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
  /** Sent without sound (disable_notification). */
  silent: boolean;
}

/** A claimed row with what is left to send. */
export interface OutboxRow extends DueRow {
  /**
   * As stored: of a kind this build may not know, if a newer Nashra wrote it (the sender checks). Rows of one
   * body share one object: do not change it. A digest's recipe is rendered by the sender before it sends.
   */
  message: StoredMessage;
  messageIds: number[];
  /** A correction's targets: the message ids of the copy it edits (empty for other rows). */
  editTargets?: number[];
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
  silent: number;
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
    silent: r.silent === 1,
  };
}

export class OutboxStore {
  private readonly insert: Database.Statement<Record<string, unknown>>;
  private readonly due: Database.Statement<[number, number], Row>;
  private readonly nextDue: Database.Statement<[], { at: number | null }>;
  private readonly markSending: Database.Statement<
    [number],
    { message: string; body_id: number | null; message_ids: string | null; edit_of: number | null }
  >;
  private readonly targetsOf: Database.Statement<[number], { message_ids: string | null }>;
  private readonly copies: Database.Statement<
    [string, number, number],
    { id: number; chat_id: number; kind: string; message_ids: string }
  >;
  private readonly copyCount: Database.Statement<[string], { n: number }>;
  private readonly unsentOf: Database.Statement<[string, number, number], { id: number; chat_id: number }>;
  private readonly bodiesOfRows: Database.Statement<[string], { body_id: number }>;
  private readonly rebody: Database.Statement<[number, string]>;
  private readonly partSentAs: Database.Statement<[number, string, string, number]>;
  private readonly insertBody: Database.Statement<[Buffer | null, string], { id: number }>;
  private readonly bodyByKey: Database.Statement<[Buffer], { id: number }>;
  private readonly bodyOf: Database.Statement<[number], { message: string }>;
  private readonly keyBody: Database.Statement<[Buffer, number]>;
  private readonly dropBody: Database.Statement<[{ id: number }]>;
  /** Bodies parsed lately, by id: a broadcast's rows share a few (their objects are shared, never changed). */
  private readonly parsedBodies = new Map<number, StoredMessage>();
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
  private readonly waitingRef: Database.Statement<[string, number], { n: number; at: number | null }>;
  private readonly unfinishedRef: Database.Statement<[string], { n: number }>;
  private readonly oldRows: Database.Statement<[number, number], { id: number; enqueued_at: number }>;
  private readonly compactRange: Database.Statement<[number, number, number]>;
  private readonly bodiesInRange: Database.Statement<[number, number, number], { body_id: number }>;
  /** Rows up to this id are compacted or still unfinished (reset at each start: those are few). */
  private compactedThrough = 0;
  private readonly photoOf: Database.Statement<
    [string],
    { file_id: string | null; refused: string | null; learned_at: number }
  >;
  private readonly learnPhoto: Database.Statement<[string, string | null, string | null, number]>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(`
      INSERT INTO outbox (chat_id, purpose, priority, ref, dedupe_key, message, body_id, next_attempt_at, enqueued_at, silent, edit_of)
      VALUES (@chatId, @purpose, @priority, @ref, @dedupeKey, '', @body, max(@now, @notBefore), @now, @silent, @editOf)
      ON CONFLICT (chat_id, purpose, dedupe_key) DO NOTHING`);
    // RETURNING gives nothing when a keyed body exists already: then bodyByKey finds it.
    this.insertBody = db.prepare(
      "INSERT INTO outbox_bodies (key, message) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING id",
    );
    this.bodyByKey = db.prepare("SELECT id FROM outbox_bodies WHERE key = ?");
    // OR IGNORE: another body holds that key already (it keeps it).
    this.keyBody = db.prepare("UPDATE OR IGNORE outbox_bodies SET key = ? WHERE id = ? AND key IS NULL");
    this.bodyOf = db.prepare("SELECT message FROM outbox_bodies WHERE id = ?");
    this.dropBody = db.prepare(
      "DELETE FROM outbox_bodies WHERE id = @id AND NOT EXISTS (SELECT 1 FROM outbox WHERE body_id = @id)",
    );
    this.due = db.prepare(`
      SELECT o.id, o.chat_id, c.type AS chat_type, c.active AS chat_active, o.purpose, o.ref, o.parts_sent, o.attempts, o.enqueued_at, o.silent
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
      "UPDATE outbox SET status = 'sending' WHERE id = ? AND status = 'queued' RETURNING message, body_id, message_ids, edit_of",
    );
    this.targetsOf = db.prepare("SELECT message_ids FROM outbox WHERE id = ?");
    // Through the ref index; only the copies that went out whole, and never a correction itself.
    this.copies = db.prepare(`
      SELECT o.id, o.chat_id, json_extract(coalesce(b.message, o.message), '$.kind') AS kind, o.message_ids
      FROM outbox o LEFT JOIN outbox_bodies b ON b.id = o.body_id
      WHERE o.ref = ? AND o.status = 'sent' AND o.edit_of IS NULL AND o.message_ids IS NOT NULL AND o.id > ?
      ORDER BY o.id LIMIT ?`);
    this.copyCount = db.prepare(
      "SELECT count(*) AS n FROM outbox WHERE ref = ? AND status = 'sent' AND edit_of IS NULL AND message_ids IS NOT NULL",
    );
    // Not yet begun: a row with a part out keeps its body (its next parts must follow the first).
    this.unsentOf = db.prepare(`
      SELECT id, chat_id FROM outbox
      WHERE ref = ? AND status = 'queued' AND parts_sent = 0 AND edit_of IS NULL AND id > ?
      ORDER BY id LIMIT ?`);
    this.bodiesOfRows = db.prepare(
      "SELECT DISTINCT body_id FROM outbox WHERE id IN (SELECT value FROM json_each(?)) AND body_id IS NOT NULL",
    );
    this.rebody = db.prepare(`
      UPDATE outbox SET body_id = ?
      WHERE id IN (SELECT value FROM json_each(?)) AND status = 'queued' AND parts_sent = 0`);
    this.partSent = db.prepare("UPDATE outbox SET parts_sent = ?, message_ids = ? WHERE id = ?");
    this.partSentAs = db.prepare(
      "UPDATE outbox SET parts_sent = ?, message_ids = ?, message = ?, body_id = NULL WHERE id = ?",
    );
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
    // Rows held for the end of their readers' quiet hours: queued, never tried, due later than a retry would be.
    this.waitingRef = db.prepare(`
      SELECT count(*) AS n, min(next_attempt_at) AS at FROM outbox
      WHERE ref = ? AND status = 'queued' AND attempts = 0 AND next_attempt_at > ?`);
    // Through the two partial indexes (due, sending): the ref index would count the whole history.
    this.depth = db.prepare(`
      SELECT (SELECT count(*) FROM outbox WHERE status = 'queued') + (SELECT count(*) FROM outbox WHERE status = 'sending') AS n`);
    this.oldRows = db.prepare("SELECT id, enqueued_at FROM outbox WHERE id > ? ORDER BY id LIMIT ?");
    const compactable = `id > ? AND id <= ? AND enqueued_at < ? AND status IN ('sent', 'failed', 'dropped')`;
    this.compactRange = db.prepare(`
      UPDATE outbox SET message = '${COMPACTED}', body_id = NULL
      WHERE ${compactable} AND (message <> '${COMPACTED}' OR body_id IS NOT NULL)`);
    this.bodiesInRange = db.prepare(
      `SELECT DISTINCT body_id FROM outbox WHERE ${compactable} AND body_id IS NOT NULL`,
    );
    this.photoOf = db.prepare("SELECT file_id, refused, learned_at FROM photo_files WHERE source = ?");
    this.learnPhoto = db.prepare(`
      INSERT INTO photo_files (source, file_id, refused, learned_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (source) DO UPDATE SET file_id = excluded.file_id, refused = excluded.refused, learned_at = excluded.learned_at`);
    this.claimTx = db.transaction((rows: readonly DueRow[]) => {
      const claimed: OutboxRow[] = [];
      for (const row of rows) {
        const payload = this.markSending.get(row.id);
        if (!payload) continue;
        claimed.push({
          ...row,
          message:
            payload.body_id === null
              ? (JSON.parse(payload.message) as StoredMessage)
              : this.body(payload.body_id),
          messageIds: payload.message_ids ? (JSON.parse(payload.message_ids) as number[]) : [],
          ...(payload.edit_of === null ? {} : { editTargets: this.targets(payload.edit_of) }),
        });
      }
      return claimed;
    });
    this.sentTx = db.transaction((records: readonly SentRecord[]) => {
      for (const r of records) this.markSent.run(r.at, r.partsSent, JSON.stringify(r.messageIds), r.id);
    });
  }

  /**
   * Enqueues messages in one transaction; returns how many were new (duplicates are skipped). Each rendering is
   * stored once, as a body its rows reference: one per message object, or per `bodyKey` across enqueues.
   */
  enqueue(messages: readonly OutboxMessage[]): number {
    return this.db.transaction(() => {
      const now = this.clock();
      let added = 0;
      // By message object: an alert's audience shares a few (one per language and zone), digests mostly not,
      // so only the first ones are remembered. A body made here that no new row uses (all duplicates) is dropped.
      const bodies = new Map<StoredMessage, number>();
      const made = new Map<number, number>();
      const unkeyed = new Set<number>();
      for (const m of messages) {
        if (isEmpty(m.message)) continue;
        let body = bodies.get(m.message);
        if (body === undefined) {
          body = this.storeBody(m, made);
          if (bodies.size < 64) bodies.set(m.message, body);
          if (m.bodyKey === undefined) unkeyed.add(body);
        } else if (m.bodyKey !== undefined && unkeyed.delete(body)) {
          // A rendering first enqueued without a key turned out to be shared: later enqueues find it by its key.
          this.keyBody.run(bodyKeyOf(m.bodyKey), body);
        }
        const changes = this.insert.run({
          chatId: m.chatId,
          purpose: m.purpose,
          priority: PRIORITY[m.purpose],
          ref: m.ref,
          dedupeKey: m.dedupeKey,
          body,
          now,
          notBefore: m.notBefore ?? now,
          silent: m.silent ? 1 : 0,
          editOf: m.editOf ?? null,
        }).changes;
        added += changes;
        const uses = made.get(body);
        if (uses !== undefined) made.set(body, uses + changes);
      }
      for (const [body, uses] of made) if (uses === 0) this.dropBody.run({ id: body });
      return added;
    })();
  }

  /** The body of a message: the keyed one if it exists, else a new one (counted in `made`). */
  private storeBody(m: Pick<OutboxMessage, "bodyKey" | "message">, made: Map<number, number>): number {
    const key = m.bodyKey === undefined ? null : bodyKeyOf(m.bodyKey);
    const inserted = this.insertBody.get(key, JSON.stringify(m.message));
    if (inserted) {
      made.set(inserted.id, 0);
      return inserted.id;
    }
    return (this.bodyByKey.get(key as Buffer) as { id: number }).id;
  }

  private targets(rowId: number): number[] {
    const ids = this.targetsOf.get(rowId)?.message_ids;
    return ids ? (JSON.parse(ids) as number[]) : [];
  }

  /**
   * The copies of a ref (an alert) that were delivered, with their message ids: what a correction edits. A page
   * of at most `limit`, with ids above `after` (a correction walks them a page at a time).
   */
  deliveredCopies(ref: string, after = 0, limit = 1000): DeliveredCopy[] {
    return this.copies.all(ref, after, limit).map((r) => ({
      id: r.id,
      chatId: r.chat_id,
      kind: r.kind,
      messageIds: JSON.parse(r.message_ids) as number[],
    }));
  }

  /** How many copies of a ref were delivered (one count through the ref index; nothing is loaded). */
  deliveredCount(ref: string): number {
    return this.copyCount.get(ref)?.n ?? 0;
  }

  /** A page of a ref's rows not yet begun (queued, no part out), by id: what an edit of its article may re-point. */
  unsent(ref: string, after: number, limit: number): { id: number; chatId: number }[] {
    return this.unsentOf.all(ref, after, limit).map((r) => ({ id: r.id, chatId: r.chat_id }));
  }

  /**
   * Gives rows not yet begun another message (an edited article's new text), in one transaction: one body per
   * group (found by its key across calls), one UPDATE per group; a row the sender claimed meanwhile keeps its
   * body. The bodies no row references any more are dropped. Returns how many rows changed.
   */
  replaceBodies(groups: readonly { bodyKey: string; message: Message; ids: readonly number[] }[]): number {
    return this.db.transaction(() => {
      let changed = 0;
      for (const { bodyKey, message, ids } of groups) {
        const list = JSON.stringify(ids);
        const old = this.bodiesOfRows.all(list);
        const made = new Map<number, number>();
        const body = this.storeBody({ bodyKey, message }, made);
        changed += this.rebody.run(body, list).changes;
        for (const { body_id } of old) if (body_id !== body) this.dropBody.run({ id: body_id });
      }
      return changed;
    })();
  }

  /** A body's message, parsed once while rows of it are being sent. */
  private body(id: number): StoredMessage {
    let message = this.parsedBodies.get(id);
    if (!message) {
      const row = this.bodyOf.get(id);
      // Cannot happen: a body is dropped only once no row references it (and the foreign key guards it).
      if (!row) throw new Error(`outbox body ${id} is missing`);
      message = JSON.parse(row.message) as StoredMessage;
      if (this.parsedBodies.size >= 16)
        this.parsedBodies.delete(this.parsedBodies.keys().next().value as number);
      this.parsedBodies.set(id, message);
    }
    return message;
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

  /**
   * A part went out (more follow). `sentAs`: the message as it was rendered for this row (a digest's recipe): kept
   * with the row, so that its next parts, after a retry or a restart, follow the parts already sent even if an
   * article changed meanwhile.
   */
  recordPart(id: number, partsSent: number, messageIds: number[], sentAs?: Message): void {
    if (sentAs) this.partSentAs.run(partsSent, JSON.stringify(messageIds), JSON.stringify(sentAs), id);
    else this.partSent.run(partsSent, JSON.stringify(messageIds), id);
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

  /**
   * A ref's rows that wait for the end of their readers' quiet hours (due more than a minute from now and never
   * tried: not retries), and when the first of them falls due.
   */
  waiting(ref: string): { count: number; until: number | undefined } {
    const row = this.waitingRef.get(ref, this.clock() + 60_000);
    return { count: row?.n ?? 0, until: row?.at ?? undefined };
  }

  /** Whether a ref still has messages queued or being sent (one index seek: cheap enough for every event). */
  unfinished(ref: string): boolean {
    return this.unfinishedRef.get(ref)?.n === 1;
  }

  /**
   * Drops the messages of finished rows enqueued before `before`, looking at `limit` rows a call (a short write
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
    const range = [this.compactedThrough, through, before] as const;
    const compacted = this.db.transaction(() => {
      const released = this.bodiesInRange.all(...range);
      const changes = this.compactRange.run(...range).changes;
      // A body goes with the last row that referenced it (the other rows of a broadcast may be in a later batch).
      for (const { body_id } of released) this.dropBody.run({ id: body_id });
      return changes;
    })();
    this.compactedThrough = through;
    return { compacted, more: rows.length === limit && through === rows[rows.length - 1]?.id };
  }

  /**
   * What Telegram said of a photo given by URL the first time it was sent: its file_id, or why it refused it and
   * when (a refusal is tried again after a while: src/delivery/photos.ts).
   */
  photoFile(source: string): { fileId: string } | { refused: string; at: number } | undefined {
    const row = this.photoOf.get(source);
    if (!row) return undefined;
    return row.file_id !== null
      ? { fileId: row.file_id }
      : { refused: row.refused ?? "refused", at: row.learned_at };
  }

  /** Records the file_id Telegram returned for a photo sent by URL (or, with `refused`, why it would not take it). */
  recordPhotoFile(source: string, outcome: { fileId: string } | { refused: string }): void {
    const fileId = "fileId" in outcome ? outcome.fileId : null;
    const refused = "refused" in outcome ? outcome.refused.slice(0, 500) : null;
    this.learnPhoto.run(source, fileId, refused, this.clock());
  }

  /** Messages not yet delivered (queued or being sent). */
  queueDepth(): number {
    return this.depth.get()?.n ?? 0;
  }
}
