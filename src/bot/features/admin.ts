// Admins' tools: /grant and /revoke (roles granted in the bot; ADMIN_IDS and EDITOR_IDS stay fixed) and
// /stats (figures as text, then a chart of the last 30 days as a photo).
import { randomUUID } from "node:crypto";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { renderStatsChart } from "../../admin/chart";
import type { StatsReport } from "../../admin/stats";
import { chatLanguage, type Role, type StaffRole } from "../../domain";
import { formatDateTime, zoneName } from "../../i18n/format";
import type { GrantOutcome, StaffMember } from "../../roles/service";
import { isolate } from "../../text/html";
import { grantCancel, grantConfirm } from "../callback-data";
import { syncStaffMenu } from "../commands";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, editHtml, parseId, replyHtml } from "../reply";

/** Role words admins type, folded (lower case, no ال, one alef). */
const ROLE_WORDS: Record<string, StaffRole> = {
  editor: "editor",
  محرر: "editor",
  admin: "admin",
  administrator: "admin",
  مدير: "admin",
  مشرف: "admin",
};

function foldRole(word: string): string {
  const folded = word
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0640]/g, "")
    .replace(/[أإآ]/g, "ا");
  return folded.startsWith("ال") ? folded.slice(2) : folded;
}

/** `/grant` arguments: a user (numeric id, or @username) and a role word, in either order. */
export function parseGrant(argument: string): { user: number | string; role: StaffRole } | undefined {
  const words = argument.split(/\s+/).filter(Boolean);
  if (words.length !== 2) return undefined;
  for (const [a, b] of [words, [...words].reverse()]) {
    const role = ROLE_WORDS[foldRole(b as string)];
    if (!role) continue;
    const userId = parseId(a as string);
    if (userId !== undefined) return { user: userId, role };
    if (/^@[A-Za-z0-9_]{4,32}$/.test(a as string)) return { user: (a as string).slice(1), role };
  }
  return undefined;
}

/**
 * Tells the user their role changed, in their language, if they have a private chat with the bot: through the
 * outbox (durable, paced with the rest; every change is its own message).
 */
function noticeRoleChange(ctx: NashraContext, userId: number, role: Role): void {
  const { deps } = ctx;
  const chat = deps.readers.find(userId);
  if (!chat?.active || chat.type !== "private") return;
  const language = chatLanguage(chat, deps.config.DEFAULT_LANGUAGE);
  const text =
    role === "reader"
      ? deps.i18n.t(language, "role-notice-revoked")
      : deps.i18n.t(language, "role-notice-granted", { role });
  deps.delivery.enqueue([
    {
      chatId: userId,
      purpose: "direct",
      ref: `role:${userId}`,
      dedupeKey: `role:${userId}:${role}:${randomUUID()}`,
      message: { kind: "text", parts: [text] },
    },
  ]);
}

async function afterRoleChange(ctx: NashraContext, userId: number): Promise<void> {
  await syncStaffMenu(ctx.api, ctx.deps, userId);
  noticeRoleChange(ctx, userId, ctx.deps.roles.roleOf(userId));
}

const GRANT_REPLY: Record<GrantOutcome, string> = {
  granted: "grant-done",
  already: "grant-already",
  "config-admin": "grant-config-admin",
  "config-editor": "grant-config-editor",
};

export const adminFeature = new Composer<NashraContext>();
/** Answers that show user ids or the newsroom's figures: never in a group. */
const adminPrivate = requireRole("admin", { privateOnly: true });

/** A user as admins recognise them: @username (id) when the bot has seen the name, else the id. */
function whoIs(ctx: NashraContext, userId: number): string {
  const name = ctx.deps.roles.usernameOf(userId);
  return name ? `@${name} (${userId})` : String(userId);
}

async function grantRole(ctx: NashraContext, userId: number, role: StaffRole): Promise<string> {
  const outcome = ctx.deps.roles.grant(userId, role, ctx.from?.id ?? null);
  const text = ctx.t(GRANT_REPLY[outcome], { user: whoIs(ctx, userId), role });
  if (outcome === "granted") await afterRoleChange(ctx, userId);
  return text;
}

adminFeature.command("grant", adminPrivate, async (ctx) => {
  const parsed = parseGrant(commandArgument(ctx));
  if (!parsed) {
    await replyHtml(ctx, ctx.t("grant-usage"));
    return;
  }
  const { roles } = ctx.deps;
  const { role } = parsed;
  const userId = typeof parsed.user === "number" ? parsed.user : roles.userByName(parsed.user);
  if (userId === undefined) {
    await replyHtml(ctx, ctx.t("grant-username-unknown", { name: `@${parsed.user}` }));
    return;
  }
  // An id typed wrong gives a stranger a role: ask first when the bot has never seen that user.
  if (!roles.hasSeen(userId) && roles.roleOf(userId) === "reader") {
    const keyboard = new InlineKeyboard()
      .text(ctx.tp("button-grant-anyway"), grantConfirm.pack({ user: userId, role }))
      .text(ctx.tp("button-cancel"), grantCancel.pack({}));
    await replyHtml(ctx, ctx.t("grant-unseen", { user: String(userId), role }), keyboard);
    return;
  }
  await replyHtml(ctx, await grantRole(ctx, userId, role));
});

adminFeature.callbackQuery(
  grantConfirm.filter,
  adminPrivate,
  grantConfirm.handle(async (ctx, { user, role }) => {
    await ctx.answerCallbackQuery();
    await editHtml(ctx, await grantRole(ctx, user, role));
  }),
);

adminFeature.callbackQuery(grantCancel.filter, adminPrivate, async (ctx) => {
  await ctx.answerCallbackQuery();
  await editHtml(ctx, ctx.t("grant-cancelled"));
});

adminFeature.command("roles", adminPrivate, async (ctx) => {
  const members = ctx.deps.roles.members();
  const when = (ms: number) => isolate(formatDateTime(ms, ctx.language, ctx.timeZone));
  const lines = members.map((m) => {
    const who = whoIs(ctx, m.userId);
    if (m.source !== "grant") {
      return ctx.t("roles-line-config", { user: who, role: m.role, variable: m.source });
    }
    const grant = m.grant as NonNullable<StaffMember["grant"]>;
    return grant.by === null
      ? ctx.t("roles-line-grant-unknown", { user: who, role: m.role, time: when(grant.at) })
      : ctx.t("roles-line-grant", {
          user: who,
          role: m.role,
          by: whoIs(ctx, grant.by),
          time: when(grant.at),
        });
  });
  await replyHtml(
    ctx,
    [ctx.t("roles-title", { count: members.length }), ...lines, "", ctx.t("roles-outro")].join("\n"),
  );
});

adminFeature.command("revoke", adminPrivate, async (ctx) => {
  const argument = commandArgument(ctx);
  const userId = argument.split(/\s+/).length === 1 ? parseId(argument) : undefined;
  if (userId === undefined) {
    await replyHtml(ctx, ctx.t("revoke-usage"));
    return;
  }
  const user = String(userId);
  const before = ctx.deps.roles.roleOf(userId);
  const outcome = ctx.deps.roles.revoke(userId);
  switch (outcome.kind) {
    case "none":
      await replyHtml(ctx, ctx.t("revoke-none", { user }));
      return;
    case "config":
      await replyHtml(ctx, ctx.t("revoke-config", { user, role: outcome.role, variable: outcome.variable }));
      return;
    case "revoked":
      await replyHtml(ctx, ctx.t("revoke-done", { user, role: outcome.role }));
      break;
    case "revoked-config":
      // Granted admin over EDITOR_IDS: back to editor. Otherwise the variable still gives the same role.
      await replyHtml(
        ctx,
        outcome.granted === "admin" && outcome.role === "editor"
          ? ctx.t("revoke-done-config-editor", { user })
          : ctx.t("revoke-done-config", { user, role: outcome.role, variable: outcome.variable }),
      );
      break;
  }
  // An admin through ADMIN_IDS stays one: no notice, no new menu.
  if (ctx.deps.roles.roleOf(userId) !== before) await afterRoleChange(ctx, userId);
});

/** The figures of /stats as one HTML message in the admin's language. */
export function statsText(ctx: NashraContext, report: StatsReport): string {
  // Counts go to Fluent as numbers: it formats them for the language.
  const r = report.readers;
  const total = [r.private, r.groups, r.channels].reduce((sum, k) => sum + k.active + k.inactive, 0);
  const lines = [
    ctx.t("stats-title", { time: isolate(formatDateTime(report.at, ctx.language, report.zone)) }),
    "",
    ctx.t("stats-readers", { total }),
    ctx.t("stats-readers-private", { active: r.private.active, inactive: r.private.inactive }),
    ctx.t("stats-readers-groups", { active: r.groups.active, inactive: r.groups.inactive }),
    ctx.t("stats-readers-channels", { active: r.channels.active, inactive: r.channels.inactive }),
    ctx.t("stats-inactive-note"),
    ctx.t("stats-readers-staff", { count: report.staff }),
    "",
  ];
  if (report.topTopics.length === 0) lines.push(ctx.t("stats-topics-none"));
  else {
    lines.push(ctx.t("stats-topics", { count: report.subscriptions }));
    report.topTopics.forEach((t, i) => {
      const topic = ctx.language === "ar" ? t.nameAr : t.nameEn;
      lines.push(ctx.t("stats-topic-line", { rank: i + 1, topic, count: t.readers }));
    });
    if (report.otherTopics > 0) lines.push(ctx.t("stats-topics-more", { count: report.otherTopics }));
  }
  lines.push(
    "",
    ctx.t("stats-articles", { today: report.articles.today, total: report.articles.total }),
    ctx.t("stats-deliveries", { sent: report.deliveries.sent, failed: report.deliveries.failed }),
    ctx.t("stats-queue", { depth: report.queueDepth }),
  );
  return lines.join("\n");
}

function chartLabels(ctx: NashraContext) {
  return {
    title: ctx.tp("chart-title"),
    readers: ctx.tp("chart-readers"),
    deliveries: ctx.tp("chart-deliveries"),
    sent: ctx.tp("chart-sent"),
    failed: ctx.tp("chart-failed"),
  };
}

adminFeature.command("stats", adminPrivate, async (ctx) => {
  const report = ctx.deps.stats.report();
  await replyHtml(ctx, statsText(ctx, report));
  let png: Buffer;
  try {
    await ctx.replyWithChatAction("upload_photo");
    png = await renderStatsChart(report.days, chartLabels(ctx), ctx.language === "ar");
  } catch (error) {
    ctx.deps.logger.error({ err: error }, "stats chart not rendered");
    await replyHtml(ctx, ctx.t("stats-chart-failed"));
    return;
  }
  await ctx.replyWithPhoto(new InputFile(png, "nashra-stats.png"), {
    caption: ctx.t("stats-chart-caption", { zone: zoneName(report.zone, ctx.language) }),
    parse_mode: "HTML",
  });
});
