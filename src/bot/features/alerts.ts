// Editors' /alert (preview, then Send or Cancel) and /alerts (recent alerts and how they went).
import { Composer, InlineKeyboard } from "grammy";
import { PREVIEW_TTL_MS, type Preview, type Requester } from "../../alerts/service";
import { sendWhole } from "../../delivery/send";
import { formatDateTime } from "../../i18n/format";
import type { AlertRecord } from "../../store/alerts";
import { isolate } from "../../text/html";
import type { Topic } from "../../topics/topic-index";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, echo, editHtml, editKeyboard, parseId, replyHtml } from "../reply";

/** The topic ends at the first colon (ASCII or full-width) or line break. */
const TOPIC_END = /[:：\n]/;
const RECENT = 10;

const sendData = (id: number) => `al:s:${id}`;
const cancelData = (id: number) => `al:c:${id}`;
const topicData = (id: number, topicId: number) => `al:t:${id}:${topicId}`;

function requester(ctx: NashraContext): Requester {
  const from = ctx.from;
  const name = from
    ? [from.first_name, from.last_name].filter(Boolean).join(" ") || (from.username ?? String(from.id))
    : "";
  return {
    id: from?.id ?? 0,
    name,
    language: ctx.language,
    timeZone: ctx.timeZone,
  };
}

/** Sends the preview (the message readers get, sent as the sender sends it), then the question with Send and Cancel. */
async function sendPreview(ctx: NashraContext, preview: Preview): Promise<void> {
  await sendWhole(ctx.api, ctx.chat?.id as number, preview.message);
  const { alert, audience } = preview;
  if (audience === 0) {
    const reached = preview.alreadyReached;
    await replyHtml(
      ctx,
      reached > 0 ? ctx.t("alert-already-reached", { count: reached }) : ctx.t("alert-no-audience"),
    );
    return;
  }
  const minutes = PREVIEW_TTL_MS / 60_000;
  const keyboard = new InlineKeyboard()
    .text(ctx.tp("button-alert-send", { count: audience }), sendData(alert.id))
    .text(ctx.tp("button-alert-cancel"), cancelData(alert.id));
  await replyHtml(ctx, ctx.t("alert-confirm", { count: audience, minutes }), keyboard);
}

function topicButtons(ctx: NashraContext, alertId: number, topics: readonly Topic[]): InlineKeyboard {
  const index = ctx.deps.topics.index();
  const keyboard = new InlineKeyboard();
  for (const t of topics) keyboard.text(index.name(t, ctx.language), topicData(alertId, t.id)).row();
  return keyboard;
}

export const alertsFeature = new Composer<NashraContext>();

alertsFeature.command("alert", requireRole("editor"), async (ctx) => {
  // The preview and its buttons are for the editor's eyes: in a group they would publish the draft.
  if (ctx.chat.type !== "private") {
    await replyHtml(ctx, ctx.t("alert-private-only"));
    return;
  }
  const argument = commandArgument(ctx);
  const { alerts, articles, topics } = ctx.deps;
  // "/alert 17", "/alert #17", "/alert ١٧": an article.
  const id = parseId(argument);
  if (id !== undefined) {
    const found = articles.get(id);
    if (!found) {
      await replyHtml(ctx, ctx.t("alert-article-unknown", { id: `#${id}` }));
      return;
    }
    if (found.topics.length === 0) {
      await replyHtml(ctx, ctx.t("alert-article-no-topics", { id: `#${id}` }));
      return;
    }
    await sendPreview(ctx, alerts.preview({ article: found.article }, requester(ctx)));
    return;
  }
  const end = argument.search(TOPIC_END);
  const topicText = end < 0 ? "" : argument.slice(0, end).trim();
  const text = end < 0 ? "" : argument.slice(end + 1).trim();
  if (topicText === "" || text === "") {
    await replyHtml(ctx, ctx.t("alert-usage"));
    return;
  }
  const { matches, suggestions } = topics.lookup(topicText);
  if (matches.length === 1) {
    await sendPreview(ctx, alerts.preview({ topic: matches[0] as Topic, text }, requester(ctx)));
    return;
  }
  const choices = matches.length > 1 ? matches : suggestions;
  if (choices.length === 0) {
    await replyHtml(ctx, ctx.t("topic-unknown", { input: echo(topicText) }));
    return;
  }
  // The words are kept with a draft, so a tap on the right topic goes straight to the preview.
  const draft = alerts.draft(text, requester(ctx));
  await replyHtml(
    ctx,
    ctx.t(matches.length > 1 ? "alert-choose-topic" : "topic-unknown-suggest", { input: echo(topicText) }),
    topicButtons(ctx, draft.id, choices),
  );
});

/** The answer to a button that can no longer act (another editor's, sent, cancelled, expired). */
async function refuse(ctx: NashraContext, kind: string): Promise<void> {
  const key = `alert-${kind}`;
  if (kind === "expired" || kind === "cancelled") {
    await ctx.answerCallbackQuery({ text: ctx.tp(key) });
    // Leave the message saying why its buttons are gone (another editor's presses never reach here).
    await editHtml(ctx, ctx.t(key));
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.tp(key), show_alert: kind === "not-yours" });
}

alertsFeature.callbackQuery(/^al:t:(\d+):(\d+)$/, requireRole("editor"), async (ctx) => {
  const topic = ctx.deps.topics.index().get(Number(ctx.match[2]));
  if (!topic) {
    await ctx.answerCallbackQuery({ text: ctx.tp("topic-gone") });
    return;
  }
  const outcome = ctx.deps.alerts.chooseTopic(Number(ctx.match[1]), topic, requester(ctx));
  if ("kind" in outcome) {
    await refuse(ctx, outcome.kind);
    return;
  }
  await ctx.answerCallbackQuery();
  await editKeyboard(ctx, new InlineKeyboard());
  await sendPreview(ctx, outcome);
});

alertsFeature.callbackQuery(/^al:s:(\d+)$/, requireRole("editor"), async (ctx) => {
  const message = ctx.callbackQuery.message;
  const outcome = ctx.deps.alerts.confirm(
    Number(ctx.match[1]),
    ctx.from.id,
    message ? { chatId: message.chat.id, messageId: message.message_id } : undefined,
  );
  if (outcome.kind !== "sending") {
    await refuse(ctx, outcome.kind);
    return;
  }
  // Enqueued and the sender woken before anything else: the first reader's copy is already on its way, and
  // the question becomes the status message (edited by the alert service as delivery goes).
  await ctx.answerCallbackQuery({ text: ctx.tp("toast-alert-sending") });
});

alertsFeature.callbackQuery(/^al:c:(\d+)$/, requireRole("editor"), async (ctx) => {
  const outcome = ctx.deps.alerts.cancel(Number(ctx.match[1]), ctx.from.id);
  if (outcome !== "cancelled") {
    await refuse(ctx, outcome);
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.tp("alert-cancelled") });
  await editHtml(ctx, ctx.t("alert-cancelled"));
});

alertsFeature.command("alerts", requireRole("editor"), async (ctx) => {
  const recent = ctx.deps.alerts.recent(RECENT);
  if (recent.length === 0) {
    await replyHtml(ctx, ctx.t("alerts-none"));
    return;
  }
  const lines = recent.map((a) => alertLine(ctx, a));
  await replyHtml(ctx, [ctx.t("alerts-heading", { count: recent.length }), ...lines].join("\n\n"));
});

/** One alert in /alerts: when, by whom, what, to how many, and how it went. */
function alertLine(ctx: NashraContext, alert: AlertRecord): string {
  const { topics, articles } = ctx.deps;
  const zone = ctx.timeZone;
  const when = isolate(formatDateTime(alert.confirmedAt ?? alert.createdAt, ctx.language, zone));
  const by = alert.origin === "auto" ? ctx.tp("alerts-by-feed") : (alert.requestedByName ?? "?");
  let what: string;
  if (alert.articleId !== null) {
    const title = articles.get(alert.articleId)?.article.title ?? "";
    what = ctx.t("alerts-what-article", { id: `#${alert.articleId}`, title: echo(title) });
  } else {
    const topic = alert.topicId === null ? undefined : topics.index().get(alert.topicId);
    what = ctx.t("alerts-what-text", {
      topic: topic ? topics.index().name(topic, ctx.language) : "?",
      text: echo((alert.text ?? "").replace(/\s+/g, " ")),
    });
  }
  const outcome = ctx.t(alert.status === "done" ? "alerts-outcome-done" : "alerts-outcome-sending", {
    total: alert.recipients ?? 0,
    sent: alert.sent,
    failed: alert.failed,
    blocked: alert.blocked,
  });
  return [ctx.t("alerts-line-head", { id: `#${alert.id}`, when, by }), what, outcome].join("\n");
}
