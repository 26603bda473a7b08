// /subscribe and plain text as people write them (issue 13 item 4): names joined with و or commas, a short
// name, Latin variants, a question, a place already followed (directly or through a parent), and unfollowing
// a place that keeps coming through a followed parent. Replies and the subscriptions stored are both checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonData, buttonLabels, type Harness, startHarness, visible } from "../support/harness";
import { callback, command, group, groupMessage, message, user } from "../support/updates";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const topicsOf = (chatId: number) => h.app.deps.topics.subscriptionsOf(chatId).map((t) => t.slug);

describe("/subscribe reads lists", () => {
  it.each([["الميادين والبوكمال"], ["الميادين و البوكمال"], ["الميادين، البوكمال"], ["الميادين, البوكمال"]])(
    "%s follows both places",
    async (names) => {
      const reader = user({ language_code: "ar" });
      const [reply] = await h.send(command("subscribe", names, { from: reader }));
      expect(visible(reply)).toBe("✅ أصبحت تتابع الميادين، البوكمال.");
      expect(topicsOf(reader.id)).toEqual(["mayadin", "al-bukamal"]);
    },
  );

  it("reads English lists joined with and", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("subscribe", "Mayadin and Hajin", { from: reader }));
    expect(visible(reply)).toBe("✅ You now follow Mayadin, Hajin.");
    expect(topicsOf(reader.id)).toEqual(["mayadin", "hajin"]);
  });

  it("follows a place and its parent named together, both", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("subscribe", "الميادين ودير الزور", { from: reader }));
    expect(visible(reply)).toBe("✅ أصبحت تتابع الميادين، دير الزور.");
    expect(topicsOf(reader.id).sort()).toEqual(["deir-ez-zor", "mayadin"]);
  });
});

describe("/subscribe reads short names and Latin spellings", () => {
  it.each([
    ["ar", "العمر", "✅ أصبحت تتابع حقل العمر النفطي."],
    ["en", "Omar field", "✅ You now follow Omar oil field."],
    ["en", "al-Omar", "✅ You now follow Omar oil field."],
    [
      "en",
      "Deir Ezzour",
      "✅ You now follow Deir ez-Zor, including Mayadin, Al-Bukamal, Omar oil field, Conoco gas field and 17 more.",
    ],
    ["en", "Mayadeen", "✅ You now follow Mayadin."],
  ])("%s: %s", async (language, name, expected) => {
    const reader = user({ language_code: language });
    const [reply] = await h.send(command("subscribe", name, { from: reader }));
    expect(visible(reply)).toBe(expected);
    expect(topicsOf(reader.id)).toHaveLength(1);
  });

  it("offers choices when a short name fits several places, and follows the one chosen", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("subscribe", "دير", { from: reader }));
    expect(visible(reply)).toBe("لا أعرف منطقة باسم «دير». هل تقصد:");
    expect(buttonLabels(reply)).toEqual(["دير الزور", "مطار دير الزور العسكري"]);
    expect(topicsOf(reader.id)).toEqual([]);
    await h.send(
      callback(buttonData(reply, "مطار"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor-military-airport"]);
  });
});

describe("a place already followed", () => {
  it("is said to be followed, by /subscribe and typed as text, and nothing is stored twice", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "دير الزور", { from: reader }));
    const [again] = await h.send(command("subscribe", "دير الزور", { from: reader }));
    expect(visible(again)).toBe("أنت تتابع دير الزور بالفعل.");
    const [typed] = await h.send(message({ text: "دير الزور", from: reader }));
    expect(visible(typed)).toBe("أنت تتابع دير الزور بالفعل.");
    expect(buttonLabels(typed)).toEqual([]);
    const [child] = await h.send(message({ text: "الميادين", from: reader }));
    expect(visible(child)).toBe("تصلك أخبار الميادين بالفعل لأنك تتابع دير الزور.");
    expect(buttonLabels(child)).toEqual(["تابع الميادين وحدها أيضًا"]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
  });

  it("in a group, is said of the group", async () => {
    const chat = group({ id: -7200, title: "أخبار الميادين" });
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(groupMessage("/subscribe دير الزور", { from: admin, chat }));
    const [again] = await h.send(groupMessage("/subscribe دير الزور", { from: admin, chat }));
    expect(visible(again)).toBe("هذه المجموعة تتابع دير الزور بالفعل.");
    const [child] = await h.send(groupMessage("/subscribe الميادين", { from: admin, chat }));
    expect(visible(child)).toBe(
      "✅ أصبحت هذه المجموعة تتابع الميادين.\nكانت أخبار الميادين تصل إلى هذه المجموعة عبر متابعتها لـدير الزور، وأصبحت تتابعها وحدها أيضًا: تبقى إن أُلغيت متابعة دير الزور.",
    );
    expect(topicsOf(chat.id)).toEqual(["deir-ez-zor", "mayadin"]);
  });
});

describe("plain text in a private chat", () => {
  it("answers a question about following a place with a button that follows it", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(message({ text: "كيف اشترك بأخبار الميادين؟", from: reader }));
    expect(visible(reply)).toBe(
      "لمتابعة أخبار الميادين اضغط الزر أدناه، أو أرسل /subscribe الميادين متى شئت.",
    );
    expect(buttonLabels(reply)).toEqual(["تابع الميادين"]);
    await h.send(
      callback(buttonData(reply, "تابع الميادين"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(topicsOf(reader.id)).toEqual(["mayadin"]);
    expect(visible(h.fake.lastMessage(reader.id))).toBe("✅ أصبحت تتابع الميادين.");
  });

  it("is the picker's fast path: a name typed while the picker is open is offered at once", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("topics", "", { from: reader }));
    const [offer] = await h.send(message({ text: "العمر", from: reader }));
    expect(visible(offer)).toBe("هل تريد متابعة حقل العمر النفطي؟");
    await h.send(
      callback(buttonData(offer, "تابع حقل العمر"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(topicsOf(reader.id)).toEqual(["omar-oil-field"]);
  });

  it("offers each place of a list, and the nearest names for a near miss", async () => {
    const reader = user({ language_code: "en" });
    const [list] = await h.send(message({ text: "الميادين والبوكمال", from: reader }));
    expect(visible(list)).toBe("Do you want to follow Mayadin, Al-Bukamal? Tap the ones you want.");
    expect(buttonLabels(list)).toEqual(["Follow Mayadin", "Follow Al-Bukamal"]);
    const [near] = await h.send(message({ text: "Deir Ezzot", from: reader }));
    expect(visible(near)).toBe("I don't know a place called “Deir Ezzot”. Did you mean:");
    expect(buttonLabels(near)).toContain("Deir ez-Zor");
    expect(topicsOf(reader.id)).toEqual([]);
  });
});

describe("unfollowing a place that comes through a followed parent", () => {
  it("says at once that its news keeps coming, and offers to except it from the parent or unfollow the parent", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "دير الزور", { from: reader }));
    const [reply] = await h.send(command("unsubscribe", "الميادين", { from: reader }));
    expect(visible(reply)).toBe(
      "لا تتابع الميادين وحدها: تصلك أخبارها لأنك تتابع دير الزور، وستبقى تصلك ما دمت تتابعها. لإيقاف أخبارها وحدها أبقِ دير الزور ما عدا الميادين، أو ألغِ متابعة دير الزور كلها.",
    );
    expect(buttonLabels(reply)).toEqual(["🚫 دير الزور ما عدا الميادين", "ألغِ متابعة دير الزور"]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    await h.send(
      callback(buttonData(reply, "ألغِ متابعة"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(topicsOf(reader.id)).toEqual([]);
    expect(visible(h.fake.lastMessage(reader.id))).toBe("ألغيت متابعة دير الزور.");
  });

  it("says so too when the place itself was followed as well", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor, Mayadin", { from: reader }));
    const [reply] = await h.send(command("unsubscribe", "Mayadin", { from: reader }));
    expect(visible(reply)).toBe(
      "You no longer follow Mayadin, but its news will keep reaching you because you follow Deir ez-Zor. To stop it alone, keep Deir ez-Zor except Mayadin, or stop following all of Deir ez-Zor.",
    );
    expect(buttonLabels(reply)).toEqual(["🚫 Deir ez-Zor except Mayadin", "Stop following Deir ez-Zor"]);
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
  });

  it("in a group, speaks of the group", async () => {
    const chat = group({ id: -7300, title: "أخبار البوكمال" });
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(groupMessage("/subscribe دير الزور", { from: admin, chat }));
    const [reply] = await h.send(groupMessage("/unsubscribe البوكمال", { from: admin, chat }));
    expect(visible(reply)).toContain(
      "لا تتابع هذه المجموعة البوكمال وحدها: تصل أخبارها لأنها تتابع دير الزور",
    );
    expect(buttonLabels(reply)).toEqual(["🚫 دير الزور ما عدا البوكمال", "ألغِ متابعة دير الزور"]);
  });
});
