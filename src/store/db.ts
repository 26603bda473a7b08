// Opening the SQLite file: pragmas and migrations. Nothing here knows about Telegram.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { migrations as defaultMigrations, type Migration } from "./migrations";

/** The better-sqlite3 handle type used across the store. */
export type Db = Database.Database;

/**
 * Opens (creating the folder and file if needed) the database at `path`, sets WAL and foreign keys,
 * and applies pending migrations, each in its own transaction.
 */
export function openDatabase(path: string, migrations: Migration[] = defaultMigrations): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db, migrations);
  return db;
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
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
