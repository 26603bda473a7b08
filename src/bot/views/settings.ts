// What /settings and /mytopics both show: the chat's settings as text, and the settings buttons' data.
import type { Language } from "../../domain";
import { formatClock, zoneName } from "../../i18n/format";
import type { NashraContext } from "../context";

/**
 * Callback data of the settings buttons. A switch button says the state it sets (`set:alerts:0`), so a press
 * on an older copy of the menu does what its label says; `set:alerts` alone (menus sent before) toggles.
 */
export const settingsData = {
  home: "set:home",
  switchTo: (what: "alerts" | "digests", on: boolean) => `set:${what}:${on ? 1 : 0}`,
  languageMenu: "set:lang",
  language: (l: Language | "auto") => `set:lang:${l}`,
  zoneMenu: "set:tz",
  zone: (i: number) => `set:tz:${i}`,
};

/** The current time in a zone, as the settings show it. */
export function localTime(ctx: NashraContext, zone: string): string {
  return formatClock(ctx.deps.clock(), ctx.language, zone);
}

/** The chat's settings as lines of text (also shown by /mytopics). */
export function settingsSummary(ctx: NashraContext): string {
  const reader = ctx.reader;
  const zone = ctx.timeZone;
  return ctx.t("settings-summary", {
    alerts: ctx.tp(reader?.alertsEnabled === false ? "state-off" : "state-on"),
    digests: ctx.tp(reader?.digestsEnabled === false ? "state-off" : "state-on"),
    language: ctx.tp(reader?.language ? `language-${reader.language}` : "language-auto"),
    timezone: zoneName(zone, ctx.language),
    time: localTime(ctx, zone),
  });
}
