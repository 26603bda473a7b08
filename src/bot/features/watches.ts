// /watch and /unwatch: a chat's watched words (docs/audience.md, rule 8): an article containing one reaches the
// chat beyond its places. By command and by buttons (from /settings); the commands and buttons are those of
// every list of words (bot/phrase-lists.ts).
import { WATCHES_PER_CHAT } from "../../audience/policy";
import { watchMenu, watchRemove } from "../callback-data";
import { phraseListFeature } from "../phrase-lists";
import { echo } from "../reply";

export const watchesFeature = phraseListFeature({
  add: "watch",
  remove: "unwatch",
  max: WATCHES_PER_CHAT,
  menuButton: watchMenu,
  removeButton: watchRemove,
  keys: {
    usage: "watch-usage",
    list: "watch-list",
    choose: "watch-choose",
    none: "watch-none",
    how: "watch-how",
    done: "watch-done",
    exists: "watch-exists",
    limit: "watch-limit",
    tooLong: "watch-too-long",
    tooShort: "watch-too-short",
    removed: "unwatch-done",
    unknown: "unwatch-unknown",
    toast: "toast-unwatched",
  },
  phrases: (ctx, chatId) => ctx.deps.audience.watches(chatId),
  put: (ctx, chatId, phrase) => ctx.deps.audience.watch(chatId, phrase),
  drop: (ctx, chatId, phrase) => ctx.deps.audience.unwatch(chatId, phrase),
  dropId: (ctx, chatId, id) => ctx.deps.audience.unwatchId(chatId, id),
  // A watched word that is also muted brings nothing: the mute wins (rule 8).
  afterAdding: (ctx, chatId) => {
    const clash = ctx.deps.audience.watchesMuted(chatId);
    return clash.length > 0
      ? ctx.t("watch-muted-too", { phrases: clash.map((w) => `«${echo(w.phrase)}»`).join("، ") })
      : undefined;
  },
});
