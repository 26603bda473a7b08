// What /healthz answers: the database reads, a write goes through, and no write failed lately.
import type { Clock } from "../clock";
import type { Metrics } from "../metrics";
import type { Store } from "../store";

/** A write failure this recent makes the bot unhealthy even if the probe now passes. */
const RECENT_MS = 60_000;
/** The probe writes at most this often, however often /healthz is asked. */
const PROBE_EVERY_MS = 1000;

export interface HealthReport {
  /** false → 503 */
  ok: boolean;
  body: {
    status: "ok" | "unavailable";
    database: "ok" | "unavailable";
    /** The write probe: ok, busy (another writer holds the lock; not a failure) or failing. */
    writes: "ok" | "busy" | "failing";
    /** The latest failed write anywhere in the bot (disk full, I/O error…), when there was one. */
    last_write_failure?: { at: string; code: string };
  };
}

export class Health {
  private probed: { at: number; result: string } | undefined;

  constructor(
    private readonly store: Store,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
  ) {}

  check(): HealthReport {
    const now = this.clock();
    const database = this.store.healthy();
    if (database && (this.probed === undefined || now - this.probed.at >= PROBE_EVERY_MS)) {
      const result = this.store.probeWrite();
      this.probed = { at: now, result };
      if (result !== "ok" && result !== "busy") {
        this.metrics.noteError("health_probe", { code: result });
      }
    }
    const probe = database ? (this.probed?.result ?? "ok") : "failed";
    const writes = probe === "ok" || probe === "busy" ? probe : "failing";
    const last = this.metrics.lastWriteFailure;
    const recent = last !== undefined && now - last.at < RECENT_MS;
    const ok = database && writes !== "failing" && !recent;
    const body: HealthReport["body"] = {
      status: ok ? "ok" : "unavailable",
      database: database ? "ok" : "unavailable",
      writes,
    };
    if (last) body.last_write_failure = { at: new Date(last.at).toISOString(), code: last.code };
    return { ok, body };
  }
}
