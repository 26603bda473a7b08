// /stop: after a confirmation, delete everything stored about the chat.
import { Composer, InlineKeyboard } from "grammy";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { editHtml, replyHtml } from "../reply";

export const stopFeature = new Composer<NashraContext>();

stopFeature.command("stop", async (ctx) => {
  if (!(await ensureCanManage(ctx))) return;
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("button-stop-confirm"), "stop:yes")
    .text(ctx.tp("button-cancel"), "stop:no");
  await replyHtml(ctx, ctx.t("stop-confirm"), keyboard);
});

stopFeature.callbackQuery("stop:yes", async (ctx) => {
  if (!(await ensureCanManage(ctx))) return;
  ctx.deps.readers.forget(ctx.chatId as number);
  ctx.reader = undefined;
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("stop-done"));
});

stopFeature.callbackQuery("stop:no", async (ctx) => {
  // In a group, only an admin may answer the admin's question (a member could otherwise dismiss it).
  if (!(await ensureCanManage(ctx))) return;
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("stop-cancelled"));
});
