// Editors fixing what the machine decided about an article (/article): its topics (removed, added, switched
// between about and mention) and the article itself (deleted). Every change is recorded with who made it and
// when; topic choices are kept apart too, so re-tagging applies them again (docs/salience.md, "Editors' choices").
import type { Clock } from "../clock";
import { type InputAt, PendingInputs } from "../readers/pending-inputs";
import type { Store } from "../store";
import type { ArticleRecord } from "../store/articles";
import type { TopicService } from "../topics/service";
import type { Topic } from "../topics/topic-index";

/** Who made a change: the Telegram user, and the name the change log shows. */
export interface ArticleEditorUser {
  id: number;
  name: string;
}

/** A change to an article, as recorded in `article_changes.change`. */
export type ArticleChange =
  | { kind: "remove-topic"; topic: number; by: string }
  | { kind: "add-topic"; topic: number; about: boolean; by: string }
  | { kind: "set-about"; topic: number; about: boolean; by: string }
  | { kind: "delete"; by: string }
  /** The editor edited the message of the /post: new title, body or link (Importer.rewrite). */
  | { kind: "edit-text"; by: string };

/** One topic of an article as editors see it. */
export interface ArticleTopicView {
  topic: Topic;
  about: boolean;
  /** The salience score (docs/salience.md); null for a topic an editor added or one tagged before scores. */
  score: number | null;
  /** An editor decided it (re-tagging keeps it so). */
  chosen: boolean;
}

export interface ArticleChangeView {
  at: number;
  userId: number | null;
  change: ArticleChange;
}

export interface ArticleView {
  article: ArticleRecord;
  /** About first, the most salient first. */
  topics: ArticleTopicView[];
  /** The latest changes, newest first. */
  changes: ArticleChangeView[];
}

/** What a change came to. */
export type EditOutcome = "done" | "unchanged" | "unknown";

/** How many changes /article lists. */
export const CHANGES_SHOWN = 5;

/** How long a «➕» waits for the editor to type the place's name. */
const QUESTION_MS = 10 * 60_000;

/** An editor in a chat (a «➕» question is theirs there). */
export type Asker = InputAt;

/** A «➕» question: the article, and the message of the view it was pressed on (that view's buttons go after). */
export interface TopicQuestion {
  article: number;
  view?: number;
}

export class ArticleEditor {
  /** Editors asked for a place's name after «➕» (PendingInputs, "article-topic": kept across a restart). */
  private readonly questions: PendingInputs;

  constructor(
    private readonly store: Store,
    private readonly topics: TopicService,
    private readonly clock: Clock,
  ) {
    this.questions = new PendingInputs(store, clock);
  }

  /** The editor pressed «➕» on an article: their next plain message in that chat names the place. */
  askTopic(asker: Asker, question: TopicQuestion): void {
    this.questions.ask(asker, "article-topic", question, QUESTION_MS);
  }

  /** An editor's open «➕» question, if it has not expired. */
  questionFor(asker: Asker): TopicQuestion | undefined {
    return this.questions.find(asker, "article-topic");
  }

  forgetQuestion(asker: Asker): void {
    this.questions.forget(asker, "article-topic");
  }

  /** "live", "deleted" or "unknown". */
  state(id: number): "live" | "deleted" | "unknown" {
    return this.store.articles.state(id);
  }

  /** The article with its topics and scores and its latest changes; undefined when unknown or deleted. */
  view(id: number): ArticleView | undefined {
    const { articles } = this.store;
    const article = articles.get(id);
    if (!article) return undefined;
    const index = this.topics.index();
    const chosen = new Set(articles.choices(id).map((c) => c.topicId));
    const topics = articles.tags(id).flatMap((t) => {
      const topic = index.get(t.topicId);
      return topic ? [{ topic, about: t.about, score: t.score, chosen: chosen.has(t.topicId) }] : [];
    });
    return { article, topics, changes: this.changes(id) };
  }

  /** The latest changes of an article (deleted or not), newest first. */
  changes(id: number, limit = CHANGES_SHOWN): ArticleChangeView[] {
    return this.store.articles
      .changes(id, limit)
      .map((c) => ({ at: c.at, userId: c.userId, change: c.change as ArticleChange }));
  }

  /** Takes a topic off an article, for good (re-tagging does not bring it back). */
  removeTopic(id: number, topic: Topic, by: ArticleEditorUser): EditOutcome {
    return this.change(id, by, () => {
      const { articles } = this.store;
      if (!articles.removeTag(id, topic.id)) return undefined;
      articles.setChoice(id, topic.id, null);
      return { kind: "remove-topic", topic: topic.id, by: by.name };
    });
  }

  /** Adds a topic the article is about (or only mentions); unchanged when it has the topic already. */
  addTopic(id: number, topic: Topic, by: ArticleEditorUser, about = true): EditOutcome {
    return this.change(id, by, () => {
      const { articles } = this.store;
      if (articles.tags(id).some((t) => t.topicId === topic.id)) return undefined;
      articles.setTag(id, topic.id, about);
      articles.setChoice(id, topic.id, about);
      return { kind: "add-topic", topic: topic.id, about, by: by.name };
    });
  }

  /** Makes a topic of the article one it is about, or one it only mentions. */
  setAbout(id: number, topic: Topic, about: boolean, by: ArticleEditorUser): EditOutcome {
    return this.change(id, by, () => {
      const { articles } = this.store;
      const tag = articles.tags(id).find((t) => t.topicId === topic.id);
      if (!tag || tag.about === about) return undefined;
      articles.setTag(id, topic.id, about);
      articles.setChoice(id, topic.id, about);
      return { kind: "set-about", topic: topic.id, about, by: by.name };
    });
  }

  /**
   * Deletes an article for readers: out of /latest, /search, digests and alerts to come; what was already
   * enqueued or delivered stays as it is (nothing is sent again, nothing is taken back).
   */
  delete(id: number, by: ArticleEditorUser): EditOutcome {
    return this.change(id, by, () =>
      this.store.articles.delete(id, this.clock()) ? { kind: "delete", by: by.name } : undefined,
    );
  }

  /** Runs one change in a transaction and records it; `apply` returns undefined when nothing changed. */
  private change(id: number, by: ArticleEditorUser, apply: () => ArticleChange | undefined): EditOutcome {
    const { articles } = this.store;
    return articles.transaction(() => {
      if (articles.state(id) !== "live") return "unknown";
      const change = apply();
      if (!change) return "unchanged";
      articles.recordChange(id, by.id, this.clock(), change);
      return "done";
    });
  }
}
