// Muted words, as a reader meets them: /mute and /unmute, the list in /settings with its buttons, and an
// editor's alert of a football story that does not reach the reader who muted football (the real app against
// the fake Bot API, a real SQLite file).
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
const DERBY = [
  "الفتوة يفوز على اليقظة في ديربي دير الزور",
  "",
  "حقق فريق الفتوة فوزًا ثمينًا على ضيفه اليقظة بهدفين مقابل هدف في المباراة التي جمعتهما مساء أمس على الملعب البلدي في مدينة دير الزور، ضمن الدوري السوري الممتاز لكرة القدم.",
  "",
  "وسجل هدفي الفتوة مهاجمه القادم من الميادين في الشوط الثاني، فيما قلّص اليقظة الفارق في الدقائق الأخيرة.",
].join("\n");

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" } });
});
afterAll(() => h.stop());

const mutesOf = (chatId: number) => h.app.deps.audience.mutes(chatId).map((m) => m.phrase);

describe("/mute", () => {
  it("mutes several words at once, says what it does, and refuses what it cannot mute", async () => {
    const reader = await subscriber(h, "دير الزور");
    const [reply] = await h.send(command("mute", "كرة القدم، مباراة, football", { from: reader }));
    const text = visible(reply);
    expect(text).toContain("حُجبت «كرة القدم»");
    expect(text).toContain("حُجبت «مباراة»");
    expect(text).toContain("حُجبت «football»");
    expect(bidiProblems(reply?.text ?? "")).toEqual([]);
    expect(mutesOf(reader.id)).toEqual(["كرة القدم", "مباراة", "football"]);

    const [again] = await h.send(
      command("mute", "المباراة الأخيرة في الدوري السوري لكرة القدم هذا الموسم", { from: reader }),
    );
    expect(visible(again)).toContain("أطول مما يُحجب");
    const [same] = await h.send(command("mute", "كره  القدم", { from: reader }));
    expect(visible(same)).toContain("محجوبة من قبل");
    expect(mutesOf(reader.id)).toHaveLength(3);

    const [usage] = await h.send(command("mute", "", { from: reader }));
    expect(visible(usage)).toContain("/mute مباراة");
    expect(buttonLabels(usage)).toEqual(["✕ كرة القدم", "✕ مباراة", "✕ football"]);
  });

  it("stops at the limit of 20 with a clear answer", async () => {
    const reader = user({ language_code: "en" });
    const words = Array.from({ length: 22 }, (_, i) => `word${i}`).join(", ");
    const [reply] = await h.send(command("mute", words, { from: reader }));
    expect(visible(reply)).toContain("That is the limit: 20 muted words");
    expect(mutesOf(reader.id)).toHaveLength(20);
  });

  it("shows the muted words in /settings and /mytopics, and unmutes one with its button", async () => {
    const reader = await subscriber(h, "الميادين");
    await h.send(command("mute", "مباراة، انقطاع الكهرباء", { from: reader }));
    const [settings] = await h.send(command("settings", "", { from: reader }));
    expect(visible(settings)).toContain("الكلمات المحجوبة: «مباراة»، «انقطاع الكهرباء»");
    const [mine] = await h.send(command("mytopics", "", { from: reader }));
    expect(visible(mine)).toContain("الكلمات المحجوبة: «مباراة»");

    await h.send(
      callback(buttonData(settings, "الكلمات المحجوبة"), {
        from: reader,
        message: h.fake.lastMessage(reader.id),
      }),
    );
    const list = h.fake.lastMessage(reader.id);
    expect(visible(list)).toContain("الكلمات المحجوبة (2 من 20)");
    await h.send(callback(buttonData(list, "✕ مباراة"), { from: reader, message: list }));
    expect(mutesOf(reader.id)).toEqual(["انقطاع الكهرباء"]);
    expect(buttonLabels(h.fake.lastMessage(reader.id))).toEqual(["✕ انقطاع الكهرباء", "› رجوع"]);
    // The same button again (an older copy of the list) changes nothing.
    await h.send(callback(buttonData(list, "✕ مباراة"), { from: reader, message: list }));
    expect(mutesOf(reader.id)).toEqual(["انقطاع الكهرباء"]);
  });

  it("unmutes by name in any spelling, and says so when the word was not muted", async () => {
    const reader = await subscriber(h, "دير الزور");
    await h.send(command("mute", "إنقطاع المياه", { from: reader }));
    const [unknown] = await h.send(command("unmute", "مباراة", { from: reader }));
    expect(visible(unknown)).toContain("«مباراة» ليست بين الكلمات المحجوبة");
    const [done] = await h.send(command("unmute", "انقطاع المياة", { from: reader }));
    expect(visible(done)).toContain("أُلغي حجب");
    expect(mutesOf(reader.id)).toEqual([]);
  });

  it("in a group, lets only the group's admins mute words", async () => {
    const chat = group({ id: -7100, title: "أخبار الفرات" });
    const member = user({ language_code: "ar" });
    const [refused] = await h.send(groupMessage("/mute مباراة", { from: member, chat }));
    expect(visible(refused)).toContain("مشرفو هذه المجموعة وحدهم");
    expect(mutesOf(chat.id)).toEqual([]);
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(groupMessage("/mute مباراة", { from: admin, chat }));
    expect(mutesOf(chat.id)).toEqual(["مباراة"]);
  });

  it("in a group, /mute alone speaks of the group's news, not the reader's, in Arabic and English", async () => {
    const chat = group({ id: -7101, title: "أخبار البادية" });
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    const [ar] = await h.send(groupMessage("/mute", { from: admin, chat }));
    expect(visible(ar)).toContain("اكتب بعد الأمر كلمة أو عبارة لا تريد المجموعة أخبارها");
    expect(bidiProblems(ar?.text ?? "", ["/mute"])).toEqual([]);
    h.app.store.chats.update(chat.id, { language: "en" });
    const [en] = await h.send(groupMessage("/mute", { from: admin, chat }));
    expect(visible(en)).toContain("Write a word or phrase whose news this group does not want");
    const [mine] = await h.send(command("mute", "", { from: admin }));
    expect(visible(mine)).toContain("اكتب بعد الأمر كلمة أو عبارة لا تريد أخبارها");
  });
});

describe("an editor's alert", () => {
  it("does not reach a reader who muted a word of it, and reaches the others", async () => {
    const fan = await subscriber(h, "دير الزور");
    const muted = await subscriber(h, "دير الزور");
    await h.send(command("mute", "كرة القدم", { from: muted }));
    const [title, , ...body] = DERBY.split("\n");
    const { article } = h.app.deps.importer.importOne(
      { title: title as string, body: body.join("\n") },
      { origin: "post", postedBy: EDITOR.id },
    );
    const replies = await h.send(command("alert", String(article.id), { from: EDITOR }));
    const question = replies[replies.length - 1];
    await h.send(
      callback(buttonData(question, "إرسال"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
    );
    await waitUntil(() => received(h, fan.id, "🔴").length === 1);
    // Enqueued with the fan's copy or not at all: nothing for the muted reader is queued.
    const queued = h.app.store.db
      .prepare("SELECT count(*) AS n FROM outbox WHERE chat_id = ? AND purpose = 'alert'")
      .get(muted.id) as { n: number };
    expect(queued.n).toBe(0);
    expect(received(h, muted.id, "🔴")).toEqual([]);
  });
});
