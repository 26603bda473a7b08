// What a failed send means for the message and the chat (docs/telegram.md, "Errors").
import { GrammyError, HttpError } from "grammy";

export type SendFailure =
  /** 429: pause the whole bot for retryAfterMs, then send the same message again. */
  | { kind: "flood"; retryAfterMs: number; description: string }
  /** 5xx, network: try again later, a bounded number of times. */
  | { kind: "transient"; description: string }
  /** The reader blocked the bot, deleted the account, removed the bot, or the chat is gone. */
  | { kind: "dead-chat"; description: string }
  /** The group became a supergroup with another id. */
  | { kind: "migrated"; newChatId: number; description: string }
  /** Anything else: our message is wrong (a bug); never retried. */
  | { kind: "permanent"; description: string };

const DEAD_CHAT = [
  "bot was blocked by the user",
  "user is deactivated",
  "bot was kicked",
  "bot is not a member",
  "chat not found",
  "bot can't initiate conversation",
  "bot can't send messages to bots",
  "chat_write_forbidden",
  "need administrator rights",
  "have no rights to send",
  "group chat was deleted",
  "peer_id_invalid",
];

/** Classifies an error thrown by a grammY API call. */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const description = error.description;
    const lower = description.toLowerCase();
    if (error.error_code === 429) {
      return { kind: "flood", retryAfterMs: (error.parameters.retry_after ?? 5) * 1000, description };
    }
    if (error.parameters.migrate_to_chat_id !== undefined) {
      return { kind: "migrated", newChatId: error.parameters.migrate_to_chat_id, description };
    }
    if (error.error_code >= 500) return { kind: "transient", description };
    if (error.error_code === 403 || DEAD_CHAT.some((d) => lower.includes(d)))
      return { kind: "dead-chat", description };
    return { kind: "permanent", description };
  }
  if (error instanceof HttpError) return { kind: "transient", description: `network: ${error.message}` };
  return { kind: "transient", description: error instanceof Error ? error.message : String(error) };
}
