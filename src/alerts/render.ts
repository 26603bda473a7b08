// An alert as a reader sees it: a localized "Breaking" label and place, then the editor's words or the
// article (linked title, opening lines, source and time in the reader's zone). Everything from people or feeds
// is escaped; Latin runs inside Arabic lines are isolated; the result is split into Telegram-sized parts.

import type { Language } from "../domain";
import type { I18n } from "../i18n";
import { formatDateTime } from "../i18n/format";
import type { ArticleRecord } from "../store/articles";
import { isolateLatinRunsHtml } from "../text/bidi";
import { withoutBreakingPrefix } from "../text/breaking";
import { escapeHtml, isolate } from "../text/html";
import { splitMessage } from "../text/split";

/** How much of an article's body an alert shows (the link leads to the rest). */
const SNIPPET_CHARS = 400;

export interface AlertContent {
  /** The place or subject shown next to the label, already in the reader's language. */
  topicName?: string | undefined;
  /** The editor's words (a text alert). */
  text?: string | undefined;
  /** The article (an article alert). */
  article?: ArticleRecord | undefined;
  /** When a text alert was sent (shown in the reader's zone). */
  at: number;
}

function snippet(body: string): string {
  const chars = [...body.trim()];
  if (chars.length <= SNIPPET_CHARS) return chars.join("");
  const cut = chars.slice(0, SNIPPET_CHARS).join("");
  // End at a word boundary when one is near, so a word is not cut in half.
  const space = cut.lastIndexOf(" ");
  return `${space > SNIPPET_CHARS * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** The alert's Telegram-HTML parts for one reader's language and time zone. */
export function renderAlert(
  content: AlertContent,
  language: Language,
  timeZone: string,
  i18n: I18n,
): string[] {
  const label = i18n.t(language, "alert-label");
  const blocks = [content.topicName ? `${label} · ${escapeHtml(content.topicName)}` : label];
  const { article } = content;
  if (article) {
    const title = escapeHtml(withoutBreakingPrefix(article.title));
    blocks.push(article.url ? `<b><a href="${escapeHtml(article.url)}">${title}</a></b>` : `<b>${title}</b>`);
    if (article.body.trim() !== "") blocks.push(escapeHtml(snippet(article.body)));
    const meta = [
      article.source ? escapeHtml(article.source) : undefined,
      isolate(formatDateTime(article.sortAt, language, timeZone)),
    ].filter(Boolean);
    blocks.push(`<i>${meta.join(" · ")}</i>`);
  } else {
    blocks.push(escapeHtml((content.text ?? "").trim()));
    blocks.push(`<i>${isolate(formatDateTime(content.at, language, timeZone))}</i>`);
  }
  return splitMessage(isolateLatinRunsHtml(blocks.join("\n\n")));
}
