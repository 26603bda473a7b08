// Editors' /alert (preview, then Send or Cancel) and /alerts (recent alerts and how they went).
import { type CallbackQueryContext, Composer, InlineKeyboard } from "grammy";
import { PREVIEW_TTL_MS, type Preview, type Requester } from "../../alerts/service";
import { sendWhole } from "../../delivery/send";
import { formatDateTime } from "../../i18n/format";
import type { AlertRecord } from "../../store/alerts";
import { isolate } from "../../text/html";
import {
  alertCancel,
  alertSend,
  alertSendUrgent,
  alertTopic,
  breakingAlert,
  breakingIgnore,
} from "../callback-data";
import { captionCommand, photoFileId } from "../caption-command";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, echo, editHtml, editKeyboard, parseId, replyHtml } from "../reply";
import { buttonTopic, topicOrAnswer } from "../topic-choice";

/** The topic ends at the first colon (ASCII or full-width) or line break. */
const TOPIC_END = /[:：\n]/;
const RECENT = 10;

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
  await sendWhole(ctx.api, ctx.chat?.id as number, preview.message, { photos: ctx.deps.delivery.photos });
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
    .text(ctx.tp("button-alert-send", { count: audience }), alertSend.pack({ alert: alert.id }))
    .text(ctx.tp("button-alert-cancel"), alertCancel.pack({ alert: alert.id }))
    .row()
    // Rings even in readers' quiet hours (docs/audience.md, rule 10).
    .text(ctx.tp("button-alert-urgent"), alertSendUrgent.pack({ alert: alert.id }));
  await replyHtml(ctx, ctx.t("alert-confirm", { count: audience, minutes }), keyboard);
}

export const alertsFeature = new Composer<NashraContext>();

alertsFeature.command("alert", requireRole("editor"), (ctx) => alertCommand(ctx, undefined));

// A photo with «/alert <topic>: <text>» (or «/alert 17») as its caption: the alert goes as that photo.
alertsFeature
  .on("message:photo")
  .filter(captionCommand("alert"), requireRole("editor"), (ctx) => alertCommand(ctx, photoFileId(ctx)));

async function alertCommand(ctx: NashraContext, photo: string | undefined): Promise<void> {
  // The preview and its buttons are for the editor's eyes: in a group they would publish the draft.
  if (ctx.chat?.type !== "private") {
    await replyHtml(ctx, ctx.t("alert-private-only"));
    return;
  }
  const argument = commandArgument(ctx);
  const { alerts } = ctx.deps;
  // "/alert 17", "/alert #17", "/alert ١٧": an article.
  const id = parseId(argument);
  if (id !== undefined) {
    await previewArticle(ctx, id, photo);
    return;
  }
  const end = argument.search(TOPIC_END);
  const topicText = end < 0 ? "" : argument.slice(0, end).trim();
  const text = end < 0 ? "" : argument.slice(end + 1).trim();
  if (topicText === "" || text === "") {
    await replyHtml(ctx, ctx.t("alert-usage"));
    return;
  }
  const topic = await topicOrAnswer(ctx, topicText, {
    ambiguousKey: "alert-choose-topic",
    // The words are kept with a draft, so a tap on the right topic goes straight to the preview.
    buttons: () => {
      const draft = alerts.draft(text, requester(ctx), photo);
      return (t) => alertTopic.pack({ alert: draft.id, topic: t.id });
    },
  });
  if (topic) await sendPreview(ctx, alerts.preview({ topic, text, photo }, requester(ctx)));
}

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

alertsFeature.callbackQuery(
  alertTopic.filter,
  requireRole("editor"),
  alertTopic.handle(async (ctx, values) => {
    const topic = await buttonTopic(ctx, values.topic);
    if (!topic) return;
    const outcome = ctx.deps.alerts.chooseTopic(values.alert, topic, requester(ctx));
    if ("kind" in outcome) {
      await refuse(ctx, outcome.kind);
      return;
    }
    await ctx.answerCallbackQuery();
    await editKeyboard(ctx, new InlineKeyboard());
    await sendPreview(ctx, outcome);
  }),
);

/** Send, or Send as urgent (it rings even in readers' quiet hours; recorded in the alert). */
const sendAlert =
  (urgent: boolean) =>
  async (ctx: CallbackQueryContext<NashraContext>, { alert }: { alert: number }) => {
    const message = ctx.callbackQuery.message;
    const outcome = ctx.deps.alerts.confirm(
      alert,
      ctx.from.id,
      message ? { chatId: message.chat.id, messageId: message.message_id } : undefined,
      urgent,
    );
    if (outcome.kind !== "sending") {
      await refuse(ctx, outcome.kind);
      return;
    }
    // Enqueued and the sender woken before anything else: the first reader's copy is already on its way, and
    // the question becomes the status message (edited by the alert service as delivery goes).
    await ctx.answerCallbackQuery({
      text: ctx.tp(urgent ? "toast-alert-sending-urgent" : "toast-alert-sending"),
    });
  };

alertsFeature.callbackQuery(alertSend.filter, requireRole("editor"), alertSend.handle(sendAlert(false)));
alertsFeature.callbackQuery(
  alertSendUrgent.filter,
  requireRole("editor"),
  alertSendUrgent.handle(sendAlert(true)),
);

alertsFeature.callbackQuery(
  alertCancel.filter,
  requireRole("editor"),
  alertCancel.handle(async (ctx, { alert }) => {
    const outcome = ctx.deps.alerts.cancel(alert, ctx.from.id);
    if (outcome !== "cancelled") {
      await refuse(ctx, outcome);
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.tp("alert-cancelled") });
    await editHtml(ctx, ctx.t("alert-cancelled"));
  }),
);

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
  const counts = { sent: alert.sent, failed: alert.failed, blocked: alert.blocked };
  // Its audience still being counted (just after Send): the figures so far, without a total.
  const outcome =
    alert.recipients === null
      ? ctx.t("alerts-outcome-counting", counts)
      : ctx.t(alert.status === "done" ? "alerts-outcome-done" : "alerts-outcome-sending", {
          ...counts,
          total: alert.recipients,
        });
  return [ctx.t("alerts-line-head", { id: `#${alert.id}`, when, by }), what, outcome].join("\n");
}

/** The /alert preview of a stored article (/alert 17, and «Send as alert» under a breaking item). */
async function previewArticle(ctx: NashraContext, id: number, photo?: string): Promise<void> {
  const found = ctx.deps.articles.get(id);
  if (!found) {
    await replyHtml(ctx, ctx.t("alert-article-unknown", { id: `#${id}` }));
    return;
  }
  if (found.topics.length === 0) {
    await replyHtml(ctx, ctx.t("alert-article-no-topics", { id: `#${id}` }));
    return;
  }
  await sendPreview(ctx, ctx.deps.alerts.preview({ article: found.article, photo }, requester(ctx)));
}

// «Send as alert» under a breaking item offered to editors, or under a /post of «عاجل»: the usual preview.
alertsFeature.callbackQuery(
  breakingAlert.filter,
  requireRole("editor", { privateOnly: true }),
  breakingAlert.handle(async (ctx, { article }) => {
    await ctx.answerCallbackQuery();
    await previewArticle(ctx, article);
  }),
);

// «Ignore»: that item's buttons go from every editor's copy, each saying who ignored it; the article stays where it
// is (/latest, /alert <id>).
alertsFeature.callbackQuery(
  breakingIgnore.filter,
  requireRole("editor", { privateOnly: true }),
  breakingIgnore.handle(async (ctx, { article }) => {
    await ctx.answerCallbackQuery({ text: ctx.tp("toast-breaking-ignored", { id: `#${article}` }) });
    const from = ctx.from;
    const name =
      [from?.first_name, from?.last_name].filter(Boolean).join(" ") ||
      from?.username ||
      String(from?.id ?? "");
    const redrawn = await ctx.deps.offers.ignore(
      article,
      name,
      ctx.chatId as number,
      ctx.callbackQuery.message?.message_id,
    );
    if (redrawn.includes(ctx.chatId as number)) return;
    // A copy the store does not know (sent before copies were remembered): its buttons for the item go.
    const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
    const mine = new Set([breakingAlert.pack({ article }), breakingIgnore.pack({ article })]);
    const kept = rows.filter((row) => !row.some((b) => "callback_data" in b && mine.has(b.callback_data)));
    await editKeyboard(ctx, InlineKeyboard.from(kept));
  }),
);
