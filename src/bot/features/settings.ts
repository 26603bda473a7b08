// /settings: breaking alerts on/off, digests on/off, language, time zone — all by buttons.
import { Composer, InlineKeyboard } from "grammy";
import { zoneName } from "../../i18n/format";
import {
  muteMenu,
  ownDigestMenu,
  quietMenu,
  settingsHome,
  settingsLanguage,
  settingsLanguageMenu,
  settingsSwitch,
  settingsZone,
  settingsZoneMenu,
  watchMenu,
} from "../callback-data";
import { syncChatMenu } from "../commands";
import type { NashraContext } from "../context";
import { adminsTurnPages, ensureCanManage } from "../guards";
import { useChatSettings } from "../middlewares";
import { editHtml, replyHtml } from "../reply";
import { localTime, settingsSummary } from "../views/settings";

/** Zones offered in /settings: where the newsrooms' readers live, at home and abroad. */
export const TIME_ZONES = [
  "Asia/Damascus",
  "Asia/Baghdad",
  "Asia/Beirut",
  "Asia/Amman",
  "Europe/Istanbul",
  "Asia/Riyadh",
  "Asia/Dubai",
  "Africa/Cairo",
  "Europe/Berlin",
  "Europe/Stockholm",
  "Europe/Amsterdam",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "UTC",
] as const;

function homeKeyboard(ctx: NashraContext): InlineKeyboard {
  const reader = ctx.reader;
  return new InlineKeyboard()
    .text(
      ctx.tp(reader?.alertsEnabled === false ? "button-alerts-turn-on" : "button-alerts-turn-off"),
      settingsSwitch.pack({ what: "alerts", on: reader?.alertsEnabled === false }),
    )
    .row()
    .text(
      ctx.tp(reader?.digestsEnabled === false ? "button-digests-turn-on" : "button-digests-turn-off"),
      settingsSwitch.pack({ what: "digests", on: reader?.digestsEnabled === false }),
    )
    .row()
    .text(ctx.tp("button-language"), settingsLanguageMenu.pack({}))
    .text(ctx.tp("button-timezone"), settingsZoneMenu.pack({}))
    .row()
    .text(ctx.tp("button-mutes"), muteMenu.pack({}))
    .text(ctx.tp("button-watches"), watchMenu.pack({}))
    .row()
    .text(ctx.tp("button-quiet"), quietMenu.pack({}))
    .text(ctx.tp("button-own-digest"), ownDigestMenu.pack({}));
}

function homeText(ctx: NashraContext): string {
  return `${ctx.t("settings-title")}\n\n${settingsSummary(ctx)}`;
}

export const settingsFeature = new Composer<NashraContext>();

settingsFeature.command("settings", (ctx) => replyHtml(ctx, homeText(ctx), homeKeyboard(ctx)));

settingsFeature.callbackQuery(settingsHome.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  await editHtml(ctx, homeText(ctx), homeKeyboard(ctx));
});

settingsFeature.callbackQuery(
  settingsSwitch.filter,
  settingsSwitch.handle(async (ctx, { what, on: state }) => {
    if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
    const alerts = what === "alerts";
    const current = alerts ? ctx.reader.alertsEnabled : ctx.reader.digestsEnabled;
    const wanted = state ?? !current;
    const { readers } = ctx.deps;
    ctx.reader = alerts
      ? readers.setAlerts(ctx.reader.id, wanted)
      : readers.setDigests(ctx.reader.id, wanted);
    const on = alerts ? ctx.reader?.alertsEnabled : ctx.reader?.digestsEnabled;
    await ctx.answerCallbackQuery({
      text: ctx.tp(`toast-${alerts ? "alerts" : "digests"}-${on ? "on" : "off"}`),
    });
    await editHtml(ctx, homeText(ctx), homeKeyboard(ctx));
  }),
);

settingsFeature.callbackQuery(settingsLanguageMenu.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  const keyboard = new InlineKeyboard()
    .text("العربية", settingsLanguage.pack({ language: "ar" }))
    .text("English", settingsLanguage.pack({ language: "en" }))
    .row()
    .text(ctx.tp("language-auto"), settingsLanguage.pack({ language: "auto" }))
    .row()
    .text(ctx.tp("button-back"), settingsHome.pack({}));
  await editHtml(ctx, ctx.t("settings-choose-language"), keyboard);
});

settingsFeature.callbackQuery(
  settingsLanguage.filter,
  settingsLanguage.handle(async (ctx, { language: choice }) => {
    if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
    const language = choice === "auto" ? null : choice;
    ctx.reader = ctx.deps.readers.setLanguage(ctx.reader.id, language);
    useChatSettings(ctx); // answer in the language just chosen (for "auto": the chat's default one)
    await ctx.answerCallbackQuery({ text: ctx.tp("toast-language") });
    await editHtml(ctx, homeText(ctx), homeKeyboard(ctx));
    // The command menu follows: the chat's own, in the language chosen (or Telegram's again for "auto").
    if (ctx.chat) await syncChatMenu(ctx.api, ctx.deps, ctx.chat.id);
  }),
);

settingsFeature.callbackQuery(settingsZoneMenu.filter, adminsTurnPages, async (ctx) => {
  await ctx.answerCallbackQuery();
  const current = ctx.timeZone;
  const keyboard = new InlineKeyboard();
  TIME_ZONES.forEach((zone, i) => {
    keyboard.text(
      `${zone === current ? "✓ " : ""}${zoneName(zone, ctx.language)} · ${localTime(ctx, zone)}`,
      settingsZone.pack({ zone: i }),
    );
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.tp("button-back"), settingsHome.pack({}));
  await editHtml(ctx, ctx.t("settings-choose-timezone"), keyboard);
});

settingsFeature.callbackQuery(
  settingsZone.filter,
  settingsZone.handle(async (ctx, values) => {
    if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
    const zone = TIME_ZONES[values.zone];
    if (!zone) {
      await ctx.answerCallbackQuery();
      return;
    }
    ctx.reader = ctx.deps.readers.setTimeZone(ctx.reader.id, zone);
    // The reader's own digest keeps its hours in the new zone.
    if (ctx.reader) ctx.reader = ctx.deps.schedules.ownDigestZone(ctx.reader, zone) ?? ctx.reader;
    useChatSettings(ctx);
    await ctx.answerCallbackQuery({
      text: ctx.tp("toast-timezone", { timezone: zoneName(zone, ctx.language) }),
    });
    await editHtml(ctx, homeText(ctx), homeKeyboard(ctx));
  }),
);
