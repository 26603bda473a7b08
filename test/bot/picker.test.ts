// The place picker as readers use it (issue 13 item 3): governorates first, a governorate's towns and sites
// with «متابعة كل …» and a way back, the neighbouring countries apart, pages that never wrap, a (✓) that is
// explained; buttons sent before the drill-down still work; in a group only admins turn it.

import type { Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripBidi } from "../../src/text/html";
import { inlineKeyboardOf } from "../support/fake-bot-api";
import { buttonData, buttonLabels, type Harness, startHarness, visible } from "../support/harness";
import { callback, command, group, groupMessage, user } from "../support/updates";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const topicsOf = (chatId: number) => h.app.deps.topics.subscriptionsOf(chatId).map((t) => t.slug);
const lastToast = () => stripBidi(String(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text ?? ""));
const lastEdit = () => visible({ text: String(h.fake.callsOf("editMessageText").at(-1)?.params.text ?? "") });

/** Presses the button whose label contains `label` on the chat's last message; returns the message after. */
async function press(from: ReturnType<typeof user>, label: string, chatId = from.id): Promise<Message> {
  const current = h.fake.lastMessage(chatId);
  await h.send(callback(buttonData(current, label), { from, message: current }));
  return h.fake.lastMessage(chatId) as Message;
}

describe("the first view", () => {
  it("lists the governorates and a section of neighbouring countries, with no Previous or Next", async () => {
    const reader = user({ language_code: "ar" });
    const [picker] = await h.send(command("topics", "", { from: reader }));
    const labels = buttonLabels(picker);
    expect(visible(picker)).toContain("اختر المناطق التي تتابعها");
    expect(visible(picker)).toContain("اضغط على محافظة لترى مدنها ومواقعها، أو اكتب هنا اسم أي منطقة");
    expect(labels[0]).toBe("متابعة كل سوريا");
    // The 14 governorates; those with towns under them open, the others toggle.
    expect(labels).toEqual(expect.arrayContaining(["دير الزور ‹", "الرقة ‹", "حمص ‹", "حماة", "طرطوس"]));
    expect(labels.filter((l) => !l.includes("سوريا") && !l.includes("دول الجوار"))).toHaveLength(14);
    expect(labels).toContain("🌍 دول الجوار ‹");
    // Neighbouring countries and towns are not on it; nor is any page button.
    expect(labels.some((l) => l.includes("العراق") || l.includes("الميادين"))).toBe(false);
    expect(labels.some((l) => l.includes("السابق") || l.includes("التالي"))).toBe(false);
    expect(inlineKeyboardOf(picker).every((row) => row.length > 0)).toBe(true);
  });
});

describe("a governorate", () => {
  it("opens on its towns and sites, pages without wrapping, and goes back", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("topics", "", { from: reader }));
    let view = await press(reader, "دير الزور ‹");
    expect(visible(view)).toContain("📍 دير الزور والمناطق التابعة لها");
    expect(visible(view)).toContain("صفحة 1 من 2");
    let labels = buttonLabels(view);
    expect(labels[0]).toBe("متابعة كل دير الزور");
    expect(labels).toEqual(expect.arrayContaining(["الميادين", "البوكمال", "حقل العمر النفطي", "هجين"]));
    // The first page has no Previous, only Next.
    expect(labels.some((l) => l.includes("السابق"))).toBe(false);
    expect(labels).toContain("التالي ‹");
    view = await press(reader, "التالي");
    expect(visible(view)).toContain("صفحة 2 من 2");
    labels = buttonLabels(view);
    // The last page has no Next: nothing wraps to page 1.
    expect(labels.some((l) => l.includes("التالي"))).toBe(false);
    expect(labels).toContain("› السابق");
    expect(labels[0]).toBe("متابعة كل دير الزور");
    view = await press(reader, "السابق");
    expect(visible(view)).toContain("صفحة 1 من 2");
    view = await press(reader, "رجوع");
    expect(buttonLabels(view)[0]).toBe("متابعة كل سوريا");
  });

  it("follows all of it from its first row, then marks its places (✓), explains the mark and follows a (✓) on its own", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("topics", "", { from: reader }));
    await press(reader, "دير الزور ‹");
    const view = await press(reader, "متابعة كل دير الزور");
    expect(lastToast()).toBe("✓ تتابع الآن دير الزور");
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    const labels = buttonLabels(view);
    expect(labels).toEqual(expect.arrayContaining(["✓ متابعة كل دير الزور", "(✓) الميادين", "(✓) هجين"]));
    expect(visible(view)).toContain("✓ تتابعها · (✓) تصلك أخبارها لأنك تتابع منطقة أوسع تضمها");
    // A (✓) tapped asks: follow it on its own too, or keep Deir ez-Zor except it (issue 14); on its own, the
    // reader is told what that changes.
    const choice = await press(reader, "(✓) الميادين");
    expect(visible(choice)).toContain("تصلك أخبار الميادين لأنك تتابع دير الزور");
    expect(buttonLabels(choice)).toEqual([
      "✓ تابع الميادين وحدها أيضًا",
      "🚫 دير الزور ما عدا الميادين",
      "› رجوع",
    ]);
    const own = await press(reader, "وحدها أيضًا");
    expect(lastToast()).toBe(
      "✓ تتابع الآن الميادين وحدها أيضًا، وكانت تصلك عبر دير الزور: تبقى أخبارها إن ألغيت متابعة دير الزور.",
    );
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor", "mayadin"]);
    expect(buttonLabels(own)).toContain("✓ الميادين");
    // Unfollowed again, it says at once that the news keeps coming through Deir ez-Zor.
    const dropped = await press(reader, "✓ الميادين");
    expect(lastToast()).toBe(
      "ألغيت متابعة الميادين، لكن أخبارها ستبقى تصلك لأنك تتابع دير الزور. لإيقافها ألغِ متابعة كل دير الزور.",
    );
    expect(buttonLabels(dropped)).toContain("(✓) الميادين");
    expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
    // Back on the first view, the governorate carries its ✓.
    const first = await press(reader, "رجوع");
    expect(buttonLabels(first)).toContain("✓ دير الزور ‹");
  });

  it("toggles a town and redraws the same page of the same view", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("topics", "", { from: reader }));
    await press(reader, "Deir ez-Zor ›");
    await press(reader, "Next");
    const page2 = h.fake.lastMessage(reader.id);
    const town = buttonLabels(page2).find(
      (l) => !l.includes("Follow all") && !l.includes("Previous"),
    ) as string;
    const after = await press(reader, town);
    expect(after.message_id).toBe(page2?.message_id);
    expect(visible(after)).toContain("Page 2 of 2");
    expect(buttonLabels(after)).toContain(`✓ ${town}`);
    expect(topicsOf(reader.id)).toHaveLength(1);
  });
});

describe("the neighbouring countries", () => {
  it("are a section of their own, a country with places under it opening like a governorate", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("topics", "", { from: reader }));
    let view = await press(reader, "Neighbouring countries");
    expect(visible(view)).toContain("Neighbouring countries");
    expect(buttonLabels(view)).toEqual(
      expect.arrayContaining(["Iraq ›", "Lebanon", "Turkey", "Jordan", "Iran", "‹ Back"]),
    );
    view = await press(reader, "Lebanon");
    expect(topicsOf(reader.id)).toEqual(["lebanon"]);
    expect(buttonLabels(view)).toContain("✓ Lebanon");
    view = await press(reader, "Iraq ›");
    expect(buttonLabels(view)).toEqual(expect.arrayContaining(["Follow all of Iraq", "Baghdad", "Anbar ›"]));
    view = await press(reader, "Anbar ›");
    expect(buttonLabels(view)).toEqual(expect.arrayContaining(["Follow all of Anbar", "Al-Qaim"]));
    view = await press(reader, "Back");
    expect(buttonLabels(view)[0]).toBe("Follow all of Iraq");
    view = await press(reader, "Back");
    expect(buttonLabels(view)).toContain("✓ Lebanon");
    view = await press(reader, "Back");
    expect(buttonLabels(view)[0]).toBe("Follow all of Syria");
  });
});

describe("buttons sent before the drill-down", () => {
  it("still work: a page, the list of sections and a toggle", async () => {
    const reader = user({ language_code: "ar" });
    for (const data of ["pk:p:16", "pk:s"]) {
      await h.send(callback(data, { from: reader }));
      expect(lastEdit()).toContain("اختر المناطق التي تتابعها");
    }
    const mayadin = h.app.deps.topics.index().bySlug("mayadin");
    await h.send(callback(`pk:t:${mayadin?.id}:3`, { from: reader }));
    expect(topicsOf(reader.id)).toEqual(["mayadin"]);
    expect(lastEdit()).toContain("📍 دير الزور");
  });
});

describe("a place no longer in the catalog", () => {
  it("answers its buttons (picker, follow, unfollow, except) with a toast, and changes nothing", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "دير الزور", { from: reader }));
    const gone = 999_999;
    for (const data of [
      `pk:t:${gone}:0`,
      `pk:f:${gone}:0`,
      `pk:x:${gone}:0`,
      `sub:${gone}`,
      `unp:${gone}`,
      `exc:${gone}`,
    ]) {
      await h.send(callback(data, { from: reader }));
      expect(lastToast()).toBe("هذه المنطقة لم تعد موجودة.");
      expect(topicsOf(reader.id)).toEqual(["deir-ez-zor"]);
      expect(h.app.deps.topics.exceptionsOf(reader.id)).toEqual([]);
    }
    // Opening it shows the first view instead.
    await h.send(callback(`pk:o:${gone}:0`, { from: reader }));
    expect(lastToast()).toBe("هذه المنطقة لم تعد موجودة.");
    expect(lastEdit()).toContain("اختر المناطق التي تتابعها");
  });
});

describe("in a group", () => {
  it("only the group's admins open views or follow; the legend speaks of the group", async () => {
    const chat = group({ id: -7100, title: "أخبار الفرات" });
    const admin = user({ language_code: "ar" });
    const member = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    const [picker] = await h.send(groupMessage("/topics", { from: admin, chat }));
    expect(visible(picker)).toContain("اختر المناطق التي تتابعها هذه المجموعة");
    const message = h.fake.lastMessage(chat.id);
    await h.send(callback(buttonData(picker, "دير الزور ‹"), { from: member, message }));
    expect(lastToast()).toContain("لمشرفي");
    expect(buttonLabels(h.fake.lastMessage(chat.id))[0]).toBe("متابعة كل سوريا");
    await h.send(callback(buttonData(picker, "دير الزور ‹"), { from: admin, message }));
    const view = await press(admin, "متابعة كل دير الزور", chat.id);
    expect(topicsOf(chat.id)).toEqual(["deir-ez-zor"]);
    expect(visible(view)).toContain("(✓) تصل أخبارها لأن المجموعة تتابع منطقة أوسع تضمها");
  });
});
