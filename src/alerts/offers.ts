// Breaking items waiting for an editor: which copies of an offer each editor has (the bot renders them, the outbox
// sends them: bot/breaking-offers.ts), so that an item one editor ignores leaves every editor's copy.
import type { Store } from "../store";
import type { NewOfferCopy, OfferCopy } from "../store/offers";

/** A copy as it now reads, with the message id the outbox delivered it as (undefined: not sent yet). */
export interface OfferCopyView extends OfferCopy {
  messageId: number | undefined;
}

export class BreakingOfferLog {
  constructor(private readonly store: Store) {}

  /** The copies of one offer were enqueued: for each chat, the items it shows. */
  sent(copies: readonly NewOfferCopy[]): void {
    this.store.offers.record(copies);
  }

  /**
   * An editor in chat `chatId` ignored an item: every copy that still offered it, and the editor's own copy,
   * as they now read (the item marked with the name of whoever ignored it first; `messageId`: the pressed message).
   * Empty when no copy is known.
   */
  ignore(articleId: number, by: string, chatId: number, messageId?: number): OfferCopyView[] {
    const { offers, outbox } = this.store;
    const marked = offers.ignore(articleId, by);
    const own = offers.refOf(chatId, articleId);
    if (own !== undefined && !marked.some((c) => c.chatId === chatId && c.ref === own))
      marked.push({ chatId, ref: own });
    const delivered = new Map<string, Map<number, number | undefined>>();
    const messageOf = (ref: string, chat: number) => {
      let copies = delivered.get(ref);
      if (!copies) {
        copies = new Map(outbox.deliveredCopies(ref).map((c) => [c.chatId, c.messageIds[0]]));
        delivered.set(ref, copies);
      }
      return copies.get(chat);
    };
    return marked.flatMap((c) => {
      const copy = offers.copy(c.chatId, c.ref);
      // The presser's own copy: the pressed message (the outbox may not have written its id down yet).
      const id =
        c.chatId === chatId && c.ref === own && messageId !== undefined
          ? messageId
          : messageOf(c.ref, c.chatId);
      return copy ? [{ ...copy, messageId: id }] : [];
    });
  }
}
