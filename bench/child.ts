// What the benchmarks share to run a measured side in a process of its own (so that its peak memory is its
// own): spawning a bench file with `--child <json>`, reading its figures back, and the process's own figures.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Message } from "grammy/types";
import type { FakeBotApi } from "../test/support/fake-bot-api";
import { TEST_TOKEN } from "../test/support/harness";
import { command, type user } from "../test/support/updates";

/** Linux's clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
const CLOCK_TICKS = 100;

/**
 * Memory and CPU of a process, from /proc (Linux). Peak RSS is VmHWM, the process's own high-water mark;
 * not getrusage's maxRSS, which Linux carries across fork and exec, so that a child's figure starts at its
 * parent's RSS at the time of the spawn.
 */
export function sampleProcess(pid: number | "self"): { rssKb: number; hwmKb: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM"), cpuMs: (ticks * 1000) / CLOCK_TICKS };
}

/**
 * Runs `file --child <job as JSON>` with the same node and tsx loader as this process; resolves with the last
 * JSON line it prints. Killed after `timeoutMs`.
 */
export function runChild<T>(file: string, job: unknown, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, file, "--child", JSON.stringify(job)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      const line = out
        .trim()
        .split("\n")
        .reverse()
        .find((l) => l.startsWith("{"));
      if (code !== 0 || !line) {
        reject(new Error(`${file} child exited ${code}: ${err.trim() || out.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as T);
    });
  });
}

/** In a bench file: when it was started as a child, runs `side` with its job and prints the result. */
export async function childMain<J, T>(file: string, side: (job: J) => Promise<T>): Promise<void> {
  if (process.argv[1] !== file || process.argv[2] !== "--child") return;
  const result = await side(JSON.parse(process.argv[3] ?? "{}") as J);
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Builds dist/main.js, as `npm start` does before it runs it. */
export function buildBot(): void {
  const build = spawnSync(process.execPath, [resolve(ROOT, "scripts/build.mjs")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr || build.stdout}`);
}

/** The bot as `npm start` runs it (`node dist/main.js`), polling the fake Bot API. */
export interface RunningBot {
  process: ChildProcess;
  pid: number;
  /** SIGTERM, then waits for a clean exit (throws with its stderr otherwise). */
  stop(): Promise<void>;
  /** SIGKILL if it still runs (for `finally`). */
  kill(): void;
}

/** Starts dist/main.js (built with buildBot) in `at.dir` on `at.path`; resolves once it polls for updates. */
export async function startBuiltBot(
  fake: FakeBotApi,
  at: { dir: string; path: string },
  env: Record<string, string>,
): Promise<RunningBot> {
  const bot = spawn(process.execPath, [resolve(ROOT, "dist/main.js")], {
    cwd: at.dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_PATH: at.path,
      PORT: "0",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  bot.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = once(bot, "exit");
  const kill = () => {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill("SIGKILL");
  };
  try {
    // Up: polling for updates (the sender starts in the same tick).
    await Promise.race([
      fake.waitFor((calls) => calls.some((c) => c.method === "getUpdates"), 60_000),
      exited.then(([code]) => {
        throw new Error(`the bot exited ${code} before polling: ${stderr.trim()}`);
      }),
    ]);
  } catch (error) {
    kill();
    throw error;
  }
  return {
    process: bot,
    pid: bot.pid as number,
    async stop() {
      bot.kill("SIGTERM");
      const [code] = await exited;
      if (code !== 0) throw new Error(`the bot exited ${code}: ${stderr.trim()}`);
    },
    kill,
  };
}

/**
 * The built bot at the paid rate (SEND_RATE 1000, paid broadcasts), with one editor: the outside benchmarks'.
 * `env` adds to or overrides its environment (ADMIN_IDS, say).
 */
export function startPaidBot(
  fake: FakeBotApi,
  at: { dir: string; path: string },
  editorId: number,
  env: Record<string, string> = {},
): Promise<RunningBot> {
  return startBuiltBot(fake, at, {
    SEND_RATE: "1000",
    PAID_BROADCAST: "true",
    EDITOR_IDS: String(editorId),
    ...env,
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `ready()`, or fails after `timeoutMs` saying what it waited for and what the fake saw last. */
export async function until(
  fake: FakeBotApi,
  what: string,
  ready: () => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what} (${fake.calls.filter((c) => c.errorCode === 429).length} 429s so far): ${fake.describeRecentCalls(6)}`,
      );
    await sleep(50);
  }
}

/** The breaking alert both outside benchmarks send to Deir ez-Zor's readers. */
export const ALERT_TEXT =
  "عاجل: انقطاع الكهرباء عن أحياء واسعة في دير الزور بعد عطل في محطة التحويل الرئيسية، وفرق الصيانة تعمل على إصلاحه";

/** An editor sends /alert دير الزور: …; resolves with the preview once it has its Send button («📣»). */
export async function alertPreview(
  fake: FakeBotApi,
  editor: ReturnType<typeof user>,
  timeoutMs: number,
): Promise<Message | undefined> {
  fake.pushUpdate(command("alert", `دير الزور: ${ALERT_TEXT}`, { from: editor }));
  await until(
    fake,
    "the alert preview",
    () =>
      (fake.lastMessage(editor.id)?.reply_markup?.inline_keyboard ?? [])
        .flat()
        .some((b) => b.text.includes("📣")),
    timeoutMs,
  );
  return fake.lastMessage(editor.id);
}
