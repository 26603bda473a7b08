// Delivery: the one way alerts and digests reach readers (enqueue into the outbox; the sender drains
// it), and the limiter every reply to a reader passes through too.
import type { Transformer } from "grammy";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { OutboxMessage, Progress } from "../store/outbox";
import { chatGap, RateLimiter } from "./limiter";
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

/** Messages in flight at once for a rate: enough to reach it through ~200 ms of latency. */
export function concurrencyFor(ratePerSecond: number): number {
  return Math.min(256, Math.max(4, Math.ceil(ratePerSecond / 5)));
}

export class Delivery {
  readonly sender: Sender;

  private readonly clock: Clock;

  constructor(
    private readonly store: Store,
    readonly limiter: RateLimiter,
    options: Omit<SenderOptions, "store" | "limiter">,
  ) {
    this.clock = options.clock;
    this.sender = new Sender({ ...options, store, limiter });
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
   * A grammY API transformer for the bot's interactive replies: they take a slot of the global rate
   * (jumping ahead of the outbox, which waits for its turn) and wait out a 429 pause, and the chat's
   * gap starts again for the outbox. Replies themselves are not held back by a chat's gap: a reader
   * who taps a button expects an answer now, and Telegram allows short bursts.
   */
  replyTransformer(): Transformer {
    return async (prev, method, payload, signal) => {
      const chatId = (payload as { chat_id?: unknown }).chat_id;
      if (SEND_METHODS.has(method) && typeof chatId === "number") {
        await this.limiter.acquireReply();
        const result = await prev(method, payload, signal);
        this.limiter.note(chatId, chatGap(undefined, chatId));
        if (!result.ok && result.error_code === 429) {
          this.limiter.pause(this.clock() + (result.parameters?.retry_after ?? 5) * 1000);
        }
        return result;
      }
      return prev(method, payload, signal);
    };
  }
}

export { RateLimiter, Sender };
