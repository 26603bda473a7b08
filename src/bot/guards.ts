// Role and group-admin checks. A refused user gets a clear answer in their language and nothing changes.
import type { Middleware } from "grammy";
import { hasRole, type Role } from "../domain";
import type { NashraContext } from "./context";

/** Telegram's stand-in sender for a group's anonymous admins. */
const GROUP_ANONYMOUS_BOT = 1087968824;

export interface RequireRoleOptions {
  /**
   * Only in the staff member's private chat: the answer holds what a group must not see (readers' ids and
   * digests, feed errors, figures). In a group or channel the command is refused with a pointer there.
   */
  privateOnly?: boolean;
}

/** Lets only editors (or admins) through; everyone else is told so and nothing runs. */
export function requireRole(
  required: Exclude<Role, "reader">,
  options: RequireRoleOptions = {},
): Middleware<NashraContext> {
  return async (ctx, next) => {
    if (hasRole(ctx.role, required)) {
      if (!options.privateOnly || ctx.chat?.type === "private") return next();
      if (ctx.callbackQuery)
        await ctx.answerCallbackQuery({ text: ctx.tp("staff-private-only"), show_alert: true });
      else await ctx.reply(ctx.t("staff-private-only"), { parse_mode: "HTML" });
      return;
    }
    const message = ctx.t(required === "admin" ? "refused-admin" : "refused-editor");
    if (ctx.callbackQuery)
      await ctx.answerCallbackQuery({
        text: ctx.tp(required === "admin" ? "refused-admin" : "refused-editor"),
        show_alert: true,
      });
    else await ctx.reply(message, { parse_mode: "HTML" });
  };
}

/**
 * True when the sender may change this chat's subscriptions and settings: anyone in a private chat,
 * a channel's posts (only admins post), and a group's admins.
 */
export async function canManageChat(ctx: NashraContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || chat.type === "private") return true;
  // Only a channel's admins can post in it; but anyone who sees a channel post can tap its buttons.
  if (chat.type === "channel" && ctx.channelPost) return true;
  const sender = ctx.from;
  if (!sender) return false;
  if (sender.id === GROUP_ANONYMOUS_BOT && ctx.msg?.sender_chat?.id === chat.id) return true;
  try {
    const member = await ctx.api.getChatMember(chat.id, sender.id);
    return member.status === "creator" || member.status === "administrator";
  } catch (error) {
    ctx.deps.logger.warn({ err: error, chat: chat.id }, "could not check group membership");
    return false;
  }
}

/** Like canManageChat, but tells a group member who is not an admin why nothing happened. */
export async function ensureCanManage(ctx: NashraContext): Promise<boolean> {
  if (await canManageChat(ctx)) return true;
  if (ctx.callbackQuery)
    await ctx.answerCallbackQuery({ text: ctx.tp("group-admins-only"), show_alert: true });
  else await ctx.reply(ctx.t("group-admins-only"), { parse_mode: "HTML" });
  return false;
}

/**
 * For buttons that redraw or page a message (picker pages, /latest pages, the settings menus): in a group
 * or channel, the message is the admins' and only they may turn it; anyone else gets a toast and the
 * message stays as it is. In a private chat, everyone passes.
 */
export const adminsTurnPages: Middleware<NashraContext> = async (ctx, next) => {
  if (await canManageChat(ctx)) return next();
  await ctx.answerCallbackQuery({ text: ctx.tp("group-buttons-admins-only") });
};
