// Readers, as a new user meets the bot: the real app against the fake Bot API, a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonData, buttonLabels, type Harness, startHarness, visible } from "../support/harness";
import { callback, command, message, user } from "../support/updates";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { DEFAULT_TIMEZONE: "Asia/Damascus" } });
});
afterAll(() => h.stop());

const topicsOf = (chatId: number) => h.app.deps.topics.subscriptionsOf(chatId).map((t) => t.slug);

describe("/start", () => {
  it("answers in Arabic to an Arabic user, with the topic picker", async () => {
    const reader = user({ language_code: "ar", first_name: "سارة" });
    const sent = await h.send(command("start", "", { from: reader }));
    expect(sent).toHaveLength(2);
    expect(visible(sent[0])).toContain("أهلًا بك في نشرة يا سارة");
    expect(visible(sent[1])).toContain("اختر المناطق التي تتابعها");
    expect(buttonLabels(sent[1])).toContain("متابعة كل سوريا");
  });

  it("answers in English to an English user", async () => {
    const reader = user({ language_code: "en-GB", first_name: "Sam" });
    const sent = await h.send(command("start", "", { from: reader }));
    expect(visible(sent[0])).toContain("Welcome to Nashra, Sam");
    expect(buttonLabels(sent[1])).toContain("Follow all of Syria");
  });

  it("uses DEFAULT_LANGUAGE (ar) for other languages, and says where English is", async () => {
    const sent = await h.send(command("start", "", { from: user({ language_code: "fr" }) }));
    expect(visible(sent[0])).toContain("أهلًا بك");
    expect(visible(sent[0])).toContain("For English: /settings");
  });

  it("subscribes at once from a sub_<slug> deep link, and welcomes a newcomer", async () => {
    const reader = user({ language_code: "en" });
    const sent = await h.send(command("start", "sub_deir-ez-zor", { from: reader }));
    expect(visible(sent[0])).toContain("You now follow Deir ez-Zor");
    expect(visible(sent[1])).toContain("Welcome to Nashra");
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    const again = await h.send(command("start", "sub_mayadin", { from: reader }));
    expect(again).toHaveLength(1); // not new any more
  });

  it("says so when a deep link names no topic, and subscribes to nothing", async () => {
    const reader = user({ language_code: "en" });
    const sent = await h.send(command("start", "sub_atlantis", { from: reader }));
    expect(visible(sent[0])).toContain("names a place I don't know");
    expect(topicsOf(reader.id)).toEqual([]);
  });
});

describe("/subscribe", () => {
  it.each(["دير الزور", "Deir ez-Zor", "deir ezzor", "دَيْر الزُّور", "ديرالزور", "Dayr az-Zawr"])(
    "%s subscribes to the one topic deir-ez-zor",
    async (name) => {
      const reader = user({ language_code: "ar" });
      const sent = await h.send(command("subscribe", name, { from: reader }));
      expect(sent).toHaveLength(1);
      expect(visible(sent[0])).toContain("أصبحت تتابع دير الزور");
      expect(visible(sent[0])).toContain("الميادين");
      expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    },
  );

  it("lists the subscription in /mytopics with the settings", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor", { from: reader }));
    const [reply] = await h.send(command("mytopics", "", { from: reader }));
    const text = visible(reply);
    expect(text).toContain("You follow one place");
    expect(text).toContain("Deir ez-Zor");
    expect(text).toContain("Breaking alerts: on");
    expect(text).toContain("Time zone: Damascus");
  });

  it("takes several topics separated by commas, Arabic commas included", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "الميادين، Raqqa, حلب", { from: reader }));
    expect(topicsOf(reader.id).sort()).toEqual(["aleppo", "mayadin", "raqqa"]);
  });

  it("says when a topic is already followed, and what following a place under a followed one adds", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Syria", { from: reader }));
    const [again] = await h.send(command("subscribe", "سوريا", { from: reader }));
    expect(visible(again)).toBe("You already follow Syria.");
    const [child] = await h.send(command("subscribe", "Mayadin", { from: reader }));
    expect(visible(child)).toBe(
      "✅ You now follow Mayadin.\nIts news already came through Syria, which you follow; now you follow Mayadin on its own too, so it stays if you stop following Syria.",
    );
    expect(topicsOf(reader.id)).toEqual(["syria", "mayadin"]);
  });

  it("suggests the closest topics for an unknown name, and a button subscribes", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("subscribe", "Deir Ezzot", { from: reader }));
    expect(visible(reply)).toContain("I don't know a place called “Deir Ezzot”");
    expect(buttonLabels(reply)).toContain("Deir ez-Zor");
    expect(topicsOf(reader.id)).toEqual([]);
    const bot = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(reply, "Deir ez-Zor"), { from: reader, message: bot }));
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    expect(visible(h.fake.lastMessage(reader.id))).toContain("You now follow Deir ez-Zor");
  });

  it("answers gibberish with a pointer to /topics and changes nothing", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("subscribe", "qqqqqqqqqq", { from: reader }));
    expect(visible(reply)).toContain("لا أعرف منطقة باسم «qqqqqqqqqq»");
    expect(topicsOf(reader.id)).toEqual([]);
  });

  it("without a topic, explains and offers the picker", async () => {
    const reader = user({ language_code: "en" });
    const sent = await h.send(command("subscribe", "", { from: reader }));
    expect(visible(sent[0])).toContain("/subscribe Deir ez-Zor");
    expect(buttonLabels(sent[1]).length).toBeGreaterThan(5);
  });

  it.each([
    ["a huge argument", "دير ".repeat(3000)],
    ["control and bidi characters", "\u202e\u2066\u200f\u0000"],
    ["emoji and combining marks", "🏳️‍🌈 ẑ̴̢a̶l̷g̸o̵ 🇸🇾"],
    ["HTML", "<b>Deir</b> & <script>"],
  ])("survives %s with a clear reply and no change", async (_, argument) => {
    const reader = user({ language_code: "en" });
    const sent = await h.send(command("subscribe", argument, { from: reader }));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const m of sent) expect((m.text ?? "").length).toBeLessThan(4096);
    expect(visible(sent[0])).toMatch(/topic|subscribe|more than/i);
    expect(topicsOf(reader.id)).toEqual([]);
  });
});

describe("/unsubscribe", () => {
  it("removes a topic named in any spelling", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "دير الزور، حلب", { from: reader }));
    const [reply] = await h.send(command("unsubscribe", "Deir Ezzor", { from: reader }));
    expect(visible(reply)).toContain("ألغيت متابعة دير الزور");
    expect(topicsOf(reader.id)).toEqual(["aleppo"]);
  });

  it("without a topic shows a keyboard whose buttons remove and redraw", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Raqqa, Hasakah", { from: reader }));
    const [reply] = await h.send(command("unsubscribe", "", { from: reader }));
    expect(buttonLabels(reply)).toEqual(["✕ Raqqa", "✕ Hasakah"]);
    await h.send(
      callback(buttonData(reply, "Raqqa"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(topicsOf(reader.id)).toEqual(["hasakah"]);
    expect(buttonLabels(h.fake.lastMessage(reader.id))).toEqual(["✕ Hasakah"]);
  });

  it("says on each button what unfollowing did: an alert when the place's news still comes through its parent", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor, Mayadin", { from: reader }));
    const [list] = await h.send(command("unsubscribe", "", { from: reader }));
    const toast = () => {
      const params = h.fake.callsOf("answerCallbackQuery").at(-1)?.params ?? {};
      return {
        text: params.text === undefined ? undefined : visible({ text: String(params.text) }),
        alert: params.show_alert,
      };
    };
    await h.send(
      callback(buttonData(list, "Mayadin"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(toast()).toEqual({
      text: "No longer following Mayadin, but its news keeps reaching you through Deir ez-Zor. To stop it, stop following all of Deir ez-Zor.",
      alert: true,
    });
    await h.send(
      callback(buttonData(list, "Deir ez-Zor"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(toast()).toEqual({ text: "No longer following Deir ez-Zor", alert: undefined });
    expect(topicsOf(reader.id)).toEqual([]);
    // A button of a place no longer followed answers without a word, and changes nothing.
    await h.send(
      callback(buttonData(list, "Mayadin"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(toast()).toEqual({ text: undefined, alert: undefined });
    expect(topicsOf(reader.id)).toEqual([]);
  });

  it("explains a topic received only through its parent", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor", { from: reader }));
    const [reply] = await h.send(command("unsubscribe", "Mayadin", { from: reader }));
    expect(visible(reply)).toContain("because you follow Deir ez-Zor");
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
  });
});

describe("/topics", () => {
  it("toggles a topic with one tap and redraws the keyboard in place with a ✓", async () => {
    const reader = user({ language_code: "en" });
    const [picker] = await h.send(command("topics", "", { from: reader }));
    const pickerMessage = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(picker, "Damascus"), { from: reader, message: pickerMessage }));
    expect(topicsOf(reader.id)).toEqual(["damascus"]);
    const redrawn = h.fake.lastMessage(reader.id);
    expect(redrawn?.message_id).toBe(pickerMessage?.message_id);
    expect(buttonLabels(redrawn)).toContain("✓ Damascus");
    await h.send(callback(buttonData(redrawn, "Damascus"), { from: reader, message: redrawn }));
    expect(topicsOf(reader.id)).toEqual([]);
    expect(buttonLabels(h.fake.lastMessage(reader.id))).toContain("Damascus");
  });
});

describe("/settings", () => {
  it("turns alerts and digests off and on with buttons", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("settings", "", { from: reader }));
    expect(visible(reply)).toContain("Breaking alerts: on");
    await h.send(
      callback(buttonData(reply, "Turn breaking alerts off"), {
        from: reader,
        message: h.fake.lastMessage(reader.id),
      }),
    );
    expect(h.app.store.chats.find(reader.id)?.alertsEnabled).toBe(false);
    const redrawn = h.fake.lastMessage(reader.id);
    expect(visible(redrawn)).toContain("Breaking alerts: off");
    await h.send(callback(buttonData(redrawn, "Turn digests off"), { from: reader, message: redrawn }));
    expect(h.app.store.chats.find(reader.id)).toMatchObject({
      alertsEnabled: false,
      digestsEnabled: false,
    });
  });

  it("does what a button says even on an older copy of the menu", async () => {
    const reader = user({ language_code: "en" });
    const [older] = await h.send(command("settings", "", { from: reader }));
    const [newer] = await h.send(command("settings", "", { from: reader }));
    const off = (menu: typeof older) => buttonData(menu, "Turn breaking alerts off");
    await h.send(callback(off(newer), { from: reader }));
    expect(h.app.store.chats.find(reader.id)?.alertsEnabled).toBe(false);
    await h.send(callback(off(older), { from: reader }));
    expect(h.app.store.chats.find(reader.id)?.alertsEnabled).toBe(false);
    const toasts = h.fake.callsOf("answerCallbackQuery").map((c) => String(c.params.text));
    expect(toasts.slice(-2)).toEqual(["Breaking alerts off", "Breaking alerts off"]);
  });

  it("switches the language, and later replies follow it", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("settings", "", { from: reader }));
    let current = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(current, "اللغة"), { from: reader, message: current }));
    current = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(current, "English"), { from: reader, message: current }));
    expect(visible(h.fake.lastMessage(reader.id))).toContain("Language: English");
    const [help] = await h.send(command("help", "", { from: reader }));
    expect(visible(help)).toContain("Nashra sends the news");
  });

  it("shows the hour after midnight as 00, not 24, in Arabic", async () => {
    const { formatDateTime } = await import("../../src/i18n/format");
    const justAfterMidnight = Date.UTC(2026, 10, 23, 21, 5); // 00:05 in Damascus (UTC+3)
    expect(formatDateTime(justAfterMidnight, "ar", "Asia/Damascus")).toContain("00:05");
    expect(formatDateTime(justAfterMidnight, "ar", "Asia/Damascus")).toContain("تشرين الثاني");
    expect(formatDateTime(justAfterMidnight, "en", "Asia/Damascus")).toContain("00:05");
  });

  it("sets the time zone from a list", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("settings", "", { from: reader }));
    let current = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(current, "Time zone"), { from: reader, message: current }));
    current = h.fake.lastMessage(reader.id);
    expect(buttonLabels(current).some((l) => l.startsWith("✓ Damascus"))).toBe(true);
    await h.send(callback(buttonData(current, "Berlin"), { from: reader, message: current }));
    expect(h.app.store.chats.find(reader.id)?.timezone).toBe("Europe/Berlin");
    expect(visible(h.fake.lastMessage(reader.id))).toContain("Time zone: Berlin");
  });
});

describe("/stop", () => {
  it("deletes the chat's subscriptions and settings after confirmation", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor, Aleppo", { from: reader }));
    const [confirm] = await h.send(command("stop", "", { from: reader }));
    expect(buttonLabels(confirm)).toEqual(["Yes, delete everything", "Cancel"]);
    await h.send(
      callback(buttonData(confirm, "Yes"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(h.app.store.chats.find(reader.id)).toBeUndefined();
    expect(topicsOf(reader.id)).toEqual([]);
    expect(visible(h.fake.lastMessage(reader.id))).toContain("nothing about you is stored");
  });

  it("keeps everything on Cancel", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Aleppo", { from: reader }));
    const [confirm] = await h.send(command("stop", "", { from: reader }));
    await h.send(
      callback(buttonData(confirm, "Cancel"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(topicsOf(reader.id)).toEqual(["aleppo"]);
  });
});

describe("anything else", () => {
  it("takes commands in capitals", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("SUBSCRIBE", "Raqqa", { from: reader }));
    expect(visible(reply)).toContain("You now follow Raqqa");
  });

  it("answers an unknown command in the user's language", async () => {
    const [reply] = await h.send(command("frobnicate", "", { from: user({ language_code: "ar" }) }));
    expect(visible(reply)).toContain("لا أعرف الأمر /frobnicate");
  });

  it("offers to follow a place typed as plain text", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(message({ text: "الميادين", from: reader }));
    expect(visible(reply)).toContain("Do you want to follow Mayadin?");
    expect(buttonLabels(reply)).toEqual(["Follow Mayadin"]);
  });

  it("offers to follow the places a sentence names", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(message({ text: "هل من جديد عن القصف على الميادين؟", from: reader }));
    expect(visible(reply)).toContain("/latest الميادين");
    expect(buttonLabels(reply)).toEqual(["تابع الميادين"]);
  });

  it("answers a stale button without an error", async () => {
    const reader = user({ language_code: "en" });
    await h.send(callback("no-such-button", { from: reader }));
    const answer = h.fake.callsOf("answerCallbackQuery").at(-1);
    expect(answer?.params.text).toBe("This button has expired.");
  });

  it("marks a reader who blocked the bot inactive, and active again when they write", async () => {
    const { myChatMember, privateChat } = await import("../support/updates");
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Raqqa", { from: reader }));
    await h.send(
      myChatMember({ chat: privateChat(reader), from: reader, oldStatus: "member", newStatus: "kicked" }),
    );
    expect(h.app.store.chats.find(reader.id)).toMatchObject({ active: false });
    expect(topicsOf(reader.id)).toEqual(["raqqa"]);
    await h.send(
      myChatMember({ chat: privateChat(reader), from: reader, oldStatus: "kicked", newStatus: "member" }),
    );
    await h.send(command("mytopics", "", { from: reader }));
    expect(h.app.store.chats.find(reader.id)).toMatchObject({ active: true });
  });

  it("ignores edited messages (a command is not run twice)", async () => {
    const reader = user({ language_code: "en" });
    const original = command("subscribe", "Raqqa", { from: reader });
    await h.send(original);
    const before = h.fake.sentTo(reader.id).length;
    // Edits are fetched for editors' /post (bot/features/post.ts); an edited command is never run again.
    await h.app.bot.handleUpdate({
      update_id: 999_999,
      edited_message: { ...original.message, edit_date: 1, text: "/subscribe Homs" },
    });
    expect(h.fake.sentTo(reader.id).length).toBe(before);
    expect(topicsOf(reader.id)).toEqual(["raqqa"]);
  });
});
