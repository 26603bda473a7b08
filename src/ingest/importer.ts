// The importer: every source's articles pass here to be cleaned, deduplicated, tagged and stored.
import { createHash } from "node:crypto";
import type { Clock } from "../clock";
import type { Store } from "../store";
import type { ArticleOrigin, ArticleRecord, ArticleTag, TopicChoice } from "../store/articles";
import { inTimedTransactions } from "../store/db";
import { startsBreaking } from "../text/breaking";
import { detectLanguage } from "../text/language";
import { normalize, words } from "../text/normalize";
import { indexText } from "../text/stem";
import type { TopicService } from "../topics/service";
import type { ArticleWords, Topic, TopicIndex, TopicTag } from "../topics/topic-index";
import { capLine, cleanBody, cleanTitle } from "./limits";
import { findNearDuplicate, fingerprint } from "./near-duplicate";
import { type ArticleInput, IngestError } from "./types";
import { canonicalUrl } from "./url";

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
  /** The editor's message a /post came from: its edits update the article (a new article only). */
  postMessage?: { chatId: number; messageId: number };
}

/** One article after import: the stored row, its topics, and whether it is new. */
export interface ImportedArticle {
  article: ArticleRecord;
  /** The topics it is about (what routes it to readers), the most salient first. */
  topics: Topic[];
  /** Every topic it names, about or mentioned, with the score (docs/salience.md); about first, then by score. */
  tags: TopicTag[];
  created: boolean;
  /** Not new, and an editor deleted the stored one: it stays deleted (nothing is sent again). */
  deleted?: true;
  /** Not new: the same story was stored already under another text (its containment, 0–1; see near-duplicate.ts). */
  nearDuplicate?: number;
}

/**
 * An article's words as tagging reads them: the normalized title first (it starts `tokens`, the normalized title
 * and body), then the lead: the body's first line, at most as many words as salience.json's `leadWords`.
 */
function articleWords(tokens: readonly string[], normalizedTitle: string, body: string): ArticleWords {
  const titleEnd = normalizedTitle === "" ? 0 : normalizedTitle.split(" ").length;
  const firstLine = body.trimStart().split("\n", 1)[0] ?? "";
  return { tokens, titleEnd, leadEnd: titleEnd + words(firstLine.slice(0, LEAD_CHARS)).length };
}

/**
 * The machine's tags with an editor's choices applied: a topic kept off is dropped, a topic kept as about or as
 * a mention is so (added, without a score, when the machine does not find it).
 */
export function withChoices(tags: readonly ArticleTag[], choices: readonly TopicChoice[]): ArticleTag[] {
  if (choices.length === 0) return [...tags];
  const chosen = new Map(choices.map((c) => [c.topicId, c.about]));
  const kept = tags.flatMap((t) => {
    if (!chosen.has(t.topicId)) return [t];
    const about = chosen.get(t.topicId);
    return about === null || about === undefined ? [] : [{ ...t, about }];
  });
  const have = new Set(kept.map((t) => t.topicId));
  for (const c of choices) {
    if (c.about !== null && !have.has(c.topicId) && !tags.some((t) => t.topicId === c.topicId))
      kept.push({ topicId: c.topicId, about: c.about, score: null });
  }
  return kept;
}

/**
 * A retired topic's tags stay as they are (/retiretopic: its old articles keep it): tagging again neither adds
 * one nor takes one off, whatever the machine or an old choice says.
 */
function keepRetired(
  next: readonly ArticleTag[],
  current: readonly ArticleTag[],
  index: TopicIndex,
): ArticleTag[] {
  const retired = (t: ArticleTag) => (index.get(t.topicId)?.retiredAt ?? null) !== null;
  return [...next.filter((t) => !retired(t)), ...current.filter(retired)];
}

/** Tags as stored ones come back: those the article is about first, then by score (the most salient first). */
const bySalience = (a: TopicTag, b: TopicTag) =>
  Number(b.about) - Number(a.about) || b.score - a.score || a.topic.id - b.topic.id;

/** Longer than any URL or file_id worth keeping: a picture given by a longer one is left out. */
const MAX_IMAGE_LENGTH = 2048;

/**
 * An article's picture as stored: an http(s) URL (canonicalized without dropping its query: an image server may need
 * it) or a Telegram file_id (letters, digits, - and _); anything else is left out (the article is kept).
 */
export function imageOf(image: string | undefined): string | null {
  const value = image?.trim() ?? "";
  if (value === "" || value.length > MAX_IMAGE_LENGTH) return null;
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }
  return /^[A-Za-z0-9_-]+$/.test(value) ? value : null;
}

/** More than the longest lead salience.json may ask for, in characters: a body of one huge line costs no more. */
const LEAD_CHARS = 2000;

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
      const title = cleanTitle(input.title);
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
        const body = cleanBody(input.body);
        const source = capLine(input.source?.trim() || options.source || "") || null;
        const url = input.url ? (canonicalUrl(input.url) ?? null) : null;
        const guidKey = input.guid ? `${source ?? ""}\u0000${input.guid}` : null;
        // Normalized and hashed only when guid and URL do not already find the article (a feed polled again).
        let normalized: { title: string; body: string; hash: string } | undefined;
        const { prepared } = input;
        const normalizedText = () => {
          if (!normalized) {
            const t = prepared?.normalizedTitle ?? normalize(title);
            const b = prepared?.normalizedBody ?? normalize(body);
            normalized = { title: t, body: b, hash: createHash("sha256").update(`${t}\n${b}`).digest("hex") };
          }
          return normalized;
        };

        const existing = articles.findDuplicate({ guidKey, url, contentHash: () => normalizedText().hash });
        if (existing !== undefined) return this.known(existing);

        const { title: normalizedTitle, body: normalizedBody, hash: contentHash } = normalizedText();
        const searchText = `${normalizedTitle} ${normalizedBody}`.trim();
        const tokens = searchText === "" ? [] : searchText.split(" ");
        const { keys, match: near } = findNearDuplicate(
          articles,
          prepared?.fingerprint ?? fingerprint(normalizedTitle, normalizedBody),
        );
        if (near) {
          articles.addSource(
            near.id,
            {
              origin: options.origin,
              feedId: options.feedId ?? null,
              source,
              url,
              guidKey,
              similarity: near.similarity,
            },
            now,
          );
          return { ...this.known(near.id), nearDuplicate: near.similarity };
        }
        const tags = index.tagArticle(articleWords(tokens, normalizedTitle, body)).sort(bySalience);
        const publishedAt =
          input.publishedAt !== undefined && Number.isFinite(input.publishedAt) ? input.publishedAt : null;
        const id = articles.insert({
          title,
          body,
          url,
          guidKey,
          source,
          author: capLine(input.author?.trim() ?? "") || null,
          language: prepared?.language ?? detectLanguage(`${title}\n${body}`),
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
          image: imageOf(input.image),
          searchTitle: prepared?.searchTitle ?? indexText(normalizedTitle),
          searchBody: prepared?.searchBody ?? indexText(normalizedBody),
          tags: tags.map((t) => ({ topicId: t.topic.id, about: t.about, score: t.score })),
          keys,
        });
        if (options.postMessage)
          articles.setPostMessage(id, options.postMessage.chatId, options.postMessage.messageId);
        const topics = tags.flatMap((t) => (t.about ? [t.topic] : []));
        return { article: articles.get(id) as ArticleRecord, topics, tags, created: true };
      }),
    );
  }

  /**
   * An editor edited the message a /post came from: the article takes the new title, body and link (and picture,
   * when one is given), its search index entry and near-duplicate keys follow, and it is tagged again (editors'
   * topic choices kept). Recorded as the editor's change. "unchanged" when the text is the same; "duplicate" when
   * it is now the text of another stored article (then nothing changes); undefined when the article is not live.
   */
  rewrite(
    articleId: number,
    input: ArticleInput,
    by: { id: number; name: string },
  ): ImportedArticle | { outcome: "unchanged" } | { outcome: "duplicate"; id: number } | undefined {
    const { articles } = this.store;
    const stored = articles.get(articleId);
    if (!stored) return undefined;
    const title = cleanTitle(input.title);
    if (title === "") throw new IngestError("article 1 has no title");
    const body = cleanBody(input.body);
    const url = input.url ? (canonicalUrl(input.url) ?? null) : null;
    const image = input.image === undefined ? (stored.image ?? null) : imageOf(input.image);
    if (
      title === stored.title &&
      body === stored.body &&
      url === stored.url &&
      image === (stored.image ?? null)
    )
      return { outcome: "unchanged" };
    const normalizedTitle = normalize(title);
    const normalizedBody = normalize(body);
    const contentHash = createHash("sha256").update(`${normalizedTitle}\n${normalizedBody}`).digest("hex");
    // Another article's text or link: the unique index on links would refuse the update.
    const other = articles.findDuplicate({ guidKey: null, url, contentHash: () => contentHash }, articleId);
    if (other !== undefined) return { outcome: "duplicate", id: other };
    const searchText = `${normalizedTitle} ${normalizedBody}`.trim();
    const tokens = searchText === "" ? [] : searchText.split(" ");
    const index = this.topics.index();
    return articles.transaction(() => {
      articles.updateText(articleId, {
        title,
        body,
        url,
        language: detectLanguage(`${title}\n${body}`),
        breaking: startsBreaking(normalizedTitle),
        contentHash,
        searchText,
        searchTitle: indexText(normalizedTitle),
        searchBody: indexText(normalizedBody),
        keys: fingerprint(normalizedTitle, normalizedBody).keys,
      });
      if (image !== (stored.image ?? null)) articles.setImage(articleId, image);
      const machine = index
        .tagArticle(articleWords(tokens, normalizedTitle, body))
        .map((t) => ({ topicId: t.topic.id, about: t.about, score: t.score }));
      articles.setTags(
        articleId,
        keepRetired(withChoices(machine, articles.choices(articleId)), articles.tags(articleId), index),
      );
      articles.recordChange(articleId, by.id, this.clock(), { kind: "edit-text", by: by.name });
      return this.known(articleId);
    });
  }

  /** An article already stored, as an import's result. */
  private known(id: number): ImportedArticle {
    const index = this.topics.index();
    const tags = this.store.articles.tags(id).flatMap((t) => {
      const topic = index.get(t.topicId);
      return topic ? [{ topic, about: t.about, score: t.score ?? 0 }] : [];
    });
    const deleted = this.store.articles.state(id) === "deleted";
    return {
      article: this.store.articles.stored(id) as ArticleRecord,
      topics: tags.flatMap((t) => (t.about ? [t.topic] : [])),
      tags,
      created: false,
      ...(deleted ? { deleted: true as const } : {}),
    };
  }

  /**
   * Tags again the articles ingested since a time, after topics or aliases changed, so recent news
   * reaches the new topic too. What an editor decided about an article's topics (/article) is applied over
   * the machine's tags, so it survives (docs/salience.md, "Editors' choices"). Returns how many articles' tags
   * changed.
   */
  retagSince(since: number): number {
    const index = this.topics.index();
    const { articles } = this.store;
    return articles.transaction(() => {
      let changed = 0;
      const choices = articles.choicesSince(since);
      for (const { id, title, body, searchText } of articles.textsSince(since)) {
        const tokens = searchText === "" ? [] : searchText.split(" ");
        const machine = index
          .tagArticle(articleWords(tokens, normalize(title), body))
          .map((t) => ({ topicId: t.topic.id, about: t.about, score: t.score }));
        const tags = articles.tags(id);
        const next = keepRetired(withChoices(machine, choices.get(id) ?? []), tags, index);
        const current = new Map(tags.map((t) => [t.topicId, t]));
        if (next.length !== current.size || next.some((t) => current.get(t.topicId)?.about !== t.about)) {
          articles.setTags(id, next);
          changed++;
        }
      }
      return changed;
    });
  }
}
