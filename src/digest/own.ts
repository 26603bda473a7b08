// A reader's own digest: the choices /settings offers (off, daily at an hour, twice daily, weekly on a day at an
// hour) and the cron each is stored as. Readers who choose the same cron in the same zone share one schedule (a
// reader slot, docs/digests.md "A reader's own digest"): a run per distinct slot, never per reader. Pure.

/** What a reader chose for their own digest. */
export type OwnDigest =
  | { kind: "off" }
  | { kind: "daily"; hour: number }
  /** At `hour` and twelve hours later (`hour` 0-11: 08:00 and 20:00). */
  | { kind: "twice"; hour: number }
  /** `weekday` 0 (Sunday) to 6. */
  | { kind: "weekly"; weekday: number; hour: number };

const isHour = (h: number) => Number.isInteger(h) && h >= 0 && h <= 23;

/** The cron a choice is stored as (undefined: off, or a choice out of range). */
export function ownDigestCron(choice: OwnDigest): string | undefined {
  switch (choice.kind) {
    case "off":
      return undefined;
    case "daily":
      return isHour(choice.hour) ? `0 ${choice.hour} * * *` : undefined;
    case "twice":
      return isHour(choice.hour) && choice.hour < 12
        ? `0 ${choice.hour},${choice.hour + 12} * * *`
        : undefined;
    case "weekly":
      return isHour(choice.hour) &&
        Number.isInteger(choice.weekday) &&
        choice.weekday >= 0 &&
        choice.weekday <= 6
        ? `0 ${choice.hour} * * ${choice.weekday}`
        : undefined;
  }
}

/** The choice a stored cron is (off for none, or one this module did not write). */
export function ownDigestOf(cron: string | undefined): OwnDigest {
  const m = cron === undefined ? null : /^0 (\d{1,2})(?:,(\d{1,2}))? \* \* (\*|[0-6])$/.exec(cron);
  if (!m) return { kind: "off" };
  const hour = Number(m[1]);
  if (m[2] !== undefined) return m[3] === "*" ? { kind: "twice", hour } : { kind: "off" };
  return m[3] === "*" ? { kind: "daily", hour } : { kind: "weekly", weekday: Number(m[3]), hour };
}
