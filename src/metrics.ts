// Prometheus metrics (prom-client), one registry per process (or per test), served on /metrics.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type Clock, systemClock } from "./clock";

/**
 * SQLite result codes that mean a write could not be stored (disk full, I/O error, read-only or broken
 * file). SQLITE_BUSY is not among them: a busy write is retried and usually succeeds.
 */
const WRITE_FAILURE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/;

/** A write failure as recorded for /healthz. */
export interface WriteFailure {
  /** When, by the clock. */
  at: number;
  /** The SQLite code, e.g. SQLITE_FULL. */
  code: string;
}

export class Metrics {
  readonly registry = new Registry();
  readonly updates = new Counter({
    name: "nashra_updates_total",
    help: "Telegram updates handled, by type",
    labelNames: ["type"] as const,
    registers: [this.registry],
  });
  /** Use {@link countCommand}, which keeps the label set bounded. */
  readonly commands = new Counter({
    name: "nashra_commands_total",
    help: 'Bot commands received, by command name (names the bot does not know: "other")',
    labelNames: ["command"] as const,
    registers: [this.registry],
  });
  readonly handlerSeconds = new Histogram({
    name: "nashra_update_handling_seconds",
    help: "Time from receiving an update to the end of its handling",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "nashra_errors_total",
    help: "Errors, by where they happened",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: "nashra_deliveries_total",
    help: "Outbox messages by outcome (sent, failed, dropped) and purpose",
    labelNames: ["outcome", "purpose"] as const,
    registers: [this.registry],
  });
  readonly floods = new Counter({
    name: "nashra_telegram_429_total",
    help: "429 Too Many Requests answers received (each pauses all sending)",
    registers: [this.registry],
  });
  readonly sendLatency = new Histogram({
    name: "nashra_delivery_latency_seconds",
    help: "Time from enqueue to the last part sent",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: "nashra_outbox_depth",
    help: "Outbox messages queued or being sent",
    registers: [this.registry],
  });

  readonly writeFailures = new Counter({
    name: "nashra_write_failures_total",
    help: "Database writes that failed (disk full, I/O error, read-only file)",
    labelNames: ["code"] as const,
    registers: [this.registry],
  });
  /** The latest write failure seen by {@link noteError}. */
  lastWriteFailure: WriteFailure | undefined;
  private readonly clock: Clock;
  private readonly knownCommands: ReadonlySet<string>;

  /** Counts a command by name: one of the bot's own, else "other" (a label per typed name would grow without end). */
  countCommand(name: string): void {
    this.commands.inc({ command: this.knownCommands.has(name) ? name : "other" });
  }

  /** Counts an error by where it happened; a failed database write is also recorded for /healthz. */
  noteError(kind: string, error: unknown): void {
    this.errors.inc({ kind });
    const code = sqliteCode(error);
    if (code !== undefined && WRITE_FAILURE.test(code)) {
      this.writeFailures.inc({ code });
      this.lastWriteFailure = { at: this.clock(), code };
    }
  }

  /** Updates whose handling has finished (successfully or not). */
  async handledUpdates(): Promise<number> {
    const metric = await this.handlerSeconds.get();
    return metric.values.find((v) => v.metricName === "nashra_update_handling_seconds_count")?.value ?? 0;
  }

  /**
   * `commands`: the names counted under their own label (the bot's commands); anything else a user types is
   * counted as "other".
   */
  constructor(options: { processMetrics?: boolean; clock?: Clock; commands?: readonly string[] } = {}) {
    this.clock = options.clock ?? systemClock;
    this.knownCommands = new Set(options.commands ?? []);
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "nashra_" });
  }
}

/** The code of a better-sqlite3 SqliteError, also when it is the cause of another error. */
function sqliteCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
