// /subscribe, /unsubscribe, /mytopics, and the buttons that offer a topic (suggestions, ambiguity).
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../text/html";
import type { Topic } from "../../topics/topic-index";
import { pickerPage, settingsHome, subscribeButton, unsubscribeButton } from "../callback-data";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { commandArgument, echo, editHtml, editKeyboard, replyHtml } from "../reply";
import { topicOrAnswer } from "../topic-choice";
import { sendPicker } from "../views/picker";
import { settingsSummary } from "../views/settings";
import { subscribeAndConfirm, topicName } from "../views/subscribe";

/** Several topics may be given at once: "/subscribe دير الزور، الميادين". */
const LIST_SEPARATOR = /[,،؛;\n]+/;
const MAX_TOPICS_PER_COMMAND = 10;

function nameList(ctx: NashraContext, topics: readonly Topic[]): string {
  return topics.map((t) => topicName(ctx, t)).join(ctx.language === "ar" ? "، " : ", ");
}

export const subscriptionsFeature = new Composer<NashraContext>();

subscriptionsFeature.command("subscribe", async (ctx) => {
  const argument = commandArgument(ctx);
  if (argument === "") {
    await replyHtml(ctx, ctx.t("subscribe-usage"));
    await sendPicker(ctx);
    return;
  }
  if (!(await ensureCanManage(ctx))) return;
  const { topics } = ctx.deps;
  const names = argument
    .split(LIST_SEPARATOR)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  if (names.length > MAX_TOPICS_PER_COMMAND) {
    await replyHtml(ctx, ctx.t("subscribe-too-many", { max: MAX_TOPICS_PER_COMMAND }));
    return;
  }
  const found: Topic[] = [];
  for (const name of names) {
    const topic = await topicOrAnswer(ctx, name, {
      buttons: () => (t) => subscribeButton.pack({ topic: t.id }),
    });
    if (topic) found.push(topic);
  }
  if (found.length === 1) {
    await replyHtml(ctx, await subscribeAndConfirm(ctx, found[0] as Topic));
  } else if (found.length > 1) {
    const added = topics.subscribe(ctx.chatId as number, found);
    const already = found.filter((t) => !added.includes(t));
    let text = added.length ? ctx.t("subscribe-done-many", { topics: nameList(ctx, added) }) : "";
    if (already.length)
      text += `${text ? "\n" : ""}${ctx.t("subscribe-already", { topic: nameList(ctx, already) })}`;
    await replyHtml(ctx, text);
  }
});

subscriptionsFeature.callbackQuery(
  subscribeButton.filter,
  subscribeButton.handle(async (ctx, { topic: topicId }) => {
    if (!(await ensureCanManage(ctx))) return;
    const topic = ctx.deps.topics.index().get(topicId);
    if (!topic) {
      await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
      return;
    }
    await ctx.answerCallbackQuery();
    await editHtml(ctx, await subscribeAndConfirm(ctx, topic));
  }),
);

/** The keyboard of the chat's subscriptions, each button removing one. */
function unsubscribeKeyboard(ctx: NashraContext, subscribed: readonly Topic[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const t of subscribed)
    keyboard.text(`✕ ${topicName(ctx, t)}`, unsubscribeButton.pack({ topic: t.id })).row();
  return keyboard;
}

subscriptionsFeature.command("unsubscribe", async (ctx) => {
  const { topics } = ctx.deps;
  const chatId = ctx.chatId as number;
  const subscribed = topics.subscriptionsOf(chatId);
  if (subscribed.length === 0) {
    await replyHtml(ctx, ctx.t("mytopics-none"));
    return;
  }
  const argument = commandArgument(ctx);
  if (argument === "") {
    await replyHtml(ctx, ctx.t("unsubscribe-choose"), unsubscribeKeyboard(ctx, subscribed));
    return;
  }
  if (!(await ensureCanManage(ctx))) return;
  const { matches, suggestions } = topics.lookup(argument);
  const mine = matches.filter((t) => subscribed.some((s) => s.id === t.id));
  const topic = mine[0] ?? matches[0];
  if (!topic) {
    const close = suggestions.filter((t) => subscribed.some((s) => s.id === t.id));
    await replyHtml(
      ctx,
      ctx.t("unsubscribe-unknown", { input: echo(argument) }),
      unsubscribeKeyboard(ctx, close.length ? close : subscribed),
    );
    return;
  }
  if (topics.unsubscribe(chatId, topic)) {
    await replyHtml(ctx, ctx.t("unsubscribe-done", { topic: topicName(ctx, topic) }));
    return;
  }
  const via = topics.coveringAncestor(chatId, topic);
  await replyHtml(
    ctx,
    via
      ? ctx.t("unsubscribe-via-parent", { topic: topicName(ctx, topic), parent: topicName(ctx, via) })
      : ctx.t("unsubscribe-not-subscribed", { topic: topicName(ctx, topic) }),
  );
});

subscriptionsFeature.callbackQuery(
  unsubscribeButton.filter,
  unsubscribeButton.handle(async (ctx, { topic: topicId }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const chatId = ctx.chatId as number;
    const topic = topics.index().get(topicId);
    if (topic && topics.unsubscribe(chatId, topic)) {
      await ctx.answerCallbackQuery({ text: ctx.tp("toast-unsubscribed", { topic: topicName(ctx, topic) }) });
    } else {
      await ctx.answerCallbackQuery();
    }
    const remaining = topics.subscriptionsOf(chatId);
    if (remaining.length === 0) await editHtml(ctx, ctx.t("unsubscribe-emptied"));
    else await editKeyboard(ctx, unsubscribeKeyboard(ctx, remaining));
  }),
);

subscriptionsFeature.command("mytopics", async (ctx) => {
  const { topics } = ctx.deps;
  const subscribed = topics.subscriptionsOf(ctx.chatId as number);
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("button-choose-topics"), pickerPage.pack({ page: 0 }))
    .text(ctx.tp("button-settings"), settingsHome.pack({}));
  const list = subscribed
    .map((t) => {
      const children = t.children.length
        ? ` ${ctx.t("mytopics-includes", { count: t.children.length })}`
        : "";
      return `• <b>${escapeHtml(topicName(ctx, t))}</b>${children}`;
    })
    .join("\n");
  const head = subscribed.length
    ? ctx.t("mytopics-list", { count: subscribed.length })
    : ctx.t("mytopics-none");
  await replyHtml(
    ctx,
    [head, list, "", settingsSummary(ctx)].filter((p, i) => i !== 1 || p !== "").join("\n"),
    keyboard,
  );
});
