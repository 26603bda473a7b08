// How each kind of message goes out: one Telegram call per part. The sender calls this for readers, the editor's
// preview for its one chat, so what an editor checks is what readers get. A new kind of message (a photo with
// its caption) is one more entry in KINDS: the compiler refuses a Message kind without one.
import { type Api, GrammyError } from "grammy";
import {
  type Message,
  type MessageKind,
  partCount,
  type RelayMessage,
  type TextMessage,
} from "../text/message";

/** Options the sender adds to every call (paid broadcast). */
export interface SendExtras {
  allow_paid_broadcast?: boolean;
}

type PartSender<M extends Message> = (
  api: Api,
  chatId: number,
  message: M,
  part: number,
  extras: SendExtras,
) => Promise<{ message_id: number }>;

const sendText: PartSender<TextMessage> = (api, chatId, message, part, extras) =>
  api.sendMessage(chatId, message.parts[part] as string, {
    parse_mode: "HTML",
    // A link preview for a one-part message only: below a later part it would show the first part's link.
    link_preview_options: { is_disabled: part > 0 || message.parts.length > 1 },
    ...extras,
  });

/** A relayed message (a tip, a reply to one): the person's own message copied or forwarded, then the cards. */
const sendRelay: PartSender<RelayMessage> = async (api, chatId, message, part, extras) => {
  const { from } = message;
  if (from && part === 0) {
    try {
      return await (from.forward
        ? api.forwardMessage(chatId, from.chatId, from.messageId)
        : api.copyMessage(chatId, from.chatId, from.messageId, extras));
    } catch (error) {
      // "message to copy not found": the person deleted it. The cards still go, with a line saying so.
      if (!(error instanceof GrammyError && error.error_code === 400 && message.missing !== undefined))
        throw error;
      return api.sendMessage(chatId, message.missing, { parse_mode: "HTML", ...extras });
    }
  }
  const index = part - (from ? 1 : 0);
  const last = index === message.parts.length - 1;
  const rows = message.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data })));
  return api.sendMessage(chatId, message.parts[index] as string, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(last && rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
    ...extras,
  });
};

const KINDS: { [K in MessageKind]: PartSender<Extract<Message, { kind: K }>> } = {
  text: sendText,
  relay: sendRelay,
};

/** False for a stored message of a kind this build does not know (written by a newer Nashra). */
export function canSend(message: { kind: unknown }): boolean {
  return typeof message.kind === "string" && Object.hasOwn(KINDS, message.kind);
}

/** Sends part `part` of a message to a chat; returns Telegram's message. */
export function sendPart(
  api: Api,
  chatId: number,
  message: Message,
  part: number,
  extras: SendExtras = {},
): Promise<{ message_id: number }> {
  return (KINDS[message.kind] as PartSender<Message>)(api, chatId, message, part, extras);
}

/** Sends every part of a message, in order (the editor's preview: one chat, no outbox). */
export async function sendWhole(api: Api, chatId: number, message: Message): Promise<void> {
  for (let part = 0; part < partCount(message); part++) await sendPart(api, chatId, message, part);
}
