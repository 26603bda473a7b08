// Breaking items of a feed whose auto-alert is off: every editor and admin with a private chat gets them at once,
// each with «Send as alert» (the /alert preview, then Send) and «Ignore», so "waiting for an editor" is true.
// They go through the outbox; every copy is remembered (BreakingOfferLog): «Ignore» in one copy takes the item's
// buttons out of all of them, each saying who ignored it, in its chat's language.
import { type Api, InlineKeyboard } from "grammy";
import type { BreakingOfferLog } from "../alerts/offers";
import type { Delivery } from "../delivery";
import { chatLanguage, type Language } from "../domain";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import type { ReaderService } from "../readers/service";
import type { RoleService } from "../roles/service";
import type { FeedRecord } from "../store/feeds";
import type { OutboxMessage } from "../store/outbox";
import { escapeHtml, isolate } from "../text/html";
import type { Message, RelayButton } from "../text/message";
import { breakingAlert, breakingIgnore } from "./callback-data";

/** Items offered in one message; a poll that brings more says how many more (they are in /latest). */
export const OFFERED_PER_MESSAGE = 5;

export interface BreakingItem {
  id: number;
  title: string;
  /** The editor who ignored it (its buttons are gone, the copy says who); undefined while it is offered. */
  ignoredBy?: string | null;
}

/** The offer as one editor reads it: the feed, each item with its pair of buttons (or who ignored it). */
export function breakingOffer(
  i18n: I18n,
  language: Language,
  feed: string,
  shown: readonly BreakingItem[],
  total: number,
): { html: string; keyboard: InlineKeyboard } {
  const lines = [i18n.t(language, "breaking-offer-title", { feed, count: total }), ""];
  for (const item of shown) {
    lines.push(`${isolate(`#${item.id}`)} <b>${escapeHtml(item.title)}</b>`);
    if (item.ignoredBy)
      lines.push(i18n.t(language, "breaking-offer-ignored", { id: `#${item.id}`, name: item.ignoredBy }));
  }
  if (total > shown.length) {
    lines.push(i18n.t(language, "breaking-offer-more", { count: total - shown.length }));
  }
  const keyboard = new InlineKeyboard();
  const offered = shown.filter((item) => !item.ignoredBy);
  if (offered.length > 0) lines.push("", i18n.t(language, "breaking-offer-hint"));
  for (const item of offered) {
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

/**
 * Sends the offers through the outbox (durable, paced with the rest: a notice to each staff chat) and redraws every
 * copy when an item is ignored (edits go straight to Telegram, like the alert's status message).
 */
export class BreakingOffers {
  constructor(
    private readonly api: Api,
    private readonly deps: {
      i18n: I18n;
      readers: ReaderService;
      roles: RoleService;
      delivery: Pick<Delivery, "enqueue">;
      log: BreakingOfferLog;
      logger: Logger;
      defaultLanguage: Language;
    },
  ) {}

  /** One message per editor and admin with a private chat; returns how many were enqueued. */
  offer(feed: FeedRecord, items: readonly BreakingItem[]): number {
    const [first] = items;
    if (!first) return 0;
    const { readers, roles, i18n, delivery, log, defaultLanguage } = this.deps;
    const name = feed.title ?? feed.url;
    const shown = items.slice(0, OFFERED_PER_MESSAGE);
    // An article is offered once (a poll brings it once): its id names the offer.
    const ref = `offer:${first.id}`;
    const byLanguage = new Map<Language, Message>();
    const messages: OutboxMessage[] = [];
    for (const userId of roles.staffIds()) {
      if (roles.roleOf(userId) === "reader") continue;
      const chat = readers.find(userId);
      if (!chat?.active || chat.type !== "private") continue;
      const language = chatLanguage(chat, defaultLanguage);
      let message = byLanguage.get(language);
      if (!message) {
        const { html, keyboard } = breakingOffer(i18n, language, name, shown, items.length);
        message = { kind: "relay", from: null, parts: [html], buttons: relayButtons(keyboard) };
        byLanguage.set(language, message);
      }
      messages.push({ chatId: userId, purpose: "direct", ref, dedupeKey: ref, message });
    }
    log.sent(
      messages.map((m) => ({
        chatId: m.chatId,
        ref,
        feed: name,
        total: items.length,
        articleIds: shown.map((i) => i.id),
      })),
    );
    return delivery.enqueue(messages);
  }

  /**
   * An editor in chat `chatId` ignored an item: every copy that offered it is redrawn, the item's buttons gone and a
   * line saying who ignored it. Returns the chats whose copy was redrawn (the presser's among them when known).
   */
  async ignore(articleId: number, by: string, chatId: number, messageId?: number): Promise<number[]> {
    const { readers, i18n, log, logger, defaultLanguage } = this.deps;
    const redrawn: number[] = [];
    for (const copy of log.ignore(articleId, by, chatId, messageId)) {
      // Not sent yet (the outbox is behind): it goes out as it was, and its buttons answer with the new state.
      if (copy.messageId === undefined) continue;
      const chat = readers.find(copy.chatId);
      const language = chat ? chatLanguage(chat, defaultLanguage) : defaultLanguage;
      const items = copy.items.map((i) => ({ id: i.articleId, title: i.title, ignoredBy: i.ignoredBy }));
      const { html, keyboard } = breakingOffer(i18n, language, copy.feed, items, copy.total);
      try {
        await this.api.editMessageText(copy.chatId, copy.messageId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: keyboard,
        });
        redrawn.push(copy.chatId);
      } catch (error) {
        // Deleted by the editor, too old to edit, or already as drawn: that copy stays as it is.
        logger.info({ err: error, chat: copy.chatId, article: articleId }, "breaking offer copy not updated");
      }
    }
    return redrawn;
  }
}

/** An inline keyboard's callback buttons as a relayed message's rows. */
function relayButtons(keyboard: InlineKeyboard): RelayButton[][] {
  return keyboard.inline_keyboard.map((row) =>
    row.flatMap((b) => ("callback_data" in b ? [{ text: b.text, data: b.callback_data }] : [])),
  );
}
