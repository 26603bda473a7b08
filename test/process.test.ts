// Nashra as an operator runs it: a real process started with npm start / tsx, stopped with signals.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manyItems } from "./support/big-feeds";
import { FakeBotApi } from "./support/fake-bot-api";
import { serveFeeds } from "./support/feed-server";
import { TEST_TOKEN, visible, waitUntil } from "./support/harness";
import { tempDatabasePath } from "./support/temp";
import { command, user } from "./support/updates";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");
const MAIN = resolve(ROOT, "src/main.ts");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The environment a fresh shell would have, without anything Nashra reads. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

function launch(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Run {
  const started = Date.now();
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const exit = once(child, "exit").then(([code, signal]) => ({ code, signal, ms: Date.now() - started }));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

describe("start-up errors", () => {
  it("npm start without BOT_TOKEN exits non-zero within seconds, naming BOT_TOKEN in one line", async () => {
    const temp = tempDatabasePath();
    cleanups.push(temp.cleanup);
    const run = launch("npm", ["start", "--silent"], baseEnv({ DATABASE_PATH: temp.path }), ROOT);
    const { code, ms } = await run.exit;
    expect(code).not.toBe(0);
    expect(ms).toBeLessThan(15_000);
    const lines = run.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("BOT_TOKEN is required");
    expect(run.stderr()).not.toMatch(/\bat \S+ \(/); // no stack trace
  });

  it.each([
    [{ BOT_TOKEN: "nonsense" }, "BOT_TOKEN"],
    [{ BOT_TOKEN: TEST_TOKEN, BOT_MODE: "smoke-signals" }, "BOT_MODE"],
    [{ BOT_TOKEN: TEST_TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/hook" }, "WEBHOOK_SECRET"],
  ])("%j stops start-up naming %s", async (env, name) => {
    const temp = tempDatabasePath();
    cleanups.push(temp.cleanup);
    const run = launch(TSX, [MAIN], baseEnv({ ...env, DATABASE_PATH: temp.path }), temp.dir);
    const { code } = await run.exit;
    expect(code).not.toBe(0);
    expect(run.stderr().trim().split("\n")).toEqual([expect.stringContaining(name)]);
  });
});

/** A fake Bot API and a real bot process on a temporary database, once it has said it started. */
async function startRunningBot(): Promise<{ fake: FakeBotApi; run: Run }> {
  const fake = await FakeBotApi.start();
  cleanups.push(() => fake.close());
  const temp = tempDatabasePath();
  cleanups.push(temp.cleanup);
  const env = { BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_PATH: temp.path, PORT: "0" };
  const run = launch(TSX, [MAIN], baseEnv(env), temp.dir);
  await waitUntil(
    () => run.stdout().includes("nashra started"),
    15_000,
    () => run.stdout() + run.stderr(),
  );
  return { fake, run };
}

describe("a running bot", () => {
  it("answers, serves /healthz, and on SIGTERM finishes the reply in flight and exits 0 within 5 s", async () => {
    const { fake, run } = await startRunningBot();
    const port = JSON.parse(
      run
        .stdout()
        .split("\n")
        .find((l) => l.includes("nashra started")) ?? "{}",
    ).port as number;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);

    const reader = user({ language_code: "ar" });
    fake.pushUpdate(command("start", "", { from: reader }));
    await fake.waitFor(() => fake.sentTo(reader.id).length === 2);
    expect(visible(fake.sentTo(reader.id)[0])).toContain("أهلًا بك في نشرة");

    // A slow Telegram: the next reply is in flight when SIGTERM arrives, and must still complete.
    fake.setLatency(400);
    fake.pushUpdate(command("help", "", { from: reader }));
    await fake.waitFor(() =>
      fake.calls.some((c) => c.method === "sendMessage" && c.chatId === reader.id && c.outcome === undefined),
    );
    run.child.kill("SIGTERM");
    const { code, ms } = await run.exit;
    expect(code).toBe(0);
    expect(fake.sentTo(reader.id)).toHaveLength(3);
    expect(visible(fake.sentTo(reader.id)[2])).toContain("نشرة ترسل إليك");
    expect(ms).toBeGreaterThan(0);
  }, 30_000);

  it("exits 0 on SIGINT too", async () => {
    const { run } = await startRunningBot();
    const stoppedAt = Date.now();
    run.child.kill("SIGINT");
    const { code } = await run.exit;
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
  }, 30_000);
});

describe("the built bot (npm start's dist/main.js)", () => {
  it("parses a polled feed in its dist/feed-worker.js thread and imports the items", async () => {
    const build = spawnSync(process.execPath, [resolve(ROOT, "scripts/build.mjs")], { encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    const feeds = await serveFeeds((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(manyItems(5000));
    });
    cleanups.push(() => feeds.close());
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.close());
    const temp = tempDatabasePath();
    cleanups.push(temp.cleanup);
    const editor = user({ language_code: "ar" });
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: temp.path,
      PORT: "0",
      EDITOR_IDS: String(editor.id),
      FEED_ALLOW_HOSTS: "127.0.0.1",
    };
    const run = launch(process.execPath, [resolve(ROOT, "dist/main.js")], baseEnv(env), temp.dir);
    await waitUntil(
      () => run.stdout().includes("nashra started"),
      15_000,
      () => run.stdout() + run.stderr(),
    );
    fake.pushUpdate(command("addfeed", `${feeds.url}/raqqa.rss`, { from: editor }));
    await fake.waitFor(() => fake.sentTo(editor.id).length > 0, 30_000);
    const reply = visible(fake.sentTo(editor.id)[0]);
    expect(reply).toContain("أُضيف المصدر #1: مكتب الرقة");
    expect(reply).toContain("قرأته: حُفظ");
    fake.pushUpdate(command("latest", "", { from: editor }));
    await fake.waitFor(() => fake.sentTo(editor.id).length > 1, 10_000);
    expect(visible(fake.sentTo(editor.id)[1])).toContain("خبر رقم 4999 من الرقة");
    // The stop path ends the parser's thread too: a clean exit 0.
    run.child.kill("SIGTERM");
    expect((await run.exit).code).toBe(0);
    expect(run.stderr()).toBe("");
  }, 60_000);
});
