// The audience policy: for an article or an alert, which chats receive it and through which of their topics.
// Alerts (src/alerts/service.ts), digests (src/digest/service.ts) and /latest (src/articles/service.ts) ask here
// and decide nothing of it themselves. The rules (docs/audience.md lists them as readers can rely on them):
//
// - Topic and ancestors: news of a place reaches the followers of the place and of every place above it
//   (Mayadin's reaches Deir ez-Zor's and Syria's followers), once, under the most specific topic they follow.
// - Switches: alerts go to chats with alerts on, digests to chats with digests on.
// - Active chats only: a chat that blocked the bot or left gets nothing until it writes again.
// - Once per reader: an article that reached a chat (as an alert, or in a topic digest: article_deliveries)
//   is not sent to it again, as an alert or in a digest.
// - A reader's own words and places (issue 14): muted words keep an article away, watched words bring it beyond
//   the chat's places, an excepted place («دير الزور ما عدا الميادين») keeps away what comes only through it.
// - Quiet hours: in a reader's quiet hours an alert arrives without sound or waits for their end, as they chose
//   (an urgent one rings anyway), and a digest waits for their end: a *how*, returned with each recipient.
// - A reader's own digest: a reader slot's run goes to the readers who chose it (digestRecipientsAfter(…, slot)).
//
// Rules evaluated per chat for a whole audience are SQL clauses in src/store/audience.ts (one indexed query for
// 50,000 chats); rules per article and reader for a digest are sets the composer applies as bitsets.
import { nextRun } from "../digest/next-run";
import { getOrInsert } from "../maps";
import type { Store } from "../store";
import type { AlertCountPiece, AlertRecipient, AlertSubject } from "../store/audience";
import type { QuietHours, Recipient } from "../store/chats";
import type { ChatPhrase } from "../store/phrases";
import { checkPhrase, PhraseMatcher } from "../text/phrases";
import type { TopicService } from "../topics/service";
import { mostSpecificFirst, type Topic } from "../topics/topic-index";

/** One of a reader's topics, and since when they follow it. */
export interface ReaderTopic {
  topicId: number;
  since: number;
}

/** A topic through which a digest reaches a reader, and since when (what it brings is not older). */
export interface Route {
  topic: Topic;
  since: number;
}

/** What an alert is about: its topics (before ancestors), its article if it has one, and what it says. */
export interface AlertAbout {
  topics: readonly Topic[];
  articleId: number | null;
  /** The article's title and body, or the text alert's text (chats muting a phrase it contains do not get it). */
  text: string;
}

/** An alert as its fan-out walks its audience: its article, the phrases found in it that mute or bring it, its topics. */
export interface AlertWalk {
  articleId: number | null;
  muted: readonly string[];
  watched: readonly string[];
  topics: readonly Topic[];
}

/** A reader's own words a chat may keep (mutes; issue 14). */
export const MUTES_PER_CHAT = 20;

export type MuteOutcome =
  | { kind: "added" | "exists"; phrase: string }
  | { kind: "limit"; max: number }
  | { kind: "invalid"; reason: "empty" | "too-long" | "too-short" };

/** Words a chat watches: articles containing one reach it beyond its places (issue 14; rule 8). */
export const WATCHES_PER_CHAT = 20;

export type WatchOutcome = MuteOutcome;

/** A watched phrase through which a digest reaches a reader (after its topics), and since when. */
export interface WatchRoute {
  /** As the reader wrote it (the digest's heading). */
  phrase: string;
  /** As matched: the key of AudiencePolicy.watchedBetween. */
  normalized: string;
  since: number;
}

/** Which articles a chat's /latest lists (AudiencePolicy.latestScope). */
export interface LatestScope {
  /** "mine": the reader's topics; "topic": one topic and what is under it; "all": everything. */
  scope: "mine" | "topic" | "all";
  /** Articles tagged with one of these (undefined: all articles). */
  topicIds: number[] | undefined;
  /** Whether articles that only mention them count too. */
  mentions: boolean;
  /** Never these: articles with a phrase the chat mutes. */
  exclude: number[];
}

/**
 * How a message goes to one recipient (AudiencePolicy.sendingFor): at once with sound (neither), without sound
 * (`silent`: Telegram's disable_notification), or not before a time (`notBefore`: the end of their quiet hours).
 * The outbox row carries it (OutboxMessage.silent, .notBefore); the stored body stays shared.
 */
export interface Sending {
  silent?: true;
  notBefore?: number;
}

/** Formats of a zone's local hour, kept (a formatter costs more to make than to use). */
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The local hour of an instant in a zone (0-23). */
function localHour(at: number, zone: string): number {
  const format = getOrInsert(
    hourFormats,
    zone,
    () => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "numeric", hourCycle: "h23" }),
  );
  return Number(format.formatToParts(at).find((p) => p.type === "hour")?.value ?? 0) % 24;
}

/** Whether a local hour is within quiet hours (start included, end excluded; start after end wraps midnight). */
export function inQuietHours(quiet: Pick<QuietHours, "start" | "end">, hour: number): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? hour >= quiet.start && hour < quiet.end
    : hour >= quiet.start || hour < quiet.end;
}

/** How many of the newest articles containing a muted phrase /latest leaves out (see mutedForChat). */
const LATEST_MUTE_SCAN = 2000;

export class AudiencePolicy {
  /** The last digest run's routing, for exceptions (routedRun). */
  private routedCache:
    | { key: string; routed: Map<number, number[]>; reachedBy: Map<number, number[]> }
    | undefined;
  /** The last digest run's articles per watched phrase (watchedBetween). */
  private watchedRun: { key: string; byPhrase: Map<string, number[]> } | undefined;
  /** The last digest run's muted articles (mutedBetween). */
  private mutedRun: { key: string; byPhrase: Map<string, number[]> } | undefined;
  /** The last alert text's muted phrases (alertMuted: Send asks for its count, then for its fan-out). */
  private mutedAlert: { key: string; muted: string[] } | undefined;
  private watchedAlert: { key: string; watched: string[] } | undefined;

  constructor(
    private readonly store: Store,
    private readonly topics: TopicService,
  ) {}

  // --- Topic and ancestors ----------------------------------------------------------------------------------

  /** The topics an article is routed by: their followers, and the followers of the places above them, get it. */
  routingTopics(articleId: number): Topic[] {
    const index = this.topics.index();
    return this.store.audience.routingTopicsOf(articleId).flatMap((id) => index.get(id) ?? []);
  }

  /** Topic ids whose followers receive news of these topics: the topics and all their ancestors. */
  private reach(topicIds: Iterable<number>): number[] {
    return [...this.topics.index().withAncestors(topicIds)];
  }

  // --- Alerts -----------------------------------------------------------------------------------------------

  private subject(about: AlertAbout): AlertSubject {
    return {
      topicIds: this.reach(about.topics.map((t) => t.id)),
      articleId: about.articleId,
      muted: this.alertMuted(about.text),
      watched: this.alertWatched(about.text),
      paths: this.exceptionPaths(about.topics),
    };
  }

  /** For the rule of exceptions (rule 9): each of an alert's own topics with its ancestors and their distance. */
  private exceptionPaths(topics: readonly Topic[]): [number, number, number][] {
    const index = this.topics.index();
    return topics.flatMap((t) =>
      [t, ...index.ancestors(t)].map((a, d): [number, number, number] => [t.id, a.id, d]),
    );
  }

  /**
   * The phrases some chat watches that an alert's text contains: chats watching one of them get it beyond their
   * topics (the walk's last phase, alertWatchersChunk), unless a mute or another rule keeps it from them.
   */
  alertWatched(text: string): string[] {
    // Once per alert and version of the watched phrases, as alertMuted (every reader's phrases: ~20 ms at 200,000
    // readers, which Send would otherwise pay again after the preview).
    const key = `${this.store.phrases.version("watch")}|${text}`;
    if (this.watchedAlert?.key !== key)
      this.watchedAlert = {
        key,
        watched: [...new PhraseMatcher(this.store.phrases.all("watch")).found(text)],
      };
    return [...this.watchedAlert.watched];
  }

  /**
   * The last phase of an alert's walk, after every topic position: at most `limit` chats watching one of
   * `alert.watched` that follow none of `reach`, under every other rule, with ids above `after`, by id; each
   * with the phrase (as its reader wrote it) that brought the alert, for its label.
   */
  alertWatchersChunk(
    reach: readonly number[],
    alert: AlertWalk,
    after: number | null,
    limit: number,
    scan: number,
  ): { recipients: AlertRecipient[]; after: number | null; done: boolean } {
    const { topics, ...rest } = alert;
    return this.store.audience.alertWatchersChunk(
      { ...rest, topicIds: reach, paths: this.exceptionPaths(topics) },
      after,
      limit,
      scan,
    );
  }

  /**
   * The phrases some chat mutes that an alert's text contains: chats muting one of them do not get it. Found once
   * per alert (and again when its enqueuing resumes), so the audience stays one indexed query.
   */
  alertMuted(text: string): string[] {
    const key = `${this.store.phrases.version("mute")}|${text}`;
    if (this.mutedAlert?.key !== key) this.mutedAlert = { key, muted: [...this.muteMatcher().found(text)] };
    return [...this.mutedAlert.muted];
  }

  /**
   * The topic ids whose followers an alert reaches (its topics and their ancestors), in the order its audience
   * is walked when it is enqueued chunk by chunk (alertRecipientsChunk).
   */
  alertReach(about: Pick<AlertAbout, "topics">): number[] {
    return this.reach(about.topics.map((t) => t.id)).sort((a, b) => a - b);
  }

  /**
   * One chunk of the chats an alert reaches now, with what their rendering needs (language, zone, and the
   * topics they follow among the alert's, for the reader's own label; `muted`: alertMuted): at most `limit` chats following
   * `reach[position]` and none of the topics before it, with ids above `after` (null: from the first), by id.
   * Walking every position to its end gives each chat of the audience once.
   */
  alertRecipientsChunk(
    reach: readonly number[],
    alert: { articleId: number | null; muted: readonly string[]; topics: readonly Topic[] },
    position: number,
    after: number | null,
    limit: number,
  ): AlertRecipient[] {
    const { topics, ...rest } = alert;
    return this.store.audience.alertRecipientsChunk(
      { ...rest, topicIds: reach, paths: this.exceptionPaths(topics) },
      position,
      after,
      limit,
    );
  }

  /**
   * A piece of the count of an alert's audience along its walk (the order alertRecipientsChunk and
   * alertWatchersChunk enqueue it in): of the next `limit` rows walked at `position` after `after`, how many chats
   * those chunks would return now. Counting every position to its end counts the audience once.
   */
  alertCountPiece(
    reach: readonly number[],
    alert: AlertWalk,
    position: number,
    after: number | null,
    limit: number,
  ): AlertCountPiece {
    const { topics, ...rest } = alert;
    return this.store.audience.countAlertPiece(
      { ...rest, topicIds: reach, paths: this.exceptionPaths(topics) },
      position,
      after,
      limit,
    );
  }

  /**
   * How many chats an alert would reach now; and when that is none for an article, how many follow it but
   * received it already (the editor is told so rather than "nobody follows this").
   */
  countAlert(about: AlertAbout): { audience: number; alreadyReached: number } {
    const subject = this.subject(about);
    const audience = this.store.audience.countAlertRecipients(subject);
    const alreadyReached =
      about.articleId !== null && audience === 0 ? this.store.audience.countAlertFollowers(subject) : 0;
    return { audience, alreadyReached };
  }

  // --- Quiet hours: how to send --------------------------------------------------------------------------

  /**
   * How messages enqueued at `at` go to each recipient (rule 10, docs/audience.md): outside their quiet hours
   * as usual; in them an alert arrives without sound, or waits for their end, as the reader chose, and a digest
   * waits for their end; an urgent alert rings anyway. The returned function is called per recipient with the
   * zone the caller renders for (chatTimeZone): local hours and end times are computed once per zone and end
   * hour for the whole audience, so a chunk of a thousand chats costs a thousand map lookups.
   */
  sendingFor(
    at: number,
    what: "alert" | "digest",
    urgent = false,
  ): (r: Pick<Recipient, "quiet">, zone: string) => Sending {
    const hours = new Map<string, number>();
    const ends = new Map<string, number>();
    return (r, zone) => {
      const quiet = r.quiet;
      if (!quiet || urgent) return {};
      const hour = getOrInsert(hours, zone, () => localHour(at, zone));
      if (!inQuietHours(quiet, hour)) return {};
      if (what === "alert" && quiet.mode === "silent") return { silent: true };
      // The next end:00 in the zone (croner: DST included).
      const end = getOrInsert(ends, `${zone}|${quiet.end}`, () =>
        nextRun(`0 ${quiet.end} * * *`, zone, new Date(at)).getTime(),
      );
      return { notBefore: end };
    };
  }

  /** When a digest due at `at` reaches a chat with these quiet hours: then, or at their end. */
  digestArrival(quiet: QuietHours | null, zone: string, at: number): number {
    return this.sendingFor(at, "digest")({ quiet }, zone).notBefore ?? at;
  }

  /**
   * Once per reader: the article reached these chats (`via`: the alert's ref). Written in the transaction that
   * enqueues them, so a digest composed while the alert is still queued leaves it out already.
   */
  recordReached(articleId: number, chatIds: readonly number[], via: string): void {
    this.store.audience.recordDeliveries(chatIds, [articleId], via);
  }

  // --- Readers' own words: mutes ----------------------------------------------------------------------------

  /** Mutes a phrase for a chat: articles containing it reach the chat neither as alerts nor in digests. */
  mute(chatId: number, raw: string): MuteOutcome {
    const checked = checkPhrase(raw);
    if (!checked.ok) return { kind: "invalid", reason: checked.reason };
    const phrase = raw.trim().replace(/\s+/g, " ");
    const { phrases } = this.store;
    return this.store.db.transaction((): MuteOutcome => {
      const mine = phrases.of(chatId, "mute");
      if (mine.some((p) => p.normalized === checked.normalized)) return { kind: "exists", phrase };
      if (mine.length >= MUTES_PER_CHAT) return { kind: "limit", max: MUTES_PER_CHAT };
      phrases.add(chatId, "mute", { phrase, normalized: checked.normalized });
      return { kind: "added", phrase };
    })();
  }

  /** Unmutes a phrase (as the reader writes it, in any spelling that normalizes alike); false if it was not muted. */
  unmute(chatId: number, raw: string): boolean {
    const checked = checkPhrase(raw);
    return checked.ok && this.store.phrases.delete(chatId, "mute", checked.normalized);
  }

  /** Unmutes a phrase by its id (a button's); the phrase as the reader wrote it, or undefined. */
  unmuteId(chatId: number, id: number): string | undefined {
    return this.store.phrases.deleteId(chatId, id);
  }

  /** A chat's muted phrases, oldest first. */
  mutes(chatId: number): ChatPhrase[] {
    return this.store.phrases.of(chatId, "mute");
  }

  /** Every phrase some chat mutes, compiled (a few thousand at most: built per alert and per digest run). */
  private muteMatcher(): PhraseMatcher {
    return new PhraseMatcher(this.store.phrases.all("mute"));
  }

  // --- Readers' own words: watches -------------------------------------------------------------------------

  /** Watches a phrase for a chat: articles containing it reach the chat beyond its places (rule 8). */
  watch(chatId: number, raw: string): WatchOutcome {
    const checked = checkPhrase(raw);
    if (!checked.ok) return { kind: "invalid", reason: checked.reason };
    const phrase = raw.trim().replace(/\s+/g, " ");
    const { phrases } = this.store;
    return this.store.db.transaction((): WatchOutcome => {
      const mine = phrases.of(chatId, "watch");
      if (mine.some((p) => p.normalized === checked.normalized)) return { kind: "exists", phrase };
      if (mine.length >= WATCHES_PER_CHAT) return { kind: "limit", max: WATCHES_PER_CHAT };
      phrases.add(chatId, "watch", { phrase, normalized: checked.normalized });
      return { kind: "added", phrase };
    })();
  }

  /** Stops watching a phrase (in any spelling that normalizes alike); false if it was not watched. */
  unwatch(chatId: number, raw: string): boolean {
    const checked = checkPhrase(raw);
    return checked.ok && this.store.phrases.delete(chatId, "watch", checked.normalized);
  }

  /** Stops watching a phrase by its id (a button's); the phrase as the reader wrote it, or undefined. */
  unwatchId(chatId: number, id: number): string | undefined {
    if (!this.watches(chatId).some((p) => p.id === id)) return undefined;
    return this.store.phrases.deleteId(chatId, id);
  }

  /** A chat's watched phrases that contain a phrase it mutes: they bring nothing (the mute wins). */
  watchesMuted(chatId: number): ChatPhrase[] {
    const mutes = new PhraseMatcher(this.mutes(chatId).map((m) => m.normalized));
    return this.watches(chatId).filter((w) => mutes.found(w.normalized).size > 0);
  }

  /**
   * The phrase (as its reader wrote it) that brings an alert with these watched phrases (alertWatched) to a chat
   * following none of its places: the first it watches, as alertWatchersChunk picks it; undefined if none.
   */
  watchedBy(chatId: number, watched: readonly string[]): string | undefined {
    if (watched.length === 0) return undefined;
    const found = new Set(watched);
    return this.watches(chatId).find((p) => found.has(p.normalized))?.phrase;
  }

  /** A chat's watched phrases, oldest first. */
  watches(chatId: number): ChatPhrase[] {
    return this.store.phrases.of(chatId, "watch");
  }

  // --- /latest ----------------------------------------------------------------------------------------------

  /**
   * What a chat's /latest shows: with a topic asked for by name, that topic and the places under it, the
   * articles that only mention them included (marked); else the chat's own topics and the places under them,
   * by what articles are about (the rule alerts and digests route by); a chat that follows nothing sees
   * everything; articles with a phrase the chat mutes, never. Not a delivery: switches and "once per reader" do
   * not apply to what a reader asks for.
   */
  latestScope(chatId: number, topic: Topic | undefined): LatestScope {
    const exclude = this.mutedForChat(chatId);
    const roots = topic ? [topic] : this.topics.subscriptionsOf(chatId);
    if (roots.length === 0) return { scope: "all", topicIds: undefined, mentions: false, exclude };
    const index = this.topics.index();
    // Rule 9: the places the chat excepts, and those under them, are not listed through a place above them
    // (asked for by name, an excepted place itself is).
    const excepted = new Set(this.store.exceptions.topicIds(chatId));
    const marks = excepted.size > 0 ? this.marksOf(roots, excepted) : undefined;
    const ids = new Set(
      roots.flatMap((t) =>
        index
          .subtree(t)
          .filter((s) => !marks || s.id === t.id || marks(s) === "follow")
          .map((s) => s.id),
      ),
    );
    return { scope: topic ? "topic" : "mine", topicIds: [...ids], mentions: topic !== undefined, exclude };
  }

  /**
   * The articles a chat mutes, among the newest LATEST_MUTE_SCAN the search index says may contain one of its
   * phrases (then checked word by word: «حرب» does not mute «محاربة»). Older ones would show in /latest's far
   * pages.
   */
  private mutedForChat(chatId: number): number[] {
    const phrases = this.mutes(chatId).map((p) => p.normalized);
    if (phrases.length === 0) return [];
    const matcher = new PhraseMatcher(phrases);
    return this.store.articles
      .mayContainAny(phrases, LATEST_MUTE_SCAN)
      .filter(([, text]) => matcher.foundInWords(text.split(" ")).size > 0)
      .map(([id]) => id);
  }

  // --- Exceptions («دير الزور ما عدا الميادين», rule 9) ------------------------------------------------------

  /**
   * How a topic reaches a chat that follows `followed` and excepts `excepted`: the nearest of the topic and the
   * places above it that is either decides («follow»: its news comes; «except»: it does not; «none»).
   */
  private marksOf(
    followed: Iterable<Topic | number>,
    excepted: ReadonlySet<number>,
  ): (topic: Topic) => "follow" | "except" | "none" {
    const follows = new Set([...followed].map((t) => (typeof t === "number" ? t : t.id)));
    return (topic) => {
      for (let t: Topic | null = topic; t; t = t.parent) {
        if (follows.has(t.id)) return "follow";
        if (excepted.has(t.id)) return "except";
      }
      return "none";
    };
  }

  /**
   * For each of these chats that excepts places, the articles in (afterId, throughId] that reach it only through
   * an excepted place: none of their topics comes to it through a followed place without an exception between.
   */
  private exceptedBetween(
    chatIds: readonly number[],
    afterId: number,
    throughId: number,
    followed?: ReadonlyMap<number, readonly ReaderTopic[]>,
  ): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const rows = this.store.exceptions.ofEach(chatIds);
    if (rows.length === 0) return out;
    const byChat = new Map<number, Set<number>>();
    for (const [chatId, topicId] of rows) getOrInsert(byChat, chatId, () => new Set()).add(topicId);
    const { routed, reachedBy } = this.routedRun(afterId, throughId);
    const index = this.topics.index();
    for (const [chatId, excepted] of byChat) {
      const follows = (followed?.get(chatId) ?? this.followedTopicsOf(chatId)).map((t) => t.topicId);
      const marks = this.marksOf(follows, excepted);
      const candidates = new Set<number>();
      for (const x of excepted) for (const id of reachedBy.get(x) ?? []) candidates.add(id);
      for (const articleId of candidates) {
        const topics = (routed.get(articleId) ?? []).flatMap((id) => index.get(id) ?? []);
        if (!topics.some((t) => marks(t) === "follow")) getOrInsert(out, chatId, () => []).push(articleId);
      }
    }
    return out;
  }

  /** The run's routing: each article's own topics, and for each topic the articles it (or a place under it) brings. */
  private routedRun(
    afterId: number,
    throughId: number,
  ): { routed: Map<number, number[]>; reachedBy: Map<number, number[]> } {
    const key = `${afterId}|${throughId}|${this.topics.index().ordered.length}`;
    if (this.routedCache?.key === key) return this.routedCache;
    const routed = new Map<number, number[]>();
    for (const [articleId, topicId] of this.store.audience.routingTopicsBetween(afterId, throughId))
      getOrInsert(routed, articleId, () => []).push(topicId);
    const index = this.topics.index();
    const reachedBy = new Map<number, number[]>();
    for (const [articleId, ids] of routed)
      for (const id of index.withAncestors(ids)) getOrInsert(reachedBy, id, () => []).push(articleId);
    this.routedCache = { key, routed, reachedBy };
    return this.routedCache;
  }

  // --- Digests ----------------------------------------------------------------------------------------------

  /**
   * Every chat a digest may go to, by id: active, digests on, following something; for a reader slot's run
   * (`slot`: its schedule id), only the chats that chose that slot for their own digest.
   */
  /**
   * Who a digest goes to (of a reader slot, only the readers who chose it), a page at a time: the next `limit`
   * after the chat id `after`, by id (a run reads its audience chunk by chunk: 100,000 readers are never all in
   * memory).
   */
  digestRecipientsAfter(after: number, limit: number, slot?: number): Recipient[] {
    return this.store.audience.digestRecipientsAfter(after, limit, slot);
  }

  /** A chat's followed topics. */
  followedTopicsOf(chatId: number): ReaderTopic[] {
    return this.store.audience.subscriptionRowsOf(chatId).map(([, topicId, since]) => ({ topicId, since }));
  }

  /**
   * The followed topics of the chats first ≤ id ≤ last: a digest run reads them a chunk of readers at a time, so
   * that 100,000 readers' topics are never all in memory at once (issue 16: the heap V8 keeps grows with them).
   */
  followedTopicsBetween(first: number, last: number): Map<number, ReaderTopic[]> {
    return byChat(this.store.audience.subscriptionRowsBetween(first, last));
  }

  /**
   * For each article in (afterId, throughId], the topics whose followers get it (its routing topics and their
   * ancestors): a digest shows an article to a reader following any of them.
   */
  digestReach(afterId: number, throughId: number): Map<number, number[]> {
    const routed = new Map<number, number[]>();
    for (const [articleId, topicId] of this.store.audience.routingTopicsBetween(afterId, throughId)) {
      getOrInsert(routed, articleId, () => []).push(topicId);
    }
    const index = this.topics.index();
    for (const [articleId, ids] of routed) routed.set(articleId, [...index.withAncestors(ids)]);
    return routed;
  }

  /**
   * The routes through which a digest reaches a reader, most specific first. A digest of a schedule with a
   * topic covers only that topic: a reader's topics under it count as they are, a reader following a place
   * above it gets the whole topic, other topics none.
   */
  digestRoutes(followed: readonly ReaderTopic[], scope: Topic | undefined): Route[] {
    const index = this.topics.index();
    const out = new Map<number, Route>();
    for (const t of followed) {
      let topic = index.get(t.topicId);
      if (!topic) continue;
      if (scope && topic.id !== scope.id) {
        if (index.ancestors(topic).some((a) => a.id === scope.id)) {
          // Under the scope: as it is.
        } else if (index.ancestors(scope).some((a) => a.id === topic?.id)) {
          topic = scope; // Above the scope: the reader follows the whole scope.
        } else continue;
      }
      const known = out.get(topic.id);
      out.set(topic.id, { topic, since: known ? Math.min(known.since, t.since) : t.since });
    }
    // The first of them that covers an article labels it (the rule of TopicIndex.labelTopicForReader).
    return mostSpecificFirst([...out.values()], (r) => r.topic);
  }

  /**
   * Once per reader: for each of these chats, the articles in (afterId, throughId] a digest must leave out
   * because they reached it already (as an alert, or in a topic digest). Read inside the digest's transaction
   * chunk by chunk, so an alert sent while a run goes on counts.
   */
  digestExclusions(
    chatIds: readonly number[],
    afterId: number,
    throughId: number,
    /** The chats' followed topics when the caller has them (a run's chunk): not read again per chat. */
    followed?: ReadonlyMap<number, readonly ReaderTopic[]>,
  ): Map<number, Set<number>> {
    const excluded = new Map<number, Set<number>>();
    for (const [chatId, articleId] of this.store.audience.deliveredToAny(chatIds, afterId, throughId)) {
      getOrInsert(excluded, chatId, () => new Set()).add(articleId);
    }
    // Exceptions (rule 9): the articles that reach the chat only through a place it excepts.
    for (const [chatId, ids] of this.exceptedBetween(chatIds, afterId, throughId, followed))
      for (const id of ids) getOrInsert(excluded, chatId, () => new Set()).add(id);
    return excluded;
  }

  /**
   * Mutes (rule 7) for a digest: for each chat, the articles of (afterId, throughId] each of its muted phrases
   * holds, one list per phrase. The lists are shared by every chat muting the phrase (the same array objects
   * while the phrases do not change), so the composer turns each into a bitset once and a reader's mutes cost a
   * few ORs, not a set of hundreds of ids per reader.
   */
  digestMutes(
    chatIds: readonly number[],
    afterId: number,
    throughId: number,
  ): Map<number, (readonly number[])[]> {
    const out = new Map<number, (readonly number[])[]>();
    const muted = this.mutedBetween(afterId, throughId);
    if (muted.size === 0) return out;
    for (const [chatId, phrase] of this.store.phrases.ofEach(chatIds, "mute")) {
      const ids = muted.get(phrase);
      if (ids) getOrInsert(out, chatId, () => []).push(ids);
    }
    return out;
  }

  /**
   * For the articles in (afterId, throughId], each muted phrase's articles: matched once per run (the run asks
   * chunk by chunk; a mute added meanwhile starts a new match).
   */
  private mutedBetween(afterId: number, throughId: number): Map<string, number[]> {
    const key = `${afterId}|${throughId}|${this.store.phrases.version("mute")}`;
    if (this.mutedRun?.key === key) return this.mutedRun.byPhrase;
    const byPhrase = new Map<string, number[]>();
    const matcher = this.muteMatcher();
    if (matcher.size > 0) {
      for (const [id, text] of this.store.articles.searchTextsBetween(afterId, throughId)) {
        for (const phrase of matcher.foundInWords(text === "" ? [] : text.split(" ")))
          getOrInsert(byPhrase, phrase, () => []).push(id);
      }
    }
    this.mutedRun = { key, byPhrase };
    return byPhrase;
  }

  /**
   * Watched words in a digest of a reader's own topics: for each of these chats, the phrases it watches, as routes
   * after its topics (an article one of its topics brings is shown under the topic). Mutes and "once per
   * reader" still apply (digestExclusions).
   */
  digestWatches(chatIds: readonly number[]): Map<number, WatchRoute[]> {
    const out = new Map<number, WatchRoute[]>();
    for (const [chatId, normalized, phrase, since] of this.store.phrases.writtenOfEach(chatIds, "watch"))
      getOrInsert(out, chatId, () => []).push({ phrase, normalized, since });
    return out;
  }

  /**
   * For the articles in (afterId, throughId], each watched phrase's articles: matched once per run (a watch added
   * meanwhile starts a new match), as the digest composer's routes by phrase.
   */
  watchedBetween(afterId: number, throughId: number): Map<string, number[]> {
    const key = `${afterId}|${throughId}|${this.store.phrases.version("watch")}`;
    if (this.watchedRun?.key === key) return this.watchedRun.byPhrase;
    const byPhrase = new Map<string, number[]>();
    const matcher = new PhraseMatcher(this.store.phrases.all("watch"));
    if (matcher.size > 0) {
      for (const [id, text] of this.store.articles.searchTextsBetween(afterId, throughId)) {
        for (const phrase of matcher.foundInWords(text === "" ? [] : text.split(" ")))
          getOrInsert(byPhrase, phrase, () => []).push(id);
      }
    }
    this.watchedRun = { key, byPhrase };
    return byPhrase;
  }

  /** Once per reader: a topic digest showed these articles to a chat (`via`: the run's ref). */
  recordShown(chatId: number, articleIds: readonly number[], via: string): void {
    this.store.audience.recordDeliveries([chatId], articleIds, via);
  }
}

function byChat(rows: Iterable<[number, number, number]>): Map<number, ReaderTopic[]> {
  const out = new Map<number, ReaderTopic[]>();
  for (const [chat, topicId, since] of rows) getOrInsert(out, chat, () => []).push({ topicId, since });
  return out;
}
