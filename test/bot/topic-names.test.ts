// Typed topic names, the same for /subscribe, /latest, /alert and /schedule (one topic, several sharing a
// name, a misspelling, an unknown name); button data that does not unpack; buttons pressed in groups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonData, buttonLabels, type Harness, startHarness, visible } from "../support/harness";
import { callback, command, group, groupMessage, user } from "../support/updates";

const ADMIN = user({ language_code: "ar" });
const EDITOR_EN = user({ language_code: "en" });
/** Newsrooms call Deir ez-Zor and Hasakah together "the eastern region": a name two topics share. */
const SHARED = "المنطقة الشرقية";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { ADMIN_IDS: String(ADMIN.id), EDITOR_IDS: String(EDITOR_EN.id) } });
  const { topics } = h.app.deps;
  for (const slug of ["deir-ez-zor", "hasakah"]) {
    const topic = topics.index().bySlug(slug);
    if (!topic) throw new Error(`catalog without ${slug}`);
    topics.addAlias(topic, SHARED);
  }
});
afterAll(() => h.stop());

const subscribed = (chatId: number) => h.app.deps.topics.subscriptionsOf(chatId).map((t) => t.slug);

describe("a topic name several topics share", () => {
  it("/subscribe asks which one, and the chosen button subscribes", async () => {
    const reader = user({ language_code: "ar" });
    const [ask] = await h.send(command("subscribe", SHARED, { from: reader }));
    expect(visible(ask)).toBe(`«${SHARED}» قد يعني أكثر من منطقة. أيها تقصد؟`);
    expect(buttonLabels(ask)).toEqual(["دير الزور", "الحسكة"]);
    expect(subscribed(reader.id)).toEqual([]);
    await h.send(callback(buttonData(ask, "الحسكة"), { from: reader }));
    expect(subscribed(reader.id)).toEqual(["hasakah"]);
  });

  it("/latest asks which one instead of taking the first, and the button opens that topic", async () => {
    const reader = user({ language_code: "ar" });
    const [ask] = await h.send(command("latest", SHARED, { from: reader }));
    expect(visible(ask)).toBe(`«${SHARED}» قد يعني أكثر من منطقة. أيها تقصد؟`);
    expect(buttonLabels(ask)).toEqual(["دير الزور", "الحسكة"]);
    await h.send(callback(buttonData(ask, "الحسكة"), { from: reader }));
    expect(h.fake.callsOf("editMessageText").at(-1)?.params.text).toContain("الحسكة");
  });

  it("/alert asks whose followers get it, keeping the words for the chosen topic", async () => {
    const [ask] = await h.send(
      command("alert", `${SHARED}: قطع الطريق بين الحسكة ودير الزور`, { from: ADMIN }),
    );
    expect(visible(ask)).toBe(`«${SHARED}» يطابق أكثر من منطقة. إلى متابعي أيّها يُرسل التنبيه؟`);
    expect(buttonLabels(ask)).toEqual(["دير الزور", "الحسكة"]);
    const preview = await h.send(callback(buttonData(ask, "دير الزور"), { from: ADMIN }));
    expect(preview.map(visible).join("\n")).toContain("قطع الطريق بين الحسكة ودير الزور");
  });

  it("/schedule names them and saves nothing", async () => {
    const before = h.app.store.digests.schedules().length;
    const [reply] = await h.send(command("schedule", `daily 08:00 ${SHARED}`, { from: ADMIN }));
    expect(visible(reply)).toBe(`«${SHARED}» قد يعني أكثر من منطقة: دير الزور، الحسكة.\nلم يُحفظ الموعد.`);
    expect(h.app.store.digests.schedules()).toHaveLength(before);
  });
});

describe("a misspelt topic name", () => {
  // A consonant wrong: vowels and doubled letters are transliteration variants, read as the name itself.
  const misspelt = "Deir Ezzot";

  it("/subscribe offers the nearest names as buttons", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("subscribe", misspelt, { from: reader }));
    expect(visible(reply)).toBe(`I don't know a place called “${misspelt}”. Did you mean:`);
    expect(buttonLabels(reply)).toContain("Deir ez-Zor");
    expect(subscribed(reader.id)).toEqual([]);
  });

  it("/latest offers them too, each opening its latest news", async () => {
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("latest", misspelt, { from: reader }));
    expect(visible(reply)).toBe(`I don't know a place called “${misspelt}”. Did you mean:`);
    await h.send(callback(buttonData(reply, "Deir ez-Zor"), { from: reader }));
    expect(h.fake.callsOf("editMessageText").at(-1)?.params.text).toContain("Deir ez-Zor");
  });

  it("/alert offers them with the draft kept", async () => {
    const [reply] = await h.send(
      command("alert", `${misspelt}: Road between Deir ez-Zor and Mayadin closed`, { from: EDITOR_EN }),
    );
    expect(visible(reply)).toBe(`I don't know a place called “${misspelt}”. Did you mean:`);
    const preview = await h.send(callback(buttonData(reply, "Deir ez-Zor"), { from: EDITOR_EN }));
    expect(preview.map(visible).join("\n")).toContain("Road between Deir ez-Zor and Mayadin closed");
  });

  it("/schedule names them and saves nothing", async () => {
    const before = h.app.store.digests.schedules().length;
    const [reply] = await h.send(command("schedule", `daily 08:00 دير الزورر`, { from: ADMIN }));
    expect(visible(reply)).toMatch(
      /^لا أعرف منطقة باسم «دير الزورر». هل تقصد: .*دير الزور.*؟\nلم يُحفظ الموعد.$/,
    );
    expect(h.app.store.digests.schedules()).toHaveLength(before);
  });
});

describe("an unknown topic name", () => {
  it.each([
    ["subscribe", "زحل"],
    ["latest", "زحل"],
    ["alert", "زحل: نص التنبيه"],
  ])("/%s says so in the reader's language, with no buttons", async (name, args) => {
    const [reply] = await h.send(command(name, args, { from: ADMIN }));
    expect(visible(reply)).toBe("لا أعرف منطقة باسم «زحل». تجد القائمة في /topics.");
    expect(buttonLabels(reply)).toEqual([]);
  });

  it("/schedule says so and saves nothing", async () => {
    const [reply] = await h.send(command("schedule", "daily 08:00 زحل", { from: ADMIN }));
    expect(visible(reply)).toBe("لا أعرف منطقة باسم «زحل». تجد القائمة في /topics.\nلم يُحفظ الموعد.");
    expect(h.app.store.digests.schedules()).toEqual([]);
  });
});

describe("button data", () => {
  const lastToast = () => h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text;

  it.each([
    "lt:0:99999999999", // a page past any list (its OFFSET overflowed)
    "lt:99999999999:0",
    "pk:p:100000",
    "pk:t:0:0",
    "sub:0",
    "sub:123456789012345678901",
    "set:tz:100",
  ])("%s is answered as an expired button and changes nothing", async (data) => {
    const reader = user({ language_code: "en" });
    const edits = h.fake.callsOf("editMessageText").length;
    await h.send(callback(data, { from: reader }));
    expect(lastToast()).toBe("This button has expired.");
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits);
    expect(subscribed(reader.id)).toEqual([]);
  });

  it.each(["al:s:99999999999", "al:t:1:0", "fd:aa:99999999999:1"])(
    "%s pressed by an editor is answered as an expired button",
    async (data) => {
      const edits = h.fake.callsOf("editMessageText").length;
      await h.send(callback(data, { from: EDITOR_EN }));
      expect(lastToast()).toBe("This button has expired.");
      expect(h.fake.callsOf("editMessageText")).toHaveLength(edits);
    },
  );

  it("a place gone from the catalog: /latest's pages and choices, an alert's choice and a whole text's «تابع» say so and change nothing", async () => {
    const gone = 999_999;
    const reader = user({ language_code: "ar" });
    const [ask] = await h.send(
      command("alert", `${SHARED}: قطع الطريق بين الحسكة ودير الزور`, { from: ADMIN }),
    );
    const alertChoice = buttonData(ask, "دير الزور").replace(/:\d+$/, `:${gone}`);
    const presses: [string, ReturnType<typeof user>][] = [
      [`lt:${gone}:0`, reader],
      [`lo:${gone}`, reader],
      [`af:1:${gone}`, reader],
      [alertChoice, ADMIN],
    ];
    for (const [data, from] of presses) {
      const edits = h.fake.callsOf("editMessageText").length;
      const sent = await h.send(callback(data, { from }));
      expect(lastToast()).toBe("هذه المنطقة لم تعد موجودة.");
      expect(sent).toEqual([]);
      expect(h.fake.callsOf("editMessageText")).toHaveLength(edits);
    }
    expect(subscribed(reader.id)).toEqual([]);
  });

  it("a page within range still turns", async () => {
    const reader = user({ language_code: "en" });
    await h.send(callback("lt:0:3", { from: reader }));
    expect(visible({ text: String(h.fake.callsOf("editMessageText").at(-1)?.params.text) })).toContain(
      "page 4",
    );
  });
});

describe("buttons in a group", () => {
  const chat = group({ id: -7100, title: "أخبار الجزيرة" });
  const admin = user({ language_code: "ar" });
  const member = user({ language_code: "ar" });

  it("turn an admin's message only for the group's admins; a member gets a toast", async () => {
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    h.fake.setChatMember(chat.id, member.id, "member");
    const [picker] = await h.send(groupMessage("/topics", { from: admin, chat }));
    const [settings] = await h.send(groupMessage("/settings", { from: admin, chat }));
    const [latest] = await h.send(groupMessage("/latest", { from: admin, chat }));
    const message = (m: typeof picker) => ({ message_id: Number(m?.message_id ?? 0), chat });
    const presses: [string, typeof picker][] = [
      ["pk:p:1", picker],
      ["pk:s", picker],
      ["set:lang", settings],
      ["set:tz", settings],
      ["set:home", settings],
      ["lt:0:1", latest],
      [`lo:${h.app.deps.topics.index().bySlug("raqqa")?.id}`, latest],
    ];
    const edits = h.fake.callsOf("editMessageText").length;
    for (const [data, target] of presses) {
      await h.send(callback(data, { from: member, message: message(target) }));
      expect(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text).toBe(
        "أزرار هذه الرسالة لمشرفي هذه المحادثة وحدهم.",
      );
    }
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits);
    await h.send(callback("pk:p:1", { from: admin, message: message(picker) }));
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits + 1);
  });
});
