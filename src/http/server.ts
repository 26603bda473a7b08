// The one HTTP server on PORT: /healthz, /metrics, and the webhook path in webhook mode.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { Store } from "../store";

export interface WebhookRoute {
  /** The path of WEBHOOK_URL, e.g. /telegram/hook */
  path: string;
  secret: string;
  /** grammY's webhookCallback(bot, "http", ...) */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
}

export interface HttpOptions {
  store: Store;
  metrics: Metrics;
  logger: Logger;
  webhook?: WebhookRoute;
}

/** Creates (without listening) the server; call `.listen(port)`. */
export function createHttpServer({ store, metrics, logger, webhook }: HttpOptions): Server {
  return createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    try {
      if (webhook && path === webhook.path) {
        if (req.method !== "POST") return send(res, 405, "text/plain", "method not allowed\n");
        if (req.headers["x-telegram-bot-api-secret-token"] !== webhook.secret) {
          metrics.errors.inc({ kind: "webhook_unauthorized" });
          return send(res, 401, "text/plain", "unauthorized\n");
        }
        return await webhook.handle(req, res);
      }
      if (req.method !== "GET" && req.method !== "HEAD")
        return send(res, 405, "text/plain", "method not allowed\n");
      if (path === "/healthz") {
        const ok = store.healthy();
        return send(
          res,
          ok ? 200 : 503,
          "application/json",
          JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unavailable" }),
        );
      }
      if (path === "/metrics") {
        if (store.healthy()) metrics.queueDepth.set(store.outbox.queueDepth());
        return send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
      }
      return send(res, 404, "text/plain", "not found\n");
    } catch (error) {
      logger.error({ err: error, path }, "http request failed");
      metrics.errors.inc({ kind: "http" });
      if (!res.headersSent) send(res, 500, "text/plain", "internal error\n");
      else res.end();
    }
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}
