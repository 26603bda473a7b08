// Whatever no feature handled: unknown commands, plain text, stale buttons.
import { Composer, InlineKeyboard } from "grammy";
import { words } from "../../text/normalize";
import { resolveTopic, splitTopicNames } from "../../topics/resolve";
import type { Topic } from "../../topics/topic-index";
import { subscribeButton } from "../callback-data";
import type { NashraContext } from "../context";
import { echo, replyHtml } from "../reply";
import { topicOrAnswer } from "../topic-choice";
import { nameList } from "../views/subscribe";

export const fallbackFeature = new Composer<NashraContext>();

const COMMAND = /^\/([^\s@]{1,64})(?:@(\S+))?/;

fallbackFeature.on("message:text", async (ctx) => {
  const text = ctx.message.text;
  const command = COMMAND.exec(text);
  const isPrivate = ctx.chat.type === "private";
  if (command) {
    // In a group, only commands addressed to this bot deserve an answer.
    const target = command[2];
    if (!isPrivate && target?.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    await replyHtml(ctx, ctx.t("unknown-command", { command: `/${echo(command[1] ?? "")}` }));
    return;
  }
  if (!isPrivate) return;
  await answerPlainText(ctx, text);
});

/** Words of a reader asking how to follow («كيف اشترك بأخبار الميادين؟», "how do I follow Hajin"). */
const ASKS_TO_FOLLOW =
  /(?:^| )(?:[وف]?(?:اشترك|اشتراك|الاشتراك|اتابع|تابع|متابعه)|subscri\w*|follow\w*)(?: |$)/;
/** A message of at most this many words that is near a place's name gets "did you mean" buttons. */
const NAME_LIKE_WORDS = 3;

/**
 * Plain text in a private chat, the fast path of the picker: a place's name (or a list of them, as
 * /subscribe reads it) is offered to follow, or said to be followed already; a sentence or a question that
 * names places likewise; a near miss gets the nearest names.
 */
async function answerPlainText(ctx: NashraContext, text: string): Promise<void> {
  const { topics } = ctx.deps;
  const index = topics.index();
  const short = text.length <= 100 ? text : "";
  const names = short ? splitTopicNames(index, short) : [];
  const resolved = names.map((n) => resolveTopic(index, n));
  const named = resolved.flatMap((r) => (r.kind === "one" ? [r.topic] : []));
  if (named.length > 0 && named.length === resolved.length) {
    await offerToFollow(ctx, unique(named), "names");
    return;
  }
  const [only] = resolved;
  if (
    names.length === 1 &&
    (only?.kind === "several" || only?.kind === "suggestions") &&
    words(short).length <= NAME_LIKE_WORDS &&
    !short.includes("?") &&
    !short.includes("؟")
  ) {
    await topicOrAnswer(ctx, short, { buttons: () => (t) => subscribeButton.pack({ topic: t.id }) });
    return;
  }
  // A sentence that names places ("قصف على الميادين؟", "كيف اشترك بأخبار الميادين؟").
  const mentioned = topics.tag(text.slice(0, 1000)).slice(0, 3);
  if (mentioned.length > 0) {
    const asked = ASKS_TO_FOLLOW.test(words(text.slice(0, 1000)).join(" "));
    await offerToFollow(ctx, mentioned, asked ? "asked" : "sentence");
    return;
  }
  await replyHtml(ctx, ctx.t("plain-text-hint"));
}

function unique<T>(items: readonly T[]): T[] {
  return items.filter((t, i) => items.indexOf(t) === i);
}

/**
 * Offers to follow places: a button for each the chat does not receive yet; the others are said to be
 * followed already, directly or through a parent. The offer's words depend on what the reader sent: names,
 * a sentence naming places (their latest news is one command away), or a question about following them.
 */
async function offerToFollow(
  ctx: NashraContext,
  places: readonly Topic[],
  sent: "names" | "sentence" | "asked",
): Promise<void> {
  const { topics } = ctx.deps;
  const index = topics.index();
  const chatId = ctx.chatId as number;
  const followed = new Set(topics.subscriptionsOf(chatId).map((t) => t.id));
  const name = (t: Topic) => index.name(t, ctx.language);
  const lines: string[] = [];
  const already = places.filter((t) => followed.has(t.id));
  if (already.length) lines.push(ctx.t("subscribe-already", { topic: nameList(ctx, already) }));
  const fresh: Topic[] = [];
  const keyboard = new InlineKeyboard();
  for (const t of places) {
    if (followed.has(t.id)) continue;
    const via = topics.coveringAncestor(chatId, t);
    if (via) {
      // Its news already comes; following it on its own keeps it when the parent is dropped (as /subscribe).
      lines.push(ctx.t("subscribe-covered", { topic: name(t), parent: name(via) }));
      keyboard
        .text(ctx.tp("button-subscribe-own", { topic: name(t) }), subscribeButton.pack({ topic: t.id }))
        .row();
    } else fresh.push(t);
  }
  for (const t of fresh)
    keyboard
      .text(ctx.tp("button-subscribe", { topic: name(t) }), subscribeButton.pack({ topic: t.id }))
      .row();
  const [first] = fresh;
  if (!first) {
    const [place] = places;
    if (sent === "sentence" && place) lines.push(ctx.t("offer-latest", { topic: name(place) }));
  } else if (sent === "asked") lines.push(ctx.t("offer-follow-how", { topic: name(first) }));
  else if (sent === "sentence") lines.push(ctx.t("offer-topics-in-text", { topic: name(first) }));
  else if (fresh.length === 1) lines.push(ctx.t("offer-subscribe", { topic: name(first) }));
  else lines.push(ctx.t("offer-subscribe-many", { topics: nameList(ctx, fresh) }));
  await replyHtml(ctx, lines.join("\n"), keyboard.inline_keyboard.flat().length ? keyboard : undefined);
}

fallbackFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.tp("button-expired") }));
