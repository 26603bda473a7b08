// Versioned schema migrations, applied in order at start; PRAGMA user_version records the last one applied.
// Never edit a migration that has shipped: add a new one.
import type Database from "better-sqlite3";
import { normalize } from "../text/normalize";
import { indexText } from "../text/stem";

/** One schema step. `up` runs inside a transaction, then `backfill` (rows SQL alone cannot compute) in the same one. */
export interface Migration {
  version: number;
  name: string;
  up: string;
  backfill?: (db: Database.Database) => void;
}

/** Indexes every stored article's stemmed words (migration 22); the importer does the same for new ones. */
function indexStoredArticles(db: Database.Database): void {
  const insert = db.prepare("INSERT INTO articles_search (rowid, title, body) VALUES (?, ?, ?)");
  const batch = db.prepare<[number], { id: number; title: string; body: string }>(
    "SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT 500",
  );
  for (let after = 0; ; ) {
    const rows = batch.all(after);
    if (rows.length === 0) return;
    for (const row of rows)
      insert.run(row.id, indexText(normalize(row.title)), indexText(normalize(row.body)));
    after = (rows.at(-1) as { id: number }).id;
  }
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: "chats, topics, aliases, subscriptions, roles",
    up: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- A chat is a reader: a private chat, a group, a supergroup or a channel.
      CREATE TABLE chats (
        id              INTEGER PRIMARY KEY,
        type            TEXT    NOT NULL CHECK (type IN ('private', 'group', 'supergroup', 'channel')),
        title           TEXT,
        language        TEXT    CHECK (language IN ('ar', 'en')),   -- NULL: follow Telegram's language_code
        timezone        TEXT,                                       -- NULL: DEFAULT_TIMEZONE
        alerts_enabled  INTEGER NOT NULL DEFAULT 1,
        digests_enabled INTEGER NOT NULL DEFAULT 1,
        active          INTEGER NOT NULL DEFAULT 1,
        inactive_reason TEXT,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      );

      CREATE TABLE topics (
        id         INTEGER PRIMARY KEY,
        slug       TEXT    NOT NULL UNIQUE,
        parent_id  INTEGER REFERENCES topics (id) ON DELETE SET NULL,
        kind       TEXT    NOT NULL DEFAULT 'topic',
        name_ar    TEXT    NOT NULL,
        name_en    TEXT    NOT NULL,
        position   INTEGER NOT NULL DEFAULT 0,
        builtin    INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX topics_parent ON topics (parent_id);

      CREATE TABLE topic_aliases (
        id       INTEGER PRIMARY KEY,
        topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        alias    TEXT    NOT NULL,
        lang     TEXT    NOT NULL CHECK (lang IN ('ar', 'en')),
        strength TEXT    NOT NULL CHECK (strength IN ('strong', 'weak', 'exclude')),
        builtin  INTEGER NOT NULL DEFAULT 0,
        UNIQUE (topic_id, alias, strength)
      );

      CREATE TABLE subscriptions (
        chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (chat_id, topic_id)
      ) WITHOUT ROWID;
      CREATE INDEX subscriptions_topic ON subscriptions (topic_id);

      -- Roles granted in the bot; ADMIN_IDS and EDITOR_IDS from the environment apply on top.
      CREATE TABLE roles (
        user_id    INTEGER PRIMARY KEY,
        role       TEXT    NOT NULL CHECK (role IN ('editor', 'admin')),
        granted_by INTEGER,
        granted_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "feeds, articles, article topics, full-text index",
    up: `
      CREATE TABLE feeds (
        id              INTEGER PRIMARY KEY,
        url             TEXT    NOT NULL UNIQUE,
        title           TEXT,
        auto_alert      INTEGER NOT NULL DEFAULT 0,  -- breaking items become alerts without an editor
        added_by        INTEGER,
        etag            TEXT,
        last_modified   TEXT,
        last_polled_at  INTEGER,
        last_success_at INTEGER,
        last_error      TEXT,
        last_error_at   INTEGER,
        failures        INTEGER NOT NULL DEFAULT 0,  -- consecutive; drives the backoff
        next_poll_at    INTEGER NOT NULL DEFAULT 0,
        items_added     INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL
      );

      CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        title        TEXT    NOT NULL,
        body         TEXT    NOT NULL,
        url          TEXT,                -- canonical link
        guid_key     TEXT,                -- the source guid, scoped by the source name (NUL-separated)
        source       TEXT,
        author       TEXT,
        language     TEXT    NOT NULL CHECK (language IN ('ar', 'en')),
        content_hash TEXT    NOT NULL,    -- sha256 of the normalized title and body
        breaking     INTEGER NOT NULL DEFAULT 0,
        origin       TEXT    NOT NULL CHECK (origin IN ('post', 'feed', 'import')),
        feed_id      INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        posted_by    INTEGER,
        published_at INTEGER,
        ingested_at  INTEGER NOT NULL,
        sort_at      INTEGER NOT NULL,    -- published_at when given and not in the future, else ingested_at
        search_text  TEXT    NOT NULL     -- normalized title and body: what FTS indexes and LIKE scans
      );
      CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
      CREATE UNIQUE INDEX articles_guid ON articles (guid_key) WHERE guid_key IS NOT NULL;
      CREATE UNIQUE INDEX articles_hash ON articles (content_hash);
      CREATE INDEX articles_sort ON articles (sort_at);
      CREATE INDEX articles_ingested ON articles (ingested_at);

      CREATE TABLE article_topics (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, topic_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_topics_topic ON article_topics (topic_id, article_id);

      -- unicode61 splits Arabic words at harakat and folds none of its variants, so FTS indexes the
      -- normalized copy with trigrams (docs/arabic.md, "Search").
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        search_text, content = 'articles', content_rowid = 'id', tokenize = 'trigram'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF search_text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO articles_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;
    `,
  },
  {
    version: 3,
    name: "outbox",
    up: `
      -- Every alert and digest message is a row here before it is sent (architecture.md: a row before a
      -- side effect). status: queued -> sending -> sent | failed | dropped; a crash leaves 'sending',
      -- which start-up turns back into 'queued' (at most the part in flight is sent twice).
      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        chat_id         INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        purpose         TEXT    NOT NULL,             -- alert, digest, ...
        priority        INTEGER NOT NULL,             -- lower is sent first: alerts before digests
        ref             TEXT    NOT NULL,             -- what produced it, e.g. alert:17 (progress is counted per ref)
        dedupe_key      TEXT    NOT NULL,             -- enqueuing the same key twice for a chat and purpose is a no-op
        parts           TEXT    NOT NULL,             -- JSON array of Telegram-HTML messages, each within limits
        parts_sent      INTEGER NOT NULL DEFAULT 0,   -- a crash between parts resumes at the next one
        status          TEXT    NOT NULL DEFAULT 'queued'
                        CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'dropped')),
        attempts        INTEGER NOT NULL DEFAULT 0,   -- transient failures (5xx, network); 429 waits do not count
        next_attempt_at INTEGER NOT NULL,
        message_ids     TEXT,                         -- JSON array of Telegram message ids, one per part sent
        last_error      TEXT,
        enqueued_at     INTEGER NOT NULL,
        sent_at         INTEGER,
        UNIQUE (chat_id, purpose, dedupe_key)
      );
      CREATE INDEX outbox_due ON outbox (priority, next_attempt_at, id) WHERE status = 'queued';
      CREATE INDEX outbox_ref ON outbox (ref, status);
      CREATE INDEX outbox_sending ON outbox (status) WHERE status = 'sending';
    `,
  },
  {
    version: 4,
    name: "alerts, article deliveries, the language a reader's Telegram app uses",
    up: `
      -- A chat that follows its Telegram language (language IS NULL) is written to in that language when the
      -- bot speaks first (alerts, digests), so the last language_code seen (mapped to ar/en) is kept.
      ALTER TABLE chats ADD COLUMN client_language TEXT CHECK (client_language IN ('ar', 'en'));

      -- A breaking alert: an editor's text for a topic, or an existing article. pending (a preview waiting
      -- for Send) -> sending (enqueued) -> done; or pending -> cancelled | expired.
      CREATE TABLE alerts (
        id                INTEGER PRIMARY KEY,
        origin            TEXT    NOT NULL CHECK (origin IN ('editor', 'auto')),
        topic_id          INTEGER REFERENCES topics (id) ON DELETE SET NULL,
        article_id        INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        text              TEXT,                -- the editor's words (text alerts)
        requested_by      INTEGER,             -- the editor's user id (NULL for auto-alerts)
        requested_by_name TEXT,                -- shown to editors in /alerts
        language          TEXT    NOT NULL CHECK (language IN ('ar', 'en')),  -- the editor's, for the status
        status            TEXT    NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'cancelled', 'expired', 'sending', 'done')),
        audience          INTEGER,             -- chats counted in the preview
        recipients        INTEGER,             -- chats enqueued when sent
        sent              INTEGER NOT NULL DEFAULT 0,
        failed            INTEGER NOT NULL DEFAULT 0,
        blocked           INTEGER NOT NULL DEFAULT 0,
        status_chat_id    INTEGER,             -- the message edited as delivery progresses
        status_message_id INTEGER,
        created_at        INTEGER NOT NULL,
        confirmed_at      INTEGER,
        finished_at       INTEGER
      );
      CREATE INDEX alerts_recent ON alerts (confirmed_at) WHERE confirmed_at IS NOT NULL;
      -- An article becomes an auto-alert once, however many polls see it.
      CREATE UNIQUE INDEX alerts_auto_article ON alerts (article_id) WHERE origin = 'auto';

      -- Articles that reached a chat (as an alert): digests leave them out, a second alert skips the chat.
      CREATE TABLE article_deliveries (
        chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        via        TEXT    NOT NULL,   -- alert:<id>
        at         INTEGER NOT NULL,
        PRIMARY KEY (chat_id, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_deliveries_article ON article_deliveries (article_id);
    `,
  },
  {
    version: 5,
    name: "digest schedules, runs, and each reader's place in each schedule",
    up: `
      CREATE TABLE schedules (
        id          INTEGER PRIMARY KEY,
        spec        TEXT    NOT NULL,   -- what the admin wrote after /schedule (shown in /schedules)
        cron        TEXT    NOT NULL,   -- 5 or 6 fields, in timezone
        timezone    TEXT    NOT NULL,   -- IANA zone
        topic_id    INTEGER REFERENCES topics (id) ON DELETE CASCADE,  -- NULL: each reader's own topics
        created_by  INTEGER,
        created_at  INTEGER NOT NULL,
        last_due_at INTEGER             -- the scheduled time of the last run started
      );

      -- A run of a schedule for one due time: the same (schedule, due time) never runs twice; a run a stop
      -- interrupted is finished at start (the outbox's dedupe keys and the marks below make that safe).
      CREATE TABLE digest_runs (
        id          INTEGER PRIMARY KEY,
        schedule_id INTEGER NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
        due_at      INTEGER NOT NULL,
        through_id  INTEGER NOT NULL,   -- the newest article id when it started: what it may include
        status      TEXT    NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
        readers     INTEGER NOT NULL DEFAULT 0,   -- digests enqueued
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        UNIQUE (schedule_id, due_at)
      );

      -- Scope 0: up to which article the reader's last digest of their own topics went (every own-topics
      -- schedule shares it: the next one starts after it). Scope <topic id>: up to which article a run of a
      -- topic schedule handled the reader (only so that a restarted run skips them; what a topic digest
      -- showed is in article_deliveries).
      CREATE TABLE digest_marks (
        chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        scope      INTEGER NOT NULL,
        through_id INTEGER NOT NULL,
        run_id     INTEGER NOT NULL,
        PRIMARY KEY (chat_id, scope)
      ) WITHOUT ROWID;
      CREATE INDEX digest_marks_scope ON digest_marks (scope, chat_id);
    `,
  },
  {
    version: 6,
    name: "outbox failure time, for /stats",
    up: `
      -- When a message failed for good, so /stats can count the failures of the last 24 hours and of
      -- each day (sent ones have sent_at). Rows that failed before this migration keep NULL.
      ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
      CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
      CREATE INDEX outbox_failed_at ON outbox (failed_at) WHERE failed_at IS NOT NULL;
      CREATE INDEX chats_created ON chats (created_at);
    `,
  },
  {
    version: 7,
    name: "about and mentions, near-duplicates and their sources",
    up: `
      -- Tagging tells what an article is about from what it only mentions (docs/salience.md). Rows tagged before
      -- keep about = 1 (they reached readers as before); score NULL means "not scored".
      ALTER TABLE article_topics ADD COLUMN about INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE article_topics ADD COLUMN score REAL;
      -- Routing (alerts, digests, /latest) reads only what articles are about.
      CREATE INDEX article_topics_about ON article_topics (topic_id, article_id) WHERE about = 1;

      -- Keys that find an article's near-duplicates (docs/dedupe.md): its MinHash bands and its title's hash.
      CREATE TABLE article_keys (
        key        INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_keys_article ON article_keys (article_id);

      -- The same story from another source (a feed's copy of an imported report): stored once, the other
      -- sources recorded here; their guid and URL find the article on the next poll.
      CREATE TABLE article_sources (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        origin     TEXT    NOT NULL,
        feed_id    INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        source     TEXT,
        url        TEXT,
        guid_key   TEXT,
        similarity REAL    NOT NULL,
        added_at   INTEGER NOT NULL
      );
      CREATE INDEX article_sources_article ON article_sources (article_id);
      CREATE UNIQUE INDEX article_sources_url ON article_sources (url) WHERE url IS NOT NULL;
      CREATE UNIQUE INDEX article_sources_guid ON article_sources (guid_key) WHERE guid_key IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: "feed errors as a kind, not English text",
    up: `
      -- A feed's last error as data (timeout, http with its status, not-a-feed, too-large, network, …),
      -- so /feeds words it in the editor's language; last_error keeps the English line for the logs.
      ALTER TABLE feeds ADD COLUMN last_error_kind TEXT;
      ALTER TABLE feeds ADD COLUMN last_error_status INTEGER;
      -- Errors stored before: classified once here, from the wording the poller used to store.
      UPDATE feeds SET last_error_kind = 'http', last_error_status = CAST(substr(last_error, 6, 3) AS INTEGER)
        WHERE last_error GLOB 'HTTP [0-9][0-9][0-9]*';
      UPDATE feeds SET last_error_kind = CASE
          WHEN last_error LIKE 'timed out%' THEN 'timeout'
          WHEN last_error LIKE 'larger than%' THEN 'too-large'
          WHEN last_error LIKE 'network error%' THEN 'network'
          WHEN last_error LIKE 'too many redirects%' THEN 'redirects'
          WHEN last_error LIKE '%unsupported URL%' THEN 'bad-url'
          WHEN last_error LIKE 'malformed XML%' OR last_error LIKE 'not an RSS or Atom%' THEN 'not-a-feed'
          ELSE 'other'
        END
        WHERE last_error IS NOT NULL AND last_error_kind IS NULL;
    `,
  },
  {
    version: 11,
    name: "outbox rows carry a typed message instead of text parts",
    up: `
      -- A message is JSON with its kind: {"kind":"text","parts":[...]} (src/text/message.ts); a photo with a
      -- caption comes next. Rows written before keep their parts, wrapped as a text message; parts_sent
      -- still counts the Telegram calls made for the row (a photo's caption is its first part).
      ALTER TABLE outbox RENAME COLUMN parts TO message;
      UPDATE outbox SET message = json_object('kind', 'text', 'parts', json(message));
    `,
  },
  {
    version: 17,
    name: "an alert's audience is enqueued in chunks, resumably",
    up: `
      -- Send enqueues the first chats at once and the rest chunk by chunk while the sender already sends
      -- (docs/alerts.md, "Fan-out"). The cursor: the topics whose followers are enqueued (JSON array of ids,
      -- NULL once all are), the one being walked, and the last chat id enqueued in it. Each chunk moves it in the
      -- transaction that enqueues the chunk, so a restart resumes where the last chunk ended.
      ALTER TABLE alerts ADD COLUMN fanout_topics TEXT;
      ALTER TABLE alerts ADD COLUMN fanout_position INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE alerts ADD COLUMN fanout_after INTEGER;
    `,
  },
  {
    version: 21,
    name: "a message shared by many chats is stored once",
    up: `
      -- An alert's few renderings (language x zone) and digests with the same content are one body each, which
      -- the outbox rows reference (docs/delivery.md, "Bodies"). key: a hash of what the caller says identifies
      -- the rendering (NULL: shared by the rows of one enqueue only). outbox.message stays for rows written
      -- before (and is '' for rows with a body); compaction drops a body once no row references it.
      -- AUTOINCREMENT: an id is never reused after its body is dropped (the sender caches parsed bodies by id).
      CREATE TABLE outbox_bodies (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        key     BLOB UNIQUE,
        message TEXT NOT NULL
      );
      ALTER TABLE outbox ADD COLUMN body_id INTEGER REFERENCES outbox_bodies (id);
      CREATE INDEX outbox_body ON outbox (body_id) WHERE body_id IS NOT NULL;
    `,
  },
  {
    version: 22,
    name: "search: an index of stemmed words, every word of a query matching anywhere",
    up: `
      -- The trigram index matched a query as one phrase. Search now looks up each word's stem (src/text/stem.ts,
      -- computed in TypeScript when an article is stored: SQLite cannot call it), title and body apart so that
      -- bm25 weighs the title (docs/search.md). Contentless: the stems are only ever looked up, never shown.
      DROP TRIGGER IF EXISTS articles_fts_insert;
      DROP TRIGGER IF EXISTS articles_fts_delete;
      DROP TRIGGER IF EXISTS articles_fts_update;
      DROP TABLE IF EXISTS articles_fts;
      CREATE VIRTUAL TABLE articles_search USING fts5 (
        title, body, content = '', contentless_delete = 1, tokenize = 'ascii'
      );
      CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
        DELETE FROM articles_search WHERE rowid = old.id;
      END;
    `,
    backfill: indexStoredArticles,
  },
  {
    version: 23,
    name: "editors' changes to articles: topics chosen by hand, deletion, and the record of who did what",
    up: `
      -- An article an editor deleted keeps its row (its guid and URL, so the feed's next poll does not bring it
      -- back; outbox and delivery rows that name it stay as they are) but leaves search, topics and near-duplicate
      -- keys; every query readers run skips it.
      ALTER TABLE articles ADD COLUMN deleted_at INTEGER;

      -- What an editor decided about an article's topics (docs/salience.md, "Editors' choices"): about = 1 or 0
      -- keeps the topic as about or as a mention, NULL keeps it off. Re-tagging applies these after the machine.
      CREATE TABLE article_topic_choices (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        about      INTEGER,
        PRIMARY KEY (article_id, topic_id)
      ) WITHOUT ROWID;

      -- Every change an editor made to an article, newest last: who (a Telegram user id, and the name shown in
      -- /article, inside change), when, and what as JSON ({"kind":"remove-topic","topic":12,...}).
      CREATE TABLE article_changes (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        user_id    INTEGER,
        at         INTEGER NOT NULL,
        change     TEXT    NOT NULL
      );
      CREATE INDEX article_changes_article ON article_changes (article_id, id);
    `,
  },
  {
    version: 24,
    name: "a reader's own words: mutes",
    up: `
      -- kind 'mute': articles containing the phrase do not reach the chat (docs/audience.md, rule 7). 'watch' is
      -- reserved for words that bring articles beyond the chat's places (issue 14). normalized: as matched
      -- (src/text/phrases.ts); phrase: as the reader wrote it, for lists.
      -- id: what a remove button carries (a phrase may be longer than Telegram's 64 bytes of button data).
      CREATE TABLE chat_phrases (
        id         INTEGER PRIMARY KEY,
        chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('mute', 'watch')),
        normalized TEXT NOT NULL,
        phrase     TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (chat_id, kind, normalized)
      );
      CREATE INDEX chat_phrases_kind ON chat_phrases (kind, normalized);
    `,
  },
  {
    version: 25,
    name: "a reader's exceptions: a followed place except some of the places under it",
    up: `
      -- «دير الزور ما عدا الميادين» (docs/audience.md, rule 9): the chat follows a place above topic_id and does not
      -- want what is only about topic_id or the places under it. Following topic_id again removes the row.
      CREATE TABLE subscription_exceptions (
        chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (chat_id, topic_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 26,
    name: "quiet hours: a reader's hours without sound, and alerts urgent enough to ring anyway",
    up: `
      -- A reader's quiet hours, as whole local hours in the chat's zone (start included, end excluded; start after
      -- end wraps past midnight: 23 and 7 are 23:00-07:00); NULL: none. quiet_mode: what alerts do during them,
      -- 'silent' (they arrive without sound: disable_notification) or 'later' (they wait for the end). Digests
      -- due in quiet hours always wait for the end (docs/audience.md, rule 10).
      ALTER TABLE chats ADD COLUMN quiet_start INTEGER CHECK (quiet_start BETWEEN 0 AND 23);
      ALTER TABLE chats ADD COLUMN quiet_end INTEGER CHECK (quiet_end BETWEEN 0 AND 23);
      ALTER TABLE chats ADD COLUMN quiet_mode TEXT NOT NULL DEFAULT 'silent' CHECK (quiet_mode IN ('silent', 'later'));
      -- A row sent without sound (Telegram's disable_notification); a row that waits has a later next_attempt_at.
      ALTER TABLE outbox ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
      -- An editor marked the alert urgent: it rings even in readers' quiet hours.
      ALTER TABLE alerts ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 27,
    name: "a reader's own digest: the time slots readers chose, one schedule each",
    up: `
      -- A schedule with reader_slot = 1 is a time a reader chose for their own digest (daily, twice daily or
      -- weekly, in their zone), shared by every reader who chose the same cron and zone: one run per distinct
      -- slot (docs/digests.md, "A reader's own digest"). Admins' /schedules list only the others.
      ALTER TABLE schedules ADD COLUMN reader_slot INTEGER NOT NULL DEFAULT 0;
      CREATE UNIQUE INDEX schedules_reader_slot ON schedules (cron, timezone) WHERE reader_slot = 1;
      -- The slot a chat chose (NULL: no digest of its own, the admins' schedules only).
      ALTER TABLE chats ADD COLUMN own_schedule_id INTEGER REFERENCES schedules (id) ON DELETE SET NULL;
      CREATE INDEX chats_own_schedule ON chats (own_schedule_id) WHERE own_schedule_id IS NOT NULL;
    `,
  },
  {
    version: 28,
    name: "photos: an article's picture, an editor's message it came from, a text alert's photo, uploads reused",
    up: `
      -- image: the article's picture as Telegram takes it: a file_id (an editor's photo) or an http(s) URL (a feed's
      -- enclosure / media:content / media:thumbnail, a JSON import's "image"). NULL: none (docs/delivery.md, "Photos").
      ALTER TABLE articles ADD COLUMN image TEXT;
      -- The editor's message a /post came from (edited_message updates the article: docs/delivery.md, "Edits").
      ALTER TABLE articles ADD COLUMN post_chat_id INTEGER;
      ALTER TABLE articles ADD COLUMN post_message_id INTEGER;
      CREATE INDEX articles_post_message ON articles (post_chat_id, post_message_id) WHERE post_chat_id IS NOT NULL;
      -- A text alert's photo (an editor's /alert sent as a photo's caption): a Telegram file_id.
      ALTER TABLE alerts ADD COLUMN photo TEXT;
      -- A correction: the row whose delivered copy this row edits (its message_ids), message kind 'edit'.
      ALTER TABLE outbox ADD COLUMN edit_of INTEGER;
      -- What Telegram answered the first time a photo given by URL was sent: the file_id every later send uses (one
      -- upload per picture, whatever the audience, across restarts), or why it refused it (then the text goes alone).
      CREATE TABLE photo_files (
        source     TEXT PRIMARY KEY,
        file_id    TEXT,
        refused    TEXT,
        learned_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 29,
    name: "readers' tips to the newsroom",
    up: `
      -- A reader's tip (docs/tips.md): a message of theirs (text, photo, video, location, a forward) the newsroom's
      -- editors receive, copied without the reader's name (named = 0, the default) or forwarded showing it.
      -- status: 'draft' (waiting for the reader's one-tap confirmation), 'sent' (the editors have it),
      -- 'dismissed', 'posted' (article_id: the article an editor made of it), 'cancelled' (by the reader).
      -- chat_id and message_id: the reader's own message, what the editors' copy is made from. text: its text or
      -- caption (what /post is prefilled with). sender: the reader's name as Telegram gave it, shown only when named.
      CREATE TABLE tips (
        id          INTEGER PRIMARY KEY,
        chat_id     INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        user_id     INTEGER NOT NULL,
        message_id  INTEGER NOT NULL,
        kind        TEXT    NOT NULL,
        text        TEXT    NOT NULL DEFAULT '',
        origin      TEXT,
        sender      TEXT    NOT NULL DEFAULT '',
        named       INTEGER NOT NULL DEFAULT 0,
        status      TEXT    NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'sent', 'dismissed', 'posted', 'cancelled')),
        created_at  INTEGER NOT NULL,
        sent_at     INTEGER,
        handled_by  INTEGER,
        handled_at  INTEGER,
        replies     INTEGER NOT NULL DEFAULT 0,
        article_id  INTEGER REFERENCES articles (id) ON DELETE SET NULL
      );
      -- The rate limit counts a reader's tips sent in the last hour.
      CREATE INDEX tips_sent ON tips (user_id, sent_at) WHERE sent_at IS NOT NULL;
      CREATE INDEX tips_chat ON tips (chat_id);
    `,
  },
  {
    version: 30,
    name: "usernames the bot has seen (/grant @username, /roles); topics renamed by an admin",
    up: `
      -- The @username of each Telegram user who sent the bot an update (private chat or group), as last seen;
      -- a name another user takes later moves to them. Only staff tools read it.
      CREATE TABLE usernames (
        user_id  INTEGER PRIMARY KEY,
        username TEXT    NOT NULL COLLATE NOCASE UNIQUE,
        seen_at  INTEGER NOT NULL
      );
      -- When an admin renamed the topic (/renametopic): the catalog's seed then keeps the admin's names.
      ALTER TABLE topics ADD COLUMN renamed_at INTEGER;
    `,
  },
  {
    version: 31,
    name: "a version per kind of readers' phrases, kept by triggers",
    up: `
      -- What caches of matched phrases are keyed on (PhraseStore.version): bumped by every insert, delete or update
      -- of a phrase of that kind, whoever makes it (a command, /stop's cascade, a chat's migration). It replaces
      -- count(*) and max(created_at) over chat_phrases, a scan of every reader's phrases that a digest run asked
      -- for at each chunk (6 s of a 100,000-reader run where a third mute 5 words).
      CREATE TABLE phrase_versions (
        kind    TEXT    PRIMARY KEY,
        version INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO phrase_versions (kind, version) SELECT kind, count(*) FROM chat_phrases GROUP BY kind;
      CREATE TRIGGER chat_phrases_version_insert AFTER INSERT ON chat_phrases BEGIN
        INSERT INTO phrase_versions (kind, version) VALUES (NEW.kind, 1)
          ON CONFLICT (kind) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER chat_phrases_version_delete AFTER DELETE ON chat_phrases BEGIN
        INSERT INTO phrase_versions (kind, version) VALUES (OLD.kind, 1)
          ON CONFLICT (kind) DO UPDATE SET version = version + 1;
      END;
      CREATE TRIGGER chat_phrases_version_update AFTER UPDATE ON chat_phrases BEGIN
        INSERT INTO phrase_versions (kind, version) VALUES (OLD.kind, 1)
          ON CONFLICT (kind) DO UPDATE SET version = version + 1;
        INSERT INTO phrase_versions (kind, version) VALUES (NEW.kind, 1)
          ON CONFLICT (kind) DO UPDATE SET version = version + 1;
      END;
    `,
  },
  {
    version: 32,
    name: "retired topics; each editor's copy of a breaking-item offer",
    up: `
      -- When an admin retired the topic (/retiretopic): it leaves lookup, the picker and tagging, its followers'
      -- rows, aliases, exceptions and schedules go; its articles keep it (the index still knows it by id).
      ALTER TABLE topics ADD COLUMN retired_at INTEGER;

      -- Every editor's copy of a breaking-item offer (bot/breaking-offers.ts), one row per item it shows, so that
      -- «Ignore» pressed in one copy clears the others and says who ignored it. A copy goes through the outbox as
      -- the row (chat_id, ref): its message id is the outbox's once sent. Staff private chats only (no chat
      -- migration applies); an article deleted for good takes its rows.
      CREATE TABLE breaking_offers (
        chat_id    INTEGER NOT NULL,
        ref        TEXT    NOT NULL,   -- the outbox ref of the offer (offer:<first article id>)
        feed       TEXT    NOT NULL,   -- the feed's title (or URL) as the offer named it
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,   -- the item's place in the message
        total      INTEGER NOT NULL,   -- items of the poll (the message shows at most 5)
        ignored_by TEXT,               -- the name of the editor who pressed «Ignore» (NULL: still offered)
        sent_at    INTEGER NOT NULL,
        PRIMARY KEY (chat_id, ref, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX breaking_offers_article ON breaking_offers (article_id);
    `,
  },
  {
    version: 34,
    name: "what the bot waits for a person to type, across restarts",
    up: `
      -- A question the bot asked a person in a chat and whose answer is their next message there (PendingInputs,
      -- src/readers/pending-inputs.ts): kind 'tip' (after /tip alone), 'tip-reply' (an editor's «↩» under a tip;
      -- payload {"tip": id}), 'article-topic' (/article's «➕»; payload {"article": id, "view": message id}).
      -- One of each kind a person and chat; a row past expires_at is no question any more (deleted when read, and
      -- when a new question is asked).
      CREATE TABLE pending_inputs (
        chat_id    INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE ON UPDATE CASCADE,
        user_id    INTEGER NOT NULL,
        kind       TEXT    NOT NULL,
        payload    TEXT    NOT NULL DEFAULT '{}',
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (chat_id, user_id, kind)
      ) WITHOUT ROWID;
      CREATE INDEX pending_inputs_expiry ON pending_inputs (expires_at);
    `,
  },
  {
    version: 35,
    name: "no person's name as the forward origin of an anonymous tip",
    up: `
      -- Before the fix of 2026-12-02 a forward's origin was stored whatever it was, a person's name too (a reader
      -- forwarding their own message, or someone else's); the editors' card of a tip sent without the name showed
      -- it. A stored name cannot be told from a channel's title, so every origin of a tip not sent with the name
      -- goes (drafts too: named is set when the reader sends). A tip sent named is forwarded, and Telegram's own
      -- header shows that origin anyway.
      UPDATE tips SET origin = NULL WHERE named = 0 AND origin IS NOT NULL;
    `,
  },
  {
    version: 36,
    name: "chats by kind and deliveries by purpose, for /stats",
    up: `
      -- /stats counts chats by kind and state, and followers by topic (StatsStore.census, the top places): kept by
      -- triggers, so that /stats reads a few rows instead of walking a million chats and their subscriptions while
      -- a broadcast goes on (a million chats, 2.4 million subscriptions: ~300 ms in one turn of the bot).
      CREATE TABLE chat_kinds (
        type   TEXT    NOT NULL,
        active INTEGER NOT NULL,
        n      INTEGER NOT NULL,
        PRIMARY KEY (type, active)
      ) WITHOUT ROWID;
      INSERT INTO chat_kinds (type, active, n) SELECT type, active, count(*) FROM chats GROUP BY type, active;
      CREATE TRIGGER chat_kinds_insert AFTER INSERT ON chats BEGIN
        INSERT INTO chat_kinds (type, active, n) VALUES (NEW.type, NEW.active, 1)
          ON CONFLICT (type, active) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER chat_kinds_delete AFTER DELETE ON chats BEGIN
        UPDATE chat_kinds SET n = n - 1 WHERE type = OLD.type AND active = OLD.active;
      END;
      CREATE TRIGGER chat_kinds_update AFTER UPDATE OF type, active ON chats
        WHEN OLD.type IS NOT NEW.type OR OLD.active IS NOT NEW.active BEGIN
        UPDATE chat_kinds SET n = n - 1 WHERE type = OLD.type AND active = OLD.active;
        INSERT INTO chat_kinds (type, active, n) VALUES (NEW.type, NEW.active, 1)
          ON CONFLICT (type, active) DO UPDATE SET n = n + 1;
      END;
      CREATE TABLE topic_followers (
        topic_id INTEGER PRIMARY KEY,
        n        INTEGER NOT NULL
      );
      INSERT INTO topic_followers (topic_id, n) SELECT topic_id, count(*) FROM subscriptions GROUP BY topic_id;
      CREATE TRIGGER topic_followers_insert AFTER INSERT ON subscriptions BEGIN
        INSERT INTO topic_followers (topic_id, n) VALUES (NEW.topic_id, 1)
          ON CONFLICT (topic_id) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER topic_followers_delete AFTER DELETE ON subscriptions BEGIN
        UPDATE topic_followers SET n = n - 1 WHERE topic_id = OLD.topic_id;
      END;
      CREATE TRIGGER topic_followers_update AFTER UPDATE OF topic_id ON subscriptions
        WHEN OLD.topic_id IS NOT NEW.topic_id BEGIN
        UPDATE topic_followers SET n = n - 1 WHERE topic_id = OLD.topic_id;
        INSERT INTO topic_followers (topic_id, n) VALUES (NEW.topic_id, 1)
          ON CONFLICT (topic_id) DO UPDATE SET n = n + 1;
      END;
      -- And the alerts and digests sent or failed a day (StatsStore.deliveries): by purpose within the index.
      DROP INDEX outbox_sent_at;
      CREATE INDEX outbox_sent_at ON outbox (sent_at, purpose) WHERE sent_at IS NOT NULL;
      DROP INDEX outbox_failed_at;
      CREATE INDEX outbox_failed_at ON outbox (failed_at, purpose) WHERE failed_at IS NOT NULL;
    `,
  },
];
