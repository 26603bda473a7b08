// How each kind of message goes out: one Telegram call per part. The sender calls this for readers, the editor's
// preview for its one chat, so what an editor checks is what readers get. A new kind of message (a photo with
// its caption) is one more entry in KINDS: the compiler refuses a Message kind without one.
import type { Api } from "grammy";
import { type Message, type MessageKind, partCount, type TextMessage } from "../text/message";

/** Options the sender adds to a row's calls (paid broadcast; silence in the reader's quiet hours). */
export interface SendExtras {
  allow_paid_broadcast?: boolean;
  /** The reader's quiet hours: no sound. */
  disable_notification?: boolean;
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

const KINDS: { [K in MessageKind]: PartSender<Extract<Message, { kind: K }>> } = {
  text: sendText,
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
