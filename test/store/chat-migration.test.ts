// A group that becomes a supergroup: one routine moves everything stored about the chat to the new id, merging
// with what the new id already has, for every table that references chats.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Importer } from "../../src/ingest/importer";
import type { Store } from "../../src/store";
import { CHAT_REFERENCES } from "../../src/store/chats";
import { textMessage } from "../../src/text/message";
import type { TopicService } from "../../src/topics/service";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const GROUP = -4_200;
const SUPERGROUP = -1_001_004_200;

let store: Store;
let topics: TopicService;
let cleanup: () => void;
let importer: Importer;
beforeEach(() => {
  const clock = manualClock();
  ({ store, topics, cleanup } = tempStore(clock));
  importer = new Importer(store, topics, clock);
});
afterEach(() => cleanup());

const topicId = (slug: string) => topics.index().bySlug(slug)?.id ?? expect.fail(slug);
const article = (title: string) =>
  importer.importOne({ title, body: `${title}. تفاصيل الخبر في الفقرة التالية.` }, { origin: "import" })
    .article.id;
const delivered = (chatId: number) =>
  (
    store.db
      .prepare("SELECT article_id FROM article_deliveries WHERE chat_id = ? ORDER BY article_id")
      .all(chatId) as { article_id: number }[]
  ).map((r) => r.article_id);
const queued = (chatId: number) =>
  (
    store.db.prepare("SELECT dedupe_key FROM outbox WHERE chat_id = ? ORDER BY dedupe_key").all(chatId) as {
      dedupe_key: string;
    }[]
  ).map((r) => r.dedupe_key);
const enqueue = (chatId: number, key: string) =>
  store.outbox.enqueue([
    { chatId, purpose: "alert", ref: `alert:${key}`, dedupeKey: key, message: textMessage("عاجل") },
  ]);

describe("the chat migration", () => {
  it("covers every table whose foreign key references chats (a new one must be added to CHAT_REFERENCES)", () => {
    const tables = store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const referencing: Record<string, string> = {};
    for (const table of tables) {
      const keys = store.db.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[];
      for (const key of keys) if (key.table === "chats") referencing[table] = key.from;
    }
    expect(Object.keys(referencing).length).toBeGreaterThanOrEqual(4);
    expect(referencing).toEqual(
      Object.fromEntries(Object.entries(CHAT_REFERENCES).map(([table, { column }]) => [table, column])),
    );
  });

  it("merges into a supergroup already known: the union of both, the furthest digest marks, each message once", () => {
    const [a, b, c] = [
      article("قصف على الميادين"),
      article("انقطاع الكهرباء في البوكمال"),
      article("جسر فوق الفرات"),
    ];
    store.chats.touch(GROUP, "group", "أخبار الفرات");
    store.chats.update(GROUP, { language: "en", timezone: "Asia/Damascus", alertsEnabled: false });
    store.subscriptions.add(GROUP, [topicId("mayadin"), topicId("al-bukamal")]);
    store.audience.recordDeliveries([GROUP], [a as number], "alert:1");
    store.audience.recordDeliveries([GROUP], [b as number], "alert:2");
    store.digests.mark(0, 1, b as number, [GROUP]);
    store.digests.mark(7, 1, a as number, [GROUP]);
    enqueue(GROUP, "k1");
    enqueue(GROUP, "k2");
    // The supergroup wrote to the bot before the migration was noticed: it has rows of its own.
    store.chats.touch(SUPERGROUP, "supergroup", "أخبار الفرات");
    store.chats.update(SUPERGROUP, { timezone: "Europe/Berlin" });
    store.subscriptions.add(SUPERGROUP, [topicId("al-bukamal"), topicId("raqqa")]);
    store.audience.recordDeliveries([SUPERGROUP], [c as number], "alert:3");
    store.digests.mark(0, 2, a as number, [SUPERGROUP]);
    store.digests.mark(9, 2, c as number, [SUPERGROUP]);
    enqueue(SUPERGROUP, "k2");

    store.chats.migrate(GROUP, SUPERGROUP);

    expect(store.chats.find(GROUP)).toBeUndefined();
    expect(store.chats.find(SUPERGROUP)).toMatchObject({
      type: "supergroup",
      language: "en",
      timezone: "Europe/Berlin",
      alertsEnabled: false,
      digestsEnabled: true,
      active: true,
    });
    expect(store.subscriptions.topicIds(SUPERGROUP).sort()).toEqual(
      [topicId("mayadin"), topicId("al-bukamal"), topicId("raqqa")].sort(),
    );
    expect(delivered(SUPERGROUP)).toEqual([a, b, c]);
    expect(store.digests.marksOfChat(SUPERGROUP)).toEqual(
      new Map([
        [0, b],
        [7, a],
        [9, c],
      ]),
    );
    expect(queued(SUPERGROUP)).toEqual(["k1", "k2"]);
    for (const table of Object.keys(CHAT_REFERENCES)) {
      const left = store.db.prepare(`SELECT count(*) FROM ${table} WHERE chat_id = ?`).pluck().get(GROUP);
      expect(left, table).toBe(0);
    }
  });

  it("moves to a new id with everything and every setting", () => {
    const a = article("قصف على الميادين");
    store.chats.touch(GROUP, "group", "أخبار الفرات");
    store.chats.update(GROUP, { language: "ar", digestsEnabled: false });
    store.subscriptions.add(GROUP, [topicId("mayadin")]);
    store.audience.recordDeliveries([GROUP], [a], "alert:1");
    store.digests.mark(0, 1, a, [GROUP]);

    store.chats.migrate(GROUP, SUPERGROUP);

    expect(store.chats.find(GROUP)).toBeUndefined();
    expect(store.chats.find(SUPERGROUP)).toMatchObject({
      type: "supergroup",
      title: "أخبار الفرات",
      language: "ar",
      alertsEnabled: true,
      digestsEnabled: false,
    });
    expect(store.subscriptions.topicIds(SUPERGROUP)).toEqual([topicId("mayadin")]);
    expect(delivered(SUPERGROUP)).toEqual([a]);
    expect(store.digests.marksOfChat(SUPERGROUP)).toEqual(new Map([[0, a]]));
  });

  it("leaves everything alone for a chat it does not know (migrated already)", () => {
    store.chats.touch(SUPERGROUP, "supergroup", "أخبار الفرات");
    store.subscriptions.add(SUPERGROUP, [topicId("raqqa")]);
    store.chats.migrate(GROUP, SUPERGROUP);
    expect(store.subscriptions.topicIds(SUPERGROUP)).toEqual([topicId("raqqa")]);
    expect(store.chats.find(GROUP)).toBeUndefined();
  });
});
