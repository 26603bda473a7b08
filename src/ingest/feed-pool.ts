// Feed documents are parsed off the main thread: a small pool of worker threads (feed-worker.ts) started on
// the first parse, each replaced when it crashes, killed when a parse takes too long, and terminated by
// close(). feedsmith reads a whole document at once (a 5,000-item feed takes seconds); in a thread of its own
// that no longer holds up replies and alerts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logger";
import type { FeedBytes, FeedJob, FeedWorkerData, FeedWorkerMessage, PreparedFeed } from "./feed-worker";
import type { BoilerplateRules } from "./plain-text";
import { IngestError } from "./types";

export type { FeedBytes, PreparedFeed } from "./feed-worker";

/** Longest a parse may take before its thread is killed. */
export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;
/** Threads at most: parses beyond that wait their turn. */
const DEFAULT_SIZE = 2;
/** A thread's heap limit: a document that needs more kills that thread only, not the bot. */
const DEFAULT_HEAP_MB = 256;

/** Why a parse did not give a feed (other than a document that is not a feed: IngestError). */
export type FeedParseErrorKind = "parse-timeout" | "parse-failed" | "aborted";

/** A parse that timed out, whose thread crashed, or that was cancelled (shutdown). */
export class FeedParseError extends Error {
  override name = "FeedParseError";
  constructor(
    message: string,
    readonly kind: FeedParseErrorKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What reads feed documents for the poller: the pool, or a stand-in. */
export interface FeedParser {
  /**
   * Parses a document (text, or bytes to decode) and prepares at most `maxItems` of its items (the newest).
   * Rejects with IngestError or FeedParseError.
   */
  parse(
    document: string | FeedBytes,
    options?: { maxItems?: number; signal?: AbortSignal },
  ): Promise<PreparedFeed>;
  /** Terminates the threads; a later parse starts new ones. */
  close(): Promise<void>;
}

export interface FeedParserPoolOptions {
  /** Site-footer rules applied to item bodies (the built-in ones when absent). */
  boilerplate?: BoilerplateRules;
  /** Default DEFAULT_PARSE_TIMEOUT_MS; counted from when the thread receives the document. */
  timeoutMs?: number;
  /** Threads at most; default 2. */
  size?: number;
  /** Heap limit of each thread in MB; default 256. */
  heapMb?: number;
  logger?: Logger;
}

interface Job {
  id: number;
  document: string | FeedBytes;
  maxItems: number | undefined;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  resolve(feed: PreparedFeed): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  /** Set once the pool has given the thread up (killed, crashed, closed): its later events are ignored. */
  gone: boolean;
}

/**
 * How a thread runs feed-worker: in dist/ (scripts/build.mjs defines __NASHRA_BUNDLE__ and builds
 * dist/feed-worker.js beside dist/main.js) the built file; under tsx (tests, `npm run cli`) the TypeScript
 * source, through tsx's register() — Node 20 does not pass a parent's `--import tsx` hooks on to a thread.
 */
declare const __NASHRA_BUNDLE__: boolean | undefined;

function workerSource(): { code: string | URL; eval: boolean } {
  if (typeof __NASHRA_BUNDLE__ !== "undefined") {
    // In the bundle, import.meta.url is this source's URL (scripts/build.mjs), src/ingest/feed-pool.ts.
    return { code: new URL("../../dist/feed-worker.js", import.meta.url), eval: false };
  }
  const worker = new URL("./feed-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsxRegisterUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return { code, eval: true };
}

/** tsx's ESM register API, as `import "tsx/esm/api"` finds it (require.resolve would give its CommonJS twin). */
function tsxRegisterUrl(): string {
  const pkgPath = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = pkg.exports["./esm/api"]?.import.default ?? "./dist/esm/api/index.mjs";
  return pathToFileURL(resolve(dirname(pkgPath), entry)).href;
}

export class FeedParserPool implements FeedParser {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly size: number;

  constructor(private readonly options: FeedParserPoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
    this.size = Math.max(1, options.size ?? DEFAULT_SIZE);
  }

  /** Threads running now (started, not yet given up). */
  get threads(): number {
    return this.slots.length;
  }

  parse(
    document: string | FeedBytes,
    options: { maxItems?: number; signal?: AbortSignal } = {},
  ): Promise<PreparedFeed> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new FeedParseError("aborted", "aborted"));
    return new Promise<PreparedFeed>((resolvePromise, rejectPromise) => {
      const job: Job = {
        id: this.nextId++,
        document,
        maxItems: options.maxItems,
        signal,
        onAbort: () => this.abort(job),
        resolve: resolvePromise,
        reject: rejectPromise,
      };
      signal?.addEventListener("abort", job.onAbort, { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) this.settle(job, new FeedParseError("aborted", "aborted"));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map((slot) => {
        slot.gone = true;
        if (slot.job) this.settle(slot.job, new FeedParseError("aborted", "aborted"));
        return slot.worker.terminate();
      }),
    );
  }

  /** Gives waiting jobs to idle threads, starting threads up to `size`. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === undefined);
      if (slot === undefined) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift() as Job;
      slot.job = job;
      slot.worker.ref();
      if (slot.ready) this.send(slot, job);
    }
  }

  private send(slot: Slot, job: Job): void {
    const message: FeedJob = { id: job.id, document: job.document };
    if (job.maxItems !== undefined) message.maxItems = job.maxItems;
    job.timer = setTimeout(() => {
      this.options.logger?.warn(
        { timeoutMs: this.timeoutMs },
        "a feed took too long to parse; its thread is killed",
      );
      this.giveUp(slot);
      this.settle(
        job,
        new FeedParseError(`parsing the feed took longer than ${this.timeoutMs} ms`, "parse-timeout"),
      );
      this.dispatch();
    }, this.timeoutMs);
    slot.worker.postMessage(message);
  }

  private spawn(): Slot {
    const source = workerSource();
    const data: FeedWorkerData = { nashraFeedWorker: true };
    if (this.options.boilerplate) data.boilerplate = this.options.boilerplate;
    const worker = new Worker(source.code, {
      eval: source.eval,
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? DEFAULT_HEAP_MB },
    });
    const slot: Slot = { worker, ready: false, job: undefined, gone: false };
    worker.on("message", (message: FeedWorkerMessage) => this.answer(slot, message));
    worker.on("error", (error) => this.crashed(slot, error));
    worker.on("exit", (code) =>
      this.crashed(slot, new Error(`the feed parser's thread exited with code ${code}`)),
    );
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private answer(slot: Slot, message: FeedWorkerMessage): void {
    if (slot.gone) return;
    if (message.type === "ready") {
      slot.ready = true;
      if (slot.job) this.send(slot, slot.job);
      return;
    }
    const job = slot.job;
    if (job === undefined || job.id !== message.id) return;
    slot.job = undefined;
    slot.worker.unref();
    if (message.type === "parsed") this.settle(job, undefined, message.feed);
    else this.settle(job, message.ingest ? new IngestError(message.message) : new Error(message.message));
    this.dispatch();
  }

  /** A thread that died by itself (an exception, out of memory): its job fails, a new thread takes the next. */
  private crashed(slot: Slot, error: Error): void {
    if (slot.gone) return;
    this.options.logger?.error(
      { err: error },
      "the feed parser's thread stopped; a new one takes the next feed",
    );
    this.giveUp(slot);
    if (slot.job) {
      this.settle(
        slot.job,
        new FeedParseError(`the feed parser stopped: ${error.message}`, "parse-failed", { cause: error }),
      );
    }
    this.dispatch();
  }

  /** Cancels a job: dropped from the queue, or its thread killed (it cannot be interrupted otherwise). */
  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.giveUp(slot);
    this.settle(job, new FeedParseError("aborted", "aborted"));
    this.dispatch();
  }

  /** Takes a thread out of the pool and terminates it. */
  private giveUp(slot: Slot): void {
    slot.gone = true;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    slot.worker.terminate().catch(() => {});
  }

  private settle(job: Job, error: Error | undefined, feed?: PreparedFeed): void {
    clearTimeout(job.timer);
    job.signal?.removeEventListener("abort", job.onAbort);
    if (error) job.reject(error);
    else job.resolve(feed as PreparedFeed);
  }
}
