// Prometheus metrics (prom-client), one registry per process (or per test), served on /metrics.
import { Counter, collectDefaultMetrics, Registry } from "prom-client";

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
  readonly errors = new Counter({
    name: "nashra_errors_total",
    help: "Errors, by where they happened",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "nashra_" });
  }
}
