// Editors' feeds: /feeds (with each feed's last success and last error), /addfeed <url> [auto],
// /removefeed <id>, and a button per feed to switch its auto-alert.
import { Composer, InlineKeyboard } from "grammy";
import { formatDateTime } from "../../i18n/format";
import type { FeedFailure, FeedRecord } from "../../store/feeds";
import { escapeHtml, isolate } from "../../text/html";
import { feedAutoAlert } from "../callback-data";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, echo, editHtml, parseId, replyHtml } from "../reply";

const AUTO_WORDS = new Set(["auto", "auto-alert", "تلقائي"]);

/** A failed read as a sentence in the editor's language (the English message only when no kind fits). */
export function feedErrorText(ctx: NashraContext, failure: FeedFailure): string {
  switch (failure.kind) {
    case "http": {
      const status = failure.status;
      if (status === 404 || status === 410) return ctx.t("feed-error-not-found");
      if (status === 401 || status === 403) return ctx.t("feed-error-forbidden");
      return ctx.t("feed-error-http", { status: String(status ?? "?") });
    }
    case "timeout":
      return ctx.t("feed-error-timeout");
    case "too-large":
      return ctx.t("feed-error-too-large");
    case "network":
      return ctx.t("feed-error-network");
    case "not-a-feed":
      return ctx.t("feed-error-not-a-feed");
    case "redirects":
      return ctx.t("feed-error-redirects");
    case "bad-url":
      return ctx.t("feed-error-bad-url");
    case "not-public":
      return ctx.t("feed-error-not-public");
    case "aborted":
      return ctx.t("feed-error-aborted");
    case "parse-timeout":
      return ctx.t("feed-error-parse-timeout");
    case "parse-failed":
      return ctx.t("feed-error-parse-failed");
    case "other":
      return ctx.t("feed-error-other", { error: failure.message });
  }
}

function feedEntry(ctx: NashraContext, feed: FeedRecord): string {
  const when = (ms: number) => isolate(formatDateTime(ms, ctx.language, ctx.timeZone));
  const lines = [
    `${isolate(`#${feed.id}`)} <b>${escapeHtml(feed.title ?? feed.url)}</b>${feed.autoAlert ? ` · ${ctx.t("feeds-auto")}` : ""}`,
    isolate(escapeHtml(feed.url)),
  ];
  lines.push(
    feed.lastSuccessAt
      ? ctx.t("feeds-last-success", { time: when(feed.lastSuccessAt), count: feed.itemsAdded })
      : ctx.t("feeds-never-succeeded"),
  );
  if (feed.lastError && feed.lastErrorAt && (!feed.lastSuccessAt || feed.lastErrorAt > feed.lastSuccessAt)) {
    lines.push(
      `${ctx.t("feeds-last-error", { time: when(feed.lastErrorAt), failures: feed.failures })} ${feedErrorText(ctx, feed.lastError)}`,
    );
  }
  return lines.join("\n");
}

function feedsView(ctx: NashraContext) {
  const feeds = ctx.deps.feeds.list();
  if (feeds.length === 0) return { text: ctx.t("feeds-none"), keyboard: new InlineKeyboard() };
  const keyboard = new InlineKeyboard();
  for (const f of feeds) {
    keyboard
      // The state the button sets, not a toggle: a press on an older /feeds does what its label says.
      .text(
        ctx.tp(f.autoAlert ? "button-auto-off" : "button-auto-on", { id: `#${f.id}` }),
        feedAutoAlert.pack({ feed: f.id, on: !f.autoAlert }),
      )
      .row();
  }
  return { text: [ctx.t("feeds-title"), ...feeds.map((f) => feedEntry(ctx, f))].join("\n\n"), keyboard };
}

export const feedsFeature = new Composer<NashraContext>();
const editorOnly = requireRole("editor");

feedsFeature.command("feeds", requireRole("editor", { privateOnly: true }), async (ctx) => {
  const view = feedsView(ctx);
  await replyHtml(ctx, view.text, view.keyboard);
});

feedsFeature.callbackQuery(
  feedAutoAlert.filter,
  editorOnly,
  feedAutoAlert.handle(async (ctx, values) => {
    const { feeds } = ctx.deps;
    const feed = feeds.find(values.feed);
    if (!feed) {
      await ctx.answerCallbackQuery({ text: ctx.tp("feeds-gone") });
      return;
    }
    // Buttons sent before they carried the state toggle.
    const on = values.on ?? !feed.autoAlert;
    feeds.setAutoAlert(feed.id, on);
    await ctx.answerCallbackQuery({ text: ctx.tp(on ? "toast-auto-on" : "toast-auto-off") });
    const view = feedsView(ctx);
    await editHtml(ctx, view.text, view.keyboard);
  }),
);

feedsFeature.command("addfeed", editorOnly, async (ctx) => {
  const [url = "", ...flags] = commandArgument(ctx).split(/\s+/);
  if (url === "") {
    await replyHtml(ctx, ctx.t("addfeed-usage"));
    return;
  }
  const autoAlert = flags.some((f) => AUTO_WORDS.has(f.toLowerCase()));
  await ctx.replyWithChatAction("typing");
  const result = await ctx.deps.feeds.add(url, { autoAlert, addedBy: ctx.from?.id ?? null });
  if (!result) {
    await replyHtml(ctx, ctx.t("addfeed-bad-url", { url: echo(url) }));
    return;
  }
  if ("refused" in result) {
    await replyHtml(
      ctx,
      `${ctx.t("addfeed-refused")}\n${feedErrorText(ctx, result.refused)}\n${ctx.t("addfeed-refused-hint")}`,
    );
    return;
  }
  const { feed, created, outcome } = result;
  if (!created) {
    await replyHtml(ctx, ctx.t("addfeed-exists", { id: `#${feed.id}` }));
    return;
  }
  const lines = [ctx.t("addfeed-added", { id: `#${feed.id}`, title: feed.title ?? feed.url })];
  if (outcome?.status === "error") {
    const failure = outcome.error ?? { kind: "other", status: null, message: "?" };
    lines.push(`⚠️ ${feedErrorText(ctx, failure)}`, ctx.t("addfeed-first-poll-failed"));
  } else {
    lines.push(ctx.t("addfeed-first-poll", { count: outcome?.added.length ?? 0 }));
  }
  if (feed.autoAlert) lines.push(ctx.t("feeds-auto"));
  await replyHtml(ctx, lines.join("\n"));
});

feedsFeature.command("removefeed", editorOnly, async (ctx) => {
  const id = parseId(commandArgument(ctx));
  if (id === undefined) {
    await replyHtml(ctx, ctx.t("removefeed-usage"));
    return;
  }
  const feed = ctx.deps.feeds.remove(id);
  if (!feed) {
    await replyHtml(ctx, ctx.t("feeds-gone"));
    return;
  }
  await replyHtml(ctx, ctx.t("removefeed-done", { id: `#${id}`, title: feed.title ?? feed.url }));
});
