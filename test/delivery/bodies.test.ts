// A message shared by many chats is stored once (docs/delivery.md, "Bodies"): rows reference it, enqueuing
// again adds nothing, and compaction drops a body with the last row that needed it, not before.
import { afterEach, expect, it } from "vitest";
import type { Store } from "../../src/store";
import { type OutboxMessage, OutboxStore } from "../../src/store/outbox";
import type { Message } from "../../src/text/message";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const DAY = 24 * 60 * 60 * 1000;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const ALERT: Message = {
  kind: "text",
  parts: ["🔴 <b>عاجل · دير الزور</b>\nسقوط قذائف صاروخية قرب حقل العمر النفطي بريف دير الزور الشرقي"],
};

function alertRows(chats: number[], message: Message, bodyKey?: string): OutboxMessage[] {
  return chats.map((chatId) => ({
    chatId,
    purpose: "alert",
    ref: "alert:9",
    dedupeKey: "article:41",
    message,
    ...(bodyKey ? { bodyKey } : {}),
  }));
}

const count = (store: Store, sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

function setup(chats: number) {
  const clock = manualClock("2026-03-01T08:00:00Z");
  const t = tempStore(clock);
  cleanup = t.cleanup;
  const ids = Array.from({ length: chats }, (_, i) => 90_000 + i);
  for (const id of ids) t.store.chats.touch(id, "private", null);
  return { clock, store: t.store, ids };
}

it("stores a rendering once for all its chats, across enqueues that give the same key", () => {
  const { store, ids } = setup(300);
  // Two chunks of one fan-out, each with its own copy of the same rendering (as after a restart).
  expect(store.outbox.enqueue(alertRows(ids.slice(0, 100), ALERT, "alert:9|ar|Asia/Damascus|5"))).toBe(100);
  const copy = structuredClone(ALERT);
  expect(store.outbox.enqueue(alertRows(ids.slice(100), copy, "alert:9|ar|Asia/Damascus|5"))).toBe(200);
  expect(count(store, "SELECT count(*) AS n FROM outbox_bodies")).toBe(1);
  expect(count(store, "SELECT count(*) AS n FROM outbox WHERE message = '' AND body_id IS NOT NULL")).toBe(
    300,
  );
  // What the sender claims is the rendering.
  const claimed = store.outbox.claimMany(store.outbox.scanDue(10, () => true));
  expect(claimed.map((r) => r.message)).toEqual(Array(10).fill(ALERT));
});

it("leaves no body behind when everything enqueued was already there", () => {
  const { store, ids } = setup(20);
  store.outbox.enqueue(alertRows(ids, ALERT));
  expect(store.outbox.enqueue(alertRows(ids, structuredClone(ALERT)))).toBe(0);
  expect(count(store, "SELECT count(*) AS n FROM outbox_bodies")).toBe(1);
});

it("compacts a shared body only once the last row that needs it is finished and old", () => {
  const { clock, store, ids } = setup(50);
  store.outbox.enqueue(alertRows(ids, ALERT, "alert:9|ar"));
  // All sent but one chat, which is still waiting (a chat paused by a long 429).
  const claimed = store.outbox.claimMany(store.outbox.scanDue(100, (chat) => chat !== ids[0]));
  store.outbox.sentMany(claimed.map((r) => ({ id: r.id, partsSent: 1, messageIds: [r.id], at: clock() })));
  clock.advance(40 * DAY);
  expect(store.outbox.compactFinished(clock() - 30 * DAY, 1000).compacted).toBe(49);
  // The waiting row still has its message, so the body stays.
  expect(count(store, "SELECT count(*) AS n FROM outbox_bodies")).toBe(1);
  const [last] = store.outbox.claimMany(store.outbox.scanDue(10, () => true));
  expect(last?.message).toEqual(ALERT);
  store.outbox.sentMany([{ id: last?.id as number, partsSent: 1, messageIds: [1], at: clock() }]);
  // Compaction resumes past what it walked, at the next start.
  const again = new OutboxStore(store.db, clock);
  expect(again.compactFinished(clock() + 1, 1000).compacted).toBe(1);
  expect(count(store, "SELECT count(*) AS n FROM outbox_bodies")).toBe(0);
  // The rows stay, and keep the article from reaching those chats twice.
  expect(store.outbox.enqueue(alertRows(ids, ALERT, "alert:9|ar"))).toBe(0);
  expect(count(store, "SELECT count(*) AS n FROM outbox_bodies")).toBe(0);
});
