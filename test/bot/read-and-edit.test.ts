// Reading an article whole (the «📖» buttons and the a_<id> deep link) and editors fixing what the machine
// decided about an article (/article), through the fake Bot API.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { stripBidi } from "../../src/text/html";
import { bidiProblems } from "../support/bidi";
import { inlineKeyboardOf } from "../support/fake-bot-api";
import { buttonData, buttonLabels, type Harness, startHarness, visible, waitUntil } from "../support/harness";
import { callback, command, group, groupMessage, message, user } from "../support/updates";

const ADMIN = user({ language_code: "en" });
const EDITOR = user({ first_name: "ريم", language_code: "ar" });
/** A report without a link (an import), longer than one Telegram message. */
const ALOUK = readFileSync(
  new URL("../fixtures/articles/alouk-water-station.ar.txt", import.meta.url),
  "utf8",
);
const LAST_PARAGRAPH = "على أمل أن تعود المياه إلى الصنابير قبل أن يشتد الحر أكثر.";
const FIRST_PARAGRAPH = "توقفت محطة مياه علوك في ريف رأس العين عن الضخ للأسبوع الثالث على التوالي";

let h: Harness;
let aloukId = 0;

beforeAll(async () => {
  h = await startHarness({
    env: { ADMIN_IDS: String(ADMIN.id), EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
  });
  aloukId = h.app.deps.importer.importOne(parsePlainText(ALOUK), { origin: "import" }).article.id;
});
afterAll(async () => {
  await h.stop();
});

/** Every message sent to a chat after `before`, as the reader sees them, joined. */
function readSince(chatId: number, before: number): { parts: string[]; raw: string[] } {
  const sent = h.fake.sentTo(chatId).slice(before);
  return { parts: sent.map((m) => visible(m)), raw: sent.map((m) => m.text ?? "") };
}

/** A new reader who follows a place. */
async function follower(place: string, language = "ar") {
  const reader = user({ language_code: language });
  await h.send(command("subscribe", place, { from: reader }));
  return reader;
}

const latestOf = async (reader: ReturnType<typeof user>) =>
  visible((await h.send(command("latest", "", { from: reader })))[0]);

describe("reading an article whole", () => {
  it("offers «📖 1» under /latest, and its press sends the whole report, split into parts Telegram accepts", async () => {
    const reader = await follower("الحسكة");
    const [latest] = await h.send(command("latest", "", { from: reader }));
    expect(visible(latest)).toContain("توقف محطة علوك يقطع مياه الشرب عن مدينة الحسكة");
    // The list shows only the opening; the last paragraph is not there.
    expect(visible(latest)).not.toContain(LAST_PARAGRAPH);
    expect(buttonLabels(latest)).toContain("📖 1");
    const before = h.fake.sentTo(reader.id).length;
    await h.send(
      callback(buttonData(latest, "📖 1"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    const { parts, raw } = readSince(reader.id, before);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of raw) expect([...part].length).toBeLessThanOrEqual(4096);
    const whole = parts.join("\n");
    expect(parts[0]).toContain("توقف محطة علوك يقطع مياه الشرب عن مدينة الحسكة للأسبوع الثالث");
    expect(whole).toContain(FIRST_PARAGRAPH);
    expect(whole).toContain("وفي حي غويران، وهو من أكثر أحياء المدينة اكتظاظًا");
    expect(whole).toContain(LAST_PARAGRAPH);
    expect(whole).toContain(`#${aloukId}`);
    for (const part of raw) expect(bidiProblems(part, [`#${aloukId}`])).toEqual([]);
  });

  it("sends the same whole text to t.me/<bot>?start=a_<id>", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("start", `a_${aloukId}`, { from: reader }));
    const { parts } = readSince(reader.id, 0);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.join("\n")).toContain(LAST_PARAGRAPH);
    // Only the article: no welcome and no picker for someone who came to read.
    expect(parts.join("\n")).not.toContain("مرحبًا");
  });

  it("in a group, links to the bot's private chat instead of filling the group with the text", async () => {
    const chat = group({ id: -100777, title: "أخبار الجزيرة" });
    // The group's admin asks (a member's /latest gets a pointer to the private chat: groups stay quiet).
    const admin = user({ language_code: "ar" });
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    const [latest] = await h.send(groupMessage("/latest الحسكة", { chat, from: admin }));
    const read = inlineKeyboardOf(latest)
      .flat()
      .find((b) => stripBidi(b.text) === "📖 1");
    expect(read && "url" in read ? read.url : undefined).toBe(
      `https://t.me/nashra_test_bot?start=a_${aloukId}`,
    );
  });

  it("answers an unknown article's link and button clearly, in the reader's language", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("start", "a_999999", { from: reader }));
    expect(visible(reply)).toContain("لا يوجد مقال برقم #999999");
    const english = user({ language_code: "en" });
    await h.send(callback("rd:999999", { from: english }));
    expect(visible(h.fake.lastMessage(english.id))).toContain("There is no article #999999");
  });

  it("offers it under /search too, and gives the editor the link after /post without a URL", async () => {
    const reader = user({ language_code: "ar" });
    const [found] = await h.send(command("search", "محطة علوك", { from: reader }));
    expect(buttonLabels(found)).toContain("📖 1");
    const [posted] = await h.send(
      command(
        "post",
        "انقطاع الكهرباء عن أحياء القامشلي\nانقطعت الكهرباء عن معظم أحياء مدينة القامشلي منذ مساء أمس.\n\nوقالت مصادر محلية إن العطل في محطة التحويل الرئيسية.",
        { from: EDITOR },
      ),
    );
    expect(visible(posted)).toMatch(/رابط قراءته كاملًا: https:\/\/t\.me\/nashra_test_bot\?start=a_\d+/);
  });
});

describe("/article", () => {
  it("is refused to a reader, in their language", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("article", String(aloukId), { from: reader }));
    expect(visible(reply)).toContain("هذا الأمر مخصص لمحرري غرفة الأخبار");
    const english = user({ language_code: "en" });
    const [refused] = await h.send(command("article", String(aloukId), { from: english }));
    expect(visible(refused)).toContain("newsroom");
  });

  it("explains itself to an editor, answers an unknown number, and keeps out of groups", async () => {
    const [usage] = await h.send(command("article", "", { from: EDITOR }));
    expect(visible(usage)).toContain("اكتب رقم المقال بعد الأمر، مثل /article 17");
    const [unknown] = await h.send(command("article", "٩٩٩٩٩", { from: EDITOR }));
    expect(visible(unknown)).toContain("لا يوجد مقال برقم #99999");
    const [inGroup] = await h.send(
      groupMessage(`/article ${aloukId}`, { from: EDITOR, chat: group({ id: -100778 }) }),
    );
    expect(visible(inGroup)).toContain("افتح المقالات في محادثتك الخاصة مع البوت");
    expect(buttonLabels(inGroup)).toEqual([]);
  });

  it("shows an editor the article's places, about and mentions, with scores", async () => {
    const [view] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    const text = visible(view);
    expect(text).toContain(`المقال #${aloukId}`);
    expect(text).toContain("توقف محطة علوك يقطع مياه الشرب عن مدينة الحسكة");
    expect(text).toMatch(/المقال عن: الحسكة \(\d+\.\d\)، محطة علوك \(\d+\.\d\)/);
    expect(text).toMatch(/يرد فيه ذكر: .*رأس العين \(\d+\.\d\)/);
    expect(buttonLabels(view)).toEqual(
      expect.arrayContaining(["✖ الحسكة", "↪ الحسكة: ذكر عابر", "⬆ رأس العين: المقال عنها", "🗑 احذف المقال"]),
    );
    // Scores, ids and dates keep their order inside the Arabic lines.
    expect(bidiProblems(view?.text ?? "", [`#${aloukId}`])).toEqual([]);
    // A button of a place gone from the catalog: a toast, and the article keeps its places.
    const before = h.app.store.articles.topicIds(aloukId);
    const message = h.fake.lastMessage(EDITOR.id);
    for (const data of [`ae:r:${aloukId}:999999`, `ae:s:${aloukId}:999999:1`, `ae:t:${aloukId}:999999`]) {
      await h.send(callback(data, { from: EDITOR, message }));
      const toast = h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text;
      expect(stripBidi(String(toast))).toBe("هذه المنطقة لم تعد موجودة.");
    }
    expect(h.app.store.articles.topicIds(aloukId)).toEqual(before);
    expect(h.fake.lastMessage(EDITOR.id)).toEqual(message);
  });

  it("takes a place off: its reader no longer sees the article, even after the catalog re-tags", async () => {
    const reader = await follower("محطة علوك");
    expect(await latestOf(reader)).toContain("توقف محطة علوك");
    const [view] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    await h.send(
      callback(buttonData(view, "✖ محطة علوك"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
    );
    const edited = visible(h.fake.lastMessage(EDITOR.id));
    expect(edited).not.toContain("محطة علوك (");
    expect(edited).toContain("آخر التعديلات");
    expect(edited).toMatch(/· ريم: إزالة محطة علوك/);
    expect(await latestOf(reader)).not.toContain("توقف محطة علوك");

    // /alias re-tags the last 30 days: the editor's choice stays.
    const [aliased] = await h.send(command("alias", "الحسكة | الحسكه الكبرى", { from: ADMIN }));
    expect(visible(aliased)).toContain("now means");
    expect(await latestOf(reader)).not.toContain("توقف محطة علوك");
    const [again] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    expect(visible(again)).not.toContain("محطة علوك (");
  });

  it("switches a mention to about, and adds a place the editor types", async () => {
    const [view] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    await h.send(
      callback(buttonData(view, "⬆ مخيم الهول"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
    );
    const switched = visible(h.fake.lastMessage(EDITOR.id));
    expect(switched).toMatch(/المقال عن: .*مخيم الهول \(\d+\.\d\) ✍/);
    expect(switched).toContain("ريم: جعل المقال عن مخيم الهول");
    const hol = await follower("مخيم الهول");
    expect(await latestOf(hol)).toContain("توقف محطة علوك");

    const deir = await follower("دير الزور");
    expect(await latestOf(deir)).not.toContain("توقف محطة علوك");
    const [current] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    const [prompt] = await h.send(
      callback(buttonData(current, "➕"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }),
    );
    expect(visible(prompt)).toContain(`اكتب اسم المنطقة التي تريد إضافتها إلى المقال #${aloukId}`);
    const replies = await h.send(message({ text: "دير الزور", from: EDITOR }));
    expect(visible(replies[0])).toContain(`أُضيفت دير الزور إلى المقال #${aloukId}`);
    expect(visible(replies[1])).toMatch(/المقال عن: .*دير الزور ✍/);
    expect(visible(replies[1])).toContain("ريم: إضافة دير الزور (المقال عنها)");
    expect(bidiProblems(replies[1]?.text ?? "", [`#${aloukId}`])).toEqual([]);
    expect(await latestOf(deir)).toContain("توقف محطة علوك");
    // The question is answered: the next plain message is not taken as a place for the article.
    const [next] = await h.send(message({ text: "حلب", from: EDITOR }));
    expect(visible(next)).not.toContain("أُضيفت");
  });

  it("leaves buttons only under the newest view after «➕»: the view it was pressed on and a short name's choices lose theirs", async () => {
    const now = (m: { message_id: number } | undefined) =>
      h.fake.messagesIn(EDITOR.id).find((x) => x.message_id === m?.message_id);
    await h.send(command("article", String(aloukId), { from: EDITOR }));
    const first = h.fake.lastMessage(EDITOR.id);
    await h.send(callback(buttonData(first, "➕"), { from: EDITOR, message: first }));
    const typed = await h.send(message({ text: "الرقة", from: EDITOR }));
    expect(visible(typed[0])).toContain(`أُضيفت الرقة إلى المقال #${aloukId}`);
    // The old view keeps its text, without the buttons that would act on what it no longer shows.
    expect(visible(now(first))).toContain(`المقال #${aloukId}`);
    expect(visible(now(first))).not.toContain("الرقة ✍");
    expect(buttonLabels(now(first))).toEqual([]);
    const second = h.fake.lastMessage(EDITOR.id);
    expect(visible(second)).toMatch(/المقال عن: .*الرقة ✍/);
    expect(buttonLabels(second)).toEqual(expect.arrayContaining(["✖ الرقة", "➕ أضف منطقة"]));

    // A short name: the choice's buttons go too once one is pressed.
    await h.send(callback(buttonData(second, "➕"), { from: EDITOR, message: second }));
    const [choice] = await h.send(message({ text: "دير", from: EDITOR }));
    expect(buttonLabels(choice)).toEqual(["دير الزور", "مطار دير الزور العسكري"]);
    const choices = h.fake.lastMessage(EDITOR.id);
    const chosen = await h.send(callback(buttonData(choice, "مطار"), { from: EDITOR, message: choices }));
    expect(visible(chosen[0])).toContain(`أُضيفت مطار دير الزور العسكري إلى المقال #${aloukId}`);
    expect(buttonLabels(now(second))).toEqual([]);
    expect(buttonLabels(now(choices))).toEqual([]);
    const third = h.fake.lastMessage(EDITOR.id);
    expect(visible(third)).toMatch(/مطار دير الزور العسكري ✍/);
    expect(buttonLabels(third)).toContain("➕ أضف منطقة");
  });

  it("deletes an article only after a confirmation; it leaves /latest, search and its link", async () => {
    const reader = await follower("الحسكة");
    const [view] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    await h.send(callback(buttonData(view, "🗑"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }));
    const question = h.fake.lastMessage(EDITOR.id);
    expect(visible(question)).toContain(`أتحذف المقال #${aloukId}`);
    // "No" keeps it and shows the article again.
    await h.send(callback(buttonData(question, "لا، أبقِه"), { from: EDITOR, message: question }));
    expect(visible(h.fake.lastMessage(EDITOR.id))).toContain("المقال عن:");
    expect(await latestOf(reader)).toContain("توقف محطة علوك");
    expect(await latestOf(user({ language_code: "ar" }))).toContain("توقف محطة علوك");

    // An alert of the article went out before: what was enqueued and delivered stays, nothing is sent again.
    await h.send(command("alert", String(aloukId), { from: EDITOR }));
    const ask = h.fake.lastMessage(EDITOR.id);
    await h.send(callback(buttonData(ask, "إرسال"), { from: EDITOR, message: ask }));
    await waitUntil(() => visible(h.fake.lastMessage(EDITOR.id)).startsWith("✅"), 10_000);
    const rows = () => ({
      outbox: (h.app.store.db.prepare("SELECT count(*) AS n FROM outbox").get() as { n: number }).n,
      deliveries: (
        h.app.store.db
          .prepare("SELECT count(*) AS n FROM article_deliveries WHERE article_id = ?")
          .get(aloukId) as { n: number }
      ).n,
    });
    const sentBefore = rows();
    expect(sentBefore.deliveries).toBeGreaterThan(0);
    const readerMessages = h.fake.sentTo(reader.id).length;

    const [again] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    await h.send(callback(buttonData(again, "🗑"), { from: EDITOR, message: h.fake.lastMessage(EDITOR.id) }));
    const confirm = h.fake.lastMessage(EDITOR.id);
    await h.send(callback(buttonData(confirm, "نعم، احذفه"), { from: EDITOR, message: confirm }));
    const done = visible(h.fake.lastMessage(EDITOR.id));
    expect(done).toContain(`المقال #${aloukId} محذوف`);
    expect(done).toContain("ريم: حذف المقال");
    expect(rows()).toEqual(sentBefore);
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    expect(h.fake.sentTo(reader.id)).toHaveLength(readerMessages);

    expect(await latestOf(reader)).not.toContain("توقف محطة علوك");
    // A reader who follows nothing sees every article: not this one.
    expect(await latestOf(user({ language_code: "ar" }))).not.toContain("توقف محطة علوك");
    const [search] = await h.send(command("search", "محطة علوك", { from: reader }));
    expect(visible(search)).not.toContain("توقف محطة علوك");
    const [link] = await h.send(command("start", `a_${aloukId}`, { from: reader }));
    expect(visible(link)).toContain(`حذف المحررون المقال #${aloukId}`);
    const [shown] = await h.send(command("article", String(aloukId), { from: EDITOR }));
    expect(visible(shown)).toContain(`المقال #${aloukId} محذوف`);
    expect(visible(shown)).toContain("ريم: حذف المقال");
    // Imported again, the same report is a new article (the editor meant it), not the deleted one.
    const again2 = h.app.deps.importer.importOne(parsePlainText(ALOUK), { origin: "import" });
    expect(again2.created).toBe(true);
    expect(again2.article.id).not.toBe(aloukId);
  });
});
