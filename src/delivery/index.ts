// Delivery: the one way alerts and digests reach readers (enqueue into the outbox; the sender drains
// it), and the limiter every reply to a reader passes through too.
import type { Transformer } from "grammy";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { OutboxMessage, Progress } from "../store/outbox";
import { chatGap, RateLimiter } from "./limiter";
import { PhotoFiles } from "./photos";
import { Sender, type SenderOptions } from "./sender";

/** Methods that put a message in a chat; each one counts against the limits. */
const SEND_METHODS = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "sendMediaGroup",
  "copyMessage",
  "forwardMessage",
  "sendAnimation",
  "sendVideo",
  "sendAudio",
  "sendVoice",
]);

/** A reply refused with a 429 is tried again after the pause when the pause is at most this long. */
const MAX_REPLY_WAIT_MS = 60_000;

/** Messages in flight at once for a rate: enough to reach it through ~200 ms of latency. */
export function concurrencyFor(ratePerSecond: number): number {
  return Math.min(256, Math.max(4, Math.ceil(ratePerSecond / 5)));
}

export class Delivery {
  readonly sender: Sender;
  /** Photos' file_ids, shared by the sender and editors' previews: one upload per picture. */
  readonly photos: PhotoFiles;

  private readonly clock: Clock;

  constructor(
    private readonly store: Store,
    readonly limiter: RateLimiter,
    private readonly options: Omit<SenderOptions, "store" | "limiter" | "photos">,
  ) {
    this.clock = options.clock;
    this.photos = new PhotoFiles(store.outbox, options.logger, options.clock);
    this.sender = new Sender({ ...options, store, limiter, photos: this.photos });
  }

  /** Writes messages to the outbox in one transaction and wakes the sender; returns how many were new. */
  enqueue(messages: readonly OutboxMessage[]): number {
    const added = this.store.outbox.enqueue(messages);
    if (added > 0) this.sender.wake();
    return added;
  }

  progress(ref: string): Progress {
    return this.store.outbox.progress(ref);
  }

  /**
   * A grammY API transformer for the bot's interactive replies: each waits for its chat's turn (the same gap
   * as the outbox: one a second in a private chat, twenty a minute in a group), then for a slot of the global
   * rate, ahead of every outbox row waiting for one (RateLimiter.acquire's "reply"). A 429 pauses that chat when its own traffic
   * explains it, else all sending (RateLimiter.flood); the reply is then tried once more after the pause.
   */
  replyTransformer(): Transformer {
    return async (prev, method, payload, signal) => {
      const chatId = (payload as { chat_id?: unknown }).chat_id;
      if (!SEND_METHODS.has(method) || typeof chatId !== "number") return prev(method, payload, signal);
      let result: Awaited<ReturnType<typeof prev>> | undefined;
      for (let attempt = 0; attempt < 2; attempt++) {
        await this.limiter.acquire(chatId, chatGap(undefined, chatId), "reply");
        result = await prev(method, payload, signal);
        if (result.ok || result.error_code !== 429) break;
        const retryAfterMs = (result.parameters?.retry_after ?? 5) * 1000;
        const scope = this.limiter.flood(chatId, retryAfterMs);
        this.options.events?.flood?.(retryAfterMs, scope);
        if (retryAfterMs > MAX_REPLY_WAIT_MS) break;
      }
      return result as Awaited<ReturnType<typeof prev>>;
    };
  }
}

export { RateLimiter, Sender };
