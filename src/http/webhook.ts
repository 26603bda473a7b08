// The webhook route: grammY handles each update the server has read, checked and parsed.
import { type Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { NashraContext } from "../bot/context";
import type { WebhookRoute } from "./server";

/**
 * How long Telegram's request is held open while an update is handled. Past it the request is answered
 * 200 and the handling goes on in the background: Telegram would otherwise give up, count a failure
 * and send the update again.
 */
export const WEBHOOK_TIMEOUT_MS = 8000;

/** The route for WEBHOOK_URL's path (the secret is compared by the server, in constant time). */
export function webhookRoute(
  bot: Bot<NashraContext>,
  url: string,
  secret: string,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): WebhookRoute {
  // The "callback" adapter takes the update as parsed; replies go through the API, never the response.
  const callback = webhookCallback(bot, "callback", { onTimeout: "return", timeoutMilliseconds: timeoutMs });
  return {
    path: new URL(url).pathname,
    secret,
    handle: (update) => callback(update as Update, () => {}, secret),
  };
}
