// Breaking items waiting for an editor: which copies of an offer each editor has (the bot sends and edits them,
// bot/breaking-offers.ts), so that an item one editor ignores leaves every editor's copy.
import type { Store } from "../store";
import type { OfferCopy } from "../store/offers";

export type { OfferCopy } from "../store/offers";

export class BreakingOfferLog {
  constructor(private readonly store: Store) {}

  /** One editor's copy was sent: the message and the items it shows. */
  sent(copy: {
    chatId: number;
    messageId: number;
    feed: string;
    total: number;
    articleIds: readonly number[];
  }): void {
    this.store.offers.record(copy);
  }

  /**
   * An editor ignored an item: every copy that still offered it, as it now reads (the item marked with the
   * editor's name). Empty when someone ignored it already or no copy is known.
   */
  ignore(articleId: number, by: string): OfferCopy[] {
    return this.store.offers
      .ignore(articleId, by)
      .flatMap((c) => this.store.offers.copy(c.chatId, c.messageId) ?? []);
  }
}
