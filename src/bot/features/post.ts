// Editors' /post: the text after the command becomes an article (first line the title, a line that
// is only a URL the link), tagged and stored; the reply gives its #id and topics. Sent as a photo's caption, the
// article carries the photo.
import { Composer, InlineKeyboard } from "grammy";
import { hasRole } from "../../domain";
import type { ArticleInput } from "../../ingest/types";
import { alertCorrect, breakingAlert } from "../callback-data";
import { captionCommand, photoFileId } from "../caption-command";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { editHtml, replyHtml } from "../reply";
import { articleLink } from "../views/read";

const URL_LINE = /^https?:\/\/\S+$/i;

/** The article in a /post message, or undefined when it has no title. */
export function parsePost(text: string, commandLength: number): ArticleInput | undefined {
  const lines = text.slice(commandLength).split(/\r?\n/);
  let url: string | undefined;
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (url === undefined && URL_LINE.test(trimmed)) url = trimmed;
    else kept.push(line);
  }
  const titleAt = kept.findIndex((l) => l.trim() !== "");
  if (titleAt < 0) return undefined;
  const title = (kept[titleAt] as string).trim();
  const body = kept
    .slice(titleAt + 1)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { title, body, ...(url ? { url } : {}) };
}

export const postFeature = new Composer<NashraContext>();

postFeature.command("post", requireRole("editor"), async (ctx) => {
  const entity = ctx.msg.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  await post(ctx, ctx.msg.text ?? "", entity?.length ?? 0, undefined);
});

// A photo with «/post …» as its caption: the article carries the picture (by its Telegram file_id).
postFeature.on("message:photo").filter(captionCommand("post"), requireRole("editor"), async (ctx) => {
  const entity = ctx.msg.caption_entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  await post(ctx, ctx.msg.caption ?? "", entity?.length ?? 0, photoFileId(ctx));
});

async function post(ctx: NashraContext, text: string, commandLength: number, photo: string | undefined) {
  const parsed = parsePost(text, commandLength);
  if (!parsed) {
    await replyHtml(ctx, ctx.t("post-usage"));
    return;
  }
  const input = photo ? { ...parsed, image: photo } : parsed;
  const { importer, topics } = ctx.deps;
  const {
    article,
    topics: tagged,
    created,
  } = importer.importOne(input, {
    origin: "post",
    // Never the editor's own Telegram name: readers see the source, and reporters' safety comes first.
    postedBy: ctx.from?.id ?? null,
    // Its edits (edited_message) update the article.
    ...(ctx.chat && ctx.msg ? { postMessage: { chatId: ctx.chat.id, messageId: ctx.msg.message_id } } : {}),
  });
  const index = topics.index();
  const names = tagged.map((t) => index.name(t, ctx.language)).join(ctx.language === "ar" ? "، " : ", ");
  const lines = [
    ctx.t(created ? "post-stored" : "post-duplicate", { id: `#${article.id}` }),
    names ? ctx.t("post-topics", { topics: names }) : ctx.t("post-no-topics"),
  ];
  if (created && article.image) lines.push(ctx.t("post-with-photo"));
  // Without a link of its own, readers read it in the bot: the editor gets the link to share.
  if (created && !article.url) lines.push(ctx.t("post-read-link", { url: articleLink(ctx, article.id) }));
  if (created) lines.push(ctx.t("post-edit-hint"));
  await replyHtml(ctx, lines.join("\n"));
  // «عاجل» / BREAKING with places to alert: the alert is one tap away (its preview, then Send).
  if (created && article.breaking && tagged.length > 0 && ctx.chat?.type === "private") {
    const keyboard = new InlineKeyboard().text(
      ctx.tp("button-breaking-alert", { id: `#${article.id}` }),
      breakingAlert.pack({ article: article.id }),
    );
    await replyHtml(ctx, ctx.t("post-breaking-offer"), keyboard);
  }
}

/** The editor's name as the article's record of changes shows it. */
function editorName(ctx: NashraContext): string {
  const from = ctx.from;
  if (!from) return "";
  return [from.first_name, from.last_name].filter(Boolean).join(" ") || (from.username ?? String(from.id));
}

/**
 * An editor edited the message of a /post (its text, or a photo's caption): the article takes the new text, is
 * tagged and indexed again, and the editor is told. Any other edited message is not this feature's.
 */
postFeature.on("edited_message", async (ctx, next) => {
  const msg = ctx.editedMessage;
  const text = msg.text ?? msg.caption ?? "";
  const entity = (msg.entities ?? msg.caption_entities)?.find(
    (e) => e.type === "bot_command" && e.offset === 0,
  );
  const [name, target] = entity ? text.slice(1, entity.length).split("@") : [];
  const forMe = target === undefined || target.toLowerCase() === ctx.me.username.toLowerCase();
  const articleId =
    name?.toLowerCase() === "post" && forMe
      ? ctx.deps.articles.byPostMessage(msg.chat.id, msg.message_id)
      : undefined;
  // Not a stored /post (an ordinary message edited, or a /post that stored nothing): nothing to say.
  if (articleId === undefined || !hasRole(ctx.role, "editor")) return next();
  const parsed = parsePost(text, entity?.length ?? 0);
  if (!parsed) {
    await replyHtml(ctx, ctx.t("post-edit-no-title", { id: `#${articleId}` }));
    return;
  }
  const photo = photoFileId(ctx);
  const input = photo ? { ...parsed, image: photo } : parsed;
  const result = ctx.deps.importer.rewrite(articleId, input, {
    id: ctx.from?.id ?? 0,
    name: editorName(ctx),
  });
  const id = `#${articleId}`;
  if (!result) return;
  if ("outcome" in result) {
    await replyHtml(
      ctx,
      result.outcome === "unchanged"
        ? ctx.t("post-edit-unchanged", { id })
        : ctx.t("post-edit-duplicate", { id, other: `#${result.id}` }),
    );
    return;
  }
  const index = ctx.deps.topics.index();
  const names = result.topics
    .map((t) => index.name(t, ctx.language))
    .join(ctx.language === "ar" ? "، " : ", ");
  const lines = [
    ctx.t("post-edited", { id }),
    names ? ctx.t("post-topics", { topics: names }) : ctx.t("post-no-topics"),
  ];
  // Readers not yet reached by its alert get the new text; those who got it keep it unless the editor confirms
  // the correction (docs/delivery.md, "Edits").
  const alerted = await ctx.deps.alerts.articleEdited(articleId);
  if (alerted.alerts === 0) {
    await replyHtml(ctx, lines.join("\n"));
    return;
  }
  if (alerted.sending) lines.push(ctx.t("post-edit-sending"));
  if (alerted.delivered > 0 || !alerted.sending)
    lines.push(ctx.t("post-edit-alerted", { count: alerted.delivered }));
  const version = ctx.deps.editor
    .changes(articleId, 1000)
    .filter((c) => c.change.kind === "edit-text").length;
  const keyboard = new InlineKeyboard().text(
    ctx.tp("button-correct-alert", { count: alerted.delivered }),
    alertCorrect.pack({ article: articleId, version: Math.max(1, version) }),
  );
  await replyHtml(ctx, lines.join("\n"), keyboard);
});

// «Correct the alert for the N readers who got it»: every delivered copy is edited through the outbox, once.
postFeature.callbackQuery(
  alertCorrect.filter,
  requireRole("editor"),
  alertCorrect.handle(async (ctx, { article, version }) => {
    const outcome = await ctx.deps.alerts.correct(article, version);
    const toast = {
      correcting: "toast-correcting-alert",
      "corrected-already": "toast-alert-corrected-already",
      gone: "toast-alert-correct-gone",
      "none-delivered": "toast-alert-correct-none",
    } as const;
    await ctx.answerCallbackQuery({ text: ctx.tp(toast[outcome.kind]) });
    if (outcome.kind === "correcting")
      await editHtml(ctx, ctx.t("alert-correcting", { id: `#${article}`, count: outcome.enqueued }));
  }),
);
