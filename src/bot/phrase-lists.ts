// A chat's list of words (muted: /mute, /unmute; watched: /watch, /unwatch; docs/audience.md rules 7 and 8): the
// same commands and buttons for both kinds, by command and from /settings. The words are the audience policy's;
// a list only asks it and answers. Each kind gives its own messages and its own policy calls.
import { Composer, InlineKeyboard } from "grammy";
import type { MuteOutcome } from "../audience/policy";
import { PHRASE_MAX_LENGTH, PHRASE_MAX_WORDS } from "../text/phrases";
import { type muteMenu, type muteRemove, settingsHome } from "./callback-data";
import type { NashraContext } from "./context";
import { adminsTurnPages, ensureCanManage } from "./guards";
import { commandArgument, echo, editHtml, replyHtml } from "./reply";

/** Several phrases may be given at once: "/mute مباراة، كرة القدم". */
const LIST_SEPARATOR = /[,،؛;\n]+/;

/** What makes one kind of list: its commands, buttons, messages and the audience policy's calls. */
export interface PhraseList {
  add: string;
  remove: string;
  max: number;
  menuButton: typeof muteMenu;
  removeButton: typeof muteRemove;
  /** Message ids, in the order of the list's life: usage, the list, its hint, none, how matching works… */
  keys: {
    usage: string;
    list: string;
    choose: string;
    none: string;
    how: string;
    done: string;
    exists: string;
    limit: string;
    tooLong: string;
    tooShort: string;
    removed: string;
    unknown: string;
    toast: string;
  };
  phrases(ctx: NashraContext, chatId: number): { id: number; phrase: string }[];
  put(ctx: NashraContext, chatId: number, phrase: string): MuteOutcome;
  drop(ctx: NashraContext, chatId: number, phrase: string): boolean;
  dropId(ctx: NashraContext, chatId: number, id: number): string | undefined;
  /** A line after the words were added (the watched words a mute cancels), or none. */
  afterAdding?(ctx: NashraContext, chatId: number): string | undefined;
}

/** The commands and buttons of one kind of list. */
export function phraseListFeature(list: PhraseList): Composer<NashraContext> {
  const feature = new Composer<NashraContext>();
  const { keys } = list;

  /** The chat's words, each with a button that takes it off, and a way back to /settings. */
  const view = (ctx: NashraContext, back: boolean): { text: string; keyboard: InlineKeyboard } => {
    const phrases = list.phrases(ctx, ctx.chatId as number);
    const keyboard = new InlineKeyboard();
    for (const p of phrases) keyboard.text(`✕ ${p.phrase}`, list.removeButton.pack({ phrase: p.id })).row();
    if (back) keyboard.text(ctx.tp("button-back"), settingsHome.pack({}));
    const text = phrases.length
      ? `${ctx.t(keys.list, { count: phrases.length, max: list.max })}\n${ctx.t(keys.choose)}`
      : ctx.t(keys.none);
    return { text: `${text}\n\n${ctx.t(keys.how)}`, keyboard };
  };

  const outcomeLine = (ctx: NashraContext, input: string, outcome: MuteOutcome): string => {
    switch (outcome.kind) {
      case "added":
        return ctx.t(keys.done, { phrase: echo(outcome.phrase) });
      case "exists":
        return ctx.t(keys.exists, { phrase: echo(outcome.phrase) });
      case "limit":
        return ctx.t(keys.limit, { max: outcome.max });
      case "invalid":
        return outcome.reason === "too-long"
          ? ctx.t(keys.tooLong, { input: echo(input), words: PHRASE_MAX_WORDS, chars: PHRASE_MAX_LENGTH })
          : ctx.t(keys.tooShort);
    }
  };

  feature.command(list.add, async (ctx) => {
    const argument = commandArgument(ctx);
    if (argument === "") {
      const { text, keyboard } = view(ctx, false);
      await replyHtml(ctx, `${ctx.t(keys.usage)}\n\n${text}`, keyboard);
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
      const outcome = list.put(ctx, chatId, phrase);
      lines.push(outcomeLine(ctx, phrase, outcome));
      if (outcome.kind === "limit") break;
    }
    const after = list.afterAdding?.(ctx, chatId);
    if (after) lines.push(after);
    await replyHtml(ctx, lines.join("\n"));
  });

  feature.command(list.remove, async (ctx) => {
    const argument = commandArgument(ctx);
    if (argument === "") {
      const { text, keyboard } = view(ctx, false);
      await replyHtml(ctx, text, keyboard);
      return;
    }
    if (!(await ensureCanManage(ctx))) return;
    if (list.drop(ctx, ctx.chatId as number, argument)) {
      await replyHtml(ctx, ctx.t(keys.removed, { phrase: echo(argument) }));
      return;
    }
    const { text, keyboard } = view(ctx, false);
    await replyHtml(ctx, `${ctx.t(keys.unknown, { input: echo(argument) })}\n\n${text}`, keyboard);
  });

  feature.callbackQuery(list.menuButton.filter, adminsTurnPages, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, keyboard } = view(ctx, true);
    await editHtml(ctx, text, keyboard);
  });

  feature.callbackQuery(
    list.removeButton.filter,
    list.removeButton.handle(async (ctx, { phrase: id }) => {
      if (!(await ensureCanManage(ctx))) return;
      const phrase = list.dropId(ctx, ctx.chatId as number, id);
      await ctx.answerCallbackQuery(phrase ? { text: ctx.tp(keys.toast, { phrase: echo(phrase) }) } : {});
      const { text, keyboard } = view(ctx, true);
      await editHtml(ctx, text, keyboard);
    }),
  );
  return feature;
}
