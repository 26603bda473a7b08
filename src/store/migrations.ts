// Versioned schema migrations, applied in order at start; PRAGMA user_version records the last one applied.
// Never edit a migration that has shipped: add a new one.

/** One schema step. `up` runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
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
];
