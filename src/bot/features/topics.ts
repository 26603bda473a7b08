// /topics and the picker's buttons: open a governorate (or the neighbouring countries), tap a place to follow
// or unfollow it. In a group or channel only its admins turn the picker's views or toggle.
import { Composer } from "grammy";
import { pickerNeighbours, pickerOpen, pickerPage, pickerSections, pickerToggle } from "../callback-data";
import type { NashraContext } from "../context";
import { adminsTurnPages, ensureCanManage } from "../guards";
import { editHtml } from "../reply";
import { buttonTopic } from "../topic-choice";
import { coveredChoice } from "../views/exceptions";
import { redrawPicker, sendPicker, viewShowing } from "../views/picker";
import { followToast, topicName, unfollowToast } from "../views/subscribe";

export const topicsFeature = new Composer<NashraContext>();

topicsFeature.command("topics", (ctx) => sendPicker(ctx));

topicsFeature.callbackQuery(
  pickerPage.filter,
  adminsTurnPages,
  pickerPage.handle(async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await redrawPicker(ctx, { kind: "home" }, page);
  }),
);

// The paged picker's list of sections, on messages sent before the drill-down: its first view now.
topicsFeature.callbackQuery(pickerSections.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  await redrawPicker(ctx, { kind: "home" });
});

topicsFeature.callbackQuery(
  pickerNeighbours.filter,
  adminsTurnPages,
  pickerNeighbours.handle(async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await redrawPicker(ctx, { kind: "neighbours" }, page);
  }),
);

topicsFeature.callbackQuery(
  pickerOpen.filter,
  adminsTurnPages,
  pickerOpen.handle(async (ctx, { topic: topicId, page }) => {
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) {
      await redrawPicker(ctx, { kind: "home" });
      return;
    }
    await ctx.answerCallbackQuery();
    await redrawPicker(ctx, viewShowing(ctx.deps.topics.index(), topic), page);
  }),
);

topicsFeature.callbackQuery(
  pickerToggle.filter,
  pickerToggle.handle(async (ctx, { topic: topicId, page }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const index = topics.index();
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    const chatId = ctx.chatId as number;
    const name = (t: typeof topic) => topicName(ctx, t);
    const isFollowed = topics.subscriptionsOf(chatId).some((t) => t.id === topic.id);
    if (isFollowed) {
      await ctx.answerCallbackQuery(unfollowToast(ctx, topics.unsubscribe(chatId, topic)));
    } else if (topics.exceptionsOf(chatId).some((t) => t.id === topic.id)) {
      // A 🚫 tapped: the exception ends, and the place's news comes through its parent again.
      topics.unexcept(chatId, topic);
      const via = topics.coveringAncestor(chatId, topic);
      await ctx.answerCallbackQuery(
        via ? { text: ctx.tp("toast-unexcepted", { topic: name(topic), parent: name(via) }) } : {},
      );
    } else if (topics.coveringAncestor(chatId, topic)) {
      // A (✓) tapped: follow it on its own too, or keep the parent except it (views/exceptions.ts).
      const via = topics.coveringAncestor(chatId, topic) as typeof topic;
      await ctx.answerCallbackQuery();
      const choice = coveredChoice(ctx, topic, via, page);
      await editHtml(ctx, choice.text, choice.keyboard);
      return;
    } else {
      const [outcome] = topics.subscribe(chatId, [topic]);
      // A (✓) tapped: followed on its own too, and the reader told what that changes.
      await ctx.answerCallbackQuery(followToast(ctx, outcome));
    }
    await redrawPicker(ctx, viewShowing(index, topic), page);
  }),
);
