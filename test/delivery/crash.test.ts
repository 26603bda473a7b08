// Crash safety with real processes: SIGKILL the bot in the middle of a broadcast to 300 chats, start it
// again on the same database, and count what every reader received.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { concurrencyFor } from "../../src/delivery";
import { createStore } from "../../src/store";
import { FakeBotApi } from "../support/fake-bot-api";
import { TEST_TOKEN, waitUntil } from "../support/harness";
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

function startBot(apiRoot: string): ChildProcess {
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
    },
    stdio: "ignore",
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
