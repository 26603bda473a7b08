// Following one topic and saying so: /subscribe, its buttons and the /start deep link.
import type { Topic } from "../../topics/topic-index";
import type { NashraContext } from "../context";

/** A topic's name in the chat's language. */
export function topicName(ctx: NashraContext, topic: Topic): string {
  return ctx.deps.topics.index().name(topic, ctx.language);
}

/** Confirms a subscription, saying what it includes, or why nothing changed. */
function subscribedText(ctx: NashraContext, topic: Topic, added: boolean): string {
  const { topics } = ctx.deps;
  const name = topicName(ctx, topic);
  if (!added) return ctx.t("subscribe-already", { topic: name });
  const children = topic.children.slice(0, 4).map((c) => topicName(ctx, c));
  const more = topic.children.length > 4 ? "…" : "";
  let text = children.length
    ? ctx.t("subscribe-done-with-children", {
        topic: name,
        children: children.join(ctx.language === "ar" ? "، " : ", ") + more,
      })
    : ctx.t("subscribe-done", { topic: name });
  const via = topics.coveringAncestor(ctx.chatId as number, topic);
  if (via) text += `\n${ctx.t("subscribe-already-via", { topic: name, parent: topicName(ctx, via) })}`;
  return text;
}

/** Subscribes to one topic and confirms (used by the deep link and the buttons too). */
export async function subscribeAndConfirm(ctx: NashraContext, topic: Topic): Promise<string> {
  const added = ctx.deps.topics.subscribe(ctx.chatId as number, [topic]).length > 0;
  return subscribedText(ctx, topic, added);
}
