// /mute and /unmute: a chat's muted words (docs/audience.md, rule 7), by command and by buttons (from /settings);
// the commands and buttons are those of every list of words (bot/phrase-lists.ts).
import { MUTES_PER_CHAT } from "../../audience/policy";
import { muteMenu, muteRemove } from "../callback-data";
import { phraseListFeature } from "../phrase-lists";

export const mutesFeature = phraseListFeature({
  add: "mute",
  remove: "unmute",
  max: MUTES_PER_CHAT,
  menuButton: muteMenu,
  removeButton: muteRemove,
  keys: {
    usage: "mute-usage",
    list: "mute-list",
    choose: "mute-choose",
    none: "mute-none",
    how: "mute-how",
    done: "mute-done",
    exists: "mute-exists",
    limit: "mute-limit",
    tooLong: "mute-too-long",
    tooShort: "mute-too-short",
    removed: "unmute-done",
    unknown: "unmute-unknown",
    toast: "toast-unmuted",
  },
  phrases: (ctx, chatId) => ctx.deps.audience.mutes(chatId),
  put: (ctx, chatId, phrase) => ctx.deps.audience.mute(chatId, phrase),
  drop: (ctx, chatId, phrase) => ctx.deps.audience.unmute(chatId, phrase),
  dropId: (ctx, chatId, id) => ctx.deps.audience.unmuteId(chatId, id),
});
