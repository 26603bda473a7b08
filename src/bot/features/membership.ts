// The bot's own membership: blocked by a reader, added to or removed from a group or channel; a group that
// became a supergroup.
import { Composer } from "grammy";
import type { NashraContext } from "../context";
import { replyHtml } from "../reply";

export const membershipFeature = new Composer<NashraContext>();

membershipFeature.on("my_chat_member", async (ctx) => {
  const { chat, new_chat_member: member } = ctx.myChatMember;
  const { readers } = ctx.deps;
  if (member.status === "kicked" || member.status === "left") {
    // Subscriptions are kept: a reader who unblocks the bot picks up where they were.
    readers.left(chat.id, chat.type === "private" ? "blocked" : "removed");
    return;
  }
  const title = chat.type === "private" ? null : (chat.title ?? null);
  const before = readers.find(chat.id);
  const { reader, isNew } = readers.joined({ id: chat.id, type: chat.type, title });
  ctx.reader = reader;
  // Greet a group the bot was just added to (never a channel: that would post to all its readers).
  if (chat.type !== "group" && chat.type !== "supergroup") return;
  if (isNew) {
    await replyHtml(ctx, ctx.t("welcome-group"));
    return;
  }
  // Added again after being removed: the group's places were kept, and it is told which.
  if (before && !before.active) {
    const { topics } = ctx.deps;
    const index = topics.index();
    const followed = topics.subscriptionsOf(chat.id).map((t) => index.name(t, ctx.language));
    await replyHtml(
      ctx,
      followed.length === 0
        ? ctx.t("welcome-group")
        : ctx.t("welcome-back-group", {
            count: followed.length,
            topics: followed.join(ctx.language === "ar" ? "، " : ", "),
          }),
    );
  }
});

// A group that became a supergroup: Telegram says so in both chats; the first of the two moves everything.
membershipFeature.on("message:migrate_to_chat_id", (ctx) => {
  ctx.deps.readers.migrated(ctx.chat.id, ctx.msg.migrate_to_chat_id);
});
membershipFeature.on("message:migrate_from_chat_id", (ctx) => {
  ctx.deps.readers.migrated(ctx.msg.migrate_from_chat_id, ctx.chat.id);
});
