// Tests of the fake Telegram Bot API server and the update builders, driven through a real grammY Bot.
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import {
  FakeBotApi,
  type FakeBotApiOptions,
  type FakeUploadedFile,
  inlineKeyboardOf,
  telegramErrors,
} from "./fake-bot-api";
import {
  arUser,
  callback,
  channelChat,
  command,
  enUser,
  groupChat,
  message,
  myChatMember,
  supergroupChat,
  testBotInfo,
} from "./updates";

const started: FakeBotApi[] = [];

async function setup(options: FakeBotApiOptions = {}): Promise<{ fake: FakeBotApi; bot: Bot }> {
  const fake = await FakeBotApi.start(options);
  started.push(fake);
  const bot = new Bot("123:abc", { botInfo: testBotInfo, client: { apiRoot: fake.apiRoot } });
  return { fake, bot };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.close()));
});

describe("FakeBotApi basics", () => {
  it("answers getMe with the test bot", async () => {
    const fake = await FakeBotApi.start();
    started.push(fake);
    const bot = new Bot("123:abc", { client: { apiRoot: fake.apiRoot } });
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: 777000111, is_bot: true, username: "nashra_test_bot" });
    expect(fake.callsOf("getMe")).toHaveLength(1);
  });

  it("sends messages, echoes inline keyboards and records the calls", async () => {
    const { fake, bot } = await setup();
    const keyboard = { inline_keyboard: [[{ text: "اشترك", callback_data: "sub:12" }]] };
    const first = await bot.api.sendMessage(arUser.id, "مرحبا", { reply_markup: keyboard });
    const second = await bot.api.sendMessage(groupChat.id, "hello group");
    const third = await bot.api.sendMessage(supergroupChat.id, "hello supergroup", {
      reply_markup: { keyboard: [[{ text: "x" }]] },
    });

    expect(first).toMatchObject({
      chat: { id: 1001, type: "private" },
      text: "مرحبا",
      reply_markup: keyboard,
    });
    expect(first.from?.id).toBe(testBotInfo.id);
    expect(second.message_id).toBe(first.message_id + 1);
    expect(second.chat).toMatchObject({ type: "group" });
    expect(third.chat).toMatchObject({ type: "supergroup" });
    expect(third.reply_markup).toBeUndefined(); // Telegram only echoes inline keyboards
    expect(Math.abs(first.date - Date.now() / 1000)).toBeLessThan(5);

    expect(fake.sentTo(arUser.id).map((p) => p.text)).toEqual(["مرحبا"]);
    expect(inlineKeyboardOf(fake.lastSent(arUser.id))[0]?.[0]).toMatchObject({ callback_data: "sub:12" });
    expect(fake.lastSent()?.text).toBe("hello supergroup");
    expect(fake.callsOf("sendMessage").map((c) => c.chatId)).toEqual([1001, -100123, -1001234567890]);
    expect(fake.messagesIn(arUser.id)).toHaveLength(1);
    fake.clearCalls();
    expect(fake.calls).toHaveLength(0);
  });

  it("uses registered and learned chats", async () => {
    const { fake, bot } = await setup();
    fake.setChat(channelChat.id, channelChat);
    const post = await bot.api.sendMessage(channelChat.id, "news");
    expect(post.chat).toMatchObject({ type: "channel", title: "Nashra Test Channel" });
    expect(post.sender_chat?.id).toBe(channelChat.id);
    const byName = await bot.api.sendMessage("@nashra_test_channel", "by username");
    expect(byName.chat.id).toBe(channelChat.id);
    expect(fake.sentTo(channelChat.id).map((p) => p.text)).toEqual(["news", "by username"]);

    fake.pushUpdate(message({ text: "hi", from: enUser }));
    const chat = await bot.api.getChat(enUser.id);
    expect(chat).toMatchObject({ id: 1002, type: "private", first_name: "Sam" });
  });

  it("parses HTML like Telegram and rejects what Telegram rejects", async () => {
    const { bot } = await setup();
    const sent = await bot.api.sendMessage(
      1,
      '<b>عاجل</b> &amp; <a href="https://x.test/?a=1&amp;b=2">link</a>',
      {
        parse_mode: "HTML",
      },
    );
    expect(sent.text).toBe("عاجل & link");
    expect(sent.entities).toEqual([
      { type: "bold", offset: 0, length: 4 },
      { type: "text_link", offset: 7, length: 4, url: "https://x.test/?a=1&b=2" },
    ]);

    const badTag = await rejection(bot.api.sendMessage(1, "a <br> b", { parse_mode: "HTML" }));
    expect(badTag).toBeInstanceOf(GrammyError);
    expect((badTag as GrammyError).description).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag "br"/,
    );
    const unclosed = await rejection(bot.api.sendMessage(1, "<b>x", { parse_mode: "HTML" }));
    expect((unclosed as GrammyError).description).toContain("Can't find end tag");
    const bareAmp = await rejection(bot.api.sendMessage(1, "Q&A", { parse_mode: "HTML" }));
    expect((bareAmp as GrammyError).error_code).toBe(400);

    const tooLong = await rejection(bot.api.sendMessage(1, "x".repeat(4097)));
    expect(tooLong).toMatchObject({ error_code: 400, description: "Bad Request: message is too long" });
    await expect(
      bot.api.sendMessage(1, "<b>x</b>".repeat(1000), { parse_mode: "HTML" }),
    ).resolves.toBeDefined();
    const empty = await rejection(bot.api.sendMessage(1, "  "));
    expect(empty).toMatchObject({ description: "Bad Request: message text is empty" });
    const longData = await rejection(
      bot.api.sendMessage(1, "x", {
        reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "d".repeat(65) }]] },
      }),
    );
    expect(longData).toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
  });

  it("edits messages, answers 'not modified' and drops the keyboard when omitted", async () => {
    const { fake, bot } = await setup();
    const keyboard = { inline_keyboard: [[{ text: "more", callback_data: "more" }]] };
    const sent = await bot.api.sendMessage(arUser.id, "v1", { reply_markup: keyboard });
    const edited = await bot.api.editMessageText(arUser.id, sent.message_id, "v2", {
      reply_markup: keyboard,
    });
    expect(edited).toMatchObject({ text: "v2", reply_markup: keyboard });
    const same = await rejection(
      bot.api.editMessageText(arUser.id, sent.message_id, "v2", { reply_markup: keyboard }),
    );
    expect((same as GrammyError).description).toMatch(/^Bad Request: message is not modified/);
    await bot.api.editMessageText(arUser.id, sent.message_id, "v2");
    expect(fake.lastMessage(arUser.id)?.reply_markup).toBeUndefined();
    await bot.api.editMessageReplyMarkup(arUser.id, sent.message_id, { reply_markup: keyboard });
    expect(fake.lastMessage(arUser.id)).toMatchObject({ text: "v2", reply_markup: keyboard });
    expect(fake.stats).toMatchObject({ sent: 1, edits: 3 });
    // Unknown messages (e.g. from a built callback) are edited leniently.
    await expect(bot.api.editMessageText(arUser.id, 999_999, "x")).resolves.toMatchObject({
      message_id: 999_999,
    });
  });

  it("keeps commands per scope and language, and members per chat", async () => {
    const { fake, bot } = await setup();
    await bot.api.setMyCommands([{ command: "start", description: "ابدأ" }], { language_code: "ar" });
    await bot.api.setMyCommands([{ command: "help", description: "Help" }], {
      scope: { type: "all_private_chats" },
    });
    expect(await bot.api.getMyCommands({ language_code: "ar" })).toEqual([
      { command: "start", description: "ابدأ" },
    ]);
    expect(await bot.api.getMyCommands()).toEqual([]);
    expect(fake.commands({ type: "all_private_chats" })).toEqual([{ command: "help", description: "Help" }]);
    await bot.api.deleteMyCommands({ language_code: "ar" });
    expect(await bot.api.getMyCommands({ language_code: "ar" })).toEqual([]);
    const invalid = await rejection(bot.api.setMyCommands([{ command: "Bad-Name", description: "x" }]));
    expect(invalid).toMatchObject({ description: "Bad Request: BOT_COMMAND_INVALID" });

    fake.setChatMember(groupChat.id, arUser.id, "administrator");
    expect((await bot.api.getChatMember(groupChat.id, arUser.id)).status).toBe("administrator");
    expect((await bot.api.getChatMember(groupChat.id, enUser.id)).status).toBe("member");
    expect(await bot.api.getChatAdministrators(groupChat.id)).toHaveLength(1);
  });

  it("manages the webhook and refuses getUpdates while one is set", async () => {
    const { fake, bot } = await setup();
    await expect(bot.api.setWebhook("http://insecure.test/hook")).rejects.toBeInstanceOf(GrammyError);
    await bot.api.setWebhook("https://nashra.test/hook", { secret_token: "s3cret_token" });
    expect(fake.webhook).toMatchObject({ url: "https://nashra.test/hook", secretToken: "s3cret_token" });
    expect((await bot.api.getWebhookInfo()).url).toBe("https://nashra.test/hook");
    expect(await rejection(bot.api.getUpdates())).toMatchObject({ error_code: 409 });
    await bot.api.deleteWebhook();
    expect(await bot.api.getUpdates()).toEqual([]);
    expect(await bot.api.raw.sendChatAction({ chat_id: 1, action: "typing" })).toBe(true);
  });
});

describe("request bodies", () => {
  it("accepts urlencoded bodies, query strings and JSON-looking form values", async () => {
    const { fake } = await setup();
    const markup = { inline_keyboard: [[{ text: "ok", callback_data: "ok" }]] };
    const res = await fetch(`${fake.apiRoot}/bot42:xyz/sendMessage?disable_notification=true`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ chat_id: "1001", text: "سلام", reply_markup: JSON.stringify(markup) }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      result: { chat: { id: number }; reply_markup: unknown };
    };
    expect(body.ok).toBe(true);
    expect(body.result.chat.id).toBe(1001);
    expect(body.result.reply_markup).toEqual(markup);
    const call = fake.callsOf("sendMessage")[0];
    expect(call).toMatchObject({
      chatId: 1001,
      token: "42:xyz",
      params: { text: "سلام", reply_markup: markup },
    });
    expect(call?.params.disable_notification).toBe("true");

    const get = await fetch(`${fake.apiRoot}/bot1:x/getChatMember?chat_id=-100123&user_id=1002`);
    expect(await get.json()).toMatchObject({ ok: true, result: { status: "member", user: { id: 1002 } } });
  });

  it("accepts multipart bodies from fetch and from grammY uploads", async () => {
    const { fake, bot } = await setup();
    const form = new FormData();
    form.set("chat_id", "-100123");
    form.set("text", "multipart");
    form.set("reply_markup", JSON.stringify({ inline_keyboard: [[{ text: "a", callback_data: "a" }]] }));
    const res = await fetch(`${fake.apiRoot}/bot1:x/sendMessage`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(fake.lastSent(-100123)).toMatchObject({
      text: "multipart",
      reply_markup: { inline_keyboard: [[{ text: "a" }]] },
    });

    const photo = await bot.api.sendPhoto(arUser.id, new InputFile(new Uint8Array([1, 2, 3]), "pic.jpg"), {
      caption: "<i>صورة</i>",
      parse_mode: "HTML",
    });
    expect(photo).toMatchObject({
      caption: "صورة",
      caption_entities: [{ type: "italic", offset: 0, length: 4 }],
    });
    expect(photo.photo?.[0]?.file_id).toMatch(/^file-/);
    expect(fake.callsOf("sendPhoto")[0]?.params.photo).toMatchObject({
      kind: "file",
      filename: "pic.jpg",
      size: 3,
    });
    const uploaded = fake.callsOf("sendPhoto")[0]?.params.photo as FakeUploadedFile;
    expect([...uploaded.data]).toEqual([1, 2, 3]);
  });

  it("answers Telegram-shaped errors for unknown routes and bad JSON", async () => {
    const { fake } = await setup();
    const notFound = await fetch(`${fake.apiRoot}/nope`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    const bad = await fetch(`${fake.apiRoot}/bot1:x/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error_code: 400 });
    const other = await fetch(`${fake.apiRoot}/bot1:x/pinChatMessage`, { method: "POST" });
    expect(await other.json()).toEqual({ ok: true, result: true });
  });
});

describe("updates and long polling", () => {
  it("answers a waiting getUpdates as soon as an update is pushed, and confirms by offset", async () => {
    const { fake, bot } = await setup();
    const poll = bot.api.getUpdates({ timeout: 20 });
    await fake.waitFor((calls) => calls.some((c) => c.method === "getUpdates"));
    const t0 = Date.now();
    const id = fake.pushUpdate(command("start", "topic_12"));
    const updates = await poll;
    expect(Date.now() - t0).toBeLessThan(500);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.update_id).toBe(id);
    expect(updates[0]?.message).toMatchObject({
      text: "/start topic_12",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
      chat: { id: arUser.id, type: "private" },
    });

    fake.pushUpdate(message("two"));
    expect(fake.pendingUpdates).toBe(2);
    expect(await bot.api.getUpdates({ offset: id + 1, limit: 1 })).toHaveLength(1);
    expect(fake.pendingUpdates).toBe(1);
    expect(await bot.api.getUpdates({ offset: id + 2, timeout: 0 })).toEqual([]);
    expect(fake.pendingUpdates).toBe(0);
  });

  it("returns [] when a poll times out, and filters chat_member unless asked for", async () => {
    const { fake, bot } = await setup();
    const t0 = Date.now();
    expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    fake.pushUpdate({
      chat_member: myChatMember({ oldStatus: "left", newStatus: "member", chat: groupChat }).my_chat_member,
    });
    fake.pushUpdate(callback("sub:1"));
    const updates = await bot.api.getUpdates();
    expect(updates.map((u) => Object.keys(u).filter((k) => k !== "update_id"))).toEqual([["callback_query"]]);
  });

  it("runs a real polling bot end to end and stops without hanging", async () => {
    const { fake, bot } = await setup();
    bot.command("start", (ctx) => ctx.reply(`أهلا ${ctx.match}`));
    bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery({ text: ctx.callbackQuery.data }));
    bot.catch(() => {});
    const running = bot.start({ timeout: 10 });
    fake.pushUpdate(command("start", "x"));
    const call = await fake.waitForCall("sendMessage");
    expect(call.params).toMatchObject({ chat_id: arUser.id, text: "أهلا x" });
    const sent = fake.lastMessage(arUser.id);
    fake.pushUpdate(callback("more", { message: sent }));
    const answer = await fake.waitForCall("answerCallbackQuery");
    expect(answer.params.text).toBe("more");
    const t0 = Date.now();
    await bot.stop();
    await running;
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("close() promptly answers a pending long poll", async () => {
    const { fake, bot } = await setup();
    const poll = bot.api.getUpdates({ timeout: 30 });
    await fake.waitFor((calls) => calls.some((c) => c.method === "getUpdates"));
    const t0 = Date.now();
    await fake.close();
    expect(await poll).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it("blocks and unblocks chats from my_chat_member updates", async () => {
    const { fake, bot } = await setup();
    fake.pushUpdate(myChatMember({ from: enUser, oldStatus: "member", newStatus: "kicked" }));
    expect(await rejection(bot.api.sendMessage(enUser.id, "hi"))).toMatchObject({
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    fake.pushUpdate(myChatMember({ from: enUser, oldStatus: "kicked", newStatus: "member" }));
    await expect(bot.api.sendMessage(enUser.id, "hi")).resolves.toBeDefined();
    fake.pushUpdate(myChatMember({ chat: groupChat, oldStatus: "member", newStatus: "left" }));
    expect(await rejection(bot.api.sendMessage(groupChat.id, "hi"))).toMatchObject({
      description: "Forbidden: bot was kicked from the group chat",
    });
  });
});

describe("fault injection", () => {
  it("failNext answers GrammyErrors with Telegram's fields, matching method and chat", async () => {
    const { fake, bot } = await setup();
    fake.failNext(1, { method: "sendMessage", chatId: 5, ...telegramErrors.tooManyRequests(7) });
    fake.failNext(1, { method: "sendMessage", error_code: 500, description: "Internal Server Error" });
    await expect(bot.api.sendMessage(6, "other chat")).rejects.toMatchObject({ error_code: 500 });
    const err = await rejection(bot.api.sendMessage(5, "x"));
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
      method: "sendMessage",
    });
    expect(fake.stats).toMatchObject({ received429: 1, received5xx: 1, errors: 2 });
    expect(fake.sentTo(5)).toEqual([]);

    const raw = await fetch(`${fake.apiRoot}/bot1:x/getMe`);
    expect(raw.status).toBe(200);
    fake.failNext(1, telegramErrors.chatNotFound());
    const res = await fetch(`${fake.apiRoot}/bot1:x/sendMessage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: 9, text: "x" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: chat not found",
    });
  });

  it("counts sends that ignore an active retry_after window", async () => {
    const { fake, bot } = await setup();
    fake.failNext(1, { method: "sendMessage", ...telegramErrors.tooManyRequests(1) });
    await expect(bot.api.sendMessage(1, "a")).rejects.toBeInstanceOf(GrammyError);
    await bot.api.sendMessage(2, "too early");
    expect(fake.stats.sentDuringRetryAfter).toBe(1);
    expect(fake.callsOf("sendMessage")[1]?.duringRetryAfter).toBe(true);
  });

  it("forgives sends that arrive within inFlightGraceMs of the 429, not the rest of its window", async () => {
    const { fake, bot } = await setup({ inFlightGraceMs: 300 });
    fake.failNext(1, { method: "sendMessage", ...telegramErrors.tooManyRequests(1) });
    await expect(bot.api.sendMessage(1, "a")).rejects.toBeInstanceOf(GrammyError);
    await bot.api.sendMessage(2, "already on its way");
    expect(fake.stats.sentDuringRetryAfter).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    await bot.api.sendMessage(3, "too early");
    expect(fake.stats.sentDuringRetryAfter).toBe(1);
  });

  it("blocks chats, migrates groups and drops connections", async () => {
    const { fake, bot } = await setup();
    fake.blockChat(arUser.id);
    expect(await rejection(bot.api.sendMessage(arUser.id, "x"))).toMatchObject({
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    fake.blockChat(enUser.id, "Bad Request: chat not found");
    expect(await rejection(bot.api.sendMessage(enUser.id, "x"))).toMatchObject({ error_code: 400 });
    fake.unblockChat(arUser.id);
    await expect(bot.api.sendMessage(arUser.id, "x")).resolves.toBeDefined();

    fake.migrateChat(groupChat.id, -1009999);
    expect(await rejection(bot.api.sendMessage(groupChat.id, "x"))).toMatchObject({
      error_code: 400,
      parameters: { migrate_to_chat_id: -1009999 },
    });

    fake.dropNext(1, "sendMessage");
    expect(await rejection(bot.api.sendMessage(3, "lost"))).toBeInstanceOf(HttpError);
    expect(fake.sentTo(3)).toEqual([]);
    fake.dropNext(1, { method: "sendMessage", afterProcessing: true });
    expect(await rejection(bot.api.sendMessage(3, "delivered, answer lost"))).toBeInstanceOf(HttpError);
    expect(fake.sentTo(3).map((p) => p.text)).toEqual(["delivered, answer lost"]);
    expect(fake.stats.dropped).toBe(2);
    await expect(bot.api.sendMessage(3, "after")).resolves.toBeDefined();
  });

  it("injects random faults reproducibly from the seed", async () => {
    async function outcomes(seed: number): Promise<string[]> {
      const { fake, bot } = await setup({
        seed,
        faults: { fail429Rate: 0.2, fail5xxRate: 0.2, retryAfter: 2 },
      });
      fake.dropRate(0.1);
      const out: string[] = [];
      for (let i = 0; i < 30; i++) {
        try {
          await bot.api.sendMessage(100 + i, "x");
          out.push("ok");
        } catch (err) {
          out.push(err instanceof GrammyError ? String(err.error_code) : "drop");
        }
      }
      return out;
    }
    const a = await outcomes(42);
    expect(await outcomes(42)).toEqual(a);
    expect(new Set(a)).toEqual(new Set(["ok", "429", "500", "drop"]));
    expect(await outcomes(43)).not.toEqual(a);
  });

  it("adds latency", async () => {
    const { fake, bot } = await setup({ latencyMs: 60 });
    const t0 = Date.now();
    await bot.api.sendMessage(1, "slow");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
    fake.setLatency(0);
  });
});

describe("flood limiter", () => {
  it("counts per-chat and global violations without enforcing", async () => {
    const { fake, bot } = await setup({ limiter: { globalPerSecond: 5 } });
    for (let i = 0; i < 3; i++) await bot.api.sendMessage(arUser.id, `p${i}`);
    expect(fake.stats.violations.perChat).toBe(2);
    expect(fake.stats.violations.byChat.get(arUser.id)).toBe(2);
    expect(fake.stats.sent).toBe(3);

    for (let i = 0; i < 4; i++) await bot.api.sendMessage(2000 + i, "bulk");
    expect(fake.stats.violations.global).toBe(2); // sends 6 and 7 within one second
    // Edits are not counted.
    const m = await fake.waitForCall("sendMessage");
    await bot.api.editMessageText(arUser.id, (m.result as { message_id: number }).message_id, "edited");
    expect(fake.stats.violations.global).toBe(2);
  });

  it("enforces with 429 retry_after, honours burst and group minutes", async () => {
    const { fake, bot } = await setup({ limiter: { enforce: true, groupPerMinute: 2, burst: 1 } });
    await bot.api.sendMessage(arUser.id, "1");
    await bot.api.sendMessage(arUser.id, "2 (burst)");
    const err = await rejection(bot.api.sendMessage(arUser.id, "3"));
    expect(err).toMatchObject({
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(fake.sentTo(arUser.id)).toHaveLength(2);
    expect(fake.stats.received429).toBe(1);

    for (let i = 0; i < 3; i++) await bot.api.sendMessage(groupChat.id, `g${i}`);
    const groupErr = await rejection(bot.api.sendMessage(groupChat.id, "g3"));
    expect((groupErr as GrammyError).parameters.retry_after).toBeGreaterThan(50);
    expect(fake.stats.violations.perChat).toBe(2);
    expect(fake.stats.sentDuringRetryAfter).toBeGreaterThan(0); // the group sends came inside the 1 s window
  });
});

describe("waiting", () => {
  it("waitFor resolves the predicate's value and explains timeouts", async () => {
    const { fake, bot } = await setup();
    await bot.api.sendMessage(1, "hello");
    const found = await fake.waitFor((calls) => calls.find((c) => c.method === "sendMessage"));
    expect(found.params.text).toBe("hello");
    const err = await rejection(fake.waitFor(() => false, 50));
    expect(String(err)).toContain("timed out after 50 ms");
    expect(String(err)).toContain('sendMessage {"chat_id":1,"text":"hello"} -> ok');
    await expect(fake.waitForCall("sendPhoto", undefined, 30)).rejects.toThrow(/sendPhoto/);
  });
});
