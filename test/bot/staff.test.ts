// Staff rails through the real bot (issue 13 items 5–8): what protects the newsroom from its own slips. Admins,
// editors and readers, private chats and groups, realistic Arabic; bad input gets a clear answer and changes nothing.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settingsLanguage } from "../../src/bot/callback-data";
import { EDITOR_COMMANDS, READER_COMMANDS } from "../../src/bot/commands";
import { stripBidi } from "../../src/text/html";
import { loadCatalog, seedTopics } from "../../src/topics/catalog";
import { bidiProblems } from "../support/bidi";
import { type FeedServer, serveFeeds } from "../support/feed-server";
import {
  buttonData,
  buttonLabels,
  type Harness,
  received,
  startHarness,
  visible,
  waitUntil,
} from "../support/harness";
import { callback, command, group, groupMessage, myChatMember, user } from "../support/updates";

const ADMIN = user({ language_code: "ar", first_name: "سلمى", last_name: "الأحمد" });
const ADMIN_EN = user({ language_code: "en" });
const EDITOR = user({ language_code: "ar" });
const NEWSROOM = group({ id: -100555, title: "غرفة أخبار الفرات" });

const RSS = readFileSync(new URL("../fixtures/feeds/euphrates-desk.rss", import.meta.url), "utf8");

const SECOND_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>شبكة الخابور</title><link>https://khabour.example.org/</link>
<item><title>عاجل: انقطاع الطريق بين الحسكة والقامشلي بسبب السيول</title>
<link>https://khabour.example.org/2026/12/02/floods</link><guid>khabour-991</guid>
<description>قطعت السيول الطريق الرئيسي بين مدينتي الحسكة والقامشلي مساء اليوم، ودعت البلدية السائقين إلى سلوك طرق بديلة.</description></item>
<item><title>افتتاح سوق شعبي جديد في القامشلي</title>
<link>https://khabour.example.org/2026/12/01/market</link><guid>khabour-990</guid>
<description>افتتح في مدينة القامشلي سوق شعبي جديد للخضار والفواكه يضم أكثر من خمسين محلًا.</description></item>
</channel></rss>`;

let h: Harness;
let feeds: FeedServer;
let breakingOut = false;
beforeAll(async () => {
  h = await startHarness({
    env: {
      ADMIN_IDS: `${ADMIN.id},${ADMIN_EN.id}`,
      EDITOR_IDS: String(EDITOR.id),
      DEFAULT_TIMEZONE: "Asia/Damascus",
      FEED_ALLOW_HOSTS: "127.0.0.1", // the test feeds are served on 127.0.0.1
    },
  });
  feeds = await serveFeeds((req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    // Until `breakingOut`, the feeds have no breaking item yet (a feed's first read is its backlog).
    const body = req.url === "/euphrates.rss" ? RSS : SECOND_RSS;
    res.end(breakingOut ? body : body.replace(/<item>\s*<title>عاجل[\s\S]*?<\/item>/, ""));
  });
});
afterAll(async () => {
  await h.stop();
  await feeds.close();
});

async function say(from: typeof ADMIN, name: string, args = ""): Promise<string> {
  const sent = await h.send(command(name, args, { from }));
  return sent.map(visible).join("\n");
}

async function sayInGroup(from: typeof ADMIN, text: string): Promise<string> {
  const sent = await h.send(groupMessage(text, { from, chat: NEWSROOM }));
  return sent.map(visible).join("\n");
}

describe("staff answers stay out of groups", () => {
  it("refuses /digestpreview, /stats, /feeds and /grant in a group, pointing to the private chat", async () => {
    const reader = user({ language_code: "ar" });
    await say(reader, "subscribe", "الميادين");
    for (const text of [
      `/digestpreview ${reader.id}`,
      "/stats",
      "/grant 424242 محرر",
      `/revoke ${EDITOR.id}`,
    ]) {
      const answer = await sayInGroup(ADMIN, text);
      expect(answer, text).toContain("أرسل هذا الأمر إليّ في محادثة خاصة");
      expect(answer, text).not.toContain(String(reader.id));
    }
    expect(await sayInGroup(EDITOR, "/feeds")).toContain("أرسل هذا الأمر إليّ في محادثة خاصة");
    expect(h.app.store.roles.find(424242)).toBeUndefined();
    // A reader in the group is still told the command is not theirs, not where to send it.
    expect(await sayInGroup(reader, "/stats")).toContain("⛔ هذا الأمر مخصص لمديري نشرة.");
    // In the admin's private chat the same commands answer.
    expect(await say(ADMIN, "stats")).toContain("إحصاءات نشرة");
  });
});

describe("/alias", () => {
  it("says a place it does not know is unknown, not how to use the command", async () => {
    expect(await say(ADMIN, "alias", "قرية لا توجد | اسم آخر")).toBe(
      "لا أعرف منطقة باسم «قرية لا توجد». تجد القائمة في /topics.",
    );
    expect(h.app.deps.topics.lookup("اسم آخر", { exact: true }).matches).toEqual([]);
  });
});

describe("/schedule", () => {
  it("reads city names and «صباحًا», says cron in words, and refuses a duplicate", async () => {
    const added = await say(ADMIN, "schedule", "يوميا 8 صباحًا دير الزور tz=دمشق");
    expect(added).toContain("كل يوم الساعة 08:00 (دمشق) · دير الزور");
    const before = h.app.store.digests.schedules().length;
    // The same schedule typed another way: 08:00, the English city name.
    const again = await say(ADMIN_EN, "schedule", "daily 08:00 Deir ez-Zor tz=Damascus");
    expect(again).toMatch(
      /Schedule #\d+ is this very schedule: every day at 08:00 \(Damascus\) · Deir ez-Zor/,
    );
    expect(h.app.store.digests.schedules()).toHaveLength(before);
    // Another place at the same time is not a duplicate.
    expect(await say(ADMIN_EN, "schedule", "daily 8 Mayadin tz=Berlin")).toContain(
      "every day at 08:00 (Berlin) · Mayadin",
    );
    const cron = await say(ADMIN, "schedule", '"0 18 * * 0-4"');
    expect(cron).toContain("كل يوم عمل (من الأحد إلى الخميس) الساعة 18:00");
    const list = await say(ADMIN_EN, "schedules");
    expect(list).toContain("every working day (Sunday to Thursday) at 18:00");
    expect(await say(ADMIN_EN, "schedule", "daily 08:00 tz=Atlantis")).toContain(
      "I don't know the time zone “Atlantis”",
    );
    expect(h.app.store.digests.schedules()).toHaveLength(before + 2);
  });
});

describe("/grant and /roles", () => {
  it("warns before granting a role to an id that never used the bot, and grants only on Yes", async () => {
    const stranger = 5_123_456_789; // above 2^31, as new Telegram ids are
    const [warning] = await h.send(command("grant", `${stranger} محرر`, { from: ADMIN }));
    expect(visible(warning)).toContain(`المستخدم ${stranger} لم يستخدم البوت قط`);
    expect(h.app.store.roles.find(stranger)).toBeUndefined();
    const no = buttonData(warning, "إلغاء");
    await h.send(callback(no, { from: ADMIN, message: h.fake.lastMessage(ADMIN.id) }));
    expect(visible(h.fake.lastMessage(ADMIN.id))).toBe("لم يُمنح أي دور.");
    expect(h.app.store.roles.find(stranger)).toBeUndefined();
    // Asked again; an editor cannot press the admin's button, the admin can.
    const [again] = await h.send(command("grant", `${stranger} محرر`, { from: ADMIN }));
    const yes = buttonData(again, "نعم، امنحه الدور");
    await h.send(callback(yes, { from: EDITOR }));
    expect(h.app.store.roles.find(stranger)).toBeUndefined();
    await h.send(callback(yes, { from: ADMIN, message: h.fake.lastMessage(ADMIN.id) }));
    expect(visible(h.fake.lastMessage(ADMIN.id))).toContain(`أصبح المستخدم ${stranger} محررًا`);
    expect(h.app.store.roles.find(stranger)).toBe("editor");
    expect(await say(ADMIN, "revoke", String(stranger))).toContain("لم يعد المستخدم");
  });

  it("grants by @username to a user the bot has seen, and says when it has not", async () => {
    const reporter = user({ language_code: "ar", username: "lina_reports" });
    await say(reporter, "start");
    expect(await say(ADMIN, "grant", "@Lina_Reports محرر")).toContain(
      `أصبح المستخدم @lina_reports (${reporter.id}) محررًا`,
    );
    expect(h.app.store.roles.find(reporter.id)).toBe("editor");
    expect(await say(ADMIN, "grant", "@nobody_here مدير")).toContain("لا أعرف مستخدمًا باسم @nobody_here");
    expect(h.app.store.roles.all().some((r) => r.role === "admin")).toBe(false);
    // A user seen only in a group, with a username, is known too (no warning).
    const member = user({ language_code: "ar", username: "omar_desk" });
    await sayInGroup(member, "/help");
    expect(await say(ADMIN, "grant", `مدير @omar_desk`)).toContain(
      `أصبح المستخدم @omar_desk (${member.id}) مديرًا`,
    );
  });

  it("/roles lists everyone with a role and where it comes from", async () => {
    const roles = await say(ADMIN_EN, "roles");
    expect(roles).toContain("Newsroom roles");
    expect(roles).toContain(`${ADMIN.id}: admin through ADMIN_IDS in the configuration`);
    expect(roles).toContain(`${EDITOR.id}: editor through EDITOR_IDS in the configuration`);
    expect(roles).toMatch(new RegExp(`@lina_reports \\(\\d+\\): editor, granted by ${ADMIN.id} on `));
    expect(roles).toContain("@omar_desk");
    expect(await say(EDITOR, "roles")).toBe("⛔ هذا الأمر مخصص لمديري نشرة.");
  });
});

describe("command menus follow the chat", () => {
  const chatMenu = (chatId: number, language = "") =>
    h.fake.commands({ type: "chat", chat_id: chatId }, language);
  const described = (chatId: number, language: string, name: string) =>
    stripBidi(chatMenu(chatId, language).find((c) => c.command === name)?.description ?? "");

  it("a reader who chooses Arabic on an English Telegram gets the Arabic menu; auto gives Telegram's back", async () => {
    const reader = user({ language_code: "en" });
    await say(reader, "start");
    await h.send(callback(settingsLanguage.pack({ language: "ar" }), { from: reader }));
    expect(described(reader.id, "en", "subscribe")).toBe(
      stripBidi(h.app.deps.i18n.plain("ar", "cmd-subscribe")),
    );
    expect(described(reader.id, "", "latest")).toBe(stripBidi(h.app.deps.i18n.plain("ar", "cmd-latest")));
    expect(chatMenu(reader.id, "en").map((c) => c.command)).toEqual([...READER_COMMANDS]);
    await h.send(callback(settingsLanguage.pack({ language: "auto" }), { from: reader }));
    expect(chatMenu(reader.id, "en")).toEqual([]);
    expect(chatMenu(reader.id)).toEqual([]);
  });

  it("an editor's menu keeps the role's commands in the language chosen, and a grant keeps the language", async () => {
    await say(EDITOR, "start");
    await h.send(callback(settingsLanguage.pack({ language: "en" }), { from: EDITOR }));
    expect(chatMenu(EDITOR.id, "ar").map((c) => c.command)).toEqual([...READER_COMMANDS, ...EDITOR_COMMANDS]);
    expect(described(EDITOR.id, "ar", "post")).toBe(stripBidi(h.app.deps.i18n.plain("en", "cmd-post")));
    // A reader who chose English, then made an editor: the editor's menu, in English on an Arabic Telegram.
    const reporter = user({ language_code: "ar" });
    await say(reporter, "start");
    await h.send(callback(settingsLanguage.pack({ language: "en" }), { from: reporter }));
    await say(ADMIN, "grant", `${reporter.id} محرر`);
    expect(described(reporter.id, "ar", "post")).toBe(stripBidi(h.app.deps.i18n.plain("en", "cmd-post")));
    await say(ADMIN, "revoke", String(reporter.id));
    expect(chatMenu(reporter.id, "ar").map((c) => c.command)).toEqual([...READER_COMMANDS]);
    expect(described(reporter.id, "ar", "subscribe")).toBe(
      stripBidi(h.app.deps.i18n.plain("en", "cmd-subscribe")),
    );
  });

  it("a group whose admin chooses English gets the readers' menu in English", async () => {
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(NEWSROOM.id, admin.id, "administrator");
    await sayInGroup(admin, "/settings");
    await h.send(callback(settingsLanguage.pack({ language: "en" }), { from: admin, chat: NEWSROOM }));
    expect(described(NEWSROOM.id, "ar", "topics")).toBe(stripBidi(h.app.deps.i18n.plain("en", "cmd-topics")));
    expect(chatMenu(NEWSROOM.id, "ar").map((c) => c.command)).toEqual([...READER_COMMANDS]);
  });
});

describe("/alias that makes a place's name ambiguous, and /unalias", () => {
  const placesNamed = (name: string) =>
    h.app.deps.topics.lookup(name, { exact: true }).matches.map((t) => t.slug);

  it("asks before giving Deir ez-Zor the name of Mayadin; No changes nothing, Yes adds it", async () => {
    const [question] = await h.send(command("alias", "دير الزور | الميادين", { from: ADMIN }));
    expect(visible(question)).toContain("«الميادين» اسم منطقة الميادين من قبل");
    expect(placesNamed("الميادين")).toHaveLength(1);
    await h.send(
      callback(buttonData(question, "إلغاء"), { from: ADMIN, message: h.fake.lastMessage(ADMIN.id) }),
    );
    expect(visible(h.fake.lastMessage(ADMIN.id))).toBe("لم يُضف الاسم.");
    expect(placesNamed("الميادين")).toHaveLength(1);
    // Only an admin's press counts.
    await h.send(callback(buttonData(question, "نعم، أضف الاسم"), { from: EDITOR }));
    expect(placesNamed("الميادين")).toHaveLength(1);
    const [again] = await h.send(command("alias", "دير الزور | الميادين", { from: ADMIN }));
    await h.send(
      callback(buttonData(again, "نعم، أضف الاسم"), { from: ADMIN, message: h.fake.lastMessage(ADMIN.id) }),
    );
    expect(visible(h.fake.lastMessage(ADMIN.id))).toContain("صار «الميادين» يعني دير الزور");
    expect(placesNamed("الميادين")).toHaveLength(2);

    // And taken back: the place's own name stays with Mayadin.
    expect(await say(ADMIN, "unalias", "دير الزور | الميادين")).toContain("لم يعد «الميادين» يعني دير الزور");
    expect(placesNamed("الميادين")).toHaveLength(1);
    expect(await say(ADMIN, "unalias", "الميادين")).toBe("«الميادين» هو اسم الميادين نفسه، فيبقى.");
    expect(placesNamed("الميادين")).toHaveLength(1);
  });

  it("a new name that is no other place's is added at once; /unalias of it alone removes it", async () => {
    expect(await say(ADMIN, "alias", "البوكمال | بوكمال الحدودية")).toContain(
      "صار «بوكمال الحدودية» يعني البوكمال",
    );
    expect(placesNamed("بوكمال الحدودية")).toHaveLength(1);
    expect(await say(ADMIN, "unalias", "بوكمال الحدودية")).toContain(
      "لم يعد «بوكمال الحدودية» يعني البوكمال",
    );
    expect(placesNamed("بوكمال الحدودية")).toEqual([]);
  });

  it("keeps built-in names, and says what it does not know", async () => {
    const deir = h.app.deps.topics.index().bySlug("deir-ez-zor");
    if (!deir) throw new Error("no Deir ez-Zor");
    const builtin = h.app.deps.topics
      .aliasesOf(deir)
      .find((r) => r.builtin && r.alias !== deir.nameAr && r.alias !== deir.nameEn && r.alias !== "الميادين");
    if (!builtin) throw new Error("no built-in alias");
    expect(await say(ADMIN_EN, "unalias", `Deir ez-Zor | ${builtin.alias}`)).toContain(
      "built-in list of places",
    );
    expect(placesNamed(builtin.alias)).toContain("deir-ez-zor");
    expect(await say(ADMIN, "unalias", "اسم لا يعرفه أحد")).toBe("لا توجد منطقة باسم «اسم لا يعرفه أحد».");
    expect(await say(ADMIN, "unalias", "دير الزور | اسم آخر")).toBe("ليس «اسم آخر» من أسماء دير الزور.");
    expect(await say(ADMIN, "unalias", "")).toContain("اكتب المنطقة ثم الاسم الذي تحذفه");
    expect(await say(EDITOR, "unalias", "دير الزور | ديرزور")).toContain("⛔");
  });
});

describe("breaking items wait for an editor, visibly", () => {
  it("offers a feed's breaking item to the editors when its auto-alert is off; Send as alert gives the preview", async () => {
    await say(ADMIN_EN, "help"); // both admins and the editor have a private chat with the bot
    await say(EDITOR, "help");
    const reader = user({ language_code: "ar" });
    await say(reader, "subscribe", "البوكمال");
    const offered = () =>
      h.fake.sentTo(ADMIN.id).filter((m) => visible(m).includes("خبر عاجل جديد من مكتب الفرات"));
    await say(ADMIN, "addfeed", `${feeds.url}/euphrates.rss`);
    await say(ADMIN, "addfeed", `${feeds.url}/second.rss`);
    expect(offered()).toEqual([]); // a feed's first read is its backlog: no offer
    // The next poll brings a breaking item in each feed.
    breakingOut = true;
    await h.app.deps.feeds.pollAll();
    await waitUntil(
      () => offered().length === 1,
      5000,
      () => "no offer reached the admin",
    );
    const offer = offered()[0];
    const text = visible(offer);
    expect(text).toContain("والتنبيه التلقائي لهذا المصدر متوقف");
    expect(text).toMatch(/#\d+ عاجل \| انفجار قرب معبر البوكمال الحدودي/);
    const id = /#(\d+) عاجل/.exec(text)?.[1];
    expect(buttonLabels(offer)).toEqual([`🔴 أرسل #${id} تنبيهًا`, `اتركه #${id}`]);
    // The English-speaking admin got it in English; the reader got nothing.
    await waitUntil(() =>
      h.fake.sentTo(ADMIN_EN.id).some((m) => visible(m).includes("A new breaking item from")),
    );
    expect(received(h, reader.id, "🔴")).toEqual([]);

    // A reader pressing it is refused; the admin gets the alert preview with Send.
    const before = h.fake.sentTo(reader.id).length;
    await h.send(callback(buttonData(offer, "أرسل"), { from: reader }));
    expect(
      h.fake
        .sentTo(reader.id)
        .slice(before)
        .some((m) => visible(m).startsWith("🔴")),
    ).toBe(false);
    const sent = await h.send(callback(buttonData(offer, "أرسل"), { from: ADMIN }));
    const preview = sent.map(visible).join("\n");
    expect(preview).toContain("انفجار قرب معبر البوكمال");
    expect(preview).toContain("هذه معاينة التنبيه كما سيصل");
    const confirm = sent.find((m) => buttonLabels(m).some((l) => l.startsWith("📣")));
    await h.send(callback(buttonData(confirm, "📣"), { from: ADMIN, message: h.fake.lastMessage(ADMIN.id) }));
    await waitUntil(
      () => received(h, reader.id, "🔴").length === 1,
      5000,
      () => "the alert did not arrive",
    );
    expect(received(h, reader.id, "🔴")[0]).toContain("انفجار قرب معبر البوكمال");
  });

  it("Ignore takes that item's buttons away and sends nothing", async () => {
    const offered = () => h.fake.sentTo(ADMIN.id).filter((m) => visible(m).includes("خبر عاجل جديد"));
    await waitUntil(
      () => offered().length === 2,
      5000,
      () => "no second offer",
    );
    const offer = offered()[1];
    const message = h.fake
      .messagesIn(ADMIN.id)
      .filter((m) => (m.text ?? "").includes("خبر عاجل جديد"))
      .at(-1);
    const alertsBefore = h.app.store.db.prepare("SELECT count(*) AS n FROM alerts").get();
    // The other admin's copy (in English) and the editor's show the same item with its buttons.
    const copyOf = (chatId: number) =>
      h.fake
        .messagesIn(chatId)
        .filter((m) => /breaking item|خبر عاجل/.test(visible(m)) && /خابور/.test(visible(m)))
        .at(-1);
    const id = /#(\d+) عاجل/.exec(visible(offer))?.[1];
    // The copies go through the outbox: each editor's arrives on its own.
    await waitUntil(
      () => copyOf(ADMIN_EN.id) !== undefined && copyOf(EDITOR.id) !== undefined,
      5000,
      () => "not every editor got the second offer",
    );
    // …and the outbox has written down each copy's message id (what Ignore edits).
    const unsent = () =>
      h.app.store.db
        .prepare("SELECT count(*) AS n FROM outbox WHERE ref LIKE 'offer:%' AND status <> 'sent'")
        .get() as { n: number };
    await waitUntil(() => unsent().n === 0);
    expect(buttonLabels(copyOf(ADMIN_EN.id))).toContain(`Ignore #${id}`);
    expect(buttonLabels(copyOf(EDITOR.id)).length).toBe(2);
    await h.send(callback(buttonData(offer, "اتركه"), { from: ADMIN, ...(message ? { message } : {}) }));
    const now = h.fake.messagesIn(ADMIN.id).find((m) => m.message_id === message?.message_id);
    expect(buttonLabels(now)).toEqual([]);
    expect(visible(now)).toContain(`#${id}: تُرك بلا تنبيه (قرار سلمى الأحمد).`);
    // Every other copy loses that item's buttons and says who ignored it, in its own language.
    expect(buttonLabels(copyOf(ADMIN_EN.id))).toEqual([]);
    expect(visible(copyOf(ADMIN_EN.id))).toContain(`#${id} ignored by سلمى الأحمد: no alert.`);
    expect(buttonLabels(copyOf(EDITOR.id))).toEqual([]);
    expect(visible(copyOf(EDITOR.id))).toContain("سلمى الأحمد");
    expect(visible(copyOf(EDITOR.id))).toContain("انقطاع الطريق بين الحسكة والقامشلي");
    expect(h.app.store.db.prepare("SELECT count(*) AS n FROM alerts").get()).toEqual(alertsBefore);
    // A press on another copy afterwards changes nothing more.
    const before = h.fake.messagesIn(EDITOR.id).length;
    await h.send(callback(`bk:x:${id}`, { from: ADMIN_EN, message: copyOf(ADMIN_EN.id) }));
    expect(visible(copyOf(ADMIN_EN.id))).toContain("ignored by سلمى الأحمد");
    expect(h.fake.messagesIn(EDITOR.id)).toHaveLength(before);
  });

  it("/post of «عاجل» offers Send as alert at once; a calm /post does not", async () => {
    const calm = await h.send(
      command(
        "post",
        "توزيع مازوت التدفئة في الميادين\nبدأ توزيع مازوت التدفئة على العائلات في مدينة الميادين.",
        { from: ADMIN },
      ),
    );
    expect(calm.flatMap(buttonLabels).some((l) => l.includes("تنبيهًا"))).toBe(false);
    const urgent = await h.send(
      command(
        "post",
        "عاجل: قصف على أطراف الميادين\nتعرضت الأطراف الشرقية لمدينة الميادين لقصف مدفعي صباح اليوم.\n\nولا معلومات بعد عن إصابات.",
        { from: ADMIN },
      ),
    );
    const offer = urgent.find((m) => visible(m).includes("يبدأ هذا المقال بـ«عاجل»"));
    expect(buttonLabels(offer)[0]).toMatch(/^🔴 أرسل #\d+ تنبيهًا$/);
  });
});

describe("/digestpreview follows the next run", () => {
  it("shows nothing when the schedule's run would send nothing, and the news that run would send", async () => {
    const reader = user({ language_code: "ar" });
    await say(reader, "subscribe", "موحسن");
    // Reported before the schedule exists: a new schedule's first run starts at its creation.
    h.app.deps.importer.importOne(
      {
        title: "انقطاع المياه عن أحياء في موحسن",
        body: "انقطعت مياه الشرب عن عدة أحياء في بلدة موحسن بريف دير الزور الشرقي منذ يومين بسبب عطل في محطة الضخ.\n\nوقال الأهالي إنهم يشترون الماء من الصهاريج.",
      },
      { origin: "import" },
    );
    await new Promise((r) => setTimeout(r, 10));
    const added = await say(ADMIN, "schedule", "daily 06:00");
    const id = /#(\d+)/.exec(added)?.[1];
    const nothing = await say(ADMIN, "digestpreview", `${reader.id} #${id}`);
    expect(nothing).toContain(`لن يرسل الموعد #${id} شيئًا إلى المحادثة ${reader.id} لو جرى الآن`);
    const before = h.fake.sentTo(reader.id).length;
    await say(ADMIN, "digestnow", `#${id}`);
    await waitUntil(
      () =>
        visible(h.fake.lastSent(ADMIN.id)).includes(`#${id}`) &&
        !visible(h.fake.lastSent(ADMIN.id)).includes("جارٍ"),
    );
    expect(h.fake.sentTo(reader.id)).toHaveLength(before);

    // News after the schedule's creation: the preview shows what the run will send, naming the run.
    h.app.deps.importer.importOne(
      {
        title: "إعادة ضخ المياه إلى موحسن بعد إصلاح المحطة",
        body: "عادت مياه الشرب إلى أحياء بلدة موحسن مساء اليوم بعد إصلاح العطل في محطة الضخ.\n\nوقالت البلدية إن الضخ سيكون يوميًا.",
      },
      { origin: "import" },
    );
    const replies = (await h.send(command("digestpreview", `${reader.id} #${id}`, { from: ADMIN }))).map(
      visible,
    );
    expect(replies[0]).toContain(
      `هذا ما سيرسله الموعد #${id} (كل يوم الساعة 06:00 (دمشق)) إلى المحادثة ${reader.id}`,
    );
    expect(replies[1]).toContain("إعادة ضخ المياه إلى موحسن");
    expect(replies[1]).not.toContain("انقطاع المياه عن أحياء في موحسن");
    expect(h.fake.sentTo(reader.id)).toHaveLength(before);
    expect(await say(ADMIN, "digestpreview", `${reader.id} #999`)).toContain("لا يوجد موعد برقم #999");
  });
});

describe("/renametopic", () => {
  it("gives a place new names; its old name, articles and followers stay, and the catalog's seed keeps them", async () => {
    const reader = user({ language_code: "ar" });
    await say(reader, "subscribe", "هجين");
    const hajin = h.app.deps.topics.index().bySlug("hajin");
    if (!hajin) throw new Error("no Hajin");
    const done = await say(ADMIN, "renametopic", "هجين | مدينة هجين | Hajin city");
    expect(done).toContain("صار اسم «هجين» الآن مدينة هجين / Hajin city");
    const found = (name: string) => h.app.deps.topics.lookup(name, { exact: true }).matches.map((t) => t.id);
    expect(found("مدينة هجين")).toEqual([hajin.id]);
    expect(found("Hajin city")).toEqual([hajin.id]);
    expect(found("هجين")).toEqual([hajin.id]);
    expect(await say(reader, "mytopics")).toContain("مدينة هجين");
    // A new catalog version is seeded over it: the admin's names stay.
    h.app.store.topics.seed("another catalog", seedTopics(loadCatalog()));
    expect(h.app.store.topics.all().find((t) => t.id === hajin.id)).toMatchObject({
      nameAr: "مدينة هجين",
      nameEn: "Hajin city",
    });
    // Bad input changes nothing.
    expect(await say(ADMIN, "renametopic", "هجين | الميادين | Mayadin")).toContain("الميادين");
    expect(await say(ADMIN, "renametopic", "هجين | اسم واحد")).toContain("اكتب المنطقة ثم اسمها الجديد");
    expect(await say(ADMIN, "renametopic", "قرية مجهولة | أ | b")).toContain(
      "لا أعرف منطقة باسم «قرية مجهولة»",
    );
    expect(h.app.store.topics.all().find((t) => t.id === hajin.id)?.nameAr).toBe("مدينة هجين");
  });
});

describe("/retiretopic", () => {
  it("takes «حقل العمر» off the list after a question; its followers are told once, its articles keep it", async () => {
    const index = () => h.app.deps.topics.index();
    const omar = index().bySlug("omar-oil-field");
    const deirEzZor = index().bySlug("deir-ez-zor");
    if (!omar || !deirEzZor) throw new Error("no Omar oil field");
    // Readers of the field: one in Arabic, one in English, one who also follows Deir ez-Zor, and a group.
    const reader = user({ language_code: "ar" });
    const english = user({ language_code: "en" });
    const covered = user({ language_code: "ar" });
    const neighbour = user({ language_code: "ar" }); // told in the same words as `reader`
    await say(reader, "subscribe", "حقل العمر");
    await say(neighbour, "subscribe", "حقل العمر");
    await say(english, "subscribe", "Omar oil field");
    await say(covered, "subscribe", "دير الزور، حقل العمر");
    const field = group({ id: -100777, title: "عمال حقل العمر" });
    h.fake.setChatMember(field.id, ADMIN.id, "administrator");
    await h.send(groupMessage("/subscribe حقل العمر", { from: ADMIN, chat: field }));
    expect(h.app.store.subscriptions.topicIds(field.id)).toEqual([omar.id]);
    await say(ADMIN, "schedule", "يوميا 7 صباحًا حقل العمر tz=دمشق");
    const schedule = h.app.deps.schedules.list().find((s) => s.topicId === omar.id);
    if (!schedule) throw new Error("no schedule of the field");
    // An article about the field before it goes.
    const posted = await say(
      EDITOR,
      "post",
      "حريق في خط نفط قرب حقل العمر\nاندلع حريق في خط لنقل النفط قرب حقل العمر النفطي شرقي دير الزور، وهرعت فرق الإطفاء إلى المكان.",
    );
    const oldId = Number(/#(\d+)/.exec(posted)?.[1]);
    expect(h.app.store.articles.topicIds(oldId)).toContain(omar.id);
    // One about the field alone: Deir ez-Zor's readers get it only because the field is under Deir ez-Zor.
    const fieldOnly = await say(
      EDITOR,
      "post",
      "توقف الضخ في حقل العمر النفطي\nتوقف ضخ النفط من حقل العمر النفطي صباح اليوم بسبب عطل في المضخات الرئيسية.",
    );
    const fieldOnlyId = Number(/#(\d+)/.exec(fieldOnly)?.[1]);
    expect(h.app.store.articles.topicIds(fieldOnlyId)).toEqual([omar.id]);
    // A reader of «دير الزور ما عدا حقل العمر».
    const exceptReader = user({ language_code: "ar" });
    await say(exceptReader, "subscribe", "دير الزور");
    const [offer] = await h.send(command("unsubscribe", "حقل العمر", { from: exceptReader }));
    expect(buttonLabels(offer)).toContain("🚫 دير الزور ما عدا حقل العمر النفطي");
    await h.send(
      callback(buttonData(offer, "ما عدا"), {
        from: exceptReader,
        message: h.fake.lastMessage(exceptReader.id),
      }),
    );
    expect(h.app.store.exceptions.topicIds(exceptReader.id)).toEqual([omar.id]);

    // Not an admin's, a place with places under it, an unknown place: a clear answer, nothing changes.
    expect(await say(EDITOR, "retiretopic", "حقل العمر")).toMatch(/^⛔ /); // an editor is no admin
    expect(index().live(omar.id)).toBeDefined();
    const parent = await say(ADMIN, "retiretopic", "دير الزور");
    expect(parent).toContain("لم أُزل دير الزور: تحتها في قائمة المناطق");
    expect(parent).toContain("الميادين");
    expect(await say(ADMIN, "retiretopic", "قرية مجهولة")).toContain("لا أعرف منطقة باسم «قرية مجهولة»");
    expect(await say(ADMIN, "retiretopic")).toContain("اكتب المنطقة التي تزيلها");

    // The question says who follows it, what stays and which schedule stops; Cancel keeps everything.
    const [question] = await h.send(command("retiretopic", "حقل العمر", { from: ADMIN }));
    const message = h.fake.lastMessage(ADMIN.id);
    const asked = visible(question);
    expect(asked).toContain("أأزيل حقل العمر النفطي من قائمة المناطق؟");
    expect(asked).toContain("تتابعها الآن 5 محادثات");
    expect(asked).toContain("تعرض الرسالة على من لا يتابع دير الزور أن يتابعها");
    expect(asked).toMatch(/لها (مقال واحد|مقالان|\d+ مقالًا?|\d+ مقالات) /);
    expect(asked).toContain(`\nموعد الملخصات الخاص بها يتوقف ويُحذف: #${schedule.id}.`);
    expect(buttonLabels(question)).toEqual(["نعم، أزل المنطقة", "إلغاء"]);
    await h.send(callback(buttonData(question, "إلغاء"), { from: ADMIN, message }));
    expect(visible(h.fake.lastMessage(ADMIN.id))).toBe("لم تُزل المنطقة.");
    expect(index().live(omar.id)).toBeDefined();
    expect(h.app.store.subscriptions.topicIds(reader.id)).toEqual([omar.id]);
    // An editor pressing the admin's button is refused.
    await h.send(callback(buttonData(question, "نعم"), { from: EDITOR }));
    expect(index().live(omar.id)).toBeDefined();

    await h.send(callback(buttonData(question, "نعم"), { from: ADMIN, message }));
    const done = visible(h.fake.lastMessage(ADMIN.id));
    expect(done).toContain("أزلتُ حقل العمر النفطي من قائمة المناطق، وبقيت مقالاتها");
    expect(done).toContain("أُلغيت متابعة 5 محادثات");
    expect(done).toContain(`حُذف موعد الملخصات #${schedule.id}`);
    expect(h.app.deps.schedules.list().some((s) => s.id === schedule.id)).toBe(false);
    for (const chat of [reader.id, neighbour.id, english.id, covered.id, field.id])
      expect(h.app.store.subscriptions.topicIds(chat)).not.toContain(omar.id);
    expect(h.app.store.subscriptions.topicIds(covered.id)).toEqual([deirEzZor.id]);

    // Each follower is told once, in its language, as itself, with the place above to follow.
    const notice = (chat: number) => h.fake.sentTo(chat).filter((m) => visible(m).startsWith("📍"));
    await waitUntil(
      () => [reader.id, neighbour.id, english.id, covered.id, field.id].every((c) => notice(c).length === 1),
      5000,
      () => "not every follower was told",
    );
    const [toReader] = notice(reader.id);
    expect(visible(toReader)).toBe(
      "📍 أزالت غرفة الأخبار حقل العمر النفطي من قائمة المناطق، فلم تعد تتابعها. تبقى أخبارها السابقة في البحث.\n" +
        "دير الزور هي المنطقة التي تضم حقل العمر النفطي: تابعها من الزر أدناه لتصلك أخبارها.",
    );
    expect(buttonLabels(toReader)).toEqual(["تابع دير الزور"]);
    expect(visible(notice(neighbour.id)[0])).toBe(visible(toReader));
    // The same words are one stored body: Arabic private, English private, Arabic covered, the Arabic group.
    const bodies = h.app.store.db
      .prepare("SELECT count(*) AS n, count(DISTINCT body_id) AS bodies FROM outbox WHERE ref = ?")
      .get(`retire:${omar.id}`);
    expect(bodies).toEqual({ n: 5, bodies: 4 });
    expect(visible(notice(english.id)[0])).toContain(
      "The newsroom took Omar oil field off the list of places, so you no longer follow it.",
    );
    expect(visible(notice(covered.id)[0])).toContain("وما زالت أخبارها تصلك عبر متابعتك لـدير الزور");
    expect(buttonLabels(notice(covered.id)[0])).toEqual([]);
    expect(visible(notice(field.id)[0])).toContain("فلم تعد هذه المجموعة تتابعها");
    expect(visible(notice(field.id)[0])).toContain("يستطيع مشرفو المجموعة متابعتها من الزر أدناه");
    // The button follows the place above.
    await h.send(callback(buttonData(toReader, "تابع"), { from: reader }));
    expect(h.app.store.subscriptions.topicIds(reader.id)).toEqual([deirEzZor.id]);

    // Readers no longer find it; the picker does not list it; new articles are not tagged with it.
    const newcomer = user({ language_code: "ar" });
    const typed = await say(newcomer, "subscribe", "حقل العمر");
    expect(typed).toBe(
      "أزالت غرفة الأخبار حقل العمر النفطي من قائمة المناطق. دير الزور هي المنطقة التي تضمها، وأخبار دير الزور تشمل أخبارها.",
    );
    expect(h.app.store.subscriptions.topicIds(newcomer.id)).toEqual([]);
    const [answer] = await h.send(command("subscribe", "حقل العمر", { from: newcomer }));
    expect(buttonLabels(answer)).toEqual(["دير الزور"]);
    await h.send(callback(buttonData(answer, "دير الزور"), { from: newcomer }));
    expect(h.app.store.subscriptions.topicIds(newcomer.id)).toEqual([deirEzZor.id]);
    expect(index().lookup("Omar oil field").matches).toEqual([]);
    const above = index().get(deirEzZor.id);
    if (!above) throw new Error("Deir ez-Zor is gone");
    expect(above.children.map((t) => t.id)).not.toContain(omar.id);
    expect(index().ordered.map((t) => t.id)).not.toContain(omar.id);
    const fieldTitle = "توقف الضخ في حقل العمر النفطي";
    // Its old articles are still Deir ez-Zor's news: /latest of it, and a search naming it.
    expect(await say(newcomer, "latest", "دير الزور")).toContain(fieldTitle);
    expect(await say(newcomer, "search", "دير الزور")).toContain(fieldTitle);
    expect(await say(newcomer, "search", "ضخ النفط في دير الزور")).toContain(fieldTitle);
    // «دير الزور ما عدا حقل العمر» stays so: the field's articles keep away from that reader, and /mytopics says why.
    expect(h.app.store.exceptions.topicIds(exceptReader.id)).toEqual([omar.id]);
    expect(await say(exceptReader, "latest")).not.toContain(fieldTitle);
    const [mine] = await h.send(command("mytopics", "", { from: exceptReader }));
    expect(visible(mine)).toContain("• دير الزور (ما عدا حقل العمر النفطي، خارج قائمة المناطق الآن)");
    expect(bidiProblems(mine?.text ?? "")).toEqual([]);
    const fresh = await say(
      EDITOR,
      "post",
      "عودة الضخ في حقل العمر\nعاد ضخ النفط من حقل العمر النفطي بعد إصلاح الخط المتضرر.",
    );
    const freshId = Number(/#(\d+)/.exec(fresh)?.[1]);
    expect(h.app.store.articles.topicIds(freshId)).not.toContain(omar.id);
    expect(fresh).not.toContain("حقل العمر النفطي");

    // The old article keeps it, through /article and re-tagging alike.
    h.app.deps.importer.retagSince(0);
    expect(h.app.store.articles.topicIds(oldId)).toContain(omar.id);
    expect(h.app.store.articles.topicIds(freshId)).not.toContain(omar.id);
    expect(await say(ADMIN, "article", String(oldId))).toContain("حقل العمر النفطي (أُزيلت من القائمة)");
    // A new catalog version does not bring it back.
    h.app.store.topics.seed("a catalog after the retirement", seedTopics(loadCatalog()));
    expect(h.app.deps.topics.lookup("حقل العمر").matches).toEqual([]);

    // Twice: already done, by name or by number.
    expect(await say(ADMIN, "retiretopic", "حقل العمر النفطي")).toContain(
      "حقل العمر النفطي خارج قائمة المناطق منذ",
    );
    expect(await say(ADMIN_EN, "retiretopic", `#${omar.id}`)).toContain(
      "Omar oil field was already taken off the list of places",
    );
    // The old confirmation pressed again changes nothing and tells nobody twice.
    await h.send(callback(buttonData(question, "نعم"), { from: ADMIN, message }));
    await new Promise((r) => setTimeout(r, 50));
    expect(notice(reader.id)).toHaveLength(1);
  });
});

describe("groups stay quiet", () => {
  it("answers a member's /help, /latest and /topics in a group with one short line and a button to the private chat", async () => {
    const chat = group({ id: -100777, title: "أهالي الميادين" });
    const member = user({ language_code: "ar", first_name: "سامر" });
    for (const text of ["/help", "/latest", "/topics", "/search@nashra_test_bot الميادين"]) {
      const sent = await h.send(groupMessage(text, { from: member, chat }));
      expect(sent, text).toHaveLength(1);
      expect(visible(sent[0]), text).toBe(
        "سامر، أجيب عن هذا في المحادثة الخاصة كي تبقى المجموعة هادئة: افتحها من الزر أدناه.",
      );
      expect(buttonLabels(sent[0])).toEqual(["افتح المحادثة مع نشرة"]);
    }
    // The group's admin still gets the whole answer.
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    const [help] = await h.send(groupMessage("/help", { from: admin, chat }));
    expect(visible(help)).toContain("/subscribe");
    expect(visible(help).length).toBeGreaterThan(300);
  });

  it("says what a group still follows when the bot is added back", async () => {
    const chat = group({ id: -100778, title: "شبكة أخبار البوكمال" });
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    await h.send(myChatMember({ chat, from: admin, oldStatus: "left", newStatus: "member" }));
    await h.send(groupMessage("/subscribe البوكمال، الميادين", { from: admin, chat }));
    await h.send(myChatMember({ chat, from: admin, oldStatus: "member", newStatus: "left" }));
    const [back] = await h.send(myChatMember({ chat, from: admin, oldStatus: "left", newStatus: "member" }));
    expect(visible(back)).toMatch(
      /^👋 عدتُ إلى المجموعة\. ما زالت تتابع منطقتين: (البوكمال، الميادين|الميادين، البوكمال)\./,
    );
  });
});

describe("/stats figures that add up", () => {
  it("counts readers without the staff, and articles today by when they were published", async () => {
    const { importer } = h.app.deps;
    for (const member of [ADMIN, ADMIN_EN, EDITOR]) await say(member, "help");
    const before = h.app.store.stats.readers();
    const staff = h.app.deps.roles.staffIds();
    const staffChats = staff.filter((id) => h.app.store.chats.find(id)?.active).length;
    expect(staffChats).toBeGreaterThanOrEqual(3);
    const stored = h.app.store.articles.count();
    const today = h.app.deps.stats.report().articles.today;
    const now = Date.now();
    // Imported now, published two days ago (a feed's backlog): not "today".
    importer.importOne(
      {
        title: "حريق في أرض زراعية قرب الميادين",
        body: "اندلع حريق في أرض زراعية على أطراف مدينة الميادين قبل يومين، وأخمدته فرق الدفاع المدني بعد ساعات.\n\nولم تُسجَّل إصابات.",
        publishedAt: now - 2 * 86_400_000,
      },
      { origin: "import" },
    );
    importer.importOne(
      {
        title: "افتتاح فرن جديد في البوكمال",
        body: "افتُتح صباح اليوم فرن آلي جديد في مدينة البوكمال يغطي حاجة أحياء المدينة الشرقية من الخبز.\n\nوقال القائمون عليه إنه يعمل على مدار الساعة.",
        publishedAt: now - 1_000,
      },
      { origin: "import" },
    );
    const [text] = (await h.send(command("stats", "", { from: ADMIN_EN }))).map(visible);
    const people = before.private.active - staffChats;
    expect(text).toContain(`• People (private chats): ${people} active, ${before.private.inactive} inactive`);
    expect(text).toContain(`the newsroom staff's own private chats (${staff.length}) are not counted`);
    expect(text).toContain(`Articles: ${today + 1} published today (since midnight), ${stored + 2} in all`);
  });
});
