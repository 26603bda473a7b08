// Inline mode (docs/sharing.md): `@<bot> الميادين` in any chat lists the latest articles about that place (the one
// topic resolver, as every command reads a place), `@<bot> <words>` searches (the one search), `@<bot>` alone shows
// the latest, `@<bot> #17` (what the «↗» buttons type) the one article. Each result is the article's card with its
// deep link back to the bot; the reader picks one and Telegram sends it "via @<bot>".
import { limit } from "@grammyjs/ratelimiter";
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { chatLanguage, chatTimeZone, languageFromCode } from "../../domain";
import { formatDateTime } from "../../i18n/format";
import { opening, readLink } from "../../render/article";
import type { ArticleRecord } from "../../store/articles";
import { asciiDigits } from "../../text/normalize";
import { resolveTopic } from "../../topics/resolve";
import type { NashraContext } from "../context";
import { SHARE_QUERY, sharedCard } from "../views/share";

/** Results an answer carries (Telegram allows 50); scrolling further asks for the next page (`next_offset`). */
export const INLINE_PAGE = 20;
/** Pages offered in all: inline mode is for the newest, /search in the bot for the rest. */
const INLINE_PAGES = 5;
/**
 * Seconds Telegram may keep an answer. Latest and place results are personal (the reader's places and muted words
 * shape them) and short-lived; a search's and one article's are the same for everyone.
 */
export const CACHE_PERSONAL = 30;
export const CACHE_SHARED = 120;
/** The longest title and description a result shows in the list (the card carries the whole title). */
const RESULT_TITLE = 120;
const RESULT_DESCRIPTION = 140;

/**
 * Inline queries one person may make within INLINE_WINDOW_MS. Telegram's apps ask as the reader types (after a short
 * pause), so a reader typing a long query stays well inside; past it, the bot answers with nothing, briefly cached,
 * rather than searching for every keystroke of a script.
 */
export const INLINE_LIMIT = 30;
export const INLINE_WINDOW_MS = 10_000;

export const inlineFeature = new Composer<NashraContext>();

inlineFeature.on(
  "inline_query",
  limit<NashraContext, never>({
    timeFrame: INLINE_WINDOW_MS,
    limit: INLINE_LIMIT,
    keyGenerator: (ctx) => (ctx.inlineQuery ? String(ctx.from?.id) : undefined),
    onLimitExceeded: async (ctx) => {
      await ctx.answerInlineQuery([], { cache_time: 5, is_personal: true });
    },
  }),
);

inlineFeature.on("inline_query", async (ctx) => {
  const { articles, topics, readers, i18n, config } = ctx.deps;
  const query = ctx.inlineQuery.query.trim();
  const userId = ctx.from.id;
  const page = Math.min(Math.max(Number.parseInt(ctx.inlineQuery.offset, 10) || 0, 0), INLINE_PAGES - 1);
  // The sharer's own chat with the bot, when there is one: its language, zone, places and muted words.
  const chat = readers.find(userId);
  const language = chatLanguage(
    chat ?? {
      type: "private",
      language: null,
      clientLanguage: languageFromCode(ctx.from.language_code) ?? null,
    },
    config.DEFAULT_LANGUAGE,
  );
  const timeZone = chatTimeZone(chat, config.DEFAULT_TIMEZONE);

  let items: ArticleRecord[];
  let personal = false;
  const one = SHARE_QUERY.exec(asciiDigits(query))?.[1];
  if (one !== undefined) {
    const found = page === 0 ? articles.get(Number(one)) : undefined;
    items = found ? [found.article] : [];
  } else if (query === "") {
    items = articles.latest(userId, undefined, page, INLINE_PAGE).items;
    personal = true;
  } else {
    const resolution = resolveTopic(topics.index(), query);
    if (resolution.kind === "one") {
      items = articles.latest(userId, resolution.topic, page, INLINE_PAGE).items;
      personal = true;
    } else {
      items = articles.search(query, page, INLINE_PAGE).items;
    }
  }

  const username = ctx.me.username;
  const results: InlineQueryResultArticle[] = items.map((a) => {
    const meta = [a.source, formatDateTime(a.sortAt, language, timeZone)].filter(Boolean).join(" · ");
    return {
      type: "article",
      id: String(a.id),
      title: opening(a.title, RESULT_TITLE),
      description: `${meta}\n${opening(a.body.replace(/\s+/g, " "), RESULT_DESCRIPTION)}`.trim(),
      input_message_content: {
        message_text: sharedCard(i18n, username, a, timeZone),
        parse_mode: "HTML",
        link_preview_options: { is_disabled: a.url === null },
      },
      reply_markup: {
        inline_keyboard: [[{ text: i18n.plain(a.language, "inline-open"), url: readLink(username, a.id) }]],
      },
    };
  });
  const more = items.length === INLINE_PAGE && page + 1 < INLINE_PAGES;
  const nothing = results.length === 0 && page === 0;
  await ctx.answerInlineQuery(results, {
    cache_time: personal ? CACHE_PERSONAL : CACHE_SHARED,
    is_personal: personal,
    next_offset: more ? String(page + 1) : "",
    // Nothing found: a button that opens the bot (its welcome and place picker) instead of an empty list.
    ...(nothing
      ? {
          button: {
            text: opening(
              query === ""
                ? i18n.plain(language, "inline-none-empty")
                : i18n.plain(language, "inline-none", { query: opening(query, 24) }),
              64,
            ),
            start_parameter: "inline",
          },
        }
      : {}),
  });
});
