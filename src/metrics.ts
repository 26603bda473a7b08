// Prometheus metrics (prom-client), one registry per process (or per test), served on /metrics.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export class Metrics {
  readonly registry = new Registry();
  readonly updates = new Counter({
    name: "nashra_updates_total",
    help: "Telegram updates handled, by type",
    labelNames: ["type"] as const,
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: "nashra_commands_total",
    help: "Bot commands received, by command name",
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

  /** Updates whose handling has finished (successfully or not). */
  async handledUpdates(): Promise<number> {
    const metric = await this.handlerSeconds.get();
    return metric.values.find((v) => v.metricName === "nashra_update_handling_seconds_count")?.value ?? 0;
  }

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "nashra_" });
  }
}
