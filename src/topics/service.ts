// Topic services for the bot and the CLI: the current index (rebuilt when the catalog changes) and
// reader subscriptions expressed in topics.
import type { Store } from "../store";
import type { NewTopic } from "../store/topics";
import { type Catalog, seedTopics } from "./catalog";
import { type LookupResult, type Topic, TopicIndex } from "./topic-index";

/** How often the database is asked whether another process changed the catalog. */
const REVISION_CHECK_MS = 250;

export class TopicService {
  private cached: { revision: string; index: TopicIndex; checkedAt: number } | undefined;
  private readonly cues: string[];

  constructor(
    private readonly store: Store,
    catalog: Catalog,
  ) {
    this.cues = [...catalog.cues.ar, ...catalog.cues.en];
    store.topics.seed(catalog.hash, seedTopics(catalog));
  }

  /**
   * The index of the catalog as it is now. Changes made through this service show up on the next call;
   * changes made by another process (the CLI) within REVISION_CHECK_MS: handlers call this often, and
   * the database is asked for the catalog's revision at most that often (real time, not the injected
   * clock, which tests hold still).
   */
  index(): TopicIndex {
    const now = performance.now();
    if (this.cached && now - this.cached.checkedAt < REVISION_CHECK_MS) return this.cached.index;
    const revision = this.store.topics.revision();
    if (this.cached?.revision === revision) {
      this.cached.checkedAt = now;
    } else {
      const index = new TopicIndex(this.store.topics.all(), this.store.topics.aliases(), this.cues);
      this.cached = { revision, index, checkedAt: now };
    }
    return this.cached.index;
  }

  lookup(name: string, options: { exact?: boolean } = {}): LookupResult {
    return this.index().lookup(name, options);
  }

  /** The topics a text is about (see TopicIndex.tag). */
  tag(text: string): Topic[] {
    return this.index().tag(text);
  }

  /** Creates a topic; its names become aliases at once. */
  create(topic: NewTopic): Topic {
    const id = this.store.topics.create(topic);
    this.cached = undefined;
    return this.index().get(id) as Topic;
  }

  addAlias(topic: Topic, alias: string): boolean {
    const added = this.store.topics.addAlias(topic.id, alias);
    if (added) this.cached = undefined;
    return added;
  }

  /** The topics an article is tagged with. */
  topicsOfArticle(articleId: number): Topic[] {
    const index = this.index();
    return this.store.articles.topicIds(articleId).flatMap((id) => index.get(id) ?? []);
  }

  /** The chat's subscribed topics, in the order they were chosen. */
  subscriptionsOf(chatId: number): Topic[] {
    const index = this.index();
    return this.store.subscriptions.topicIds(chatId).flatMap((id) => index.get(id) ?? []);
  }

  /** Subscribes; returns the topics that were newly added. */
  subscribe(chatId: number, topics: readonly Topic[]): Topic[] {
    const added = new Set(
      this.store.subscriptions.add(
        chatId,
        topics.map((t) => t.id),
      ),
    );
    return topics.filter((t) => added.has(t.id));
  }

  /** Unsubscribes; false when the chat did not follow the topic. */
  unsubscribe(chatId: number, topic: Topic): boolean {
    return this.store.subscriptions.removeOne(chatId, topic.id);
  }

  /** The subscribed ancestor through which a chat already receives a topic's news, if any. */
  coveringAncestor(chatId: number, topic: Topic): Topic | undefined {
    const subscribed = new Set(this.store.subscriptions.topicIds(chatId));
    return this.index()
      .ancestors(topic)
      .find((a) => subscribed.has(a.id));
  }
}
