// What /settings shows of a reader's quiet hours and own digest (the buttons: features/quiet.ts): lines of text.
import type { OwnDigest } from "../../digest/own";
import { weekdayName } from "../../digest/wording";
import { formatClock } from "../../i18n/format";
import type { NashraContext } from "../context";

const pad = (n: number) => String(n).padStart(2, "0");
/** An hour as the settings show it: "07:00". */
export const hourText = (hour: number) => `${pad(hour)}:00`;

/** A reader's own digest in words: «كل يوم الساعة 21:00». */
export function ownDigestWords(ctx: NashraContext, choice: OwnDigest): string {
  switch (choice.kind) {
    case "off":
      return ctx.tp("own-digest-off");
    case "daily":
      return ctx.tp("own-digest-daily", { time: hourText(choice.hour) });
    case "twice":
      return ctx.tp("own-digest-twice", { time: hourText(choice.hour), second: hourText(choice.hour + 12) });
    case "weekly":
      return ctx.tp("own-digest-weekly", {
        day: weekdayName(choice.weekday, ctx.language),
        time: hourText(choice.hour),
      });
  }
}

/** A time as «الخميس 08:00» in the chat's zone. */
function dayAndTime(ctx: NashraContext, ms: number): string {
  const day = new Intl.DateTimeFormat(ctx.language === "ar" ? "ar" : "en-GB", {
    weekday: "long",
    timeZone: ctx.timeZone,
  }).format(ms);
  return `${day} ${formatClock(ms, ctx.language, ctx.timeZone)}`;
}

/**
 * When the chat's next digest arrives (its own slot or the admins' schedules, after its quiet hours); undefined when
 * none comes: digests off, or a chat that follows nothing and watches no word (runs skip it: docs/audience.md, 3).
 */
export function nextDigestAt(ctx: NashraContext): number | undefined {
  const reader = ctx.reader;
  if (!reader?.digestsEnabled) return undefined;
  const { topics, audience } = ctx.deps;
  if (topics.subscriptionsOf(reader.id).length === 0 && audience.watches(reader.id).length === 0)
    return undefined;
  const due = ctx.deps.schedules.nextDigestFor(reader);
  return due === undefined ? undefined : ctx.deps.audience.digestArrival(reader.quiet, ctx.timeZone, due);
}

/** The settings' lines about quiet hours, the own digest and the next digest. */
export function quietSummary(ctx: NashraContext): string {
  const reader = ctx.reader;
  const quiet = reader?.quiet;
  const lines = [
    quiet
      ? ctx.t("settings-quiet", {
          from: hourText(quiet.start),
          to: hourText(quiet.end),
          mode: ctx.tp(`quiet-mode-${quiet.mode}`),
        })
      : ctx.t("settings-quiet-none"),
    ctx.t("settings-own-digest", {
      when: ownDigestWords(ctx, reader ? ctx.deps.schedules.ownDigest(reader) : { kind: "off" }),
    }),
  ];
  const next = nextDigestAt(ctx);
  if (next !== undefined) lines.push(ctx.t("settings-next-digest", { when: dayAndTime(ctx, next) }));
  return lines.join("\n");
}
