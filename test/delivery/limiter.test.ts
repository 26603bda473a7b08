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
