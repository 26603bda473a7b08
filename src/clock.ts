// Time is injected everywhere so schedules, digests and expiry are tested without waiting.

/** Returns the current time in milliseconds since the epoch. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
