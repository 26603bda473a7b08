// The one HTTP server on PORT: /healthz, /metrics, and the webhook path in webhook mode. Nothing a client
// sends can take it down: a request that cannot be parsed gets 400, a body past the limit 413.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Clock, systemClock } from "../clock";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { Store } from "../store";
import { Health } from "./health";

/** Telegram's updates are a few KB; a message with its entities stays far below this. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface WebhookRoute {
  /** The path of WEBHOOK_URL, e.g. /telegram/hook */
  path: string;
  secret: string;
  /**
   * Handles one parsed update; resolves when it is handled, or when Telegram's patience is running out
   * and the rest goes on in the background (see webhookRoute).
   */
  handle: (update: object) => Promise<unknown>;
}

export interface HttpOptions {
  store: Store;
  metrics: Metrics;
  logger: Logger;
  clock?: Clock;
  webhook?: WebhookRoute;
}

/** A request the server refuses with a status of its own (400, 413). */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Creates (without listening) the server; call `.listen(port, host)`. */
export function createHttpServer({ store, metrics, logger, clock, webhook }: HttpOptions): Server {
  const health = new Health(store, metrics, clock ?? systemClock);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req.url);
    if (webhook && path === webhook.path) {
      if (req.method !== "POST") return send(res, 405, "text/plain", "method not allowed\n");
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], webhook.secret)) {
        metrics.errors.inc({ kind: "webhook_unauthorized" });
        return send(res, 401, "text/plain", "unauthorized\n");
      }
      const update = parseUpdate(await readBody(req, MAX_WEBHOOK_BODY_BYTES));
      await webhook.handle(update);
      res.writeHead(200, { "content-length": 0 });
      res.end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(res, 405, "text/plain", "method not allowed\n");
    if (path === "/healthz") {
      const { ok, body } = health.check();
      return send(res, ok ? 200 : 503, "application/json", JSON.stringify(body));
    }
    if (path === "/metrics") {
      if (store.healthy()) metrics.queueDepth.set(store.outbox.queueDepth());
      return send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
    }
    return send(res, 404, "text/plain", "not found\n");
  }

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      try {
        if (error instanceof Refusal) {
          metrics.errors.inc({ kind: `http_${error.status}` });
          if (res.headersSent) res.end();
          else send(res, error.status, "text/plain", `${error.message}\n`, { connection: "close" });
          // A body past the limit is not read to its end: the connection goes.
          if (error.status === 413) res.once("finish", () => req.destroy());
          return;
        }
        logger.error({ err: error, method: req.method, url: req.url?.slice(0, 200) }, "http request failed");
        metrics.noteError("http", error);
        if (!res.headersSent) send(res, 500, "text/plain", "internal error\n");
        else res.end();
      } catch (failure) {
        // The socket went away while answering: nothing left to tell the client.
        logger.warn({ err: failure }, "could not answer an http request");
        req.destroy();
      }
    });
  });
}

/** The path of a request target; a target that is not a URL at all (`//:99999`) is a 400. */
function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    throw new Refusal(400, "bad request");
  }
}

/** Compares the secret header in constant time (digests of equal length, whatever was sent). */
function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(header), digest(secret));
}

/** Reads a request body of at most `limit` bytes; more (declared or sent) is a 413. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > limit)
    return Promise.reject(new Refusal(413, "payload too large"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total <= limit) return void chunks.push(chunk);
      // Stop reading (destroying the request would take the socket, and the 413 with it).
      req.off("data", onData).pause();
      reject(new Refusal(413, "payload too large"));
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, total)));
    req.once("error", reject);
  });
}

/** A webhook body as an update: a JSON object with a numeric update_id, else a 400. */
function parseUpdate(body: Buffer): object {
  let update: unknown;
  try {
    update = JSON.parse(body.toString("utf8"));
  } catch {
    throw new Refusal(400, "malformed JSON");
  }
  if (
    typeof update !== "object" ||
    update === null ||
    typeof (update as { update_id?: unknown }).update_id !== "number"
  ) {
    throw new Refusal(400, "not a Telegram update");
  }
  return update;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}
