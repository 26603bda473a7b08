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
import type { DigestRecipe, Message } from "../text/message";
import type { TopicService } from "../topics/service";
import { DigestComposer } from "./compose";
import { DigestRenderer } from "./render";

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
  /** The sender's: renders each digest as it is sent, from the articles as they are then. */
  private readonly renderer: DigestRenderer;

  constructor(private readonly options: DigestServiceOptions) {
    const { store, topics, i18n, clock } = options;
    this.renderer = new DigestRenderer({
      index: () => topics.index(),
      i18n,
      articles: (ids) => store.digests.articlesByIds(ids),
      readLink: () => {
        const username = options.botUsername?.();
        return username ? (id: number) => readLink(username, id) : undefined;
      },
      clock,
    });
  }

  /** A digest's messages as the sender sends them (undefined: every article it shows was deleted since). */
  render(recipe: DigestRecipe): Message | undefined {
    return this.renderer.render(recipe);
  }

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
      watched: audience.watchedBetween(afterId, throughId),
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
    // A reader slot (a time readers chose for their own digest) goes to the readers who chose it; it is an own-topics
    // digest like any other, so the shared mark keeps an article to one digest whichever schedule runs first.
    const slot = schedule.readerSlot ? schedule.id : undefined;
    const size = this.options.chunkSize ?? CHUNK;
    // Readers are read a chunk at a time by id, with their marks and topics in the chunk's range of ids: a run never
    // holds its whole audience, nor every reader's topics and marks (issue 16, memory). A chat that becomes a reader
    // while the run goes on is in it if its id comes after the chunks already done.
    const chunks = function* () {
      for (let after = Number.MIN_SAFE_INTEGER; ; ) {
        const chunk = audience.digestRecipientsAfter(after, size, slot);
        const first = chunk[0]?.id;
        const last = chunk.at(-1)?.id;
        if (first === undefined || last === undefined) return;
        after = last;
        yield { chunk, first, last };
      }
    };
    const lookback = clock() - LOOKBACK_MS;
    const created = Math.max(schedule.createdAt, lookback);
    // The window's start: the lowest own mark among the readers (0 for one without), read chunk by chunk.
    let lowestOwn = run.throughId;
    let anyOwn = false;
    let readers = 0;
    for (const { chunk, first, last } of chunks()) {
      readers += chunk.length;
      const own = store.digests.marksBetween(0, first, last);
      for (const reader of chunk) {
        const mark = own.get(reader.id);
        if (mark !== undefined) anyOwn = true;
        lowestOwn = Math.min(lowestOwn, mark ?? 0);
      }
    }
    const notBefore = scope === 0 && anyOwn ? lookback : created;
    const afterId = this.windowStart([lowestOwn], run.throughId, notBefore);
    const composer = this.composerFor(afterId, run.throughId, notBefore, dueAt);
    const scopeTopic =
      schedule.topicId === null ? undefined : this.options.topics.index().get(schedule.topicId);

    const ref = `digest:${run.id}`;
    // Quiet hours: a digest due in a reader's quiet hours waits for their end (the policy says when, from the time
    // the run started: once per zone and end hour for the whole run).
    const sending = audience.sendingFor(clock(), "digest");
    let enqueued = 0;
    for (const { chunk, first, last } of chunks()) {
      if (this.stopping) return { runId: run.id, ran: true, stopped: true, enqueued, readers };
      store.db.transaction(() => {
        const own = store.digests.marksBetween(0, first, last);
        // Where each reader is in this run's scope: a reader at or past the run's last article is done (a restart).
        const progress = scope === 0 ? own : store.digests.marksBetween(scope, first, last);
        const followed = audience.followedTopicsBetween(first, last);
        const notBeforeOf = (chatId: number) => (scope === 0 && own.has(chatId) ? lookback : created);
        // Read inside the transaction, chunk by chunk: an alert sent while the run goes on is left out too.
        const excluded = audience.digestExclusions(
          chunk.map((r) => r.id),
          afterId,
          run.throughId,
          followed,
        );
        const muted = audience.digestMutes(
          chunk.map((r) => r.id),
          afterId,
          run.throughId,
        );
        // Watched words come in the digests of a reader's own topics (docs/audience.md, rule 8).
        const watches = scope === 0 ? audience.digestWatches(chunk.map((r) => r.id)) : undefined;
        const messages: OutboxMessage[] = [];
        const done: number[] = [];
        for (const reader of chunk) {
          const at = progress.get(reader.id);
          if (at !== undefined && at >= run.throughId) continue; // done before a restart, or nothing new
          done.push(reader.id);
          const timeZone = chatTimeZone(reader, defaultTimezone);
          const digest = composer.compose({
            language: chatLanguage(reader, this.options.defaultLanguage),
            timeZone,
            routes: audience.digestRoutes(followed.get(reader.id) ?? [], scopeTopic),
            watches: watches?.get(reader.id),
            afterId: own.get(reader.id) ?? 0,
            notBefore: notBeforeOf(reader.id),
            excluded: excluded.get(reader.id),
            muted: muted.get(reader.id),
          });
          if (!digest) continue;
          messages.push({
            chatId: reader.id,
            purpose: "digest",
            ref,
            dedupeKey: ref,
            message: digest.recipe,
            // Readers with the same content share one stored body (docs/delivery.md, "Bodies"): keyed only once
            // a second reader gets it (a key costs an index lookup per row, wasted on the many unique digests).
            ...(digest.shared ? { bodyKey: `${ref}|${digest.key}` } : {}),
            ...sending(reader, timeZone),
          });
          if (scope !== 0) audience.recordShown(reader.id, digest.shown, ref);
        }
        enqueued += delivery.enqueue(messages);
        store.digests.mark(scope, run.id, run.throughId, done);
      })();
      await yieldToLoop();
    }
    store.digests.finishRun(run.id, enqueued);
    logger.info({ schedule: scheduleId, run: run.id, readers, enqueued }, "digest run done");
    return { runId: run.id, ran: true, stopped: false, enqueued, readers };
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
      routes: audience.digestRoutes(audience.followedTopicsOf(chatId), scopeTopic),
      // Watched words come in digests of the reader's own topics only, as in run (docs/audience.md, rule 8).
      watches: scope === 0 ? audience.digestWatches([chatId]).get(chatId) : undefined,
      afterId: mark ?? 0,
      notBefore,
      excluded: audience.digestExclusions([chatId], afterId, throughId).get(chatId),
      muted: audience.digestMutes([chatId], afterId, throughId).get(chatId),
    });
    const message = digest && composer.render(digest.recipe);
    return message ? { kind: "digest", message } : { kind: "empty" };
  }
}
