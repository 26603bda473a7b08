// /settings → quiet hours and the reader's own digest, by buttons (docs/audience.md rule 10, docs/digests.md "A
// reader's own digest"). Who receives what, and how, is the audience policy's; this feature stores the choices
// through the services and answers. Groups: admins only, as every setting.
import { Composer, InlineKeyboard } from "grammy";
import type { OwnDigest } from "../../digest/own";
import { weekdayName } from "../../digest/wording";
import { zoneName } from "../../i18n/format";
import {
  ownDigestDay,
  ownDigestKind,
  ownDigestMenu,
  ownDigestOff,
  ownDigestSet,
  quietHour,
  quietMenu,
  quietMode,
  quietOff,
  quietOn,
  quietPick,
  settingsHome,
} from "../callback-data";
import type { NashraContext } from "../context";
import { adminsTurnPages, ensureCanManage } from "../guards";
import { editHtml } from "../reply";
import { hourText, ownDigestWords, quietSummary } from "../views/quiet";

/** The hours quiet hours get when a reader turns them on: a night. */
const DEFAULT_QUIET = { start: 23, end: 7 };
/** Weekdays in the order the menu lists them, Saturday first (the Syrian week). */
const WEEKDAYS = [6, 0, 1, 2, 3, 4, 5];

export const quietFeature = new Composer<NashraContext>();

const check = (on: boolean) => (on ? "✓ " : "");

/** A grid of the hours `from`..`to`, six a row, each button made by `data`; labelled by `label`. */
function hourGrid(
  keyboard: InlineKeyboard,
  hours: number[],
  label: (h: number) => string,
  data: (h: number) => string,
): InlineKeyboard {
  hours.forEach((h, i) => {
    keyboard.text(label(h), data(h));
    if (i % 6 === 5) keyboard.row();
  });
  return keyboard.row();
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// --- Quiet hours ------------------------------------------------------------------------------------------

function quietView(ctx: NashraContext): { text: string; keyboard: InlineKeyboard } {
  const quiet = ctx.reader?.quiet ?? null;
  const keyboard = new InlineKeyboard();
  if (!quiet) {
    keyboard
      .text(
        ctx.tp("button-quiet-on", { from: hourText(DEFAULT_QUIET.start), to: hourText(DEFAULT_QUIET.end) }),
        quietOn.pack({}),
      )
      .row();
  } else {
    keyboard
      .text(ctx.tp("button-quiet-start", { time: hourText(quiet.start) }), quietPick.pack({ edge: "start" }))
      .text(ctx.tp("button-quiet-end", { time: hourText(quiet.end) }), quietPick.pack({ edge: "end" }))
      .row()
      .text(
        `${check(quiet.mode === "silent")}${ctx.tp("button-quiet-silent")}`,
        quietMode.pack({ mode: "silent" }),
      )
      .text(
        `${check(quiet.mode === "later")}${ctx.tp("button-quiet-later")}`,
        quietMode.pack({ mode: "later" }),
      )
      .row()
      .text(ctx.tp("button-quiet-off"), quietOff.pack({}))
      .row();
  }
  keyboard.text(ctx.tp("button-back"), settingsHome.pack({}));
  const text = `${ctx.t("quiet-title", { zone: zoneName(ctx.timeZone, ctx.language) })}\n\n${quietSummary(ctx)}`;
  return { text, keyboard };
}

async function showQuiet(ctx: NashraContext, toast?: string): Promise<void> {
  await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  const { text, keyboard } = quietView(ctx);
  await editHtml(ctx, text, keyboard);
}

quietFeature.callbackQuery(quietMenu.filter, adminsTurnPages, (ctx) => showQuiet(ctx));

quietFeature.callbackQuery(quietOn.filter, async (ctx) => {
  if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
  const hours = ctx.reader.quiet ?? DEFAULT_QUIET;
  ctx.reader = ctx.deps.readers.setQuietHours(ctx.reader.id, hours);
  await showQuiet(ctx, ctx.tp("toast-quiet-set", { from: hourText(hours.start), to: hourText(hours.end) }));
});

quietFeature.callbackQuery(quietOff.filter, async (ctx) => {
  if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
  ctx.reader = ctx.deps.readers.setQuietHours(ctx.reader.id, null);
  await showQuiet(ctx, ctx.tp("toast-quiet-off"));
});

quietFeature.callbackQuery(
  quietPick.filter,
  adminsTurnPages,
  quietPick.handle(async (ctx, { edge }) => {
    await ctx.answerCallbackQuery();
    const current = ctx.reader?.quiet?.[edge];
    const keyboard = hourGrid(
      new InlineKeyboard(),
      range(0, 23),
      (h) => `${check(h === current)}${hourText(h)}`,
      (h) => quietHour.pack({ edge, hour: h }),
    ).text(ctx.tp("button-back"), quietMenu.pack({}));
    await editHtml(
      ctx,
      ctx.t(`quiet-choose-${edge}`, { zone: zoneName(ctx.timeZone, ctx.language) }),
      keyboard,
    );
  }),
);

quietFeature.callbackQuery(
  quietHour.filter,
  quietHour.handle(async (ctx, { edge, hour }) => {
    if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
    const hours = { ...(ctx.reader.quiet ?? DEFAULT_QUIET), [edge]: hour };
    if (hours.start === hours.end) {
      // Quiet hours of no length (or of the whole day) are refused: nothing changes.
      await ctx.answerCallbackQuery({ text: ctx.tp("toast-quiet-same"), show_alert: true });
      return;
    }
    ctx.reader = ctx.deps.readers.setQuietHours(ctx.reader.id, hours);
    await showQuiet(ctx, ctx.tp("toast-quiet-set", { from: hourText(hours.start), to: hourText(hours.end) }));
  }),
);

quietFeature.callbackQuery(
  quietMode.filter,
  quietMode.handle(async (ctx, { mode }) => {
    if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
    if (!ctx.reader.quiet) {
      await showQuiet(ctx);
      return;
    }
    ctx.reader = ctx.deps.readers.setQuietHours(ctx.reader.id, ctx.reader.quiet, mode);
    await showQuiet(ctx, ctx.tp(`toast-quiet-mode-${mode}`));
  }),
);

// --- A reader's own digest --------------------------------------------------------------------------------

function ownView(ctx: NashraContext): { text: string; keyboard: InlineKeyboard } {
  const choice: OwnDigest = ctx.reader ? ctx.deps.schedules.ownDigest(ctx.reader) : { kind: "off" };
  const keyboard = new InlineKeyboard()
    .text(
      `${check(choice.kind === "daily")}${ctx.tp("button-own-daily")}`,
      ownDigestKind.pack({ kind: "daily" }),
    )
    .text(
      `${check(choice.kind === "twice")}${ctx.tp("button-own-twice")}`,
      ownDigestKind.pack({ kind: "twice" }),
    )
    .text(
      `${check(choice.kind === "weekly")}${ctx.tp("button-own-weekly")}`,
      ownDigestKind.pack({ kind: "weekly" }),
    )
    .row();
  if (choice.kind !== "off") keyboard.text(ctx.tp("button-own-off"), ownDigestOff.pack({})).row();
  keyboard.text(ctx.tp("button-back"), settingsHome.pack({}));
  const text = `${ctx.t("own-digest-title", { zone: zoneName(ctx.timeZone, ctx.language) })}\n\n${quietSummary(ctx)}`;
  return { text, keyboard };
}

async function showOwn(ctx: NashraContext, toast?: string): Promise<void> {
  await ctx.answerCallbackQuery(toast ? { text: toast } : {});
  const { text, keyboard } = ownView(ctx);
  await editHtml(ctx, text, keyboard);
}

quietFeature.callbackQuery(ownDigestMenu.filter, adminsTurnPages, (ctx) => showOwn(ctx));

quietFeature.callbackQuery(ownDigestOff.filter, async (ctx) => {
  if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
  ctx.reader = ctx.deps.schedules.setOwnDigest(ctx.reader.id, { kind: "off" }, ctx.timeZone) ?? ctx.reader;
  await showOwn(ctx, ctx.tp("toast-own-off"));
});

/** The hours offered for a kind (twice daily: the first of two, 00:00-11:00, the second twelve hours later). */
function hourChoices(
  ctx: NashraContext,
  kind: "daily" | "twice" | "weekly",
  weekday?: number,
): InlineKeyboard {
  const twice = kind === "twice";
  return hourGrid(
    new InlineKeyboard(),
    range(0, twice ? 11 : 23),
    (h) => (twice ? `${hourText(h)} · ${hourText(h + 12)}` : hourText(h)),
    (h) => ownDigestSet.pack({ kind, hour: h, weekday }),
  ).text(ctx.tp("button-back"), ownDigestMenu.pack({}));
}

quietFeature.callbackQuery(
  ownDigestKind.filter,
  adminsTurnPages,
  ownDigestKind.handle(async (ctx, { kind }) => {
    await ctx.answerCallbackQuery();
    const zone = zoneName(ctx.timeZone, ctx.language);
    if (kind === "weekly") {
      const keyboard = new InlineKeyboard();
      WEEKDAYS.forEach((d, i) => {
        keyboard.text(weekdayName(d, ctx.language), ownDigestDay.pack({ weekday: d }));
        if (i % 4 === 3) keyboard.row();
      });
      keyboard.row().text(ctx.tp("button-back"), ownDigestMenu.pack({}));
      await editHtml(ctx, ctx.t("own-digest-choose-day"), keyboard);
      return;
    }
    await editHtml(ctx, ctx.t(`own-digest-choose-${kind}`, { zone }), hourChoices(ctx, kind));
  }),
);

quietFeature.callbackQuery(
  ownDigestDay.filter,
  adminsTurnPages,
  ownDigestDay.handle(async (ctx, { weekday }) => {
    await ctx.answerCallbackQuery();
    await editHtml(
      ctx,
      ctx.t("own-digest-choose-weekly", {
        day: weekdayName(weekday, ctx.language),
        zone: zoneName(ctx.timeZone, ctx.language),
      }),
      hourChoices(ctx, "weekly", weekday),
    );
  }),
);

quietFeature.callbackQuery(
  ownDigestSet.filter,
  ownDigestSet.handle(async (ctx, { kind, hour, weekday }) => {
    if (!(await ensureCanManage(ctx)) || !ctx.reader) return;
    const choice: OwnDigest = kind === "weekly" ? { kind, hour, weekday: weekday ?? -1 } : { kind, hour };
    const updated = ctx.deps.schedules.setOwnDigest(ctx.reader.id, choice, ctx.timeZone);
    if (!updated) {
      // Out of range (twice daily from 12:00, weekly without a day): nothing changes.
      await ctx.answerCallbackQuery({ text: ctx.tp("button-expired") });
      return;
    }
    ctx.reader = updated;
    await showOwn(ctx, ctx.tp("toast-own-set", { when: ownDigestWords(ctx, choice) }));
  }),
);
