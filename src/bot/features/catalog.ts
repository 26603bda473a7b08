// Admins' /addtopic and /alias: the catalog grows at run time; lookup and tagging follow at once,
// and recent articles are tagged again so the new topic has its news. /renametopic gives a place new names,
// /retiretopic takes one off the list (its articles keep it).
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Composer, InlineKeyboard } from "grammy";
import { chatLanguage, type Language } from "../../domain";
import { formatDateTime } from "../../i18n/format";
import type { ChatRecord } from "../../store/chats";
import type { OutboxMessage } from "../../store/outbox";
import type { StoredMessage } from "../../text/message";
import { compact } from "../../text/normalize";
import type { RetiredFollower } from "../../topics/service";
import type { Topic } from "../../topics/topic-index";
import { aliasCancel, aliasConfirm, retireCancel, retireConfirm, subscribeButton } from "../callback-data";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, echo, editHtml, replyHtml } from "../reply";

/** How far back articles are tagged again when the catalog changes. */
const RETAG_DAYS = 30;

const SEPARATOR = /\s*[|｜]\s*/;

function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** A topic named exactly (one match); undefined otherwise. */
function exactTopic(ctx: NashraContext, name: string): Topic | undefined {
  const { matches } = ctx.deps.topics.lookup(name);
  return matches.length === 1 ? matches[0] : undefined;
}

function retag(ctx: NashraContext): number {
  return ctx.deps.importer.retagSince(ctx.deps.clock() - RETAG_DAYS * 86_400_000);
}

export const catalogFeature = new Composer<NashraContext>();

catalogFeature.command("addtopic", requireRole("admin"), async (ctx) => {
  const parts = commandArgument(ctx).split(SEPARATOR);
  const [nameAr = "", nameEn = "", parentName = ""] = parts.map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || nameAr === "" || nameEn === "") {
    await replyHtml(ctx, ctx.t("addtopic-usage"));
    return;
  }
  const slug = slugify(nameEn);
  const { topics } = ctx.deps;
  const index = topics.index();
  if (slug === "" || nameAr.length > 100 || nameEn.length > 100) {
    await replyHtml(ctx, ctx.t("addtopic-usage"));
    return;
  }
  if (index.bySlug(slug)) {
    await replyHtml(ctx, ctx.t("addtopic-exists", { slug }));
    return;
  }
  const taken = [nameAr, nameEn].flatMap((n) => topics.lookup(n, { exact: true }).matches);
  if (taken[0]) {
    await replyHtml(ctx, ctx.t("addtopic-name-taken", { topic: index.name(taken[0], ctx.language) }));
    return;
  }
  let parent: Topic | undefined;
  if (parentName !== "") {
    parent = exactTopic(ctx, parentName);
    if (!parent) {
      await replyHtml(ctx, ctx.t("topic-unknown", { input: echo(parentName) }));
      return;
    }
  }
  const topic = topics.create({ slug, nameAr, nameEn, parentId: parent?.id ?? null });
  const retagged = retag(ctx);
  await replyHtml(
    ctx,
    ctx.t(parent ? "addtopic-done-under" : "addtopic-done", {
      topic: `${nameAr} / ${nameEn}`,
      slug: topic.slug,
      parent: parent ? index.name(parent, ctx.language) : "",
      count: retagged,
    }),
  );
});

catalogFeature.command("alias", requireRole("admin"), async (ctx) => {
  const argument = commandArgument(ctx);
  let topic: Topic | undefined;
  let alias = "";
  const parts = argument.split(SEPARATOR);
  if (parts.length === 2) {
    const name = (parts[0] as string).trim();
    topic = exactTopic(ctx, name);
    alias = (parts[1] as string).trim();
    if (!topic && name !== "") {
      await replyHtml(ctx, ctx.t("topic-unknown", { input: echo(name) }));
      return;
    }
  } else {
    // "/alias دير الزور ديرالزور الكبرى": the longest leading run of words that names one topic.
    const words = argument.split(/\s+/).filter(Boolean);
    for (let k = words.length - 1; k >= 1 && !topic; k--) {
      topic = exactTopic(ctx, words.slice(0, k).join(" "));
      if (topic) alias = words.slice(k).join(" ");
    }
  }
  if (!topic || alias === "" || alias.length > 100 || compact(alias) === "") {
    await replyHtml(ctx, ctx.t("alias-usage"));
    return;
  }
  const { topics } = ctx.deps;
  const index = topics.index();
  const others = topics.lookup(alias, { exact: true }).matches.filter((t) => t.id !== topic.id);
  const own = topics.lookup(alias, { exact: true }).matches.some((t) => t.id === topic.id);
  // Another place's name: asked first, since readers typing it would then be asked which place they mean.
  const other = others[0];
  const row =
    other && !own ? topics.aliasesOf(other).find((r) => compact(r.alias) === compact(alias)) : undefined;
  if (other && row) {
    const keyboard = new InlineKeyboard()
      .text(
        ctx.tp("button-alias-anyway"),
        aliasConfirm.pack({ topic: topic.id, other: other.id, alias: row.id }),
      )
      .text(ctx.tp("button-cancel"), aliasCancel.pack({}));
    await replyHtml(
      ctx,
      ctx.t("alias-confirm", {
        alias,
        topic: index.name(topic, ctx.language),
        other: index.name(other, ctx.language),
      }),
      keyboard,
    );
    return;
  }
  await replyHtml(ctx, addAliasText(ctx, topic, alias, others[0]));
});

/** Adds the alias and says what it did (with a note when another place has the same name). */
function addAliasText(ctx: NashraContext, topic: Topic, alias: string, other: Topic | undefined): string {
  const { topics } = ctx.deps;
  const index = topics.index();
  const added = topics.addAlias(topic, alias);
  const name = index.name(topic, ctx.language);
  if (!added) return ctx.t("alias-exists", { alias, topic: name });
  const lines = [ctx.t("alias-done", { alias, topic: name, count: retag(ctx) })];
  if (other) lines.push(ctx.t("alias-shared", { alias, other: index.name(other, ctx.language) }));
  return lines.join("\n");
}

catalogFeature.callbackQuery(
  aliasConfirm.filter,
  requireRole("admin"),
  aliasConfirm.handle(async (ctx, values) => {
    const { topics } = ctx.deps;
    const index = topics.index();
    const topic = index.get(values.topic);
    const other = index.get(values.other);
    const row = other ? topics.aliasesOf(other).find((r) => r.id === values.alias) : undefined;
    await ctx.answerCallbackQuery();
    if (!topic || !other || !row) {
      await editHtml(ctx, ctx.t("alias-gone"));
      return;
    }
    await editHtml(ctx, addAliasText(ctx, topic, row.alias, other));
  }),
);

catalogFeature.callbackQuery(aliasCancel.filter, requireRole("admin"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("alias-cancelled"));
});

catalogFeature.command("unalias", requireRole("admin"), async (ctx) => {
  const argument = commandArgument(ctx);
  const parts = argument.split(SEPARATOR).map((p) => p.trim());
  if (argument === "" || parts.length > 2 || parts.some((p) => p === "")) {
    await replyHtml(ctx, ctx.t("unalias-usage"));
    return;
  }
  const { topics } = ctx.deps;
  const index = topics.index();
  let topic: Topic | undefined;
  const alias = parts.at(-1) as string;
  if (parts.length === 2) {
    topic = exactTopic(ctx, parts[0] as string);
    if (!topic) {
      await replyHtml(ctx, ctx.t("topic-unknown", { input: echo(parts[0] as string) }));
      return;
    }
  } else {
    const { matches } = topics.lookup(alias, { exact: true });
    if (matches.length === 0) {
      await replyHtml(ctx, ctx.t("unalias-unknown", { alias: echo(alias) }));
      return;
    }
    if (matches.length > 1) {
      const names = matches.map((t) => index.name(t, ctx.language)).join("، ");
      await replyHtml(ctx, ctx.t("unalias-several", { alias: echo(alias), names }));
      return;
    }
    topic = matches[0] as Topic;
  }
  const name = index.name(topic, ctx.language);
  const outcome = topics.removeAlias(topic, alias);
  if (outcome !== "removed") {
    await replyHtml(ctx, ctx.t(`unalias-${outcome}`, { alias: echo(alias), topic: name }));
    return;
  }
  await replyHtml(ctx, ctx.t("unalias-done", { alias: echo(alias), topic: name, count: retag(ctx) }));
});

catalogFeature.command("renametopic", requireRole("admin"), async (ctx) => {
  const parts = commandArgument(ctx)
    .split(SEPARATOR)
    .map((p) => p.trim());
  const [placeName = "", nameAr = "", nameEn = ""] = parts;
  if (parts.length !== 3 || parts.some((p) => p === "" || p.length > 100) || compact(nameAr) === "") {
    await replyHtml(ctx, ctx.t("renametopic-usage"));
    return;
  }
  const topic = exactTopic(ctx, placeName);
  if (!topic) {
    await replyHtml(ctx, ctx.t("topic-unknown", { input: echo(placeName) }));
    return;
  }
  const { topics } = ctx.deps;
  const taken = [nameAr, nameEn]
    .flatMap((n) => topics.lookup(n, { exact: true }).matches)
    .find((t) => t.id !== topic.id);
  if (taken) {
    await replyHtml(ctx, ctx.t("addtopic-name-taken", { topic: topics.index().name(taken, ctx.language) }));
    return;
  }
  const before = topics.index().name(topic, ctx.language);
  const renamed = topics.rename(topic, nameAr, nameEn);
  await replyHtml(
    ctx,
    ctx.t("renametopic-done", {
      old: before,
      topic: `${renamed.nameAr} / ${renamed.nameEn}`,
      count: retag(ctx),
    }),
  );
});

/** At most this many places are named when a place with children is refused. */
const CHILDREN_NAMED = 8;

/** What an admin's /retiretopic names: a live topic, or the answer already given. */
async function retireTarget(ctx: NashraContext, input: string): Promise<Topic | undefined> {
  const { topics } = ctx.deps;
  const index = topics.index();
  const when = (t: Topic) => formatDateTime(t.retiredAt ?? 0, ctx.language, ctx.timeZone);
  const number = /^#?(\d{1,9})$/.exec(input)?.[1];
  if (number !== undefined) {
    const topic = index.get(Number(number));
    if (!topic) {
      await replyHtml(ctx, ctx.t("topic-unknown", { input: echo(input) }));
      return undefined;
    }
    if (topic.retiredAt !== null) {
      await replyHtml(
        ctx,
        ctx.t("retiretopic-already", { topic: index.name(topic, ctx.language), time: when(topic) }),
      );
      return undefined;
    }
    return topic;
  }
  const { matches } = topics.lookup(input, { exact: true });
  if (matches.length > 1) {
    const names = matches
      .map((t) => `${index.name(t, ctx.language)} (#${t.id})`)
      .join(ctx.language === "ar" ? "، " : ", ");
    await replyHtml(
      ctx,
      ctx.t("retiretopic-several", { input: echo(input), names, id: `#${matches[0]?.id}` }),
    );
    return undefined;
  }
  const [topic] = matches;
  if (topic) return topic;
  const [retired] = index.retiredNamed(input);
  await replyHtml(
    ctx,
    retired
      ? ctx.t("retiretopic-already", { topic: index.name(retired, ctx.language), time: when(retired) })
      : ctx.t("topic-unknown", { input: echo(input) }),
  );
  return undefined;
}

/** The refusal for a place with places under it (the catalog is a hierarchy); undefined when it has none. */
function childrenRefusal(ctx: NashraContext, topic: Topic): string | undefined {
  if (topic.children.length === 0) return undefined;
  const index = ctx.deps.topics.index();
  const named = topic.children.slice(0, CHILDREN_NAMED).map((c) => index.name(c, ctx.language));
  if (topic.children.length > named.length) named.push("…");
  return ctx.t("retiretopic-children", {
    topic: index.name(topic, ctx.language),
    count: topic.children.length,
    children: named.join(ctx.language === "ar" ? "، " : ", "),
  });
}

/** The ids of the admins' schedules of one place, as #3, #5. */
function scheduleIds(ctx: NashraContext, topic: Topic): number[] {
  return ctx.deps.schedules
    .list()
    .filter((s) => s.topicId === topic.id)
    .map((s) => s.id);
}

const idList = (ctx: NashraContext, ids: readonly number[]) =>
  ids.map((id) => `#${id}`).join(ctx.language === "ar" ? "، " : ", ");

catalogFeature.command("retiretopic", requireRole("admin"), async (ctx) => {
  const input = commandArgument(ctx).trim();
  if (input === "" || input.length > 100) {
    await replyHtml(ctx, ctx.t("retiretopic-usage"));
    return;
  }
  const topic = await retireTarget(ctx, input);
  if (!topic) return;
  const refusal = childrenRefusal(ctx, topic);
  if (refusal) {
    await replyHtml(ctx, refusal);
    return;
  }
  const { topics } = ctx.deps;
  const index = topics.index();
  const usage = topics.usage(topic);
  const schedules = scheduleIds(ctx, topic);
  const lines = [
    ctx.t("retiretopic-confirm", { topic: index.name(topic, ctx.language) }),
    ctx.t("retiretopic-confirm-followers", { count: usage.followers }),
  ];
  const parent = topic.parent ? index.live(topic.parent.id) : undefined;
  if (usage.followers > 0 && parent)
    lines.push(ctx.t("retiretopic-confirm-parent", { parent: index.name(parent, ctx.language) }));
  lines.push(ctx.t("retiretopic-confirm-articles", { count: usage.articles }));
  if (schedules.length > 0)
    lines.push(
      ctx.t("retiretopic-confirm-schedules", { count: schedules.length, ids: idList(ctx, schedules) }),
    );
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("button-retire"), retireConfirm.pack({ topic: topic.id }))
    .text(ctx.tp("button-cancel"), retireCancel.pack({}));
  await replyHtml(ctx, lines.join("\n"), keyboard);
});

catalogFeature.callbackQuery(
  retireConfirm.filter,
  requireRole("admin"),
  retireConfirm.handle(async (ctx, values) => {
    const { topics, schedules } = ctx.deps;
    await ctx.answerCallbackQuery();
    const topic = topics.index().live(values.topic);
    if (!topic) {
      const retired = topics.index().get(values.topic);
      await editHtml(
        ctx,
        retired
          ? ctx.t("retiretopic-already", {
              topic: topics.index().name(retired, ctx.language),
              time: formatDateTime(retired.retiredAt ?? 0, ctx.language, ctx.timeZone),
            })
          : ctx.t("retiretopic-gone"),
      );
      return;
    }
    // A place was added under it since the question.
    const refusal = childrenRefusal(ctx, topic);
    if (refusal) {
      await editHtml(ctx, refusal);
      return;
    }
    // Retired first, then its schedules (the armer disarms them: a digest of a place nothing is tagged with any
    // more), in one transaction: a second Yes finds it retired and removes nothing.
    const retired = topics.retire(topic, () => scheduleIds(ctx, topic).filter((id) => schedules.remove(id)));
    if (!retired) {
      await editHtml(ctx, ctx.t("retiretopic-gone"));
      return;
    }
    const removed = retired.alongside;
    const told = await notifyFollowers(ctx, topic, retired.followers);
    const lines = [
      ctx.t("retiretopic-done", { topic: topics.index().name(topic, ctx.language), count: told }),
    ];
    if (removed.length > 0)
      lines.push(ctx.t("retiretopic-done-schedules", { count: removed.length, ids: idList(ctx, removed) }));
    ctx.deps.logger.info(
      { topic: topic.id, by: ctx.from?.id, followers: retired.removed, told, schedules: removed },
      "topic retired",
    );
    await editHtml(ctx, lines.join(" "));
  }),
);

catalogFeature.callbackQuery(retireCancel.filter, requireRole("admin"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("retiretopic-cancelled"));
});

/** Followers' notices enqueued per turn (the event loop runs between: other updates are answered). */
const NOTICE_CHUNK = 2000;

/**
 * Tells each chat that followed a retired place, once, through the outbox (paced with the rest): in its language,
 * as the chat (a group is addressed as the group), with the place above it to follow when its news does not
 * already come through a followed one. The followers who get the same words share one message and one stored
 * body (a handful: language × private, group or channel × the place that still brings its news); the rows are
 * enqueued a chunk a turn. Returns how many active chats were told.
 */
async function notifyFollowers(
  ctx: NashraContext,
  topic: Topic,
  followers: readonly RetiredFollower[],
): Promise<number> {
  const { topics, i18n, config, delivery } = ctx.deps;
  const index = topics.index();
  const parent = topic.parent ? index.live(topic.parent.id) : undefined;
  const bodies = new Map<string, StoredMessage>();
  const render = (language: Language, voice: Voice | undefined, via: Topic | undefined): StoredMessage => {
    const key = (k: string) => (voice ? `${k}-group` : k);
    const args = { topic: index.name(topic, language), ...(voice ? { chat: voice } : {}) };
    const lines = [i18n.t(language, key("retire-notice"), args)];
    const buttons: { text: string; data: string }[][] = [];
    if (parent) {
      const parentArgs = { ...args, parent: index.name(via ?? parent, language) };
      if (via) {
        lines.push(i18n.t(language, key("retire-notice-covered"), parentArgs));
      } else {
        lines.push(i18n.t(language, key("retire-notice-parent"), parentArgs));
        buttons.push([
          {
            text: i18n.plain(language, "button-subscribe", { topic: index.name(parent, language) }),
            data: subscribeButton.pack({ topic: parent.id }),
          },
        ]);
      }
    }
    return { kind: "relay", from: null, parts: [lines.join("\n")], buttons };
  };
  const ref = `retire:${topic.id}`;
  // The same words for the same key, within this retirement (a topic brought back by hand and retired again
  // has another time).
  const retiredAt = index.get(topic.id)?.retiredAt ?? 0;
  let chunk: OutboxMessage[] = [];
  for (const follower of followers) {
    const language = chatLanguage(follower, config.DEFAULT_LANGUAGE);
    const voice = voiceOf(follower);
    const via = parent ? follower.via : undefined;
    const bodyKey = `${ref}|${retiredAt}|${language}|${voice ?? "private"}|${via?.id ?? "-"}`;
    let message = bodies.get(bodyKey);
    if (!message) {
      message = render(language, voice, via);
      bodies.set(bodyKey, message);
    }
    chunk.push({ chatId: follower.chatId, purpose: "notice", ref, dedupeKey: ref, message, bodyKey });
    if (chunk.length >= NOTICE_CHUNK) {
      delivery.enqueue(chunk);
      chunk = [];
      await yieldToLoop();
    }
  }
  if (chunk.length > 0) delivery.enqueue(chunk);
  return followers.length;
}

type Voice = "group" | "channel";

/** How a shared chat is addressed in the "-group" messages; undefined for a private chat. */
function voiceOf(chat: Pick<ChatRecord, "type">): Voice | undefined {
  if (chat.type === "private") return undefined;
  return chat.type === "channel" ? "channel" : "group";
}
