// /subscribe, /unsubscribe, /mytopics, and the buttons that offer a topic (suggestions, ambiguity).
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../text/html";
import { resolveTopic, splitTopicNames } from "../../topics/resolve";
import type { Topic } from "../../topics/topic-index";
import {
  pickerPage,
  settingsHome,
  subscribeButton,
  unfollowParent,
  unsubscribeButton,
} from "../callback-data";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { commandArgument, echo, editHtml, editKeyboard, replyHtml } from "../reply";
import { buttonTopic, topicOrAnswer } from "../topic-choice";
import { exceptSuffix } from "../views/exceptions";
import { sendPicker } from "../views/picker";
import { settingsSummary } from "../views/settings";
import { followText, subscribeAndConfirm, topicName, unfollowReply, unfollowToast } from "../views/subscribe";

const MAX_TOPICS_PER_COMMAND = 10;

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
  // "دير الزور، الميادين", "الميادين والبوكمال", "Mayadin and Hajin".
  const names = splitTopicNames(topics.index(), argument);
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
  const unique = found.filter((t, i) => found.indexOf(t) === i);
  if (unique.length > 0)
    await replyHtml(ctx, followText(ctx, topics.subscribe(ctx.chatId as number, unique)));
});

subscriptionsFeature.callbackQuery(
  subscribeButton.filter,
  subscribeButton.handle(async (ctx, { topic: topicId }) => {
    if (!(await ensureCanManage(ctx))) return;
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    await ctx.answerCallbackQuery();
    await editHtml(ctx, subscribeAndConfirm(ctx, topic));
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
  const index = topics.index();
  const { matches, suggestions } = topics.lookup(argument);
  const resolution = matches.length ? undefined : resolveTopic(index, argument);
  // Among several places of that name, the one the chat follows (or receives through a parent).
  const mine = matches.filter((t) => subscribed.some((s) => s.id === t.id || index.ancestors(t).includes(s)));
  const topic = mine[0] ?? matches[0] ?? (resolution?.kind === "one" ? resolution.topic : undefined);
  if (!topic) {
    const close = suggestions.filter((t) => subscribed.some((s) => s.id === t.id));
    await replyHtml(
      ctx,
      ctx.t("unsubscribe-unknown", { input: echo(argument) }),
      unsubscribeKeyboard(ctx, close.length ? close : subscribed),
    );
    return;
  }
  const reply = unfollowReply(ctx, topics.unsubscribe(chatId, topic));
  await replyHtml(ctx, reply.text, reply.keyboard);
});

// "Unfollow Deir ez-Zor", offered when a place unfollowed (or not followed itself) still comes through it.
subscriptionsFeature.callbackQuery(
  unfollowParent.filter,
  unfollowParent.handle(async (ctx, { topic: topicId }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    await ctx.answerCallbackQuery();
    const reply = unfollowReply(ctx, topics.unsubscribe(ctx.chatId as number, topic));
    await editHtml(ctx, reply.text, reply.keyboard);
  }),
);

subscriptionsFeature.callbackQuery(
  unsubscribeButton.filter,
  unsubscribeButton.handle(async (ctx, { topic: topicId }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const chatId = ctx.chatId as number;
    const topic = topics.index().get(topicId);
    await ctx.answerCallbackQuery(topic ? unfollowToast(ctx, topics.unsubscribe(chatId, topic)) : {});
    const remaining = topics.subscriptionsOf(chatId);
    if (remaining.length === 0) await editHtml(ctx, ctx.t("unsubscribe-emptied"));
    else await editKeyboard(ctx, unsubscribeKeyboard(ctx, remaining));
  }),
);

subscriptionsFeature.command("mytopics", async (ctx) => {
  const { topics } = ctx.deps;
  const subscribed = topics.subscriptionsOf(ctx.chatId as number);
  const excepted = topics.exceptionsByFollowed(ctx.chatId as number);
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("button-choose-topics"), pickerPage.pack({ page: 0 }))
    .text(ctx.tp("button-settings"), settingsHome.pack({}));
  const list = subscribed
    .map((t) => {
      const children = t.children.length
        ? ` ${ctx.t("mytopics-includes", { count: t.children.length })}`
        : "";
      return `• <b>${escapeHtml(topicName(ctx, t))}</b>${exceptSuffix(ctx, excepted.get(t.id))}${children}`;
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
