// Editors' /article <id>: what the machine decided about an article (its topics, about or only mentioned, with
// their scores) and the buttons to fix it — take a topic off, switch it between about and mention, add one by
// name, delete the article after a confirmation — with the latest changes (who, when). Also every «📖» button.
import { Composer, InlineKeyboard } from "grammy";
import type { ArticleChangeView, ArticleEditorUser, ArticleView, EditOutcome } from "../../articles/editor";
import { formatDateTime } from "../../i18n/format";
import { renderArticle } from "../../render/article";
import { isolate } from "../../text/html";
import type { Topic } from "../../topics/topic-index";
import {
  articleAddPrompt,
  articleAddTopic,
  articleDelete,
  articleDeleteCancel,
  articleDeleteConfirm,
  articleRemoveTopic,
  articleSetAbout,
  readArticle,
} from "../callback-data";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, editHtml, isNotModified, parseId, replyHtml } from "../reply";
import { buttonTopic, topicOrAnswer } from "../topic-choice";
import { sendFullText } from "../views/read";
import { joinNames, topicName } from "../views/subscribe";

function editorOf(ctx: NashraContext): ArticleEditorUser {
  const from = ctx.from;
  const name = from
    ? [from.first_name, from.last_name].filter(Boolean).join(" ") || (from.username ?? String(from.id))
    : "";
  return { id: from?.id ?? 0, name };
}

function changeLine(ctx: NashraContext, entry: ArticleChangeView): string {
  const { change } = entry;
  const index = ctx.deps.topics.index();
  const nameOf = (id: number) => {
    const topic = index.get(id);
    return topic ? topicName(ctx, topic) : `#${id}`;
  };
  const what =
    change.kind === "delete"
      ? ctx.t("article-change-delete")
      : change.kind === "edit-text"
        ? ctx.t("article-change-edit-text")
        : change.kind === "remove-topic"
          ? ctx.t("article-change-remove", { topic: nameOf(change.topic) })
          : ctx.t(
              change.kind === "add-topic"
                ? change.about
                  ? "article-change-add-about"
                  : "article-change-add-mention"
                : change.about
                  ? "article-change-about"
                  : "article-change-mention",
              { topic: nameOf(change.topic) },
            );
  const line = ctx.t("article-change-line", {
    when: isolate(formatDateTime(entry.at, ctx.language, ctx.timeZone)),
    by: change.by,
  });
  return `${line} ${what}`;
}

/** The /article message and its buttons. */
function articleMessage(ctx: NashraContext, view: ArticleView): { text: string; keyboard: InlineKeyboard } {
  const { article, topics, changes } = view;
  const name = (t: Topic) => topicName(ctx, t);
  const entry = (t: ArticleView["topics"][number]) =>
    `${name(t.topic)}${t.topic.retiredAt === null ? "" : ` ${ctx.t("article-topic-retired")}`}${t.score === null ? "" : ` ${isolate(`(${t.score.toFixed(1)})`)}`}${t.chosen ? " ✍" : ""}`;
  const about = topics.filter((t) => t.about);
  const mentions = topics.filter((t) => !t.about);
  const parts = [
    ctx.t("article-heading", { id: `#${article.id}` }),
    renderArticle(article, { language: ctx.language, timeZone: ctx.timeZone, layout: "entry", bold: true }),
  ];
  const lines: string[] = [];
  if (topics.length === 0) lines.push(ctx.t("article-no-topics"));
  if (about.length > 0) lines.push(ctx.t("article-about", { topics: joinNames(ctx, about.map(entry)) }));
  if (mentions.length > 0)
    lines.push(ctx.t("article-mentions", { topics: joinNames(ctx, mentions.map(entry)) }));
  if (topics.some((t) => t.chosen)) lines.push(ctx.t("article-chosen-legend"));
  parts.push(lines.join("\n"));
  if (changes.length > 0)
    parts.push([ctx.t("article-changes"), ...changes.map((c) => changeLine(ctx, c))].join("\n"));

  const keyboard = new InlineKeyboard();
  for (const t of topics) {
    keyboard
      .text(
        ctx.tp("button-article-remove", { topic: name(t.topic) }),
        articleRemoveTopic.pack({ article: article.id, topic: t.topic.id }),
      )
      .text(
        ctx.tp(t.about ? "button-article-to-mention" : "button-article-to-about", { topic: name(t.topic) }),
        articleSetAbout.pack({ article: article.id, topic: t.topic.id, about: !t.about }),
      )
      .row();
  }
  keyboard
    .text(ctx.tp("button-article-add"), articleAddPrompt.pack({ article: article.id }))
    .text(ctx.tp("button-read"), readArticle.pack({ article: article.id }))
    .row()
    .text(ctx.tp("button-article-delete"), articleDelete.pack({ article: article.id }));
  return { text: parts.join("\n\n"), keyboard };
}

/** Replies with the article's view, or says it is unknown or deleted. */
async function replyView(ctx: NashraContext, id: number): Promise<void> {
  const view = ctx.deps.editor.view(id);
  if (!view) {
    // A deleted one: who deleted it, and when.
    const changes = ctx.deps.editor.changes(id, 1).map((c) => changeLine(ctx, c));
    await replyHtml(ctx, [gone(ctx, id), ...changes].join("\n"));
    return;
  }
  const { text, keyboard } = articleMessage(ctx, view);
  await replyHtml(ctx, text, keyboard);
}

/** Redraws the button's message as the article's view, or says there that it is unknown or deleted. */
async function editView(ctx: NashraContext, id: number): Promise<void> {
  const view = ctx.deps.editor.view(id);
  if (!view) {
    await editHtml(ctx, gone(ctx, id));
    return;
  }
  const { text, keyboard } = articleMessage(ctx, view);
  await editHtml(ctx, text, keyboard);
}

function gone(ctx: NashraContext, id: number): string {
  const deleted = ctx.deps.editor.state(id) === "deleted";
  return ctx.t(deleted ? "article-deleted" : "article-unknown", { id: `#${id}` });
}

/** The toast of a button pressed on an article that is gone (unknown or deleted meanwhile). */
const goneToast = (ctx: NashraContext) => ctx.answerCallbackQuery({ text: ctx.tp("article-gone") });

/** After a button's change: a toast, and the view redrawn in place (or "gone" when the article is). */
async function afterChange(
  ctx: NashraContext,
  id: number,
  outcome: EditOutcome,
  doneKey: string,
  topic: Topic,
): Promise<void> {
  if (outcome === "unknown") await goneToast(ctx);
  else
    await ctx.answerCallbackQuery({
      text: ctx.tp(outcome === "done" ? doneKey : "article-unchanged", {
        topic: topicName(ctx, topic),
        id: `#${id}`,
      }),
    });
  await editView(ctx, id);
}

/**
 * Adds a topic chosen or typed for an article and replies with the view. The view «➕» was pressed on loses its
 * buttons: only the new one below has them (the old one's would act on what it no longer shows).
 */
async function addAndShow(ctx: NashraContext, id: number, topic: Topic, oldView?: number): Promise<void> {
  const outcome = ctx.deps.editor.addTopic(id, topic, editorOf(ctx));
  if (oldView !== undefined) await dropButtons(ctx, oldView);
  if (outcome === "unknown") {
    await replyHtml(ctx, gone(ctx, id));
    return;
  }
  await replyHtml(
    ctx,
    ctx.t(outcome === "done" ? "article-topic-added" : "article-topic-already", {
      topic: topicName(ctx, topic),
      id: `#${id}`,
    }),
  );
  await replyView(ctx, id);
}

/** Takes the buttons off a message of this chat; one Telegram no longer lets the bot edit stays as it is. */
async function dropButtons(ctx: NashraContext, messageId: number): Promise<void> {
  try {
    await ctx.api.editMessageReplyMarkup(ctx.chat?.id ?? 0, messageId);
  } catch (error) {
    // Deleted by the editor, or too old to edit: the new view is sent all the same.
    if (!isNotModified(error))
      ctx.deps.logger.info({ err: error, messageId }, "old article view kept its buttons");
  }
}

/** Who a «➕» question is for: this editor in this chat. */
const asker = (ctx: NashraContext) => ({ chatId: ctx.chat?.id ?? 0, userId: ctx.from?.id ?? 0 });

export const articleFeature = new Composer<NashraContext>();

// «📖 n» under /latest and /search, and the view's own: the whole text, for anyone.
articleFeature.callbackQuery(
  readArticle.filter,
  readArticle.handle(async (ctx, values) => {
    await ctx.answerCallbackQuery();
    await sendFullText(ctx, values.article);
  }),
);

articleFeature.command("article", requireRole("editor"), async (ctx) => {
  // Its buttons change what readers get: they are for the editor's own chat, not a group's eyes.
  if (ctx.chat.type !== "private") {
    await replyHtml(ctx, ctx.t("article-private-only"));
    return;
  }
  const id = parseId(commandArgument(ctx));
  if (id === undefined) {
    await replyHtml(ctx, ctx.t("article-usage"));
    return;
  }
  await replyView(ctx, id);
});

articleFeature.callbackQuery(
  articleRemoveTopic.filter,
  requireRole("editor"),
  articleRemoveTopic.handle(async (ctx, { article, topic: topicId }) => {
    const topic = await buttonTopic(ctx, topicId, { retired: true });
    if (!topic) return;
    const outcome = ctx.deps.editor.removeTopic(article, topic, editorOf(ctx));
    await afterChange(ctx, article, outcome, "article-topic-removed", topic);
  }),
);

articleFeature.callbackQuery(
  articleSetAbout.filter,
  requireRole("editor"),
  articleSetAbout.handle(async (ctx, { article, topic: topicId, about }) => {
    const topic = await buttonTopic(ctx, topicId, { retired: true });
    if (!topic) return;
    const outcome = ctx.deps.editor.setAbout(article, topic, about, editorOf(ctx));
    await afterChange(
      ctx,
      article,
      outcome,
      about ? "article-topic-now-about" : "article-topic-now-mention",
      topic,
    );
  }),
);

articleFeature.callbackQuery(
  articleAddPrompt.filter,
  requireRole("editor"),
  articleAddPrompt.handle(async (ctx, { article }) => {
    if (ctx.deps.editor.state(article) !== "live") {
      await goneToast(ctx);
      return;
    }
    await ctx.answerCallbackQuery();
    ctx.deps.editor.askTopic(asker(ctx), { article, view: ctx.callbackQuery.message?.message_id });
    await replyHtml(ctx, ctx.t("article-add-prompt", { id: `#${article}` }));
  }),
);

articleFeature.callbackQuery(
  articleAddTopic.filter,
  requireRole("editor"),
  articleAddTopic.handle(async (ctx, { article, topic: topicId }) => {
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    await ctx.answerCallbackQuery();
    const question = ctx.deps.editor.questionFor(asker(ctx));
    ctx.deps.editor.forgetQuestion(asker(ctx));
    // The choice is made: its buttons go, like those of the view «➕» was pressed on.
    const choices = ctx.callbackQuery.message?.message_id;
    if (choices !== undefined) await dropButtons(ctx, choices);
    await addAndShow(ctx, article, topic, question?.article === article ? question.view : undefined);
  }),
);

articleFeature.callbackQuery(
  articleDelete.filter,
  requireRole("editor"),
  articleDelete.handle(async (ctx, { article }) => {
    const view = ctx.deps.editor.view(article);
    if (!view) {
      await goneToast(ctx);
      return;
    }
    await ctx.answerCallbackQuery();
    await editHtml(
      ctx,
      ctx.t("article-delete-confirm", { id: `#${article}`, title: view.article.title }),
      new InlineKeyboard()
        .text(ctx.tp("button-article-delete-yes"), articleDeleteConfirm.pack({ article }))
        .text(ctx.tp("button-article-delete-no"), articleDeleteCancel.pack({ article })),
    );
  }),
);

articleFeature.callbackQuery(
  articleDeleteConfirm.filter,
  requireRole("editor"),
  articleDeleteConfirm.handle(async (ctx, { article }) => {
    const outcome = ctx.deps.editor.delete(article, editorOf(ctx));
    await ctx.answerCallbackQuery(
      outcome === "done" ? { text: ctx.tp("article-deleted-done", { id: `#${article}` }) } : {},
    );
    const changes = ctx.deps.editor.changes(article, 1);
    const last = changes[0];
    await editHtml(
      ctx,
      [gone(ctx, article), ...(last && outcome === "done" ? [changeLine(ctx, last)] : [])].join("\n"),
    );
  }),
);

articleFeature.callbackQuery(
  articleDeleteCancel.filter,
  requireRole("editor"),
  articleDeleteCancel.handle(async (ctx, { article }) => {
    await ctx.answerCallbackQuery({ text: ctx.tp("article-delete-kept") });
    await editView(ctx, article);
  }),
);

// The name typed after «➕»: the next plain message of that editor in that chat (a command cancels the question).
articleFeature.on("message:text", async (ctx, next) => {
  if (ctx.chat.type !== "private") return next();
  const { editor } = ctx.deps;
  const question = editor.questionFor(asker(ctx));
  if (question === undefined) return next();
  const { article } = question;
  if (ctx.message.text.startsWith("/") || ctx.role === "reader") {
    editor.forgetQuestion(asker(ctx));
    return next();
  }
  const topic = await topicOrAnswer(ctx, ctx.message.text.slice(0, 100), {
    buttons: () => (t) => articleAddTopic.pack({ article, topic: t.id }),
  });
  if (!topic) return; // the question stays open: the editor may type the name again
  editor.forgetQuestion(asker(ctx));
  await addAndShow(ctx, article, topic, question.view);
});
