// Articles as Telegram HTML for readers: linked title, source, local time; everything escaped.

import type { Language } from "../../domain";
import { formatDateTime } from "../../i18n/format";
import type { ArticleRecord } from "../../store/articles";
import { isolateLatinRunsHtml } from "../../text/bidi";
import { escapeHtml, isolate } from "../../text/html";

const SNIPPET = 160;

/** One article as a list entry: linked title, then source and time (and a snippet when there is no link). */
export function articleEntry(article: ArticleRecord, language: Language, timeZone: string): string {
  const title = escapeHtml(article.title);
  const heading = article.url
    ? `<b><a href="${escapeHtml(article.url)}">${title}</a></b>`
    : `<b>${title}</b>`;
  const meta = [
    article.source ? escapeHtml(article.source) : undefined,
    isolate(formatDateTime(article.sortAt, language, timeZone)),
    isolate(`#${article.id}`),
  ]
    .filter(Boolean)
    .join(" · ");
  const lines = [heading, `<i>${meta}</i>`];
  if (!article.url && article.body) {
    const chars = [...article.body.replace(/\s+/g, " ").trim()];
    lines.push(escapeHtml(chars.length > SNIPPET ? `${chars.slice(0, SNIPPET).join("")}…` : chars.join("")));
  }
  return lines.join("\n");
}

/** A numbered list of entries; `note` may add a line (HTML) under an entry. */
export function articleList(
  articles: ArticleRecord[],
  language: Language,
  timeZone: string,
  first = 1,
  note: (article: ArticleRecord) => string | undefined = () => undefined,
): string {
  const entry = (a: ArticleRecord) => {
    const extra = note(a);
    return extra ? `${articleEntry(a, language, timeZone)}\n${extra}` : articleEntry(a, language, timeZone);
  };
  // Latin names and numbers inside Arabic titles keep their order, as in alerts and digests.
  return isolateLatinRunsHtml(articles.map((a, i) => `${first + i}. ${entry(a)}`).join("\n\n"));
}
