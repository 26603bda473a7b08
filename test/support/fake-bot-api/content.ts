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

/** Telegram's caption limits: visible length (UTF-16 code units) and entities. */
export const CAPTION_LIMIT = 1024;
export const MAX_CAPTION_ENTITIES = 100;

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
    if (kind === "text" && codePoints(parsed.text) > 4096) throw badRequest("message is too long");
    // A caption is counted in UTF-16 code units after entity parsing (the visible text, not the tags), and holds
    // at most 100 entities: stricter than TDLib's code points, never looser than Telegram.
    if (kind === "caption") {
      if (parsed.text.length > CAPTION_LIMIT) throw badRequest("message caption is too long");
      if (parsed.entities.length > MAX_CAPTION_ENTITIES) throw badRequest("too many caption entities");
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
