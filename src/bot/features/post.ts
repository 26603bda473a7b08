// Editors' /post: the text after the command becomes an article (first line the title, a line that
// is only a URL the link), tagged and stored; the reply gives its #id and topics.
import { Composer, InlineKeyboard } from "grammy";
import type { ArticleInput } from "../../ingest/types";
import { breakingAlert } from "../callback-data";
import type { NashraContext } from "../context";
import { requireRole } from "../guards";
import { replyHtml } from "../reply";
import { articleLink } from "../views/read";

const URL_LINE = /^https?:\/\/\S+$/i;

/** The article in a /post message, or undefined when it has no title. */
export function parsePost(text: string, commandLength: number): ArticleInput | undefined {
  const lines = text.slice(commandLength).split(/\r?\n/);
  let url: string | undefined;
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (url === undefined && URL_LINE.test(trimmed)) url = trimmed;
    else kept.push(line);
  }
  const titleAt = kept.findIndex((l) => l.trim() !== "");
  if (titleAt < 0) return undefined;
  const title = (kept[titleAt] as string).trim();
  const body = kept
    .slice(titleAt + 1)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { title, body, ...(url ? { url } : {}) };
}

export const postFeature = new Composer<NashraContext>();

postFeature.command("post", requireRole("editor"), async (ctx) => {
  const text = ctx.msg.text ?? "";
  const entity = ctx.msg.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  const input = parsePost(text, entity?.length ?? 0);
  if (!input) {
    await replyHtml(ctx, ctx.t("post-usage"));
    return;
  }
  const { importer, topics } = ctx.deps;
  const {
    article,
    topics: tagged,
    created,
  } = importer.importOne(input, {
    origin: "post",
    // Never the editor's own Telegram name: readers see the source, and reporters' safety comes first.
    postedBy: ctx.from?.id ?? null,
  });
  const index = topics.index();
  const names = tagged.map((t) => index.name(t, ctx.language)).join(ctx.language === "ar" ? "، " : ", ");
  const lines = [
    ctx.t(created ? "post-stored" : "post-duplicate", { id: `#${article.id}` }),
    names ? ctx.t("post-topics", { topics: names }) : ctx.t("post-no-topics"),
  ];
  // Without a link of its own, readers read it in the bot: the editor gets the link to share.
  if (created && !article.url) lines.push(ctx.t("post-read-link", { url: articleLink(ctx, article.id) }));
  await replyHtml(ctx, lines.join("\n"));
  // «عاجل» / BREAKING with places to alert: the alert is one tap away (its preview, then Send).
  if (created && article.breaking && tagged.length > 0 && ctx.chat.type === "private") {
    const keyboard = new InlineKeyboard().text(
      ctx.tp("button-breaking-alert", { id: `#${article.id}` }),
      breakingAlert.pack({ article: article.id }),
    );
    await replyHtml(ctx, ctx.t("post-breaking-offer"), keyboard);
  }
});
