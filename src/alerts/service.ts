// Breaking alerts: previews an editor confirms, automatic alerts from feeds, one transaction that enqueues the
// audience, and the status an editor watches while the outbox delivers. The bot and the feed poller call in
// here; Telegram calls stay in the bot (the status port).
import { createHash } from "node:crypto";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { AudiencePolicy } from "../audience/policy";
import type { Clock } from "../clock";
import type { Delivery } from "../delivery";
import { chatLanguage, chatTimeZone, type Language } from "../domain";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { readLink } from "../render/article";
import type { Store } from "../store";
import type { AlertRecord } from "../store/alerts";
import type { ArticleRecord } from "../store/articles";
import type { AlertRecipient } from "../store/audience";
import type { ChatRecord } from "../store/chats";
import type { Progress } from "../store/outbox";
import { type EditMessage, editMessage, type Message, textMessage } from "../text/message";
import type { TopicService } from "../topics/service";
import type { Topic } from "../topics/topic-index";
import { type AlertContent, renderAlert } from "./render";

/** A preview's Send button works for this long. */
export const PREVIEW_TTL_MS = 15 * 60_000;
/** The status message is edited at most this often. */
export const STATUS_INTERVAL_MS = 3000;
/** Breaking articles of auto-alert feeds this recent (ingested and published) and not yet alerted are alerted. */
const AUTO_ALERT_CATCH_UP_MS = 60 * 60_000;
/** How often articles stored by another process (the CLI) are looked at for auto-alerts. */
const AUTO_ALERT_CHECK_MS = 30_000;
/**
 * At most this many auto-alerts per feed within AUTO_ALERT_WINDOW_MS; further breaking items of the feed are held
 * for an editor (and the editors told). Three in ten minutes leaves a real story's updates through and stops a
 * feed that marks everything «عاجل».
 */
export const AUTO_ALERTS_PER_FEED = 3;
export const AUTO_ALERT_WINDOW_MS = 10 * 60_000;
/** Article ids named in the message to editors about held items. */
const HELD_IDS_LISTED = 10;
/**
 * Chats enqueued by Send itself, in its transaction: the sender has something to send at once. The rest follow
 * in chunks of FANOUT_CHUNK, one transaction each with a turn of the event loop between them, so the first
 * message leaves within milliseconds whatever the audience, and replies and the sender keep their turns.
 */
const FANOUT_FIRST = 100;
const FANOUT_CHUNK = 1000;
/**
 * The audience is counted after Send, along the same walk, FANOUT_COUNT_PIECE rows a turn (a few milliseconds):
 * far ahead of the enqueuing, which goes FANOUT_CHUNK a turn. A million chats counted at once (as the preview
 * does) hold the event loop for seconds: ~2.4 s for the preview's round trip in `npm run bench -- alerts`.
 */
const FANOUT_COUNT_PIECE = 10_000;
/** Chat ids the watchers' phase of the walk looks at per chat a chunk may enqueue (docs/alerts.md, "Fan-out"). */
const WATCH_SCAN = 10;
/**
 * After Send, the rest of the audience is enqueued (and counted) from this long on: the sender, woken by Send's
 * first chunk, claims its rows and has its first request on the wire before the chunks and the count take their
 * turns of the event loop (each a few milliseconds; the first chunk alone is ~100 ms of sending at the paid rate).
 */
const FANOUT_HEAD_START_MS = 25;
/** After a chunk failed (the database locked or full), the next try. */
const FANOUT_RETRY_MS = 1000;

/** The editor asking for an alert. */
export interface Requester {
  id: number;
  name: string;
  language: Language;
  timeZone: string;
}

/** What an alert says: an editor's words about a topic (with their photo, a file_id, if sent as its caption), or an article. */
export type AlertTarget =
  | { topic: Topic; text: string; photo?: string | undefined }
  | { article: ArticleRecord; photo?: string | undefined };

export interface Preview {
  alert: AlertRecord;
  /** Exactly what a reader with the editor's language and zone will get. */
  message: Message;
  audience: number;
  /** Chats that follow it but already got this article as an alert (left out of `audience`). */
  alreadyReached: number;
}

export type ConfirmOutcome =
  | { kind: "sending"; alert: AlertRecord }
  | { kind: "not-yours" | "expired" | "sent-already" | "cancelled" | "gone" | "chosen" };

export type CancelOutcome = "cancelled" | "not-yours" | "sent-already" | "gone";

/** Delivery counts an editor sees: `blocked` are chats that blocked the bot or vanished. */
export interface AlertProgress {
  /**
   * The chats it goes to; undefined while its audience, still being enqueued, is being counted (a few turns of
   * the event loop after Send). Exact once every chat is enqueued (and always when `done`).
   */
  total: number | undefined;
  sent: number;
  failed: number;
  blocked: number;
  done: boolean;
  /** Messages held for the end of their readers' quiet hours (they go then; the alert is not done until). */
  waiting?: number;
}

export interface AlertServiceOptions {
  store: Store;
  topics: TopicService;
  /** Who receives an alert: the one audience policy. */
  audience: AudiencePolicy;
  delivery: Delivery;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  defaultTimezone: string;
  /** Where each alert's progress is shown (at most every few seconds, and once when it is done). */
  status?: AlertStatusPort | undefined;
  statusIntervalMs?: number;
  /** Telegram ids of the editors and admins (told when a feed's breaking items are held). */
  staff?: () => number[];
  /** The bot's username once it is known: an article without a link gets «📖» to read it whole in the bot. */
  botUsername?: (() => string | undefined) | undefined;
  /** The fan-out's sizes (default FANOUT_FIRST, FANOUT_CHUNK, FANOUT_COUNT_PIECE): tests walk in small steps. */
  fanout?: Partial<FanoutSizes> | undefined;
}

/** Chats Send enqueues, chats a later chunk enqueues, rows a piece of the count walks (see FANOUT_FIRST). */
export interface FanoutSizes {
  first: number;
  chunk: number;
  countPiece: number;
}

/** Shows an alert's progress to the editor who sent it (the bot edits their status message). */
export interface AlertStatusPort {
  show(alert: AlertRecord, progress: AlertProgress): Promise<void>;
}

const refOf = (alertId: number) => `alert:${alertId}`;

function alertProgress(p: Progress): AlertProgress {
  return {
    total: p.total,
    sent: p.sent,
    failed: p.failed,
    blocked: p.dropped,
    done: p.queued + p.sending === 0,
  };
}

/** An alert whose audience is being enqueued in this process. */
interface Fanout {
  alert: AlertRecord;
  topics: Topic[];
  article: ArticleRecord | undefined;
  /** The muted phrases it contains (AudiencePolicy.alertMuted). */
  muted: readonly string[];
  /** The watched phrases it contains (AudiencePolicy.alertWatched): the walk's last phase. */
  watched: readonly string[];
  /**
   * One message object per language × zone × label, by that key, shared by its readers; the key is also the
   * stored body's (one body per rendering for the whole audience, docs/delivery.md "Bodies").
   */
  rendered: Map<string, Message>;
  /** Its article's version in the stored bodies' keys (versionOf): an edit of the article starts new bodies. */
  version: string;
  next?: NodeJS.Immediate | undefined;
  /** A chunk's next try, or the first chunk after Send's head start. */
  retry?: NodeJS.Timeout | undefined;
  /** The count of its audience, while it goes on in this process (countFanout). */
  count?: FanoutCount | undefined;
  countNext?: NodeJS.Immediate | undefined;
  countRetry?: NodeJS.Timeout | undefined;
}

/**
 * Where the count of an alert's audience stands: the walk counted up to (`position`, `after`), ahead of the
 * enqueuing; `total`: the rows enqueued when the count began plus the chats counted since.
 */
interface FanoutCount {
  position: number;
  after: number | null;
  total: number;
}

/** The enqueuing stands past the count (which then no longer knows what it has counted that is enqueued). */
const overtaken = (count: FanoutCount, cursor: { position: number; after: number | null }) =>
  cursor.position > count.position ||
  (cursor.position === count.position &&
    (cursor.after ?? Number.MIN_SAFE_INTEGER) > (count.after ?? Number.MIN_SAFE_INTEGER));

interface Watch {
  lastReport: number;
  timer?: NodeJS.Timeout | undefined;
  /** A report (and its status edit) is in flight. */
  busy: boolean;
}

/** What an article says, as mutes are matched against it. */
const articleText = (article: ArticleRecord): string => `${article.title}\n${article.body}`;

/**
 * The part of an alert's body keys that names its article's text (`v:<hash>|`; empty for a text alert): rows
 * enqueued after an edit, in this process or after a restart, get the new text, never the old body by its key.
 */
function versionOf(article: ArticleRecord | undefined): string {
  if (!article) return "";
  const hash = createHash("sha1")
    .update(JSON.stringify([article.title, article.body, article.url, article.image ?? null]))
    .digest("hex");
  return `v:${hash.slice(0, 16)}|`;
}

/** One rendering of an alert: the reader's language, zone, own place and the watched word that brought it. */
const renderingKey = (
  language: string,
  zone: string,
  place: Topic | undefined,
  watched: string | undefined,
) => `${language}|${zone}|${place?.id ?? ""}${watched ? `|w:${watched}` : ""}`;

/** What an edit of an article did to its alerts (AlertService.articleEdited). */
export interface EditOutcome {
  /** Its alerts that were sent or are being sent: when none, there is nothing to correct. */
  alerts: number;
  /** Copies delivered before the edit: what a correction would edit. */
  delivered: number;
  /** Copies not yet sent that now carry the new text. */
  renewed: number;
  /** Some of its alerts are still going out: the readers not yet reached get the new text. */
  sending: boolean;
}

/** What the correction button did: `enqueued` copies; else why none. */
export type CorrectOutcome =
  | { kind: "correcting"; enqueued: number }
  | { kind: "corrected-already" | "gone" | "none-delivered" };

/** A correction's copies are walked this many at a time, a turn of the event loop between pages. */
const CORRECT_PAGE = 1000;

export class AlertService {
  private readonly watches = new Map<number, Watch>();
  private readonly fanouts = new Map<number, Fanout>();
  private stopped = false;
  private autoAlertTimer: NodeJS.Timeout | undefined;

  private readonly sizes: FanoutSizes;

  constructor(private readonly options: AlertServiceOptions) {
    this.sizes = {
      first: FANOUT_FIRST,
      chunk: FANOUT_CHUNK,
      countPiece: FANOUT_COUNT_PIECE,
      ...options.fanout,
    };
  }

  /** The topics an alert reaches (before ancestors), its article if it has one, and the text it says. */
  private subject(alert: AlertRecord): { topics: Topic[]; article: ArticleRecord | undefined; text: string } {
    const { store, topics, audience } = this.options;
    if (alert.articleId !== null) {
      // As stored even if an editor deleted it since: the rest of an audience a restart interrupted gets what the
      // first chats got (its text), not an empty alert.
      const article = store.articles.stored(alert.articleId);
      return {
        topics: audience.routingTopics(alert.articleId),
        article,
        text: article ? articleText(article) : "",
      };
    }
    const topic = alert.topicId === null ? undefined : topics.index().get(alert.topicId);
    return { topics: topic ? [topic] : [], article: undefined, text: alert.text ?? "" };
  }

  /** Records a pending alert and renders its preview for the editor. */
  preview(target: AlertTarget, requester: Requester): Preview {
    const { store } = this.options;
    const policy = this.options.audience;
    const { audience, alreadyReached } = policy.countAlert(
      "article" in target
        ? {
            topics: policy.routingTopics(target.article.id),
            articleId: target.article.id,
            text: articleText(target.article),
          }
        : { topics: [target.topic], articleId: null, text: target.text },
    );
    const alert = store.alerts.create({
      origin: "editor",
      ...("article" in target
        ? { articleId: target.article.id }
        : { topicId: target.topic.id, text: target.text }),
      photo: target.photo ?? null,
      requestedBy: requester.id,
      requestedByName: requester.name,
      language: requester.language,
      audience,
    });
    return {
      alert,
      audience,
      alreadyReached,
      message: this.render(alert, requester.language, requester.timeZone),
    };
  }

  /** A text alert whose topic is still to be chosen (the editor gets suggestions). */
  draft(text: string, requester: Requester, photo?: string): AlertRecord {
    return this.options.store.alerts.create({
      origin: "editor",
      text,
      photo: photo ?? null,
      requestedBy: requester.id,
      requestedByName: requester.name,
      language: requester.language,
    });
  }

  /** The editor chose the topic of a draft: its preview, or why not. */
  chooseTopic(
    id: number,
    topic: Topic,
    requester: Requester,
  ): Preview | Exclude<ConfirmOutcome, { kind: "sending" }> {
    const { store } = this.options;
    const refusal = this.refusal(store.alerts.get(id), requester.id);
    if (refusal) return refusal;
    const { audience } = this.options.audience.countAlert({
      topics: [topic],
      articleId: null,
      text: store.alerts.get(id)?.text ?? "",
    });
    if (!store.alerts.setTopic(id, topic.id, audience)) return { kind: "chosen" };
    const updated = store.alerts.get(id) as AlertRecord;
    return {
      alert: updated,
      audience,
      alreadyReached: 0,
      message: this.render(updated, requester.language, requester.timeZone),
    };
  }

  private refusal(
    alert: AlertRecord | undefined,
    userId: number,
  ): Exclude<ConfirmOutcome, { kind: "sending" }> | undefined {
    if (!alert) return { kind: "gone" };
    if (alert.requestedBy !== userId) return { kind: "not-yours" };
    if (alert.status === "cancelled") return { kind: "cancelled" };
    if (alert.status === "expired") return { kind: "expired" };
    if (alert.status !== "pending") return { kind: "sent-already" };
    if (this.options.clock() - alert.createdAt > PREVIEW_TTL_MS) {
      this.options.store.alerts.closePending(alert.id, "expired");
      return { kind: "expired" };
    }
    return undefined;
  }

  /**
   * The Send button: enqueues the alert for its audience, once. `status`: the message to edit as delivery
   * goes (the question the button belongs to); the first edit follows at once. `urgent`: the editor's «urgent»
   * button, recorded in the alert: it rings even in readers' quiet hours.
   */
  confirm(
    id: number,
    userId: number,
    status?: { chatId: number; messageId: number },
    urgent = false,
  ): ConfirmOutcome {
    const { store, clock } = this.options;
    const alert = store.alerts.get(id);
    const refusal = this.refusal(alert, userId);
    if (refusal) return refusal;
    if (alert?.topicId === null && alert.articleId === null) return { kind: "gone" };
    const claimed = store.db.transaction(() => {
      // Only one press wins: claimPending is a conditional update inside this transaction.
      if (!store.alerts.claimPending(id, clock() - PREVIEW_TTL_MS)) return false;
      if (status) store.alerts.setStatusMessage(id, status.chatId, status.messageId);
      if (urgent) store.alerts.markUrgent(id);
      this.startFanout(id);
      return true;
    })();
    if (!claimed) return { kind: "sent-already" };
    this.continueFanout(id, FANOUT_HEAD_START_MS);
    this.countFanout(id, FANOUT_HEAD_START_MS);
    this.watch(id, true);
    return { kind: "sending", alert: store.alerts.get(id) as AlertRecord };
  }

  /** The Cancel button. */
  cancel(id: number, userId: number): CancelOutcome {
    const { store } = this.options;
    const alert = store.alerts.get(id);
    if (!alert) return "gone";
    if (alert.requestedBy !== userId) return "not-yours";
    if (alert.status === "sending" || alert.status === "done") return "sent-already";
    store.alerts.closePending(id, "cancelled");
    return "cancelled";
  }

  /**
   * Breaking articles of auto-alert feeds, ingested and published within the last hour, become alerts, once
   * per article, within each feed's allowance (selectAutoAlerts; the rest are held for the editors): called
   * when a poll adds articles, at start, and every AUTO_ALERT_CHECK_MS (articles stored by another process, e.g.
   * `npm run cli -- feeds poll`). One indexed query when there is nothing to do.
   */
  autoAlert(): AlertRecord[] {
    const { store, clock, defaultLanguage } = this.options;
    const started: AlertRecord[] = [];
    const { send, held } = this.selectAutoAlerts(
      store.alerts.breakingWithoutAlert(clock() - AUTO_ALERT_CATCH_UP_MS),
    );
    for (const articleId of send) {
      const alert = store.db.transaction(() => {
        const created = store.alerts.createAuto(articleId, defaultLanguage);
        if (!created) return undefined;
        store.alerts.startAuto(created.id);
        this.startFanout(created.id);
        return created;
      })();
      if (alert) {
        this.continueFanout(alert.id, FANOUT_HEAD_START_MS);
        this.countFanout(alert.id, FANOUT_HEAD_START_MS);
        this.options.logger.info({ alert: alert.id, article: articleId }, "auto-alert sent");
        this.watch(alert.id);
        started.push(alert);
      }
    }
    for (const [feedId, articleIds] of held) this.holdForEditors(feedId, articleIds);
    return started;
  }

  /**
   * A feed's breaking items beyond AUTO_ALERTS_PER_FEED auto-alerts within AUTO_ALERT_WINDOW_MS are not sent
   * on their own (one poll of 40 «عاجل» items must not send 40 alerts to every follower). Returns the articles
   * to alert now, in order, and by feed the ones to hold for an editor.
   */
  private selectAutoAlerts(candidates: readonly { id: number; feedId: number }[]): {
    send: number[];
    held: Map<number, number[]>;
  } {
    if (candidates.length === 0) return { send: [], held: new Map() };
    const { store, clock } = this.options;
    const sentByFeed = store.alerts.autoAlertsByFeedSince(clock() - AUTO_ALERT_WINDOW_MS);
    const send: number[] = [];
    const held = new Map<number, number[]>();
    for (const { id, feedId } of candidates) {
      const sent = sentByFeed.get(feedId) ?? 0;
      if (sent < AUTO_ALERTS_PER_FEED) {
        send.push(id);
        sentByFeed.set(feedId, sent + 1);
      } else {
        held.set(feedId, [...(held.get(feedId) ?? []), id]);
      }
    }
    return { send, held };
  }

  /**
   * Marks breaking articles as never to be auto-alerted (an auto-alert record, cancelled: an editor may still
   * `/alert <id>` them) and tells the editors and admins who have a private chat with the bot, in their language.
   */
  private holdForEditors(feedId: number, articleIds: readonly number[]): void {
    const { store, delivery, i18n, clock, logger, defaultLanguage } = this.options;
    const held = store.db.transaction(() =>
      articleIds.filter((articleId) => {
        const created = store.alerts.createAuto(articleId, defaultLanguage);
        return created !== undefined && store.alerts.closePending(created.id, "cancelled");
      }),
    )();
    if (held.length === 0) return;
    logger.warn(
      { feed: feedId, held: held.length },
      "auto-alerts over the feed's allowance held for editors",
    );
    const feed = store.feeds.find(feedId);
    const ids = held.slice(0, HELD_IDS_LISTED).map((id) => `#${id}`);
    const ref = `held:${feedId}:${clock()}`;
    const editors = (this.options.staff?.() ?? [])
      .map((id) => store.chats.find(id))
      .filter((chat): chat is ChatRecord => chat?.type === "private" && chat.active);
    delivery.enqueue(
      editors.map((chat) => {
        const language = chatLanguage(chat, defaultLanguage);
        const separator = language === "ar" ? "، " : ", ";
        return {
          chatId: chat.id,
          purpose: "direct",
          ref,
          dedupeKey: ref,
          message: textMessage(
            i18n.t(language, "auto-alert-held", {
              feed: feed?.title ?? feed?.url ?? `#${feedId}`,
              count: held.length,
              max: AUTO_ALERTS_PER_FEED,
              minutes: AUTO_ALERT_WINDOW_MS / 60_000,
              ids: ids.join(separator) + (held.length > ids.length ? "…" : ""),
            }),
          ),
        };
      }),
    );
  }

  /**
   * Inside the sending transaction: records the walk of the alert's audience (the topics whose followers get it)
   * and enqueues its first chats; continueFanout enqueues the rest, and countFanout counts them (not here: a
   * count of the whole audience would hold the first message back by as long as it takes).
   */
  private startFanout(id: number): void {
    const { store } = this.options;
    const alert = store.alerts.get(id) as AlertRecord;
    const { topics, article, text } = this.subject(alert);
    store.alerts.startFanout(id, this.options.audience.alertReach({ topics }));
    this.fanouts.set(id, {
      alert: store.alerts.get(id) as AlertRecord,
      topics,
      article,
      muted: this.options.audience.alertMuted(text),
      watched: this.options.audience.alertWatched(text),
      rendered: new Map(),
      version: versionOf(article),
    });
    this.expand(id, this.sizes.first);
  }

  /**
   * Enqueues the alert's next chats (at most `budget`) and moves its cursor, inside the caller's transaction: a
   * restart resumes after the last chunk that committed, so nobody is skipped and nobody enqueued twice (the
   * outbox's dedupe key is a second guard). The fanout ends (and is forgotten) when every topic is walked.
   */
  private expand(id: number, budget: number): void {
    const { store } = this.options;
    const fanout = this.fanouts.get(id);
    const cursor = store.alerts.get(id)?.fanout;
    if (!fanout || !cursor) {
      this.fanouts.delete(id);
      return;
    }
    const { alert } = fanout;
    const ref = refOf(id);
    let { position, after } = cursor;
    let left = budget;
    // Quiet hours: each chat's row is sent silently or later as the policy says (as of this chunk's enqueue).
    const sending = this.options.audience.sendingFor(this.options.clock(), "alert", alert.urgent);
    // Position topicIds.length is the last phase: the chats watching a phrase the alert contains, a page of chat
    // ids a chunk (WATCH_SCAN per chat the chunk may enqueue: what the chunk costs is bounded, not what it yields).
    while (left > 0 && position <= cursor.topicIds.length) {
      let chunk: AlertRecipient[];
      const watchers = position === cursor.topicIds.length;
      if (!watchers) {
        chunk = this.options.audience.alertRecipientsChunk(
          cursor.topicIds,
          { articleId: alert.articleId, muted: fanout.muted, topics: fanout.topics },
          position,
          after,
          left,
        );
        if (chunk.length < left) {
          position++; // This topic's followers are all enqueued.
          after = null;
        } else after = chunk[chunk.length - 1]?.id ?? after;
      } else {
        const page = this.options.audience.alertWatchersChunk(
          cursor.topicIds,
          { articleId: alert.articleId, muted: fanout.muted, watched: fanout.watched, topics: fanout.topics },
          after,
          left,
          budget * WATCH_SCAN,
        );
        chunk = page.recipients;
        if (page.done) {
          position++;
          after = null;
        } else after = page.after;
      }
      this.enqueueChunk(fanout, chunk, sending);
      left -= chunk.length;
      if (watchers) break; // One page of chat ids a chunk.
    }
    if (position <= cursor.topicIds.length) {
      store.alerts.moveFanout(id, position, after);
    } else {
      store.alerts.endFanout(id, store.outbox.progress(ref).total);
      this.fanouts.delete(id);
    }
  }

  /** Writes a chunk's outbox rows (and, for an article, that it reached them), in the caller's transaction. */
  private enqueueChunk(
    fanout: Fanout,
    chunk: readonly AlertRecipient[],
    sending: ReturnType<AudiencePolicy["sendingFor"]>,
  ): void {
    const { alert } = fanout;
    const ref = refOf(alert.id);
    this.options.delivery.enqueue(
      chunk.map((chat) => {
        const { key, message } = this.messageFor(fanout, chat);
        return {
          chatId: chat.id,
          purpose: "alert",
          ref,
          // An article reaches a chat as an alert once, whoever alerts it again.
          dedupeKey: alert.articleId !== null ? `article:${alert.articleId}` : ref,
          message,
          // Each rendering is stored once for the whole audience, across chunks and restarts.
          bodyKey: `${ref}|${fanout.version}${key}`,
          ...sending(chat, chatTimeZone(chat, this.options.defaultTimezone)),
        };
      }),
    );
    if (alert.articleId !== null) {
      this.options.audience.recordReached(
        alert.articleId,
        chunk.map((c) => c.id),
        ref,
      );
    }
  }

  /**
   * Enqueues the rest of the alert's audience, a chunk per transaction with a turn of the event loop between
   * chunks. A failed chunk (the database locked or full) changed nothing and is tried again.
   */
  private continueFanout(id: number, afterMs = 0): void {
    const fanout = this.fanouts.get(id);
    if (!fanout || this.stopped) return;
    if (afterMs > 0) {
      fanout.retry = setTimeout(() => this.continueFanout(id), afterMs);
      fanout.retry.unref();
      return;
    }
    fanout.next = setImmediate(() => {
      fanout.next = undefined;
      try {
        this.options.store.db.transaction(() => this.expand(id, this.sizes.chunk))();
      } catch (error) {
        this.options.logger.error(
          { err: error, alert: id },
          "could not enqueue an alert's next chats; trying again",
        );
        if (!this.stopped) {
          fanout.retry = setTimeout(() => this.continueFanout(id), FANOUT_RETRY_MS);
          fanout.retry.unref();
        }
        return;
      }
      this.continueFanout(id);
    });
  }

  /**
   * Counts the audience of an alert being enqueued, a piece a turn along the same walk, from where the enqueuing
   * stands when the count begins (its total: the rows enqueued by then plus the chats counted ahead), and records
   * the total (countedFanout) for the status. The enqueuing, slower per turn, stays behind; should it pass the
   * count (after a failed piece), the count begins again from where it stands. Once every chat is enqueued the
   * count is moot: the rows enqueued are the total (endFanout).
   */
  private countFanout(id: number, afterMs = 0): void {
    const fanout = this.fanouts.get(id);
    if (!fanout || this.stopped) return;
    if (afterMs > 0) {
      fanout.countRetry = setTimeout(() => this.countFanout(id), afterMs);
      fanout.countRetry.unref();
      return;
    }
    fanout.countNext = setImmediate(() => {
      fanout.countNext = undefined;
      try {
        if (!this.countPiece(id, fanout)) return;
      } catch (error) {
        this.options.logger.error(
          { err: error, alert: id },
          "could not count an alert's audience; trying again",
        );
        if (!this.stopped) {
          fanout.countRetry = setTimeout(() => this.countFanout(id), FANOUT_RETRY_MS);
          fanout.countRetry.unref();
        }
        return;
      }
      this.countFanout(id);
    });
  }

  /** One piece of the count (countFanout); false when there is nothing more to count. */
  private countPiece(id: number, fanout: Fanout): boolean {
    const { store } = this.options;
    const cursor = store.alerts.get(id)?.fanout;
    if (!cursor || this.fanouts.get(id) !== fanout) return false;
    let count = fanout.count;
    if (!count || overtaken(count, cursor)) {
      count = {
        position: cursor.position,
        after: cursor.after,
        total: store.outbox.progress(refOf(id)).total,
      };
      fanout.count = count;
    }
    const { alert } = fanout;
    const piece = this.options.audience.alertCountPiece(
      cursor.topicIds,
      { articleId: alert.articleId, muted: fanout.muted, watched: fanout.watched, topics: fanout.topics },
      count.position,
      count.after,
      this.sizes.countPiece,
    );
    count.total += piece.counted;
    if (piece.scanned < this.sizes.countPiece) {
      count.position++; // This position is counted to its end.
      count.after = null;
    } else count.after = piece.last;
    if (count.position <= cursor.topicIds.length) return true;
    fanout.count = undefined;
    store.alerts.countedFanout(id, count.total);
    this.watch(id);
    return false;
  }

  /** Picks up an alert whose audience a stop interrupted while it was being enqueued. */
  private resumeFanout(alert: AlertRecord): void {
    const { topics, article, text } = this.subject(alert);
    // The mutes as they are now: a chat that muted one of its words since the stop is left out too.
    const muted = this.options.audience.alertMuted(text);
    const watched = this.options.audience.alertWatched(text);
    this.fanouts.set(alert.id, {
      alert,
      topics,
      article,
      muted,
      watched,
      rendered: new Map(),
      version: versionOf(article),
    });
    this.continueFanout(alert.id);
    // Counted before the stop, the total stands (the walk is the same); else it is counted now, from where the
    // enqueuing stands, on top of the rows enqueued before the stop.
    if (alert.recipients === null) this.countFanout(alert.id);
  }

  /** The rendering of the alert for a reader (their language, zone and own place), shared by its readers. */
  private messageFor(
    { alert, topics, article, rendered }: Fanout,
    chat: AlertRecipient,
  ): { key: string; message: Message } {
    const { defaultLanguage, defaultTimezone } = this.options;
    const language = chatLanguage(chat, defaultLanguage);
    const zone = chatTimeZone(chat, defaultTimezone);
    // An article's alert is labelled with the reader's own place; a text alert with its topic.
    const index = this.options.topics.index();
    const place = article
      ? index.labelTopicForReader(
          chat.followedTopicIds.flatMap((t) => index.get(t) ?? []),
          topics,
        )
      : undefined;
    // A chat reached by a watched word only is told which (the article's own place labels it).
    const key = renderingKey(language, zone, place, chat.watched);
    let message = rendered.get(key);
    if (!message) {
      message = renderAlert(
        { ...this.content(alert, place ? [place] : topics, article, language), watched: chat.watched },
        language,
        zone,
        this.options.i18n,
      );
      rendered.set(key, message);
    }
    return { key, message };
  }

  private content(
    alert: AlertRecord,
    topics: readonly Topic[],
    article: ArticleRecord | undefined,
    language: Language,
  ): AlertContent {
    const index = this.options.topics.index();
    // The most specific place: Mayadin rather than Deir ez-Zor or Syria.
    const place = [...topics].sort((a, b) => b.depth - a.depth)[0];
    return {
      topicName: place ? index.name(place, language) : undefined,
      text: alert.text ?? undefined,
      article,
      at: alert.confirmedAt ?? this.options.clock(),
      readLink: this.readLinkOf(article),
      photo: alert.photo ?? article?.image ?? undefined,
    };
  }

  private readLinkOf(article: ArticleRecord | undefined): string | undefined {
    const username = this.options.botUsername?.();
    return article && !article.url && username ? readLink(username, article.id) : undefined;
  }

  /** What a reader with this language and zone gets for the alert. */
  private render(alert: AlertRecord, language: Language, zone: string): Message {
    const { topics, article } = this.subject(alert);
    return renderAlert(this.content(alert, topics, article, language), language, zone, this.options.i18n);
  }

  /** How many readers have a copy of an alert of this article (what a correction would edit): counted, not loaded. */
  correctable(articleId: number): number {
    const { store } = this.options;
    let copies = 0;
    for (const alert of store.alerts.sentForArticle(articleId))
      copies += store.outbox.deliveredCount(refOf(alert.id));
    return copies;
  }

  /**
   * How a chat's copy of an alert of `article` renders now: its language, zone, own place (the label) and, for a
   * chat following none of the places, the watched word that brought it (as the fan-out picks them). Undefined for a
   * chat that is gone or inactive.
   */
  private copyRendering(
    chatId: number,
    topics: readonly Topic[],
    watched: readonly string[],
  ):
    | { key: string; language: Language; zone: string; place: Topic | undefined; watched?: string }
    | undefined {
    const { store, defaultLanguage, defaultTimezone } = this.options;
    const chat = store.chats.find(chatId);
    if (!chat?.active) return undefined;
    const index = this.options.topics.index();
    const language = chatLanguage(chat, defaultLanguage);
    const zone = chatTimeZone(chat, defaultTimezone);
    const followed = store.subscriptions.topicIds(chat.id).flatMap((t) => index.get(t) ?? []);
    const place = index.labelTopicForReader(followed, topics);
    const word = place ? undefined : this.options.audience.watchedBy(chat.id, watched);
    return {
      key: renderingKey(language, zone, place, word),
      language,
      zone,
      place,
      ...(word ? { watched: word } : {}),
    };
  }

  /**
   * An editor edited the article (its /post message): every alert of it still going out carries the new text from
   * now on. Its fan-out renders the chats it has yet to enqueue from the new text (under a new body version), and
   * the rows enqueued but not yet begun are re-pointed to the new text's bodies, a page at a time; a copy already
   * sent, or on the wire now, keeps the old text until the editor corrects it (correct()).
   */
  async articleEdited(articleId: number): Promise<EditOutcome> {
    const { store } = this.options;
    const alerts = store.alerts.sentForArticle(articleId);
    const article = store.articles.get(articleId);
    let renewed = 0;
    let sending = false;
    for (const alert of alerts) {
      const ref = refOf(alert.id);
      const fanout = this.fanouts.get(alert.id);
      if (fanout && article) {
        fanout.article = article;
        fanout.rendered = new Map();
        fanout.version = versionOf(article);
      }
      if (!article || (!fanout && !alert.fanout && !store.outbox.unfinished(ref))) continue;
      sending = true;
      renewed += await this.renew(alert, article);
    }
    let delivered = 0;
    for (const alert of alerts) delivered += store.outbox.deliveredCount(refOf(alert.id));
    return { alerts: alerts.length, delivered, renewed, sending };
  }

  /** Re-points an alert's rows not yet begun to the edited article's text; returns how many. */
  private async renew(alert: AlertRecord, article: ArticleRecord): Promise<number> {
    const { store } = this.options;
    const ref = refOf(alert.id);
    const topics = this.options.audience.routingTopics(article.id);
    const watched = this.options.audience.alertWatched(articleText(article));
    const version = versionOf(article);
    const rendered = new Map<string, Message>();
    let renewed = 0;
    for (let after = 0; ; ) {
      const rows = store.outbox.unsent(ref, after, CORRECT_PAGE);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.id ?? after;
      const groups = new Map<string, { bodyKey: string; message: Message; ids: number[] }>();
      for (const row of rows) {
        const copy = this.copyRendering(row.chatId, topics, watched);
        if (!copy) continue;
        let group = groups.get(copy.key);
        if (!group) {
          let message = rendered.get(copy.key);
          if (!message) {
            const content = this.content(alert, copy.place ? [copy.place] : topics, article, copy.language);
            message = renderAlert(
              { ...content, watched: copy.watched },
              copy.language,
              copy.zone,
              this.options.i18n,
            );
            rendered.set(copy.key, message);
          }
          group = { bodyKey: `${ref}|${version}${copy.key}`, message, ids: [] };
          groups.set(copy.key, group);
        }
        group.ids.push(row.id);
      }
      renewed += store.outbox.replaceBodies([...groups.values()]);
      if (rows.length < CORRECT_PAGE) break;
      await yieldToLoop();
    }
    return renewed;
  }

  /**
   * Corrects every delivered copy of the article's alerts to read as the article does now: one outbox row per copy
   * (message kind "edit", editing the copy's own message ids), in the reader's language, zone, place label and
   * watched word as the alert was rendered, paced like any delivery (edits at the free rate). The copies are walked
   * a page at a time with a turn of the event loop between pages. `version` names this correction (the article's
   * edit count): a second press of the same button enqueues nothing for the copies it covered.
   */
  async correct(articleId: number, version: number): Promise<CorrectOutcome> {
    const { store, delivery } = this.options;
    const article = store.articles.get(articleId);
    if (!article) return { kind: "gone" };
    const topics = this.options.audience.routingTopics(articleId);
    const watched = this.options.audience.alertWatched(articleText(article));
    let enqueued = 0;
    let candidates = 0;
    for (const alert of store.alerts.sentForArticle(articleId)) {
      const ref = `correct:${alert.id}:${version}`;
      const rendered = new Map<string, EditMessage>();
      for (let after = 0; ; ) {
        const copies = store.outbox.deliveredCopies(refOf(alert.id), after, CORRECT_PAGE);
        if (copies.length === 0) break;
        after = copies[copies.length - 1]?.id ?? after;
        const rows = copies.flatMap((copy) => {
          const rendering = this.copyRendering(copy.chatId, topics, watched);
          if (!rendering) return [];
          // A copy sent as a photo has its caption corrected (the picture stays): rendered as a photo, so that the
          // caption is cut where it was; a copy sent as text (or whose photo went as text) has its text corrected.
          const photo = copy.kind === "photo";
          const base = `${rendering.key}|${photo ? "p" : "t"}`;
          let fresh = rendered.get(base);
          if (!fresh) {
            const { language, zone, place } = rendering;
            const content = this.content(alert, place ? [place] : topics, article, language);
            fresh = editMessage(
              renderAlert(
                { ...content, watched: rendering.watched, photo: photo ? (content.photo ?? "-") : undefined },
                language,
                zone,
                this.options.i18n,
              ),
            );
            rendered.set(base, fresh);
          }
          // The new text needs fewer messages than the copy has: the copy's surplus parts say it was corrected
          // above, instead of keeping the old text's end.
          const surplus = copy.messageIds.length - fresh.parts.length;
          const key = surplus > 0 ? `${base}|n:${copy.messageIds.length}` : base;
          let message = rendered.get(key);
          if (!message) {
            const note = {
              caption: false,
              html: this.options.i18n.t(rendering.language, "alert-corrected-above"),
            };
            message = { ...fresh, parts: [...fresh.parts, ...Array.from({ length: surplus }, () => note)] };
            rendered.set(key, message);
          }
          return [
            {
              chatId: copy.chatId,
              purpose: "alert" as const,
              ref,
              dedupeKey: ref,
              message,
              bodyKey: `${ref}|${key}`,
              editOf: copy.id,
            },
          ];
        });
        candidates += rows.length;
        enqueued += store.db.transaction(() => delivery.enqueue(rows))();
        if (copies.length < CORRECT_PAGE) break;
        await yieldToLoop();
      }
    }
    if (enqueued > 0) return { kind: "correcting", enqueued };
    return { kind: candidates > 0 ? "corrected-already" : "none-delivered" };
  }

  recent(limit = 10): AlertRecord[] {
    return this.options.store.alerts.recent(limit);
  }

  progress(id: number): AlertProgress {
    const progress = alertProgress(this.options.delivery.progress(refOf(id)));
    const alert = this.options.store.alerts.get(id);
    // While its audience is still being enqueued, the total is the chats counted after Send (unknown until then),
    // and it is not done.
    if (alert?.fanout) {
      const { total } = progress;
      return {
        ...progress,
        total: alert.recipients === null ? undefined : Math.max(total ?? 0, alert.recipients),
        done: false,
      };
    }
    if (progress.done) return progress;
    const waiting = this.options.store.outbox.waiting(refOf(id)).count;
    return waiting > 0 ? { ...progress, waiting } : progress;
  }

  /** Every chat of the alert is enqueued and none is waiting: its last figures are due now. */
  private allSent(id: number): boolean {
    return !this.fanouts.has(id) && !this.options.store.outbox.unfinished(refOf(id));
  }

  /** The sender reports progress for a ref: alerts' status messages follow it. */
  noteProgress(ref: string): void {
    const match = /^alert:(\d+)$/.exec(ref);
    // The last message is reported at once: a status that still says "sent to 0 of 2" for the rest of the
    // interval after both chats got the alert tells the editor something false.
    if (match) this.watch(Number(match[1]), this.allSent(Number(match[1])));
  }

  /** At start: alerts a stop interrupted are watched again (and auto-alerts caught up). */
  resume(): void {
    for (const alert of this.options.store.alerts.sending()) {
      if (alert.fanout) this.resumeFanout(alert);
      this.watch(alert.id);
    }
    this.autoAlertSafely();
    this.autoAlertTimer = setInterval(() => this.autoAlertSafely(), AUTO_ALERT_CHECK_MS);
    this.autoAlertTimer.unref();
  }

  /** autoAlert from a timer: a failure (the database locked or full) is logged and tried at the next check. */
  autoAlertSafely(): void {
    try {
      this.autoAlert();
    } catch (error) {
      this.options.logger.error({ err: error }, "auto-alerts failed; trying again at the next check");
    }
  }

  /**
   * Reports an alert's progress: now (`immediate`) or when the status interval since the last report has
   * passed; then again every interval until it is done — rows can end without a progress event (a chat
   * that blocked the bot drops its other rows, /stop deletes them), so the status never waits on events
   * alone. One report at a time per alert, so edits of its status message never overtake each other.
   */
  private watch(id: number, immediate = false): void {
    if (this.stopped) return;
    const interval = this.options.statusIntervalMs ?? STATUS_INTERVAL_MS;
    let w = this.watches.get(id);
    if (!w) {
      w = { lastReport: immediate ? 0 : this.options.clock(), busy: false };
      this.watches.set(id, w);
    }
    if (w.busy || (w.timer && !immediate)) return;
    clearTimeout(w.timer);
    if (immediate) w.lastReport = 0;
    const watch = w;
    watch.timer = setTimeout(
      () => {
        watch.timer = undefined;
        void this.reportSafely(id, watch);
      },
      Math.max(0, watch.lastReport + interval - this.options.clock()),
    );
  }

  /** A report from its timer: a failure (the database locked or full) is logged and the report tried again. */
  private async reportSafely(id: number, w: Watch): Promise<void> {
    try {
      await this.report(id, w);
    } catch (error) {
      w.busy = false;
      w.lastReport = this.options.clock();
      this.options.logger.error(
        { err: error, alert: id },
        "could not report an alert's progress; trying again",
      );
      this.watch(id);
    }
  }

  private async report(id: number, w: Watch): Promise<void> {
    const { store, logger } = this.options;
    const alert = store.alerts.get(id);
    if (alert?.status !== "sending") {
      this.watches.delete(id);
      return;
    }
    w.busy = true;
    w.lastReport = this.options.clock();
    const progress = this.progress(id);
    if (progress.done) {
      store.alerts.markDone(id, progress.sent, progress.failed, progress.blocked);
      logger.info({ alert: id, ...progress }, "alert delivered");
    } else {
      store.alerts.updateCounts(id, progress.sent, progress.failed, progress.blocked);
    }
    try {
      await this.options.status?.show(store.alerts.get(id) as AlertRecord, progress);
    } catch (error) {
      logger.warn({ err: error, alert: id }, "could not update an alert's status message");
    } finally {
      w.busy = false;
    }
    if (progress.done) this.watches.delete(id);
    else {
      // All that is left waits for readers' quiet hours: the next report when the first of it falls due, not
      // every few seconds all night.
      // Not asked while its audience is still being enqueued (a scan of its rows: ~70 ms at a million, every
      // report): more chats are to come then, so not all that is left waits.
      const { count, until } = this.fanouts.has(id)
        ? { count: 0, until: undefined }
        : store.outbox.waiting(refOf(id));
      const interval = this.options.statusIntervalMs ?? STATUS_INTERVAL_MS;
      if (
        count > 0 &&
        until !== undefined &&
        count === (progress.total ?? 0) - progress.sent - progress.failed - progress.blocked
      )
        w.lastReport = until - interval;
      // Finished while this report was in flight: the final figures now, not an interval later.
      this.watch(id, this.allSent(id));
    }
  }

  /** Stops the status timers (the outbox keeps the alerts; resume() picks them up at the next start). */
  stop(): void {
    this.stopped = true;
    clearInterval(this.autoAlertTimer);
    for (const f of this.fanouts.values()) {
      clearImmediate(f.next);
      clearTimeout(f.retry);
      clearImmediate(f.countNext);
      clearTimeout(f.countRetry);
    }
    this.fanouts.clear();
    for (const w of this.watches.values()) clearTimeout(w.timer);
    this.watches.clear();
  }
}
