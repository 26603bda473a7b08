// /stop: after a confirmation, delete everything stored about the chat.
import { Composer, InlineKeyboard } from "grammy";
import { stopCancel, stopConfirm } from "../callback-data";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { editHtml, replyHtml } from "../reply";

export const stopFeature = new Composer<NashraContext>();

stopFeature.command("stop", async (ctx) => {
  if (!(await ensureCanManage(ctx))) return;
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("button-stop-confirm"), stopConfirm.pack({}))
    .text(ctx.tp("button-cancel"), stopCancel.pack({}));
  await replyHtml(ctx, ctx.t("stop-confirm"), keyboard);
});

stopFeature.callbackQuery(stopConfirm.filter, async (ctx) => {
  if (!(await ensureCanManage(ctx))) return;
  ctx.deps.readers.forget(ctx.chatId as number);
  ctx.reader = undefined;
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("stop-done"));
});

stopFeature.callbackQuery(stopCancel.filter, async (ctx) => {
  // In a group, only an admin may answer the admin's question (a member could otherwise dismiss it).
  if (!(await ensureCanManage(ctx))) return;
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("stop-cancelled"));
});
