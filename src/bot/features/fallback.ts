// Whatever no feature handled: unknown commands, plain text, stale buttons.
import { Composer, InlineKeyboard } from "grammy";
import { subscribeButton } from "../callback-data";
import type { NashraContext } from "../context";
import { echo, replyHtml } from "../reply";

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
  // A reader who types a place name probably wants to follow it.
  const { matches } = ctx.deps.topics.lookup(text.length <= 100 ? text : "");
  const topic = matches.length === 1 ? matches[0] : undefined;
  if (topic) {
    const name = ctx.deps.topics.index().name(topic, ctx.language);
    await replyHtml(
      ctx,
      ctx.t("offer-subscribe", { topic: name }),
      new InlineKeyboard().text(
        ctx.tp("button-subscribe", { topic: name }),
        subscribeButton.pack({ topic: topic.id }),
      ),
    );
    return;
  }
  // A sentence that names places ("قصف على الميادين؟"): offer to follow them.
  const index = ctx.deps.topics.index();
  const followed = new Set(ctx.deps.topics.subscriptionsOf(ctx.chat.id).map((t) => t.id));
  const named = ctx.deps.topics
    .tag(text.slice(0, 1000))
    .filter((t) => !followed.has(t.id))
    .slice(0, 3);
  if (named.length > 0) {
    const keyboard = new InlineKeyboard();
    for (const t of named)
      keyboard
        .text(
          ctx.tp("button-subscribe", { topic: index.name(t, ctx.language) }),
          subscribeButton.pack({ topic: t.id }),
        )
        .row();
    const first = index.name(named[0] as (typeof named)[number], ctx.language);
    await replyHtml(ctx, ctx.t("offer-topics-in-text", { topic: first }), keyboard);
    return;
  }
  await replyHtml(ctx, ctx.t("plain-text-hint"));
});

fallbackFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.tp("button-expired") }));
