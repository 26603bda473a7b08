// Temporary SQLite files for tests: a real file in a fresh folder, removed afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../src/clock";
import { createStore, type Store } from "../../src/store";
import { loadCatalog } from "../../src/topics/catalog";
import { TopicService } from "../../src/topics/service";
import { manualClock } from "./clock";

/** A fresh folder and the path of a database file inside it (not created yet). */
export function tempDatabasePath(): { path: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nashra-test-"));
  return {
    dir,
    path: join(dir, "data", "nashra.db"),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A store on a temporary file with the built-in catalog seeded, and its topic service. */
export function tempStore(clock: Clock = manualClock()): {
  store: Store;
  topics: TopicService;
  path: string;
  cleanup: () => void;
} {
  const temp = tempDatabasePath();
  const store = createStore(temp.path, clock);
  const topics = new TopicService(store, loadCatalog());
  return {
    store,
    topics,
    path: temp.path,
    cleanup: () => {
      store.close();
      temp.cleanup();
    },
  };
}
