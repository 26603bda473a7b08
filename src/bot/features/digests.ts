// Admins' digest commands: /schedule, /schedules, /unschedule, /digestnow, /digestpreview.
import { Composer } from "grammy";
import { sendWhole } from "../../delivery/send";
import { parseSchedule, type ScheduleError } from "../../digest/parse";
import { describeSchedule } from "../../digest/wording";
import { formatDateTime } from "../../i18n/format";
import type { ScheduleRecord } from "../../store/digests";
import { isolate } from "../../text/html";
import { partCount } from "../../text/message";
import type { Topic } from "../../topics/topic-index";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { commandArgument, echo, parseId, replyHtml } from "../reply";
import { topicOrAnswer } from "../topic-choice";

export const digestsFeature = new Composer<NashraContext>();
const adminOnly = requireRole("admin");

/** The reply to a schedule that cannot be read: which part is wrong, and how to write it. */
function scheduleErrorText(ctx: NashraContext, error: ScheduleError): string {
  const field = error.field ? ctx.tp(`cron-field-${error.field}`) : "";
  const minutes = Math.round(ctx.deps.schedules.minIntervalMs / 60_000);
  const what = ctx.t(`schedule-error-${error.error}`, { detail: echo(error.detail), field, minutes });
  return `${what}\n\n${ctx.t("schedule-usage")}`;
}

function topicLabel(ctx: NashraContext, schedule: ScheduleRecord): string {
  const { topics } = ctx.deps;
  const topic = schedule.topicId === null ? undefined : topics.index().get(schedule.topicId);
  return topic ? topics.index().name(topic, ctx.language) : ctx.tp("schedule-own-topics");
}

function nextRunText(ctx: NashraContext, schedule: ScheduleRecord): string {
  const next = ctx.deps.schedules.nextRunOf(schedule);
  return isolate(formatDateTime(next.getTime(), ctx.language, schedule.timezone));
}

function scheduleLine(ctx: NashraContext, schedule: ScheduleRecord): string {
  return ctx.t("schedules-line", {
    id: `#${schedule.id}`,
    when: describeSchedule(schedule.cron, schedule.timezone, ctx.language, ctx.deps.i18n),
    topic: topicLabel(ctx, schedule),
    next: nextRunText(ctx, schedule),
  });
}

digestsFeature.command("schedule", adminOnly, async (ctx) => {
  const { config, schedules } = ctx.deps;
  const argument = commandArgument(ctx);
  if (argument === "") {
    await replyHtml(ctx, ctx.t("schedule-usage"));
    return;
  }
  const parsed = parseSchedule(argument, config.DEFAULT_TIMEZONE, { minIntervalMs: schedules.minIntervalMs });
  if (!parsed.ok) {
    await replyHtml(ctx, scheduleErrorText(ctx, parsed));
    return;
  }
  let topic: Topic | undefined;
  if (parsed.topicText) {
    topic = await topicOrAnswer(ctx, parsed.topicText, { noteKey: "schedule-not-saved" });
    if (!topic) return;
  }
  const same = schedules.same(parsed.cron, parsed.zone, topic?.id ?? null);
  if (same) {
    await replyHtml(
      ctx,
      ctx.t("schedule-duplicate", {
        id: `#${same.id}`,
        when: describeSchedule(same.cron, same.timezone, ctx.language, ctx.deps.i18n),
        topic: topicLabel(ctx, same),
      }),
    );
    return;
  }
  const { schedule } = schedules.add({
    spec: argument,
    cron: parsed.cron,
    timezone: parsed.zone,
    topicId: topic?.id ?? null,
    createdBy: ctx.from?.id ?? null,
  });
  await replyHtml(
    ctx,
    ctx.t("schedule-added", {
      id: `#${schedule.id}`,
      when: describeSchedule(schedule.cron, schedule.timezone, ctx.language, ctx.deps.i18n),
      topic: topicLabel(ctx, schedule),
      next: nextRunText(ctx, schedule),
    }),
  );
});

digestsFeature.command("schedules", adminOnly, async (ctx) => {
  const all = ctx.deps.schedules.list();
  if (all.length === 0) {
    await replyHtml(ctx, ctx.t("schedules-none"));
    return;
  }
  const lines = all.map((s) => scheduleLine(ctx, s));
  await replyHtml(ctx, [ctx.t("schedules-heading"), ...lines].join("\n\n"));
});

digestsFeature.command("unschedule", adminOnly, async (ctx) => {
  const id = parseId(commandArgument(ctx));
  if (id === undefined) {
    await replyHtml(ctx, ctx.t("unschedule-usage"));
    return;
  }
  const removed = ctx.deps.schedules.remove(id);
  await replyHtml(ctx, ctx.t(removed ? "unschedule-done" : "schedule-unknown", { id: `#${id}` }));
});

digestsFeature.command("digestnow", adminOnly, async (ctx) => {
  const id = parseId(commandArgument(ctx));
  if (id === undefined) {
    await replyHtml(ctx, ctx.t("digestnow-usage"));
    return;
  }
  if (!ctx.deps.schedules.find(id)) {
    await replyHtml(ctx, ctx.t("schedule-unknown", { id: `#${id}` }));
    return;
  }
  await replyHtml(ctx, ctx.t("digestnow-started", { id: `#${id}` }));
  // A big run takes seconds: the handler returns now (a webhook must answer quickly); the end is reported.
  const { api, t } = ctx;
  const chatId = ctx.chat.id;
  void ctx.deps.schedules.runNow(id).then(async (outcome) => {
    const args = { id: `#${id}`, readers: outcome?.readers ?? 0, sent: outcome?.enqueued ?? 0 };
    // No outcome: the run failed (logged) or the bot is stopping; stopped: it resumes at the next start.
    const key = !outcome
      ? "digestnow-failed"
      : outcome.stopped
        ? "digestnow-stopped"
        : outcome.enqueued > 0
          ? "digestnow-done"
          : "digestnow-nothing";
    const text = t(key, args);
    try {
      await api.sendMessage(chatId, text, { parse_mode: "HTML" });
    } catch (error) {
      ctx.deps.logger.warn({ err: error }, "could not report the end of a digest run");
    }
  });
});

digestsFeature.command("digestpreview", requireRole("admin", { privateOnly: true }), async (ctx) => {
  // "/digestpreview <chat id> [#schedule]": the schedule that runs next unless one is named.
  const [chatText = "", scheduleText, ...extra] = commandArgument(ctx).split(/\s+/);
  const chatId = parseId(chatText, { signed: true });
  const scheduleId = scheduleText === undefined ? undefined : parseId(scheduleText);
  if (chatId === undefined || extra.length > 0 || (scheduleText !== undefined && scheduleId === undefined)) {
    await replyHtml(ctx, ctx.t("digestpreview-usage"));
    return;
  }
  const { schedules } = ctx.deps;
  let schedule: ScheduleRecord | undefined;
  if (scheduleId !== undefined) {
    schedule = schedules.find(scheduleId);
    if (!schedule) {
      await replyHtml(ctx, ctx.t("schedule-unknown", { id: `#${scheduleId}` }));
      return;
    }
  } else {
    const next = (s: ScheduleRecord) => schedules.nextRunOf(s).getTime();
    schedule = schedules
      .list()
      .reduce<ScheduleRecord | undefined>((a, b) => (!a || next(b) < next(a) ? b : a), undefined);
  }
  const preview = ctx.deps.digests.preview(chatId, schedule);
  if (preview.kind === "unknown-chat") {
    await replyHtml(ctx, ctx.t("digestpreview-unknown", { id: String(chatId) }));
    return;
  }
  if (preview.kind !== "digest") {
    const key =
      preview.kind === "empty" && schedule ? "digestpreview-empty-schedule" : `digestpreview-${preview.kind}`;
    await replyHtml(ctx, ctx.t(key, { id: String(chatId), schedule: `#${schedule?.id ?? 0}` }));
    return;
  }
  const count = partCount(preview.message);
  await replyHtml(
    ctx,
    schedule
      ? ctx.t("digestpreview-heading-schedule", {
          id: String(chatId),
          count,
          schedule: `#${schedule.id}`,
          when: describeSchedule(schedule.cron, schedule.timezone, ctx.language, ctx.deps.i18n),
          next: nextRunText(ctx, schedule),
        })
      : `${ctx.t("digestpreview-heading", { id: String(chatId), count })}\n${ctx.t("digestpreview-no-schedule")}`,
  );
  await sendWhole(ctx.api, ctx.chat.id, preview.message);
});
