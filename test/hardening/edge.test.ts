// The edge of Nashra under attack or accident (issue 11): what arrives over HTTP, from a feed, in a folder
// to import, and what the logs and /healthz say. Each reproduction of the issue, replayed against the app.
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { LOOPBACK_SPELLINGS } from "../support/addresses";
import { FakeBotApi } from "../support/fake-bot-api";
import { serveFeeds } from "../support/feed-server";
import { type Harness, startHarness, TEST_TOKEN, visible, waitUntil } from "../support/harness";
import { tempDatabasePath } from "../support/temp";
import { command, user } from "../support/updates";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");
const MAIN = resolve(ROOT, "src/main.ts");
/** The secret half of the test token: it must never reach a log line. */
const TOKEN_SECRET = TEST_TOKEN.split(":")[1] as string;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Sends a raw request target (which fetch would normalize) and resolves with the status. */
function rawGet(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: target, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A feed server on 127.0.0.1 serving `routes` (path → RSS), counting its requests. */
async function feedServer(routes: Record<string, string>): Promise<{ root: string; requests: () => number }> {
  let requests = 0;
  const server = await serveFeeds((req, res) => {
    requests++;
    const body = routes[req.url ?? ""];
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(body ?? "");
  });
  cleanups.push(() => server.close());
  return { root: server.url, requests: () => requests };
}

function rss(title: string, items: { title: string; body: string; link: string }[]): string {
  const xml = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${xml(title)}</title><link>https://euphrates.example.org/</link>${items
    .map(
      (i) =>
        `<item><title>${xml(i.title)}</title><link>${i.link}</link><description>${xml(i.body)}</description></item>`,
    )
    .join("")}</channel></rss>`;
}

const BODY =
  "أفاد مراسلون محليون بسقوط قذائف صاروخية على محيط حقل العمر النفطي في ريف دير الزور الشرقي، فيما قالت مصادر إن الدفاعات اعترضت بعضها.\n\nوأضافت المصادر أن القصف لم يسفر عن إصابات، وأن التحقيق جار في مصدر الإطلاق قرب مدينة الميادين.";

describe("a real process, from outside", () => {
  let fake: FakeBotApi;
  let child: ChildProcess;
  let stdout = "";
  let port = 0;

  beforeAll(async () => {
    fake = await FakeBotApi.start();
    cleanups.push(() => fake.close());
    const temp = tempDatabasePath();
    cleanups.push(temp.cleanup);
    child = spawn(TSX, [MAIN], {
      cwd: temp.dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_PATH: temp.path,
        PORT: "0",
        HTTP_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stdout += d;
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    await waitUntil(
      () => stdout.includes("nashra started"),
      30_000,
      () => stdout,
    );
    const started = stdout.split("\n").find((l) => l.includes("nashra started")) ?? "{}";
    port = (JSON.parse(started) as { port: number }).port;
  }, 40_000);

  it("answers a request target that is not a URL (GET //:99999) with 400 and keeps serving", async () => {
    expect(await rawGet(port, "//:99999")).toBe(400);
    expect(await rawGet(port, "//[")).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(child.exitCode).toBeNull();
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/nashra_errors_total\{kind="http_400"\} 2/);
  });

  it("logs a dropped connection to Telegram without the bot token", async () => {
    const reader = user({ language_code: "en" });
    fake.dropNext(1, "sendMessage");
    fake.pushUpdate(command("help", "", { from: reader }));
    await waitUntil(
      () => stdout.includes("sendMessage"),
      15_000,
      () => stdout,
    );
    // The failure is in the log (the URL of the request with it) …
    expect(stdout).toMatch(/bot123456:\[redacted\]\/sendMessage/);
    // … and the token is nowhere.
    expect(stdout).not.toContain(TOKEN_SECRET);
    expect(child.exitCode).toBeNull();
  }, 20_000);
});

describe("the webhook", () => {
  const SECRET = "s3cret_Token-42";
  let fake: FakeBotApi;
  let app: App;
  const hook = (body: string | Buffer, secret = SECRET) =>
    fetch(`http://127.0.0.1:${app.port}/tg/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body,
    });

  beforeAll(async () => {
    fake = await FakeBotApi.start();
    const temp = tempDatabasePath();
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: temp.path,
      PORT: "0",
      HTTP_HOST: "127.0.0.1",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/tg/hook",
      WEBHOOK_SECRET: SECRET,
    });
    app = await startApp(config, { logger: createLogger("silent"), webhookTimeoutMs: 300 });
    cleanups.push(async () => {
      await app.stop();
      await fake.close();
      temp.cleanup();
    });
  });

  afterEach(() => fake.setLatency(0));

  it("answers malformed JSON and JSON that is not an update with 400, not 500", async () => {
    expect((await hook('{"update_id": 1, "message": ')).status).toBe(400);
    expect((await hook("[1, 2, 3]")).status).toBe(400);
    expect((await hook('{"message": {}}')).status).toBe(400);
  });

  it("refuses a body over the limit with 413, and a wrong secret with 401 before reading it", async () => {
    const huge = Buffer.alloc(2 * 1024 * 1024, "a");
    expect((await hook(huge)).status).toBe(413);
    expect((await hook("{}", "s3cret_Token-43")).status).toBe(401);
  });

  it("answers 200 to an update that takes longer than Telegram waits, and still finishes it", async () => {
    const reader = user({ language_code: "en" });
    fake.setLatency(1500); // the reply to /help takes 1.5 s; the request is held for 0.3 s at most
    const res = await hook(JSON.stringify({ update_id: 10, ...command("help", "", { from: reader }) }));
    expect(res.status).toBe(200);
    expect(fake.sentTo(reader.id)).toEqual([]);
    const sent = await fake.waitFor(() => fake.sentTo(reader.id)[0], 10_000);
    expect(visible(sent)).toContain("Nashra sends the news");
  });
});

describe("hostile input to a running bot", () => {
  const EDITOR = user({ language_code: "en" });
  let h: Harness;
  /** The app's clock runs with real time (the rate limiter needs it), ahead by `skew`. */
  let skew = 0;
  beforeAll(async () => {
    h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id) }, clock: () => Date.now() + skew });
    cleanups.push(() => h.stop());
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${h.app.port}${path}`);

  it("labels only the bot's own commands in /metrics: 100 odd names are one label", async () => {
    for (let i = 0; i < 100; i++) {
      h.fake.pushUpdate(command(`x${i.toString(36)}_${"q".repeat(20)}`, "", { from: user() }));
    }
    await h.send(command("help", "", { from: user() }));
    await waitUntil(async () => (await h.app.deps.metrics.handledUpdates()) >= 101, 30_000);
    const text = await (await get("/metrics")).text();
    const labels = [...text.matchAll(/^nashra_commands_total\{command="([^"]+)"\}/gm)].map((m) => m[1]);
    expect(labels.sort()).toEqual(["help", "other"]);
    expect(text).toMatch(/^nashra_commands_total\{command="other"\} 100$/m);
  }, 40_000);

  it("does not read a feed on 127.0.0.1, however spelt, unless FEED_ALLOW_HOSTS says so", async () => {
    const inside = await feedServer({
      "/feed.rss": rss("Intranet", [{ title: "سري", body: BODY, link: "https://x.example.org/1" }]),
    });
    const port = new URL(inside.root).port;
    const hosts = LOOPBACK_SPELLINGS;
    for (const [n, host] of hosts.entries()) {
      // Each a feed of its own (the canonical URL of 0x7f000001 is that of 127.0.0.1).
      const url = `http://${host}:${port}/feed.rss?n=${n}`;
      const [reply] = await h.send(command("addfeed", url, { from: EDITOR }));
      expect(visible(reply), host).toContain("not a public internet address");
    }
    expect(inside.requests()).toBe(0);
    expect(h.app.store.articles.count()).toBe(0);
  });

  it("keeps an 11,000-character feed title and item title from breaking /addfeed, /feeds and /latest", async () => {
    const longTitle = "نشرة الفرات ".repeat(1000); // 12,000 characters
    const item = {
      title: `عاجل: ${"قصف على حقل العمر ".repeat(600)}`,
      body: BODY,
      link: "https://e.example.org/a",
    };
    const feed = await feedServer({ "/long.rss": rss(longTitle, [item]) });
    // The test server is on 127.0.0.1: allowed here as a newsroom would allow its own CMS.
    const h2 = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id), FEED_ALLOW_HOSTS: "127.0.0.1" } });
    cleanups.push(() => h2.stop());
    const [added] = await h2.send(command("addfeed", `${feed.root}/long.rss`, { from: EDITOR }));
    expect(visible(added)).toContain("Added feed");
    expect(visible(added)).toContain("نشرة الفرات");
    expect(visible(added)).toContain("…");
    const [list] = await h2.send(command("feeds", "", { from: EDITOR }));
    expect(visible(list)).toContain("نشرة الفرات");
    const reader = user({ language_code: "ar" });
    const [latest] = await h2.send(command("latest", "", { from: reader }));
    expect(visible(latest)).toContain("قصف على حقل العمر");
    for (const m of [added, list, latest]) expect(visible(m).length).toBeLessThan(4096);
    const stored = h2.app.store.feeds.all()[0];
    expect(stored?.title?.length).toBeLessThanOrEqual(200);
  }, 30_000);

  it("tells a full disk in /healthz: 503 while writes fail, and ok a minute after they work again", async () => {
    const { db } = h.app.store;
    expect((await get("/healthz")).status).toBe(200);
    const pages = db.pragma("page_count", { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    // Fill what room is left, as a disk fills up.
    const fill = db.prepare("INSERT INTO meta (key, value) VALUES (?, hex(randomblob(500)))");
    let n = 0;
    try {
      for (;;) fill.run(`filler-${n++}`);
    } catch (error) {
      expect((error as { code?: string }).code).toBe("SQLITE_FULL");
    }
    // A new reader's /subscribe needs room: it fails, and health says so.
    // Enough of them to need a new page whatever room the tables' last pages have left.
    for (let i = 0; i < 200; i++) h.fake.pushUpdate(command("subscribe", "الميادين", { from: user() }));
    await waitUntil(() => h.app.deps.metrics.lastWriteFailure !== undefined, 10_000);
    const full = await get("/healthz");
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({
      status: "unavailable",
      database: "ok",
      last_write_failure: { code: "SQLITE_FULL" },
    });
    // Room again: the probe passes, and once the failure is a minute old, health is ok again.
    db.prepare("DELETE FROM meta WHERE key LIKE 'filler-%'").run();
    db.pragma("max_page_count = 1073741823");
    skew += 61_000;
    const healthy = await get("/healthz");
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: "ok", writes: "ok" });
  }, 20_000);

  it("answers 503 when the write probe itself fails", async () => {
    const { db } = h.app.store;
    db.pragma("query_only = ON");
    skew += 2000; // past the probe's once-a-second
    try {
      const res = await get("/healthz");
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ writes: "failing", database: "ok" });
    } finally {
      db.pragma("query_only = OFF");
    }
  });
});
