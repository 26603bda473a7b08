// An alert as a reader sees it: a localized "Breaking" label and place, then the editor's words or the
// article's card (linked title, opening lines, source and time in the reader's zone). Everything from people or
// feeds is escaped; Latin runs inside Arabic lines are isolated; the text is split into Telegram-sized parts.

import type { Language } from "../domain";
import type { I18n } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { opening, renderArticle } from "../render/article";
import type { ArticleRecord } from "../store/articles";
import { isolateLatinRunsHtml } from "../text/bidi";
import { withoutBreakingPrefix } from "../text/breaking";
import { escapeHtml, isolate } from "../text/html";
import { type PhotoMessage, photoMessage, type TextMessage, textMessage } from "../text/message";

/** How much of an article's body an alert shows (the link leads to the rest). */
const SNIPPET_CHARS = 400;

export interface AlertContent {
  /** The place or subject shown next to the label, already in the reader's language. */
  topicName?: string | undefined;
  /** The watched word that brought the alert to a reader who follows none of its places. */
  watched?: string | undefined;
  /** The editor's words (a text alert). */
  text?: string | undefined;
  /** The article (an article alert). */
  article?: ArticleRecord | undefined;
  /** When a text alert was sent (shown in the reader's zone). */
  at: number;
  /**
   * The article's deep link (`readLink` of src/render/article.ts), for an article without a link of its own: the
   * alert shows its opening lines, and «📖 اقرأ المقال كاملًا» under them opens the whole text in the bot.
   */
  readLink?: string | undefined;
  /**
   * The picture (a text alert's photo, else the article's): the alert goes as that photo with the text as its
   * caption, the rest of a long text after it (docs/delivery.md, "Photos").
   */
  photo?: string | undefined;
}

/** The alert's message for one reader's language and time zone. */
export function renderAlert(
  content: AlertContent,
  language: Language,
  timeZone: string,
  i18n: I18n,
): TextMessage | PhotoMessage {
  const label = i18n.t(language, "alert-label");
  const blocks = [content.topicName ? `${label} · ${escapeHtml(content.topicName)}` : label];
  if (content.watched) blocks[0] += `\n${i18n.t(language, "alert-watched", { phrase: content.watched })}`;
  const { article } = content;
  if (article) {
    blocks.push(
      renderArticle(article, {
        language,
        timeZone,
        layout: "card",
        bold: true,
        title: withoutBreakingPrefix(article.title),
        snippet: opening(article.body, SNIPPET_CHARS),
        read:
          content.readLink && !article.url
            ? { href: content.readLink, label: i18n.plain(language, "read-full") }
            : undefined,
      }),
    );
  } else {
    blocks.push(escapeHtml((content.text ?? "").trim()));
    blocks.push(`<i>${isolate(formatDateTime(content.at, language, timeZone))}</i>`);
  }
  const html = isolateLatinRunsHtml(blocks.join("\n\n"));
  return content.photo ? photoMessage(html, content.photo) : textMessage(html);
}
