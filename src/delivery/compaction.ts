// Keeping the outbox small: finished rows lose their message bodies after OUTBOX_KEEP_DAYS (the rows stay,
// with their dedupe keys and times). A daily digest to 10,000 readers adds ~40 MB of bodies a day otherwise.
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store";
import { retryBusy } from "../store/db";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often old rows are looked for (and once at start). */
const EVERY_MS = 60 * 60 * 1000;
/** Rows per write transaction: short enough that the sender and the bot barely wait for the lock. */
const BATCH = 2000;

export interface CompactionOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  keepDays: number;
  onError?(error: unknown): void;
}

export class OutboxCompaction {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly options: CompactionOptions) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Compacts every finished row older than the keep period, a batch at a time; returns how many. */
  runOnce(): Promise<number> {
    this.running ??= this.compact().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async compact(): Promise<number> {
    const { store, clock, logger, keepDays } = this.options;
    const before = clock() - keepDays * DAY_MS;
    let total = 0;
    try {
      for (;;) {
        const { compacted, more } = await retryBusy(() => store.outbox.compactFinished(before, BATCH));
        total += compacted;
        if (!more) break;
        // Let updates and the sender in between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (total > 0) logger.info({ rows: total, keepDays }, "compacted finished outbox rows");
    } catch (error) {
      logger.error({ err: error }, "could not compact the outbox");
      this.options.onError?.(error);
    }
    return total;
  }
}
