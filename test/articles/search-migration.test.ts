// Migration 22: a database written before it (trigram index) gets the stemmed index, its articles backfilled.

import { afterEach, expect, it } from "vitest";
import { ArticleService } from "../../src/articles/service";
import { AudiencePolicy } from "../../src/audience/policy";
import { createStore } from "../../src/store";
import { openDatabase } from "../../src/store/db";
import { migrations } from "../../src/store/migrations";
import { loadCatalog } from "../../src/topics/catalog";
import { TopicService } from "../../src/topics/service";
import { manualClock } from "../support/clock";
import { tempDatabasePath } from "../support/temp";

const temp = tempDatabasePath();
afterEach(() => temp.cleanup());

it("indexes the articles stored before it, and new ones and deletions keep the index true", () => {
  const before = openDatabase(
    temp.path,
    migrations.filter((m) => m.version < 22),
  );
  before
    .prepare(
      `INSERT INTO articles (title, body, language, content_hash, origin, ingested_at, sort_at, search_text)
       VALUES (?, ?, 'ar', 'h1', 'import', 0, 0, '')`,
    )
    .run("قصف على بلدة هجين", "سقطت صواريخ قرب المدرسة الابتدائية وسط البلدة.");
  before.close();

  const clock = manualClock();
  const store = createStore(temp.path, clock);
  try {
    const topics = new TopicService(store, loadCatalog());
    const articles = new ArticleService(store, topics, new AudiencePolicy(store, topics), clock);
    expect(
      store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'articles_fts'").get(),
    ).toBeUndefined();
    const result = articles.search("المدرسة الصواريخ", 0);
    expect(result.items.map((a) => a.title)).toEqual(["قصف على بلدة هجين"]);
    store.db.prepare("DELETE FROM articles").run();
    expect(articles.search("المدرسة الصواريخ", 0).items).toEqual([]);
  } finally {
    store.close();
  }
});
