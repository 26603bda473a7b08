// The data of every inline button, packed and unpacked in one place per kind of button. Telegram gives
// callback data back exactly as sent, but anyone can send any data: every number is checked against its
// range before a handler sees it, and a button that does not unpack gets a polite toast, not an error.
import type { CallbackQueryContext, Middleware } from "grammy";
import type { NashraContext } from "./context";

/** Largest id a button carries (topics, alerts, feeds): well inside SQLite's and JavaScript's integers. */
const MAX_ID = 2 ** 31 - 1;
/** Largest page a pager offers (searches and lists stop counting at 1,000 rows, 5 a page). */
const MAX_PAGE = 999;

interface IntField {
  kind: "int";
  min: number;
  max: number;
  optional?: true;
}
interface EnumField<T extends string> {
  kind: "enum";
  values: readonly T[];
  optional?: true;
}
interface FlagField {
  kind: "flag";
  optional?: true;
}
/** An opaque token of 8 base64url characters (a search session). */
interface TokenField {
  kind: "token";
  optional?: true;
}
type Field = IntField | EnumField<string> | FlagField | TokenField;

type Value<F> = F extends IntField
  ? number
  : F extends EnumField<infer T>
    ? T
    : F extends FlagField
      ? boolean
      : F extends TokenField
        ? string
        : never;
type Values<Fs extends Record<string, Field>> = {
  [K in keyof Fs]: Fs[K] extends { optional: true } ? Value<Fs[K]> | undefined : Value<Fs[K]>;
};

/** An integer from `min` to `max`. */
const int = (min: number, max: number): IntField => ({ kind: "int", min, max });
/** One of a few words. */
const oneOf = <const T extends string>(...values: T[]): EnumField<T> => ({ kind: "enum", values });
/** On or off, packed as 1 or 0. */
const flag = (): FlagField => ({ kind: "flag" });
/** A token of 8 base64url characters. */
const token = (): TokenField => ({ kind: "token" });
/** A trailing field that older buttons were sent without. */
const optional = <F extends Field>(field: F): F & { optional: true } => ({ ...field, optional: true });

const id = () => int(1, MAX_ID);
const page = () => int(0, MAX_PAGE);

function pattern(field: Field): string {
  if (field.kind === "int") return "(\\d{1,20})"; // any length: the range is checked when unpacking
  if (field.kind === "flag") return "([01])";
  if (field.kind === "token") return "([A-Za-z0-9_-]{8})";
  return `(${field.values.join("|")})`;
}

/** One kind of button: `prefix:value:value…`. */
export interface ButtonKind<V> {
  /** Matches every data of this kind's shape (grammY's callbackQuery trigger); ranges are checked later. */
  readonly filter: RegExp;
  pack(values: V): string;
  /** The values, or undefined when the data is not of this kind or a number is out of range. */
  unpack(data: string): V | undefined;
  /**
   * A handler of this kind's presses that receives the values unpacked; a press whose data does not
   * unpack is answered with "this button has expired" and goes no further.
   */
  handle(
    handler: (ctx: CallbackQueryContext<NashraContext>, values: V) => unknown,
  ): Middleware<CallbackQueryContext<NashraContext>>;
}

function button<const Fs extends Record<string, Field>>(prefix: string, fields: Fs): ButtonKind<Values<Fs>> {
  const entries = Object.entries(fields);
  const source = entries.map(([, f]) => (f.optional ? `(?::${pattern(f)})?` : `:${pattern(f)}`)).join("");
  const filter = new RegExp(`^${prefix}${source}$`);
  const kind: ButtonKind<Values<Fs>> = {
    filter,
    pack(values) {
      let data = prefix;
      for (const [name, field] of entries) {
        const value = (values as Record<string, unknown>)[name];
        if (value === undefined) break; // only trailing fields are optional
        data += `:${field.kind === "flag" ? (value ? 1 : 0) : value}`;
      }
      return data;
    },
    unpack(data) {
      const match = filter.exec(data);
      if (!match) return undefined;
      const values: Record<string, unknown> = {};
      for (const [i, [name, field]] of entries.entries()) {
        const raw = match[i + 1];
        if (raw === undefined) {
          values[name] = undefined;
        } else if (field.kind === "int") {
          const n = Number(raw);
          if (!Number.isSafeInteger(n) || n < field.min || n > field.max) return undefined;
          values[name] = n;
        } else {
          values[name] = field.kind === "flag" ? raw === "1" : raw;
        }
      }
      return values as Values<Fs>;
    },
    handle(handler) {
      return async (ctx) => {
        const values = kind.unpack(ctx.callbackQuery.data ?? "");
        if (values === undefined) {
          await ctx.answerCallbackQuery({ text: ctx.tp("button-expired") });
          return;
        }
        await handler(ctx, values);
      };
    },
  };
  return kind;
}

// The place picker (/topics, bot/keyboards/topic-picker.ts). `pk:p` is a page of its first view (the
// governorates); `pk:t` toggles a place and redraws the view that shows it at that page; `pk:s` (the list of
// sections of the paged picker before the drill-down) now opens the first view too.
export const pickerPage = button("pk:p", { page: page() });
export const pickerToggle = button("pk:t", { topic: id(), page: page() });
export const pickerSections = button("pk:s", {});
/** The places under one place (a governorate's towns and sites), at a page. */
export const pickerOpen = button("pk:o", { topic: id(), page: page() });
/** The neighbouring countries, at a page. */
export const pickerNeighbours = button("pk:n", { page: page() });

/** Follow one topic (suggestions, ambiguous names, offers under /search and plain text). */
export const subscribeButton = button("sub", { topic: id() });
/** Stop following one topic (/unsubscribe's keyboard). */
export const unsubscribeButton = button("uns", { topic: id() });
/** Stop following the place through which a chat receives another (offered by /unsubscribe of that other). */
export const unfollowParent = button("unp", { topic: id() });
/** Keep the parent, except this place («دير الزور ما عدا الميادين»; offered by /unsubscribe of the place). */
export const exceptPlace = button("exc", { topic: id() });
/** The picker's choice for a (✓) place tapped: follow it on its own too, or except it; then the view at a page. */
export const pickerFollowOwn = button("pk:f", { topic: id(), page: page() });
export const pickerExcept = button("pk:x", { topic: id(), page: page() });

/** A page of /latest: of one topic, or (topic 0) of the chat's own topics. */
export const latestPage = button("lt", { topic: int(0, MAX_ID), page: page() });
/** The latest news of a topic chosen among several names or suggestions. */
export const latestOf = button("lo", { topic: id() });
/** A page of a search: its session's token (src/articles/search-sessions.ts) and the page. */
export const searchPage = button("sr", { session: token(), page: page() });

// An alert's preview: send, cancel, and the topic chosen for a draft whose topic name was unclear.
export const alertSend = button("al:s", { alert: id() });
export const alertCancel = button("al:c", { alert: id() });
/** Send as urgent: it rings even in readers' quiet hours. */
export const alertSendUrgent = button("al:u", { alert: id() });
export const alertTopic = button("al:t", { alert: id(), topic: id() });
/** Correct the delivered copies of an article's alerts after its /post was edited (version: the edit count). */
export const alertCorrect = button("al:x", { article: id(), version: id() });

/**
 * /settings. A switch says the state it sets (`set:alerts:0`), so a press on an older copy of the menu
 * does what its label says; `set:alerts` alone (menus sent before) toggles.
 */
export const settingsHome = button("set:home", {});
export const settingsSwitch = button("set", { what: oneOf("alerts", "digests"), on: optional(flag()) });
export const settingsLanguageMenu = button("set:lang", {});
export const settingsLanguage = button("set:lang", { language: oneOf("ar", "en", "auto") });
export const settingsZoneMenu = button("set:tz", {});
/** A zone by its place in the menu's list. */
export const settingsZone = button("set:tz", { zone: int(0, 99) });

// Muted words (/mute, /unmute, and /settings): the list, and one word unmuted by its id.
export const muteMenu = button("mu", {});
export const muteRemove = button("mu:x", { phrase: id() });
// Watched words (/watch, /unwatch, and /settings): the list, and one word no longer watched, by its id.
export const watchMenu = button("wa", {});
export const watchRemove = button("wa:x", { phrase: id() });

// /stop's question.
export const stopConfirm = button("stop:yes", {});
export const stopCancel = button("stop:no", {});

/** A feed's auto-alert switched to a state (`fd:aa:<id>` alone, from older /feeds, toggles). */
export const feedAutoAlert = button("fd:aa", { feed: id(), on: optional(flag()) });

/** Send an article's whole text (the «📖 n» buttons under /latest and /search, and /article's own). */
export const readArticle = button("rd", { article: id() });

// /article (editors): take a topic off, switch it between about and mention (the state it sets), ask for a topic
// to add, add one chosen among several names, and delete the article after a confirmation.
export const articleRemoveTopic = button("ae:r", { article: id(), topic: id() });
export const articleSetAbout = button("ae:s", { article: id(), topic: id(), about: flag() });
export const articleAddPrompt = button("ae:a", { article: id() });
export const articleAddTopic = button("ae:t", { article: id(), topic: id() });
export const articleDelete = button("ae:d", { article: id() });
export const articleDeleteConfirm = button("ae:dy", { article: id() });
export const articleDeleteCancel = button("ae:dn", { article: id() });

// Quiet hours (/settings): the menu, on with the usual hours, off, an hour grid for the start or the end, an hour
// chosen, and what alerts do during them (docs/audience.md, rule 10).
export const quietMenu = button("qh", {});
export const quietOn = button("qh:on", {});
export const quietOff = button("qh:off", {});
export const quietPick = button("qh:p", { edge: oneOf("start", "end") });
export const quietHour = button("qh:h", { edge: oneOf("start", "end"), hour: int(0, 23) });
export const quietMode = button("qh:m", { mode: oneOf("silent", "later") });

// A reader's own digest (/settings): the menu, off, how often (then the hour grid, or the days for weekly), a day
// for weekly, and the choice made (docs/digests.md, "A reader's own digest").
export const ownDigestMenu = button("od", {});
export const ownDigestOff = button("od:off", {});
export const ownDigestKind = button("od:k", { kind: oneOf("daily", "twice", "weekly") });
export const ownDigestDay = button("od:w", { weekday: int(0, 6) });
export const ownDigestSet = button("od:s", {
  kind: oneOf("daily", "twice", "weekly"),
  hour: int(0, 23),
  weekday: optional(int(0, 6)),
});

// Readers' tips (bot/features/tips.ts). The reader's draft: send it (named or not) or cancel it. An editor's card:
// reply to the reader, make an article of it (then publish after a confirmation), dismiss it; stop writing a reply.
export const tipSend = button("tp:s", { tip: id(), named: flag() });
export const tipCancel = button("tp:c", { tip: id() });
export const tipReply = button("tp:r", { tip: id() });
export const tipArticle = button("tp:a", { tip: id() });
export const tipPost = button("tp:p", { tip: id() });
export const tipDismiss = button("tp:x", { tip: id() });
export const tipReplyCancel = button("tp:rc", {});

/** Follow a place offered under an article's whole text; the article's buttons are then redrawn (bot/views/share.ts). */
export const articleFollow = button("af", { article: id(), topic: id() });

// /grant to a user the bot has never seen asks first (bot/features/admin.ts). User ids pass 2^31.
export const grantConfirm = button("gr:y", {
  user: int(1, Number.MAX_SAFE_INTEGER),
  role: oneOf("editor", "admin"),
});
export const grantCancel = button("gr:n", {});

// /alias of another place's name asks first (bot/features/catalog.ts): the name is the other place's alias row.
export const aliasConfirm = button("ali:y", { topic: id(), other: id(), alias: id() });
export const aliasCancel = button("ali:n", {});

// /retiretopic asks first (bot/features/catalog.ts): how many follow the place, how many articles keep it.
export const retireConfirm = button("rt:y", { topic: id() });
export const retireCancel = button("rt:n", {});

// A breaking item offered to editors (bot/breaking-offers.ts, /post of «عاجل»): the /alert preview, or ignore it.
export const breakingAlert = button("bk:a", { article: id() });
export const breakingIgnore = button("bk:x", { article: id() });
