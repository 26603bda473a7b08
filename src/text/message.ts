// The message model: what Nashra sends a reader, as renderers build it, the outbox stores it and the sender
// (src/delivery/send.ts) sends it. A message goes out as one or more Telegram calls, its parts, in order.
//
// Only text exists today. A photo with a caption (issue 15) is one more member of `Message` here, one more entry
// in the sender's table of kinds (src/delivery/send.ts: the compiler asks for it) and the renderer that builds it.
import { splitMessage } from "./split";

/** Telegram-HTML messages, each already within Telegram's limits (see splitMessage), sent in order. */
export interface TextMessage {
  kind: "text";
  parts: readonly string[];
}

/** A button of a relayed message's card: a press comes back as its data (src/bot/callback-data.ts). */
export interface RelayButton {
  text: string;
  data: string;
}

/**
 * A message a person sent the bot, passed on to another chat (a reader's tip to an editor, an editor's reply to the
 * reader): `from` is copied (copyMessage: no sender shown) or forwarded (forwardMessage: Telegram shows who sent it),
 * then the `parts` (Telegram HTML) follow, the last with `buttons`. `from` is null when the cards say it all (a text).
 */
export interface RelayMessage {
  kind: "relay";
  from: { chatId: number; messageId: number; forward: boolean } | null;
  parts: readonly string[];
  buttons: readonly (readonly RelayButton[])[];
  /** Telegram HTML sent in the copy's place when Telegram cannot copy it any more (the person deleted it). */
  missing?: string;
}

/** Everything a reader can be sent. Stored as JSON in the outbox: add members, never change one. */
export type Message = TextMessage | RelayMessage;

export type MessageKind = Message["kind"];

/** A text message of Telegram HTML of any length, split into parts Telegram accepts. */
export function textMessage(html: string): TextMessage {
  return { kind: "text", parts: splitMessage(html) };
}

/** How many Telegram calls send the message. */
export function partCount(message: Message): number {
  switch (message.kind) {
    case "text":
      return message.parts.length;
    case "relay":
      return (message.from ? 1 : 0) + message.parts.length;
  }
}

/** The Telegram HTML a reader reads in each part (a photo's caption, later), for previews in the CLI and tests. */
export function messageHtml(message: Message): readonly string[] {
  switch (message.kind) {
    case "text":
      return message.parts;
    case "relay":
      return message.parts;
  }
}
