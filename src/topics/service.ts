// Topic services for the bot and the CLI: the current index (rebuilt when the catalog changes) and
// reader subscriptions expressed in topics.

import type { ChatType, Language } from "../domain";
import type { Store } from "../store";
import type { NewTopic } from "../store/topics";
import { compact } from "../text/normalize";
import { type Catalog, seedTopics } from "./catalog";
import { type LookupResult, type Topic, TopicIndex } from "./topic-index";

/** An active chat that followed a retired topic: what its one notice says (TopicService.retire). */
export interface RetiredFollower {
  chatId: number;
  type: ChatType;
  language: Language | null;
  clientLanguage: Language | null;
  /** The followed place above the topic that still brings its old news to the chat (coveringAncestor), if any. */
  via: Topic | undefined;
}

/**
 * The followed place above a topic that brings its news, given what the chat follows and excepts: the nearest
 * followed ancestor, unless an exception comes first (the topic itself, or a place between).
 */
function covering(
  topic: Topic,
  ancestors: readonly Topic[],
  subscribed: ReadonlySet<number>,
  excepted: ReadonlySet<number>,
): Topic | undefined {
  if (excepted.has(topic.id)) return undefined;
  for (const a of ancestors) {
    if (subscribed.has(a.id)) return a;
    if (excepted.has(a.id)) return undefined;
  }
  return undefined;
}

/**
 * What following a topic did. `via`: the followed place above it whose news already brought the topic's.
 * Such a place is followed on its own too (the picker and /subscribe alike): it stays when the parent is
 * dropped, and alerts and digests then label its news with its own name.
 */
export type FollowOutcome = { kind: "added"; topic: Topic; via?: Topic } | { kind: "already"; topic: Topic };

/**
 * What unfollowing a topic did. `via` is the followed place above it whose news still brings the topic's
 * (a reader may then except it from the parent: TopicService.except): `removed` with `via` means the
 * chat followed both and still receives the topic through the parent; `through-parent`, that it never
 * followed the topic itself and nothing changed.
 */
export type UnfollowOutcome =
  | { kind: "removed"; topic: Topic; via?: Topic }
  | { kind: "through-parent"; topic: Topic; via: Topic }
  | { kind: "not-followed"; topic: Topic };

/**
 * What excepting a place did («دير الزور ما عدا الميادين», docs/audience.md rule 9): `via` is the followed place
 * above it it is excepted from; `not-covered`: no followed place above it brings its news (nothing to except).
 */
export type ExceptOutcome =
  | { kind: "excepted" | "already"; topic: Topic; via: Topic }
  | { kind: "not-covered"; topic: Topic };

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

  /** New names for a topic; its old names keep finding it. */
  rename(topic: Topic, nameAr: string, nameEn: string): Topic {
    this.store.topics.rename(topic.id, nameAr, nameEn);
    this.cached = undefined;
    return this.index().get(topic.id) as Topic;
  }

  /** How many active chats follow a topic and how many live articles are about it. */
  usage(topic: Topic): { followers: number; articles: number } {
    return this.store.topics.usage(topic.id);
  }

  /**
   * Retires a topic (/retiretopic): gone from lookup, the picker and tagging; its followers' rows go, its aliases
   * and the exceptions that name it stay; its articles keep it. `alongside` runs in the same transaction, after
   * the topic is marked (its schedules go with it, or neither). Undefined when it was retired already: nothing
   * changed and `alongside` did not run. The followers are the active ones, each with the place above that still
   * brings its old news, if any.
   */
  retire<T>(
    topic: Topic,
    alongside: () => T,
  ): { followers: RetiredFollower[]; removed: number; alongside: T } | undefined {
    const ancestors = this.index().ancestors(topic);
    const done = this.store.db.transaction(() => {
      const retired = this.store.topics.retire(topic.id, [topic.id, ...ancestors.map((a) => a.id)]);
      return retired && { retired, alongside: alongside() };
    })();
    this.cached = undefined;
    if (!done) return undefined;
    const followers = done.retired.followers.map(({ subscribed, excepted, ...chat }) => ({
      ...chat,
      via: covering(topic, ancestors, new Set(subscribed), new Set(excepted)),
    }));
    return { followers, removed: done.retired.removed, alongside: done.alongside };
  }

  /** A topic's names as stored (row id, text, whether the built-in catalog brought it), oldest first. */
  aliasesOf(topic: Topic): { id: number; alias: string; builtin: boolean }[] {
    return this.store.topics.aliasRows(topic.id);
  }

  /**
   * Takes a name away from a topic. Its own two names and the catalog's names stay (`name`, `builtin`);
   * `none`: the topic has no such name. Names compare as lookup compares them.
   */
  removeAlias(topic: Topic, alias: string): "removed" | "name" | "builtin" | "none" {
    const key = compact(alias);
    if (key === "") return "none";
    if (compact(topic.nameAr) === key || compact(topic.nameEn) === key) return "name";
    const rows = this.store.topics.aliasRows(topic.id).filter((r) => compact(r.alias) === key);
    if (rows.length === 0) return "none";
    if (rows.every((r) => r.builtin)) return "builtin";
    for (const row of rows) if (!row.builtin) this.store.topics.removeAlias(row.id);
    this.cached = undefined;
    return "removed";
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

  /** Follows topics, in the order given; one outcome per topic (see FollowOutcome). */
  subscribe(chatId: number, topics: readonly Topic[]): FollowOutcome[] {
    const index = this.index();
    const followed = new Set(this.store.subscriptions.topicIds(chatId));
    const stored = new Set(
      this.store.subscriptions.add(
        chatId,
        topics.map((t) => t.id),
      ),
    );
    // Following an excepted place again ends its exception.
    for (const topic of topics) this.store.exceptions.delete(chatId, topic.id);
    return topics.map((topic): FollowOutcome => {
      if (!stored.has(topic.id)) return { kind: "already", topic };
      const via = index.ancestors(topic).find((a) => followed.has(a.id));
      return via ? { kind: "added", topic, via } : { kind: "added", topic };
    });
  }

  /** Unfollows a topic; says whether its news still arrives through a followed place above it. */
  unsubscribe(chatId: number, topic: Topic): UnfollowOutcome {
    const removed = this.store.subscriptions.removeOne(chatId, topic.id);
    if (removed) this.dropStrayExceptions(chatId);
    const via = this.coveringAncestor(chatId, topic);
    if (removed) return via ? { kind: "removed", topic, via } : { kind: "removed", topic };
    return via ? { kind: "through-parent", topic, via } : { kind: "not-followed", topic };
  }

  /**
   * The subscribed ancestor through which a chat already receives a topic's news, if any: the nearest followed
   * place above it, unless an exception comes first (the topic itself, or a place between).
   */
  coveringAncestor(chatId: number, topic: Topic): Topic | undefined {
    return covering(
      topic,
      this.index().ancestors(topic),
      new Set(this.store.subscriptions.topicIds(chatId)),
      new Set(this.store.exceptions.topicIds(chatId)),
    );
  }

  // --- Exceptions: a followed place except some of the places under it (issue 14) ------------------------

  /**
   * Keeps the followed place above a topic but not the topic («دير الزور ما عدا الميادين»): its news, and that of
   * the places under it, no longer reaches the chat unless it is also about another place the chat follows. A
   * chat that followed the topic itself too stops following it.
   */
  except(chatId: number, topic: Topic): ExceptOutcome {
    return this.store.db.transaction((): ExceptOutcome => {
      // Checked first: a stale button (the parent unfollowed since) must not unfollow the place itself.
      const via = this.coveringAncestor(chatId, topic);
      if (!via) {
        const already = this.exceptedFrom(chatId, topic);
        return already ? { kind: "already", topic, via: already } : { kind: "not-covered", topic };
      }
      this.store.subscriptions.removeOne(chatId, topic.id);
      this.store.exceptions.add(chatId, topic.id);
      return { kind: "excepted", topic, via };
    })();
  }

  /** Ends an exception (the place's news comes through its parent again); false when there was none. */
  unexcept(chatId: number, topic: Topic): boolean {
    return this.store.exceptions.delete(chatId, topic.id);
  }

  /** The places a chat excepts, oldest first. */
  exceptionsOf(chatId: number): Topic[] {
    const index = this.index();
    return this.store.exceptions.topicIds(chatId).flatMap((id) => index.get(id) ?? []);
  }

  /** The followed place an excepted topic is excepted from (the nearest followed above it), if it is excepted. */
  exceptedFrom(chatId: number, topic: Topic): Topic | undefined {
    if (!this.store.exceptions.topicIds(chatId).includes(topic.id)) return undefined;
    const subscribed = new Set(this.store.subscriptions.topicIds(chatId));
    return this.index()
      .ancestors(topic)
      .find((a) => subscribed.has(a.id));
  }

  /** For each followed place, the places excepted from it (for «دير الزور (ما عدا الميادين)»). */
  exceptionsByFollowed(chatId: number): Map<number, Topic[]> {
    const out = new Map<number, Topic[]>();
    for (const x of this.exceptionsOf(chatId)) {
      const via = this.exceptedFrom(chatId, x);
      if (via) out.set(via.id, [...(out.get(via.id) ?? []), x]);
    }
    return out;
  }

  /** Exceptions with no followed place above them any more (the parent was unfollowed) are dropped. */
  private dropStrayExceptions(chatId: number): void {
    for (const x of this.exceptionsOf(chatId))
      if (!this.exceptedFrom(chatId, x)) this.store.exceptions.delete(chatId, x.id);
  }
}
