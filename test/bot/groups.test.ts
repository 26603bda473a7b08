// Nashra in groups and channels: the group's admins manage what it follows; members may read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripBidi } from "../../src/text/html";
import { type Harness, startHarness, visible } from "../support/harness";
import {
  botUser,
  callback,
  channelChat,
  channelPost,
  group,
  groupMessage,
  myChatMember,
  user,
} from "../support/updates";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const topicsOf = (chatId: number) => h.app.deps.topics.subscriptionsOf(chatId).map((t) => t.slug);
let nextGroupId = -5000;
const newGroup = () => group({ id: nextGroupId--, title: "أخبار الفرات" });

describe("a group", () => {
  it("is greeted when the bot is added, and recorded as a group", async () => {
    const chat = newGroup();
    const admin = user({ language_code: "ar" });
    const [welcome] = await h.send(
      myChatMember({ chat, from: admin, oldStatus: "left", newStatus: "member" }),
    );
    expect(visible(welcome)).toContain("يختار مشرفو المجموعة");
    expect(h.app.store.chats.find(chat.id)).toMatchObject({
      type: "group",
      title: "أخبار الفرات",
      active: true,
    });
  });

  it("refuses /subscribe from a member who is not an admin", async () => {
    const chat = newGroup();
    const member = user({ language_code: "en" });
    const [reply] = await h.send(groupMessage("/subscribe Deir ez-Zor", { from: member, chat }));
    expect(visible(reply)).toBe("مشرفو هذه المجموعة وحدهم يستطيعون تغيير ما تتابعه.");
    expect(topicsOf(chat.id)).toEqual([]);
  });

  it("lets an admin subscribe the group", async () => {
    const chat = newGroup();
    const admin = user({ language_code: "en" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    const [reply] = await h.send(groupMessage("/subscribe@nashra_test_bot دير الزور", { from: admin, chat }));
    expect(visible(reply)).toContain("أصبحت هذه المجموعة تتابع دير الزور");
    expect(topicsOf(chat.id)).toEqual(["deir-ez-zor"]);
    // Any member may read what the group follows.
    const [list] = await h.send(groupMessage("/mytopics", { from: user({ language_code: "en" }), chat }));
    expect(visible(list)).toContain("تتابع هذه المجموعة منطقة واحدة");
    expect(visible(list)).toContain("دير الزور");
  });

  it("ignores commands addressed to another bot and plain chatter", async () => {
    const chat = newGroup();
    expect(await h.send(groupMessage("/frobnicate@other_bot", { chat }))).toEqual([]);
    expect(await h.send(groupMessage("صباح الخير", { chat }))).toEqual([]);
    const [reply] = await h.send(
      groupMessage("/frobnicate@nashra_test_bot", { chat, from: user({ language_code: "en" }) }),
    );
    expect(visible(reply)).toContain("لا أعرف الأمر /frobnicate");
  });

  it("is marked inactive when the bot is removed, keeping its subscriptions", async () => {
    const chat = newGroup();
    const admin = user();
    h.fake.setChatMember(chat.id, admin.id, "creator");
    await h.send(groupMessage("/subscribe الرقة", { from: admin, chat }));
    await h.send(myChatMember({ chat, from: admin, oldStatus: "member", newStatus: "left" }));
    expect(h.app.store.chats.find(chat.id)).toMatchObject({ active: false, inactiveReason: "removed" });
    expect(topicsOf(chat.id)).toEqual(["raqqa"]);
  });
});

describe("a group's language", () => {
  it("is the group's own: DEFAULT_LANGUAGE until an admin chooses, whoever writes", async () => {
    const chat = newGroup();
    // A member's /help gets the group's short line (groups stay quiet), in the group's language.
    const [english] = await h.send(groupMessage("/help", { from: user({ language_code: "en" }), chat }));
    expect(visible(english)).toContain("أجيب عن هذا في المحادثة الخاصة");
    // An English-speaking admin chooses English, then "automatic": the group is back to DEFAULT_LANGUAGE,
    // not the admin's own language, from the confirmation on.
    const admin = user({ language_code: "en" });
    h.fake.setChatMember(chat.id, admin.id, "creator");
    const message = { message_id: 1, chat };
    await h.send(callback("set:lang:en", { from: admin, message }));
    expect(h.fake.callsOf("editMessageText").at(-1)?.params.text).toContain("Settings");
    await h.send(callback("set:lang:auto", { from: admin, message }));
    expect(h.fake.callsOf("editMessageText").at(-1)?.params.text).toContain("الإعدادات");
    const [later] = await h.send(groupMessage("/help", { from: admin, chat }));
    expect(visible(later)).toContain("نشرة ترسل إليك");
  });
});

describe("a channel", () => {
  it("refuses buttons tapped by a reader who is not one of its admins", async () => {
    h.fake.setChat(channelChat.id, channelChat);
    await h.send(channelPost("/subscribe Raqqa"));
    const before = topicsOf(channelChat.id);
    expect(before).toContain("raqqa");
    const reader = user({ language_code: "ar" });
    h.fake.setChatMember(channelChat.id, reader.id, "member");
    const message = { message_id: 5, chat: channelChat };
    const edits = h.fake.callsOf("editMessageText").length;
    await h.send(callback("stop:yes", { from: reader, message }));
    await h.send(callback("stop:no", { from: reader, message }));
    await h.send(callback("set:alerts", { from: reader, message }));
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits); // the admin's question stays as it is
    expect(h.app.store.chats.find(channelChat.id)).toMatchObject({ alertsEnabled: true });
    expect(topicsOf(channelChat.id)).toEqual(before);
    // A channel is spoken of as a channel, not as a group.
    expect(stripBidi(String(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text))).toBe(
      "مشرفو هذه القناة وحدهم يستطيعون تغيير ما تتابعه.",
    );
  });

  it("is managed by commands posted in it (only admins post)", async () => {
    h.fake.setChat(channelChat.id, channelChat);
    const posted = h.fake.sentTo(channelChat.id).length;
    await h.send(
      myChatMember({ chat: channelChat, from: user(), oldStatus: "left", newStatus: "administrator" }),
    );
    expect(h.fake.sentTo(channelChat.id)).toHaveLength(posted); // no greeting posted to a channel's readers
    await h.send(channelPost("/subscribe Mayadin"));
    expect(topicsOf(channelChat.id)).toContain("mayadin");
    expect(h.app.store.chats.find(channelChat.id)?.type).toBe("channel");
  });
});

it("uses the bot's own identity from getMe", () => {
  expect(h.app.bot.botInfo.id).toBe(botUser.id);
});
