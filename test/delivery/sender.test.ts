// The delivery engine against the fake Bot API: limits, 429s, 5xx, drops, blocked and migrated chats.
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { Delivery, RateLimiter } from "../../src/delivery";
import { MAX_ATTEMPTS, type SenderEvents, type SenderOptions } from "../../src/delivery/sender";
import type { ChatType } from "../../src/domain";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import { type DigestRecipe, textMessage } from "../../src/text/message";
import { FakeBotApi, type FakeBotApiOptions, telegramErrors } from "../support/fake-bot-api";
import { TEST_TOKEN, waitUntil } from "../support/harness";
import { tempStore } from "../support/temp";

interface Rig {
  fake: FakeBotApi;
  store: Store;
  delivery: Delivery;
}

const rigs: (Rig & { cleanup(): void })[] = [];
afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    await rig.delivery.sender.stop();
    await rig.fake.close();
    rig.cleanup();
  }
});

async function rig(
  options: {
    rate?: number;
    concurrency?: number;
    fake?: FakeBotApiOptions;
    events?: SenderEvents;
    render?: SenderOptions["render"];
  } = {},
): Promise<Rig> {
  const fake = await FakeBotApi.start(options.fake);
  const { store, cleanup } = tempStore(Date.now);
  const delivery = new Delivery(store, new RateLimiter(options.rate ?? 200, Date.now), {
    api: new Api(TEST_TOKEN, { apiRoot: fake.apiRoot }),
    clock: Date.now,
    logger: createLogger("silent"),
    concurrency: options.concurrency ?? 16,
    paidBroadcast: false,
    ...(options.events ? { events: options.events } : {}),
    ...(options.render ? { render: options.render } : {}),
  });
  const r = { fake, store, delivery, cleanup };
  rigs.push(r);
  return r;
}

function chats(store: Store, count: number, from = 10_000, type: ChatType = "private"): number[] {
  const ids = Array.from({ length: count }, (_, i) => (type === "private" ? from + i : -(from + i)));
  for (const id of ids) store.chats.touch(id, type, type === "private" ? null : "group");
  return ids;
}

function broadcast(
  r: Rig,
  ref: string,
  ids: number[],
  purpose: "alert" | "digest" = "alert",
  parts = 1,
): number {
  return r.delivery.enqueue(
    ids.map((chatId) => ({
      chatId,
      purpose,
      ref,
      dedupeKey: ref,
      message: {
        kind: "text" as const,
        parts: Array.from({ length: parts }, (_, p) => `<b>${ref}</b> part ${p + 1} for ${chatId}`),
      },
    })),
  );
}

async function drained(r: Rig, timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    () => r.store.outbox.queueDepth() === 0,
    timeoutMs,
    () => JSON.stringify(r.fake.stats),
  );
}

describe("the sender", () => {
  it("delivers exactly one copy to every chat through 429s, 5xx and dropped connections", async () => {
    // At the free tier's pace (25/s, one send every 40 ms) a send is rarely on the wire when a 429 comes back,
    // but on a busy machine a stalled event loop can let one leave before the bot reads the 429 (up to ~110 ms
    // seen at a load of 18 on 2 cores). So sends within 250 ms of the 429 are forgiven and the rest of its
    // window (0.6 s here, to keep the test short; Telegram's are whole seconds) must stay empty: a bot that
    // paused half as long would still fail. (At paid rates, sends in flight are the rule: see docs/delivery.md.)
    const r = await rig({
      rate: 25,
      concurrency: 5,
      fake: {
        seed: 7,
        inFlightGraceMs: 250,
        faults: { fail429Rate: 0.2, retryAfter: 0.6, fail5xxRate: 0.05, dropRate: 0.05 },
      },
    });
    const ids = chats(r.store, 40);
    expect(broadcast(r, "alert:1", ids)).toBe(40);
    r.delivery.sender.start();
    await drained(r);
    for (const id of ids) expect(r.fake.sentTo(id), `chat ${id}`).toHaveLength(1);
    expect(r.fake.stats.received429).toBeGreaterThan(0);
    expect(r.fake.stats.received5xx).toBeGreaterThan(0);
    expect(r.fake.stats.sentDuringRetryAfter).toBe(0);
    expect(r.delivery.progress("alert:1")).toMatchObject({ sent: 40, failed: 0, dropped: 0, total: 40 });
  }, 60_000);

  it("renders a digest's recipe as it sends it, and fails one with nothing left without sending anything", async () => {
    // The renderer stands in for src/digest/render.ts: article 1 still exists, article 2 was deleted.
    const render = (recipe: DigestRecipe) => {
      const live = recipe.groups.flatMap((g) => g.articles).filter((id) => id === 1);
      return live.length === 0 ? undefined : textMessage(`📰 نشرتك: ${live.map((id) => `#${id}`).join(" ")}`);
    };
    const r = await rig({ render });
    const [kept, emptied] = chats(r.store, 2);
    const recipe = (articles: number[]): DigestRecipe => ({
      kind: "digest",
      at: Date.now(),
      language: "ar",
      timeZone: "Asia/Damascus",
      groups: [{ topic: 1, articles }],
      more: 0,
    });
    r.delivery.enqueue([
      {
        chatId: kept as number,
        purpose: "digest",
        ref: "digest:1",
        dedupeKey: "digest:1",
        message: recipe([1, 2]),
      },
      {
        chatId: emptied as number,
        purpose: "digest",
        ref: "digest:1",
        dedupeKey: "digest:1",
        message: recipe([2]),
      },
    ]);
    r.delivery.sender.start();
    await drained(r);
    expect(r.fake.sentTo(kept as number).map((c) => c.text)).toEqual(["📰 نشرتك: #1"]);
    expect(r.fake.sentTo(emptied as number)).toHaveLength(0);
    expect(r.delivery.progress("digest:1")).toMatchObject({ sent: 1, failed: 1, total: 2 });
  });

  it("sends a digest's later parts from the rendering its first part came from, across a stop", async () => {
    // Each rendering differs (an editor corrects a story between two parts): the reader must still get one digest.
    let renderings = 0;
    const render = () => {
      renderings++;
      return {
        kind: "text" as const,
        parts: [`📰 نشرتك ${renderings} (1/2)`, `📰 نشرتك ${renderings} (2/2)`],
      };
    };
    const r = await rig({ render });
    const [reader] = chats(r.store, 1);
    const recipe: DigestRecipe = {
      kind: "digest",
      at: Date.now(),
      language: "ar",
      timeZone: "Asia/Damascus",
      groups: [{ topic: 1, articles: [1, 2] }],
      more: 0,
    };
    r.delivery.enqueue([
      {
        chatId: reader as number,
        purpose: "digest",
        ref: "digest:1",
        dedupeKey: "digest:1",
        message: recipe,
      },
    ]);
    r.delivery.sender.start();
    // The first part went; the second waits for the chat's one-a-second gap when the bot stops.
    await waitUntil(() => r.fake.sentTo(reader as number).length === 1, 10_000);
    await r.delivery.sender.stop();
    r.delivery.sender.start();
    await drained(r);
    expect(r.fake.sentTo(reader as number).map((c) => c.text)).toEqual([
      "📰 نشرتك 1 (1/2)",
      "📰 نشرتك 1 (2/2)",
    ]);
    expect(renderings).toBe(1);
  });

  it("sends the editors' messages before an alert's copies already queued", async () => {
    const r = await rig({ rate: 30 });
    const readers = chats(r.store, 60);
    const [editor] = chats(r.store, 1, 90_000);
    broadcast(r, "alert:1", readers);
    r.delivery.enqueue([
      {
        chatId: editor as number,
        purpose: "direct",
        ref: "offer:7",
        dedupeKey: "offer:7",
        message: textMessage("⚡ عاجل من «فرات بوست»: انفجار في الميادين — أرسله تنبيهًا؟"),
      },
    ]);
    r.delivery.sender.start();
    await waitUntil(() => r.fake.sentTo(editor as number).length === 1, 10_000);
    // At 30 a second the 60 copies take two seconds: the offer went among the first.
    const sends = r.fake.calls.filter((c) => c.method === "sendMessage" && c.delivered);
    expect(sends.findIndex((c) => c.chatId === editor)).toBeLessThan(20);
    await drained(r);
  });

  it("keeps to the limits: no 429 and no violation at 30/s, 1/s per chat, 20/min per group", async () => {
    const r = await rig({
      rate: 30,
      fake: { limiter: { globalPerSecond: 30, privatePerSecond: 1, groupPerMinute: 20, enforce: true } },
    });
    const people = chats(r.store, 45);
    const groups = chats(r.store, 3, 500, "group");
    broadcast(r, "alert:1", [...people, ...groups]);
    broadcast(r, "alert:2", people.slice(0, 5), "alert", 2); // two parts each: paced one a second
    r.delivery.sender.start();
    await drained(r);
    expect(r.fake.stats.received429).toBe(0);
    expect(r.fake.stats.violations.global).toBe(0);
    expect(r.fake.stats.violations.perChat).toBe(0);
    expect(r.fake.sentTo(people[0] as number)).toHaveLength(3);
  }, 30_000);

  it("sends alerts before digests", async () => {
    const r = await rig({ concurrency: 1 });
    const ids = chats(r.store, 6);
    broadcast(r, "digest:1", ids, "digest");
    broadcast(r, "alert:9", ids.slice(3), "alert");
    r.delivery.sender.start();
    await drained(r);
    const order = r.fake
      .callsOf("sendMessage")
      .map((c) => String(c.params.text).match(/(alert|digest)/)?.[1]);
    expect(order.slice(0, 3)).toEqual(["alert", "alert", "alert"]);
  });

  it("marks a chat that blocked the bot inactive, drops its messages and never tries it again", async () => {
    const r = await rig();
    const ids = chats(r.store, 5);
    const blocked = ids[2] as number;
    r.fake.blockChat(blocked);
    broadcast(r, "alert:1", ids);
    broadcast(r, "alert:2", ids);
    r.delivery.sender.start();
    await drained(r);
    expect(r.store.chats.find(blocked)).toMatchObject({ active: false });
    expect(r.fake.calls.filter((c) => c.chatId === blocked)).toHaveLength(1);
    expect(r.delivery.progress("alert:1")).toMatchObject({ sent: 4, dropped: 1 });
    // Enqueued later, still not tried.
    broadcast(r, "alert:3", [blocked]);
    r.delivery.sender.wake();
    await drained(r);
    expect(r.fake.calls.filter((c) => c.chatId === blocked)).toHaveLength(1);
  });

  it("reports every message it drops for a dead chat, and each alert they belonged to", async () => {
    const dropped: string[] = [];
    const progressed = new Set<string>();
    const r = await rig({
      concurrency: 1,
      events: { dropped: (row) => dropped.push(row.ref), progress: (ref) => progressed.add(ref) },
    });
    const [blocked] = chats(r.store, 1);
    r.fake.blockChat(blocked as number);
    broadcast(r, "alert:1", [blocked as number]);
    broadcast(r, "alert:2", [blocked as number]);
    broadcast(r, "digest:3", [blocked as number], "digest");
    r.delivery.sender.start();
    await drained(r);
    expect(dropped.sort()).toEqual(["alert:1", "alert:2", "digest:3"]);
    expect([...progressed].sort()).toEqual(["alert:1", "alert:2", "digest:3"]);
  });

  it("stops between the parts of a message, leaving the rest for the next start", async () => {
    const r = await rig();
    const [group] = chats(r.store, 1, 20_000, "group");
    broadcast(r, "digest:1", [group as number], "digest", 3);
    r.delivery.sender.start();
    await waitUntil(() => r.fake.sentTo(group as number).length === 1);
    // The next part would wait ~3 s for the group's gap: stopping does not.
    await r.delivery.sender.stop();
    expect(r.fake.sentTo(group as number)).toHaveLength(1);
    const row = r.store.db.prepare("SELECT status, parts_sent FROM outbox").get();
    expect(row).toEqual({ status: "queued", parts_sent: 1 });
  });

  it("treats chat not found, kicked and deactivated as dead chats", async () => {
    const r = await rig();
    const [a, b, c] = chats(r.store, 3);
    r.fake.failNext(1, { chatId: a, ...telegramErrors.chatNotFound() });
    r.fake.failNext(1, { chatId: b, ...telegramErrors.deactivated() });
    r.fake.failNext(1, { chatId: c, ...telegramErrors.cantInitiate() });
    broadcast(r, "alert:1", [a, b, c] as number[]);
    r.delivery.sender.start();
    await drained(r);
    expect([a, b, c].map((id) => r.store.chats.find(id as number)?.active)).toEqual([false, false, false]);
  });

  it("follows a group that became a supergroup, with its subscriptions", async () => {
    const r = await rig();
    const [old] = chats(r.store, 1, 77, "group");
    const topic = r.store.topics.all()[0];
    if (!topic || old === undefined) throw new Error("setup");
    r.store.subscriptions.add(old, [topic.id]);
    r.fake.migrateChat(old, -1_009_999);
    broadcast(r, "alert:1", [old]);
    r.delivery.sender.start();
    await drained(r);
    expect(r.fake.sentTo(-1_009_999)).toHaveLength(1);
    expect(r.store.chats.find(old)).toBeUndefined();
    expect(r.store.chats.find(-1_009_999)?.type).toBe("supergroup");
    expect(r.store.subscriptions.topicIds(-1_009_999)).toEqual([topic.id]);
  });

  it("fails a message Telegram refuses as malformed, without retrying it", async () => {
    const r = await rig();
    const [a] = chats(r.store, 1);
    r.fake.failNext(1, { chatId: a, ...telegramErrors.cantParseEntities("Unsupported start tag") });
    broadcast(r, "alert:1", [a as number]);
    r.delivery.sender.start();
    await drained(r);
    expect(r.delivery.progress("alert:1")).toMatchObject({ failed: 1, sent: 0 });
    expect(r.fake.calls.filter((c) => c.chatId === a)).toHaveLength(1);
  });

  it("gives up after a bounded number of server errors", async () => {
    const r = await rig();
    const [a] = chats(r.store, 1);
    const row = () =>
      r.store.db.prepare("SELECT status, attempts FROM outbox").get() as { status: string; attempts: number };
    r.fake.failNext(100, { chatId: a, ...telegramErrors.internal() });
    broadcast(r, "alert:1", [a as number]);
    // Skip the backoff waits: make every retry due at once.
    const timer = setInterval(() => r.store.db.prepare("UPDATE outbox SET next_attempt_at = 0").run(), 20);
    try {
      r.delivery.sender.start();
      await waitUntil(() => row().status === "failed", 20_000);
    } finally {
      clearInterval(timer); // also on a timeout: the database closes after the test
    }
    expect(row()).toEqual({ status: "failed", attempts: MAX_ATTEMPTS - 1 });
    expect(r.fake.calls.filter((c) => c.chatId === a)).toHaveLength(MAX_ATTEMPTS);
  });

  it("sends a text message as its parts in order, with a link preview only when it is one part", async () => {
    const r = await rig();
    const [a, b] = chats(r.store, 2);
    const link = '<a href="https://nashra.example/a/1">الميادين</a>';
    r.delivery.enqueue([
      {
        chatId: a as number,
        purpose: "alert",
        ref: "alert:1",
        dedupeKey: "alert:1",
        message: textMessage(link),
      },
      {
        chatId: b as number,
        purpose: "digest",
        ref: "digest:1",
        dedupeKey: "digest:1",
        message: { kind: "text", parts: [link, "<b>٢</b>"] },
      },
    ]);
    r.delivery.sender.start();
    await drained(r);
    const previews = (id: number) =>
      r.fake.sentTo(id).map((m) => [m.text, m.link_preview_options?.is_disabled]);
    expect(previews(a as number)).toEqual([[link, false]]);
    expect(previews(b as number)).toEqual([
      [link, true],
      ["<b>٢</b>", true],
    ]);
  });

  it("fails a stored message of a kind it cannot send (written by a newer Nashra) and sends the rest", async () => {
    const r = await rig();
    const [a, b] = chats(r.store, 2);
    broadcast(r, "alert:1", [a, b] as number[]);
    r.store.db
      // As a row written before bodies were shared would hold it (migration 21).
      .prepare("UPDATE outbox SET message = ?, body_id = NULL WHERE chat_id = ?")
      .run(JSON.stringify({ kind: "poll", question: "؟" }), a);
    r.delivery.sender.start();
    await drained(r);
    expect(r.fake.calls.filter((c) => c.chatId === a)).toHaveLength(0);
    expect(r.fake.sentTo(b as number)).toHaveLength(1);
    expect(r.delivery.progress("alert:1")).toMatchObject({ failed: 1, sent: 1 });
    expect(r.store.db.prepare("SELECT last_error FROM outbox WHERE chat_id = ?").get(a)).toEqual({
      last_error: 'message of unknown kind "poll"',
    });
  });

  it("enqueues the same thing twice as once", async () => {
    const r = await rig();
    const ids = chats(r.store, 3);
    expect(broadcast(r, "alert:1", ids)).toBe(3);
    expect(broadcast(r, "alert:1", ids)).toBe(0);
  });

  it("resumes after a crash: rows left sending are sent again, from the part that was next", async () => {
    const r = await rig();
    const [a, b] = chats(r.store, 2);
    broadcast(r, "digest:1", [a, b] as number[], "digest", 3);
    // A crash: a's row was being sent, after its first part had gone out.
    r.store.db
      .prepare("UPDATE outbox SET status = 'sending', parts_sent = 1, message_ids = '[41]' WHERE chat_id = ?")
      .run(a);
    r.delivery.sender.start();
    await drained(r);
    expect(r.fake.sentTo(a as number).map((m) => String(m.text).slice(-8))).toEqual([
      `2 for ${a}`.slice(-8),
      `3 for ${a}`.slice(-8),
    ]);
    expect(r.fake.sentTo(b as number)).toHaveLength(3);
    const ids = r.store.db.prepare("SELECT message_ids FROM outbox WHERE chat_id = ?").get(a) as {
      message_ids: string;
    };
    expect(JSON.parse(ids.message_ids)).toHaveLength(3);
  });
});
