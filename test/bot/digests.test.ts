// Digests as admins and readers live them: /schedule and its errors, /schedules, /unschedule, /digestnow,
// /digestpreview, and a cron schedule that fires by itself.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { MESSAGE_LIMIT } from "../../src/text/split";
import { parseTelegramHtml } from "../support/fake-bot-api";
import {
  buttonData,
  type Harness,
  received,
  startHarness,
  subscriber,
  visible,
  waitUntil,
} from "../support/harness";
import { callback, command, user } from "../support/updates";

const ADMIN = user({ language_code: "en" });
const AR_ADMIN = user({ language_code: "ar" });
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);
const FIXTURE_TITLE = "استهداف قاعدة التحالف";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    env: { ADMIN_IDS: `${ADMIN.id},${AR_ADMIN.id}`, DEFAULT_TIMEZONE: "Asia/Damascus" },
    // The first test fires a schedule of seconds; the 10-minute floor is tested on its own below.
    minScheduleIntervalMs: 0,
  });
});
afterEach(() => h.stop());

const reader = (topic: string, language = "ar") => subscriber(h, topic, language);
/** The digests (messages with the digest heading) a chat has received, as readers see them. */
const digestsTo = (chatId: number) => received(h, chatId, "📰");

const importFixture = () =>
  h.app.deps.importer.importOne(parsePlainText(FIXTURE), { origin: "import" }).article.id;

describe("/schedule", () => {
  it("fires a cron schedule of seconds by itself: one digest per subscriber with new articles", async () => {
    const mayadin = await reader("الميادين");
    const dez = await reader("Deir ez-Zor", "en");
    const syria = await reader("سوريا");
    const aleppo = await reader("حلب");
    const [reply] = await h.send(command("schedule", '"*/10 * * * * *"', { from: ADMIN }));
    expect(visible(reply)).toMatch(/^✅ Schedule #1: .* · each reader's places\nFirst digest: /);
    importFixture();
    await waitUntil(() => [mayadin, dez, syria].every((u) => digestsTo(u.id).length > 0), 15_000);
    for (const u of [mayadin, dez, syria]) {
      expect(digestsTo(u.id)).toHaveLength(1);
      expect(digestsTo(u.id)[0]).toContain(FIXTURE_TITLE);
    }
    expect(digestsTo(dez.id)[0]).toMatch(/^📰 Your digest/);
    expect(digestsTo(aleppo.id)).toEqual([]);
    for (const m of h.fake.sentTo(mayadin.id)) {
      expect(parseTelegramHtml(m.text).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    }
    // Another run finds nothing new: it enqueues no digest at all (checked in the outbox, not by waiting).
    const next = await h.app.deps.schedules.runNow(1);
    expect(next).toMatchObject({ ran: true, enqueued: 0 });
    for (const u of [mayadin, dez, syria]) expect(digestsTo(u.id)).toHaveLength(1);
  }, 30_000);

  it("refuses what it cannot read, says which part, and stores nothing", async () => {
    const cases: [string, string][] = [
      ['"not a cron"', "A cron expression needs 5 or 6 fields; this one has 3."],
      ["daily 25:00", "“25:00” is not a valid time"],
      ["weekly someday 08:00", "“someday” is not a day of the week"],
      ['"0 8 * * 9"', "The day-of-week field of the cron expression is not valid"],
      ["daily 08:00 tz=Mars/Olympus", "I don't know the time zone “Mars/Olympus”"],
      ["daily 08:00 زحل", "I don't know a place called “زحل”"],
      ["soon", "I can't read “soon” as a time"],
    ];
    for (const [args, expected] of cases) {
      const [reply] = await h.send(command("schedule", args, { from: ADMIN }));
      expect(visible(reply), args).toContain(expected);
    }
    const [ar] = await h.send(command("schedule", "daily 8:75", { from: AR_ADMIN }));
    expect(visible(ar)).toContain("«8:75» ليس وقتًا صحيحًا");
    const [list] = await h.send(command("schedules", "", { from: ADMIN }));
    expect(visible(list)).toContain("No schedules yet");
    expect(h.app.store.digests.schedules()).toEqual([]);
  });

  it("lists schedules with their next run, runs one now, and removes it", async () => {
    await h.send(command("schedule", "weekly الجمعة 07:30 دير الزور", { from: AR_ADMIN }));
    await h.send(command("schedule", "daily 08:00 tz=Europe/Berlin", { from: ADMIN }));
    const [list] = await h.send(command("schedules", "", { from: ADMIN }));
    const text = visible(list);
    expect(text).toMatch(/#1 · .*Friday.*07:30.* · Deir ez-Zor\nNext: /);
    expect(text).toMatch(/#2 · every day at 08:00 .* · each reader's places\nNext: .*08:00/);

    const dez = await reader("دير الزور");
    importFixture();
    const [started] = await h.send(command("digestnow", "1", { from: ADMIN }));
    expect(visible(started)).toContain("Preparing the digest of schedule #1");
    await waitUntil(() => visible(h.fake.lastSent(ADMIN.id)).includes("digests prepared for 1 of 1 reader"));
    await waitUntil(() => digestsTo(dez.id).length === 1);
    await h.send(command("digestnow", "1", { from: ADMIN }));
    await waitUntil(() => visible(h.fake.lastSent(ADMIN.id)).includes("nothing new for any reader"));
    expect(digestsTo(dez.id)).toHaveLength(1);
    expect(digestsTo(dez.id)[0]).toContain("📍 دير الزور");

    const [removed] = await h.send(command("unschedule", "#1", { from: ADMIN }));
    expect(visible(removed)).toContain("Schedule #1 removed");
    const [again] = await h.send(command("unschedule", "1", { from: ADMIN }));
    expect(visible(again)).toContain("There is no schedule #1");
    const [unknown] = await h.send(command("digestnow", "7", { from: ADMIN }));
    expect(visible(unknown)).toContain("There is no schedule #7");
  });

  it("leaves an article alerted to a reader out of that reader's digest", async () => {
    const editor = ADMIN;
    const alerted = await reader("الميادين");
    const other = await reader("الميادين");
    await h.send(command("alerts", "", { from: editor })); // admins are editors too
    await h.send(command("settings", "", { from: other }));
    await h.send(callback("set:alerts", { from: other })); // alerts off: no alert, so the digest has it
    await h.send(command("schedule", "daily 08:00", { from: ADMIN }));
    const id = importFixture();
    const question = (await h.send(command("alert", String(id), { from: editor }))).at(-1);
    await h.send(
      callback(buttonData(question, "Send"), { from: editor, message: h.fake.lastMessage(editor.id) }),
    );
    await waitUntil(() => h.fake.sentTo(alerted.id).some((m) => visible(m).startsWith("🔴")));
    await h.send(command("digestnow", "1", { from: ADMIN }));
    await waitUntil(() => digestsTo(other.id).length === 1);
    expect(digestsTo(other.id)[0]).toContain(FIXTURE_TITLE);
    expect(digestsTo(alerted.id)).toEqual([]);
  });

  it("is for admins only", async () => {
    const r = await reader("دير الزور");
    for (const name of ["schedule", "schedules", "unschedule", "digestnow", "digestpreview"]) {
      const [reply] = await h.send(command(name, "daily 08:00", { from: r }));
      expect(visible(reply)).toContain("⛔");
    }
    expect(h.app.store.digests.schedules()).toEqual([]);
  });
});

describe("/digestpreview", () => {
  it("shows an admin what a reader would get now, in the reader's language, sending nothing to the reader", async () => {
    const r = await reader("Mayadin", "en");
    importFixture();
    const sentBefore = h.fake.sentTo(r.id).length;
    const replies = await h.send(command("digestpreview", String(r.id), { from: AR_ADMIN }));
    expect(visible(replies[0])).toContain(`هذا ما ستتلقاه المحادثة ${r.id} الآن`);
    expect(visible(replies[1])).toMatch(/^📰 Your digest/);
    expect(visible(replies[1])).toContain(FIXTURE_TITLE);
    expect(h.fake.sentTo(r.id)).toHaveLength(sentBefore);
    const [unknown] = await h.send(command("digestpreview", "42", { from: ADMIN }));
    expect(visible(unknown)).toContain("I don't know a chat with id 42");
    await h.send(command("settings", "", { from: r }));
    await h.send(callback("set:digests", { from: r }));
    const [off] = await h.send(command("digestpreview", String(r.id), { from: ADMIN }));
    expect(visible(off)).toContain("turned digests off in its settings: it would get none");
    const [usage] = await h.send(command("digestpreview", "someone", { from: ADMIN }));
    expect(visible(usage)).toContain("Send the chat's id");
  });
});

describe("/schedule's floor", () => {
  it("refuses a schedule firing more often than every 10 minutes, in the admin's language, and stores nothing", async () => {
    const strict = await startHarness({ env: { ADMIN_IDS: `${ADMIN.id},${AR_ADMIN.id}` } });
    try {
      const [en] = await strict.send(command("schedule", '"* * * * * *"', { from: ADMIN }));
      expect(visible(en)).toContain("“* * * * * *” runs more often than every 10 minutes");
      const [ar] = await strict.send(command("schedule", '"0,5 8 * * *"', { from: AR_ADMIN }));
      expect(visible(ar)).toContain("يتكرر أكثر من مرة كل 10 دقائق");
      expect(strict.app.store.digests.schedules()).toEqual([]);
      const [ok] = await strict.send(command("schedule", '"*/10 * * * *"', { from: ADMIN }));
      expect(visible(ok)).toMatch(/^✅ Schedule #1/);
    } finally {
      await strict.stop();
    }
  });
});
