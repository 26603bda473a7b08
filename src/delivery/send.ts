// How each kind of message goes out: one Telegram call per part. The sender calls this for readers, the editor's
// preview for its one chat, so what an editor checks is what readers get. A new kind of message is one more entry
// in KINDS: the compiler refuses a Message kind without one.
import { type Api, GrammyError } from "grammy";
import {
  type EditMessage,
  type Message,
  type MessageKind,
  type PhotoMessage,
  partCount,
  type RelayMessage,
  type TextMessage,
} from "../text/message";
import { classifySendError } from "./errors";
import { type PhotoFiles, refusesPicture } from "./photos";

/** Options the sender adds to a row's calls (paid broadcast; silence in the reader's quiet hours). */
export interface SendExtras {
  allow_paid_broadcast?: boolean;
  /** The reader's quiet hours: no sound. */
  disable_notification?: boolean;
}

/** What a part sender may need besides the message: the photos' file_ids (one upload per picture). */
export interface SendContext {
  photos?: PhotoFiles | undefined;
  /** Told when a photo went as text because Telegram refused it (the sender logs and counts it). */
  photoRefused?: ((description: string) => void) | undefined;
  /** A correction's targets: the message ids of the delivered copy, part by part. */
  editTargets?: readonly number[] | undefined;
}

type PartSender<M extends Message> = (
  api: Api,
  chatId: number,
  message: M,
  part: number,
  extras: SendExtras,
  context: SendContext,
) => Promise<{ message_id: number }>;

function sendHtml(api: Api, chatId: number, html: string, preview: boolean, extras: SendExtras) {
  return api.sendMessage(chatId, html, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: !preview },
    ...extras,
  });
}

// A link preview for a one-part message only: below a later part it would show the first part's link.
const sendText: PartSender<TextMessage> = (api, chatId, message, part, extras) =>
  sendHtml(api, chatId, message.parts[part] as string, part === 0 && message.parts.length === 1, extras);

/** The largest size's file_id of a sent photo (every size has one; Telegram takes any of them back). */
function fileIdOf(sent: { photo?: readonly { file_id: string }[] }): string | undefined {
  return sent.photo?.[sent.photo.length - 1]?.file_id;
}

/**
 * Part 0: the picture with its caption (by file_id once one upload returned it, src/delivery/photos.ts); parts 1…:
 * the rest as text. A picture Telegram refuses (a 400: wrong file, too big, a URL it cannot fetch) goes as text
 * instead: the caption as a message, then the rest, so the news always arrives.
 */
const sendPhotoPart: PartSender<PhotoMessage> = async (api, chatId, message, part, extras, context) => {
  if (part > 0) return sendHtml(api, chatId, message.rest[part - 1] as string, false, extras);
  const { photos } = context;
  const lease = photos
    ? await photos.lease(message.photo)
    : { kind: "send" as const, photo: message.photo, upload: false };
  if (lease.kind === "refused") return sendHtml(api, chatId, message.caption, false, extras);
  try {
    const sent = await api.sendPhoto(chatId, lease.photo, {
      caption: message.caption,
      parse_mode: "HTML",
      ...extras,
    });
    if (lease.upload) {
      const fileId = fileIdOf(sent);
      if (fileId) photos?.learned(message.photo, fileId);
      else photos?.failed(message.photo);
    }
    return sent;
  } catch (error) {
    // A 429, a 5xx, a dead or migrated chat: the sender handles it as for any message (the upload is retried).
    const failure = classifySendError(error);
    if (failure.kind !== "permanent") {
      if (lease.upload) photos?.failed(message.photo);
      throw error;
    }
    const picture = refusesPicture(failure.description);
    if (lease.upload || picture) photos?.failed(message.photo, picture ? failure.description : undefined);
    context.photoRefused?.(failure.description);
    return sendHtml(api, chatId, message.caption, false, extras);
  }
};

/** Answers of an edit that leave nothing to do: the copy reads so already, or the reader deleted it. */
const NOTHING_TO_EDIT = /message is not modified|message to edit not found|message can't be edited/i;
/** The copy is not of the kind the correction expected (a photo that went as text, or the reverse). */
const OTHER_KIND = /no caption|no text in the message|there is no text/i;

/**
 * Part `part` of a correction edits the same part of the delivered copy: its caption or its text (the other when
 * Telegram says the copy is not of that kind, as when its photo went as text). A copy the reader deleted, or one
 * that already reads so, is done. A part the copy does not have is left out.
 */
const sendEdit: PartSender<EditMessage> = async (api, chatId, message, part, _extras, context) => {
  const target = context.editTargets?.[part];
  const edit = message.parts[part];
  if (target === undefined || !edit) return { message_id: 0 };
  const asCaption = (caption: boolean) =>
    caption
      ? api.editMessageCaption(chatId, target, { caption: edit.html, parse_mode: "HTML" })
      : api.editMessageText(chatId, target, edit.html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
  try {
    await asCaption(edit.caption);
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.kind !== "permanent") throw error;
    if (NOTHING_TO_EDIT.test(failure.description)) return { message_id: target };
    if (!OTHER_KIND.test(failure.description)) throw error;
    try {
      await asCaption(!edit.caption);
    } catch (again) {
      const second = classifySendError(again);
      if (second.kind === "permanent" && NOTHING_TO_EDIT.test(second.description))
        return { message_id: target };
      throw again;
    }
  }
  return { message_id: target };
};

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
  photo: sendPhotoPart,
  edit: sendEdit,
};

/** False for a stored message of a kind this build does not know (written by a newer Nashra). */
export function canSend(message: { kind: unknown }): message is Message {
  return typeof message.kind === "string" && Object.hasOwn(KINDS, message.kind);
}

/** Sends part `part` of a message to a chat; returns Telegram's message. */
export function sendPart(
  api: Api,
  chatId: number,
  message: Message,
  part: number,
  extras: SendExtras = {},
  context: SendContext = {},
): Promise<{ message_id: number }> {
  return (KINDS[message.kind] as PartSender<Message>)(api, chatId, message, part, extras, context);
}

/** Sends every part of a message, in order (the editor's preview: one chat, no outbox). */
export async function sendWhole(
  api: Api,
  chatId: number,
  message: Message,
  context: SendContext = {},
): Promise<void> {
  for (let part = 0; part < partCount(message); part++)
    await sendPart(api, chatId, message, part, {}, context);
}
