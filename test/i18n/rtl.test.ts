// Every Arabic message the bot can send reads right to left: each line with an Arabic letter is a right-to-left
// paragraph under the Unicode Bidirectional Algorithm (bidi-js), and commands, @names, URLs, ids, numbers and
// Latin words appear on screen in their own order. Every key of ar.ftl, formatted with realistic arguments; then
// what the bot sends to Arabic readers, editors and admins in a scripted session against the fake Bot API.
import { readFileSync } from "node:fs";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { I18n } from "../../src/i18n";
import { bidiProblems } from "../support/bidi";
import { buttonData, type Harness, startHarness, visible, waitUntil } from "../support/harness";
import { callback, command, message, user } from "../support/updates";

const i18n = new I18n("ar");

/** Tokens that must read in order wherever they appear (besides what `bidiProblems` finds by itself). */
const TOKENS = [
  "/subscribe",
  "/alert 17",
  "#17",
  "@nashra_bot",
  "https://www.enabbaladi.net/feed",
  "Deir ez-Zor",
  "-1001234567890",
  "Asia/Damascus",
];

/** Arguments as the code passes them, Latin where a reader or an admin may well have typed Latin. */
const ARGS: Record<string, string | number> = {
  name: "Omar",
  chat: "group",
  section: "Deir ez-Zor",
  feed: "Euphrates Desk",
  ids: "#17، #18، #19",
  topic: "Deir ez-Zor",
  topics: "Deir ez-Zor، Mayadin",
  children: "Mayadin، Al-Bukamal",
  parent: "Syria",
  input: "Deir ez-Zor",
  query: "Omar oil field",
  command: "/subscribe@nashra_bot",
  alerts: "مفعّلة",
  digests: "متوقفة",
  language: "English",
  timezone: "Asia/Damascus",
  zone: "Damascus",
  time: "08:15",
  when: "كل يوم الساعة 08:00 (Damascus)",
  next: "2 كانون الأول 2026، 08:00",
  id: "#17",
  user: "123456789",
  detail: "daily 25:00",
  field: "الساعات",
  names: "Deir ez-Zor، Deir Hafer",
  by: "Lina",
  title: "Enab Baladi RSS",
  text: "انقطاع الكهرباء عن Deir ez-Zor",
  slug: "al-shuhayl",
  alias: "Deir Ezzor city",
  // A muted word or list of them (Latin in Arabic lines, the hard case).
  phrase: "Champions League",
  phrases: "«football»، «مباراة»",
  words: 5,
  chars: 60,
  other: "Deir Hafer",
  url: "https://www.enabbaladi.net/feed",
  status: 503,
  error: "ECONNRESET",
  day: "الجمعة",
  // Schedules in words (staff.ftl).
  days: "يوم الاثنين والخميس",
  times: "08:00 و20:00",
  list: "الاثنين والخميس",
  minute: "00",
  schedule: "#3",
  old: "هجين",
  cron: "0 */6 * * *",
  role: "editor",
  variable: "EDITOR_IDS",
  rank: 1,
  max: 10,
  page: 1,
  pages: 17,
  minutes: 10,
  sent: 2,
  total: 2,
  failed: 0,
  blocked: 1,
  // A reader's tip (share.ftl): what it holds, where a forward came from, the article made of it.
  kind: "صورة",
  origin: "Deir ez-Zor 24",
  article: "#18",
  readers: 3,
  active: 12,
  inactive: 1,
  depth: 0,
  today: 4,
  failures: 3,
  // Quiet hours and the reader's own digest.
  from: "23:00",
  to: "07:00",
  second: "20:00",
  mode: "التنبيهات تصل فيها بلا صوت",
};

describe("every message of ar.ftl", () => {
  it.each(i18n.keys("ar"))("%s", (key) => {
    for (const count of [0, 1, 2, 3, 11, 100]) {
      const args = { ...ARGS, count };
      expect(bidiProblems(i18n.t("ar", key, args), TOKENS), `${key} (count ${count})`).toEqual([]);
      expect(bidiProblems(i18n.plain("ar", key, args), TOKENS), `${key} as plain text`).toEqual([]);
    }
    // A message formats without error (a missing argument would leave only the key), and in a channel too.
    expect(i18n.t("ar", key, { ...ARGS, count: 1 })).not.toBe(key);
    expect(bidiProblems(i18n.t("ar", key, { ...ARGS, chat: "channel", count: 2 }), TOKENS)).toEqual([]);
    // An Arabic place name as the argument, as most are.
    const arabic = { ...ARGS, topic: "دير الزور", input: "دير الزور", section: "دير الزور", count: 5 };
    expect(bidiProblems(i18n.t("ar", key, arabic), TOKENS)).toEqual([]);
  });
});

// --- A scripted session ------------------------------------------------------------------------------------------

const ADMIN = user({ language_code: "ar", first_name: "رهف" });
const EDITOR = user({ language_code: "ar", first_name: "عمر" });
const READER = user({ language_code: "ar", first_name: "Sami" });
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: { ADMIN_IDS: String(ADMIN.id), EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
  });
});
afterAll(() => h.stop());

/** Every text the bot put in front of the Arabic users (messages, edits, captions, buttons, toasts, menus). */
function arabicOutput(): { where: string; text: string }[] {
  const chats = new Set([ADMIN.id, EDITOR.id, READER.id]);
  const out: { where: string; text: string }[] = [];
  for (const method of ["sendMessage", "editMessageText", "sendPhoto"]) {
    for (const call of h.fake.callsOf(method)) {
      if (!chats.has(Number(call.params.chat_id))) continue;
      const text = String(call.params.text ?? call.params.caption ?? "");
      out.push({ where: method, text });
      const markup = call.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
      for (const b of markup?.inline_keyboard?.flat() ?? [])
        out.push({ where: `${method} button`, text: b.text });
    }
  }
  for (const call of h.fake.callsOf("answerCallbackQuery")) {
    if (call.params.text) out.push({ where: "toast", text: String(call.params.text) });
  }
  for (const call of h.fake.callsOf("setMyCommands")) {
    if (call.params.language_code !== "ar") continue;
    for (const c of call.params.commands as { description: string }[])
      out.push({ where: "menu", text: c.description });
  }
  return out;
}

describe("what the bot sends to Arabic users", () => {
  it("reads right to left everywhere: commands, lists, alerts, digests, /stats", async () => {
    const say = (from: User, cmd: string, args = "") => h.send(command(cmd, args, { from }));
    // Readers.
    await say(READER, "start");
    await say(READER, "help");
    await say(READER, "subscribe", "Deir ez-Zor");
    await say(READER, "subscribe", "الميادين");
    await say(READER, "subscribe", "Dayr Hafir");
    await say(READER, "mytopics");
    await say(READER, "settings");
    // The picker's drill-down, unfollowing through a parent, a question about following (issue 13 items 3, 4).
    await say(READER, "topics");
    // A (✓) tapped asks: follow it on its own too, or keep the parent except it (issue 14 item 2).
    for (const label of [
      "دير الزور ‹",
      "الميادين",
      "الميادين",
      "وحدها أيضًا",
      "التالي",
      "رجوع",
      "دول الجوار",
    ]) {
      const shown = h.fake.lastMessage(READER.id);
      await h.send(callback(buttonData(shown, label), { from: READER, message: shown }));
    }
    await say(READER, "unsubscribe", "الميادين");
    await say(READER, "subscribe", "Omar field و Deir Ezzour");
    await h.send(message({ text: "كيف أتابع أخبار حلب؟", from: READER }));
    await say(READER, "frobnicate");
    await h.send(message({ text: "أخبار Deir ez-Zor اليوم", from: READER }));
    // Editors: an article with Latin names and a link, /latest, /search, an alert sent to the reader.
    await say(
      EDITOR,
      "post",
      "قصف على Deir ez-Zor وتحرك قوات SDF قرب حقل العمر\nأفادت مصادر محلية في دير الزور أن 8 صواريخ سقطت قرب قاعدة التحالف في حقل العمر، وبثّت قناة الميادين الخبر.\nhttps://www.enabbaladi.net/archives/17",
    );
    h.app.deps.importer.importOne(
      { title: FIXTURE.split("\n")[0] as string, body: FIXTURE.split("\n").slice(1).join("\n").trim() },
      { origin: "import" },
    );
    await say(EDITOR, "help");
    await say(READER, "latest");
    await say(READER, "search", "Deir ez-Zor");
    await say(READER, "search", "حقل العمر");
    await say(EDITOR, "alert", "1");
    await h.send(callback(buttonData(h.fake.lastMessage(EDITOR.id), "إرسال"), { from: EDITOR }));
    await waitUntil(() => visible(h.fake.lastMessage(EDITOR.id)).startsWith("✅"), 10_000);
    await say(EDITOR, "alerts");
    h.app.store.feeds.add("https://www.enabbaladi.net/feed", { title: "Enab Baladi", autoAlert: true });
    await say(EDITOR, "feeds");
    await say(EDITOR, "alert", "");
    // Admins: schedules, a digest run, a preview, roles, figures.
    await say(ADMIN, "help");
    await say(ADMIN, "schedule", "daily 08:00 tz=Asia/Damascus");
    await say(ADMIN, "schedule", '"0 */6 * * *" Deir ez-Zor');
    await say(ADMIN, "schedule", "daily 25:00");
    await say(ADMIN, "schedules");
    await say(ADMIN, "digestpreview", String(READER.id));
    await say(ADMIN, "digestpreview", "-1001234567890");
    await say(ADMIN, "digestnow", "1");
    await waitUntil(() => h.fake.sentTo(READER.id).some((m) => visible(m).startsWith("📰")), 10_000);
    await say(ADMIN, "grant", "123456789 editor");
    await say(ADMIN, "revoke", "123456789");
    await say(ADMIN, "grant", "");
    await say(ADMIN, "stats");

    const output = arabicOutput();
    expect(output.length).toBeGreaterThan(60);
    for (const kind of ["🔴", "📰", "📊"])
      expect(output.some((o) => visible({ text: o.text }).startsWith(kind))).toBe(true);
    const problems = output.flatMap(({ where, text }) =>
      bidiProblems(text, TOKENS).map((p) => `${where}: ${p}`),
    );
    expect(problems).toEqual([]);
  }, 120_000); // replies to one chat are paced (1.1 s apart), so a scripted session takes a while
});
