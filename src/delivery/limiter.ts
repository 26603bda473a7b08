// Pacing within Telegram's limits: an even spacing across all chats (SEND_RATE), one message a second
// per private chat, twenty a minute per group or channel, and a global pause after any 429.
import type { Clock } from "../clock";

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

/** The most timer lateness credited back to the rate (see RateLimiter.advance). */
const LATENESS_CREDIT_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class RateLimiter {
  /** The time the next message may start, all chats together. */
  private nextSlot = 0;
  private pausedUntil = 0;
  private readonly chatReadyAt = new Map<number, number>();
  private readonly interval: number;
  /** Senders waiting for a global slot, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    ratePerSecond: number,
    private readonly now: Clock,
  ) {
    this.interval = (1000 / ratePerSecond) * RATE_MARGIN;
  }

  /** Nothing is sent before `until` (a 429's retry_after applies to the whole bot). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** When a chat may receive its next message. */
  chatReady(chatId: number): number {
    return this.chatReadyAt.get(chatId) ?? 0;
  }

  /**
   * Waits for the chat's gap, then for a global slot (after any pause, at the even spacing), and takes
   * it. Slots are handed out in arrival order by one timer, so a reply to a reader (acquireReply) waits
   * only behind the sends already waiting, never behind the outbox.
   */
  async acquire(chatId: number, gap: number): Promise<void> {
    const ready = this.chatReady(chatId) - this.now();
    if (ready > 0) await sleep(ready);
    await this.slot();
    this.chatReadyAt.set(chatId, this.now() + gap);
    if (this.chatReadyAt.size > 50_000) this.prune(this.now());
  }

  /** Waits out a pause and takes the next global slot, without waiting for a chat's gap (replies). */
  acquireReply(): Promise<void> {
    return this.slot();
  }

  /** Starts a chat's gap again after a message sent outside acquire (a reply). */
  note(chatId: number, gap: number): void {
    this.chatReadyAt.set(chatId, this.now() + gap);
  }

  private slot(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  /** Grants every slot that is due now, then sleeps until the next one. */
  private pump(): void {
    if (this.timer) return;
    const now = this.now();
    // A timer fires up to a millisecond late; at 1000/s that lateness would be lost on every slot, so up
    // to LATENESS_CREDIT_MS of it is credited back (well within the 2% margin).
    this.nextSlot = Math.max(this.nextSlot, now - LATENESS_CREDIT_MS);
    while (this.waiting.length > 0 && this.pausedUntil <= now && this.nextSlot <= now) {
      this.nextSlot += this.interval;
      (this.waiting.shift() as () => void)();
    }
    if (this.waiting.length === 0) return;
    const at = Math.max(this.pausedUntil, this.nextSlot);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(1, Math.ceil(at - now)),
    );
  }

  private prune(now: number): void {
    for (const [chat, at] of this.chatReadyAt) if (at <= now) this.chatReadyAt.delete(chat);
  }
}
