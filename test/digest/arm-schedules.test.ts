// Digest schedules driven by a manual clock: a daily schedule in Europe/Berlin across the spring DST change
// fires once a day at 08:00 local, and each run gives each reader the day's news once; a restart makes up a run
// missed within the last hour. (Finishing an interrupted run is tested in service.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AudiencePolicy } from "../../src/audience/policy";
import { ScheduleArmer } from "../../src/digest/arm-schedules";
import { DigestService } from "../../src/digest/service";
import { I18n } from "../../src/i18n";
import { Importer } from "../../src/ingest/importer";
import { createLogger } from "../../src/logger";
import type { Store } from "../../src/store";
import { stripBidi } from "../../src/text/html";
import { messageHtml } from "../../src/text/message";
import type { TopicService } from "../../src/topics/service";
import { type ManualClock, manualClock } from "../support/clock";
import { OUTBOX, sendable } from "../support/outbox";
import { tempStore } from "../support/temp";

const HOUR = 3600_000;
let time: ManualClock;
let store: Store;
let topics: TopicService;
let cleanup: () => void;
let schedules: ScheduleArmer;

function start(): ScheduleArmer {
  const options = {
    store,
    topics,
    audience: new AudiencePolicy(store, topics),
    delivery: { enqueue: (m: Parameters<Store["outbox"]["enqueue"]>[0]) => store.outbox.enqueue(m) },
    i18n: new I18n("ar"),
    clock: time,
    logger: createLogger("silent"),
    defaultLanguage: "ar" as const,
    defaultTimezone: "Europe/Berlin",
  };
  schedules = new ScheduleArmer({
    store,
    digests: new DigestService(options),
    clock: time,
    logger: options.logger,
    timers: { setTimer: time.setTimer, clearTimer: time.clearTimer },
  });
  return schedules;
}

/** Lets queued runs finish (they yield to the event loop between chunks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
}

/** Moves time forward an hour at a time, letting each run finish before the next hour. */
async function advance(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= HOUR) {
    time.advance(Math.min(HOUR, left));
    await settle();
  }
}

function digestRows(chatId: number): string[] {
  return (
    store.db
      .prepare(`SELECT message FROM ${OUTBOX} AS outbox WHERE purpose = 'digest' AND chat_id = ? ORDER BY id`)
      .all(chatId) as { message: string }[]
  ).map((r) => stripBidi(messageHtml(sendable(store, topics, r.message)).join("\n")));
}

function dueTimes(): string[] {
  return (
    store.db.prepare("SELECT due_at FROM digest_runs ORDER BY due_at").all() as { due_at: number }[]
  ).map((r) => new Date(r.due_at).toISOString());
}

beforeEach(() => {
  time = manualClock("2026-03-27T12:00:00Z");
  ({ store, topics, cleanup } = tempStore(time));
});
afterEach(async () => {
  await schedules?.stop();
  cleanup();
});

/** Private chats following Deir ez-Zor. */
function followDeirEzZor(...chatIds: number[]): void {
  const dez = topics.index().bySlug("deir-ez-zor");
  if (!dez) throw new Error("no deir-ez-zor");
  for (const id of chatIds) {
    store.chats.touch(id, "private", null);
    topics.subscribe(id, [dez]);
  }
}

/** A daily 08:00 Berlin schedule of each reader's own topics, stored and armed. */
function addDailyBerlin() {
  return start().add({
    spec: "daily 08:00",
    cron: "0 8 * * *",
    timezone: "Europe/Berlin",
    topicId: null,
    createdBy: 9,
  }).schedule;
}

/** An article about Deir ez-Zor, ingested now. */
function news(title: string): void {
  new Importer(store, topics, time).importOne(
    { title: `${title} من دير الزور`, body: "من مدينة دير الزور." },
    { origin: "import" },
  );
}

describe("a daily digest schedule", () => {
  it("fires once a day at 08:00 Berlin time across the spring-forward Sunday, each day's news once", async () => {
    followDeirEzZor(1, 2);
    addDailyBerlin();
    schedules.start();
    const days = ["27", "28", "29", "30"];
    for (const day of days) {
      time.advance(HOUR); // 13:00 UTC: the day's article
      news(`خبر يوم ${day}`);
      await advance(23 * HOUR);
    }
    expect(dueTimes()).toEqual([
      "2026-03-28T07:00:00.000Z", // 08:00 CET
      "2026-03-29T06:00:00.000Z", // 08:00 CEST, the day the clocks go forward
      "2026-03-30T06:00:00.000Z",
      "2026-03-31T06:00:00.000Z",
    ]);
    for (const chat of [1, 2]) {
      const rows = digestRows(chat);
      expect(rows).toHaveLength(4);
      rows.forEach((html, i) => {
        expect(html).toContain(`خبر يوم ${days[i]}`);
        expect(html.match(/خبر يوم/g)).toHaveLength(1);
      });
    }
  });

  it("after a restart, makes up a run missed within the hour, once", async () => {
    followDeirEzZor(1);
    const schedule = addDailyBerlin();
    await schedules.stop(); // the bot is down…
    time.advance(HOUR);
    news("خبر أثناء التوقف");
    time.now = Date.parse("2026-03-28T07:40:00Z"); // 08:40 Berlin: the 08:00 run was missed 40 minutes ago
    start().start();
    await settle();
    expect(dueTimes()).toEqual(["2026-03-28T07:00:00.000Z"]);
    expect(digestRows(1)).toHaveLength(1);
    // A second start in the same hour does not make it up again.
    await schedules.stop();
    start().start();
    await settle();
    expect(digestRows(1)).toHaveLength(1);
    expect(store.digests.schedule(schedule.id)?.lastDueAt).toBe(Date.parse("2026-03-28T07:00:00Z"));
  });

  it("skips a run missed more than an hour ago (the next digest covers its news)", async () => {
    followDeirEzZor(1);
    addDailyBerlin();
    await schedules.stop();
    time.now = Date.parse("2026-03-28T09:30:00Z");
    start().start();
    await settle();
    expect(dueTimes()).toEqual([]);
  });
});

describe("a reader's own digest", () => {
  it("arrives daily at the reader's hour in their zone across the spring-forward Sunday, to them alone, and again after a restart", async () => {
    followDeirEzZor(1, 2, 3);
    start().start();
    // Readers 1 and 2 chose 07:00 in Berlin: one slot; reader 3 did not (no admin schedule: no digest).
    expect(schedules.setOwnDigest(1, { kind: "daily", hour: 7 }, "Europe/Berlin")?.ownScheduleId).toBeTypeOf(
      "number",
    );
    schedules.setOwnDigest(2, { kind: "daily", hour: 7 }, "Europe/Berlin");
    expect(store.digests.readerSlots()).toHaveLength(1);
    expect(store.digests.schedules()).toEqual([]);
    const days = ["27", "28"];
    for (const day of days) {
      time.advance(HOUR);
      news(`خبر يوم ${day}`);
      await advance(23 * HOUR);
    }
    // A restart: the slot is armed again from the database.
    await schedules.stop();
    start().start();
    for (const day of ["29", "30"]) {
      time.advance(HOUR);
      news(`خبر يوم ${day}`);
      await advance(23 * HOUR);
    }
    expect(dueTimes()).toEqual([
      "2026-03-28T06:00:00.000Z", // 07:00 CET
      "2026-03-29T05:00:00.000Z", // 07:00 CEST, the day the clocks go forward
      "2026-03-30T05:00:00.000Z",
      "2026-03-31T05:00:00.000Z",
    ]);
    for (const chat of [1, 2]) {
      const rows = digestRows(chat);
      expect(rows).toHaveLength(4);
      rows.forEach((html, i) => {
        expect(html).toContain(`خبر يوم ${["27", "28", "29", "30"][i]}`);
        expect(html.match(/خبر يوم/g)).toHaveLength(1);
      });
    }
    expect(digestRows(3)).toEqual([]);
  });

  it("moves with the reader's zone and stops when turned off", () => {
    followDeirEzZor(1);
    start().start();
    schedules.setOwnDigest(1, { kind: "weekly", weekday: 5, hour: 9 }, "Europe/Berlin");
    const moved = schedules.ownDigestZone(store.chats.find(1) ?? expect.fail(), "Asia/Damascus");
    const slot = store.digests.schedule(moved?.ownScheduleId ?? 0);
    expect(slot).toMatchObject({ cron: "0 9 * * 5", timezone: "Asia/Damascus", readerSlot: true });
    expect(schedules.ownDigest(moved ?? expect.fail())).toEqual({ kind: "weekly", weekday: 5, hour: 9 });
    // Out of range: nothing changes.
    expect(schedules.setOwnDigest(1, { kind: "twice", hour: 12 }, "Asia/Damascus")).toBeUndefined();
    expect(store.chats.find(1)?.ownScheduleId).toBe(slot?.id);
    expect(schedules.setOwnDigest(1, { kind: "off" }, "Asia/Damascus")?.ownScheduleId).toBeNull();
  });
});
