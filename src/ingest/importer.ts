// The importer: every source's articles pass here to be cleaned, deduplicated, tagged and stored.
import { createHash } from "node:crypto";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { ArticleOrigin, ArticleRecord } from "../store/articles";
import { inTimedTransactions } from "../store/db";
import { startsBreaking } from "../text/breaking";
import { detectLanguage } from "../text/language";
import { normalize } from "../text/normalize";
import type { TopicService } from "../topics/service";
import type { Topic } from "../topics/topic-index";
import { capLine } from "./limits";
import { type ArticleInput, IngestError } from "./types";
import { canonicalUrl } from "./url";

const MAX_BODY = 100_000;
/**
 * An import commits after this long of work and goes on in a new transaction: the longest another writer (the
 * bot, while `npm run cli -- import` runs) waits for the lock because of an import.
 */
export const IMPORT_TRANSACTION_MS = 50;

/** Where articles come from, for the record. */
export interface ImportOptions {
  origin: ArticleOrigin;
  feedId?: number | null;
  postedBy?: number | null;
  /** Used when an article names no source of its own. */
  source?: string | null;
}

/** One article after import: the stored row, its topics, and whether it is new. */
export interface ImportedArticle {
  article: ArticleRecord;
  topics: Topic[];
  created: boolean;
}

export class Importer {
  constructor(
    private readonly store: Store,
    private readonly topics: TopicService,
    private readonly clock: Clock,
  ) {}

  /** Imports one article (see importAll). */
  importOne(input: ArticleInput, options: ImportOptions): ImportedArticle {
    return this.importAll([input], options)[0] as ImportedArticle;
  }

  /**
   * Imports articles: all of them or, if one is invalid, none (every article is checked before the first is
   * written). An article already stored under the same guid, canonical URL or normalized content is not stored
   * again; it comes back with `created: false`. A large import commits every IMPORT_TRANSACTION_MS of work, so
   * the bot writing to the same file meanwhile (from another process) waits at most that long for the lock.
   */
  importAll(inputs: readonly ArticleInput[], options: ImportOptions): ImportedArticle[] {
    const titles = inputs.map((input, i) => {
      const title = capLine(input.title.replace(/\s+/g, " ").trim());
      if (title === "") throw new IngestError(`article ${i + 1} has no title`);
      return title;
    });
    const index = this.topics.index();
    const now = this.clock();
    const { articles } = this.store;
    return inTimedTransactions(this.store.db, IMPORT_TRANSACTION_MS, (checkpoint) =>
      inputs.map((input, i) => {
        checkpoint();
        const title = titles[i] as string;
        const body = input.body.trim().slice(0, MAX_BODY);
        const source = capLine(input.source?.trim() || options.source || "") || null;
        const url = input.url ? (canonicalUrl(input.url) ?? null) : null;
        const guidKey = input.guid ? `${source ?? ""}\u0000${input.guid}` : null;
        // Normalized and hashed only when guid and URL do not already find the article (a feed polled again).
        let normalized: { title: string; body: string; hash: string } | undefined;
        const normalizedText = () => {
          if (!normalized) {
            const t = normalize(title);
            const b = normalize(body);
            normalized = { title: t, body: b, hash: createHash("sha256").update(`${t}\n${b}`).digest("hex") };
          }
          return normalized;
        };

        const existing = articles.findDuplicate({ guidKey, url, contentHash: () => normalizedText().hash });
        if (existing !== undefined) {
          return {
            article: articles.get(existing) as ArticleRecord,
            topics: this.topics.topicsOfArticle(existing),
            created: false,
          };
        }

        const { title: normalizedTitle, body: normalizedBody, hash: contentHash } = normalizedText();
        const searchText = `${normalizedTitle} ${normalizedBody}`.trim();
        const topics = index.tagWords(searchText === "" ? [] : searchText.split(" "));
        const publishedAt =
          input.publishedAt !== undefined && Number.isFinite(input.publishedAt) ? input.publishedAt : null;
        const id = articles.insert({
          title,
          body,
          url,
          guidKey,
          source,
          author: capLine(input.author?.trim() ?? "") || null,
          language: detectLanguage(`${title}\n${body}`),
          contentHash,
          breaking: startsBreaking(normalizedTitle),
          origin: options.origin,
          feedId: options.feedId ?? null,
          postedBy: options.postedBy ?? null,
          publishedAt,
          ingestedAt: now,
          // A date in the future (a wrong clock at the source) must not pin an article to the top.
          sortAt: publishedAt !== null && publishedAt <= now ? publishedAt : now,
          searchText,
          topicIds: topics.map((t) => t.id),
        });
        return { article: articles.get(id) as ArticleRecord, topics, created: true };
      }),
    );
  }

  /**
   * Tags again the articles ingested since a time, after topics or aliases changed, so recent news
   * reaches the new topic too. Returns how many articles' tags changed.
   */
  retagSince(since: number): number {
    const index = this.topics.index();
    const { articles } = this.store;
    return articles.transaction(() => {
      let changed = 0;
      for (const { id, searchText } of articles.searchTextsSince(since)) {
        const next = index.tagWords(searchText === "" ? [] : searchText.split(" ")).map((t) => t.id);
        const current = articles.topicIds(id);
        if (next.length !== current.length || next.some((t) => !current.includes(t))) {
          articles.setTopics(id, next);
          changed++;
        }
      }
      return changed;
    });
  }
}
