// The message model: what Nashra sends a reader, as renderers build it, the outbox stores it and the sender
// (src/delivery/send.ts) sends it. A message goes out as one or more Telegram calls, its parts, in order.
//
// Text, and a photo with its caption (then the rest of the text). A new kind is one more member of `Message` here,
// one more entry in the sender's table of kinds (src/delivery/send.ts: the compiler asks for it) and its renderer.
import type { Language } from "../domain";
import { MAX_ENTITIES, splitMessage } from "./split";

/** Telegram's limit on a caption's visible text (UTF-16 code units after entity parsing, as splitMessage counts). */
export const CAPTION_LIMIT = 1024;

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

/**
 * A picture with a caption (part 0, sendPhoto), then the rest of the text (parts 1…, sendMessage). `photo` is a
 * Telegram file_id or an http(s) URL: the sender uploads a URL once and sends the file_id Telegram returned to
 * everyone else (src/delivery/photos.ts). A photo Telegram refuses goes as text: the caption, then the rest.
 */
export interface PhotoMessage {
  kind: "photo";
  photo: string;
  /** Telegram HTML within CAPTION_LIMIT and the entity limit. */
  caption: string;
  rest: readonly string[];
}

/**
 * A correction of a message a reader already has (an alert whose article an editor edited): each part edits the
 * same part of the delivered copy, its caption (editMessageCaption) or its text (editMessageText). The copy's
 * message ids come from the outbox row it edits (`OutboxMessage.editOf`).
 */
export interface EditMessage {
  kind: "edit";
  parts: readonly { caption: boolean; html: string }[];
}

/** Everything a reader can be sent. Stored as JSON in the outbox: add members, never change one. */
export type Message = TextMessage | PhotoMessage | EditMessage | RelayMessage;

/** The correction that makes a delivered copy read like `message` (a photo's caption first, then its text parts). */
export function editMessage(message: TextMessage | PhotoMessage): EditMessage {
  return {
    kind: "edit",
    parts:
      message.kind === "text"
        ? message.parts.map((html) => ({ caption: false, html }))
        : [
            { caption: true, html: message.caption },
            ...message.rest.map((html) => ({ caption: false, html })),
          ],
  };
}

export type MessageKind = Message["kind"];

/** A group of a digest: the articles one of the reader's places (or one watched word) brings, newest first. */
export type DigestGroup =
  | { topic: number; articles: readonly number[] }
  /** A watched word, as this reader wrote it (its heading shows it). */
  | { phrase: string; articles: readonly number[] };

/**
 * A digest as a run stores it: what it shows, not its HTML (~150 bytes instead of ~4 KB a reader: issue 16). The
 * sender renders it when it claims the row (src/digest/render.ts), from the articles as they are then: an article
 * deleted meanwhile is left out, an edited one reads as edited. Not sendable as such: the sender's `render` turns
 * it into a text or photo message.
 */
export interface DigestRecipe {
  kind: "digest";
  /** The run's time, in its heading. */
  at: number;
  language: Language;
  timeZone: string;
  /** In the order of their newest article. */
  groups: readonly DigestGroup[];
  /** Articles only counted («…and 12 more»). */
  more: number;
}

/** What the outbox stores: a message, or a digest's recipe the sender renders (src/delivery/sender.ts). */
export type StoredMessage = Message | DigestRecipe;

/** A text message of Telegram HTML of any length, split into parts Telegram accepts. */
export function textMessage(html: string): TextMessage {
  return { kind: "text", parts: splitMessage(html) };
}

/**
 * A photo with the text of Telegram HTML of any length: as much of it as a caption holds (cut where splitMessage
 * cuts: at a paragraph, else a line, else a space), the rest in messages after it. Text that fits a caption is one
 * message: a reader gets the picture and the news in one notification. Without visible text, the text message.
 */
export function photoMessage(html: string, photo: string): PhotoMessage | TextMessage {
  const [caption, ...more] = splitMessage(html, { limit: CAPTION_LIMIT, maxEntities: MAX_ENTITIES });
  if (caption === undefined) return textMessage(html);
  // The rest in parts of a whole message each, not of a caption.
  const rest = more.length === 0 ? [] : splitMessage(more.join("\n"));
  return { kind: "photo", photo, caption, rest };
}

/** How many Telegram calls send the message. */
export function partCount(message: Message): number {
  switch (message.kind) {
    case "text":
      return message.parts.length;
    case "relay":
      return (message.from ? 1 : 0) + message.parts.length;
    case "photo":
      return 1 + message.rest.length;
    case "edit":
      return message.parts.length;
  }
}

/** The Telegram HTML a reader reads in each part (a photo's caption first), for previews in the CLI and tests. */
export function messageHtml(message: Message): readonly string[] {
  switch (message.kind) {
    case "text":
      return message.parts;
    case "relay":
      return message.parts;
    case "photo":
      return [message.caption, ...message.rest];
    case "edit":
      return message.parts.map((p) => p.html);
  }
}
