// Digest runs: for one schedule and one due time, compose each reader's digest and enqueue it with the reader's
// new place in the schedule, chunk by chunk, each chunk in one transaction. A run is recorded before it starts
// (schedule, due time: unique), so it is never started twice; a run a stop interrupted is finished at start,
// and since a reader's outbox row and mark are written together, nobody gets a second copy.
import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { Clock } from "../clock";
import type { Delivery } from "../delivery";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { getOrInsert } from "../maps";
import type { Store } from "../store";
import { chatLanguage, type Language } from "../store/chats";
import type { DigestReader, ScheduleRecord } from "../store/digests";
import type { OutboxMessage } from "../store/outbox";
import type { TopicService } from "../topics/service";
import { DigestComposer, type ReaderTopic } from "./compose";

/** A digest never reaches further back than this (a reader back after months gets a week, not a year). */
export const LOOKBACK_MS = 7 * 24 * 3600_000;
/** Readers composed and enqueued per transaction; the event loop gets a turn between chunks. */
const CHUNK = 2000;

export interface DigestServiceOptions {
  store: Store;
  topics: TopicService;
  /** Where runs enqueue (absent for previews only, e.g. the CLI). */
  delivery?: Pick<Delivery, "enqueue"> | undefined;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  defaultTimezone: string;
  /** Readers per transaction (default CHUNK). */
  chunkSize?: number;
}

export interface RunOutcome {
  runId: number;
  /** False when this due time had already run to the end (nothing was done). */
  ran: boolean;
  /** Readers whose digest was enqueued by this call. */
  enqueued: number;
  /** Readers considered. */
  readers: number;
}

/** What a preview shows: the messages, or nothing new. */
export type PreviewOutcome =
  | { kind: "digest"; parts: string[] }
  | { kind: "empty" }
  | { kind: "unknown-chat" };

export class DigestService {
  private stopping = false;

  constructor(private readonly options: DigestServiceOptions) {}

  /** A run in progress stops after its current chunk (it stays 'running' and is finished at the next start). */
  stop(): void {
    this.stopping = true;
  }

  private composerFor(schedule: ScheduleRecord | undefined, afterId: number, throughId: number, at: number) {
    const { store, topics, i18n, clock } = this.options;
    const index = topics.index();
    const notBefore = Math.max(schedule?.createdAt ?? 0, clock() - LOOKBACK_MS);
    const articles = store.digests.articlesBetween(afterId, throughId, notBefore);
    const articleTopics = new Map<number, number[]>();
    for (const [articleId, topicId] of store.digests.articleTopicsBetween(afterId, throughId)) {
      const list = getOrInsert(articleTopics, articleId, () => []);
      list.push(topicId);
    }
    const scope = schedule?.topicId == null ? undefined : index.get(schedule.topicId);
    return new DigestComposer({ index, i18n, articles, articleTopics, scope, notBefore, at });
  }

  private languageOf(reader: DigestReader): Language {
    return chatLanguage(reader, this.options.defaultLanguage);
  }

  /** Runs a schedule for a due time (or finishes the run a stop interrupted). */
  async run(scheduleId: number, dueAt: number): Promise<RunOutcome | undefined> {
    const { store, delivery, logger, defaultTimezone } = this.options;
    if (!delivery) throw new Error("digest runs need a delivery");
    const schedule = store.digests.schedule(scheduleId);
    if (!schedule) return undefined;
    const { run } = store.digests.beginRun(scheduleId, dueAt);
    if (run.status === "done") return { runId: run.id, ran: false, enqueued: 0, readers: 0 };

    const marks = store.digests.marksOf(scheduleId);
    const readers = store.digests.digestReaders();
    // Articles from the oldest place any reader is at (0 for a reader without a mark: bounded by time).
    let afterId = run.throughId;
    for (const r of readers) afterId = Math.min(afterId, marks.get(r.id) ?? 0);
    const composer = this.composerFor(schedule, afterId, run.throughId, dueAt);
    const excluded = new Map<number, Set<number>>();
    for (const [chatId, articleId] of store.digests.deliveredBetween(afterId, run.throughId)) {
      const set = getOrInsert(excluded, chatId, () => new Set());
      set.add(articleId);
    }
    const topicsOf = groupSubscriptions(store.digests.subscriptionRows());

    const ref = `digest:${run.id}`;
    let enqueued = 0;
    const size = this.options.chunkSize ?? CHUNK;
    for (let start = 0; start < readers.length; start += size) {
      if (this.stopping) return { runId: run.id, ran: true, enqueued, readers: readers.length };
      const chunk = readers.slice(start, start + size);
      const messages: OutboxMessage[] = [];
      const done: number[] = [];
      for (const reader of chunk) {
        const mark = marks.get(reader.id);
        if (mark !== undefined && mark >= run.throughId) continue; // done before a restart, or nothing new
        done.push(reader.id);
        const parts = composer.compose({
          language: this.languageOf(reader),
          timeZone: reader.timezone ?? defaultTimezone,
          topics: topicsOf.get(reader.id) ?? [],
          afterId: mark ?? 0,
          excluded: excluded.get(reader.id),
        });
        if (parts) messages.push({ chatId: reader.id, purpose: "digest", ref, dedupeKey: ref, parts });
      }
      store.db.transaction(() => {
        enqueued += delivery.enqueue(messages);
        store.digests.mark(scheduleId, run.id, run.throughId, done);
      })();
      await yieldToLoop();
    }
    store.digests.finishRun(run.id, enqueued);
    logger.info({ schedule: scheduleId, run: run.id, readers: readers.length, enqueued }, "digest run done");
    return { runId: run.id, ran: true, enqueued, readers: readers.length };
  }

  /**
   * What a chat would get now from its own topics (or a schedule's), after its last digest: nothing is
   * enqueued or marked.
   */
  preview(chatId: number, scheduleId?: number): PreviewOutcome {
    const { store, clock, defaultTimezone } = this.options;
    const reader = store.digests.digestReader(chatId);
    if (!reader) return { kind: "unknown-chat" };
    const schedule = scheduleId === undefined ? undefined : store.digests.schedule(scheduleId);
    const afterId =
      (schedule ? store.digests.marksOf(schedule.id).get(chatId) : store.digests.lastMarkOf(chatId)) ?? 0;
    const composer = this.composerFor(schedule, afterId, store.digests.newestArticleId(), clock());
    const excluded = new Set(store.digests.deliveredTo(chatId, afterId));
    const parts = composer.compose({
      language: this.languageOf(reader),
      timeZone: reader.timezone ?? defaultTimezone,
      topics: groupSubscriptions(store.digests.subscriptionRows(chatId)).get(chatId) ?? [],
      afterId,
      excluded,
    });
    return parts ? { kind: "digest", parts } : { kind: "empty" };
  }
}

function groupSubscriptions(rows: readonly [number, number, number][]): Map<number, ReaderTopic[]> {
  const out = new Map<number, ReaderTopic[]>();
  for (const [chatId, topicId, since] of rows) {
    const list = getOrInsert(out, chatId, () => []);
    list.push({ topicId, since });
  }
  return out;
}
