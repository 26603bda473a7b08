// Articles as a numbered list for /latest and /search: each one the shared article entry (src/render/article.ts).

import type { Language } from "../../domain";
import { opening, renderArticle } from "../../render/article";
import type { ArticleRecord } from "../../store/articles";
import { isolateLatinRunsHtml } from "../../text/bidi";

/** How much of the body an entry without a link shows. */
const SNIPPET = 160;

/** One article as a list entry: linked title, then source, time and id (and a snippet when there is no link). */
function articleEntry(article: ArticleRecord, language: Language, timeZone: string): string {
  return renderArticle(article, {
    language,
    timeZone,
    layout: "entry",
    bold: true,
    withId: true,
    snippet: article.url ? undefined : opening(article.body.replace(/\s+/g, " "), SNIPPET),
  });
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
