// Breaking items of a feed whose auto-alert is off: every editor and admin with a private chat gets them at once,
// each with «Send as alert» (the /alert preview, then Send) and «Ignore», so "waiting for an editor" is true.
import { type Api, InlineKeyboard } from "grammy";
import { chatLanguage, type Language } from "../domain";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import type { ReaderService } from "../readers/service";
import type { RoleService } from "../roles/service";
import type { FeedRecord } from "../store/feeds";
import { escapeHtml, isolate } from "../text/html";
import { breakingAlert, breakingIgnore } from "./callback-data";

/** Items offered in one message; a poll that brings more says how many more (they are in /latest). */
export const OFFERED_PER_MESSAGE = 5;

export interface BreakingItem {
  id: number;
  title: string;
}

/** The offer as one editor reads it: the feed, each item with its pair of buttons. */
export function breakingOffer(
  i18n: I18n,
  language: Language,
  feed: Pick<FeedRecord, "id" | "title" | "url">,
  items: readonly BreakingItem[],
): { html: string; keyboard: InlineKeyboard } {
  const shown = items.slice(0, OFFERED_PER_MESSAGE);
  const lines = [
    i18n.t(language, "breaking-offer-title", { feed: feed.title ?? feed.url, count: items.length }),
    "",
    ...shown.map((item) => `${isolate(`#${item.id}`)} <b>${escapeHtml(item.title)}</b>`),
  ];
  if (items.length > shown.length) {
    lines.push(i18n.t(language, "breaking-offer-more", { count: items.length - shown.length }));
  }
  lines.push("", i18n.t(language, "breaking-offer-hint"));
  const keyboard = new InlineKeyboard();
  for (const item of shown) {
    keyboard
      .text(
        i18n.plain(language, "button-breaking-alert", { id: `#${item.id}` }),
        breakingAlert.pack({ article: item.id }),
      )
      .text(
        i18n.plain(language, "button-breaking-ignore", { id: `#${item.id}` }),
        breakingIgnore.pack({ article: item.id }),
      )
      .row();
  }
  return { html: lines.join("\n"), keyboard };
}

/** Sends the offers (straight to Telegram, like the alert's status message: a handful of staff chats). */
export class BreakingOffers {
  constructor(
    private readonly api: Api,
    private readonly deps: {
      i18n: I18n;
      readers: ReaderService;
      roles: RoleService;
      logger: Logger;
      defaultLanguage: Language;
    },
  ) {}

  async offer(feed: FeedRecord, items: readonly BreakingItem[]): Promise<void> {
    if (items.length === 0) return;
    const { readers, roles, i18n, logger, defaultLanguage } = this.deps;
    for (const userId of roles.staffIds()) {
      if (roles.roleOf(userId) === "reader") continue;
      const chat = readers.find(userId);
      if (!chat?.active || chat.type !== "private") continue;
      const { html, keyboard } = breakingOffer(i18n, chatLanguage(chat, defaultLanguage), feed, items);
      try {
        await this.api.sendMessage(userId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: keyboard,
        });
      } catch (error) {
        logger.info({ err: error, userId, feed: feed.id }, "breaking item not offered to an editor");
      }
    }
  }
}
