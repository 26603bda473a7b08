// Reading an article whole: the «📖» buttons under /latest and /search, the /start a_<id> deep link, and the
// full text they send (split into Telegram-sized parts by the splitter, as alerts are).
import type { InlineKeyboard } from "grammy";
import { readLink, renderArticle } from "../../render/article";
import type { ArticleRecord } from "../../store/articles";
import { isolateLatinRunsHtml } from "../../text/bidi";
import { textMessage } from "../../text/message";
import { readArticle } from "../callback-data";
import type { NashraContext } from "../context";
import { replyHtml } from "../reply";
import { wholeTextKeyboard } from "./share";

/** The whole article as one message (title, every paragraph, source and time), split where Telegram needs it. */
function fullText(ctx: NashraContext, article: ArticleRecord) {
  const html = renderArticle(article, {
    language: ctx.language,
    timeZone: ctx.timeZone,
    layout: "card",
    bold: true,
    withId: true,
    snippet: article.body,
  });
  return textMessage(isolateLatinRunsHtml(html, article.language));
}

/** Sends an article's whole text to the chat, or says clearly that there is no such article (any more). */
export async function sendFullText(ctx: NashraContext, id: number): Promise<void> {
  const found = ctx.deps.articles.get(id);
  if (!found) {
    const deleted = ctx.deps.editor.state(id) === "deleted";
    await replyHtml(ctx, ctx.t(deleted ? "read-deleted" : "read-unknown", { id: `#${id}` }));
    return;
  }
  // The last part carries «↗️ Share» and the offer to follow the places it is about (views/share.ts).
  const { parts } = fullText(ctx, found.article);
  const keyboard = wholeTextKeyboard(ctx, id);
  for (const [i, part] of parts.entries()) {
    await ctx.api.sendMessage(ctx.chat?.id as number, part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: parts.length > 1 },
      ...(i === parts.length - 1 ? { reply_markup: keyboard } : {}),
    });
  }
}

/** The deep link that opens an article in this bot. */
export function articleLink(ctx: NashraContext, id: number): string {
  return readLink(ctx.me.username, id);
}

/**
 * One row of numbered «📖 n» buttons under a page of entries (n is the entry's number in the list), one per
 * article with a body. In a private chat a button sends the text there; in a group or channel it is a link to
 * the bot's private chat (`?start=a_<id>`), so one member's reading does not fill the group. A page holds at most
 * five entries: one row, well inside Telegram's eight buttons a row.
 */
export function readButtons(
  ctx: NashraContext,
  keyboard: InlineKeyboard,
  articles: readonly ArticleRecord[],
  first: number,
): InlineKeyboard {
  const readable = articles.flatMap((a, i) => (a.body.trim() === "" ? [] : [{ a, n: first + i }]));
  if (readable.length === 0) return keyboard;
  keyboard.row();
  const isPrivate = ctx.chat?.type === "private";
  for (const { a, n } of readable) {
    const label = ctx.tp("button-read-numbered", { rank: String(n) });
    if (isPrivate) keyboard.text(label, readArticle.pack({ article: a.id }));
    else keyboard.url(label, articleLink(ctx, a.id));
  }
  return keyboard.row();
}
