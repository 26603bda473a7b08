// OUTBOX_KEEP_DAYS: finished rows lose their bodies once old, and still keep an article from reaching a
// chat twice and still count in /stats.
import { afterEach, expect, it } from "vitest";
import { OutboxCompaction } from "../../src/delivery/compaction";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import { manualClock } from "../support/clock";
import { OUTBOX } from "../support/outbox";
import { tempStore } from "../support/temp";

const DAY = 24 * 60 * 60 * 1000;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The stored bytes of message bodies, the way they take up the database. */
function bodyBytes(store: Store): number {
  return (
    store.db
      .prepare<[], { n: number }>(
        "SELECT (SELECT total(length(message)) FROM outbox) + (SELECT total(length(message)) FROM outbox_bodies) AS n",
      )
      .get()?.n ?? 0
  );
}

function digest(chatId: number, run: string) {
  const report = "قصفت طائرات مسيّرة مواقع قرب حقل العمر النفطي في ريف دير الزور الشرقي، ".repeat(20);
  return {
    chatId,
    purpose: "digest" as const,
    ref: `digest:${run}`,
    dedupeKey: `digest:${run}`,
    message: { kind: "text" as const, parts: [`<b>ملخص أخبارك</b>\n${report}`] },
  };
}

it("drops the bodies of finished rows older than the keep period, and only theirs", async () => {
  const clock = manualClock("2026-03-01T08:00:00Z");
  const t = tempStore(clock);
  cleanup = t.cleanup;
  const { store } = t;
  const chats = Array.from({ length: 4500 }, (_, i) => 70_000 + i);
  for (const id of chats) store.chats.touch(id, "private", null);

  // An old run: most delivered, one chat's row failed, one still queued (a chat paused by a long 429).
  store.outbox.enqueue(chats.map((id) => digest(id, "old")));
  const due = store.outbox.scanDue(10_000, () => true);
  const claimed = store.outbox.claimMany(due.slice(0, chats.length - 1));
  store.outbox.sentMany(
    claimed.slice(1).map((r) => ({ id: r.id, partsSent: 1, messageIds: [r.id], at: clock() })),
  );
  const failed = claimed[0];
  if (!failed) throw new Error("nothing claimed");
  store.outbox.fail(failed.id, "Bad Request: chat not found");
  const statsBefore = store.stats.deliveries(clock() - DAY, clock() + 1);

  clock.advance(10 * DAY);
  // A recent run, delivered too: younger than the keep period, so it keeps its bodies.
  store.outbox.enqueue(chats.slice(0, 10).map((id) => digest(id, "recent")));
  const recent = store.outbox.claimMany(store.outbox.scanDue(100, (chatId) => chatId < 70_010));
  store.outbox.sentMany(recent.map((r) => ({ id: r.id, partsSent: 1, messageIds: [r.id], at: clock() })));

  clock.advance(25 * DAY);
  const before = bodyBytes(store);
  const compaction = new OutboxCompaction({ store, clock, logger: createLogger("silent"), keepDays: 30 });
  expect(await compaction.runOnce()).toBe(chats.length - 1);
  expect(bodyBytes(store)).toBeLessThan(before / 50);

  const bodies = store.db
    .prepare<[], { ref: string; status: string; message: string }>(
      `SELECT ref, status, message FROM ${OUTBOX} AS outbox WHERE message NOT LIKE '%compacted%'`,
    )
    .all();
  // What is left: the recent run's ten bodies and the old row still waiting to be sent.
  expect(bodies.filter((b) => b.ref === "digest:recent")).toHaveLength(10);
  expect(bodies.filter((b) => b.ref === "digest:old").map((b) => b.status)).toEqual(["queued"]);

  // Nothing twice: the same digest enqueued again for those chats adds nothing.
  expect(store.outbox.enqueue(chats.map((id) => digest(id, "old")))).toBe(0);
  // And the day's figures are what they were.
  expect(store.stats.deliveries(clock() - 36 * DAY, clock() - 34 * DAY + 1)).toEqual(statsBefore);
  // A second run has nothing left to do.
  expect(await compaction.runOnce()).toBe(0);
});
