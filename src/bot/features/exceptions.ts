// A followed place except some of the places under it («دير الزور ما عدا الميادين», docs/audience.md rule 9): the
// buttons /unsubscribe offers for a place received through its parent, and the picker's choice for a (✓) place.
// Which articles an exception keeps away is the audience policy's; this feature asks the topic service and answers.
import { Composer } from "grammy";
import { exceptPlace, pickerExcept, pickerFollowOwn } from "../callback-data";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { editHtml } from "../reply";
import { buttonTopic } from "../topic-choice";
import { exceptText } from "../views/exceptions";
import { redrawPicker, viewShowing } from "../views/picker";
import { followToast, topicName } from "../views/subscribe";

export const exceptionsFeature = new Composer<NashraContext>();

exceptionsFeature.callbackQuery(
  exceptPlace.filter,
  exceptPlace.handle(async (ctx, { topic: topicId }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    await ctx.answerCallbackQuery();
    await editHtml(ctx, exceptText(ctx, topics.except(ctx.chatId as number, topic)));
  }),
);

exceptionsFeature.callbackQuery(
  pickerExcept.filter,
  pickerExcept.handle(async (ctx, { topic: topicId, page }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const index = topics.index();
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    const outcome = topics.except(ctx.chatId as number, topic);
    await ctx.answerCallbackQuery(
      outcome.kind === "not-covered"
        ? {}
        : {
            text: ctx.tp("toast-excepted", {
              parent: topicName(ctx, outcome.via),
              topic: topicName(ctx, topic),
            }),
          },
    );
    await redrawPicker(ctx, viewShowing(index, topic), page);
  }),
);

exceptionsFeature.callbackQuery(
  pickerFollowOwn.filter,
  pickerFollowOwn.handle(async (ctx, { topic: topicId, page }) => {
    if (!(await ensureCanManage(ctx))) return;
    const { topics } = ctx.deps;
    const index = topics.index();
    const topic = await buttonTopic(ctx, topicId);
    if (!topic) return;
    const [outcome] = topics.subscribe(ctx.chatId as number, [topic]);
    await ctx.answerCallbackQuery(followToast(ctx, outcome));
    await redrawPicker(ctx, viewShowing(index, topic), page);
  }),
);
