// An alert's audience is enqueued in chunks after Send (docs/alerts.md, "Fan-out"): every reader of the
// alert's places gets it once, readers of two of them too, and a stop in the middle of the enqueuing is
// resumed by the next start without skipping or repeating anyone.
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Requester } from "../../src/alerts/service";
import { type Harness, startHarness, waitUntil } from "../support/harness";
import { storeReader } from "../support/readers";
import { tempDatabasePath } from "../support/temp";

const EDITOR_ID = 7001;
const EDITOR: Requester = { id: EDITOR_ID, name: "عمر", language: "ar", timeZone: "Asia/Damascus" };
const ARTICLE = [
  "سقوط قذائف صاروخية قرب حقل العمر النفطي بريف دير الزور الشرقي",
  "",
  "أفادت مصادر محلية بسقوط ثلاث قذائف صاروخية فجر اليوم في محيط حقل العمر النفطي، أكبر حقول النفط في سوريا، دون ورود أنباء عن إصابات.",
  "",
  "وقالت المصادر إن دوي الانفجارات سُمع في مدينة الميادين والقرى المجاورة، فيما حلّقت طائرات مسيّرة فوق المنطقة لساعات.",
  "",
  "ويأتي القصف بعد أيام من توتر شهدته بلدات ريف دير الزور الشرقي، وسط تبادل للاتهامات بين الأطراف المسيطرة على ضفتي نهر الفرات.",
].join("\n");

let h: Harness | undefined;
let temp = tempDatabasePath();
beforeEach(() => {
  temp = tempDatabasePath();
});
afterEach(async () => {
  await h?.stop();
  h = undefined;
  temp.cleanup();
});

async function start(): Promise<Harness> {
  h = await startHarness({
    databasePath: temp.path,
    env: { EDITOR_IDS: String(EDITOR_ID), DEFAULT_TIMEZONE: "Asia/Damascus" },
  });
  return h;
}

/**
 * 2,400 readers: 1,000 of Deir ez-Zor, 1,000 of the Omar oil field, 300 of both, 100 of Syria only; and 150
 * of Deir ez-Zor with alerts off, and 50 of Aleppo, who must get nothing. Returns the ids that must get it.
 */
function storeReaders(app: Harness["app"]): number[] {
  const { store } = app;
  const { topics } = app.deps;
  const expected: number[] = [];
  let id = 100_000;
  const add = (n: number, slugs: string[], prefs = {}) => {
    const ids = Array.from({ length: n }, () => storeReader(store, topics, id++, slugs, prefs));
    return ids;
  };
  store.db.transaction(() => {
    // Interleaved ids, so each topic's followers are spread over the whole range of chat ids.
    for (let i = 0; i < 10; i++) {
      expected.push(...add(100, ["deir-ez-zor"]), ...add(100, ["omar-oil-field"]));
      expected.push(...add(30, ["deir-ez-zor", "omar-oil-field"]), ...add(10, ["syria"]));
      add(15, ["deir-ez-zor"], { alertsEnabled: false });
      add(5, ["aleppo"]);
    }
  })();
  return expected;
}

function postArticle(app: Harness["app"]) {
  const [title, , ...body] = ARTICLE.split("\n");
  return app.deps.importer.importOne(
    { title: title as string, body: body.join("\n") },
    { origin: "post", postedBy: EDITOR_ID },
  ).article;
}

/** How many stored bodies the alert's rows use (none keeps its message in the row itself). */
function bodiesOf(app: Harness["app"], ref: string): number {
  const row = app.store.db
    .prepare(
      "SELECT count(DISTINCT body_id) AS n, sum(body_id IS NULL OR message <> '') AS own FROM outbox WHERE ref = ?",
    )
    .get(ref) as { n: number; own: number };
  expect(row.own).toBe(0);
  const stored = app.store.db.prepare("SELECT count(*) AS n FROM outbox_bodies").get() as { n: number };
  expect(stored.n).toBe(row.n);
  return row.n;
}

function copiesByChat(app: Harness["app"], ref: string): Map<number, number> {
  const rows = app.store.db
    .prepare("SELECT chat_id AS chat, count(*) AS n FROM outbox WHERE ref = ? GROUP BY chat_id")
    .all(ref) as { chat: number; n: number }[];
  return new Map(rows.map((r) => [r.chat, r.n]));
}

it("reaches every reader of the article's places once, readers of two of its places included", async () => {
  const { app } = await start();
  const expected = storeReaders(app);
  const article = postArticle(app);
  const preview = app.deps.alerts.preview({ article }, EDITOR);
  expect(preview.audience).toBe(expected.length);

  const outcome = app.deps.alerts.confirm(preview.alert.id, EDITOR_ID);
  expect(outcome).toMatchObject({ kind: "sending" });
  // Send counts nobody (the first chats are on their way at once): the total is not known yet, and not done.
  expect(app.deps.alerts.progress(preview.alert.id)).toMatchObject({ total: undefined, done: false });

  const ref = `alert:${preview.alert.id}`;
  await waitUntil(() => app.store.alerts.get(preview.alert.id)?.fanout === undefined, 20_000);
  const copies = copiesByChat(app, ref);
  expect([...copies.keys()].sort()).toEqual([...expected].sort());
  expect(Math.max(...copies.values())).toBe(1);
  expect(app.store.alerts.get(preview.alert.id)?.recipients).toBe(expected.length);
  // Three renderings (labelled Deir ez-Zor, the Omar oil field, Syria), each stored once for all its chats.
  expect(bodiesOf(app, ref)).toBe(3);
}, 60_000);

it("resumes the enqueuing a stop interrupted: nobody skipped, nobody twice", async () => {
  const first = await start();
  const expected = storeReaders(first.app);
  const article = postArticle(first.app);
  const preview = first.app.deps.alerts.preview({ article }, EDITOR);
  first.app.deps.alerts.confirm(preview.alert.id, EDITOR_ID);
  // Stopped in the same turn of the event loop as Send: only Send's own first chunk is enqueued.
  first.app.deps.alerts.stop();
  const ref = `alert:${preview.alert.id}`;
  const enqueuedAtStop = copiesByChat(first.app, ref).size;
  expect(enqueuedAtStop).toBeGreaterThan(0);
  expect(enqueuedAtStop).toBeLessThan(expected.length);
  expect(first.app.store.alerts.get(preview.alert.id)?.fanout).toBeDefined();
  await first.app.stop();
  await first.fake.close();
  h = undefined;

  const second = await start();
  await waitUntil(() => second.app.store.alerts.get(preview.alert.id)?.fanout === undefined, 20_000);
  const copies = copiesByChat(second.app, ref);
  expect([...copies.keys()].sort()).toEqual([...expected].sort());
  expect(Math.max(...copies.values())).toBe(1);
  // The article is recorded as reached for each of them once (no second alert from anyone).
  const reached = second.app.store.db
    .prepare("SELECT count(*) AS n FROM article_deliveries WHERE article_id = ?")
    .get(article.id) as { n: number };
  expect(reached.n).toBe(expected.length);
  // The resumed enqueuing found the renderings stored before the stop.
  expect(bodiesOf(second.app, ref)).toBe(3);
}, 60_000);

it("an article edited while its audience is being enqueued: after a restart the rest get the new text too", async () => {
  const first = await start();
  storeReaders(first.app);
  const article = postArticle(first.app);
  const preview = first.app.deps.alerts.preview({ article }, EDITOR);
  first.app.deps.alerts.confirm(preview.alert.id, EDITOR_ID);
  first.app.deps.alerts.stop();
  const ref = `alert:${preview.alert.id}`;
  const { db } = first.app.store;
  // One reader of the first chunk has the alert already: its copy keeps the old text (a correction's to edit).
  db.prepare(
    "UPDATE outbox SET status = 'sent', parts_sent = 1, message_ids = '[1]' WHERE id = (SELECT min(id) FROM outbox WHERE ref = ?)",
  ).run(ref);
  const corrected = "سقوط خمس قذائف قرب جسر الميادين بريف دير الزور الشرقي";
  first.app.deps.importer.rewrite(
    article.id,
    {
      title: corrected,
      body: "أفادت مصادر محلية بسقوط خمس قذائف فجر اليوم قرب جسر مدينة الميادين، دون ورود أنباء عن إصابات.\n\nوقالت المصادر إن دوي الانفجارات سُمع في الأحياء الشرقية للمدينة.",
    },
    { id: EDITOR_ID, name: "عمر" },
  );
  const outcome = await first.app.deps.alerts.articleEdited(article.id);
  expect(outcome).toMatchObject({ alerts: 1, sending: true });
  expect(outcome.renewed).toBeGreaterThan(0);
  // The copies that keep the old text: sent, or on the wire, when the edit came.
  const kept = new Set(
    (
      db.prepare("SELECT id FROM outbox WHERE ref = ? AND status IN ('sent', 'sending')").all(ref) as {
        id: number;
      }[]
    ).map((r) => r.id),
  );
  expect(kept.size).toBeGreaterThan(0);
  await first.app.stop();
  await first.fake.close();
  h = undefined;

  const second = await start();
  await waitUntil(() => second.app.store.alerts.get(preview.alert.id)?.fanout === undefined, 20_000);
  const rows = second.app.store.db
    .prepare("SELECT o.id, b.message FROM outbox o JOIN outbox_bodies b ON b.id = o.body_id WHERE o.ref = ?")
    .all(ref) as { id: number; message: string }[];
  const old = rows.filter((r) => r.message.includes("سقوط قذائف صاروخية قرب حقل العمر"));
  expect(old.map((r) => r.id).filter((id) => !kept.has(id))).toEqual([]);
  expect(rows.filter((r) => r.message.includes(corrected)).length).toBe(rows.length - old.length);
  expect(rows.length).toBeGreaterThan(kept.size + 1000);
}, 60_000);
