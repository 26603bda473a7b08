// Pacing within Telegram's limits: an even spacing across all chats (SEND_RATE), one message a second
// per private chat, twenty a minute per group or channel; after a 429, a pause of that chat when its own
// traffic explains it, else of every chat.
import type { Clock } from "../clock";

/** Start-to-start gap between two messages to one chat, by chat type. */
export function chatGap(chatType: string | null | undefined, chatId: number): number {
  // A tenth more than the limit: requests leave a few milliseconds apart from when they were timed.
  if (chatType === "private" || (chatType == null && chatId > 0)) return 1100;
  return 3300; // groups, supergroups, channels: 20 a minute
}

/**
 * When a chat's own traffic explains a 429 (product.md, "Precisely": a private chat past 1 a second, a group past
 * 20 a minute): this many messages, the refused one included, started within the window. For a group that is
 * its full pace under this limiter (one per 3.3 s: 18 within a minute), as Telegram counts neither exactly nor
 * on our clock.
 */
const EXPLAINS_429 = {
  private: { windowMs: 1000, messages: 2 },
  group: { windowMs: 60_000, messages: 18 },
} as const;
const explainsFor = (chatId: number) => (chatId > 0 ? EXPLAINS_429.private : EXPLAINS_429.group);

/** What a 429 paused: one chat (its own traffic explains it) or all sending. */
export type FloodScope = "chat" | "all";

/**
 * The global spacing runs this much slower than the configured rate, so that the jitter of timers and
 * sockets never puts one message too many into a one-second window (97% of the rate is the target).
 */
export const RATE_MARGIN = 1.02;

/**
 * Telegram's rate for messages that are not paid broadcasts (telegram.md: about 30 a second). Above it
 * (PAID_BROADCAST, SEND_RATE up to 1000) only sends with `allow_paid_broadcast` may go faster: replies to
 * readers stay on this rate, or a burst of readers typing /subscribe gets 429s instead of answers.
 */
export const FREE_RATE = 30;

/** Which of Telegram's rates a send counts against: the paid broadcast window or the free ~30/s. */
export type Lane = "paid" | "free";

/** A send waiting for its slot; `seq` keeps the two lanes in arrival order. */
interface Waiter {
  seq: number;
  grant: () => void;
}

/** The most timer lateness credited back to the rate (see RateLimiter.advance). */
const LATENESS_CREDIT_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class RateLimiter {
  /** The time the next message may start, all chats together. */
  private nextSlot = 0;
  private pausedUntil = 0;
  private readonly chatReadyAt = new Map<number, number>();
  /** When each chat's recent messages started (at most its limit's worth), to tell whose 429 it is. */
  private readonly chatSends = new Map<number, number[]>();
  /** Each chat's sends wait their turn one after another (a reply and an outbox row never race for a gap). */
  private readonly chatTurns = new Map<number, Promise<void>>();
  private readonly interval: number;
  /** Free-lane sends also wait for this, spaced at the free rate. */
  private nextFreeSlot = 0;
  private readonly freeInterval: number;
  /** Senders waiting for a slot, per lane, first come first served across both. */
  private readonly waiting: Record<Lane, Waiter[]> = { paid: [], free: [] };
  /**
   * Replies to people (free lane) waiting for a slot: each goes before the outbox's sends waiting then, so a reader
   * who types /latest while a broadcast goes out waits one slot of the rate, not the ~200 sends in flight.
   */
  private readonly replies: Waiter[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    ratePerSecond: number,
    private readonly now: Clock,
  ) {
    this.interval = (1000 / ratePerSecond) * RATE_MARGIN;
    this.freeInterval = (1000 / Math.min(ratePerSecond, FREE_RATE)) * RATE_MARGIN;
  }

  /** Nothing is sent before `until` (a 429 no chat's own traffic explains applies to the whole bot). */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Nothing is sent to this chat before `until`. */
  pauseChat(chatId: number, until: number): void {
    this.chatReadyAt.set(chatId, Math.max(this.chatReady(chatId), until));
  }

  /**
   * A 429 for a message to `chatId`: when the chat's own recent messages explain it (EXPLAINS_429), only that
   * chat waits `retryAfterMs`; otherwise all sending does. Returns which.
   */
  flood(chatId: number, retryAfterMs: number): FloodScope {
    const now = this.now();
    const { windowMs, messages } = explainsFor(chatId);
    const sends = this.chatSends.get(chatId) ?? [];
    const last = sends[sends.length - 1];
    if (last !== undefined && sends.filter((at) => at > last - windowMs).length >= messages) {
      this.pauseChat(chatId, now + retryAfterMs);
      return "chat";
    }
    this.pause(now + retryAfterMs);
    return "all";
  }

  /** When a chat may receive its next message. */
  chatReady(chatId: number): number {
    return this.chatReadyAt.get(chatId) ?? 0;
  }

  /**
   * Waits for the chat's turn (one send at a time per chat, each after the chat's gap), then for a global slot
   * (after any pause, at the even spacing), and takes it. Slots are handed out in arrival order by one timer,
   * except that a `reply` (to a person who just wrote to the bot) goes before every outbox send waiting: the
   * outbox enters the order only for the rows in flight, and a reply does not even wait behind those. A `free`
   * send (anything without allow_paid_broadcast: replies, unpaid outbox rows) also keeps to FREE_RATE.
   */
  acquire(chatId: number, gap: number, lane: Lane | "reply" = "free"): Promise<void> {
    const previous = this.chatTurns.get(chatId);
    const turn = (previous ?? Promise.resolve()).then(async () => {
      // A 429 may push the chat's turn back while waiting: wait again until it holds.
      for (
        let ready = this.chatReady(chatId) - this.now();
        ready > 0;
        ready = this.chatReady(chatId) - this.now()
      )
        await sleep(ready);
      await this.slot(lane);
      const now = this.now();
      this.chatReadyAt.set(chatId, now + gap);
      const sends = this.chatSends.get(chatId) ?? [];
      sends.push(now);
      if (sends.length > explainsFor(chatId).messages) sends.shift();
      this.chatSends.set(chatId, sends);
      if (this.chatReadyAt.size > 50_000) this.prune(now);
    });
    this.chatTurns.set(chatId, turn);
    void turn.finally(() => {
      if (this.chatTurns.get(chatId) === turn) this.chatTurns.delete(chatId);
    });
    return turn;
  }

  private slot(lane: Lane | "reply"): Promise<void> {
    return new Promise((grant) => {
      (lane === "reply" ? this.replies : this.waiting[lane]).push({ seq: this.seq++, grant });
      this.pump();
    });
  }

  /**
   * The queue to grant now: a reply when the free lane's slot is due; else the earliest arrival among the paid
   * head and, when its slot is due, the free head.
   */
  private next(now: number): Waiter[] | undefined {
    if (this.nextFreeSlot <= now && this.replies.length > 0) return this.replies;
    const paid = this.waiting.paid[0];
    const free = this.nextFreeSlot <= now ? this.waiting.free[0] : undefined;
    if (paid && (!free || paid.seq < free.seq)) return this.waiting.paid;
    return free ? this.waiting.free : undefined;
  }

  /** Grants every slot that is due now, then sleeps until the next one. */
  private pump(): void {
    if (this.timer) return;
    const now = this.now();
    // A timer fires up to a millisecond late; at 1000/s that lateness would be lost on every slot, so up
    // to LATENESS_CREDIT_MS of it is credited back (well within the 2% margin).
    this.nextSlot = Math.max(this.nextSlot, now - LATENESS_CREDIT_MS);
    this.nextFreeSlot = Math.max(this.nextFreeSlot, now - LATENESS_CREDIT_MS);
    for (
      let queue = this.next(now);
      queue && this.pausedUntil <= now && this.nextSlot <= now;
      queue = this.next(now)
    ) {
      this.nextSlot += this.interval;
      if (queue !== this.waiting.paid) this.nextFreeSlot += this.freeInterval;
      (queue.shift() as Waiter).grant();
    }
    const { paid } = this.waiting;
    const free = this.waiting.free.length + this.replies.length;
    if (paid.length === 0 && free === 0) return;
    // The next grant: the global slot, or for free sends alone also their own slot.
    const at = Math.max(this.pausedUntil, this.nextSlot, paid.length > 0 ? 0 : this.nextFreeSlot);
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
    for (const [chat, sends] of this.chatSends) {
      if ((sends[sends.length - 1] ?? 0) <= now - EXPLAINS_429.group.windowMs) this.chatSends.delete(chat);
    }
  }
}
