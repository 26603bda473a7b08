// The sender: drains the outbox, alerts before digests, within Telegram's limits, surviving 429s,
// 5xx, network failures, blocked readers, migrated groups and crashes.
import type { Api } from "grammy";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store";
import type { OutboxRow, SentRecord } from "../store/outbox";
import { type DigestRecipe, type Message, partCount } from "../text/message";
import { classifySendError } from "./errors";
import { chatGap, type FloodScope, type RateLimiter } from "./limiter";
import type { PhotoFiles } from "./photos";
import { canSend, type SendContext, sendPart } from "./send";

/** Transient failures (5xx, network) a message survives before it is marked failed. */
export const MAX_ATTEMPTS = 8;
/** Rows looked at per pass, beyond the free places in flight (rows of busy chats are skipped). */
const LOOKAHEAD = 200;
/** How often the outbox is looked at when nothing woke the sender (rows written by another process). */
const IDLE_POLL_MS = 500;
/** Rows answered within this long are recorded sent in one transaction. */
const SENT_BATCH_MS = 10;
/** How long the sender waits before trying again a pass or a 'sent' write the database refused. */
const PASS_RETRY_MS = 1000;

/** What the sender reports, for metrics and live progress. */
export interface SenderEvents {
  sent?(row: OutboxRow, latencyMs: number): void;
  failed?(row: OutboxRow, error: string): void;
  dropped?(row: Pick<OutboxRow, "purpose" | "ref">, error: string): void;
  /** A 429: which pause it caused (one chat, or all sending). */
  flood?(retryAfterMs: number, scope: FloodScope): void;
  /** Any row of this ref changed state (sent, failed, dropped). */
  progress?(ref: string): void;
  /** The database refused a pass or a write; the sender tries again. */
  error?(error: unknown): void;
}

export interface SenderOptions {
  api: Api;
  store: Store;
  limiter: RateLimiter;
  clock: Clock;
  logger: Logger;
  /** Messages in flight at once; enough to reach the rate despite network latency. */
  concurrency: number;
  paidBroadcast: boolean;
  events?: SenderEvents;
  /** Photos' file_ids: one upload per picture for the whole audience (src/delivery/photos.ts). */
  photos?: PhotoFiles | undefined;
  /**
   * Renders a digest's recipe as the row is sent (src/digest/render.ts); undefined when none of its articles is
   * left. Without it, a recipe is a kind this sender cannot send.
   */
  render?: Render | undefined;
}

type Render = (recipe: DigestRecipe) => Message | undefined;

export class Sender {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Ends waits that stop() should not sit out (the gap before a message's next part). */
  private readonly stopping = new Set<() => void>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly busyChats = new Set<number>();
  /** Rows answered whose 'sent' is not written yet (see recordSent). */
  private answered: { record: SentRecord; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly options: SenderOptions) {}

  /** Queues again what a crash left half-sent, then drains until stopped. */
  start(): void {
    if (this.running) return;
    const recovered = this.options.store.outbox.recover();
    if (recovered > 0)
      this.options.logger.warn({ recovered }, "outbox rows left sending by a crash are queued again");
    this.running = true;
    this.loop = this.run();
  }

  /** Looks at the outbox now (call after enqueueing). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops taking rows and waits for the messages in flight. */
  async stop(): Promise<void> {
    this.running = false;
    for (const end of this.stopping) end();
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight.values());
  }

  /** Passes over the outbox until stopped; a pass that fails (the database locked or full) is tried again. */
  private async run(): Promise<void> {
    while (this.running) {
      let pause: number;
      try {
        pause = this.pass();
      } catch (error) {
        this.options.logger.error(
          { err: error },
          "the sender could not read or claim the outbox; trying again",
        );
        this.options.events?.error?.(error);
        pause = PASS_RETRY_MS;
      }
      if (pause > 0) await this.idle(pause);
    }
  }

  /**
   * Claims the rows that can go now and dispatches them; returns how long to sleep before the next pass (0:
   * look again at once).
   */
  private pass(): number {
    const { store, concurrency, clock, limiter } = this.options;
    let claimed = 0;
    let blockedByChat = false;
    let earliestChatReady = Number.POSITIVE_INFINITY;
    const free = concurrency - this.inFlight.size;
    if (free > 0) {
      const now = clock();
      const picked = new Set<number>();
      const inactive = new Set<number>();
      const rows = store.outbox.scanDue(free + LOOKAHEAD, (chatId, chatActive) => {
        if (picked.size >= free) return "stop";
        // One message at a time per chat keeps parts and messages in order.
        if (this.busyChats.has(chatId) || picked.has(chatId)) {
          blockedByChat = true;
          return false;
        }
        // A reader who blocked the bot is not written to again until they write to it.
        if (!chatActive) {
          inactive.add(chatId);
          return false;
        }
        const ready = limiter.chatReady(chatId);
        if (ready > now) {
          earliestChatReady = Math.min(earliestChatReady, ready);
          return false;
        }
        picked.add(chatId);
        return true;
      });
      for (const chatId of inactive) this.dropChat(chatId, "chat inactive");
      if (!this.running) return 0;
      // Claimed in one transaction: every row is 'sending' before its call.
      for (const row of store.outbox.claimMany(rows)) {
        this.dispatch(row);
        claimed++;
      }
    }
    if (claimed > 0 && this.inFlight.size < concurrency) return 0;
    // Sleep until something can change: a send completes (dispatch wakes us), a chat's gap ends,
    // a queued row falls due, or another process may have written rows (IDLE_POLL_MS). A row that is
    // due but waits for its busy chat is no reason to look again before a send completes.
    const now = clock();
    let until = Math.min(earliestChatReady, now + IDLE_POLL_MS);
    const nextDue = store.outbox.nextDueAt();
    if (nextDue !== undefined && (nextDue > now || !(blockedByChat || this.inFlight.size >= concurrency))) {
      until = Math.min(until, nextDue);
    }
    return Math.max(1, until - now);
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wakeUp === done) self.wakeUp = undefined;
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private dispatch(row: OutboxRow): void {
    this.busyChats.add(row.chatId);
    const task = this.deliver(row)
      .catch((error) =>
        this.options.logger.error({ err: error, row: row.id }, "outbox row crashed the sender"),
      )
      .finally(() => {
        this.busyChats.delete(row.chatId);
        this.inFlight.delete(row.id);
        // Refill in batches: with many messages in flight, wait until a quarter of the places are free.
        const { concurrency } = this.options;
        if (concurrency < 8 || this.inFlight.size <= concurrency - concurrency / 4) this.wake();
      });
    this.inFlight.set(row.id, task);
  }

  /**
   * Records a row as sent together with the others answered within SENT_BATCH_MS: one commit for
   * many rows. Until then the row stays 'sending' and keeps its place in flight, so a crash repeats
   * no more than the messages in flight, as before.
   */
  private recordSent(record: SentRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.answered.length === 0) setTimeout(() => this.flushSent(), SENT_BATCH_MS);
      this.answered.push({ record, resolve, reject });
    });
  }

  /**
   * Writes the answered rows' 'sent'. When the write fails (the database locked past its timeout, the disk
   * full), the messages are out already: the rows stay 'sending' in flight and the write is tried again every
   * PASS_RETRY_MS, so that no restart sends them twice; after stop() it is given up (the next start queues them
   * again: at most the messages in flight repeated, as after a crash).
   */
  private flushSent(): void {
    const batch = this.answered;
    this.answered = [];
    try {
      this.options.store.outbox.sentMany(batch.map((b) => b.record));
    } catch (error) {
      if (!this.running) {
        for (const b of batch) b.reject(error);
        return;
      }
      this.options.logger.error(
        { err: error, rows: batch.length },
        "could not record sent messages; trying again",
      );
      this.options.events?.error?.(error);
      if (this.answered.length === 0) setTimeout(() => this.flushSent(), PASS_RETRY_MS);
      this.answered.unshift(...batch);
      return;
    }
    for (const b of batch) b.resolve();
  }

  /** Waits `ms`, or less if the sender is stopped meanwhile. */
  private unlessStopped(ms: number): Promise<void> {
    if (ms <= 0 || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.stopping.delete(end);
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.stopping.add(end);
    });
  }

  /** Drops a chat's unsent rows, reporting each (metrics) and each ref once (alerts' status). */
  private dropChat(chatId: number, reason: string): void {
    const { store, events } = this.options;
    const dropped = store.outbox.dropForChat(chatId, reason);
    for (const row of dropped) events?.dropped?.(row, reason);
    for (const ref of new Set(dropped.map((r) => r.ref))) events?.progress?.(ref);
  }

  private sendContext(row: OutboxRow): SendContext {
    const { photos, logger } = this.options;
    return {
      photos,
      editTargets: row.editTargets,
      photoRefused: (description) =>
        logger.warn({ row: row.id, ref: row.ref, error: description }, "photo refused; sent as text instead"),
    };
  }

  /**
   * A digest's recipe rendered now, from the articles as they are (one deleted since the run is left out). A
   * recipe with nothing left fails, said why: undefined then.
   */
  private rendered(row: OutboxRow, recipe: DigestRecipe, render: Render): Message | undefined {
    const { store, events, logger } = this.options;
    let message: Message | undefined;
    let error = "nothing left to send: every article of this digest was deleted since its run";
    try {
      message = render(recipe);
    } catch (thrown) {
      // A recipe this build cannot render would throw at every claim: failed once, said why.
      error = `digest could not be rendered: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    }
    if (message) return message;
    store.outbox.fail(row.id, error);
    events?.failed?.(row, error);
    events?.progress?.(row.ref);
    logger.info({ row: row.id, ref: row.ref }, error);
    return undefined;
  }

  /** Sends a row's remaining parts in order; records each part as it goes. */
  private async deliver(claimed: OutboxRow): Promise<void> {
    const { api, store, limiter, clock, logger, events, paidBroadcast, render } = this.options;
    const stored = claimed.message;
    const message = stored.kind === "digest" && render ? this.rendered(claimed, stored, render) : stored;
    if (message === undefined) return;
    if (!canSend(message)) {
      // Written by a newer Nashra (a kind this one cannot send): failed, never retried, the rest goes on.
      const error = `message of unknown kind ${JSON.stringify(message.kind)}`;
      store.outbox.fail(claimed.id, error);
      events?.failed?.(claimed, error);
      events?.progress?.(claimed.ref);
      logger.error({ row: claimed.id, error }, "outbox row this build cannot send");
      return;
    }
    const row = { ...claimed, message };
    const parts = partCount(row.message);
    const messageIds = [...row.messageIds];
    const gap = chatGap(row.chatType, row.chatId);
    for (let part = row.partsSent; part < parts; part++) {
      if (part > row.partsSent) {
        // A later part waits for the chat's gap (seconds in a group): a stop does not sit it out, and the rest
        // of the message is sent at the next start (the parts sent are recorded).
        await this.unlessStopped(limiter.chatReady(row.chatId) - clock());
        if (!this.running) {
          store.outbox.retry(row.id, clock(), false, null);
          return;
        }
      }
      // The first upload of a picture goes alone; the others wait for its file_id before taking a slot.
      if (part === 0 && row.message.kind === "photo") await this.options.photos?.settled(row.message.photo);
      // Edits are not paid broadcasts (Telegram's edit methods take no allow_paid_broadcast): the free rate.
      const paid = paidBroadcast && row.message.kind !== "edit";
      await limiter.acquire(row.chatId, gap, paid ? "paid" : "free");
      try {
        const sent = await sendPart(
          api,
          row.chatId,
          row.message,
          part,
          {
            ...(paid ? { allow_paid_broadcast: true } : {}),
            // The reader's quiet hours: the message arrives without sound.
            ...(row.silent ? { disable_notification: true } : {}),
          },
          this.sendContext(row),
        );
        messageIds.push(sent.message_id);
        // The last part is recorded with the row's "sent" below: one write per message in the usual case.
        // A digest rendered now keeps that rendering for its next parts (OutboxStore.recordPart).
        if (part + 1 < parts)
          store.outbox.recordPart(row.id, part + 1, messageIds, stored === message ? undefined : message);
      } catch (error) {
        const failure = classifySendError(error);
        switch (failure.kind) {
          case "flood": {
            const scope = limiter.flood(row.chatId, failure.retryAfterMs);
            events?.flood?.(failure.retryAfterMs, scope);
            store.outbox.retry(row.id, clock() + failure.retryAfterMs, false, failure.description);
            logger.warn(
              { retryAfterMs: failure.retryAfterMs, ...(scope === "chat" ? { chat: row.chatId } : {}) },
              scope === "chat" ? "429 for one chat: that chat paused" : "429: all sending paused",
            );
            return;
          }
          case "transient": {
            if (row.attempts + 1 >= MAX_ATTEMPTS) {
              store.outbox.fail(row.id, failure.description);
              events?.failed?.(row, failure.description);
              events?.progress?.(row.ref);
              return;
            }
            // 1 s, 2 s, 4 s … up to 5 minutes, with jitter so a recovering server is not hit all at once.
            const backoff = Math.min(1000 * 2 ** row.attempts, 300_000) * (0.5 + Math.random());
            store.outbox.retry(row.id, clock() + backoff, true, failure.description);
            return;
          }
          case "dead-chat": {
            store.chats.markInactive(row.chatId, failure.description);
            this.dropChat(row.chatId, failure.description);
            logger.info({ chat: row.chatId, reason: failure.description }, "chat is gone; marked inactive");
            return;
          }
          case "migrated": {
            store.chats.migrate(row.chatId, failure.newChatId);
            // The row moved with the chat (ON UPDATE CASCADE); it is sent again to the new id.
            store.outbox.retry(row.id, clock(), false, failure.description);
            return;
          }
          case "permanent": {
            store.outbox.fail(row.id, failure.description);
            events?.failed?.(row, failure.description);
            events?.progress?.(row.ref);
            logger.error({ row: row.id, error: failure.description }, "Telegram refused a message we built");
            return;
          }
        }
      }
    }
    const at = clock();
    await this.recordSent({ id: row.id, partsSent: parts, messageIds, at });
    events?.sent?.(row, at - row.enqueuedAt);
    events?.progress?.(row.ref);
  }
}
