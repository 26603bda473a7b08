// /start (with sub_<slug> and a_<id> deep links) and /help.
import { Composer } from "grammy";
import { languageFromCode } from "../../domain";
import { READ_PAYLOAD } from "../../render/article";
import { commandsFor, syncStaffMenu } from "../commands";
import type { NashraContext } from "../context";
import { ensureCanManage } from "../guards";
import { commandArgument, replyHtml } from "../reply";
import { sendPicker } from "../views/picker";
import { sendFullText } from "../views/read";
import { subscribeAndConfirm } from "../views/subscribe";

/** Deep-link payloads: t.me/<bot>?start=sub_deir-ez-zor */
const SUBSCRIBE_PAYLOAD = /^sub_([a-z0-9-]{1,60})$/;

export const startFeature = new Composer<NashraContext>();

startFeature.command("start", async (ctx) => {
  const payload = commandArgument(ctx);
  const slug = SUBSCRIBE_PAYLOAD.exec(payload)?.[1];
  if (ctx.role !== "reader" && ctx.chat.type === "private" && ctx.from) {
    // Telegram accepts a staff member's own menu only once they have a chat with the bot: now.
    await syncStaffMenu(ctx.api, ctx.deps, ctx.from.id);
  }
  // t.me/<bot>?start=a_17 (an alert's or a digest's «📖»): the article's whole text, nothing else.
  const articleId = READ_PAYLOAD.exec(payload)?.[1];
  if (articleId !== undefined) {
    await sendFullText(ctx, Number(articleId));
    return;
  }
  if (slug !== undefined) {
    const found = ctx.deps.topics.index().bySlug(slug);
    // A link to a retired place is a link to nothing the reader can follow.
    const topic = found && ctx.deps.topics.index().live(found.id);
    if (topic) {
      if (!(await ensureCanManage(ctx))) return;
      const newcomer = ctx.deps.topics.subscriptionsOf(ctx.chat.id).length === 0;
      await replyHtml(ctx, subscribeAndConfirm(ctx, topic));
      // Someone who arrived by the link and followed nothing before is new here: say what else there is.
      if (ctx.chat.type === "private" && newcomer) {
        await replyHtml(ctx, ctx.t("welcome-after-link"));
      }
      return;
    }
    await replyHtml(ctx, ctx.t("start-link-unknown"));
  }
  const welcome = ctx.chat.type === "private" ? "welcome" : "welcome-group";
  let text = ctx.t(welcome, { name: ctx.from?.first_name ?? "" });
  // Telegram in neither Arabic nor English: say where the other language is.
  if (ctx.chat.type === "private" && !ctx.reader?.language && !languageFromCode(ctx.from?.language_code)) {
    text += `\n\n${ctx.t("welcome-language-hint")}`;
  }
  await replyHtml(ctx, text);
  await sendPicker(ctx);
});

startFeature.command("help", async (ctx) => {
  const lines = commandsFor(ctx.role).map((c) => `/${c} — ${ctx.t(`cmd-${c}`)}`);
  const intro = ctx.t(ctx.role === "reader" ? "help-intro" : `help-intro-${ctx.role}`);
  await replyHtml(ctx, `${intro}\n\n${lines.join("\n")}\n\n${ctx.t("help-outro")}`);
});
