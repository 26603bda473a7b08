// The audience policy's SQL: src/audience/policy.ts decides who receives an article or an alert, and its rules
// that are best evaluated by SQLite live here, one named clause each, so a rule is added in one place and the
// 50,000-chat alert audience stays one indexed query. Nothing else reads subscriptions for delivery.
import type Database from "better-sqlite3";
import type { Clock } from "../clock";
import type { ChatType, Language } from "../domain";
import { quietOf, type Recipient } from "./chats";
import type { Db } from "./db";

/**
 * Rule 9, «دير الزور ما عدا الميادين»: a chat excepting a place the alert reaches (`exceptsNone`: false) gets it
 * only if one of the alert's topics comes to it through a followed place with no exception between (@paths:
 * [topic, an ancestor-or-self, its distance] for each of the alert's own topics).
 */
const notExcepted = (exceptsNone: string) => `(${exceptsNone}
    OR EXISTS (SELECT 1 FROM json_each(@paths) p
      JOIN subscriptions f ON f.chat_id = c.id AND f.topic_id = json_extract(p.value, '$[1]')
      WHERE NOT EXISTS (SELECT 1 FROM json_each(@paths) q
        JOIN subscription_exceptions x ON x.chat_id = c.id AND x.topic_id = json_extract(q.value, '$[1]')
        WHERE json_extract(q.value, '$[0]') = json_extract(p.value, '$[0]')
          AND json_extract(q.value, '$[2]') < json_extract(p.value, '$[2]'))))`;

/**
 * The rules an alert's audience obeys, as SQL over `chats c`; parameters: @topics (a JSON array of the topic ids
 * whose followers it reaches: its topics and their ancestors), @article (the article, or NULL for a text
 * alert) and @muted (the muted phrases it contains). Driven from the subscriptions index, so a small topic costs little.
 */
const ALERT_RULES = {
  followsTopic:
    "c.id IN (SELECT s.chat_id FROM subscriptions s WHERE s.topic_id IN (SELECT value FROM json_each(@topics)))",
  active: "c.active = 1",
  alertsOn: "c.alerts_enabled = 1",
  notReachedYet: `(@article IS NULL OR NOT EXISTS (
    SELECT 1 FROM article_deliveries d WHERE d.chat_id = c.id AND d.article_id = @article))`,
  // @muted: the muted phrases the alert contains (JSON array; most alerts: none).
  // NOT IN an uncorrelated list (the few chats muting a phrase the alert holds: chat_phrases_kind), built once
  // per statement, not a probe per chat: a count of 50,000 chats with a third muting words 61 -> 40 ms.
  notMuted: `c.id NOT IN (SELECT m.chat_id FROM chat_phrases m
    WHERE m.kind = 'mute' AND m.normalized IN (SELECT value FROM json_each(@muted)))`,
  // Rule 9 (notExcepted above). Most chats except nothing: one probe.
  notExcepted: notExcepted(`c.id NOT IN (SELECT x.chat_id FROM subscription_exceptions x
      WHERE x.topic_id IN (SELECT value FROM json_each(@topics)))`),
};

/**
 * The same rules with a probe per chat where ALERT_RULES build a list of chats (the muting and excepting ones):
 * what a count of a few thousand chats wants (a piece of the count after Send); a list of every muting chat of
 * a million-chat audience built for each piece would cost more than the piece. The same chats either way.
 */
const ALERT_RULES_PROBED = {
  ...ALERT_RULES,
  notMuted: `NOT EXISTS (SELECT 1 FROM chat_phrases m WHERE m.chat_id = c.id AND m.kind = 'mute'
    AND m.normalized IN (SELECT value FROM json_each(@muted)))`,
  notExcepted: notExcepted(`NOT EXISTS (SELECT 1 FROM subscription_exceptions x
      WHERE x.chat_id = c.id AND x.topic_id IN (SELECT value FROM json_each(@topics)))`),
};

/** The rules a digest's readers obey, as SQL over `chats c` (what each one gets is decided per article). */
const DIGEST_RULES = {
  active: "c.active = 1",
  digestsOn: "c.digests_enabled = 1",
  // Or watches a word (rule 8): a watched word's articles come in the digest of the chat's own topics.
  followsSomething: `(EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = c.id)
    OR EXISTS (SELECT 1 FROM chat_phrases w WHERE w.chat_id = c.id AND w.kind = 'watch'))`,
};

/** A reader slot's run goes to the chats that chose it (?: the slot's schedule id; chats_own_schedule index). */
const OWN_SLOT = "c.own_schedule_id = ?";

/**
 * Watched words (docs/audience.md, rule 8): a chat watching one of the phrases an alert contains (@watched: a JSON
 * array, normalized; most alerts: none) is in its audience beyond its topics, under every other rule.
 */
const WATCHES_PHRASE = `c.id IN (SELECT w.chat_id FROM chat_phrases w
    WHERE w.kind = 'watch' AND w.normalized IN (SELECT value FROM json_each(@watched)))`;

const where = (rules: Record<string, string>, except: readonly string[] = []) =>
  Object.entries(rules)
    .filter(([name]) => !except.includes(name))
    .map(([, sql]) => sql)
    .join(" AND ");

// With the quiet hours: how each recipient is sent to (silently, or later) is decided with them (sendingFor).
const RECIPIENT_COLUMNS =
  "c.id, c.type, c.language, c.client_language, c.timezone, c.quiet_start, c.quiet_end, c.quiet_mode";
type RecipientRow = [
  number,
  ChatType,
  Language | null,
  Language | null,
  string | null,
  number | null,
  number | null,
  string,
];
/** Columns of RECIPIENT_COLUMNS: what a query selects after them starts here. */
const RECIPIENT_WIDTH = 8;
const toRecipient = (r: RecipientRow): Recipient => ({
  id: r[0],
  type: r[1],
  language: r[2],
  clientLanguage: r[3],
  timezone: r[4],
  quiet: quietOf(r[5], r[6], r[7]),
});

/** An alert's whole audience: the followers of its topics and the chats watching a phrase it contains. */
const ALERT_AUDIENCE = (except: readonly string[] = []) =>
  `(${ALERT_RULES.followsTopic} OR ${WATCHES_PHRASE}) AND ${where(ALERT_RULES, ["followsTopic", ...except])}`;

/**
 * One chunk of an alert's audience: the followers of one of its topics (@topic) after a chat id (@after), in chat
 * id order, that obey every rule but followsTopic (which the walk itself is) and did not follow a topic walked
 * before (@earlier: they have it already). Walks the subscriptions_topic index (topic_id, chat_id), so a chunk
 * costs its own size whatever the audience (Send enqueues a million chats this way: docs/alerts.md, "Fan-out"):
 * probed per chat (ALERT_RULES_PROBED), as the count's pieces are; the lists of muting and excepting chats built
 * for each chunk cost ~20 ms at 200,000 chats, for a chunk of 100.
 */
const ALERT_CHUNK_PROBES = [
  where(ALERT_RULES_PROBED, ["followsTopic"]),
  "NOT EXISTS (SELECT 1 FROM subscriptions e WHERE e.chat_id = c.id AND e.topic_id IN (SELECT value FROM json_each(@earlier)))",
].join(" AND ");

/**
 * The last phase of an alert's walk: the chats watching a phrase it contains that follow none of its topics (the
 * walk by topics had them), under every other rule; probed per chat, over a page of chat ids at a time.
 */
const ALERT_WATCH_PROBES = [
  "NOT EXISTS (SELECT 1 FROM subscriptions f WHERE f.chat_id = c.id AND f.topic_id IN (SELECT value FROM json_each(@topics)))",
  `EXISTS (SELECT 1 FROM chat_phrases w WHERE w.chat_id = c.id AND w.kind = 'watch'
    AND w.normalized IN (SELECT value FROM json_each(@watched)))`,
  where(ALERT_RULES_PROBED, ["followsTopic"]),
].join(" AND ");

/**
 * A chat an alert goes to, with the topics it follows among those the alert reaches (for its label); `watched`:
 * the phrase it watches (as written) that brought the alert, for a chat reached by a watched word only.
 */
export type AlertRecipient = Recipient & { followedTopicIds: number[]; watched?: string | undefined };

/** What an alert is about, as its audience rules read it. */
export interface AlertSubject {
  /** The topics whose followers it reaches (with their ancestors). */
  topicIds: readonly number[];
  articleId: number | null;
  /** The phrases chats mute that it contains (normalized): chats muting one of them do not get it. */
  muted: readonly string[];
  /** The phrases chats watch that it contains (normalized): chats watching one of them get it beyond their topics. */
  watched?: readonly string[] | undefined;
  /**
   * For the rule of exceptions: [topic, ancestor-or-self, distance] for each of the alert's own topics (before
   * ancestors); none, and a chat excepting a place it reaches does not get it.
   */
  paths?: readonly (readonly [number, number, number])[] | undefined;
}

/**
 * A piece of the count of an alert's audience along its walk (AlertService's count after Send): of the next
 * `scanned` rows walked after the cursor, `counted` chats obey every rule; `last`: the last row walked (the next
 * piece starts after it). `scanned` below the limit: the walk's position is counted to its end.
 */
export interface AlertCountPiece {
  scanned: number;
  counted: number;
  last: number | null;
}

/** What every alert statement is bound with (JSON lists; `article` null for a text alert). */
interface AlertParams {
  topics: string;
  article: number | null;
  muted: string;
  watched: string;
  paths: string;
}

/** A walk of one topic position's followers, after a chat id, `limit` rows at most. */
type TopicWalkParams = Omit<AlertParams, "watched"> & {
  topic: number;
  earlier: string;
  after: number;
  limit: number;
};

/** A walk of the chats that watch a phrase of the alert, after a chat id. */
type WatchWalkParams = AlertParams & { after: number; limit: number };

export class AudienceStore {
  private readonly alertCountChunk: Database.Statement<TopicWalkParams, AlertCountPiece>;
  private readonly alertCountWatchers: Database.Statement<WatchWalkParams, AlertCountPiece>;
  private readonly alertChunk: Database.Statement<TopicWalkParams>;
  private readonly alertWatchChunk: Database.Statement<WatchWalkParams & { through: number }>;
  private readonly chatsPage: Database.Statement<[number, number], { scanned: number; last: number | null }>;
  private readonly alertCount: Database.Statement<AlertParams, { n: number }>;
  private readonly alertFollowers: Database.Statement<AlertParams, { n: number }>;
  private readonly digestPage: Database.Statement<[number, number]>;
  private readonly slotPage: Database.Statement<[number, number, number]>;
  private readonly subscriptionsOf: Database.Statement<[number]>;
  private readonly subscriptionsBetween: Database.Statement<[number, number]>;
  private readonly routing: Database.Statement<[number, number]>;
  private readonly routingOf: Database.Statement<[number], { topic_id: number }>;
  private readonly deliveredToChats: Database.Statement<[string, number, number]>;
  private readonly delivered: Database.Statement<[number, number, string, number]>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    // With each chat, the topics it follows among those the alert reaches: an article's alert is labelled with
    // the reader's own place (TopicIndex.labelTopicForReader). The walk goes topic by topic over the covering
    // index (docs/alerts.md, "Fan-out"); a chat following several is taken at the first.
    this.alertChunk = db
      .prepare(`
        SELECT ${RECIPIENT_COLUMNS},
          (SELECT group_concat(f.topic_id) FROM subscriptions f
           WHERE f.chat_id = c.id AND f.topic_id IN (SELECT value FROM json_each(@topics))) AS followed
        FROM subscriptions s INDEXED BY subscriptions_topic JOIN chats c ON c.id = s.chat_id
        WHERE s.topic_id = @topic AND s.chat_id > @after AND ${ALERT_CHUNK_PROBES}
        ORDER BY s.chat_id LIMIT @limit`)
      .raw();
    // Watched words: the chats the walk by topics did not have, with the first of their phrases the alert contains;
    // a page of chat ids at a time, probed per chat (a list of every watcher and follower built for each chunk cost
    // ~170 ms at 200,000 chats, in one turn).
    this.alertWatchChunk = db
      .prepare(`
        SELECT ${RECIPIENT_COLUMNS}, NULL AS followed,
          (SELECT w.phrase FROM chat_phrases w WHERE w.chat_id = c.id AND w.kind = 'watch'
             AND w.normalized IN (SELECT value FROM json_each(@watched)) ORDER BY w.id LIMIT 1) AS watched
        FROM chats c
        WHERE c.id > @after AND c.id <= @through AND ${ALERT_WATCH_PROBES}
        ORDER BY c.id LIMIT @limit`)
      .raw();
    this.chatsPage = db.prepare(
      "SELECT count(*) AS scanned, max(id) AS last FROM (SELECT id FROM chats WHERE id > ? ORDER BY id LIMIT ?)",
    );
    this.alertCount = db.prepare(`SELECT count(*) AS n FROM chats c WHERE ${ALERT_AUDIENCE()}`);
    // The same walk as alertChunk and alertWatchChunk, counted a page of rows at a time (whatever obeys the rules,
    // probed per chat), so a million chats are counted in pieces that each take a few milliseconds.
    this.alertCountChunk = db.prepare(`
      WITH page AS (
        SELECT s.chat_id FROM subscriptions s INDEXED BY subscriptions_topic
        WHERE s.topic_id = @topic AND s.chat_id > @after ORDER BY s.chat_id LIMIT @limit)
      SELECT count(*) AS scanned, max(p.chat_id) AS last,
        coalesce(sum(CASE WHEN ${ALERT_CHUNK_PROBES} THEN 1 ELSE 0 END), 0) AS counted
      FROM page p JOIN chats c ON c.id = p.chat_id`);
    this.alertCountWatchers = db.prepare(`
      WITH page AS (SELECT id FROM chats WHERE id > @after ORDER BY id LIMIT @limit)
      SELECT count(*) AS scanned, max(p.id) AS last,
        coalesce(sum(CASE WHEN ${ALERT_WATCH_PROBES} THEN 1 ELSE 0 END), 0) AS counted
      FROM page p JOIN chats c ON c.id = p.id`);
    // The same chats before "once per reader": how many follow it at all (the preview says they all had it).
    this.alertFollowers = db.prepare(
      `SELECT count(*) AS n FROM chats c WHERE ${ALERT_AUDIENCE(["notReachedYet"])}`,
    );
    // Who a digest goes to, a page at a time after a chat id (a run's chunk: the audience is never all in memory);
    // a reader slot's run, to the readers who chose it (docs/digests.md, "A reader's own digest").
    this.digestPage = db
      .prepare(
        `SELECT ${RECIPIENT_COLUMNS} FROM chats c WHERE ${where(DIGEST_RULES)} AND c.id > ? ORDER BY c.id LIMIT ?`,
      )
      .raw();
    this.slotPage = db
      .prepare(
        `SELECT ${RECIPIENT_COLUMNS} FROM chats c WHERE ${where(DIGEST_RULES)} AND ${OWN_SLOT} AND c.id > ?
         ORDER BY c.id LIMIT ?`,
      )
      .raw();
    this.subscriptionsOf = db
      .prepare("SELECT chat_id, topic_id, created_at FROM subscriptions WHERE chat_id = ?")
      .raw();
    this.subscriptionsBetween = db
      .prepare(
        "SELECT chat_id, topic_id, created_at FROM subscriptions WHERE chat_id BETWEEN ? AND ? ORDER BY chat_id",
      )
      .raw();
    this.routing = db
      // Articles route by what they are about, not by every place they mention (docs/salience.md).
      .prepare(
        "SELECT article_id, topic_id FROM article_topics WHERE article_id > ? AND article_id <= ? AND about = 1",
      )
      .raw();
    this.routingOf = db.prepare(
      "SELECT topic_id FROM article_topics WHERE article_id = ? AND about = 1 ORDER BY topic_id",
    );
    this.deliveredToChats = db
      .prepare(`
        SELECT chat_id, article_id FROM article_deliveries
        WHERE chat_id IN (SELECT value FROM json_each(?)) AND article_id > ? AND article_id <= ?`)
      .raw();
    this.delivered = db.prepare(
      "INSERT OR IGNORE INTO article_deliveries (chat_id, article_id, via, at) VALUES (?, ?, ?, ?)",
    );
  }

  private static params(subject: AlertSubject) {
    return {
      topics: JSON.stringify(subject.topicIds),
      article: subject.articleId,
      muted: JSON.stringify(subject.muted),
      watched: JSON.stringify(subject.watched ?? []),
      paths: JSON.stringify(subject.paths ?? []),
    };
  }

  /**
   * At most `limit` chats of an alert's audience that follow `subject.topicIds[position]` (and none of the topics
   * before it), with chat ids above `after` (null: from the first), by chat id.
   */
  alertRecipientsChunk(
    subject: AlertSubject,
    position: number,
    after: number | null,
    limit: number,
  ): AlertRecipient[] {
    return AudienceStore.alertRows(
      this.alertChunk.all({
        ...AudienceStore.params(subject),
        topic: subject.topicIds[position] ?? 0,
        earlier: JSON.stringify(subject.topicIds.slice(0, position)),
        after: after ?? Number.MIN_SAFE_INTEGER,
        limit,
      }),
    );
  }

  /**
   * The walk's last phase, a page of the next `scan` chat ids after `after` (null: from the first) at a time: at
   * most `limit` chats of it watching one of `subject.watched` that follow none of its topics, by chat id, each
   * with the phrase that brought it. `after`: where the walk goes on (the last chat returned when `limit` were,
   * else the page's last chat id); `done`: no chat after it (or no watched phrase at all).
   */
  alertWatchersChunk(
    subject: AlertSubject,
    after: number | null,
    limit: number,
    scan: number,
  ): { recipients: AlertRecipient[]; after: number | null; done: boolean } {
    if (!subject.watched?.length) return { recipients: [], after, done: true };
    const from = after ?? Number.MIN_SAFE_INTEGER;
    const page = this.chatsPage.get(from, scan);
    if (!page?.last) return { recipients: [], after, done: true };
    const recipients = AudienceStore.alertRows(
      this.alertWatchChunk.all({ ...AudienceStore.params(subject), after: from, through: page.last, limit }),
    );
    if (recipients.length >= limit)
      return { recipients, after: recipients[recipients.length - 1]?.id ?? after, done: false };
    return { recipients, after: page.last, done: page.scanned < scan };
  }

  private static alertRows(rows: unknown[]): AlertRecipient[] {
    return (rows as [...RecipientRow, string | null, string | null | undefined][]).map((r) => {
      const followed = r[RECIPIENT_WIDTH] as string | null;
      const watched = r[RECIPIENT_WIDTH + 1];
      return {
        ...toRecipient(r as unknown as RecipientRow),
        followedTopicIds: followed === null ? [] : followed.split(",").map(Number),
        ...(typeof watched === "string" ? { watched } : {}),
      };
    });
  }

  /**
   * A piece of the count of an alert's audience along its walk: of the next `limit` followers of
   * `subject.topicIds[position]` after `after` (or, at position topicIds.length, the next `limit` chats: the
   * watchers' phase), how many alertRecipientsChunk (alertWatchersChunk) would return.
   */
  countAlertPiece(
    subject: AlertSubject,
    position: number,
    after: number | null,
    limit: number,
  ): AlertCountPiece {
    const from = after ?? Number.MIN_SAFE_INTEGER;
    const row =
      position < subject.topicIds.length
        ? this.alertCountChunk.get({
            ...AudienceStore.params(subject),
            topic: subject.topicIds[position] ?? 0,
            earlier: JSON.stringify(subject.topicIds.slice(0, position)),
            after: from,
            limit,
          })
        : subject.watched?.length
          ? this.alertCountWatchers.get({ ...AudienceStore.params(subject), after: from, limit })
          : undefined;
    return { scanned: row?.scanned ?? 0, counted: row?.counted ?? 0, last: row?.last ?? null };
  }

  countAlertRecipients(subject: AlertSubject): number {
    return this.alertCount.get(AudienceStore.params(subject))?.n ?? 0;
  }

  /** Chats that would get the alert but for "once per reader" (an article they already received). */
  countAlertFollowers(subject: AlertSubject): number {
    return this.alertFollowers.get(AudienceStore.params(subject))?.n ?? 0;
  }

  /**
   * Every chat a digest may go to (of a reader slot, `slot`: its schedule id, only the chats that chose it): the
   * next `limit` after the chat id `after`, by id.
   */
  digestRecipientsAfter(after: number, limit: number, slot?: number): Recipient[] {
    const rows =
      slot === undefined ? this.digestPage.all(after, limit) : this.slotPage.all(slot, after, limit);
    return (rows as RecipientRow[]).map(toRecipient);
  }

  /** [chat id, topic id, subscribed at] of one chat. */
  subscriptionRowsOf(chatId: number): [number, number, number][] {
    return this.subscriptionsOf.all(chatId) as [number, number, number][];
  }

  /** [chat id, topic id, subscribed at] of the chats first ≤ id ≤ last (a digest run's chunk of readers). */
  subscriptionRowsBetween(first: number, last: number): [number, number, number][] {
    return this.subscriptionsBetween.all(first, last) as [number, number, number][];
  }

  /** [article id, topic id]: the topics that route the articles afterId < id ≤ throughId to their followers. */
  routingTopicsBetween(afterId: number, throughId: number): [number, number][] {
    return this.routing.all(afterId, throughId) as [number, number][];
  }

  /** The topics that route one article to their followers. */
  routingTopicsOf(articleId: number): number[] {
    return this.routingOf.all(articleId).map((r) => r.topic_id);
  }

  /** [chat id, article id]: articles in (afterId, throughId] that already reached these chats. */
  deliveredToAny(chatIds: readonly number[], afterId: number, throughId: number): [number, number][] {
    return this.deliveredToChats.all(JSON.stringify(chatIds), afterId, throughId) as [number, number][];
  }

  /** Records that these articles reached these chats (`via`: an alert's or a topic digest's ref). */
  recordDeliveries(chatIds: readonly number[], articleIds: readonly number[], via: string): void {
    const now = this.clock();
    for (const chatId of chatIds)
      for (const articleId of articleIds) this.delivered.run(chatId, articleId, via, now);
  }
}
