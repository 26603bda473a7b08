// Telegram's error answers: ready-made ones for tests to inject, and the failure the fake's handlers throw.
import type { ResponseParameters } from "grammy/types";

/** A Bot API error as Telegram sends it. */
export interface TelegramError {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

/** Ready-made Telegram errors for `failNext`, e.g. `fake.failNext(1, { method: "sendMessage", ...telegramErrors.tooManyRequests(3) })`. */
export const telegramErrors = {
  tooManyRequests: (retryAfter: number): TelegramError => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
  internal: (): TelegramError => ({ error_code: 500, description: "Internal Server Error" }),
  badGateway: (): TelegramError => ({ error_code: 502, description: "Bad Gateway" }),
  chatNotFound: (): TelegramError => ({ error_code: 400, description: "Bad Request: chat not found" }),
  blocked: (): TelegramError => ({ error_code: 403, description: "Forbidden: bot was blocked by the user" }),
  deactivated: (): TelegramError => ({ error_code: 403, description: "Forbidden: user is deactivated" }),
  kicked: (): TelegramError => ({
    error_code: 403,
    description: "Forbidden: bot was kicked from the group chat",
  }),
  cantInitiate: (): TelegramError => ({
    error_code: 403,
    description: "Forbidden: bot can't initiate conversation with a user",
  }),
  migrated: (newChatId: number): TelegramError => ({
    error_code: 400,
    description: "Bad Request: group chat was migrated to a supergroup chat",
    parameters: { migrate_to_chat_id: newChatId },
  }),
  messageTooLong: (): TelegramError => ({ error_code: 400, description: "Bad Request: message is too long" }),
  cantParseEntities: (detail: string): TelegramError => ({
    error_code: 400,
    description: `Bad Request: can't parse entities: ${detail}`,
  }),
};

/** Thrown by the fake's handlers to answer with a Telegram error. */
export class ApiFailure extends Error {
  constructor(readonly error: TelegramError) {
    super(error.description);
  }
}

export const badRequest = (detail: string): ApiFailure =>
  new ApiFailure({ error_code: 400, description: `Bad Request: ${detail}` });
