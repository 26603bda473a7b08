// Small helpers shared by features for sending and editing HTML messages.
import { GrammyError, type InlineKeyboard } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { isolateLatinRunsHtml } from "../text/bidi";
import { asciiDigits } from "../text/normalize";
import type { NashraContext } from "./context";

/** Longest piece of user input echoed back in a reply, so a huge argument cannot make a huge reply. */
const ECHO_LIMIT = 64;

/** The keyboard without empty rows (builders leave one after a trailing row()), or undefined when empty. */
function markup(
  keyboard: InlineKeyboard | undefined,
): { reply_markup: InlineKeyboardMarkup } | Record<string, never> {
  const rows = keyboard?.inline_keyboard.filter((row) => row.length > 0) ?? [];
  return rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {};
}

/**
 * Sends an HTML reply without link previews. Lines the feature built around its messages (a /help line that
 * starts with a command, a /feeds line with a Latin title) are made to read in the chat's language direction.
 */
export function replyHtml(ctx: NashraContext, html: string, keyboard?: InlineKeyboard) {
  return ctx.reply(isolateLatinRunsHtml(html, ctx.language), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...markup(keyboard),
  });
}

/**
 * Edits the message a button belongs to. "message is not modified" (the same content again, e.g. a
 * double tap) is not an error.
 */
export async function editHtml(ctx: NashraContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(isolateLatinRunsHtml(html, ctx.language), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...markup(keyboard),
    });
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/** Replaces only the keyboard of the message a button belongs to. */
export async function editKeyboard(ctx: NashraContext, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup(markup(keyboard));
  } catch (error) {
    if (!isNotModified(error)) throw error;
  }
}

/** Telegram's answer to an edit that changes nothing: not an error for the bot. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes("message is not modified");
}

/** What the user typed, shortened for quoting in a reply. */
export function echo(input: string): string {
  const chars = [...input.trim()];
  return chars.length <= ECHO_LIMIT ? chars.join("") : `${chars.slice(0, ECHO_LIMIT).join("")}…`;
}

/** The text after the command, e.g. "دير الزور" in "/subscribe دير الزور". */
export function commandArgument(ctx: NashraContext): string {
  const match = ctx.match;
  return typeof match === "string" ? match.trim() : "";
}

/**
 * A number as people type it after a command: "17", "#17", "١٧"; negative only when `signed` (chat ids of
 * groups). Undefined for anything else (then the command answers with its usage).
 */
export function parseId(text: string, options: { signed?: boolean } = {}): number | undefined {
  const digits = asciiDigits(text.trim()).replace(/^#\s*/, "");
  if (!(options.signed ? /^-?\d{1,16}$/ : /^\d{1,16}$/).test(digits)) return undefined;
  const id = Number(digits);
  return Number.isSafeInteger(id) && (options.signed || id > 0) ? id : undefined;
}
