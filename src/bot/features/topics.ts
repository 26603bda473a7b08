// /topics and the picker's buttons: browse the catalog by place, tap to follow or unfollow.
import { Composer } from "grammy";
import { pickerPage, pickerSections, pickerToggle } from "../callback-data";
import type { NashraContext } from "../context";
import { adminsTurnPages, ensureCanManage } from "../guards";
import { pickerPages, sectionsKeyboard } from "../keyboards/topic-picker";
import { editHtml } from "../reply";
import { redrawPicker, sendPicker } from "../views/picker";

export const topicsFeature = new Composer<NashraContext>();

topicsFeature.command("topics", (ctx) => sendPicker(ctx));

topicsFeature.callbackQuery(
  pickerPage.filter,
  adminsTurnPages,
  pickerPage.handle(async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await redrawPicker(ctx, page);
  }),
);

topicsFeature.callbackQuery(pickerSections.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { i18n, topics } = ctx.deps;
  const index = topics.index();
  await editHtml(
    ctx,
    ctx.t("picker-choose-section"),
    sectionsKeyboard(i18n, ctx.language, index, pickerPages(index)),
  );
});

topicsFeature.callbackQuery(
  pickerToggle.filter,
  pickerToggle.handle(async (ctx, { topic: topicId, page }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const topic = topics.index().get(topicId);
    if (!topic) {
      await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
      return;
    }
    const chatId = ctx.chatId as number;
    const name = topics.index().name(topic, ctx.language);
    const via = topics.coveringAncestor(chatId, topic);
    if (topics.unsubscribe(chatId, topic)) {
      await ctx.answerCallbackQuery({ text: ctx.tp("toast-unsubscribed", { topic: name }) });
    } else if (via) {
      // Following it too would only leave a stray subscription behind when the parent is dropped.
      await ctx.answerCallbackQuery({
        text: ctx.tp("toast-covered", { topic: name, parent: topics.index().name(via, ctx.language) }),
        show_alert: true,
      });
      return;
    } else {
      topics.subscribe(chatId, [topic]);
      await ctx.answerCallbackQuery({ text: ctx.tp("toast-subscribed", { topic: name }) });
    }
    await redrawPicker(ctx, page);
  }),
);
