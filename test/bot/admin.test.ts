// Admin tools through the real bot: /grant and /revoke change who may do what (menus included), the
// configured staff stay fixed, bad input changes nothing, and /stats answers with figures and a PNG chart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITOR_COMMANDS, READER_COMMANDS } from "../../src/bot/commands";
import type { FakeUploadedFile } from "../support/fake-bot-api";
import { type Harness, startHarness, visible, waitUntil } from "../support/harness";
import { command, user } from "../support/updates";

const ADMIN = user({ language_code: "en" });
const ADMIN_AR = user({ language_code: "ar" });
const FIXED_EDITOR = user({ language_code: "en" });

let h: Harness;

/** Waits for the role notice (it goes through the outbox) that contains `text`, and returns it as seen. */
async function notice(userId: number, text: RegExp): Promise<string> {
  const find = () =>
    h.fake
      .sentTo(userId)
      .map(visible)
      .find((t) => text.test(t));
  await waitUntil(
    () => find() !== undefined,
    5000,
    () => `no notice ${text} for ${userId}`,
  );
  return find() as string;
}
beforeAll(async () => {
  h = await startHarness({
    env: {
      ADMIN_IDS: `${ADMIN.id},${ADMIN_AR.id}`,
      EDITOR_IDS: String(FIXED_EDITOR.id),
      DEFAULT_TIMEZONE: "Asia/Damascus",
    },
  });
});
afterAll(() => h.stop());

const names = (list: { command: string }[]) => list.map((c) => c.command);
const roles = () => h.app.store.roles.all();

async function say(from: typeof ADMIN, name: string, args = ""): Promise<string> {
  const sent = await h.send(command(name, args, { from }));
  return sent.map(visible).join("\n");
}

describe("/grant and /revoke", () => {
  it("grant makes a reader an editor who can then /post; revoke takes it back", async () => {
    const reporter = user({ language_code: "ar" });
    expect(await say(reporter, "post", "عنوان\nنص")).toContain("⛔");
    await say(reporter, "start"); // the bot knows their private chat now

    const granted = await say(ADMIN, "grant", `${reporter.id} editor`);
    expect(granted).toBe(
      `✅ User ${reporter.id} is now an editor. Their command menu shows the new commands.`,
    );
    expect(h.app.store.roles.find(reporter.id)).toBe("editor");
    // Told in their own language, and their menu now has the editor commands.
    expect(await notice(reporter.id, /أصبحت/)).toContain("أصبحت محررًا في نشرة");
    expect(names(h.fake.commands({ type: "chat", chat_id: reporter.id }, "ar"))).toEqual([
      ...READER_COMMANDS,
      ...EDITOR_COMMANDS,
    ]);

    const posted = await say(
      reporter,
      "post",
      "قصف على أطراف الميادين\nتعرضت أطراف مدينة الميادين لقصف صباح اليوم.",
    );
    expect(posted).toMatch(/#\d+/);

    const revoked = await say(ADMIN, "revoke", String(reporter.id));
    expect(revoked).toBe(`✅ User ${reporter.id} is no longer an editor; they are a reader now.`);
    expect(h.app.store.roles.find(reporter.id)).toBeUndefined();
    expect(await notice(reporter.id, /سُحب دورك/)).toContain("ويبقى لك كل ما يتاح للقراء");
    expect(h.fake.commands({ type: "chat", chat_id: reporter.id }, "ar")).toEqual([]);
    expect(await say(reporter, "post", "عنوان آخر\nنص")).toContain("⛔");
  });

  it("accepts Arabic role words and Arabic-Indic digits, and the id after the role", async () => {
    const id = 987654321;
    await say(user({ id, language_code: "ar" }), "start"); // seen by the bot: no "never used the bot" question
    const arabicDigits = String(id).replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)] as string);
    expect(await say(ADMIN_AR, "grant", `${arabicDigits} مشرف`)).toBe(
      `✅ أصبح المستخدم ${id} مديرًا، وتعرض قائمة أوامره الآن الأوامر الجديدة.`,
    );
    expect(h.app.store.roles.find(id)).toBe("admin");
    expect(await say(ADMIN_AR, "grant", `المحرر ${id}`)).toContain("أصبح المستخدم 987654321 محررًا");
    expect(h.app.store.roles.find(id)).toBe("editor");
    expect(await say(ADMIN_AR, "grant", `${id} محرر`)).toBe("المستخدم 987654321 محرر بالفعل.");
    expect(await say(ADMIN_AR, "revoke", arabicDigits)).toContain("لم يعد المستخدم 987654321 محررًا");
  });

  it("a granted admin can use admin commands", async () => {
    const deputy = user({ language_code: "en" });
    await say(deputy, "start");
    await say(ADMIN_AR, "grant", `${deputy.id} admin`);
    // Told in the language of their own Telegram app, not the granting admin's or the default.
    expect(await notice(deputy.id, /You are now/)).toMatch(/You are now an? admin/i);
    expect(await say(deputy, "stats")).toContain("Nashra statistics");
    await say(ADMIN, "revoke", String(deputy.id));
    expect(await say(deputy, "stats")).toBe("⛔ This command is for Nashra's admins.");
  });

  it("cannot revoke or change roles set in ADMIN_IDS and EDITOR_IDS", async () => {
    expect(await say(ADMIN, "revoke", String(ADMIN_AR.id))).toBe(
      `⛔ User ${ADMIN_AR.id} is an admin through ADMIN_IDS in the configuration, which cannot be revoked from the bot. Remove the id from ADMIN_IDS and restart Nashra.`,
    );
    expect(await say(ADMIN_AR, "revoke", String(ADMIN_AR.id))).toContain("بموجب ADMIN_IDS");
    expect(await say(ADMIN, "revoke", String(FIXED_EDITOR.id))).toContain("is an editor through EDITOR_IDS");
    expect(await say(ADMIN, "grant", `${ADMIN_AR.id} editor`)).toContain("is an admin through ADMIN_IDS");
    expect(await say(ADMIN, "grant", `${FIXED_EDITOR.id} editor`)).toContain(
      "already an editor through EDITOR_IDS",
    );
    expect(roles()).toEqual([]);
    expect(await say(ADMIN_AR, "stats")).toContain("إحصاءات نشرة");
  });

  it("revoke of an ADMIN_IDS id removes a grant made before, and says the variable still applies", async () => {
    // Granted in the bot before the id went into ADMIN_IDS: left in place, it would outlive the variable.
    h.app.store.roles.grant(ADMIN_AR.id, "editor", ADMIN.id);
    const notices = h.fake.sentTo(ADMIN_AR.id).length;
    expect(await say(ADMIN, "revoke", String(ADMIN_AR.id))).toBe(
      `✅ The role granted to ${ADMIN_AR.id} in the bot is withdrawn, but they stay an admin through ADMIN_IDS in the configuration. Remove the id from ADMIN_IDS and restart Nashra to take that away too.`,
    );
    expect(h.app.store.roles.find(ADMIN_AR.id)).toBeUndefined();
    expect(h.fake.sentTo(ADMIN_AR.id)).toHaveLength(notices); // still an admin: nothing to tell them
    expect(await say(ADMIN_AR, "stats")).toContain("إحصاءات نشرة");
    // Nothing granted any more: the usual answer.
    expect(await say(ADMIN, "revoke", String(ADMIN_AR.id))).toContain("cannot be revoked from the bot");
  });

  it("can make a configured editor an admin and take only that back", async () => {
    expect(await say(ADMIN, "grant", `${FIXED_EDITOR.id} admin`)).toContain("is now an admin");
    expect(await say(FIXED_EDITOR, "stats")).toContain("Nashra statistics");
    expect(await say(ADMIN, "revoke", String(FIXED_EDITOR.id))).toBe(
      `✅ The admin role granted to ${FIXED_EDITOR.id} is withdrawn. They stay an editor through EDITOR_IDS in the configuration.`,
    );
    expect(await say(FIXED_EDITOR, "feeds")).toContain("No feeds yet");
    expect(await say(FIXED_EDITOR, "stats")).toContain("⛔");
  });

  it.each([
    ["grant", ""],
    ["grant", "12345"],
    ["grant", "12345 owner"],
    ["grant", "0 editor"],
    ["grant", "-100123 editor"],
    ["grant", "12345 editor extra"],
    ["grant", "99999999999999999 editor"],
    ["revoke", ""],
    ["revoke", "someone"],
    ["revoke", "1 2"],
  ])("answers /%s %j with its usage and changes nothing", async (name, args) => {
    const before = roles();
    const reply = await say(ADMIN, name, args);
    expect(reply).toMatch(new RegExp(`^Usage: /${name} <user id>`));
    expect(roles()).toEqual(before);
  });

  it("says when there is nothing to revoke", async () => {
    expect(await say(ADMIN, "revoke", "5550001")).toBe("User 5550001 has no role to revoke.");
    expect(await say(ADMIN_AR, "revoke", "5550001")).toBe("ليس للمستخدم 5550001 دور يمكن سحبه.");
  });

  it("refuses readers and editors, changing nothing", async () => {
    const reader = user({ language_code: "ar" });
    expect(await say(reader, "grant", `${reader.id} admin`)).toBe("⛔ هذا الأمر مخصص لمديري نشرة.");
    expect(await say(FIXED_EDITOR, "grant", `${FIXED_EDITOR.id} admin`)).toBe(
      "⛔ This command is for Nashra's admins.",
    );
    expect(await say(FIXED_EDITOR, "revoke", String(ADMIN.id))).toBe(
      "⛔ This command is for Nashra's admins.",
    );
    expect(roles()).toEqual([]);
  });
});

/** Width and height of a PNG, after checking its signature and that IHDR comes first. */
function pngSize(data: Buffer): { width: number; height: number } {
  expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(data.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The photo the bot sent to a chat (the first delivered), with its caption and uploaded file. */
function photoTo(chatId: number): { caption: string; file: FakeUploadedFile } {
  const call = h.fake.callsOf("sendPhoto").find((c) => c.chatId === chatId && c.delivered);
  if (!call) throw new Error(`no photo sent to ${chatId}`);
  return {
    caption: visible({ text: String(call.params.caption) }),
    file: call.params.photo as FakeUploadedFile,
  };
}

describe("/stats", () => {
  it("gives readers, topics, articles, deliveries and the queue, then a PNG chart", async () => {
    const { topics } = h.app.deps;
    const { store } = h.app;
    const now = Date.now();
    const deir = topics.index().bySlug("deir-ez-zor");
    const mayadin = topics.index().bySlug("mayadin");
    if (!deir || !mayadin) throw new Error("catalog without deir-ez-zor or mayadin");
    // Readers: two more private chats (one blocked the bot), a group, a channel that removed the bot.
    store.chats.touch(-4001, "group", "أخبار الفرات");
    store.chats.touch(-1009001, "channel", "قناة");
    store.chats.markInactive(-1009001, "kicked");
    store.chats.touch(8001, "private");
    store.chats.touch(8002, "private");
    store.chats.markInactive(8002, "blocked");
    store.subscriptions.add(8001, [deir.id, mayadin.id]);
    store.subscriptions.add(-4001, [deir.id]);
    // Deliveries: 3 sent in the last day, 1 failed, 1 still queued, and an older sent one.
    store.outbox.enqueue(
      [1, 2, 3, 4, 5, 6].map((i) => ({
        chatId: 8001,
        purpose: "digest" as const,
        ref: "test",
        dedupeKey: `k${i}`,
        message: { kind: "text" as const, parts: [`part ${i}`] },
      })),
    );
    const ids = (
      store.db.prepare("SELECT id FROM outbox WHERE ref = 'test' ORDER BY id").all() as { id: number }[]
    ).map((r) => r.id);
    // Everything below runs synchronously, so the app's sender cannot take a row in between; the queued
    // one waits for a retry an hour away.
    const [a, b, c, d, queued, old] = ids as number[];
    store.db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE id = ?").run(now + 3_600_000, queued);
    store.outbox.sentMany(
      [a, b, c].map((id) => ({ id: id as number, partsSent: 1, messageIds: [1], at: Date.now() })),
    );
    store.outbox.fail(d as number, "Bad Request: test");
    store.db
      .prepare("UPDATE outbox SET status = 'sent', sent_at = ? WHERE id = ?")
      .run(now - 3 * 86_400_000, old);

    // The staff's own chats are not readers.
    const counts = store.stats.readers(h.app.deps.roles.staffIds());
    const privateTotal = counts.private.active + counts.private.inactive;
    const sent = await h.send(command("stats", "", { from: ADMIN }));
    const text = visible(sent[0]);
    expect(text).toMatch(/^📊 Nashra statistics · \d+ \w+ \d{4}, \d\d:\d\d/);
    expect(text).toContain(
      `• People (private chats): ${counts.private.active} active, ${counts.private.inactive} inactive`,
    );
    expect(counts.private.inactive).toBeGreaterThanOrEqual(1);
    expect(privateTotal).toBeGreaterThanOrEqual(2);
    expect(text).toContain("• Groups: 1 active, 0 inactive");
    expect(text).toContain("• Channels: 0 active, 1 inactive");
    expect(text).toContain(
      "Follows: 3 (a chat that follows two places counts twice). Most followed places:\n1. Deir ez-Zor: 2\n2. Mayadin: 1",
    );
    expect(text).toMatch(/Articles: \d+ published today \(since midnight\), \d+ in all/);
    expect(text).toContain("Last 24 hours: 3 alerts and digests delivered, 1 failed");
    expect(text).toContain("Alerts and digests waiting to be sent: 1");

    const { caption, file } = photoTo(ADMIN.id);
    expect(caption).toBe("📈 Readers and messages per day over the last 30 days (Damascus time).");
    expect(file.filename).toBe("nashra-stats.png");
    expect(pngSize(file.data)).toEqual({ width: 1000, height: 600 });
    expect(file.size).toBeGreaterThan(5_000); // drawn, not blank
  });

  it("speaks Arabic to an Arabic-speaking admin, topics by their Arabic names", async () => {
    const sent = await h.send(command("stats", "", { from: ADMIN_AR }));
    const text = visible(sent[0]);
    expect(text).toContain("إحصاءات نشرة");
    expect(text).toContain("1. دير الزور: 2");
    expect(text).toContain("تنبيهات وملخصات وصلت 3 · تعذّر إيصالها 1");
    const { caption, file } = photoTo(ADMIN_AR.id);
    expect(caption).toBe("📈 القراء والرسائل يوميًا في آخر 30 يومًا (دمشق).");
    expect(pngSize(file.data)).toEqual({ width: 1000, height: 600 });
  });
});
