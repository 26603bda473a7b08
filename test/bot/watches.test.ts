// Watched words, as a reader meets them: /watch and /unwatch, the list in /settings and /mytopics with its
// buttons, and a Deir ez-Zor article about water cuts that reaches a reader who follows only Hasakah but watches
// «انقطاع المياه» — in the digest, and as an alert when an editor alerts it — once; a muted word wins (the real
// app against the fake Bot API, a real SQLite file).
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
const WATER_CUT = {
  title: "انقطاع المياه عن أحياء دير الزور لليوم الثالث على التوالي",
  body: [
    "يعاني سكان أحياء الجورة والقصور والحميدية في مدينة دير الزور من انقطاع المياه لليوم الثالث على التوالي، بعد عطل أصاب محطة الضخ الرئيسية على نهر الفرات.",
    "",
    "وقال أحد العاملين في مؤسسة المياه إن فرق الصيانة تعمل على إصلاح المضخات، متوقعًا عودة الضخ تدريجيًا خلال يومين، فيما لجأ الأهالي إلى شراء المياه من الصهاريج بأسعار مرتفعة.",
    "",
    "وطالب السكان بتوزيع صهاريج مجانية على الأحياء الأكثر تضررًا إلى حين انتهاء الإصلاحات.",
  ].join("\n"),
};
const WHEAT = {
  title: "بدء موسم حصاد القمح في ريف دير الزور الشرقي",
  body: [
    "بدأ المزارعون في ريف دير الزور الشرقي حصاد القمح وسط توقعات بإنتاج أقل من العام الماضي بسبب قلة الأمطار.",
    "",
    "وقال مزارعون إن أسعار المحروقات ارتفعت، ما زاد تكاليف الحصاد والنقل إلى مراكز الاستلام.",
  ].join("\n"),
};

const PUMPS_BACK = {
  title: "عودة ضخ المياه إلى أحياء دير الزور بعد إصلاح المحطة",
  body: [
    "أعلنت مؤسسة المياه في دير الزور عودة الضخ إلى أحياء الجورة والقصور بعد انتهاء فرق الصيانة من إصلاح المضخات في محطة الفرات.",
    "",
    "وقالت المؤسسة إن الضغط سيعود إلى طبيعته خلال ساعات، داعية السكان إلى ترشيد الاستهلاك في الأيام الأولى.",
  ].join("\n"),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    env: { EDITOR_IDS: String(EDITOR.id), ADMIN_IDS: String(ADMIN.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
  });
});
afterAll(() => h.stop());

const watchesOf = (chatId: number) => h.app.deps.audience.watches(chatId).map((m) => m.phrase);
const digestsTo = (chatId: number) => received(h, chatId, "📰");
const alertsTo = (chatId: number) => received(h, chatId, "🔴");
const importArticle = (a: { title: string; body: string }) =>
  h.app.deps.importer.importOne(a, { origin: "post", postedBy: EDITOR.id }).article.id;

async function alert(id: number): Promise<void> {
  const question = (await h.send(command("alert", String(id), { from: EDITOR }))).at(-1);
  await h.send(
    callback(buttonData(question, "إرسال"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
  );
}

async function runDigest(schedule: number): Promise<void> {
  await h.app.deps.schedules.runNow(schedule);
}

describe("/watch", () => {
  it("watches several words at once, says what it does, and refuses what it cannot watch", async () => {
    const reader = await subscriber(h, "الحسكة");
    const [reply] = await h.send(command("watch", "انقطاع المياه، الجورة, Conoco", { from: reader }));
    const text = visible(reply);
    expect(text).toContain("رُصدت «انقطاع المياه»");
    expect(text).toContain("رُصدت «الجورة»");
    expect(text).toContain("رُصدت «Conoco»");
    expect(bidiProblems(reply?.text ?? "")).toEqual([]);
    expect(watchesOf(reader.id)).toEqual(["انقطاع المياه", "الجورة", "Conoco"]);

    const [long] = await h.send(
      command("watch", "انقطاع المياه عن أحياء المدينة لليوم الثالث على التوالي", { from: reader }),
    );
    expect(visible(long)).toContain("أطول مما يُرصد");
    const [short] = await h.send(command("watch", "و", { from: reader }));
    expect(visible(short)).toContain("من حرفين على الأقل");
    const [same] = await h.send(command("watch", "إنقطاع  المياة", { from: reader }));
    expect(visible(same)).toContain("مرصودة من قبل");
    expect(watchesOf(reader.id)).toHaveLength(3);

    const [usage] = await h.send(command("watch", "", { from: reader }));
    expect(visible(usage)).toContain("/watch انقطاع المياه");
    expect(buttonLabels(usage)).toEqual(["✕ انقطاع المياه", "✕ الجورة", "✕ Conoco"]);
  });

  it("stops at the limit of 20 with a clear answer", async () => {
    const reader = user({ language_code: "en" });
    const words = Array.from({ length: 22 }, (_, i) => `word${i}`).join(", ");
    const [reply] = await h.send(command("watch", words, { from: reader }));
    expect(visible(reply)).toContain("That is the limit: 20 watched words");
    expect(watchesOf(reader.id)).toHaveLength(20);
    const [more] = await h.send(command("watch", "Conoco", { from: reader }));
    expect(visible(more)).toContain("That is the limit");
    expect(watchesOf(reader.id)).not.toContain("Conoco");
  });

  it("says a watched word that is muted too brings nothing", async () => {
    const reader = await subscriber(h, "الحسكة");
    await h.send(command("mute", "صهاريج", { from: reader }));
    const [reply] = await h.send(command("watch", "الصهاريج", { from: reader }));
    expect(visible(reply)).toContain("محجوبة أيضًا، والحجب يغلب");
  });

  it("shows the watched words in /settings and /mytopics, and stops watching one with its button", async () => {
    const reader = await subscriber(h, "الحسكة");
    await h.send(command("watch", "انقطاع المياه، الجورة", { from: reader }));
    const [settings] = await h.send(command("settings", "", { from: reader }));
    expect(visible(settings)).toContain("الكلمات المرصودة: «انقطاع المياه»، «الجورة»");
    expect(buttonLabels(settings)).toContain("🔎 الكلمات المرصودة");
    const [mine] = await h.send(command("mytopics", "", { from: reader }));
    expect(visible(mine)).toContain("الكلمات المرصودة: «انقطاع المياه»");

    await h.send(
      callback(buttonData(settings, "الكلمات المرصودة"), {
        from: reader,
        message: h.fake.lastMessage(reader.id),
      }),
    );
    const list = h.fake.lastMessage(reader.id);
    expect(visible(list)).toContain("الكلمات المرصودة (2 من 20)");
    await h.send(callback(buttonData(list, "✕ الجورة"), { from: reader, message: list }));
    expect(watchesOf(reader.id)).toEqual(["انقطاع المياه"]);
    expect(buttonLabels(h.fake.lastMessage(reader.id))).toEqual(["✕ انقطاع المياه", "› رجوع"]);
    await h.send(callback(buttonData(list, "✕ الجورة"), { from: reader, message: list }));
    expect(watchesOf(reader.id)).toEqual(["انقطاع المياه"]);

    const [unknown] = await h.send(command("unwatch", "مباراة", { from: reader }));
    expect(visible(unknown)).toContain("«مباراة» ليست بين الكلمات المرصودة");
    const [done] = await h.send(command("unwatch", "انقطاع المياة", { from: reader }));
    expect(visible(done)).toContain("أُلغي رصد");
    expect(watchesOf(reader.id)).toEqual([]);
  });

  it("in a group, lets only the group's admins watch words", async () => {
    const chat = group({ id: -7200, title: "أخبار الجزيرة" });
    const member = user({ language_code: "ar" });
    const [refused] = await h.send(groupMessage("/watch انقطاع المياه", { from: member, chat }));
    expect(visible(refused)).toContain("مشرفو هذه المجموعة وحدهم");
    expect(watchesOf(chat.id)).toEqual([]);
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(groupMessage("/watch انقطاع المياه", { from: admin, chat }));
    expect(watchesOf(chat.id)).toEqual(["انقطاع المياه"]);
  });

  it("in a group, /watch alone speaks of the group's news and places, not the reader's, in Arabic and English", async () => {
    const chat = group({ id: -7201, title: "أخبار الخابور" });
    const admin = user({ language_code: "en" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    const [ar] = await h.send(groupMessage("/watch", { from: admin, chat }));
    expect(visible(ar)).toContain(
      "اكتب بعد الأمر كلمة أو عبارة تريد المجموعة أخبارها أينما وقعت، ولو خارج المناطق التي تتابعها",
    );
    expect(visible(ar)).not.toContain("مناطقك");
    expect(bidiProblems(ar?.text ?? "", ["/watch"])).toEqual([]);
    h.app.store.chats.update(chat.id, { language: "en" });
    const [en] = await h.send(groupMessage("/watch", { from: admin, chat }));
    expect(visible(en)).toContain("whose news this group wants wherever it happens, even outside its places");
    // A private chat is still spoken to.
    const [mine] = await h.send(command("watch", "", { from: admin }));
    expect(visible(mine)).toContain("whose news you want wherever it happens, even outside your places");
  });
});

describe("an article with a watched word", () => {
  it("reaches a reader beyond their places: as an alert once, in the digest of the others, never past a mute", async () => {
    await h.send(command("schedule", "daily 08:00", { from: ADMIN }));
    const schedule = h.app.store.digests.schedules().at(-1)?.id as number;
    await runDigest(schedule); // what came before is behind every reader

    const dez = await subscriber(h, "دير الزور");
    const watcher = await subscriber(h, "الحسكة");
    await h.send(command("watch", "انقطاع المياه", { from: watcher }));
    const quiet = await subscriber(h, "الحسكة"); // alerts off: the digest brings it
    await h.send(command("watch", "انقطاع المياه", { from: quiet }));
    await h.send(command("settings", "", { from: quiet }));
    await h.send(callback("set:alerts:0", { from: quiet }));
    // The same words spelled otherwise (hamza, ه for ة): matched alike, headed as this reader wrote them.
    const spelled = await subscriber(h, "الحسكة");
    await h.send(command("watch", "إنقطاع المياة", { from: spelled }));
    await h.send(command("settings", "", { from: spelled }));
    await h.send(callback("set:alerts:0", { from: spelled }));
    const both = await subscriber(h, "الحسكة"); // watches it, mutes a word of it: the mute wins
    await h.send(command("watch", "انقطاع المياه", { from: both }));
    await h.send(command("mute", "الصهاريج", { from: both }));
    const nobody = await subscriber(h, "الحسكة"); // watches nothing
    const onlyWords = user({ language_code: "ar" }); // follows no place, only a word
    await h.send(command("watch", "المياه", { from: onlyWords }));

    const id = importArticle(WATER_CUT);
    await alert(id);
    await waitUntil(() => alertsTo(dez.id).length === 1 && alertsTo(watcher.id).length === 1);
    await waitUntil(() => alertsTo(onlyWords.id).length === 1);
    const alerted = alertsTo(watcher.id)[0] as string;
    expect(alerted).toContain("انقطاع المياه عن أحياء دير الزور");
    expect(alerted).toContain("كلمة مرصودة: «انقطاع المياه»");
    expect(alerted).toContain("عاجل · دير الزور");
    expect(alertsTo(dez.id)[0]).not.toContain("كلمة مرصودة");
    expect(alertsTo(onlyWords.id)[0]).toContain("كلمة مرصودة: «المياه»");
    expect(bidiProblems(h.fake.sentTo(watcher.id).at(-1)?.text ?? "")).toEqual([]);
    // Alerted again: once per reader holds for the readers a watched word brought.
    const again = (await h.send(command("alert", String(id), { from: EDITOR }))).at(-1);
    expect(visible(again)).toContain("فلن يُرسل مرة ثانية");
    const importedWheat = importArticle(WHEAT);
    await runDigest(schedule);
    await waitUntil(() => digestsTo(quiet.id).length === 1 && digestsTo(dez.id).length === 1);
    expect(alertsTo(watcher.id)).toHaveLength(1);
    expect(alertsTo(onlyWords.id)).toHaveLength(1);
    expect(alertsTo(quiet.id)).toEqual([]);
    expect(alertsTo(both.id)).toEqual([]);
    expect(alertsTo(nobody.id)).toEqual([]);

    const digest = digestsTo(quiet.id)[0] as string;
    expect(digest).toContain("🔎 كلمة مرصودة: «انقطاع المياه»");
    expect(digest).toContain("انقطاع المياه عن أحياء دير الزور");
    expect(digest).not.toContain(WHEAT.title);
    await waitUntil(() => digestsTo(spelled.id).length === 1);
    expect(digestsTo(spelled.id)[0]).toContain("🔎 كلمة مرصودة: «إنقطاع المياة»");
    expect(digestsTo(spelled.id)[0]).toContain("انقطاع المياه عن أحياء دير الزور");
    // The Deir ez-Zor reader got the wheat article under their place, the water cut once (as the alert).
    expect(digestsTo(dez.id)[0]).toContain(WHEAT.title);
    expect(digestsTo(dez.id)[0]).not.toContain("انقطاع المياه عن أحياء");
    expect(importedWheat).toBeGreaterThan(id);
    // The alerted watcher has nothing new; the muting one and the one watching nothing get nothing.
    expect(digestsTo(watcher.id)).toEqual([]);
    expect(digestsTo(both.id)).toEqual([]);
    expect(digestsTo(nobody.id)).toEqual([]);
    expect(digestsTo(onlyWords.id)).toEqual([]);
  });

  it("comes in the digest under the reader's place when they follow it, not twice", async () => {
    await h.send(command("schedule", "daily 09:00", { from: ADMIN }));
    const schedule = h.app.store.digests.schedules().at(-1)?.id as number;
    await runDigest(schedule);
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("watch", "المياه", { from: reader }));
    importArticle(PUMPS_BACK);
    await runDigest(schedule);
    await waitUntil(() => digestsTo(reader.id).length === 1);
    const digest = digestsTo(reader.id)[0] as string;
    expect(digest).toContain("📍 دير الزور");
    expect(digest).not.toContain("كلمة مرصودة");
    expect(digest.split(PUMPS_BACK.title).length - 1).toBe(1);
  });
});
