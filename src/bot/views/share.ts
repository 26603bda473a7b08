// Sharing an article (docs/sharing.md): the card inline mode sends into any chat, the «↗» buttons that open inline
// mode on one article (switch_inline_query with `#<id>`), and the offer to follow an article's places under its
// whole text (the a_<id> deep link, the «📖» buttons).
import { InlineKeyboard } from "grammy";
import type { Language } from "../../domain";
import type { I18n } from "../../i18n";
import { opening, readLink, renderArticle } from "../../render/article";
import type { ArticleRecord } from "../../store/articles";
import { isolateLatinRunsHtml } from "../../text/bidi";
import { articleFollow } from "../callback-data";
import type { NashraContext } from "../context";

/** How much of the body a shared card shows (the rest is one tap away: its deep link). */
const SHARED_OPENING = 500;
/** The places under an article's whole text a reader is offered to follow. */
const FOLLOW_OFFERS = 3;

/** What a «↗» button types after `@<bot> `: the article by its id, which inline mode answers with its one card. */
export function shareQuery(articleId: number): string {
  return `#${articleId}`;
}

/** `#17` (or `17`, `a_17`, `١٧`) as typed in inline mode: the article to share. */
export const SHARE_QUERY = /^(?:#|a_)?(\d{1,15})$/;

/**
 * An article as it is shared into another chat: its card in the article's own language (title, opening, source and
 * time in the sharer's zone) and the line with its deep link, which opens it whole in the bot.
 */
export function sharedCard(
  i18n: I18n,
  botUsername: string,
  article: ArticleRecord,
  timeZone: string,
): string {
  const language: Language = article.language;
  const html = renderArticle(article, {
    language,
    timeZone,
    layout: "card",
    bold: true,
    snippet: opening(article.body.replace(/\s+/g, " "), SHARED_OPENING),
    read: { href: readLink(botUsername, article.id), label: i18n.plain(language, "read-full") },
  });
  return isolateLatinRunsHtml(html, language);
}

/** A «↗️ Share» button that opens inline mode on the article in a chat the reader picks. */
export function shareButton(ctx: NashraContext, keyboard: InlineKeyboard, articleId: number): InlineKeyboard {
  return keyboard.switchInline(ctx.tp("button-share"), shareQuery(articleId));
}

/** One row of «↗️ n» buttons under a page of entries, numbered as the list (and the «📖 n» row above it). */
export function shareButtons(
  ctx: NashraContext,
  keyboard: InlineKeyboard,
  articles: readonly ArticleRecord[],
  first: number,
): InlineKeyboard {
  if (articles.length === 0) return keyboard;
  keyboard.row();
  articles.forEach((a, i) => {
    keyboard.switchInline(ctx.tp("button-share-numbered", { rank: String(first + i) }), shareQuery(a.id));
  });
  return keyboard.row();
}

/**
 * The keyboard under an article's whole text: «↗️ Share», and in a private chat a «Follow …» button for each of the
 * places it is about that the reader does not follow yet (TopicService.subscribe behind the buttons, as everywhere:
 * bot/features/share.ts answers them, leaving the article's text as it is).
 */
export function wholeTextKeyboard(ctx: NashraContext, articleId: number): InlineKeyboard {
  const keyboard = shareButton(ctx, new InlineKeyboard(), articleId).row();
  const chatId = ctx.chat?.id;
  if (ctx.chat?.type !== "private" || chatId === undefined) return keyboard;
  const { topics } = ctx.deps;
  const index = topics.index();
  const followed = new Set(topics.subscriptionsOf(chatId).map((t) => t.id));
  const offers = topics
    .topicsOfArticle(articleId)
    .filter((t) => t.retiredAt === null && !followed.has(t.id) && !topics.coveringAncestor(chatId, t))
    .slice(0, FOLLOW_OFFERS);
  for (const t of offers) {
    keyboard
      .text(
        ctx.tp("button-subscribe", { topic: index.name(t, ctx.language) }),
        articleFollow.pack({ article: articleId, topic: t.id }),
      )
      .row();
  }
  return keyboard;
}
