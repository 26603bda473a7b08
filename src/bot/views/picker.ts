// The topic picker as a message: sent by /topics, /start and /subscribe without a topic; redrawn by its buttons.
import type { NashraContext } from "../context";
import { pickerKeyboard, pickerPages, pickerText } from "../keyboards/topic-picker";
import { editHtml, replyHtml } from "../reply";

/** The picker at a page, for the current chat. */
function pickerView(ctx: NashraContext, page: number) {
  const { i18n, topics } = ctx.deps;
  const index = topics.index();
  const pages = pickerPages(index);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const subscribed = new Set(topics.subscriptionsOf(ctx.chatId as number).map((t) => t.id));
  return {
    text: pickerText(i18n, ctx.language, index, pages, at),
    keyboard: pickerKeyboard(i18n, ctx.language, index, pages, at, subscribed),
  };
}

/** Sends the picker at a page (the first by default). */
export async function sendPicker(ctx: NashraContext, page = 0): Promise<void> {
  const view = pickerView(ctx, page);
  await replyHtml(ctx, view.text, view.keyboard);
}

/** Redraws the picker in the message whose button was pressed. */
export async function redrawPicker(ctx: NashraContext, page: number): Promise<void> {
  const view = pickerView(ctx, page);
  await editHtml(ctx, view.text, view.keyboard);
}
