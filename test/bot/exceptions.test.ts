// A followed place except some of the places under it («دير الزور ما عدا الميادين»), as a reader meets it: from
// /unsubscribe of a place received through its parent and from the picker; /mytopics and the picker show it;
// an article only about Mayadin reaches that reader neither as an alert nor in a digest nor in /latest, while
// Deir ez-Zor's own news still does; following Mayadin again ends the exception (the real app against the fake
// Bot API, a real SQLite file).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bidiProblems } from "../support/bidi";
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

const EDITOR = user({ language_code: "ar", first_name: "لينا" });
const ADMIN = user({ language_code: "en" });
const MAYADIN_SCHOOL = {
  title: "افتتاح مدرسة ثانوية جديدة في مدينة الميادين",
  body: [
    "افتتحت مديرية التربية مدرسة ثانوية جديدة في مدينة الميادين تتسع لنحو ثمانمئة طالب وطالبة، بعد أشهر من أعمال الترميم.",
    "",
    "وقال مدير المدرسة إن الدوام يبدأ الأسبوع المقبل، وإن المدرسة تضم مخبرًا للعلوم وقاعة للحاسوب، فيما طالب الأهالي بزيادة عدد المدرّسين.",
  ].join("\n"),
};
const DEIR_BRIDGE = {
  title: "إعادة فتح الجسر المعلق في مدينة دير الزور أمام المشاة",
  body: [
    "أعاد مجلس مدينة دير الزور فتح الجسر المعلق أمام المشاة بعد انتهاء المرحلة الأولى من أعمال الترميم التي استمرت عامًا.",
    "",
    "وقال المجلس إن المرحلة الثانية تشمل الإنارة والأرصفة، وإن الجسر سيبقى مغلقًا أمام السيارات.",
  ].join("\n"),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    env: { EDITOR_IDS: String(EDITOR.id), ADMIN_IDS: String(ADMIN.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
  });
});
afterAll(() => h.stop());

const exceptionsOf = (chatId: number) => h.app.deps.topics.exceptionsOf(chatId).map((t) => t.slug);
const topicsOf = (chatId: number) => h.app.deps.topics.subscriptionsOf(chatId).map((t) => t.slug);
const alertsTo = (chatId: number) => received(h, chatId, "🔴");
const digestsTo = (chatId: number) => received(h, chatId, "📰");

async function press(from: ReturnType<typeof user>, label: string) {
  const shown = h.fake.lastMessage(from.id);
  await h.send(callback(buttonData(shown, label), { from, message: shown }));
  return h.fake.lastMessage(from.id);
}

async function alert(id: number): Promise<void> {
  const question = (await h.send(command("alert", String(id), { from: EDITOR }))).at(-1);
  await h.send(
    callback(buttonData(question, "إرسال"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
  );
}

describe("/unsubscribe of a place received through its parent", () => {
  it("offers to keep the parent except it, and /mytopics and the picker show the exception", async () => {
    const reader = await subscriber(h, "دير الزور");
    const [reply] = await h.send(command("unsubscribe", "الميادين", { from: reader }));
    expect(buttonLabels(reply)).toContain("🚫 دير الزور ما عدا الميادين");
    const done = await press(reader, "ما عدا الميادين");
    expect(visible(done)).toContain("تتابع الآن دير الزور ما عدا الميادين");
    expect(bidiProblems(done?.text ?? "")).toEqual([]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    expect(exceptionsOf(reader.id)).toEqual(["mayadin"]);

    const [mine] = await h.send(command("mytopics", "", { from: reader }));
    expect(visible(mine)).toContain("• دير الزور (ما عدا الميادين)");
    // Unfollowing it again says it is not followed (its news no longer comes).
    const [again] = await h.send(command("unsubscribe", "الميادين", { from: reader }));
    expect(visible(again)).toContain("أنت لا تتابع الميادين");

    await h.send(command("topics", "", { from: reader }));
    const view = await press(reader, "دير الزور ‹");
    expect(buttonLabels(view)).toContain("🚫 الميادين");
    expect(buttonLabels(view)).toContain("(✓) هجين");
    expect(visible(view)).toContain("🚫 مستثناة من منطقة أوسع تتابعها");
    // Tapped, the exception ends: Mayadin comes through Deir ez-Zor again.
    const back = await press(reader, "🚫 الميادين");
    expect(buttonLabels(back)).toContain("(✓) الميادين");
    expect(exceptionsOf(reader.id)).toEqual([]);
  });

  it("ends when the place is followed again, and with its parent", async () => {
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("unsubscribe", "البوكمال", { from: reader }));
    await press(reader, "ما عدا البوكمال");
    expect(exceptionsOf(reader.id)).toEqual(["al-bukamal"]);
    await h.send(command("subscribe", "البوكمال", { from: reader }));
    expect(exceptionsOf(reader.id)).toEqual([]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor", "al-bukamal"]);
    await h.send(command("unsubscribe", "البوكمال", { from: reader }));
    await press(reader, "ما عدا البوكمال");
    expect(exceptionsOf(reader.id)).toEqual(["al-bukamal"]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    await h.send(command("unsubscribe", "دير الزور", { from: reader }));
    expect(exceptionsOf(reader.id)).toEqual([]);
  });

  it("leaves a place followed when its old «ما عدا» button is pressed after the parent was unfollowed", async () => {
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("unsubscribe", "الميادين", { from: reader }));
    const offer = h.fake.lastMessage(reader.id);
    await h.send(command("unsubscribe", "دير الزور", { from: reader }));
    await h.send(command("subscribe", "الميادين", { from: reader }));
    expect(topicsOf(reader.id)).toEqual(["mayadin"]);
    await h.send(callback(buttonData(offer, "ما عدا الميادين"), { from: reader, message: offer }));
    expect(topicsOf(reader.id)).toEqual(["mayadin"]);
    expect(exceptionsOf(reader.id)).toEqual([]);
  });

  it("in a group, lets only the group's admins except a place", async () => {
    const chat = group({ id: -7400, title: "أخبار الميادين" });
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(groupMessage("/subscribe دير الزور", { from: admin, chat }));
    const [reply] = await h.send(groupMessage("/unsubscribe الميادين", { from: admin, chat }));
    const member = user({ language_code: "ar" });
    await h.send(callback(buttonData(reply, "ما عدا الميادين"), { from: member, chat }));
    expect(exceptionsOf(chat.id)).toEqual([]);
    await h.send(callback(buttonData(reply, "ما عدا الميادين"), { from: admin, chat }));
    expect(exceptionsOf(chat.id)).toEqual(["mayadin"]);
  });
});

describe("the picker", () => {
  it("asks, for a (✓) place, whether to follow it on its own too or to keep its parent except it", async () => {
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("topics", "", { from: reader }));
    await press(reader, "دير الزور ‹");
    const choice = await press(reader, "(✓) هجين");
    expect(visible(choice)).toContain("تصلك أخبار هجين لأنك تتابع دير الزور");
    expect(bidiProblems(choice?.text ?? "")).toEqual([]);
    const view = await press(reader, "🚫 دير الزور ما عدا هجين");
    expect(buttonLabels(view)).toContain("🚫 هجين");
    expect(exceptionsOf(reader.id)).toEqual(["hajin"]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    const [mine] = await h.send(command("mytopics", "", { from: reader }));
    expect(visible(mine)).toContain("دير الزور (ما عدا هجين)");
  });
});

describe("an excepted place's news", () => {
  it("reaches that reader neither as an alert nor in a digest nor in /latest, while the parent's still does", async () => {
    await h.send(command("schedule", "daily 08:00", { from: ADMIN }));
    const schedule = h.app.store.digests.schedules().at(-1)?.id as number;
    await h.app.deps.schedules.runNow(schedule);
    const plain = await subscriber(h, "دير الزور");
    const except = await subscriber(h, "دير الزور");
    await h.send(command("unsubscribe", "الميادين", { from: except }));
    await press(except, "ما عدا الميادين");
    const quiet = await subscriber(h, "دير الزور"); // alerts off: the digest is where it would come
    await h.send(command("unsubscribe", "الميادين", { from: quiet }));
    await press(quiet, "ما عدا الميادين");
    await h.send(command("settings", "", { from: quiet }));
    await h.send(callback("set:alerts:0", { from: quiet }));

    const school = h.app.deps.importer.importOne(MAYADIN_SCHOOL, { origin: "post", postedBy: EDITOR.id })
      .article.id;
    const bridge = h.app.deps.importer.importOne(DEIR_BRIDGE, { origin: "post", postedBy: EDITOR.id }).article
      .id;
    expect(h.app.deps.topics.topicsOfArticle(school).map((t) => t.slug)).toEqual(["mayadin"]);
    await alert(school);
    await alert(bridge);
    await waitUntil(() => alertsTo(plain.id).length === 2 && alertsTo(except.id).length === 1);
    expect(alertsTo(except.id)[0]).toContain(DEIR_BRIDGE.title);

    const [latest] = await h.send(command("latest", "", { from: except }));
    expect(visible(latest)).toContain(DEIR_BRIDGE.title);
    expect(visible(latest)).not.toContain(MAYADIN_SCHOOL.title);
    // Asked for by name, the excepted place is listed.
    const [mayadin] = await h.send(command("latest", "الميادين", { from: except }));
    expect(visible(mayadin)).toContain(MAYADIN_SCHOOL.title);

    await h.app.deps.schedules.runNow(schedule);
    await waitUntil(() => digestsTo(quiet.id).length === 1);
    expect(digestsTo(quiet.id)[0]).toContain(DEIR_BRIDGE.title);
    expect(digestsTo(quiet.id)[0]).not.toContain(MAYADIN_SCHOOL.title);
    expect(alertsTo(except.id)).toHaveLength(1);
    expect(alertsTo(quiet.id)).toEqual([]);
  });
});
