// Readers' tips to the newsroom (docs/tips.md): `/tip` and then a text, a photo, a video, a location or a forward
// (or such a message sent to the bot's private chat unasked) becomes a draft the reader confirms with one tap, without
// their name (the default) or with it; the editors get it with buttons to reply through the bot, make an article of
// it, or dismiss it. The rules are TipService's (src/tips/service.ts); this words them.
import { Composer, InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { sendWhole } from "../../delivery/send";
import type { Language } from "../../domain";
import { formatDateTime } from "../../i18n/format";
import { readLink } from "../../render/article";
import type { NewTip, TipKind, TipRecord } from "../../store/tips";
import { isolateLatinRunsHtml } from "../../text/bidi";
import { escapeHtml } from "../../text/html";
import { textMessage } from "../../text/message";
import { TIP_LIMIT, type TipCard } from "../../tips/service";
import { resolveTopic, splitTopicNames } from "../../topics/resolve";
import {
  tipArticle,
  tipCancel,
  tipDismiss,
  tipPost,
  tipReply,
  tipReplyCancel,
  tipSend,
} from "../callback-data";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, editHtml, editKeyboard, replyHtml } from "../reply";

/**
 * The longest piece of a caption or a forward's text an editor's card shows (the whole is in the copy above it). A
 * plain text has no copy: its card holds all of it, in as many messages as it takes.
 */
const CARD_TEXT = 3000;
/** The longest /post text shown to copy. */
const POST_TEXT = 3500;

/** A text sent unasked this long is offered as a tip (shorter ones are names and questions: the fallback's). */
const REPORT_CHARS = 200;
/** A caption that is a /tip command. */
const TIP_CAPTION = /^\/tip(?:@\w+)?(?:\s|$)/i;

export const tipsFeature = new Composer<NashraContext>();

/**
 * What a message holds as a tip, or undefined when it is nothing a tip can be (a sticker, a poll). A forward's origin
 * is kept only when it is a channel's or a group's title, which are public: a person's name (origin "user" or
 * "hidden_user") is never stored, since the draft is made before the reader chooses to be named, and a reader who
 * forwards their own message would be named on the card of a tip sent «دون اسمي». Sent with the name, the tip is
 * forwarded and Telegram's own header shows that person.
 */
function tipOf(message: Message, text: string): Pick<NewTip, "kind" | "text" | "origin"> | undefined {
  const origin = message.forward_origin;
  if (origin) {
    const from =
      origin.type === "channel"
        ? (origin.chat.title ?? null)
        : origin.type === "chat"
          ? (origin.sender_chat.title ?? null)
          : null;
    return { kind: "forward", text, origin: from };
  }
  const kind: TipKind | undefined = message.photo
    ? "photo"
    : message.video || message.video_note || message.animation
      ? "video"
      : message.location || message.venue
        ? "location"
        : message.voice || message.audio
          ? "voice"
          : message.document
            ? "document"
            : message.text !== undefined
              ? "text"
              : undefined;
  return kind ? { kind, text, origin: null } : undefined;
}

/** The reader as editors see them when the reader chose to be named. */
function senderOf(ctx: NashraContext): string {
  const from = ctx.from;
  if (!from) return "";
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
  return from.username ? `${name} (@${from.username})` : name;
}

/** Makes a draft of the reader's message and asks «أرسلها إلى غرفة الأخبار؟». */
async function offerTip(ctx: NashraContext, message: Message, text: string): Promise<boolean> {
  const content = tipOf(message, text);
  if (!content || !ctx.from || !ctx.chat) return false;
  if (content.kind === "text" && content.text.trim() === "") return false;
  const outcome = ctx.deps.tips.draft({
    chatId: ctx.chat.id,
    userId: ctx.from.id,
    messageId: message.message_id,
    sender: senderOf(ctx),
    ...content,
  });
  if (outcome.kind === "limited") {
    await replyHtml(ctx, limitText(ctx, outcome.retryAt));
    return true;
  }
  const id = outcome.tip.id;
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("tip-button-send"), tipSend.pack({ tip: id, named: false }))
    .row()
    .text(ctx.tp("tip-button-send-named"), tipSend.pack({ tip: id, named: true }))
    .row()
    .text(ctx.tp("tip-button-cancel"), tipCancel.pack({ tip: id }));
  await ctx.reply(isolateLatinRunsHtml(ctx.t("tip-confirm"), ctx.language), {
    parse_mode: "HTML",
    reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
    reply_markup: keyboard,
  });
  return true;
}

function limitText(ctx: NashraContext, retryAt: number): string {
  return ctx.t("tip-limited", {
    max: TIP_LIMIT,
    time: formatDateTime(retryAt, ctx.language, ctx.timeZone),
  });
}

/** A message's text or caption without a leading /tip. */
function tipText(message: Message): string {
  return (message.text ?? message.caption ?? "").replace(/^\/tip(?:@\w+)?(?:\s+|$)/i, "");
}

tipsFeature.command("tip", async (ctx) => {
  if (ctx.chat.type !== "private") {
    const link = `https://t.me/${ctx.me.username}`;
    await replyHtml(ctx, ctx.t("tip-private-only", { url: link }));
    return;
  }
  const message = ctx.msg;
  const text = tipText(message);
  // "/tip …" with something after it: that is the tip.
  if (commandArgument(ctx) !== "" && (await offerTip(ctx, message, text))) return;
  const retryAt = ctx.deps.tips.limitedUntil(ctx.from?.id ?? 0);
  if (retryAt !== undefined) {
    await replyHtml(ctx, limitText(ctx, retryAt));
    return;
  }
  ctx.deps.tips.awaitTip(ctx.from?.id ?? 0);
  await replyHtml(ctx, ctx.t("tip-ask"));
});

/**
 * A text sent unasked that reads as a report rather than a place's name or a question (those are the fallback's
 * fast path to following): two lines or more, or REPORT_CHARS characters.
 */
function looksLikeReport(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return lines.length >= 2 || [...text.trim()].length >= REPORT_CHARS;
}

/**
 * True when a short text is only places' names, whatever separates them («الميادين\nالبوكمال», one a line, reads
 * as two lines but is no report): /subscribe's reading of a list (splitTopicNames), every part a place. Such a text
 * is the follow offer's, not a tip.
 */
function namesPlaces(ctx: NashraContext, text: string): boolean {
  if ([...text.trim()].length >= REPORT_CHARS) return false;
  const index = ctx.deps.topics.index();
  const names = splitTopicNames(index, text);
  return (
    names.length > 0 &&
    names.every((name) => {
      const kind = resolveTopic(index, name).kind;
      return kind === "one" || kind === "several";
    })
  );
}

// In a private chat: an editor's reply to a tip, the tip /tip asked for, or a photo, video, location, forward or a
// report-like text sent unasked (then offered as a tip). Anything else goes on (short texts, and places' names one a
// line, to the fallback's follow offers).
tipsFeature.on("message", async (ctx, next) => {
  const message = ctx.message;
  const from = ctx.from;
  if (ctx.chat.type !== "private" || !from) return next();
  const raw = message.text ?? message.caption ?? "";
  // A photo or video whose caption starts with /tip: grammY's command() reads a text's entities only, not a caption's.
  if (message.text === undefined && TIP_CAPTION.test(raw) && (await offerTip(ctx, message, tipText(message))))
    return;
  if (raw.startsWith("/")) return next();
  const { tips } = ctx.deps;
  const replyTo = ctx.role === "reader" ? undefined : tips.replyingTo(from.id);
  if (replyTo !== undefined) {
    await sendReply(ctx, replyTo, message);
    return;
  }
  if (tips.takeAwaited(from.id)) {
    if (await offerTip(ctx, message, raw)) return;
    await replyHtml(ctx, ctx.t("tip-not-content"));
    return;
  }
  const unasked =
    (message.text !== undefined && looksLikeReport(message.text) && !namesPlaces(ctx, message.text)) ||
    message.forward_origin !== undefined ||
    message.photo !== undefined ||
    message.video !== undefined ||
    message.location !== undefined ||
    message.venue !== undefined ||
    message.voice !== undefined ||
    message.document !== undefined;
  if (unasked && (await offerTip(ctx, message, raw))) return;
  return next();
});

tipsFeature.callbackQuery(
  tipSend.filter,
  tipSend.handle(async (ctx, values) => {
    const { tips } = ctx.deps;
    const outcome = tips.send(values.tip, ctx.from.id, values.named, (tip, language) =>
      editorCard(ctx, tip, language),
    );
    if (outcome.kind === "gone") {
      await ctx.answerCallbackQuery({ text: ctx.tp("tip-gone") });
      return;
    }
    await ctx.answerCallbackQuery();
    if (outcome.kind === "limited") {
      await editHtml(ctx, limitText(ctx, outcome.retryAt));
      return;
    }
    if (outcome.editors === 0)
      ctx.deps.logger.warn({ tip: outcome.tip.id }, "a tip arrived and no editor has a chat with the bot");
    await editHtml(ctx, ctx.t(values.named ? "tip-sent-named" : "tip-sent", { id: `#${outcome.tip.id}` }));
  }),
);

tipsFeature.callbackQuery(
  tipCancel.filter,
  tipCancel.handle(async (ctx, values) => {
    const cancelled = ctx.deps.tips.cancel(values.tip, ctx.from.id);
    await ctx.answerCallbackQuery(cancelled ? {} : { text: ctx.tp("tip-gone") });
    if (cancelled) await editHtml(ctx, ctx.t("tip-cancelled"));
  }),
);

/** The editors' card of a tip in an editor's language: who sent it (or that the reader chose not to say), its text. */
function editorCard(ctx: NashraContext, tip: TipRecord, language: Language): TipCard {
  const { i18n } = ctx.deps;
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(language, key, args);
  const lines = [
    t("tip-card-heading", { id: `#${tip.id}`, kind: i18n.plain(language, `tip-kind-${tip.kind}`) }),
  ];
  if (tip.named) {
    lines.push(
      `${t("tip-card-named")} <a href="tg://user?id=${tip.userId}">${escapeHtml(tip.sender || String(tip.userId))}</a>`,
    );
  } else lines.push(t("tip-card-anonymous"));
  if (tip.origin) lines.push(t("tip-card-origin", { origin: tip.origin }));
  const text = [...tip.text.trim()];
  if (text.length > 0) {
    const cut = tip.kind !== "text" && text.length > CARD_TEXT;
    const shown = cut ? `${text.slice(0, CARD_TEXT).join("")}…` : text.join("");
    lines.push(`<blockquote>${escapeHtml(shown)}</blockquote>`);
  }
  const plain = (key: string) => i18n.plain(language, key);
  return {
    parts: textMessage(isolateLatinRunsHtml(lines.join("\n"), language)).parts,
    missing: t("tip-card-missing", { id: `#${tip.id}` }),
    buttons: [
      [
        { text: plain("tip-button-reply"), data: tipReply.pack({ tip: tip.id }) },
        { text: plain("tip-button-article"), data: tipArticle.pack({ tip: tip.id }) },
      ],
      [{ text: plain("tip-button-dismiss"), data: tipDismiss.pack({ tip: tip.id }) }],
    ],
  };
}

// --- The editors' buttons -------------------------------------------------------------------------------------

tipsFeature.callbackQuery(
  tipReply.filter,
  requireRole("editor"),
  tipReply.handle(async (ctx, values) => {
    const tip = ctx.deps.tips.find(values.tip);
    if (!tip || tip.status === "draft" || tip.status === "cancelled") {
      await ctx.answerCallbackQuery({ text: ctx.tp("tip-unavailable") });
      return;
    }
    ctx.deps.tips.startReply(ctx.from.id, tip.id);
    await ctx.answerCallbackQuery();
    await replyHtml(
      ctx,
      ctx.t("tip-reply-ask", { id: `#${tip.id}` }),
      new InlineKeyboard().text(ctx.tp("tip-button-reply-cancel"), tipReplyCancel.pack({})),
    );
  }),
);

tipsFeature.callbackQuery(
  tipReplyCancel.filter,
  requireRole("editor"),
  tipReplyCancel.handle(async (ctx) => {
    ctx.deps.tips.forgetReply(ctx.from.id);
    await ctx.answerCallbackQuery();
    await editHtml(ctx, ctx.t("tip-reply-cancelled"));
  }),
);

/** The editor's message after «↩»: it reaches the reader, headed in the reader's language, without the editor's name. */
async function sendReply(ctx: NashraContext, tipId: number, message: Message): Promise<void> {
  const { tips, i18n } = ctx.deps;
  const text = message.text;
  const sent = tips.reply(
    ctx.from?.id ?? 0,
    tipId,
    { chatId: message.chat.id, ...(text === undefined ? { messageId: message.message_id } : {}) },
    (tip, language) =>
      textMessage(
        isolateLatinRunsHtml(
          text === undefined
            ? i18n.t(language, "tip-reply-above", { id: `#${tip.id}` })
            : `${i18n.t(language, "tip-reply-heading", { id: `#${tip.id}` })}\n\n${escapeHtml(text)}`,
          language,
        ),
      ).parts,
  );
  await replyHtml(ctx, sent ? ctx.t("tip-reply-sent", { id: `#${tipId}` }) : ctx.t("tip-unavailable"));
}

tipsFeature.callbackQuery(
  tipArticle.filter,
  requireRole("editor"),
  tipArticle.handle(async (ctx, values) => {
    const { tips } = ctx.deps;
    const tip = tips.find(values.tip);
    if (!tip || tip.status === "draft" || tip.status === "cancelled") {
      await ctx.answerCallbackQuery({ text: ctx.tp("tip-unavailable") });
      return;
    }
    await ctx.answerCallbackQuery();
    if (tip.status === "posted" && tip.articleId !== null) {
      await replyHtml(ctx, ctx.t("tip-posted-already", { id: `#${tip.id}`, article: `#${tip.articleId}` }));
      return;
    }
    const text = tips.articleText(tip);
    if (!text) {
      await replyHtml(ctx, ctx.t("tip-article-no-text", { id: `#${tip.id}` }));
      return;
    }
    const post = [...`/post ${text.title}\n${text.body}`.trim()];
    const shown = post.length > POST_TEXT ? `${post.slice(0, POST_TEXT).join("")}…` : post.join("");
    await replyHtml(
      ctx,
      `${ctx.t("tip-article-text", { id: `#${tip.id}` })}\n\n<pre>${escapeHtml(shown)}</pre>`,
      new InlineKeyboard().text(ctx.tp("tip-button-post"), tipPost.pack({ tip: tip.id })),
    );
  }),
);

tipsFeature.callbackQuery(
  tipPost.filter,
  requireRole("editor"),
  tipPost.handle(async (ctx, values) => {
    const { tips, topics } = ctx.deps;
    const outcome = tips.post(values.tip, ctx.from.id);
    if (outcome.kind === "gone") {
      await ctx.answerCallbackQuery({ text: ctx.tp("tip-unavailable") });
      return;
    }
    await ctx.answerCallbackQuery();
    if (outcome.kind === "already") {
      await editHtml(
        ctx,
        ctx.t("tip-posted-already", { id: `#${values.tip}`, article: `#${outcome.articleId ?? "?"}` }),
      );
      return;
    }
    if (outcome.kind === "no-text") {
      await editHtml(ctx, ctx.t("tip-article-no-text", { id: `#${values.tip}` }));
      return;
    }
    const index = topics.index();
    const names = outcome.topics
      .map((t) => index.name(t, ctx.language))
      .join(ctx.language === "ar" ? "، " : ", ");
    const lines = [
      ctx.t(outcome.created ? "post-stored" : "post-duplicate", { id: `#${outcome.article.id}` }),
      names ? ctx.t("post-topics", { topics: names }) : ctx.t("post-no-topics"),
    ];
    if (!outcome.article.url)
      lines.push(ctx.t("post-read-link", { url: readLink(ctx.me.username, outcome.article.id) }));
    await editHtml(ctx, lines.join("\n"));
  }),
);

tipsFeature.callbackQuery(
  tipDismiss.filter,
  requireRole("editor"),
  tipDismiss.handle(async (ctx, values) => {
    const outcome = ctx.deps.tips.dismiss(values.tip, ctx.from.id);
    if (outcome.kind === "gone") {
      await ctx.answerCallbackQuery({ text: ctx.tp("tip-unavailable") });
      return;
    }
    if (outcome.kind === "already") {
      await ctx.answerCallbackQuery({ text: ctx.tp("tip-handled-already") });
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.tp("tip-dismissed") });
    await editKeyboard(ctx, new InlineKeyboard());
  }),
);

/** Tips /tips shows at most, newest first. */
const WAITING_SHOWN = 5;

// /tips: the tips still waiting (sent, neither dismissed nor made into an article), for an editor who was not in a
// chat with the bot when they came, or who lost them; each again with its buttons.
tipsFeature.command("tips", requireRole("editor"), async (ctx) => {
  if (ctx.chat.type !== "private") {
    await replyHtml(ctx, ctx.t("tips-private-only"));
    return;
  }
  const { tips } = ctx.deps;
  const waiting = tips.waiting(WAITING_SHOWN + 1);
  if (waiting.length === 0) {
    await replyHtml(ctx, ctx.t("tips-none"));
    return;
  }
  await replyHtml(
    ctx,
    ctx.t(waiting.length > WAITING_SHOWN ? "tips-heading-more" : "tips-heading", { count: waiting.length }),
  );
  for (const tip of waiting.slice(0, WAITING_SHOWN)) {
    await sendWhole(ctx.api, ctx.chat.id, tips.relayOf(tip, editorCard(ctx, tip, ctx.language)));
  }
});
