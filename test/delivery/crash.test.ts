// Crash safety with real processes: SIGKILL the bot in the middle of a broadcast to 300 chats, or while it is
// still enqueuing an alert's 10,000 chats, start it again on the same database, and count what every reader
// received.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { concurrencyFor } from "../../src/delivery";
import { createStore } from "../../src/store";
import { FakeBotApi } from "../support/fake-bot-api";
import { startHarness, TEST_TOKEN, waitUntil } from "../support/harness";
import { tempDatabasePath } from "../support/temp";

const ROOT = resolve(import.meta.dirname, "../..");
const CHATS = 300;
const RATE = 100;
const temp = tempDatabasePath();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  temp.cleanup();
});

function startBot(apiRoot: string, env: Record<string, string> = {}): ChildProcess {
  // node itself with tsx's loader (not the tsx wrapper, whose child a SIGKILL would orphan).
  const loader = pathToFileURL(resolve(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, resolve(ROOT, "src/main.ts")], {
    cwd: temp.dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_PATH: temp.path,
      PORT: "0",
      SEND_RATE: String(RATE),
      PAID_BROADCAST: "true",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: process.env.CRASH_TEST_STDIO === "inherit" ? "inherit" : "ignore",
  });
  children.push(child);
  return child;
}

it("loses nothing and repeats at most the messages in flight when killed mid-broadcast", async () => {
  const fake = await FakeBotApi.start({ latencyMs: 5 });
  try {
    const store = createStore(temp.path, Date.now);
    const ids = Array.from({ length: CHATS }, (_, i) => 50_000 + i);
    for (const id of ids) store.chats.touch(id, "private", null);
    store.outbox.enqueue(
      ids.map((chatId) => ({
        chatId,
        purpose: "alert",
        ref: "alert:1",
        dedupeKey: "alert:1",
        message: { kind: "text" as const, parts: [`<b>عاجل</b> ${chatId}`] },
      })),
    );
    store.close();

    const first = startBot(fake.apiRoot);
    await waitUntil(
      () => fake.stats.sent >= CHATS / 3,
      30_000,
      () => `sent ${fake.stats.sent}`,
    );
    first.kill("SIGKILL");
    await once(first, "exit");
    const sentBeforeCrash = fake.stats.sent;
    expect(sentBeforeCrash).toBeLessThan(CHATS);

    const second = startBot(fake.apiRoot);
    await waitUntil(
      () => ids.every((id) => fake.sentTo(id).length > 0),
      60_000,
      () => `missing: ${ids.filter((id) => fake.sentTo(id).length === 0).join(", ")}`,
    );
    second.kill("SIGTERM");
    expect((await once(second, "exit"))[0]).toBe(0);

    const copies = ids.map((id) => fake.sentTo(id).length);
    expect(copies.every((n) => n >= 1)).toBe(true); // nothing lost
    expect(Math.max(...copies)).toBeLessThanOrEqual(2);
    // Only messages in flight at the kill can be sent twice.
    expect(copies.filter((n) => n === 2).length).toBeLessThanOrEqual(concurrencyFor(RATE));
    const after = createStore(temp.path, Date.now);
    expect(after.outbox.progress("alert:1")).toMatchObject({ sent: CHATS, queued: 0, sending: 0 });
    after.close();
  } finally {
    await fake.close();
  }
}, 90_000);

it("skips nobody and repeats nobody beyond the messages in flight when killed while enqueuing an alert", async () => {
  const chats = 10_000;
  const rate = 1000;
  const editor = 7001;
  const db = tempDatabasePath();
  try {
    // An alert pressed Send on (its first chunk enqueued) in a bot stopped at once: the next start enqueues the
    // rest, and is killed while it does.
    const h = await startHarness({ databasePath: db.path, env: { EDITOR_IDS: String(editor) } });
    const ids = Array.from({ length: chats }, (_, i) => 200_000 + i);
    const index = h.app.deps.topics.index();
    const [dez, mayadin] = ["deir-ez-zor", "mayadin"].map((slug) => index.bySlug(slug)?.id);
    const follow = h.app.store.db.prepare(
      "INSERT INTO subscriptions (chat_id, topic_id, created_at) VALUES (?, ?, 0)",
    );
    h.app.store.db.transaction(() => {
      for (const [i, id] of ids.entries()) {
        h.app.store.chats.touch(id, "private", null);
        follow.run(id, mayadin);
        if (i % 3 === 0) follow.run(id, dez);
      }
    })();
    const article = h.app.deps.importer.importOne(
      {
        title: "اشتباكات في مدينة الميادين بريف دير الزور الشرقي",
        body: "اندلعت اشتباكات عنيفة مساء اليوم في أحياء مدينة الميادين، وأفاد سكان بسماع أصوات انفجارات.\n\nوأغلقت المحال التجارية أبوابها في السوق الرئيسي للمدينة.",
      },
      { origin: "post", postedBy: editor },
    ).article;
    const requester = { id: editor, name: "عمر", language: "ar" as const, timeZone: "Asia/Damascus" };
    const preview = h.app.deps.alerts.preview({ article }, requester);
    expect(preview.audience).toBe(chats);
    h.app.deps.alerts.confirm(preview.alert.id, editor);
    h.app.deps.alerts.stop();
    await h.app.stop();
    // The harness's sender may have sent a few of the first chunk before it stopped: they count.
    const early = h.fake.sentCountByChat();
    await h.fake.close();
    const ref = `alert:${preview.alert.id}`;

    const fake = await FakeBotApi.start({ latencyMs: 5 });
    try {
      const watcher = createStore(db.path, Date.now);
      const enqueued = () =>
        (watcher.db.prepare("SELECT count(*) AS n FROM outbox WHERE ref = ?").get(ref) as { n: number }).n;
      const env = { DATABASE_PATH: db.path, SEND_RATE: String(rate), DEFAULT_TIMEZONE: "Asia/Damascus" };
      const first = startBot(fake.apiRoot, env);
      const before = enqueued();
      await waitUntil(
        () => enqueued() > before,
        30_000,
        () => `enqueued ${enqueued()}`,
      );
      first.kill("SIGKILL");
      await once(first, "exit");
      // The kill fell inside the enqueuing (each chunk is a transaction: a whole number of chunks is there).
      expect(enqueued()).toBeLessThan(chats);
      expect(watcher.alerts.get(preview.alert.id)?.fanout).toBeDefined();

      const received = () => {
        const byChat = fake.sentCountByChat();
        for (const [chat, n] of early) byChat.set(chat, (byChat.get(chat) ?? 0) + n);
        return byChat;
      };
      const second = startBot(fake.apiRoot, env);
      await waitUntil(
        () => received().size >= chats,
        90_000,
        () =>
          `reached ${received().size} of ${chats}; outbox ${JSON.stringify(watcher.outbox.progress(ref))}; fanout ${JSON.stringify(watcher.alerts.get(preview.alert.id)?.fanout)}; missing ${ids.filter((id) => !received().has(id)).slice(0, 5)}`,
      );
      second.kill("SIGTERM");
      expect((await once(second, "exit"))[0]).toBe(0);

      const byChat = received();
      const copies = ids.map((id) => byChat.get(id) ?? 0);
      expect(Math.min(...copies)).toBe(1); // nobody skipped
      expect(Math.max(...copies)).toBeLessThanOrEqual(2);
      expect(copies.filter((n) => n === 2).length).toBeLessThanOrEqual(concurrencyFor(rate));
      expect(watcher.outbox.progress(ref)).toMatchObject({ total: chats, sent: chats, queued: 0 });
      expect(watcher.alerts.get(preview.alert.id)?.recipients).toBe(chats);
      watcher.close();
    } finally {
      await fake.close();
    }
  } finally {
    db.cleanup();
  }
}, 150_000);
