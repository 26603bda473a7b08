// Quiet hours and a reader's own digest, as readers live them: buttons in /settings, an editor's alert during a
// reader's night (silent, or later, as each chose; urgent rings for all), a digest due at 23:30 that waits for
// 07:00, a reader's own 21:00 digest that arrives then and never repeats what an admin's schedule brings. The
// real app against the fake Bot API, a real SQLite file, and the test clock (advancing it fires the schedules).
import type { User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { quietOn } from "../../src/bot/callback-data";
import { parsePlainText } from "../../src/ingest/plain-text";
import { stripBidi } from "../../src/text/html";
import { type ManualClock, manualClock } from "../support/clock";
import {
  buttonData,
  buttonLabels,
  type Harness,
  received,
  startHarness,
  subscriber,
  visible,
  waitUntil,
} from "../support/harness";
import { callback, command, group, groupMessage, user } from "../support/updates";

const EDITOR = user({ language_code: "ar", first_name: "عمر" });
const ADMIN = user({ language_code: "ar", first_name: "رهف" });

const WATER = [
  "انقطاع المياه عن أحياء الجورة والقصور في مدينة دير الزور بعد عطل في محطة الضخ",
  "",
  "أعلنت مؤسسة المياه في دير الزور توقف محطة الضخ الرئيسية على نهر الفرات صباح اليوم بسبب عطل في المحولة الكهربائية، ما أدى إلى انقطاع المياه عن أحياء الجورة والقصور وهرابش.",
  "",
  "وقال مصدر في المؤسسة إن ورشات الصيانة بدأت العمل على استبدال المحولة، متوقعًا عودة الضخ خلال يومين، فيما دعا الأهالي إلى ترشيد الاستهلاك.",
  "",
  "ولجأ سكان في حي الجورة إلى شراء المياه من الصهاريج الخاصة بأسعار مرتفعة، وسط شكاوى من ارتفاع سعر الخزان الواحد إلى أكثر من خمسين ألف ليرة.",
].join("\n");

const MARKET = [
  "افتتاح سوق شعبي جديد للخضار في مدينة دير الزور قرب دوار المدلجي",
  "",
  "افتتح مجلس مدينة دير الزور سوقًا شعبيًا جديدًا للخضار والفواكه قرب دوار المدلجي، يضم أكثر من ستين بسطة خُصصت لصغار الباعة القادمين من ريف المحافظة.",
  "",
  "وقال رئيس المجلس إن السوق يهدف إلى تخفيف الازدحام في شارع الوادي وتنظيم البيع، مؤكدًا أن رسوم البسطات رمزية ولن تتجاوز عشرة آلاف ليرة شهريًا.",
].join("\n");

const BAKERY = [
  "عودة فرن الميادين الآلي إلى العمل بعد توقف دام أسبوعًا",
  "",
  "عاد الفرن الآلي في مدينة الميادين شرقي دير الزور إلى العمل بعد توقف دام أسبوعًا بسبب نقص مادة الطحين، وفق ما أفادت به مديرية التجارة الداخلية.",
  "",
  "وشهد الفرن ازدحامًا كبيرًا منذ ساعات الصباح الأولى، فيما وعدت المديرية بزيادة مخصصات المدينة من الطحين خلال الأسبوع المقبل.",
].join("\n");

let h: Harness;
let clock: ManualClock;

/**
 * The app's clock: the test clock, plus the real time that passed since the start (so replies and the sender move
 * on by themselves); advancing the test clock jumps hours and fires the digest schedules on the way.
 */
async function startBot(start: string): Promise<void> {
  clock = manualClock(start);
  const realStart = Date.now();
  h = await startHarness({
    env: {
      EDITOR_IDS: String(EDITOR.id),
      ADMIN_IDS: String(ADMIN.id),
      DEFAULT_TIMEZONE: "Asia/Damascus",
    },
    clock: () => clock.now + (Date.now() - realStart),
    timers: { setTimer: clock.setTimer, clearTimer: clock.clearTimer },
  });
}

/** Moves the test clock to a time (an ISO date) and wakes the sender for the rows that fall due. */
async function advanceTo(iso: string): Promise<void> {
  clock.advance(Date.parse(iso) - clock.now);
  h.app.deps.delivery.sender.wake();
  // The schedules fired on the way run one after another: let their runs finish.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Presses the button labelled `label` in the last message the bot sent (or edited) in the reader's chat. */
async function press(label: string, from: User) {
  const message = h.fake.lastMessage(from.id);
  await h.send(callback(buttonData(message, label), { from, message }));
  return h.fake.lastMessage(from.id);
}

/** The last toast the bot showed. */
const lastToast = () => stripBidi(String(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text ?? ""));

/** Quiet hours 23:00–07:00 set with buttons, alerts silent or waiting as `mode`. */
async function setQuiet(reader: User, mode: "silent" | "later"): Promise<string> {
  await h.send(command("settings", "", { from: reader }));
  await press("ساعات الهدوء", reader);
  await press("تفعيل، من 23:00 إلى 07:00", reader);
  if (mode === "later") await press("تنتظر حتى تنتهي", reader);
  return visible(h.fake.lastMessage(reader.id));
}

/** The alert messages a chat received, with whether each rang. */
function alertsOf(chatId: number): { text: string; silent: boolean }[] {
  return h.fake
    .sentTo(chatId)
    .filter((m) => visible(m).startsWith("🔴"))
    .map((m) => ({
      text: visible(m),
      silent: String((m as { disable_notification?: unknown }).disable_notification) === "true",
    }));
}

const digestsTo = (chatId: number) => received(h, chatId, "📰");

async function sendAlert(text: string, button = "إرسال"): Promise<void> {
  await h.send(command("alert", text, { from: EDITOR }));
  const question = h.fake.lastMessage(EDITOR.id);
  await h.send(callback(buttonData(question, button), { from: EDITOR, message: question }));
}

function importArticle(text: string): void {
  h.app.deps.importer.importOne(parsePlainText(text), { origin: "import" });
}

afterEach(() => h.stop());

describe("quiet hours", () => {
  // 22:30 in Damascus (UTC+3) on Monday 5 January 2026.
  beforeEach(() => startBot("2026-01-05T19:30:00Z"));

  it("are set with buttons from /settings, and bad presses change nothing", async () => {
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("settings", "", { from: reader }));
    expect(visible(h.fake.lastMessage(reader.id))).toContain("🌙 ساعات الهدوء: غير مفعّلة");
    const menu = await press("ساعات الهدوء", reader);
    expect(visible(menu)).toContain("بتوقيت دمشق");
    expect(buttonLabels(menu)).toContain("🌙 تفعيل، من 23:00 إلى 07:00");

    const on = await press("تفعيل، من 23:00 إلى 07:00", reader);
    expect(lastToast()).toBe("ساعات الهدوء من 23:00 إلى 07:00");
    expect(visible(on)).toContain("🌙 ساعات الهدوء: من 23:00 إلى 07:00، والتنبيهات تصل فيها بلا صوت");
    expect(buttonLabels(on)).toEqual([
      "تبدأ: 23:00",
      "تنتهي: 07:00",
      "✓ 🔕 تصل بلا صوت",
      "⏰ تنتظر حتى تنتهي",
      "إيقاف ساعات الهدوء",
      "› رجوع",
    ]);

    // The end moved to 06:00 with the hour grid.
    await press("تنتهي:", reader);
    expect(visible(h.fake.lastMessage(reader.id))).toBe("متى تنتهي ساعات الهدوء؟ (بتوقيت دمشق)");
    await press("06:00", reader);
    expect(h.app.deps.readers.find(reader.id)?.quiet).toEqual({ start: 23, end: 6, mode: "silent" });

    // A start at the end's hour is refused, clearly, and nothing changes.
    await press("تبدأ:", reader);
    await press("06:00", reader);
    expect(lastToast()).toContain("لا يمكن أن تبدأ ساعات الهدوء وتنتهي في الساعة نفسها");
    // A forged hour out of range: the button has expired, nothing changes.
    await h.send(callback("qh:h:start:24", { from: reader }));
    expect(lastToast()).toContain("انتهت صلاحية");
    expect(h.app.deps.readers.find(reader.id)?.quiet).toEqual({ start: 23, end: 6, mode: "silent" });

    await press("رجوع", reader);
    await press("تنتظر حتى تنتهي", reader);
    expect(lastToast()).toBe("ستنتظر التنبيهات حتى تنتهي ساعات الهدوء");
    expect(h.app.deps.readers.find(reader.id)?.quiet?.mode).toBe("later");

    const off = await press("إيقاف ساعات الهدوء", reader);
    expect(visible(off)).toContain("🌙 ساعات الهدوء: غير مفعّلة");
    expect(h.app.deps.readers.find(reader.id)?.quiet).toBeNull();
  });

  it("in a group, are the group admins' to set", async () => {
    const chat = group({ id: -7300, title: "أخبار دير الزور" });
    const member = user({ language_code: "ar" });
    await h.send(groupMessage("/settings", { from: member, chat }));
    const settings = h.fake.lastMessage(chat.id);
    await h.send(callback(quietOn.pack({}), { from: member, message: settings }));
    expect(h.app.deps.readers.find(chat.id)?.quiet).toBeNull();
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(callback(quietOn.pack({}), { from: admin, message: settings }));
    expect(h.app.deps.readers.find(chat.id)?.quiet).toEqual({ start: 23, end: 7, mode: "silent" });
  });

  it("make an alert arrive without sound, or at their end, as each reader chose, while others' rings", async () => {
    const silent = await subscriber(h, "دير الزور");
    const waiting = await subscriber(h, "دير الزور");
    const awake = await subscriber(h, "دير الزور");
    // A reader of Aleppo who watches the words: the alert reaches them by them, silently too.
    const watcher = await subscriber(h, "حلب");
    await h.send(command("watch", "انقطاع المياه", { from: watcher }));
    await setQuiet(watcher, "silent");
    await setQuiet(silent, "silent");
    expect(await setQuiet(waiting, "later")).toContain("والتنبيهات تنتظر حتى تنتهي");

    await advanceTo("2026-01-05T20:30:00Z"); // 23:30 in Damascus
    await sendAlert("دير الزور: انقطاع المياه عن أحياء الجورة والقصور حتى إشعار آخر");
    await waitUntil(() => alertsOf(awake.id).length === 1 && alertsOf(silent.id).length === 1, 10_000);
    expect(alertsOf(awake.id)[0]?.silent).toBe(false);
    expect(alertsOf(silent.id)[0]).toMatchObject({
      silent: true,
      text: expect.stringContaining("انقطاع المياه"),
    });
    expect(alertsOf(waiting.id)).toEqual([]);
    await waitUntil(() => alertsOf(watcher.id).length === 1, 10_000);
    expect(alertsOf(watcher.id)[0]).toMatchObject({
      silent: true,
      text: expect.stringContaining("انقطاع المياه"),
    });
    // The editor's status says why one is not sent yet.
    await waitUntil(() => visible(h.fake.lastMessage(EDITOR.id)).includes("3 من 4"), 10_000);
    expect(visible(h.fake.lastMessage(EDITOR.id))).toBe(
      "📤 التنبيه #1: أُرسل إلى 3 من 4 …\n⏰ محادثة واحدة تنتظر انتهاء ساعات الهدوء عند قرائها.",
    );

    // 06:59: still waiting. 07:00: it arrives, and rings.
    await advanceTo("2026-01-06T03:59:00Z");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(alertsOf(waiting.id)).toEqual([]);
    await advanceTo("2026-01-06T04:00:00Z");
    await waitUntil(() => alertsOf(waiting.id).length === 1, 10_000);
    expect(alertsOf(waiting.id)[0]).toMatchObject({ silent: false, text: expect.stringContaining("الجورة") });
    await waitUntil(() => visible(h.fake.lastMessage(EDITOR.id)).startsWith("✅"), 10_000);
    expect(visible(h.fake.lastMessage(EDITOR.id))).toBe("✅ انتهى إرسال التنبيه #1: وصل إلى 4 من 4.");
    // Nobody got it twice.
    for (const u of [silent, waiting, awake, watcher]) expect(alertsOf(u.id)).toHaveLength(1);
    // Silent, held and ringing rows of the followers share the one stored rendering (the watcher's says why it came).
    const bodies = h.app.store.db
      .prepare(
        `SELECT count(DISTINCT body_id) AS n FROM outbox WHERE ref = 'alert:1' AND chat_id IN (${[silent, waiting, awake].map((u) => u.id).join(",")})`,
      )
      .get() as { n: number };
    expect(bodies.n).toBe(1);
  });

  it("do not hold back an alert the editor sends as very urgent: it rings for everyone at once", async () => {
    const silent = await subscriber(h, "دير الزور");
    const waiting = await subscriber(h, "دير الزور");
    await setQuiet(silent, "silent");
    await setQuiet(waiting, "later");
    await advanceTo("2026-01-05T21:00:00Z"); // midnight in Damascus

    await h.send(
      command("alert", "دير الزور: إغلاق جسر السياسية أمام السيارات بعد انهيار جزئي", { from: EDITOR }),
    );
    const question = h.fake.lastMessage(EDITOR.id);
    expect(buttonLabels(question)).toContain("🔔 عاجل جدًا: يرنّ حتى في ساعات الهدوء");
    await h.send(callback(buttonData(question, "عاجل جدًا"), { from: EDITOR, message: question }));
    expect(lastToast()).toContain("عاجلًا جدًا");
    await waitUntil(() => alertsOf(silent.id).length === 1 && alertsOf(waiting.id).length === 1, 10_000);
    expect(alertsOf(silent.id)[0]?.silent).toBe(false);
    expect(alertsOf(waiting.id)[0]?.silent).toBe(false);
    expect(h.app.deps.alerts.recent(1)[0]?.urgent).toBe(true);
  });

  it("hold a digest due at 23:30 until they end at 07:00", async () => {
    const sleeper = await subscriber(h, "دير الزور");
    const nightOwl = await subscriber(h, "دير الزور");
    await setQuiet(sleeper, "silent");
    await h.send(command("schedule", "daily 23:30", { from: ADMIN }));
    importArticle(WATER);
    // /settings says when it comes: at the end of the quiet hours; to the other reader, at 23:30.
    await h.send(command("settings", "", { from: sleeper }));
    expect(visible(h.fake.lastMessage(sleeper.id))).toContain("🕗 ملخصك القادم: الثلاثاء 07:00");
    await h.send(command("settings", "", { from: nightOwl }));
    expect(visible(h.fake.lastMessage(nightOwl.id))).toContain("🕗 ملخصك القادم: الاثنين 23:30");
    // A chat that follows nothing (and watches no word) gets no digest: /settings does not promise one.
    const newcomer = user({ language_code: "ar" });
    await h.send(command("settings", "", { from: newcomer }));
    expect(visible(h.fake.lastMessage(newcomer.id))).not.toContain("ملخصك القادم");

    await advanceTo("2026-01-05T20:30:00Z"); // 23:30 in Damascus: the run
    await waitUntil(() => digestsTo(nightOwl.id).length === 1, 10_000);
    expect(digestsTo(nightOwl.id)[0]).toContain("انقطاع المياه عن أحياء الجورة");
    expect(digestsTo(sleeper.id)).toEqual([]);

    await advanceTo("2026-01-06T04:00:00Z"); // 07:00
    await waitUntil(() => digestsTo(sleeper.id).length === 1, 10_000);
    expect(digestsTo(sleeper.id)[0]).toContain("انقطاع المياه عن أحياء الجورة");
    expect(digestsTo(nightOwl.id)).toHaveLength(1);
  });
});

describe("a reader's own digest", () => {
  // 12:00 in Damascus on Monday 5 January 2026.
  beforeEach(() => startBot("2026-01-05T09:00:00Z"));

  it("is chosen with buttons, daily at 21:00, arrives then, and never repeats what an admin's schedule brings", async () => {
    const own = await subscriber(h, "دير الزور");
    const alsoOwn = await subscriber(h, "دير الزور");
    const adminsOnly = await subscriber(h, "دير الزور");
    await h.send(command("schedule", "daily 08:00", { from: ADMIN }));

    await h.send(command("settings", "", { from: own }));
    const before = visible(h.fake.lastMessage(own.id));
    expect(before).toContain("🗞 ملخصك الخاص: لم تختره، تصلك ملخصات المشرفين وحدها");
    expect(before).toContain("🕗 ملخصك القادم: الثلاثاء 08:00");
    await press("ملخصي الخاص", own);
    await press("يوميًا", own);
    expect(visible(h.fake.lastMessage(own.id))).toBe("في أي ساعة يصلك الملخص كل يوم؟ (بتوقيت دمشق)");
    const chosen = await press("21:00", own);
    expect(lastToast()).toBe("ملخصك الخاص: كل يوم الساعة 21:00");
    expect(visible(chosen)).toContain("🗞 ملخصك الخاص: كل يوم الساعة 21:00");
    expect(visible(chosen)).toContain("🕗 ملخصك القادم: الاثنين 21:00");
    expect(buttonLabels(chosen)).toContain("✓ يوميًا");

    await h.send(command("settings", "", { from: alsoOwn }));
    await press("ملخصي الخاص", alsoOwn);
    await press("يوميًا", alsoOwn);
    await press("21:00", alsoOwn);
    // Two readers of one time and zone: one schedule, one run.
    expect(h.app.store.digests.readerSlots()).toHaveLength(1);
    // Admins' /schedules list their own only.
    await h.send(command("schedules", "", { from: ADMIN }));
    expect(visible(h.fake.lastMessage(ADMIN.id))).not.toContain("21:00");
    // A reader slot is not an admin's to remove.
    const slot = h.app.store.digests.readerSlots()[0]?.id ?? expect.fail();
    await h.send(command("unschedule", String(slot), { from: ADMIN }));
    expect(h.app.store.digests.readerSlots()).toHaveLength(1);

    importArticle(WATER);
    importArticle(MARKET);
    await advanceTo("2026-01-05T18:00:00Z"); // 21:00 in Damascus
    await waitUntil(() => digestsTo(own.id).length === 1 && digestsTo(alsoOwn.id).length === 1, 10_000);
    expect(digestsTo(own.id)[0]).toContain("انقطاع المياه عن أحياء الجورة");
    expect(digestsTo(own.id)[0]).toContain("افتتاح سوق شعبي جديد");
    expect(digestsTo(adminsOnly.id)).toEqual([]);

    importArticle(BAKERY);
    await advanceTo("2026-01-06T05:00:00Z"); // 08:00 the next day: the admins' schedule
    await waitUntil(() => digestsTo(adminsOnly.id).length === 1 && digestsTo(own.id).length === 2, 10_000);
    // The reader with their own digest gets only what came after it; the others, everything.
    const morning = digestsTo(own.id)[1] ?? "";
    expect(morning).toContain("عودة فرن الميادين");
    expect(morning).not.toContain("انقطاع المياه");
    expect(morning).not.toContain("افتتاح سوق شعبي");
    expect(digestsTo(adminsOnly.id)[0]).toContain("انقطاع المياه");
    expect(digestsTo(adminsOnly.id)[0]).toContain("عودة فرن الميادين");
    // Across all their digests, each story reached each reader once.
    for (const u of [own, alsoOwn, adminsOnly]) {
      const all = digestsTo(u.id).join("\n");
      for (const title of ["انقطاع المياه", "افتتاح سوق شعبي", "عودة فرن الميادين"])
        expect(all.split(title).length - 1).toBeLessThanOrEqual(1);
    }
  });

  it("may be weekly on a day, shows when it comes, and refuses what it cannot be", async () => {
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("settings", "", { from: reader }));
    await press("ملخصي الخاص", reader);
    await press("أسبوعيًا", reader);
    expect(visible(h.fake.lastMessage(reader.id))).toBe("في أي يوم من الأسبوع يصلك الملخص؟");
    await press("الخميس", reader);
    const chosen = await press("08:00", reader);
    expect(visible(chosen)).toContain("🗞 ملخصك الخاص: كل أسبوع، يوم الخميس الساعة 08:00");
    expect(visible(chosen)).toContain("🕗 ملخصك القادم: الخميس 08:00");

    // Twice daily from 13:00 (its first time is before noon) and weekly without a day: nothing changes.
    await h.send(callback("od:s:twice:13", { from: reader }));
    expect(lastToast()).toContain("انتهت صلاحية");
    await h.send(callback("od:s:weekly:8", { from: reader }));
    expect(lastToast()).toContain("انتهت صلاحية");
    expect(h.app.deps.schedules.ownDigest(h.app.deps.readers.find(reader.id) ?? expect.fail())).toEqual({
      kind: "weekly",
      weekday: 4,
      hour: 8,
    });

    await h.send(command("settings", "", { from: reader }));
    await press("ملخصي الخاص", reader);
    await press("مرتين يوميًا", reader);
    const twice = await press("08:00 · 20:00", reader);
    expect(visible(twice)).toContain("🗞 ملخصك الخاص: مرتين كل يوم، الساعة 08:00 والساعة 20:00");
    expect(visible(twice)).toContain("🕗 ملخصك القادم: الاثنين 20:00");

    const off = await press("إيقاف ملخصي الخاص", reader);
    expect(lastToast()).toBe("أُوقف ملخصك الخاص");
    expect(visible(off)).toContain("لم تختره");
  });
});
