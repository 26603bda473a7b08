// /watch and /unwatch: a chat's watched words (docs/audience.md, rule 8): an article containing one reaches the
// chat beyond its places. The words are the audience policy's; this feature only asks it and answers, by command
// and by buttons (from /settings).
import { Composer, InlineKeyboard } from "grammy";
import { WATCHES_PER_CHAT, type WatchOutcome } from "../../audience/policy";
import { PHRASE_MAX_LENGTH, PHRASE_MAX_WORDS } from "../../text/phrases";
import { settingsHome, watchMenu, watchRemove } from "../callback-data";
import type { NashraContext } from "../context";
import { adminsTurnPages, ensureCanManage } from "../guards";
import { commandArgument, echo, editHtml, replyHtml } from "../reply";

/** Several phrases may be given at once: "/watch انقطاع المياه، الجورة". */
const LIST_SEPARATOR = /[,،؛;\n]+/;

export const watchesFeature = new Composer<NashraContext>();

/** The chat's watched words, each with a button that stops watching it, and a way back to /settings. */
function watchesView(ctx: NashraContext, back: boolean): { text: string; keyboard: InlineKeyboard } {
  const watches = ctx.deps.audience.watches(ctx.chatId as number);
  const keyboard = new InlineKeyboard();
  for (const w of watches) keyboard.text(`✕ ${w.phrase}`, watchRemove.pack({ phrase: w.id })).row();
  if (back) keyboard.text(ctx.tp("button-back"), settingsHome.pack({}));
  const text = watches.length
    ? `${ctx.t("watch-list", { count: watches.length, max: WATCHES_PER_CHAT })}\n${ctx.t("watch-choose")}`
    : ctx.t("watch-none");
  return { text: `${text}\n\n${ctx.t("watch-how")}`, keyboard };
}

function outcomeLine(ctx: NashraContext, input: string, outcome: WatchOutcome): string {
  switch (outcome.kind) {
    case "added":
      return ctx.t("watch-done", { phrase: echo(outcome.phrase) });
    case "exists":
      return ctx.t("watch-exists", { phrase: echo(outcome.phrase) });
    case "limit":
      return ctx.t("watch-limit", { max: outcome.max });
    case "invalid":
      return outcome.reason === "too-long"
        ? ctx.t("watch-too-long", { input: echo(input), words: PHRASE_MAX_WORDS, chars: PHRASE_MAX_LENGTH })
        : ctx.t("watch-too-short");
  }
}

watchesFeature.command("watch", async (ctx) => {
  const argument = commandArgument(ctx);
  if (argument === "") {
    const { text, keyboard } = watchesView(ctx, false);
    await replyHtml(ctx, `${ctx.t("watch-usage")}\n\n${text}`, keyboard);
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
    const outcome = ctx.deps.audience.watch(chatId, phrase);
    lines.push(outcomeLine(ctx, phrase, outcome));
    if (outcome.kind === "limit") break;
  }
  // A watched word that is also muted brings nothing: the mute wins (rule 8).
  const clash = ctx.deps.audience.watchesMuted(chatId);
  if (clash.length > 0)
    lines.push(ctx.t("watch-muted-too", { phrases: clash.map((w) => `«${echo(w.phrase)}»`).join("، ") }));
  await replyHtml(ctx, lines.join("\n"));
});

watchesFeature.command("unwatch", async (ctx) => {
  const argument = commandArgument(ctx);
  if (argument === "") {
    const { text, keyboard } = watchesView(ctx, false);
    await replyHtml(ctx, text, keyboard);
    return;
  }
  if (!(await ensureCanManage(ctx))) return;
  if (ctx.deps.audience.unwatch(ctx.chatId as number, argument)) {
    await replyHtml(ctx, ctx.t("unwatch-done", { phrase: echo(argument) }));
    return;
  }
  const { text, keyboard } = watchesView(ctx, false);
  await replyHtml(ctx, `${ctx.t("unwatch-unknown", { input: echo(argument) })}\n\n${text}`, keyboard);
});

watchesFeature.callbackQuery(watchMenu.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { text, keyboard } = watchesView(ctx, true);
  await editHtml(ctx, text, keyboard);
});

watchesFeature.callbackQuery(
  watchRemove.filter,
  watchRemove.handle(async (ctx, { phrase: id }) => {
    if (!(await ensureCanManage(ctx))) return;
    const phrase = ctx.deps.audience.unwatchId(ctx.chatId as number, id);
    await ctx.answerCallbackQuery(
      phrase ? { text: ctx.tp("toast-unwatched", { phrase: echo(phrase) }) } : {},
    );
    const { text, keyboard } = watchesView(ctx, true);
    await editHtml(ctx, text, keyboard);
  }),
);
