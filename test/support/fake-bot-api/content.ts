// A message's content as Telegram checks it: a text or caption (parse mode, empty, too long) and an inline keyboard.
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import { isRecord } from "./body";
import { badRequest } from "./errors";
import { parseTelegramHtml } from "./html";

/** Which of Telegram's checks apply (see `validateText` and `strictHtml` in FakeBotApiOptions). */
export interface ContentChecks {
  validate: boolean;
  strictHtml: boolean;
}

export const codePoints = (s: string): number => [...s].length;

/** A text or caption as Telegram reads it: HTML parsed into entities, then the empty and length checks. */
export function formatText(
  raw: unknown,
  parseMode: unknown,
  entities: unknown,
  kind: "text" | "caption",
  checks: ContentChecks,
): { text: string; entities: MessageEntity[] } {
  const { validate } = checks;
  const source = typeof raw === "string" ? raw : raw === undefined ? "" : String(raw);
  let parsed: { text: string; entities: MessageEntity[] } = {
    text: source,
    entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [],
  };
  if (validate && typeof parseMode === "string" && parseMode.toLowerCase() === "html") {
    parsed = parseTelegramHtml(source, checks.strictHtml);
  }
  if (validate) {
    if (kind === "text" && parsed.text.trim() === "") throw badRequest("message text is empty");
    const max = kind === "text" ? 4096 : 1024;
    if (codePoints(parsed.text) > max) {
      throw badRequest(kind === "text" ? "message is too long" : "message caption is too long");
    }
  }
  return parsed;
}

/** Validates reply_markup; returns it when it is an inline keyboard (the only markup Telegram echoes). */
export function inlineMarkup(markup: unknown, checks: ContentChecks): InlineKeyboardMarkup | undefined {
  if (!isRecord(markup) || !("inline_keyboard" in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  if (checks.validate) {
    for (const row of rows as unknown[][]) {
      for (const b of row) {
        if (!isRecord(b) || typeof b.text !== "string" || b.text === "") {
          throw badRequest("can't parse inline keyboard button: Text is not specified");
        }
        const actions = Object.keys(b).filter(
          (k) => k !== "text" && k !== "style" && k !== "icon_custom_emoji_id",
        );
        if (actions.length === 0) {
          throw badRequest(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          );
        }
        if (
          "callback_data" in b &&
          (typeof b.callback_data !== "string" ||
            Buffer.byteLength(b.callback_data) < 1 ||
            Buffer.byteLength(b.callback_data) > 64)
        ) {
          throw badRequest("BUTTON_DATA_INVALID");
        }
      }
    }
  }
  return markup as unknown as InlineKeyboardMarkup;
}
