// /topics and the picker's buttons: browse the catalog by place, tap to follow or unfollow.
import { Composer } from "grammy";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { pickerPages, sectionsKeyboard } from "../keyboards/topic-picker";
import { editHtml } from "../reply";
import { redrawPicker, sendPicker } from "../views/picker";

export const topicsFeature = new Composer<NashraContext>();

topicsFeature.command("topics", (ctx) => sendPicker(ctx));

topicsFeature.callbackQuery(/^pk:p:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await redrawPicker(ctx, Number(ctx.match[1]));
});

topicsFeature.callbackQuery("pk:s", async (ctx) => {
  await ctx.answerCallbackQuery();
  const { i18n, topics } = ctx.deps;
  const index = topics.index();
  await editHtml(
    ctx,
    ctx.t("picker-choose-section"),
    sectionsKeyboard(i18n, ctx.language, index, pickerPages(index)),
  );
});

topicsFeature.callbackQuery(/^pk:t:(\d+):(\d+)$/, async (ctx) => {
  if (!(await ensureCanManage(ctx))) return;
  const { topics } = ctx.deps;
  const topic = topics.index().get(Number(ctx.match[1]));
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
  await redrawPicker(ctx, Number(ctx.match[2]));
});
