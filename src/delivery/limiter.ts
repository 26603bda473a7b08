// Pacing within Telegram's limits: an even spacing across all chats (SEND_RATE), one message a second
// per private chat, twenty a minute per group or channel, and a global pause after any 429.

/** Start-to-start gap between two messages to one chat, by chat type. */
export function chatGap(chatType: string | null | undefined, chatId: number): number {
  // A tenth more than the limit: requests leave a few milliseconds apart from when they were timed.
  if (chatType === "private" || (chatType == null && chatId > 0)) return 1100;
  return 3300; // groups, supergroups, channels: 20 a minute
}

/**
 * The global spacing runs this much slower than the configured rate, so that the jitter of timers and
 * sockets never puts one message too many into a one-second window (97% of the rate is the target).
 */
export const RATE_MARGIN = 1.02;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class RateLimiter {
  /** The time the next message may start, all chats together. */
  private nextSlot = 0;
  private pausedUntil = 0;
  private readonly chatReadyAt = new Map<number, number>();
  private readonly interval: number;

  constructor(
    ratePerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.interval = (1000 / ratePerSecond) * RATE_MARGIN;
  }

  /** Nothing is sent before `until` (a 429's retry_after applies to the whole bot). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** The end of the current pause, if one is running. */
  pausedTill(): number | undefined {
    return this.pausedUntil > this.now() ? this.pausedUntil : undefined;
  }

  /** When a chat may receive its next message. */
  chatReady(chatId: number): number {
    return this.chatReadyAt.get(chatId) ?? 0;
  }

  /**
   * Waits for a slot and takes it: after any pause, after the chat's own gap, at the global spacing.
   * Slots are handed out in call order, so a reply to a reader (which calls this directly) waits only
   * behind the few sends already in flight, never behind the outbox.
   */
  async acquire(chatId: number, gap: number): Promise<void> {
    for (;;) {
      const now = this.now();
      const start = Math.max(now, this.pausedUntil, this.nextSlot, this.chatReady(chatId));
      if (start <= now) break;
      await sleep(start - now);
    }
    const now = this.now();
    this.nextSlot = Math.max(this.nextSlot, now) + this.interval;
    this.chatReadyAt.set(chatId, now + gap);
    if (this.chatReadyAt.size > 50_000) this.prune(now);
  }

  /** Waits out a pause and takes the next global slot, without waiting for a chat's gap (replies). */
  async acquireReply(): Promise<void> {
    for (;;) {
      const now = this.now();
      const start = Math.max(now, this.pausedUntil, this.nextSlot);
      if (start <= now) break;
      await sleep(start - now);
    }
    this.nextSlot = Math.max(this.nextSlot, this.now()) + this.interval;
  }

  /** Starts a chat's gap again after a message sent outside acquire (a reply). */
  note(chatId: number, gap: number): void {
    this.chatReadyAt.set(chatId, this.now() + gap);
  }

  private prune(now: number): void {
    for (const [chat, at] of this.chatReadyAt) if (at <= now) this.chatReadyAt.delete(chat);
  }
}
