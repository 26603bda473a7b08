// Two processes writing to one database, as a newsroom runs them: `npm run cli -- import` of a large file while
// the bot sends an alert and answers readers. Nothing may fail with SQLITE_BUSY, nothing may be lost.
import { execFile } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus";
import {
  buttonData,
  buttonLabels,
  type Harness,
  received,
  startHarness,
  visible,
  waitUntil,
} from "../support/harness";
import { tempDatabasePath } from "../support/temp";
import { callback, command, user } from "../support/updates";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const EDITOR = user({ language_code: "ar", first_name: "عمر" });
const READERS = 300;
const ASKING = 30;
const ARTICLES = 15_000;

let h: Harness | undefined;
const files = tempDatabasePath();
afterEach(async () => {
  await h?.stop();
  files.cleanup();
});

it("imports 15,000 articles from another process beside a 300-chat alert: each reader gets it once, each update its answer", async () => {
  h = await startHarness({
    env: { EDITOR_IDS: String(EDITOR.id), SEND_RATE: "300", PAID_BROADCAST: "true" },
  });
  const { topics } = h.app.deps;
  const { store } = h.app;
  const dez = topics.lookup("دير الزور").matches[0];
  if (!dez) throw new Error("no Deir ez-Zor topic");
  // 300 readers of Deir ez-Zor, stored directly (300 /subscribe round trips would only slow the test down).
  const readers = Array.from({ length: READERS }, (_, i) => user({ id: 500_000 + i, language_code: "ar" }));
  for (const r of readers) {
    store.chats.touch(r.id, "private", null, "ar");
    store.subscriptions.add(r.id, [dez.id]);
  }
  await h.send(command("start", "", { from: EDITOR }));

  // The newsroom's archive: short articles, so the file stays ~15 MB and the import takes seconds, not minutes.
  const archive = join(files.dir, "archive.json");
  writeFileSync(
    archive,
    JSON.stringify(
      generateCorpus(ARTICLES, 600, 7).map((a) => ({
        title: a.title,
        body: a.body,
        url: a.url,
        source: a.source,
      })),
    ),
  );
  const wal = `${h.databasePath}-wal`;
  const walBefore = statSync(wal).size;
  const importing = run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli.ts"), "import", archive], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: h.databasePath },
    maxBuffer: 64 * 1024 * 1024, // import prints a line per article: 15,000 lines
  });
  const imported = importing.then(
    ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  // Once the import is writing (articles committed, or its one transaction's pages piling up in the WAL), the
  // editor alerts and readers ask.
  await waitUntil(
    () => store.articles.count() > 1000 || statSync(wal).size > walBefore + 8_000_000,
    60_000,
    () => "the import never wrote",
  );

  // The harness's send() waits 5 s for "an update handled": too short on a loaded machine with an import
  // running, so the question and the press are waited for themselves.
  h.fake.pushUpdate(command("alert", "دير الزور: انقطاع الكهرباء عن أحياء المدينة", { from: EDITOR }));
  const asking = () => buttonLabels(h?.fake.lastMessage(EDITOR.id)).some((b) => b.includes("إرسال"));
  await waitUntil(asking, 60_000, () => "no alert preview");
  const question = h.fake.lastMessage(EDITOR.id);
  expect(buttonLabels(question).join(" ")).toContain("300");
  const askers = readers.slice(0, ASKING);
  for (const r of askers) h.fake.pushUpdate(command("mytopics", "", { from: r }));
  h.fake.pushUpdate(callback(buttonData(question, "إرسال"), { from: EDITOR, message: question }));

  const result = await imported;
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  // The synthetic archive repeats sentences: a few articles are near-duplicates, stored once and counted apart.
  const stored = Number(/(\d+) new/.exec(result.stdout)?.[1]);
  expect(stored).toBeGreaterThan(ARTICLES * 0.9);
  await waitUntil(
    () => store.outbox.queueDepth() === 0,
    60_000,
    () => `queue: ${store.outbox.queueDepth()}`,
  );
  await waitUntil(() =>
    askers.every((r) => h?.fake.sentTo(r.id).some((m) => visible(m).includes("دير الزور"))),
  );

  for (const r of readers) expect(received(h, r.id, "🔴"), `reader ${r.id}`).toHaveLength(1);
  for (const r of askers) {
    const answers = h.fake.sentTo(r.id).filter((m) => !visible(m).startsWith("🔴"));
    expect(answers, `reader ${r.id}`).toHaveLength(1);
    expect(visible(answers[0])).toContain("دير الزور");
  }
  expect(store.outbox.progress("alert:1")).toMatchObject({ sent: READERS, queued: 0, sending: 0 });
  expect(store.articles.count()).toBe(stored);
}, 180_000);
