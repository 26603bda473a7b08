// A followed place except some of the places under it («دير الزور ما عدا الميادين», docs/audience.md rule 9): the
// words of an exception's outcome, and the picker's choice for a (✓) place tapped.
import { InlineKeyboard } from "grammy";
import type { ExceptOutcome } from "../../topics/service";
import type { Topic } from "../../topics/topic-index";
import { pickerExcept, pickerFollowOwn } from "../callback-data";
import type { NashraContext } from "../context";
import { openData, viewShowing } from "../keyboards/topic-picker";
import { nameList } from "./subscribe";

/** What excepting a place did, as a reply. */
export function exceptText(ctx: NashraContext, outcome: ExceptOutcome): string {
  const index = ctx.deps.topics.index();
  const topic = index.name(outcome.topic, ctx.language);
  if (outcome.kind === "not-covered") return ctx.t("except-not-covered", { topic });
  const parent = index.name(outcome.via, ctx.language);
  return ctx.t(outcome.kind === "excepted" ? "except-done" : "except-already", { topic, parent });
}

/** The picker's question for a place whose news comes through a followed place above it: follow it too, or except it. */
export function coveredChoice(
  ctx: NashraContext,
  topic: Topic,
  via: Topic,
  page: number,
): { text: string; keyboard: InlineKeyboard } {
  const index = ctx.deps.topics.index();
  const name = index.name(topic, ctx.language);
  const parent = index.name(via, ctx.language);
  return {
    text: ctx.t("picker-covered-choice", { topic: name, parent }),
    keyboard: new InlineKeyboard()
      .text(ctx.tp("button-follow-own", { topic: name }), pickerFollowOwn.pack({ topic: topic.id, page }))
      .row()
      .text(ctx.tp("button-except", { parent, topic: name }), pickerExcept.pack({ topic: topic.id, page }))
      .row()
      .text(ctx.tp("button-back"), openData(viewShowing(index, topic), page)),
  };
}

/**
 * «دير الزور (ما عدا الميادين)»: the places excepted from a followed one, after its name (or nothing). A retired
 * place stays excepted (its old articles keep away) and is said to be off the list: the picker no longer shows it.
 */
export function exceptSuffix(ctx: NashraContext, excepted: readonly Topic[] | undefined): string {
  if (!excepted?.length) return "";
  const live = excepted.filter((t) => t.retiredAt === null);
  const retired = excepted.filter((t) => t.retiredAt !== null);
  const parts = [
    ...(live.length > 0 ? [ctx.t("mytopics-except", { names: nameList(ctx, live) })] : []),
    ...(retired.length > 0 ? [ctx.t("mytopics-except-retired", { names: nameList(ctx, retired) })] : []),
  ];
  return ` ${parts.join(" ")}`;
}
