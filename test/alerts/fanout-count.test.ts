// Send enqueues the first chats without counting the audience; the audience is counted afterwards, a piece a
// turn (docs/alerts.md, "Fan-out"). The status shows no total until then, the exact total from then on (readers'
// filters included: mutes, watched words, exceptions), and a restart in the middle of the enqueuing, before or
// after the count, still reaches each reader once and ends on the exact total. Small chunk sizes, so that a few
// hundred readers take many chunks and many pieces.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { AlertStore } from "../../src/store/alerts";
import { buttonData, type Harness, startHarness, visible, waitUntil } from "../support/harness";
import { storeReader } from "../support/readers";
import { tempDatabasePath } from "../support/temp";
import { callback, command, user } from "../support/updates";

const EDITOR = user({ language_code: "ar", first_name: "عمر" });
const SIZES = { first: 20, chunk: 20, countPiece: 150 };
const TEXT = "دير الزور: انقطاع الكهرباء عن أحياء الجورة والقصور بعد عطل في محطة التحويل";

let h: Harness | undefined;
let temp = tempDatabasePath();
beforeEach(() => {
  temp = tempDatabasePath();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.stop();
  h = undefined;
  temp.cleanup();
});

async function start(): Promise<Harness> {
  h = await startHarness({
    databasePath: temp.path,
    // The paid rate: 670 messages in about a second, not 22 at the free rate.
    env: {
      EDITOR_IDS: String(EDITOR.id),
      DEFAULT_TIMEZONE: "Asia/Damascus",
      SEND_RATE: "1000",
      PAID_BROADCAST: "true",
    },
    alertFanout: SIZES,
  });
  return h;
}

/**
 * 700 readers of Deir ez-Zor, spread over the chat ids; a tenth of them mute «الكهرباء» (they must not get it),
 * 40 readers of Aleppo watch «محطة التحويل» (they must), 30 follow Syria except Deir ez-Zor (they must not), 50
 * have alerts off. Returns the ids that must get the alert.
 */
function storeReaders(app: Harness["app"]): number[] {
  const { store } = app;
  const { topics } = app.deps;
  const dez = topics.index().bySlug("deir-ez-zor")?.id as number;
  const expected: number[] = [];
  store.db.transaction(() => {
    for (let i = 0; i < 700; i++) {
      const id = 300_000 + i * 3;
      storeReader(store, topics, id, ["deir-ez-zor"]);
      if (i % 10 === 4) store.phrases.add(id, "mute", { phrase: "الكهرباء", normalized: "الكهرباء" });
      else expected.push(id);
    }
    for (let i = 0; i < 40; i++) {
      const id = 300_001 + i * 51;
      storeReader(store, topics, id, ["aleppo"]);
      store.phrases.add(id, "watch", { phrase: "محطة التحويل", normalized: "محطه التحويل" });
      expected.push(id);
    }
    for (let i = 0; i < 30; i++) {
      const id = 300_002 + i * 60;
      storeReader(store, topics, id, ["syria"]);
      store.exceptions.add(id, dez);
    }
    for (let i = 0; i < 50; i++)
      storeReader(store, topics, 400_000 + i, ["deir-ez-zor"], { alertsEnabled: false });
  })();
  return expected;
}

function copiesByChat(app: Harness["app"], ref: string): Map<number, number> {
  const rows = app.store.db
    .prepare("SELECT chat_id AS chat, count(*) AS n FROM outbox WHERE ref = ? GROUP BY chat_id")
    .all(ref) as { chat: number; n: number }[];
  return new Map(rows.map((r) => [r.chat, r.n]));
}

/**
 * The totals of the audience's counts as they are recorded while the enqueuing goes on (in every app started from
 * now on); `then` runs after each.
 */
function watchCounts(then?: () => void): number[] {
  const totals: number[] = [];
  const record = AlertStore.prototype.countedFanout;
  vi.spyOn(AlertStore.prototype, "countedFanout").mockImplementation(function (
    this: AlertStore,
    id: number,
    total: number,
  ) {
    const recorded = record.call(this, id, total);
    if (recorded) totals.push(total);
    then?.();
    return recorded;
  });
  return totals;
}

it("the editor's status has no total until the audience is counted, then the exact one, to the end", async () => {
  let enqueuedAtCount = 0;
  const counts = watchCounts(() => {
    enqueuedAtCount = h ? copiesByChat(h.app, "alert:1").size : 0;
  });
  const { app, fake } = await start();
  const expected = storeReaders(app);

  const replies = await h?.send(command("alert", TEXT, { from: EDITOR }));
  const question = replies?.[replies.length - 1];
  expect(visible(question)).toContain(`سيصل إلى ${expected.length} محادثة`);
  const send = fake.lastMessage(EDITOR.id);
  await h?.send(callback(buttonData(send, "إرسال"), { from: EDITOR, ...(send ? { message: send } : {}) }));
  const done = (t: string) => t.startsWith("✅");
  await waitUntil(
    () => done(visible(fake.lastMessage(EDITOR.id))),
    20_000,
    () => visible(fake.lastMessage(EDITOR.id)),
  );
  expect(visible(fake.lastMessage(EDITOR.id))).toBe(
    `✅ انتهى إرسال التنبيه #1: وصل إلى ${expected.length} من ${expected.length}.`,
  );
  // Counted once, exactly, while the enqueuing still went on (chunks of 20 chats, pieces of 150).
  expect(counts).toEqual([expected.length]);
  expect(enqueuedAtCount).toBeGreaterThan(0);
  expect(enqueuedAtCount).toBeLessThan(expected.length);
  // Every edit of the status either says the figures so far without a total, or the exact total.
  const statuses = fake
    .callsOf("editMessageText")
    .filter((c) => c.chatId === EDITOR.id)
    .map((c) => visible({ text: String(c.params.text) }));
  expect(statuses.length).toBeGreaterThan(1);
  for (const status of statuses)
    expect(status).toMatch(
      new RegExp(
        `^(📤 التنبيه #1: أُرسل حتى الآن إلى \\d+ · يُحصى عدد المحادثات التي يصل إليها…|.* من ${expected.length}\\b.*)$`,
      ),
    );
  // Each reader once; the muting, excepting and switched-off ones not at all.
  const copies = copiesByChat(app, "alert:1");
  expect([...copies.keys()].sort()).toEqual([...expected].sort());
  expect(Math.max(...copies.values())).toBe(1);
}, 60_000);

it("a restart before the count resumes the enqueuing and the count: each reader once, the exact total", async () => {
  const first = await start();
  const expected = storeReaders(first.app);
  const preview = first.app.deps.alerts.preview(
    { topic: topicOf(first, "deir-ez-zor"), text: TEXT },
    requester(),
  );
  expect(preview.audience).toBe(expected.length);
  first.app.deps.alerts.confirm(preview.alert.id, EDITOR.id);
  // Stopped in the turn of Send: only its first chunk is enqueued, nothing is counted.
  first.app.deps.alerts.stop();
  const ref = `alert:${preview.alert.id}`;
  expect(copiesByChat(first.app, ref).size).toBe(SIZES.first);
  expect(first.app.store.alerts.get(preview.alert.id)).toMatchObject({ recipients: null });
  expect(first.app.deps.alerts.progress(preview.alert.id)).toMatchObject({ total: undefined, done: false });
  await first.app.stop();
  await first.fake.close();
  h = undefined;

  // Not counted before the stop: counted after the restart, from where the enqueuing stands.
  const counts = watchCounts();
  const second = await start();
  await waitUntil(() => second.app.store.alerts.get(preview.alert.id)?.fanout === undefined, 20_000);
  expect(counts).toEqual([expected.length]);
  const copies = copiesByChat(second.app, ref);
  expect([...copies.keys()].sort()).toEqual([...expected].sort());
  expect(Math.max(...copies.values())).toBe(1);
  expect(second.app.store.alerts.get(preview.alert.id)?.recipients).toBe(expected.length);
  await waitUntil(() => second.app.deps.alerts.progress(preview.alert.id).done, 20_000);
  expect(second.app.deps.alerts.progress(preview.alert.id)).toMatchObject({
    total: expected.length,
    sent: expected.length,
  });
}, 60_000);

it("a restart after the count keeps its total while the rest is enqueued", async () => {
  const first = await start();
  const expected = storeReaders(first.app);
  const preview = first.app.deps.alerts.preview(
    { topic: topicOf(first, "deir-ez-zor"), text: TEXT },
    requester(),
  );
  const ref = `alert:${preview.alert.id}`;
  // Stopped in the turn the count is recorded, the enqueuing far from its end.
  watchCounts(() => first.app.deps.alerts.stop());
  first.app.deps.alerts.confirm(preview.alert.id, EDITOR.id);
  await waitUntil(() => first.app.store.alerts.get(preview.alert.id)?.recipients !== null, 20_000);
  expect(first.app.store.alerts.get(preview.alert.id)?.fanout).toBeDefined();
  expect(copiesByChat(first.app, ref).size).toBeLessThan(expected.length);
  await first.app.stop();
  await first.fake.close();
  h = undefined;

  vi.restoreAllMocks();
  const counts = watchCounts();
  const second = await start();
  // At once, before any chunk: the total counted before the stop (not counted again).
  expect(second.app.deps.alerts.progress(preview.alert.id)).toMatchObject({
    total: expected.length,
    done: false,
  });
  await waitUntil(() => second.app.store.alerts.get(preview.alert.id)?.fanout === undefined, 20_000);
  const copies = copiesByChat(second.app, ref);
  expect([...copies.keys()].sort()).toEqual([...expected].sort());
  expect(Math.max(...copies.values())).toBe(1);
  expect(second.app.store.alerts.get(preview.alert.id)?.recipients).toBe(expected.length);
  expect(counts).toEqual([]);
}, 60_000);

function topicOf(harness: Harness, slug: string) {
  const topic = harness.app.deps.topics.index().bySlug(slug);
  if (!topic) throw new Error(slug);
  return topic;
}

function requester() {
  return { id: EDITOR.id, name: "عمر", language: "ar" as const, timeZone: "Asia/Damascus" };
}
