// Groups stay quiet (issue 13 item 6): a member who is not one of the group's admins gets one short line with a
// button to the private chat for the commands that answer with a listing (help, the picker, news pages, settings);
// the group's admins, who manage what it follows, get the full answers. Channels are left alone (only admins post).
import { Composer, InlineKeyboard } from "grammy";
import type { NashraContext } from "../context";
import { canManageChat } from "../guards";
import { replyHtml } from "../reply";

/** Reader commands whose answer in a group would be a long public listing. */
export const QUIET_IN_GROUPS = ["start", "help", "topics", "latest", "search", "settings"] as const;

export const quietGroupsFeature = new Composer<NashraContext>();

quietGroupsFeature.chatType(["group", "supergroup"]).command([...QUIET_IN_GROUPS], async (ctx, next) => {
  if (await canManageChat(ctx)) return next();
  const username = ctx.me.username;
  const keyboard = new InlineKeyboard().url(ctx.tp("button-open-private"), `https://t.me/${username}`);
  await replyHtml(ctx, ctx.t("group-member-private", { name: ctx.from?.first_name ?? "" }), keyboard);
});
