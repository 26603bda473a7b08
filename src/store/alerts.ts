// Breaking alerts: the record of each (who, what, to how many, with what outcome). Who receives them is the
// audience policy's (src/audience/policy.ts, its SQL in ./audience.ts).
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { Language } from "../domain";
import type { Db } from "./db";

export type AlertStatus = "pending" | "cancelled" | "expired" | "sending" | "done";
export type AlertOrigin = "editor" | "auto";

export interface AlertRecord {
  id: number;
  origin: AlertOrigin;
  topicId: number | null;
  articleId: number | null;
  text: string | null;
  requestedBy: number | null;
  requestedByName: string | null;
  /** The requester's language: the status message is written in it. */
  language: Language;
  status: AlertStatus;
  /** Chats counted when the preview was made. */
  audience: number | null;
  /**
   * Chats the alert goes to: once its audience is all enqueued, how many were; while it is enqueued, the count of
   * its audience made after Send (null until that count is done).
   */
  recipients: number | null;
  sent: number;
  failed: number;
  blocked: number;
  statusChatId: number | null;
  statusMessageId: number | null;
  createdAt: number;
  confirmedAt: number | null;
  finishedAt: number | null;
  /** A text alert's photo (a Telegram file_id), when the editor sent one. */
  photo?: string | null;
  /** Where the enqueuing of its audience stands while it goes on (undefined once every chat is enqueued). */
  fanout?: FanoutCursor | undefined;
  /** An editor sent it as urgent: it rings even in readers' quiet hours. */
  urgent: boolean;
}

/**
 * How far an alert's audience is enqueued: the topics whose followers receive it, walked one after the other
 * (`position`), each in chat id order up to `after` (null: from the start).
 */
export interface FanoutCursor {
  topicIds: number[];
  position: number;
  after: number | null;
}

export interface NewAlert {
  origin: AlertOrigin;
  topicId?: number | null;
  articleId?: number | null;
  text?: string | null;
  photo?: string | null;
  requestedBy?: number | null;
  requestedByName?: string | null;
  language: Language;
  audience?: number | null;
}

interface AlertRow {
  id: number;
  origin: AlertOrigin;
  topic_id: number | null;
  article_id: number | null;
  text: string | null;
  requested_by: number | null;
  requested_by_name: string | null;
  language: Language;
  status: AlertStatus;
  audience: number | null;
  recipients: number | null;
  sent: number;
  failed: number;
  blocked: number;
  status_chat_id: number | null;
  status_message_id: number | null;
  created_at: number;
  confirmed_at: number | null;
  finished_at: number | null;
  fanout_topics: string | null;
  fanout_position: number;
  fanout_after: number | null;
  urgent: number;
  photo: string | null;
}

const toRecord = (r: AlertRow): AlertRecord => ({
  id: r.id,
  origin: r.origin,
  topicId: r.topic_id,
  articleId: r.article_id,
  text: r.text,
  requestedBy: r.requested_by,
  requestedByName: r.requested_by_name,
  language: r.language,
  status: r.status,
  audience: r.audience,
  recipients: r.recipients,
  sent: r.sent,
  failed: r.failed,
  blocked: r.blocked,
  statusChatId: r.status_chat_id,
  statusMessageId: r.status_message_id,
  createdAt: r.created_at,
  confirmedAt: r.confirmed_at,
  finishedAt: r.finished_at,
  photo: r.photo,
  fanout:
    r.fanout_topics === null
      ? undefined
      : { topicIds: JSON.parse(r.fanout_topics), position: r.fanout_position, after: r.fanout_after },
  urgent: r.urgent === 1,
});

export class AlertStore {
  private readonly insert: Database.Statement<Record<string, unknown>>;
  private readonly insertAuto: Database.Statement<Record<string, unknown>>;
  private readonly byId: Database.Statement<[number], AlertRow>;
  private readonly retopic: Database.Statement<[number, number, number, number]>;
  private readonly statusMessage: Database.Statement<[number, number, number]>;
  private readonly close: Database.Statement<[AlertStatus, number, number]>;
  private readonly claim: Database.Statement<[number, number, number]>;
  private readonly setRecipients: Database.Statement<[number, number]>;
  private readonly fanoutStart: Database.Statement<[string, number]>;
  private readonly fanoutCounted: Database.Statement<[number, number]>;
  private readonly fanoutMove: Database.Statement<[number, number | null, number]>;
  private readonly fanoutEnd: Database.Statement<[number, number]>;
  private readonly counts: Database.Statement<[number, number, number, number]>;
  private readonly finish: Database.Statement<[number, number, number, number, number]>;
  private readonly inFlight: Database.Statement<[], AlertRow>;
  private readonly recentRows: Database.Statement<[number], AlertRow>;
  private readonly breakingCandidates: Database.Statement<{ since: number }, { id: number; feed_id: number }>;
  private readonly autoSentByFeed: Database.Statement<[number], { feed_id: number; n: number }>;
  private readonly setUrgent: Database.Statement<[number]>;
  private readonly ofArticle: Database.Statement<[number], AlertRow>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    const columns =
      "(origin, topic_id, article_id, text, photo, requested_by, requested_by_name, language, audience, created_at)";
    const values =
      "(@origin, @topicId, @articleId, @text, @photo, @requestedBy, @requestedByName, @language, @audience, @now)";
    this.insert = db.prepare(`INSERT INTO alerts ${columns} VALUES ${values}`);
    this.insertAuto = db.prepare(`INSERT OR IGNORE INTO alerts ${columns} VALUES ${values}`);
    this.byId = db.prepare("SELECT * FROM alerts WHERE id = ?");
    this.setUrgent = db.prepare("UPDATE alerts SET urgent = 1 WHERE id = ?");
    this.ofArticle = db.prepare(
      "SELECT * FROM alerts WHERE article_id = ? AND status IN ('sending', 'done') ORDER BY id",
    );
    // Choosing the topic starts the preview's 15 minutes: the editor sees the preview only now. Only a draft
    // (no topic yet): a second tap on another suggestion must not retarget a preview already shown.
    this.retopic = db.prepare(`
      UPDATE alerts SET topic_id = ?, audience = ?, created_at = ?
      WHERE id = ? AND status = 'pending' AND topic_id IS NULL AND article_id IS NULL`);
    this.statusMessage = db.prepare(
      "UPDATE alerts SET status_chat_id = ?, status_message_id = ? WHERE id = ?",
    );
    this.close = db.prepare(
      "UPDATE alerts SET status = ?, finished_at = ? WHERE id = ? AND status = 'pending'",
    );
    // The one transition that sends: a second press, or a press after expiry, changes nothing.
    this.claim = db.prepare(
      "UPDATE alerts SET status = 'sending', confirmed_at = ? WHERE id = ? AND status = 'pending' AND created_at >= ?",
    );
    this.setRecipients = db.prepare("UPDATE alerts SET recipients = ? WHERE id = ?");
    this.fanoutStart = db.prepare(
      "UPDATE alerts SET fanout_topics = ?, fanout_position = 0, fanout_after = NULL, recipients = NULL WHERE id = ?",
    );
    // Only while the audience is still being enqueued: once it is, the chats enqueued are the total (endFanout).
    this.fanoutCounted = db.prepare(
      "UPDATE alerts SET recipients = ? WHERE id = ? AND fanout_topics IS NOT NULL",
    );
    this.fanoutMove = db.prepare("UPDATE alerts SET fanout_position = ?, fanout_after = ? WHERE id = ?");
    this.fanoutEnd = db.prepare(
      "UPDATE alerts SET fanout_topics = NULL, fanout_after = NULL, recipients = ? WHERE id = ?",
    );
    this.counts = db.prepare("UPDATE alerts SET sent = ?, failed = ?, blocked = ? WHERE id = ?");
    this.finish = db.prepare(
      "UPDATE alerts SET status = 'done', sent = ?, failed = ?, blocked = ?, finished_at = ? WHERE id = ? AND status = 'sending'",
    );
    this.inFlight = db.prepare("SELECT * FROM alerts WHERE status = 'sending' ORDER BY id");
    this.recentRows = db.prepare(
      "SELECT * FROM alerts WHERE confirmed_at IS NOT NULL ORDER BY confirmed_at DESC, id DESC LIMIT ?",
    );
    // Breaking articles from auto-alert feeds, not yet auto-alerted (through the ingested_at index: recent only).
    this.breakingCandidates = db.prepare(`
      SELECT a.id, a.feed_id FROM articles a JOIN feeds f ON f.id = a.feed_id
      WHERE a.ingested_at >= @since AND a.sort_at >= @since AND a.breaking = 1 AND f.auto_alert = 1
        AND a.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.article_id = a.id AND x.origin = 'auto')
      ORDER BY a.ingested_at, a.id`);
    this.autoSentByFeed = db.prepare(`
      SELECT a.feed_id, count(*) AS n FROM alerts x JOIN articles a ON a.id = x.article_id
      WHERE x.origin = 'auto' AND x.confirmed_at >= ? AND a.feed_id IS NOT NULL
      GROUP BY a.feed_id`);
  }

  /** Records a new alert (a pending preview, or an auto-alert about to be sent). */
  create(alert: NewAlert): AlertRecord {
    const id = Number(this.insert.run(this.params(alert)).lastInsertRowid);
    return this.get(id) as AlertRecord;
  }

  /** An auto-alert for an article, unless one exists already (then undefined). */
  createAuto(articleId: number, language: Language): AlertRecord | undefined {
    const result = this.insertAuto.run(this.params({ origin: "auto", articleId, language }));
    return result.changes > 0 ? this.get(Number(result.lastInsertRowid)) : undefined;
  }

  private params(alert: NewAlert): Record<string, unknown> {
    return {
      origin: alert.origin,
      topicId: alert.topicId ?? null,
      articleId: alert.articleId ?? null,
      text: alert.text ?? null,
      photo: alert.photo ?? null,
      requestedBy: alert.requestedBy ?? null,
      requestedByName: alert.requestedByName ?? null,
      language: alert.language,
      audience: alert.audience ?? null,
      now: this.clock(),
    };
  }

  /** The alerts of an article that were sent (sending or done), oldest first. */
  sentForArticle(articleId: number): AlertRecord[] {
    return this.ofArticle.all(articleId).map(toRecord);
  }

  get(id: number): AlertRecord | undefined {
    const row = this.byId.get(id);
    return row ? toRecord(row) : undefined;
  }

  /** A draft text alert gets its topic (chosen from suggestions) and its audience; false if it had one already. */
  setTopic(id: number, topicId: number, audience: number): boolean {
    return this.retopic.run(topicId, audience, this.clock(), id).changes > 0;
  }

  setStatusMessage(id: number, chatId: number, messageId: number): void {
    this.statusMessage.run(chatId, messageId, id);
  }

  /** Ends a pending alert without sending (cancelled by its editor, or expired); false if it was not pending. */
  closePending(id: number, status: "cancelled" | "expired"): boolean {
    return this.close.run(status, this.clock(), id).changes > 0;
  }

  /**
   * Marks a pending alert created at or after `notBefore` as sending; false when it was not pending (sent,
   * cancelled) or is older. Call inside the transaction that enqueues it.
   */
  claimPending(id: number, notBefore: number): boolean {
    return this.claim.run(this.clock(), id, notBefore).changes > 0;
  }

  /** The editor sent it as urgent (in the sending transaction): it rings even in readers' quiet hours. */
  markUrgent(id: number): void {
    this.setUrgent.run(id);
  }

  /** An auto-alert goes straight to sending. */
  startAuto(id: number): void {
    this.claim.run(this.clock(), id, 0);
  }

  recordRecipients(id: number, recipients: number): void {
    this.setRecipients.run(recipients, id);
  }

  /**
   * The alert's audience is about to be enqueued in chunks, walking the followers of these topics; its total is
   * not known yet (countedFanout).
   */
  startFanout(id: number, topicIds: readonly number[]): void {
    this.fanoutStart.run(JSON.stringify(topicIds), id);
  }

  /**
   * The count of the audience of an alert still being enqueued is done: `total` is the status's total until every
   * chat is enqueued. Changes nothing once that is so (endFanout's total is exact); false then.
   */
  countedFanout(id: number, total: number): boolean {
    return this.fanoutCounted.run(total, id).changes > 0;
  }

  /** A chunk was enqueued: the walk stands at this topic, after this chat. In the chunk's transaction. */
  moveFanout(id: number, position: number, after: number | null): void {
    this.fanoutMove.run(position, after, id);
  }

  /** Every chat is enqueued: `recipients` is how many were (the status's total from now on). */
  endFanout(id: number, recipients: number): void {
    this.fanoutEnd.run(recipients, id);
  }

  /** The counts so far of an alert being sent. */
  updateCounts(id: number, sent: number, failed: number, blocked: number): void {
    this.counts.run(sent, failed, blocked, id);
  }

  /** Final counts; false when the alert was not sending (already done). */
  markDone(id: number, sent: number, failed: number, blocked: number): boolean {
    return this.finish.run(sent, failed, blocked, this.clock(), id).changes > 0;
  }

  /** Alerts still being delivered (to watch again after a restart). */
  sending(): AlertRecord[] {
    return this.inFlight.all().map(toRecord);
  }

  /** Sent alerts (editors' and automatic), newest first. */
  recent(limit: number): AlertRecord[] {
    return this.recentRows.all(limit).map(toRecord);
  }

  /**
   * Breaking articles of auto-alert feeds ingested and published since `sinceMs` that have no auto-alert yet
   * (a feed added today may carry a "breaking" item from years ago: that is not news any more).
   */
  breakingWithoutAlert(sinceMs: number): { id: number; feedId: number }[] {
    return this.breakingCandidates.all({ since: sinceMs }).map((r) => ({ id: r.id, feedId: r.feed_id }));
  }

  /** Auto-alerts sent since `sinceMs`, by the feed of their article. */
  autoAlertsByFeedSince(sinceMs: number): Map<number, number> {
    return new Map(this.autoSentByFeed.all(sinceMs).map((r) => [r.feed_id, r.n]));
  }
}
