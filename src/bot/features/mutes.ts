// /mute and /unmute: a chat's muted words (docs/audience.md, rule 7). The words are the audience policy's; this
// feature only asks it and answers, by command and by buttons (from /settings).
import { Composer, InlineKeyboard } from "grammy";
import { MUTES_PER_CHAT, type MuteOutcome } from "../../audience/policy";
import { PHRASE_MAX_LENGTH, PHRASE_MAX_WORDS } from "../../text/phrases";
import { muteMenu, muteRemove, settingsHome } from "../callback-data";
import type { NashraContext } from "../context";
import { adminsTurnPages, ensureCanManage } from "../guards";
import { commandArgument, echo, editHtml, replyHtml } from "../reply";

/** Several phrases may be given at once: "/mute مباراة، كرة القدم". */
const LIST_SEPARATOR = /[,،؛;\n]+/;

export const mutesFeature = new Composer<NashraContext>();

/** The chat's muted words, each with a button that unmutes it, and a way back to /settings. */
function mutesView(ctx: NashraContext, back: boolean): { text: string; keyboard: InlineKeyboard } {
  const mutes = ctx.deps.audience.mutes(ctx.chatId as number);
  const keyboard = new InlineKeyboard();
  for (const m of mutes) keyboard.text(`✕ ${m.phrase}`, muteRemove.pack({ phrase: m.id })).row();
  if (back) keyboard.text(ctx.tp("button-back"), settingsHome.pack({}));
  const text = mutes.length
    ? `${ctx.t("mute-list", { count: mutes.length, max: MUTES_PER_CHAT })}\n${ctx.t("mute-choose")}`
    : ctx.t("mute-none");
  return { text: `${text}\n\n${ctx.t("mute-how")}`, keyboard };
}

function outcomeLine(ctx: NashraContext, input: string, outcome: MuteOutcome): string {
  switch (outcome.kind) {
    case "added":
      return ctx.t("mute-done", { phrase: echo(outcome.phrase) });
    case "exists":
      return ctx.t("mute-exists", { phrase: echo(outcome.phrase) });
    case "limit":
      return ctx.t("mute-limit", { max: outcome.max });
    case "invalid":
      return outcome.reason === "too-long"
        ? ctx.t("mute-too-long", { input: echo(input), words: PHRASE_MAX_WORDS, chars: PHRASE_MAX_LENGTH })
        : ctx.t("mute-too-short");
  }
}

mutesFeature.command("mute", async (ctx) => {
  const argument = commandArgument(ctx);
  if (argument === "") {
    const { text, keyboard } = mutesView(ctx, false);
    await replyHtml(ctx, `${ctx.t("mute-usage")}\n\n${text}`, keyboard);
    return;
  }
  if (!(await ensureCanManage(ctx))) return;
  const chatId = ctx.chatId as number;
  const phrases = argument
    .split(LIST_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const lines: string[] = [];
  for (const phrase of phrases) {
    const outcome = ctx.deps.audience.mute(chatId, phrase);
    lines.push(outcomeLine(ctx, phrase, outcome));
    if (outcome.kind === "limit") break;
  }
  await replyHtml(ctx, lines.join("\n"));
});

mutesFeature.command("unmute", async (ctx) => {
  const argument = commandArgument(ctx);
  if (argument === "") {
    const { text, keyboard } = mutesView(ctx, false);
    await replyHtml(ctx, text, keyboard);
    return;
  }
  if (!(await ensureCanManage(ctx))) return;
  if (ctx.deps.audience.unmute(ctx.chatId as number, argument)) {
    await replyHtml(ctx, ctx.t("unmute-done", { phrase: echo(argument) }));
    return;
  }
  const { text, keyboard } = mutesView(ctx, false);
  await replyHtml(ctx, `${ctx.t("unmute-unknown", { input: echo(argument) })}\n\n${text}`, keyboard);
});

mutesFeature.callbackQuery(muteMenu.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { text, keyboard } = mutesView(ctx, true);
  await editHtml(ctx, text, keyboard);
});

mutesFeature.callbackQuery(
  muteRemove.filter,
  muteRemove.handle(async (ctx, { phrase: id }) => {
    if (!(await ensureCanManage(ctx))) return;
    const phrase = ctx.deps.audience.unmuteId(ctx.chatId as number, id);
    await ctx.answerCallbackQuery(phrase ? { text: ctx.tp("toast-unmuted", { phrase: echo(phrase) }) } : {});
    const { text, keyboard } = mutesView(ctx, true);
    await editHtml(ctx, text, keyboard);
  }),
);
