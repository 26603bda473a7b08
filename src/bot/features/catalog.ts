// Admins' /addtopic and /alias: the catalog grows at run time; lookup and tagging follow at once,
// and recent articles are tagged again so the new topic has its news.
import { Composer, InlineKeyboard } from "grammy";
import { compact } from "../../text/normalize";
import type { Topic } from "../../topics/topic-index";
import { aliasCancel, aliasConfirm } from "../callback-data";
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
