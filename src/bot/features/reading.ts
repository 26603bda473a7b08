// /latest [topic] and /search <words>: pages of articles with ‹ › buttons; a search naming a place
// offers to follow it.
import { Composer, InlineKeyboard } from "grammy";
import { PAGE_SIZE } from "../../articles/service";
import { type ArticlePage, COUNT_CAP } from "../../store/articles";
import type { Topic } from "../../topics/topic-index";
import { latestOf, latestPage, searchPage, subscribeButton } from "../callback-data";
import type { NashraContext } from "../context";
import { adminsTurnPages } from "../guards";
import { articleList } from "../render/articles";
import { commandArgument, echo, editHtml, replyHtml } from "../reply";
import { topicOrAnswer } from "../topic-choice";
import { readButtons } from "../views/read";
import { shareButtons } from "../views/share";

function pages(result: ArticlePage): number {
  return Math.max(1, Math.ceil(result.total / PAGE_SIZE));
}

/** ‹ n/N › for a paged result; `data(page)` builds each button's callback data. */
function pager(
  ctx: NashraContext,
  page: number,
  result: ArticlePage,
  data: (page: number) => string,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const count = pages(result);
  if (count <= 1) return keyboard;
  if (page > 0) keyboard.text(ctx.tp("picker-previous"), data(page - 1));
  keyboard.text(`${page + 1}/${count}`, data(page));
  if (page < count - 1) keyboard.text(ctx.tp("picker-next"), data(page + 1));
  return keyboard;
}

/** The page's entries; those that only mention the topic asked for say so. */
function list(ctx: NashraContext, result: ArticlePage, page: number, topic?: Topic): string {
  const mentions = new Set(result.mentionIds);
  const note = (a: { id: number }) =>
    topic && mentions.has(a.id)
      ? ctx.t("latest-mention", { topic: ctx.deps.topics.index().name(topic, ctx.language) })
      : undefined;
  return articleList(result.items, ctx.language, ctx.timeZone, page * PAGE_SIZE + 1, note);
}

/** The /latest message for a page: the chat's topics (topic undefined) or one topic. */
function latestView(ctx: NashraContext, topic: Topic | undefined, page: number) {
  const { articles, topics } = ctx.deps;
  const result = articles.latest(ctx.chatId as number, topic, page);
  const index = topics.index();
  const heading =
    result.scope === "topic" && topic
      ? ctx.t("latest-topic", {
          topic: index.name(topic, ctx.language),
          page: page + 1,
          pages: pages(result),
        })
      : result.scope === "mine"
        ? ctx.t("latest-mine", { page: page + 1, pages: pages(result) })
        : ctx.t("latest-all", { page: page + 1, pages: pages(result) });
  const parts = [heading];
  if (result.items.length === 0) {
    parts.push(
      topic ? ctx.t("latest-empty-topic", { topic: index.name(topic, ctx.language) }) : ctx.t("latest-empty"),
    );
  } else {
    parts.push(list(ctx, result, page, topic));
  }
  if (result.scope === "all") parts.push(ctx.t("latest-hint-subscribe"));
  const keyboard = pager(ctx, page, result, (p) => latestPage.pack({ topic: topic?.id ?? 0, page: p }));
  return {
    text: parts.join("\n\n"),
    keyboard: shareButtons(
      ctx,
      readButtons(ctx, keyboard, result.items, page * PAGE_SIZE + 1),
      result.items,
      page * PAGE_SIZE + 1,
    ),
  };
}

function searchView(ctx: NashraContext, session: string, raw: string, page: number) {
  const { articles, topics } = ctx.deps;
  const result = articles.search(raw, page);
  const index = topics.index();
  const mentions = new Set(result.mentionIds);
  const place = result.places?.[0];
  const note = (a: { id: number }) =>
    place && mentions.has(a.id)
      ? ctx.t("latest-mention", { topic: index.name(place, ctx.language) })
      : undefined;
  const text = result.onlyCommonWords
    ? ctx.t("search-common-words", { query: echo(raw) })
    : result.total === 0
      ? ctx.t("search-none", { query: echo(raw) })
      : `${ctx.t(result.capped || result.total >= COUNT_CAP ? "search-heading-many" : "search-heading", {
          query: echo(raw),
          count: result.total,
          page: page + 1,
          pages: pages(result),
        })}\n\n${articleList(result.items, ctx.language, ctx.timeZone, page * PAGE_SIZE + 1, note, (a) =>
          result.passages.get(a.id),
        )}`;
  const keyboard = shareButtons(
    ctx,
    readButtons(
      ctx,
      pager(ctx, page, result, (p) => searchPage.pack({ session, page: p })),
      result.items,
      page * PAGE_SIZE + 1,
    ),
    result.items,
    page * PAGE_SIZE + 1,
  );
  // A search for a place offers to follow it (unless the chat already does).
  const followed = new Set(topics.subscriptionsOf(ctx.chatId as number).map((t) => t.id));
  const offers = result.topics.filter((t) => !followed.has(t.id)).slice(0, 3);
  for (const t of offers) {
    keyboard
      .row()
      .text(
        ctx.tp("button-subscribe", { topic: index.name(t, ctx.language) }),
        subscribeButton.pack({ topic: t.id }),
      );
  }
  return { text, keyboard };
}

export const readingFeature = new Composer<NashraContext>();

readingFeature.command("latest", async (ctx) => {
  const argument = commandArgument(ctx);
  let topic: Topic | undefined;
  if (argument !== "") {
    // Several topics of that name: the reader chooses (it used to be the first, silently).
    topic = await topicOrAnswer(ctx, argument, { buttons: () => (t) => latestOf.pack({ topic: t.id }) });
    if (!topic) return;
  }
  const view = latestView(ctx, topic, 0);
  await replyHtml(ctx, view.text, view.keyboard);
});

// Paging edits the list in place.
readingFeature.callbackQuery(
  latestPage.filter,
  adminsTurnPages,
  latestPage.handle(async (ctx, values) => {
    const topic = values.topic === 0 ? undefined : ctx.deps.topics.index().get(values.topic);
    if (values.topic !== 0 && !topic) {
      await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = latestView(ctx, topic, values.page);
    await editHtml(ctx, view.text, view.keyboard);
  }),
);

// A topic chosen under "which one?" or "did you mean" opens its latest news in place of the choices.
readingFeature.callbackQuery(
  latestOf.filter,
  adminsTurnPages,
  latestOf.handle(async (ctx, values) => {
    const topic = ctx.deps.topics.index().live(values.topic);
    if (!topic) {
      await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = latestView(ctx, topic, 0);
    await editHtml(ctx, view.text, view.keyboard);
  }),
);

readingFeature.command("search", async (ctx) => {
  const query = commandArgument(ctx);
  if (query === "") {
    await replyHtml(ctx, ctx.t("search-usage"));
    return;
  }
  const session = ctx.deps.articles.searches.open(ctx.chatId as number, query);
  const view = searchView(ctx, session, query, 0);
  await replyHtml(ctx, view.text, view.keyboard);
});

// A search's pages, in the chat that searched (another chat's token is unknown here: expired); in a group, for its
// admins, like the other page buttons.
readingFeature.callbackQuery(
  searchPage.filter,
  adminsTurnPages,
  searchPage.handle(async (ctx, values) => {
    const query = ctx.deps.articles.searches.query(ctx.chatId as number, values.session);
    if (query === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.tp("button-expired") });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = searchView(ctx, values.session, query, values.page);
    await editHtml(ctx, view.text, view.keyboard);
  }),
);
