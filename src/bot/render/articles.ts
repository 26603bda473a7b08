// Articles as a numbered list for /latest and /search: each one the shared article entry (src/render/article.ts).

import type { Language } from "../../domain";
import { opening, renderArticle, type Snippet } from "../../render/article";
import type { ArticleRecord } from "../../store/articles";
import { isolateLatinRunsHtml } from "../../text/bidi";

/** How much of the body an entry without a link shows. */
const SNIPPET = 160;

/**
 * One article as a list entry: linked title, then source, time and id, and a snippet: the one given (a search's
 * passage), else the opening when there is no link.
 */
function articleEntry(
  article: ArticleRecord,
  language: Language,
  timeZone: string,
  snippet: Snippet | undefined,
): string {
  return renderArticle(article, {
    language,
    timeZone,
    layout: "entry",
    bold: true,
    withId: true,
    snippet: snippet ?? (article.url ? undefined : opening(article.body.replace(/\s+/g, " "), SNIPPET)),
  });
}

/** A numbered list of entries; `note` may add a line (HTML) under an entry, `snippet` replace its snippet. */
export function articleList(
  articles: ArticleRecord[],
  language: Language,
  timeZone: string,
  first = 1,
  note: (article: ArticleRecord) => string | undefined = () => undefined,
  snippet: (article: ArticleRecord) => Snippet | undefined = () => undefined,
): string {
  const entry = (a: ArticleRecord) => {
    const card = articleEntry(a, language, timeZone, snippet(a));
    const extra = note(a);
    return extra ? `${card}\n${extra}` : card;
  };
  // Latin names and numbers inside Arabic titles keep their order, as in alerts and digests.
  return isolateLatinRunsHtml(articles.map((a, i) => `${first + i}. ${entry(a)}`).join("\n\n"));
}
