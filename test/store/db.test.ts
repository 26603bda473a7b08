import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createStore } from "../../src/store";
import { inTimedTransactions, isBusy, isWriteFailure, migrate, openDatabase } from "../../src/store/db";
import { migrations } from "../../src/store/migrations";
import { manualClock } from "../support/clock";
import { tempDatabasePath } from "../support/temp";

const temps: { cleanup(): void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});
const temp = () => {
  const t = tempDatabasePath();
  temps.push(t);
  return t;
};

describe("openDatabase", () => {
  it("has migrations in increasing order of version (the runner skips every version up to user_version)", () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it("creates the folder and file, with WAL and foreign keys, at the latest version", () => {
    const { path } = temp();
    const db = openDatabase(path);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("user_version", { simple: true })).toBe(Math.max(...migrations.map((m) => m.version)));
    db.close();
  });

  it("starts cleanly on an up-to-date file and applies nothing twice", () => {
    const { path } = temp();
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it("applies only the newer migrations to an older file", () => {
    const { path } = temp();
    openDatabase(path).close();
    const next = [...migrations, { version: 999, name: "test", up: "CREATE TABLE later (x INTEGER);" }];
    const db = openDatabase(path, next);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'later'").get()).toBeDefined();
    expect(db.pragma("user_version", { simple: true })).toBe(999);
    db.close();
  });

  it("rolls back a failing migration and keeps the version", () => {
    const { path } = temp();
    openDatabase(path).close();
    const broken = [
      ...migrations,
      { version: 998, name: "broken", up: "CREATE TABLE half (x); SELECT * FROM nowhere;" },
    ];
    expect(() => openDatabase(path, broken)).toThrow(/nowhere/);
    const db = openDatabase(path);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    db.close();
  });

  it("refuses a file written by a newer Nashra", () => {
    const { path } = temp();
    const db = openDatabase(path);
    db.pragma("user_version = 10000");
    db.close();
    expect(() => openDatabase(path)).toThrow(/newer than this Nashra/);
  });

  it("turns the parts of outbox rows written before typed messages into text messages", () => {
    const { path } = temp();
    const before = openDatabase(
      path,
      migrations.filter((m) => m.version < 11),
    );
    before.exec(`INSERT INTO chats (id, type, created_at, updated_at) VALUES (1, 'private', 0, 0);
                 INSERT INTO outbox (chat_id, purpose, priority, ref, dedupe_key, parts, next_attempt_at, enqueued_at)
                 VALUES (1, 'alert', 0, 'alert:1', 'alert:1', '["<b>عاجل</b> · الميادين","٢"]', 0, 0);`);
    before.close();
    const store = createStore(path, () => 0);
    const [row] = store.outbox.claimMany(store.outbox.scanDue(10, () => true));
    expect(row?.message).toEqual({ kind: "text", parts: ["<b>عاجل</b> · الميادين", "٢"] });
    store.close();
  });

  it("deletes a chat's subscriptions with the chat", () => {
    const { path } = temp();
    const db = openDatabase(path);
    db.exec(`INSERT INTO chats (id, type, created_at, updated_at) VALUES (1, 'private', 0, 0);
             INSERT INTO topics (id, slug, name_ar, name_en, created_at) VALUES (1, 't', 'ت', 't', 0);
             INSERT INTO subscriptions VALUES (1, 1, 0);
             DELETE FROM chats WHERE id = 1;`);
    expect(db.prepare("SELECT count(*) AS n FROM subscriptions").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe("the feed-errors migration", () => {
  it("turns the English errors stored before it into kinds", () => {
    const { path } = temp();
    const version = migrations.find((m) => m.name.startsWith("feed errors as a kind"))?.version ?? 0;
    const db = openDatabase(
      path,
      migrations.filter((m) => m.version < version),
    );
    const insert = db.prepare(
      "INSERT INTO feeds (url, created_at, next_poll_at, last_error) VALUES (?, 0, 0, ?)",
    );
    const stored = [
      "HTTP 503 Service Unavailable",
      "timed out after 15000 ms",
      "larger than 5242880 bytes",
      "network error: getaddrinfo ENOTFOUND feeds.example (ENOTFOUND)",
      "malformed XML: Unclosed tag",
      "not an RSS or Atom feed: an HTML page",
      "too many redirects",
      "unsupported URL: a port browsers refuse",
      "database is locked",
    ];
    for (const [i, error] of stored.entries()) insert.run(`https://site${i}.example/feed`, error);
    insert.run("https://fine.example/feed", null);
    db.close();

    const store = createStore(path, manualClock());
    const errors = store.feeds.all().map((f) => f.lastError && [f.lastError.kind, f.lastError.status]);
    store.close();
    expect(errors).toEqual([
      ["http", 503],
      ["timeout", null],
      ["too-large", null],
      ["network", null],
      ["not-a-feed", null],
      ["not-a-feed", null],
      ["redirects", null],
      ["bad-url", null],
      ["other", null],
      null,
    ]);
  });
});

describe("the anonymous tips' origin migration", () => {
  it("takes the origin off every tip not sent with the name, and keeps the rest of each tip", () => {
    const { path } = temp();
    const version = migrations.find((m) =>
      m.name.startsWith("no person's name as the forward origin"),
    )?.version;
    expect(version).toBeDefined();
    const before = openDatabase(
      path,
      migrations.filter((m) => m.version < (version ?? 0)),
    );
    before.exec("INSERT INTO chats (id, type, created_at, updated_at) VALUES (7, 'private', 0, 0)");
    const insert = before.prepare(
      `INSERT INTO tips (id, chat_id, user_id, message_id, kind, text, origin, sender, named, status, created_at)
       VALUES (?, 7, 7, ?, ?, ?, ?, 'سلمى العلي', ?, ?, 0)`,
    );
    // Stored before the fix: the reader's own name as the origin of a forward sent without the name, a draft with a
    // third person's name, a channel's title on an anonymous tip, and a tip sent with the name (forwarded: Telegram
    // shows its origin anyway).
    insert.run(1, 10, "forward", "عطل في محطة الضخ", "سلمى العلي", 0, "sent");
    insert.run(2, 11, "forward", "الطريق مقطوع", "أبو خالد", 0, "draft");
    insert.run(3, 12, "forward", "عاجل", "شبكة الفرات 24", 0, "dismissed");
    insert.run(4, 13, "forward", "عاجل من الحسكة", "أبو خالد", 1, "sent");
    insert.run(5, 14, "photo", "انقطاع المياه", null, 0, "sent");
    before.close();

    const db = openDatabase(path);
    const rows = db
      .prepare("SELECT id, kind, text, origin, sender, named, status FROM tips ORDER BY id")
      .all() as { id: number; origin: string | null; text: string; status: string; named: number }[];
    expect(rows.map((r) => [r.id, r.origin])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, "أبو خالد"],
      [5, null],
    ]);
    expect(rows.map((r) => [r.text, r.status, r.named])).toEqual([
      ["عطل في محطة الضخ", "sent", 0],
      ["الطريق مقطوع", "draft", 0],
      ["عاجل", "dismissed", 0],
      ["عاجل من الحسكة", "sent", 1],
      ["انقطاع المياه", "sent", 0],
    ]);
    db.close();
  });
});

describe("two processes writing to one file", () => {
  it("makes a transaction that reads first hold the lock, so another process's write waits instead of it failing", () => {
    const { path } = temp();
    const bot = openDatabase(path);
    const cli = openDatabase(path);
    cli.pragma("busy_timeout = 50");
    bot.exec("CREATE TABLE t (n INTEGER)");
    const count = bot.prepare("SELECT count(*) AS n FROM t");
    const insert = bot.prepare("INSERT INTO t (n) VALUES (?)");
    let cliWrite = "";
    const cliWrites = () => {
      try {
        cli.prepare("INSERT INTO t (n) VALUES (1)").run();
        cliWrite = "written";
      } catch (error) {
        cliWrite = isBusy(error) ? "waited" : String(error);
      }
    };
    const readThenWrite = () => {
      count.get();
      cliWrites();
      insert.run(0);
    };
    // SQLite's deferred transaction: the CLI commits between the read and the write, and the write fails at once.
    const failure = captured(() => bot.transaction(readThenWrite).deferred());
    expect(cliWrite).toBe("written");
    expect(isBusy(failure) && isWriteFailure(failure)).toBe(true);
    // Nashra's transactions begin immediate: the CLI's write is the one that waits.
    bot.transaction(readThenWrite)();
    expect(cliWrite).toBe("waited");
    expect((count.get() as { n: number }).n).toBe(2);
    bot.close();
    cli.close();
  });

  it("commits work in steps, each visible to the other connection, and rolls back only the failing step", () => {
    const { path } = temp();
    const db = openDatabase(path);
    const other = openDatabase(path);
    db.exec("CREATE TABLE t (n INTEGER NOT NULL)");
    const insert = db.prepare("INSERT INTO t (n) VALUES (?)");
    const seen = () => (other.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n;
    const visible: number[] = [];
    inTimedTransactions(db, 0, (checkpoint) => {
      for (let i = 0; i < 3; i++) {
        checkpoint();
        visible.push(seen());
        insert.run(i);
      }
    });
    expect(visible).toEqual([0, 1, 2]);
    expect(() =>
      inTimedTransactions(db, 60_000, () => {
        insert.run(3);
        insert.run(null);
      }),
    ).toThrow(/NOT NULL/);
    expect(seen()).toBe(3);
    db.close();
    other.close();
  });
});

function captured(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
