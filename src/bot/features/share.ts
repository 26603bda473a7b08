// The buttons under an article's whole text (bot/views/share.ts): «تابع …» follows the place through
// TopicService.subscribe (subscribeAndConfirm, as /subscribe and every Follow button) and answers in a new message,
// so the article's text stays; the keyboard is redrawn without the place now followed.
import { Composer } from "grammy";
import { articleFollow } from "../callback-data";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { editKeyboard, replyHtml } from "../reply";
import { wholeTextKeyboard } from "../views/share";
import { subscribeAndConfirm } from "../views/subscribe";

export const shareFeature = new Composer<NashraContext>();

shareFeature.callbackQuery(
  articleFollow.filter,
  articleFollow.handle(async (ctx, values) => {
    if (!(await ensureCanManage(ctx))) return;
    const topic = ctx.deps.topics.index().live(values.topic);
    if (!topic) {
      await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
      return;
    }
    await ctx.answerCallbackQuery();
    await replyHtml(ctx, subscribeAndConfirm(ctx, topic));
    await editKeyboard(ctx, wholeTextKeyboard(ctx, values.article));
  }),
);
