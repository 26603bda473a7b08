// Admins' /addtopic and /alias: the catalog grows at run time; lookup and tagging follow at once,
// and recent articles are tagged again so the new topic has its news.
import { Composer } from "grammy";
import { compact } from "../../text/normalize";
import type { Topic } from "../../topics/topic-index";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, echo, replyHtml } from "../reply";

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
  const added = topics.addAlias(topic, alias);
  const name = index.name(topic, ctx.language);
  if (!added) {
    await replyHtml(ctx, ctx.t("alias-exists", { alias, topic: name }));
    return;
  }
  const lines = [ctx.t("alias-done", { alias, topic: name, count: retag(ctx) })];
  if (others[0]) lines.push(ctx.t("alias-shared", { alias, other: index.name(others[0], ctx.language) }));
  await replyHtml(ctx, lines.join("\n"));
});
