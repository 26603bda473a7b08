// What /settings and /mytopics both show: the chat's settings as text (the buttons' data: callback-data.ts).
import { formatClock, zoneName } from "../../i18n/format";
import { escapeHtml } from "../../text/html";
import type { NashraContext } from "../context";
import { quietSummary } from "./quiet";

/** The current time in a zone, as the settings show it. */
export function localTime(ctx: NashraContext, zone: string): string {
  return formatClock(ctx.deps.clock(), ctx.language, zone);
}

/** The chat's settings as lines of text (also shown by /mytopics). */
export function settingsSummary(ctx: NashraContext): string {
  const reader = ctx.reader;
  const zone = ctx.timeZone;
  const mutes = ctx.chatId === undefined ? [] : ctx.deps.audience.mutes(ctx.chatId);
  const muted = mutes.length
    ? ctx.t("settings-muted", {
        phrases: mutes.map((m) => `«${escapeHtml(m.phrase)}»`).join(ctx.language === "ar" ? "، " : ", "),
      })
    : ctx.t("settings-muted-none");
  const watches = ctx.chatId === undefined ? [] : ctx.deps.audience.watches(ctx.chatId);
  const watched = watches.length
    ? ctx.t("settings-watched", {
        phrases: watches.map((m) => `«${escapeHtml(m.phrase)}»`).join(ctx.language === "ar" ? "، " : ", "),
      })
    : ctx.t("settings-watched-none");
  return `${ctx.t("settings-summary", {
    alerts: ctx.tp(reader?.alertsEnabled === false ? "state-off" : "state-on"),
    digests: ctx.tp(reader?.digestsEnabled === false ? "state-off" : "state-on"),
    language: ctx.tp(reader?.language ? `language-${reader.language}` : "language-auto"),
    timezone: zoneName(zone, ctx.language),
    time: localTime(ctx, zone),
  })}\n${muted}\n${watched}\n${quietSummary(ctx)}`;
}
