// The one test clock: a Clock moved by hand, which also fires the timers set through it as time passes them.
import type { Clock } from "../../src/clock";

/** A Clock tests move by hand. Pass `setTimer`/`clearTimer` where code takes timers: advance() fires them. */
export interface ManualClock extends Clock {
  /** The current time, ms since the epoch; setting it jumps there without firing timers. */
  now: number;
  /** Moves time forward by `ms`, firing the timers that fall due on the way, in order. */
  advance(ms: number): void;
  setTimer(fire: () => void, ms: number): number;
  clearTimer(id: unknown): void;
  /** Timers set and not yet fired or cleared. */
  readonly pending: number;
  /** The delay of every setTimer call, in order. */
  readonly delays: number[];
}

/** A manual clock starting at `start` (ms or an ISO date; default 2026-01-05 09:00 UTC). */
export function manualClock(start: number | string = Date.UTC(2026, 0, 5, 9, 0, 0)): ManualClock {
  let now = typeof start === "string" ? Date.parse(start) : start;
  let timers: { id: number; at: number; fire: () => void }[] = [];
  let nextId = 1;
  const delays: number[] = [];
  const clock = (() => now) as ManualClock;
  Object.defineProperties(clock, {
    now: { get: () => now, set: (ms: number) => (now = ms) },
    pending: { get: () => timers.length },
    delays: { value: delays },
  });
  clock.setTimer = (fire, ms) => {
    delays.push(ms);
    const id = nextId++;
    timers.push({ id, at: now + ms, fire });
    return id;
  };
  clock.clearTimer = (id) => {
    timers = timers.filter((t) => t.id !== id);
  };
  clock.advance = (ms) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const due = timers[0];
      if (!due || due.at > end) break;
      timers.shift();
      now = Math.max(now, due.at);
      due.fire();
    }
    now = end;
  };
  return clock;
}
