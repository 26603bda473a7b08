// The answer to a typed topic name that is not exactly one topic, the same for every command that takes
// one (/subscribe, /latest, /alert, /schedule): buttons (or names) for several topics sharing the name or
// for the nearest names, else a localized "unknown topic". And the topic a button names, or that it is gone.
import { InlineKeyboard } from "grammy";
import { resolveTopic } from "../topics/resolve";
import type { Topic } from "../topics/topic-index";
import type { NashraContext } from "./context";
import { echo, replyHtml } from "./reply";
import { nameList } from "./views/subscribe";

export interface TopicChoiceOptions {
  /** The question when several topics share the name (default `topic-ambiguous`). */
  ambiguousKey?: string;
  /**
   * The data of the button that chooses a topic. Called once, only when there are choices (/alert keeps a
   * draft then). Without it, the choices are named in the text (a schedule's words do not fit a button).
   */
  buttons?: () => (topic: Topic) => string;
  /** A line after the answer, e.g. that nothing was saved. */
  noteKey?: string;
}

/** The one topic `input` names; otherwise answers the reader as above and returns undefined. */
export async function topicOrAnswer(
  ctx: NashraContext,
  input: string,
  options: TopicChoiceOptions = {},
): Promise<Topic | undefined> {
  const index = ctx.deps.topics.index();
  const resolution = resolveTopic(index, input);
  if (resolution.kind === "one") return resolution.topic;
  const args = { input: echo(input) };
  let text: string;
  let keyboard: InlineKeyboard | undefined;
  const [retired] = resolution.kind === "several" ? [] : index.retiredNamed(input);
  if (retired) {
    // A place taken off the list (/retiretopic): said so, with the place above it, whose news includes it.
    const parent = retired.parent ? index.live(retired.parent.id) : undefined;
    const names = { topic: index.name(retired, ctx.language) };
    text = parent
      ? ctx.t("topic-retired-parent", { ...names, parent: index.name(parent, ctx.language) })
      : ctx.t("topic-retired", names);
    const data = parent && options.buttons?.();
    if (parent && data) keyboard = new InlineKeyboard().text(index.name(parent, ctx.language), data(parent));
  } else if (resolution.kind === "unknown") {
    text = ctx.t("topic-unknown", args);
  } else {
    const several = resolution.kind === "several";
    const data = options.buttons?.();
    if (data) {
      text = ctx.t(several ? (options.ambiguousKey ?? "topic-ambiguous") : "topic-unknown-suggest", args);
      keyboard = new InlineKeyboard();
      for (const t of resolution.topics) keyboard.text(index.name(t, ctx.language), data(t)).row();
    } else {
      const names = nameList(ctx, resolution.topics);
      text = ctx.t(several ? "topic-ambiguous-list" : "topic-unknown-suggest-list", { ...args, names });
    }
  }
  if (options.noteKey) text += `\n${ctx.t(options.noteKey)}`;
  await replyHtml(ctx, text, keyboard);
  return undefined;
}

/**
 * The topic a button names; when the catalog no longer has it (a button older than a topic's retirement), the
 * toast that says so, and undefined: the handler stops there. `retired: true` accepts a retired topic (an
 * editor's change to an old article's tags).
 */
export async function buttonTopic(
  ctx: NashraContext,
  topicId: number,
  options: { retired?: boolean } = {},
): Promise<Topic | undefined> {
  const index = ctx.deps.topics.index();
  const topic = options.retired ? index.get(topicId) : index.live(topicId);
  if (!topic) await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
  return topic;
}
