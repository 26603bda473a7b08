// The place picker as a message: sent by /topics, /start and /subscribe without a place; redrawn by its
// buttons (bot/keyboards/topic-picker.ts draws the views).
import type { NashraContext } from "../context";
import { type PickerView, pickerScreen, viewShowing } from "../keyboards/topic-picker";
import { editHtml, replyHtml } from "../reply";

export type { PickerView } from "../keyboards/topic-picker";

/** A view of the picker at a page, for the current chat: text and keyboard. */
function pickerMessage(ctx: NashraContext, view: PickerView, page: number) {
  const { topics } = ctx.deps;
  const index = topics.index();
  const followed = new Set(topics.subscriptionsOf(ctx.chatId as number).map((t) => t.id));
  const excepted = new Set(topics.exceptionsOf(ctx.chatId as number).map((t) => t.id));
  const screen = pickerScreen(index, ctx.language, view, page, followed, ctx.tp, excepted);
  const lines = [
    view.kind === "home"
      ? ctx.t("picker-text")
      : view.kind === "neighbours"
        ? ctx.t("picker-neighbours-text")
        : ctx.t("picker-place-text", { section: index.name(view.topic, ctx.language) }),
  ];
  if (screen.pages > 1) lines.push(ctx.t("picker-page", { page: screen.page + 1, pages: screen.pages }));
  if (screen.showsCovered || followed.size > 0) lines.push(ctx.t("picker-legend"));
  if (screen.showsExcepted) lines.push(ctx.t("picker-legend-except"));
  return { text: lines.join("\n"), keyboard: screen.keyboard };
}

/** Sends the picker's first view (the governorates). */
export async function sendPicker(ctx: NashraContext): Promise<void> {
  const view = pickerMessage(ctx, { kind: "home" }, 0);
  await replyHtml(ctx, view.text, view.keyboard);
}

/** Redraws the message whose button was pressed as a view of the picker at a page. */
export async function redrawPicker(ctx: NashraContext, view: PickerView, page = 0): Promise<void> {
  const message = pickerMessage(ctx, view, page);
  await editHtml(ctx, message.text, message.keyboard);
}

export { viewShowing };
