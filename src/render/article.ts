// One article as readers see it, wherever it appears (an alert, a digest, /latest, /search): its linked title,
// an optional snippet (an opening, or a matched passage with the words in bold), and the "source · time" line in
// the reader's language and zone. Everything from people or feeds is escaped here. Callers put the card into
// their message and isolate Latin runs once over the whole (isolateLatinRunsHtml).

import type { Language } from "../domain";
import { formatDateTime, formatNear } from "../i18n/format";
import { escapeHtml, isolate } from "../text/html";

/** What a card shows of an article. */
export interface ArticleFacts {
  id: number;
  title: string;
  url: string | null;
  source: string | null;
  /** Its publication time. */
  sortAt: number;
}

/** A run of a snippet; `match` runs (a search's words) are shown in bold. */
export interface SnippetRun {
  text: string;
  match?: boolean;
}

/** Plain text shown with the title: an opening, or a passage as runs (a search's match). */
export type Snippet = string | readonly SnippetRun[];

export interface CardOptions {
  language: Language;
  timeZone: string;
  /**
   * "card": title, snippet and the source line as paragraphs (an alert). "entry": the source line right under
   * the title, then the snippet (lists: digests, /latest, /search).
   */
  layout: "card" | "entry";
  /** The title in bold (alerts, lists); digests keep titles plain under bold group headings. */
  bold?: boolean;
  /** Times short, relative to this reference ("09:15" that day): a digest's own time. Default: date and time. */
  near?: number | undefined;
  /** "#17" after the time, for lists a reader picks articles from (/alert 17). */
  withId?: boolean;
  /** Omitted or empty: no snippet. */
  snippet?: Snippet | undefined;
  /** The title as shown, when it differs from the stored one (an alert drops its "عاجل |" prefix). */
  title?: string;
  /**
   * A line that opens the whole article in the bot (its deep link, `readLink`): for articles without a link,
   * where a card shows only the opening lines. `label` is the reader's «📖 اقرأ المقال كاملًا».
   */
  read?: { href: string; label: string } | undefined;
}

/** The deep-link payload that opens an article in the bot: `a_17`. */
export const READ_PAYLOAD = /^a_(\d{1,15})$/;

/** The link that opens an article's whole text in a private chat with the bot (`/start a_17`). */
export function readLink(botUsername: string, articleId: number): string {
  return `https://t.me/${botUsername}?start=a_${articleId}`;
}

/** The Telegram HTML of one article. */
export function renderArticle(article: ArticleFacts, options: CardOptions): string {
  const { language, timeZone } = options;
  const title = escapeHtml(options.title ?? article.title);
  const linked = article.url ? `<a href="${escapeHtml(article.url)}">${title}</a>` : title;
  const heading = options.bold ? `<b>${linked}</b>` : linked;
  const time =
    options.near === undefined
      ? formatDateTime(article.sortAt, language, timeZone)
      : formatNear(article.sortAt, options.near, language, timeZone);
  const meta = [
    article.source ? escapeHtml(article.source) : undefined,
    isolate(time),
    options.withId ? isolate(`#${article.id}`) : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  const source = `<i>${meta}</i>`;
  const snippet = options.snippet === undefined ? "" : snippetHtml(options.snippet);
  const read = options.read
    ? `<a href="${escapeHtml(options.read.href)}">${escapeHtml(options.read.label)}</a>`
    : "";
  const blocks =
    options.layout === "card" ? [heading, snippet, source, read] : [heading, source, snippet, read];
  return blocks.filter((b) => b !== "").join(options.layout === "card" ? "\n\n" : "\n");
}

function snippetHtml(snippet: Snippet): string {
  if (typeof snippet === "string") return escapeHtml(snippet.trim());
  return snippet
    .map((run) => (run.match ? `<b>${escapeHtml(run.text)}</b>` : escapeHtml(run.text)))
    .join("")
    .trim();
}

/**
 * The first `chars` characters of a text (code points), ending at a word boundary when one is near, with "…"
 * when something was cut: an alert's opening lines, a list entry's hint of an article without a link.
 */
export function opening(text: string, chars: number): string {
  const all = [...text.trim()];
  if (all.length <= chars) return all.join("");
  const cut = all.slice(0, chars).join("");
  // End at a word boundary when one is near, so a word is not cut in half.
  const space = cut.lastIndexOf(" ");
  return `${space > chars * 0.8 ? cut.slice(0, space) : cut}…`;
}
