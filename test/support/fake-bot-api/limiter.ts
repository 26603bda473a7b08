// The fake's flood limiter: Telegram-like limits as sliding windows over delivered sends, counting violations.
import type { FakeBotApiStats, FakeCall } from "./types";

/** Telegram-like flood limits (off unless given). Sliding windows over delivered sends; edits don't count. */
export interface LimiterOptions {
  /** Sends per second across all chats (default 30). */
  globalPerSecond?: number;
  /** Sends per second with `allow_paid_broadcast: true` (default 1000). */
  paidBroadcastPerSecond?: number;
  /** Sends per second to one private chat (default 1). */
  privatePerSecond?: number;
  /** Sends per minute to one group, supergroup or channel (default 20). */
  groupPerMinute?: number;
  /** Extra sends tolerated in each window before counting a violation (default 0). */
  burst?: number;
  /** Answer violating sends with 429 instead of only counting them (default false). */
  enforce?: boolean;
  /** Fixed `retry_after` for enforced 429s; default: seconds until the window frees a slot (at least 1). */
  retryAfter?: number;
}

class SlidingWindow {
  private readonly times: number[] = [];
  constructor(readonly windowMs: number) {}
  count(now: number): number {
    while (this.times.length > 0 && (this.times[0] as number) <= now - this.windowMs) this.times.shift();
    return this.times.length;
  }
  /** Seconds until the oldest entry leaves the window (at least 1). */
  secondsUntilFree(now: number): number {
    const oldest = this.times[0] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
  add(now: number): void {
    this.times.push(now);
  }
}

const isPaid = (call: FakeCall): boolean =>
  call.params.allow_paid_broadcast === true || call.params.allow_paid_broadcast === "true";

/** Checks sends against the limits before they take effect and counts the ones delivered. */
export class FloodLimiter {
  private readonly limits: Required<Omit<LimiterOptions, "retryAfter">> & { retryAfter?: number };
  private readonly globalWindow = new SlidingWindow(1000);
  private readonly paidWindow = new SlidingWindow(1000);
  private readonly chatWindows = new Map<number, SlidingWindow>();

  constructor(
    options: LimiterOptions,
    private readonly violations: FakeBotApiStats["violations"],
  ) {
    this.limits = {
      globalPerSecond: 30,
      paidBroadcastPerSecond: 1000,
      privatePerSecond: 1,
      groupPerMinute: 20,
      burst: 0,
      enforce: false,
      ...options,
    };
  }

  /** Whether violating sends are answered 429 (otherwise only counted). */
  get enforce(): boolean {
    return this.limits.enforce;
  }

  /** Counts a send to `call.chatId` that breaks a limit (and marks the call); returns the retry_after to answer. */
  check(call: FakeCall): { retryAfter: number } | undefined {
    const chatId = call.chatId as number;
    const now = Date.now();
    const paid = isPaid(call);
    const { burst } = this.limits;
    const global = paid ? this.paidWindow : this.globalWindow;
    const globalLimit = (paid ? this.limits.paidBroadcastPerSecond : this.limits.globalPerSecond) + burst;
    const chat = this.chatWindow(chatId);
    const chatLimit = (chatId > 0 ? this.limits.privatePerSecond : this.limits.groupPerMinute) + burst;
    const globalHit = global.count(now) >= globalLimit;
    const chatHit = chat.count(now) >= chatLimit;
    if (!globalHit && !chatHit) return undefined;
    const v = this.violations;
    if (globalHit) v.global++;
    if (chatHit) {
      v.perChat++;
      v.byChat.set(chatId, (v.byChat.get(chatId) ?? 0) + 1);
    }
    call.limiterViolation = globalHit && chatHit ? "both" : globalHit ? "global" : "chat";
    const wait = Math.max(
      globalHit ? global.secondsUntilFree(now) : 1,
      chatHit ? chat.secondsUntilFree(now) : 1,
    );
    return { retryAfter: this.limits.retryAfter ?? wait };
  }

  /** Counts a delivered send to `call.chatId` in its windows. */
  record(call: FakeCall): void {
    const now = Date.now();
    (isPaid(call) ? this.paidWindow : this.globalWindow).add(now);
    this.chatWindow(call.chatId as number).add(now);
  }

  private chatWindow(chatId: number): SlidingWindow {
    let w = this.chatWindows.get(chatId);
    if (!w) {
      w = new SlidingWindow(chatId > 0 ? 1000 : 60_000);
      this.chatWindows.set(chatId, w);
    }
    return w;
  }
}
