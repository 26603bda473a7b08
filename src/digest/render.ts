// Rendering a digest's recipe (src/text/message.ts, DigestRecipe): its heading, each group under its place or
// watched word, the entries, «…and N more», packed into Telegram-sized messages; led by a picture when its newest
// story has one. A run stores recipes, not HTML (issue 16: ~150 bytes a reader instead of ~4 KB, and no HTML
// garbage for V8 to collect while the run goes on); the sender renders each as it claims the row, the previews
// render the same recipe at once. What readers with the same place and zone share is rendered once: each
// article's entry per language × zone × digest time, and the headings.
import type { Clock } from "../clock";
import type { Language } from "../domain";
import type { I18n } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { getOrInsert } from "../maps";
import { renderArticle } from "../render/article";
import type { DigestArticle } from "../store/digests";
import { isolateLatinRunsHtml } from "../text/bidi";
import { measureHtml } from "../text/html";
import { type DigestRecipe, type Message, photoMessage } from "../text/message";
import { MAX_ENTITIES, MESSAGE_LIMIT, splitMessage } from "../text/split";
import type { TopicIndex } from "../topics/topic-index";

/**
 * How long a long-lived renderer (the sender's) keeps articles and entries: an article an editor edits or deletes
 * reads as it is now in the digests sent a minute later at most.
 */
export const RENDER_CACHE_MS = 60_000;
/** Articles a renderer keeps at most (a run reads ~1,000; a week's backlog a few thousand). */
const ARTICLES_KEPT = 20_000;

export interface RendererOptions {
  /** The topic index now (a renamed place's digests say its new name). */
  index: () => TopicIndex;
  i18n: I18n;
  /** The articles with these ids that still exist (an article deleted since the run is absent). */
  articles: (ids: readonly number[]) => ReadonlyMap<number, DigestArticle>;
  /** An article's deep link, once the bot's username is known: entries without a link of their own offer it. */
  readLink?: (() => ((articleId: number) => string) | undefined) | undefined;
  /** A long-lived renderer forgets what it read after RENDER_CACHE_MS of this clock (absent: never). */
  clock?: Clock | undefined;
}

interface Entry {
  html: string;
  /** Visible length, as Telegram counts it (UTF-16 units). */
  length: number;
  entities: number;
}

function measure(html: string): Entry {
  return { html, ...measureHtml(html) };
}

export class DigestRenderer {
  private articles = new Map<number, DigestArticle | null>();
  /** Entries by `language|zone|digest time`, then by article id. */
  private entries = new Map<string, Map<number, Entry>>();
  private labels = new Map<string, Entry>();
  private since: number;

  constructor(private readonly options: RendererOptions) {
    this.since = options.clock?.() ?? 0;
  }

  /** The recipe's messages, or undefined when none of its articles is left (all deleted since the run). */
  render(recipe: DigestRecipe): Message | undefined {
    this.expire();
    const { i18n, index } = this.options;
    const { language, timeZone, at } = recipe;
    const known = this.load(recipe);
    const entries = getOrInsert(this.entries, `${language}|${timeZone}|${at}`, () => new Map());
    const topics = index();
    const packer = new Packer();
    let lead: DigestArticle | undefined;
    for (const group of recipe.groups) {
      const articles = group.articles
        .map((id) => known.get(id))
        .filter((a): a is DigestArticle => a !== undefined && a !== null);
      if (articles.length === 0) continue;
      if (!lead) {
        lead = articles[0] as DigestArticle;
        packer.push(
          this.label(`h|${language}|${timeZone}|${at}`, () =>
            i18n.t(language, "digest-heading", { when: formatDateTime(at, language, timeZone) }),
          ),
          "",
        );
      }
      const watched = "phrase" in group;
      const topic = watched ? undefined : topics.get(group.topic);
      // A topic the index no longer knows (cannot happen today: topics are retired, never deleted) is shown under
      // the digest's own heading rather than under an empty name.
      const name = watched ? group.phrase : topic ? topics.name(topic, language) : undefined;
      // A watched word's group says it came for the word («🔎 كلمة تتابعها: «انقطاع المياه»»).
      const kind = watched ? "w" : "t";
      const heading =
        name === undefined
          ? undefined
          : this.label(`${kind}|${language}|${name}`, () =>
              watched
                ? i18n.t(language, "digest-watched", { phrase: name })
                : i18n.t(language, "digest-topic", { topic: name }),
            );
      articles.forEach((article, k) => {
        const entry = getOrInsert(entries, article.id, () => this.entry(article, language, timeZone, at));
        if (heading === undefined) {
          if (!packer.fits(entry, "\n\n")) packer.flush();
          packer.push(entry, "\n\n");
        } else if (k === 0) {
          // A group's heading never ends a message: it moves to the next one with its first item.
          if (!packer.fits(combine(heading, "\n", entry), "\n\n")) packer.flush();
          packer.push(heading, "\n\n");
          packer.push(entry, "\n");
        } else if (packer.fits(entry, "\n\n")) {
          packer.push(entry, "\n\n");
        } else {
          // A message that starts inside a group repeats its heading, so each one reads on its own.
          packer.flush();
          packer.push(
            this.label(`c${kind}|${language}|${name}`, () =>
              watched
                ? i18n.t(language, "digest-watched-continued", { phrase: name ?? "" })
                : i18n.t(language, "digest-topic-continued", { topic: name ?? "" }),
            ),
            "",
          );
          packer.push(entry, "\n");
        }
      });
    }
    if (!lead) return undefined;
    if (recipe.more > 0) {
      const line = this.label(`m|${language}|${recipe.more}`, () =>
        i18n.t(language, "digest-more", { count: recipe.more }),
      );
      if (!packer.fits(line, "\n\n")) packer.flush();
      packer.push(line, "\n\n");
    }
    packer.flush();
    // An entry longer than a message on its own (a title of thousands of characters) is split by the splitter.
    const parts = packer.parts.flatMap((p, i) =>
      (packer.lengths[i] as number) > MESSAGE_LIMIT ? splitMessage(p) : [p],
    );
    // Led by a story with a picture: the digest's first message is that photo, as much of the text as its caption
    // holds, the rest after it (the digest stays the same text).
    return lead.image ? photoMessage(parts.join("\n\n"), lead.image) : { kind: "text", parts };
  }

  /** The recipe's articles: those already read, and the others in one lookup (null: gone). */
  private load(recipe: DigestRecipe): ReadonlyMap<number, DigestArticle | null> {
    const ids = recipe.groups.flatMap((g) => g.articles);
    let missing = ids.filter((id) => !this.articles.has(id));
    if (missing.length > 0) {
      // Full: start over, and read all of this recipe's articles (those kept before are forgotten too).
      if (this.articles.size + missing.length > ARTICLES_KEPT) {
        this.forget();
        missing = ids;
      }
      const found = this.options.articles(missing);
      for (const id of missing) this.articles.set(id, found.get(id) ?? null);
    }
    return this.articles;
  }

  private entry(article: DigestArticle, language: Language, timeZone: string, at: number): Entry {
    const link = article.url ? undefined : this.options.readLink?.()?.(article.id);
    const card = renderArticle(article, {
      language,
      timeZone,
      layout: "entry",
      near: at,
      read: link ? { href: link, label: this.options.i18n.plain(language, "read-full") } : undefined,
    });
    return measure(isolateLatinRunsHtml(`• ${card}`));
  }

  /** A heading or line shared by many digests, measured once. */
  private label(key: string, make: () => string): Entry {
    return getOrInsert(this.labels, key, () => measure(make()));
  }

  private expire(): void {
    const now = this.options.clock?.();
    if (now !== undefined && now - this.since > RENDER_CACHE_MS) this.forget(now);
  }

  private forget(now = this.options.clock?.() ?? 0): void {
    this.articles = new Map();
    this.entries = new Map();
    this.labels = new Map();
    this.since = now;
  }
}

function combine(a: Entry, separator: string, b: Entry): Entry {
  return {
    html: a.html + separator + b.html,
    length: a.length + separator.length + b.length,
    entities: a.entities + b.entities,
  };
}

/** Fills messages block by block, within Telegram's limits on visible length and entities. */
class Packer {
  readonly parts: string[] = [];
  /** Visible length of each part. */
  readonly lengths: number[] = [];
  private html = "";
  private length = 0;
  private entities = 0;

  fits(block: Entry, separator: string): boolean {
    return (
      this.html === "" ||
      (this.length + separator.length + block.length <= MESSAGE_LIMIT &&
        this.entities + block.entities <= MAX_ENTITIES)
    );
  }

  push(block: Entry, separator: string): void {
    if (this.html !== "") {
      this.html += separator;
      this.length += separator.length;
    }
    this.html += block.html;
    this.length += block.length;
    this.entities += block.entities;
  }

  flush(): void {
    if (this.html !== "") {
      this.parts.push(this.html);
      this.lengths.push(this.length);
    }
    this.html = "";
    this.length = 0;
    this.entities = 0;
  }
}
