// Digest runs: for one schedule and one due time, compose each reader's digest and enqueue it with the reader's
// new place in the schedule, chunk by chunk, each chunk in one transaction. A run is recorded before it starts
// (schedule, due time: unique), so it is never started twice; a run a stop interrupted is finished at start,
// and since a reader's outbox row and mark are written together, nobody gets a second copy.
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { AudiencePolicy } from "../audience/policy";
import type { Clock } from "../clock";
import type { Delivery } from "../delivery";
import { chatLanguage, chatTimeZone, type Language } from "../domain";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { readLink } from "../render/article";
import type { Store } from "../store";
import type { ScheduleRecord } from "../store/digests";
import type { OutboxMessage } from "../store/outbox";
import type { Message } from "../text/message";
import type { TopicService } from "../topics/service";
import { DigestComposer } from "./compose";

/** A digest never reaches further back than this (a reader back after months gets a week, not a year). */
export const LOOKBACK_MS = 7 * 24 * 3600_000;
/** Readers composed and enqueued per transaction; the event loop gets a turn between chunks. */
const CHUNK = 500;

export interface DigestServiceOptions {
  store: Store;
  topics: TopicService;
  /** Who receives a digest, through which topics, and what it leaves out: the one audience policy. */
  audience: AudiencePolicy;
  /** Where runs enqueue (absent for previews only, e.g. the CLI). */
  delivery?: Pick<Delivery, "enqueue"> | undefined;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  defaultTimezone: string;
  /** Readers per transaction (default CHUNK). */
  chunkSize?: number;
  /** The bot's username once it is known: entries without a link of their own get «📖» to read them in the bot. */
  botUsername?: (() => string | undefined) | undefined;
}

export interface RunOutcome {
  runId: number;
  /** False when this due time had already run to the end (nothing was done). */
  ran: boolean;
  /** The bot is stopping: the run stopped between chunks and will be finished at the next start. */
  stopped: boolean;
  /** Readers whose digest was enqueued by this call. */
  enqueued: number;
  /** Readers considered. */
  readers: number;
}

/** What a preview shows: the messages, or nothing new. */
export type PreviewOutcome =
  | { kind: "digest"; message: Message }
  | { kind: "empty" }
  | { kind: "unknown-chat" }
  /** The chat turned digests off, or blocked the bot: a run sends it nothing. */
  | { kind: "digests-off" | "inactive" };

export class DigestService {
  private stopping = false;

  constructor(private readonly options: DigestServiceOptions) {}

  /** A run in progress stops after its current chunk (it stays 'running' and is finished at the next start). */
  stop(): void {
    this.stopping = true;
  }

  /** Composes from the articles after `afterId` up to `throughId`, ingested at or after `notBefore`. */
  private composerFor(afterId: number, throughId: number, notBefore: number, at: number): DigestComposer {
    const { store, topics, i18n, audience } = this.options;
    const articles = store.digests.articlesBetween(afterId, throughId, notBefore);
    const reach = audience.digestReach(afterId, throughId);
    const username = this.options.botUsername?.();
    return new DigestComposer({
      index: topics.index(),
      i18n,
      articles,
      reach,
      notBefore,
      at,
      ...(username ? { readLink: (id: number) => readLink(username, id) } : {}),
    });
  }

  /**
   * The lowest article id a composition must read: the oldest mark among the readers, floored by the first
   * article ingested since `notBefore` (a reader without a mark, or back after months, is bounded by time).
   */
  private windowStart(marks: Iterable<number>, throughId: number, notBefore: number): number {
    const first = this.options.store.digests.firstArticleSince(notBefore);
    const floor = first === undefined ? throughId : first - 1;
    let afterId = throughId;
    for (const m of marks) afterId = Math.min(afterId, m);
    return Math.max(afterId, floor);
  }

  /**
   * Runs a schedule for a due time (or finishes the run a stop interrupted).
   *
   * Once per reader, across schedules: every digest of a reader's own topics continues from the reader's own
   * mark (shared by all such schedules; a reader without one starts at this schedule's creation), and leaves
   * out what reached them as an alert or in a topic digest (`article_deliveries`). A topic digest (a schedule
   * with a topic) starts at its schedule's creation, after the own mark (own digests covered everything the
   * reader follows up to it), leaves out the same, and records what it showed in `article_deliveries`.
   */
  async run(scheduleId: number, dueAt: number): Promise<RunOutcome | undefined> {
    const { store, delivery, audience, logger, defaultTimezone, clock } = this.options;
    if (!delivery) throw new Error("digest runs need a delivery");
    const schedule = store.digests.schedule(scheduleId);
    if (!schedule) return undefined;
    const { run } = store.digests.beginRun(scheduleId, dueAt);
    if (run.status === "done") return { runId: run.id, ran: false, stopped: false, enqueued: 0, readers: 0 };

    const scope = schedule.topicId ?? 0;
    const own = store.digests.marksOf(0);
    // Where each reader is in this run's scope: a reader at or past the run's last article is done (a restart).
    const progress = scope === 0 ? own : store.digests.marksOf(scope);
    const readers = audience.digestRecipients();
    const lookback = clock() - LOOKBACK_MS;
    const created = Math.max(schedule.createdAt, lookback);
    const notBeforeOf = (chatId: number) => (scope === 0 && own.has(chatId) ? lookback : created);
    const notBefore = scope === 0 && readers.some((r) => own.has(r.id)) ? lookback : created;
    const afterId = this.windowStart(
      readers.map((r) => own.get(r.id) ?? 0),
      run.throughId,
      notBefore,
    );
    const composer = this.composerFor(afterId, run.throughId, notBefore, dueAt);
    const scopeTopic =
      schedule.topicId === null ? undefined : this.options.topics.index().get(schedule.topicId);
    const followed = audience.followedTopics();

    const ref = `digest:${run.id}`;
    let enqueued = 0;
    const size = this.options.chunkSize ?? CHUNK;
    for (let start = 0; start < readers.length; start += size) {
      if (this.stopping)
        return { runId: run.id, ran: true, stopped: true, enqueued, readers: readers.length };
      const chunk = readers.slice(start, start + size);
      store.db.transaction(() => {
        // Read inside the transaction, chunk by chunk: an alert sent while the run goes on is left out too.
        const excluded = audience.digestExclusions(
          chunk.map((r) => r.id),
          afterId,
          run.throughId,
        );
        const messages: OutboxMessage[] = [];
        const done: number[] = [];
        for (const reader of chunk) {
          const at = progress.get(reader.id);
          if (at !== undefined && at >= run.throughId) continue; // done before a restart, or nothing new
          done.push(reader.id);
          const digest = composer.compose({
            language: chatLanguage(reader, this.options.defaultLanguage),
            timeZone: chatTimeZone(reader, defaultTimezone),
            routes: audience.digestRoutes(followed.get(reader.id) ?? [], scopeTopic),
            afterId: own.get(reader.id) ?? 0,
            notBefore: notBeforeOf(reader.id),
            excluded: excluded.get(reader.id),
          });
          if (!digest) continue;
          messages.push({
            chatId: reader.id,
            purpose: "digest",
            ref,
            dedupeKey: ref,
            message: digest.message,
            // Readers with the same content share one stored body (docs/delivery.md, "Bodies"): keyed only once
            // a second reader gets it (a key costs an index lookup per row, wasted on the many unique digests).
            ...(digest.shared ? { bodyKey: `${ref}|${digest.key}` } : {}),
          });
          if (scope !== 0) audience.recordShown(reader.id, digest.shown, ref);
        }
        enqueued += delivery.enqueue(messages);
        store.digests.mark(scope, run.id, run.throughId, done);
      })();
      await yieldToLoop();
    }
    store.digests.finishRun(run.id, enqueued);
    logger.info({ schedule: scheduleId, run: run.id, readers: readers.length, enqueued }, "digest run done");
    return { runId: run.id, ran: true, stopped: false, enqueued, readers: readers.length };
  }

  /**
   * What a chat would get now from `schedule`'s next run, composed as that run would compose it: after the
   * chat's previous digest, from the schedule's creation for a chat that never had one, within the schedule's
   * place if it has one, without what reached the chat otherwise. Nothing is enqueued or marked. Without a
   * schedule: a digest of the chat's own places over the look-back window (no run would send it).
   */
  preview(chatId: number, schedule?: ScheduleRecord): PreviewOutcome {
    const { store, audience, clock, defaultTimezone } = this.options;
    const chat = store.chats.find(chatId);
    if (!chat) return { kind: "unknown-chat" };
    if (!chat.active) return { kind: "inactive" };
    if (!chat.digestsEnabled) return { kind: "digests-off" };
    const mark = store.digests.marksOfChat(chatId).get(0);
    const lookback = clock() - LOOKBACK_MS;
    const scope = schedule?.topicId ?? 0;
    // As in run: own digests continue from the chat's mark, else (and topic digests always) from the creation.
    const notBefore =
      !schedule || (scope === 0 && mark !== undefined) ? lookback : Math.max(schedule.createdAt, lookback);
    const throughId = store.digests.newestArticleId();
    if (scope !== 0 && (store.digests.marksOfChat(chatId).get(scope) ?? -1) >= throughId)
      return { kind: "empty" };
    const afterId = this.windowStart([mark ?? 0], throughId, notBefore);
    const composer = this.composerFor(afterId, throughId, notBefore, clock());
    const scopeTopic = scope === 0 ? undefined : this.options.topics.index().get(scope);
    const digest = composer.compose({
      language: chatLanguage(chat, this.options.defaultLanguage),
      timeZone: chatTimeZone(chat, defaultTimezone),
      routes: audience.digestRoutes(audience.followedTopics(chatId).get(chatId) ?? [], scopeTopic),
      afterId: mark ?? 0,
      notBefore,
      excluded: audience.digestExclusions([chatId], afterId, throughId).get(chatId),
    });
    return digest ? { kind: "digest", message: digest.message } : { kind: "empty" };
  }
}
