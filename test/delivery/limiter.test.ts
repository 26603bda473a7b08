// Whose 429 it is: the limiter pauses one chat when that chat's own traffic explains the 429, else everything.
import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/delivery/limiter";

const GROUP = -100_500;
const READER = 4242;
const OTHER = 4343;

/** Resolves true when `p` settles within `ms` (the pause under test is a minute long, so this is no race). */
const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("RateLimiter.flood", () => {
  it("pauses only a group that had 18 messages within the minute", async () => {
    const limiter = new RateLimiter(1000, Date.now);
    for (let i = 0; i < 18; i++) await limiter.acquire(GROUP, 0);
    expect(limiter.flood(GROUP, 60_000)).toBe("chat");
    expect(limiter.chatReady(GROUP)).toBeGreaterThan(Date.now() + 50_000);
    expect(await settlesWithin(limiter.acquire(READER, 1100), 500)).toBe(true);
    expect(await settlesWithin(limiter.acquire(GROUP, 3300), 200)).toBe(false);
  });

  it("pauses only a private chat that had two messages within a second", async () => {
    const limiter = new RateLimiter(1000, Date.now);
    await limiter.acquire(READER, 0);
    await limiter.acquire(READER, 0);
    expect(limiter.flood(READER, 60_000)).toBe("chat");
    expect(await settlesWithin(limiter.acquire(OTHER, 1100), 500)).toBe(true);
  });

  it("pauses everything when the chat's traffic does not explain it", async () => {
    const limiter = new RateLimiter(1000, Date.now);
    await limiter.acquire(READER, 1100);
    for (let i = 0; i < 5; i++) await limiter.acquire(GROUP, 0);
    expect(limiter.flood(READER, 60_000)).toBe("all");
    expect(limiter.flood(GROUP, 60_000)).toBe("all");
    expect(await settlesWithin(limiter.acquire(OTHER, 1100), 200)).toBe(false);
  });

  it("sends to one chat one at a time, each after the chat's gap, whoever asks", async () => {
    const limiter = new RateLimiter(1000, Date.now);
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 3 }, () => limiter.acquire(READER, 300).then(() => starts.push(Date.now()))),
    );
    const [first, second, third] = starts as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(290);
    expect(third - second).toBeGreaterThanOrEqual(290);
  });
});

describe("RateLimiter lanes", () => {
  it("keeps sends without paid broadcast to Telegram's free 30 a second at a paid SEND_RATE, without holding paid sends", async () => {
    const limiter = new RateLimiter(1000, Date.now);
    const free: number[] = [];
    let paidDone = 0;
    let freeWhenPaidDone = -1;
    const replies = Array.from({ length: 60 }, (_, i) =>
      limiter.acquire(10_000 + i, 1100).then(() => free.push(Date.now())),
    );
    const broadcast = Array.from({ length: 200 }, (_, i) =>
      limiter.acquire(20_000 + i, 1100, "paid").then(() => {
        if (++paidDone === 200) freeWhenPaidDone = free.length;
      }),
    );
    await Promise.all([...replies, ...broadcast]);
    // Replies to 60 readers who typed a command at once: never more than 30 within a second.
    for (const [i, at] of free.entries()) {
      expect(free.filter((t) => t >= at && t < at + 1000).length, `from reply ${i}`).toBeLessThanOrEqual(30);
    }
    // The broadcast went on at its own rate meanwhile: done before most replies had their turn.
    expect(freeWhenPaidDone).toBeLessThan(45);
  });

  it("lets a reply to a reader go before the broadcast's sends already waiting for a slot", async () => {
    const limiter = new RateLimiter(1000, Date.now);
    const order: string[] = [];
    // 300 copies of an alert wait for their slots (the sender keeps ~200 in flight at 1,000/s): ~0.3 s of sends.
    const broadcast = Array.from({ length: 300 }, (_, i) =>
      limiter.acquire(20_000 + i, 1100, "paid").then(() => order.push("alert")),
    );
    // A reader types /latest meanwhile: the answer takes the next slot, not the 301st.
    const reply = limiter.acquire(READER, 1100, "reply").then(() => order.push("reply"));
    await Promise.all([...broadcast, reply]);
    // (The first few alerts took the slots due at once, before the reply came.)
    expect(order.indexOf("reply")).toBeLessThan(10);
  });
});
