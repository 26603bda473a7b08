// Opening the SQLite file: pragmas and migrations, and what two processes writing to it at once need
// (the bot and `npm run cli -- import`). Nothing here knows about Telegram.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrations as defaultMigrations, type Migration } from "./migrations";

/** The better-sqlite3 handle type used across the store. */
export type Db = Database.Database;

/**
 * How long a write waits for another connection's transaction (another process: the CLI importing) before
 * it fails with SQLITE_BUSY. Writers keep their transactions short (an import commits every
 * IMPORT_TRANSACTION_MS), so this is only reached when something holds the lock far too long.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating the folder and file if needed) the database at `path`, sets WAL, foreign keys and the busy
 * timeout, makes every transaction BEGIN IMMEDIATE (see immediateTransactions), and applies pending migrations,
 * each in its own transaction.
 */
export function openDatabase(path: string, migrations: Migration[] = defaultMigrations): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  immediateTransactions(db);
  migrate(db, migrations);
  return db;
}

/**
 * Every Nashra transaction writes. A deferred one (SQLite's default) that reads first takes the write lock only
 * at its first write, and if another process committed meanwhile SQLite fails it with SQLITE_BUSY at once,
 * without waiting the busy timeout (its snapshot is stale). BEGIN IMMEDIATE takes the lock first and waits for
 * it like any write, so `db.transaction(fn)()` means an immediate transaction here (`.deferred` stays
 * available).
 */
function immediateTransactions(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = transaction(fn);
    return Object.assign((...args: unknown[]) => tx.immediate(...args), {
      default: tx.immediate,
      deferred: tx.deferred,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
    });
  }) as Db["transaction"];
}

/**
 * Runs `work` in transactions of about `budgetMs` of work each: `work` calls `checkpoint()` between two items,
 * and once the budget is spent the transaction is committed and the next one begun. A failure rolls back the
 * current transaction only. Inside a caller's transaction, `work` simply joins it.
 */
export function inTimedTransactions<T>(db: Db, budgetMs: number, work: (checkpoint: () => void) => T): T {
  if (db.inTransaction) return work(() => {});
  let started = performance.now();
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work(() => {
      if (performance.now() - started < budgetMs) return;
      db.exec("COMMIT");
      db.exec("BEGIN IMMEDIATE");
      started = performance.now();
    });
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

/** SQLite error codes that mean a write could not be saved (the disk, the file, a lock held too long). */
const WRITE_FAILURES = ["SQLITE_FULL", "SQLITE_IOERR", "SQLITE_BUSY", "SQLITE_READONLY", "SQLITE_CANTOPEN"];

/** True when `error` is SQLite failing to write (full disk, I/O error, locked past the busy timeout). */
export function isWriteFailure(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false;
  return WRITE_FAILURES.some((code) => error.code === code || error.code.startsWith(`${code}_`));
}

/** True for SQLITE_BUSY and its variants: another connection held the lock past the busy timeout. */
export function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

/** Tries of `retryBusy` in all, and the pause before each next one (the event loop runs meanwhile). */
const BUSY_TRIES = 3;
const BUSY_PAUSE_MS = 250;

/**
 * Runs `fn` again, after a pause, when it fails with SQLITE_BUSY, up to BUSY_TRIES times in all. Only for
 * writes that are safe to repeat: one statement, or one transaction (rolled back when it failed) with no
 * effect outside the database.
 */
export async function retryBusy<T>(fn: () => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_TRIES) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS * attempt));
  }
}

/** Applies the migrations newer than the file's user_version; returns the versions applied. */
export function migrate(db: Db, migrations: Migration[] = defaultMigrations): number[] {
  const current = db.pragma("user_version", { simple: true }) as number;
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if (current > latest) {
    throw new Error(
      `database schema version ${current} is newer than this Nashra (${latest}); upgrade Nashra`,
    );
  }
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      m.backfill?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
