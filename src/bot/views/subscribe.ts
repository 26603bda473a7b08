// Following places and saying what happened: /subscribe, its buttons, the /start deep link and names typed
// as plain text. What following does is decided once, in TopicService.subscribe; this only words it.
import { InlineKeyboard } from "grammy";
import type { FollowOutcome, UnfollowOutcome } from "../../topics/service";
import type { Topic } from "../../topics/topic-index";
import { exceptPlace, unfollowParent } from "../callback-data";
import type { NashraContext } from "../context";

/** A topic's name in the chat's language. */
export function topicName(ctx: NashraContext, topic: Topic): string {
  return ctx.deps.topics.index().name(topic, ctx.language);
}

/** Items of a list joined in the chat's language («الحسكة، رأس العين»). */
export function joinNames(ctx: NashraContext, names: readonly string[]): string {
  return names.join(ctx.language === "ar" ? "، " : ", ");
}

/** Names as a list in the chat's language. */
export function nameList(ctx: NashraContext, topics: readonly Topic[]): string {
  const names = topics.map((t) => topicName(ctx, t));
  return joinNames(ctx, names);
}

/**
 * What following did, for one place or several: followed now (and whether its news already came through a
 * followed parent: then it is followed on its own too), or already followed.
 */
export function followText(ctx: NashraContext, outcomes: readonly FollowOutcome[]): string {
  const added = outcomes.filter((o) => o.kind === "added").map((o) => o.topic);
  const already = outcomes.filter((o) => o.kind === "already").map((o) => o.topic);
  const lines: string[] = [];
  const [single] = added;
  if (single && added.length === 1) {
    const children = single.children.slice(0, 4).map((c) => topicName(ctx, c));
    const rest = single.children.length - children.length;
    const more = rest > 0 ? ` ${ctx.tp("subscribe-children-more", { count: rest })}` : "";
    lines.push(
      children.length
        ? ctx.t("subscribe-done-with-children", {
            topic: topicName(ctx, single),
            children: joinNames(ctx, children) + more,
          })
        : ctx.t("subscribe-done", { topic: topicName(ctx, single) }),
    );
  } else if (added.length > 1) {
    lines.push(ctx.t("subscribe-done-many", { topics: nameList(ctx, added) }));
  }
  if (already.length) lines.push(ctx.t("subscribe-already", { topic: nameList(ctx, already) }));
  for (const o of outcomes) {
    if (o.kind === "added" && o.via)
      lines.push(
        ctx.t("subscribe-also-via", { topic: topicName(ctx, o.topic), parent: topicName(ctx, o.via) }),
      );
  }
  return lines.join("\n");
}

/** What a button's answer says (answerCallbackQuery): a toast, an alert the reader closes, or nothing. */
export interface Toast {
  text?: string;
  show_alert?: boolean;
}

/**
 * The toast after a place followed by a button (the picker): followed, or, for a place whose news already came
 * through a followed parent, an alert that it is followed on its own too.
 */
export function followToast(ctx: NashraContext, outcome: FollowOutcome | undefined): Toast {
  const topic = outcome ? topicName(ctx, outcome.topic) : "";
  return outcome?.kind === "added" && outcome.via
    ? { text: ctx.tp("toast-covered", { topic, parent: topicName(ctx, outcome.via) }), show_alert: true }
    : { text: ctx.tp("toast-subscribed", { topic }) };
}

/**
 * The toast after a place unfollowed by a button (the picker, /unsubscribe's list): unfollowed, or an alert that
 * its news still comes through a followed parent; nothing when it was not followed.
 */
export function unfollowToast(ctx: NashraContext, outcome: UnfollowOutcome): Toast {
  if (outcome.kind !== "removed") return {};
  const topic = topicName(ctx, outcome.topic);
  return outcome.via
    ? {
        text: ctx.tp("toast-unsubscribed-still-via", { topic, parent: topicName(ctx, outcome.via) }),
        show_alert: true,
      }
    : { text: ctx.tp("toast-unsubscribed", { topic }) };
}

/** Follows one place and words the outcome (the deep link, the Follow buttons, a name typed as text). */
export function subscribeAndConfirm(ctx: NashraContext, topic: Topic): string {
  return followText(ctx, ctx.deps.topics.subscribe(ctx.chatId as number, [topic]));
}

/**
 * What unfollowing did, and when the place's news still arrives through a followed parent, a button that
 * keeps the parent except the place («دير الزور ما عدا الميادين», rule 9 of docs/audience.md) and one that
 * unfollows the parent: the reader is told rather than left to wonder why its news keeps coming.
 */
export function unfollowReply(
  ctx: NashraContext,
  outcome: UnfollowOutcome,
): { text: string; keyboard?: InlineKeyboard } {
  const topic = topicName(ctx, outcome.topic);
  if (outcome.kind === "not-followed") return { text: ctx.t("unsubscribe-not-subscribed", { topic }) };
  if (outcome.kind === "removed" && !outcome.via) return { text: ctx.t("unsubscribe-done", { topic }) };
  const via = outcome.via as Topic;
  const parent = topicName(ctx, via);
  const key = outcome.kind === "removed" ? "unsubscribe-done-still-via" : "unsubscribe-via-parent";
  return {
    text: ctx.t(key, { topic, parent }),
    // Keep the parent except this place (rule 9), or unfollow the parent.
    keyboard: new InlineKeyboard()
      .text(ctx.tp("button-except", { parent, topic }), exceptPlace.pack({ topic: outcome.topic.id }))
      .row()
      .text(ctx.tp("button-unsubscribe", { topic: parent }), unfollowParent.pack({ topic: via.id })),
  };
}
