// Readers' tips to the newsroom (docs/tips.md): a reader's message becomes a draft, the reader confirms it (named or
// not), the editors and admins who have a private chat with the bot receive it through the outbox, and an editor
// replies to the reader through the bot, makes an article of it, or dismisses it. At most TIP_LIMIT tips a reader an
// hour. The questions in flight (a reader after /tip, an editor writing a reply) are PendingInputs, in the database:
// the answer typed after a restart is still read as the tip or the reply.
import type { Clock } from "../clock";
import type { Delivery } from "../delivery";
import { chatLanguage, hasRole, type Language } from "../domain";
import type { Importer } from "../ingest/importer";
import { PendingInputs } from "../readers/pending-inputs";
import type { RoleService } from "../roles/service";
import type { Store } from "../store";
import type { ArticleRecord } from "../store/articles";
import type { ChatRecord } from "../store/chats";
import type { NewTip, TipRecord } from "../store/tips";
import type { Message, RelayButton } from "../text/message";
import type { Topic } from "../topics/topic-index";

/** Tips a reader may send within TIP_WINDOW_MS. */
export const TIP_LIMIT = 5;
export const TIP_WINDOW_MS = 60 * 60_000;
/** How long the bot waits for the tip after /tip, and for an editor's reply after «↩». */
export const QUESTION_MS = 30 * 60_000;

/** The editors' card of a tip in one language: parts of Telegram HTML, and the buttons under the last. */
export interface TipCard {
  parts: readonly string[];
  buttons: readonly (readonly RelayButton[])[];
  /** What stands for the reader's message when Telegram can no longer copy it (they deleted it). */
  missing: string;
}

export type DraftOutcome = { kind: "draft"; tip: TipRecord } | { kind: "limited"; retryAt: number };

export type SendOutcome =
  | { kind: "sent"; tip: TipRecord; editors: number }
  | { kind: "limited"; retryAt: number }
  /** Not this reader's draft, or already sent or cancelled (a second tap). */
  | { kind: "gone" };

export type HandleOutcome =
  | { kind: "done"; tip: TipRecord }
  | { kind: "gone" }
  | { kind: "already"; tip: TipRecord };

export interface TipServiceOptions {
  store: Store;
  roles: RoleService;
  delivery: Delivery;
  importer: Importer;
  clock: Clock;
  defaultLanguage: Language;
}

/** Tips come and replies are written in a private chat, whose id is its person's. */
const inPrivate = (userId: number) => ({ chatId: userId, userId });

export class TipService {
  /** Readers who sent /tip alone ("tip"), editors who pressed «↩» ("tip-reply"). */
  private readonly questions: PendingInputs;

  constructor(private readonly options: TipServiceOptions) {
    this.questions = new PendingInputs(options.store, options.clock);
  }

  find(id: number): TipRecord | undefined {
    return this.options.store.tips.find(id);
  }

  /** The newest tips no editor has dismissed or made into an article yet (/tips). */
  waiting(limit: number): TipRecord[] {
    return this.options.store.tips.waiting(limit);
  }

  /** How a tip is passed on to an editor: the reader's message copied or forwarded (not a plain text), then `card`. */
  relayOf(tip: TipRecord, card: TipCard): Message {
    const from =
      tip.kind === "text" ? null : { chatId: tip.chatId, messageId: tip.messageId, forward: tip.named };
    return { kind: "relay", from, ...card };
  }

  /** When the reader may send a tip again, or undefined when they may now. */
  limitedUntil(userId: number): number | undefined {
    const now = this.options.clock();
    const { count, first } = this.options.store.tips.sentAfter(userId, now - TIP_WINDOW_MS);
    return count >= TIP_LIMIT ? (first ?? now) + TIP_WINDOW_MS : undefined;
  }

  /** A draft of the reader's message, to confirm; refused at once when the reader is past the limit. */
  draft(tip: NewTip): DraftOutcome {
    const retryAt = this.limitedUntil(tip.userId);
    if (retryAt !== undefined) return { kind: "limited", retryAt };
    this.questions.forget(inPrivate(tip.userId), "tip");
    return { kind: "draft", tip: this.options.store.tips.add(tip) };
  }

  /**
   * The reader's confirmation: the tip goes to every editor and admin who has an active private chat with the bot,
   * each in their chat's language (`card`). Named: forwarded, Telegram shows the reader; else a copy, no sender.
   */
  send(
    id: number,
    userId: number,
    named: boolean,
    card: (tip: TipRecord, language: Language) => TipCard,
  ): SendOutcome {
    const { store, delivery } = this.options;
    const draft = store.tips.find(id);
    if (!draft || draft.userId !== userId || draft.status !== "draft") return { kind: "gone" };
    const retryAt = this.limitedUntil(userId);
    if (retryAt !== undefined) return { kind: "limited", retryAt };
    if (!store.tips.send(id, named)) return { kind: "gone" };
    const tip = store.tips.find(id) as TipRecord;
    const editors = this.editorChats();
    const from =
      tip.kind === "text" ? null : { chatId: tip.chatId, messageId: tip.messageId, forward: tip.named };
    const byLanguage = new Map<Language, Message>();
    const messageIn = (language: Language): Message => {
      let message = byLanguage.get(language);
      if (!message) {
        message = { kind: "relay", from, ...card(tip, language) };
        byLanguage.set(language, message);
      }
      return message;
    };
    delivery.enqueue(
      editors.map((chat) => ({
        chatId: chat.id,
        purpose: "direct" as const,
        ref: `tip:${tip.id}`,
        dedupeKey: `tip:${tip.id}`,
        message: messageIn(this.languageOf(chat)),
      })),
    );
    return { kind: "sent", tip, editors: editors.length };
  }

  /** The reader changed their mind before sending. */
  cancel(id: number, userId: number): boolean {
    const tip = this.options.store.tips.find(id);
    if (!tip || tip.userId !== userId) return false;
    return this.options.store.tips.move(id, "draft", "cancelled", userId);
  }

  /** An editor dismissed the tip (another editor may have been first, or made an article of it). */
  dismiss(id: number, editorId: number): HandleOutcome {
    const { tips } = this.options.store;
    const tip = tips.find(id);
    if (!tip || tip.status === "draft" || tip.status === "cancelled") return { kind: "gone" };
    if (!tips.move(id, "sent", "dismissed", editorId)) return { kind: "already", tip };
    return { kind: "done", tip: tips.find(id) as TipRecord };
  }

  /** The article a tip would make: its first line the title, the rest the body (as /post reads it). */
  articleText(tip: TipRecord): { title: string; body: string } | undefined {
    const lines = tip.text.replace(/^\/tip(?:@\w+)?\s*/i, "").split(/\r?\n/);
    const at = lines.findIndex((l) => l.trim() !== "");
    if (at < 0) return undefined;
    const body = lines
      .slice(at + 1)
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    return { title: (lines[at] as string).trim(), body };
  }

  /** An editor publishes the tip's text as an article (after their confirmation), through the one importer. */
  post(
    id: number,
    editorId: number,
  ):
    | { kind: "posted"; article: ArticleRecord; topics: Topic[]; created: boolean }
    | { kind: "no-text" }
    | { kind: "gone" }
    | { kind: "already"; articleId: number | null } {
    const { store, importer } = this.options;
    const tip = store.tips.find(id);
    if (!tip || tip.status === "draft" || tip.status === "cancelled") return { kind: "gone" };
    if (tip.status === "posted") return { kind: "already", articleId: tip.articleId };
    const text = this.articleText(tip);
    if (!text) return { kind: "no-text" };
    const { article, topics, created } = importer.importOne(text, { origin: "post", postedBy: editorId });
    store.tips.posted(id, article.id, editorId);
    return { kind: "posted", article, topics, created };
  }

  // --- Questions in flight ------------------------------------------------------------------------------------

  /** The reader sent /tip alone: their next message is the tip. */
  awaitTip(userId: number): void {
    this.questions.ask(inPrivate(userId), "tip", {}, QUESTION_MS);
  }

  /** True (once) when the reader's message is the tip /tip asked for. */
  takeAwaited(userId: number): boolean {
    return this.questions.take(inPrivate(userId), "tip") !== undefined;
  }

  forgetAwaited(userId: number): void {
    this.questions.forget(inPrivate(userId), "tip");
  }

  /** An editor pressed «↩» under a tip: their next message is the reply. */
  startReply(editorId: number, tipId: number): void {
    this.questions.ask(inPrivate(editorId), "tip-reply", { tip: tipId }, QUESTION_MS);
  }

  /** The tip the editor is writing a reply to, if any. */
  replyingTo(editorId: number): number | undefined {
    return this.questions.find(inPrivate(editorId), "tip-reply")?.tip;
  }

  forgetReply(editorId: number): void {
    this.questions.forget(inPrivate(editorId), "tip-reply");
  }

  /**
   * The editor's reply reaches the reader through the outbox: `card(language)` is its heading in the reader's
   * language (with the text when the reply is a text: then `fromMessageId` is undefined and nothing is copied).
   * Undefined when the tip (or the reader's chat) is gone.
   */
  reply(
    editorId: number,
    tipId: number,
    reply: { chatId: number; messageId?: number | undefined },
    card: (tip: TipRecord, language: Language) => readonly string[],
  ): TipRecord | undefined {
    const { store, delivery } = this.options;
    this.questions.forget(inPrivate(editorId), "tip-reply");
    const tip = store.tips.find(tipId);
    const reader = tip ? store.chats.find(tip.chatId) : undefined;
    if (!tip || !reader || tip.status === "draft" || tip.status === "cancelled") return undefined;
    store.tips.replied(tip.id);
    const parts = card(tip, this.languageOf(reader));
    const from =
      reply.messageId === undefined
        ? null
        : { chatId: reply.chatId, messageId: reply.messageId, forward: false };
    delivery.enqueue([
      {
        chatId: tip.chatId,
        purpose: "direct",
        ref: `tip-reply:${tip.id}`,
        dedupeKey: `tip-reply:${tip.id}:${tip.replies + 1}`,
        // A reply that is not a text (a photo): the copy first, the heading under it says what it is.
        message: { kind: "relay", from, parts, buttons: [] },
      },
    ]);
    return tip;
  }

  // --- Who receives tips --------------------------------------------------------------------------------------

  /** Editors and admins with an active private chat with the bot (Telegram lets a bot write only to those). */
  private editorChats(): ChatRecord[] {
    const { store, roles } = this.options;
    return roles.staffIds().flatMap((id) => {
      if (!hasRole(roles.roleOf(id), "editor")) return [];
      const chat = store.chats.find(id);
      return chat?.active && chat.type === "private" ? [chat] : [];
    });
  }

  private languageOf(chat: ChatRecord): Language {
    return chatLanguage(chat, this.options.defaultLanguage);
  }
}
