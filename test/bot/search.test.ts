// /search through the bot: several words in any order, the passage in bold, the hint for common words, and page
// buttons whose token works only in the chat that searched (and, in a group, only for its admins).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { stripBidi } from "../../src/text/html";
import { buttonData, type Harness, startHarness, visible } from "../support/harness";
import { callback, command, group, groupMessage, user } from "../support/updates";

const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { DEFAULT_TIMEZONE: "Asia/Damascus" } });
  h.app.deps.importer.importOne(parsePlainText(FIXTURE), { origin: "import" });
  // Seven different reports from Hajin's market, so a search has two pages.
  const goods = [
    "البندورة والخيار بعد موجة الصقيع التي أتلفت محاصيل المزارعين في القرى المجاورة",
    "لحم الغنم بعد تراجع أعداد المواشي القادمة من البادية وارتفاع أسعار الأعلاف",
    "السكر والأرز إثر تأخر وصول الشاحنات من الحسكة بسبب إغلاق المعبر النهري",
    "زيت الزيتون والسمن مع اقتراب الشتاء وإقبال العائلات على تخزين المؤن",
    "الأدوية المزمنة في الصيدليات القليلة التي ما زالت تعمل في البلدة",
    "الحطب والمازوت المستخدم في التدفئة بعد تقليص مخصصات المحروقات المدعومة",
    "حليب الأطفال المستورد الذي يباع بالدولار في محلات قليلة قرب الجامع الكبير",
  ];
  goods.forEach((what, i) => {
    h.app.deps.importer.importOne(
      {
        title: `سوق هجين: ارتفاع أسعار ${what.split(" ")[0]} في الأسبوع ${i + 1}`,
        body: `شهد سوق بلدة هجين في ريف دير الزور الشرقي ارتفاعًا في أسعار ${what}.\n\nوقال أحد التجار إن أسعار الطحين أيضًا تغيرت، وإن الأهالي باتوا يشترون حاجتهم يومًا بيوم.`,
      },
      { origin: "import" },
    );
  });
});
afterAll(async () => {
  await h.stop();
});

const toast = () => stripBidi(String(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text));

describe("/search", () => {
  it.each(["خامنئي سليماني", "سليماني خامنئي"])(
    "%s finds the report, with the passage where the words are in bold",
    async (query) => {
      const reader = user({ language_code: "ar" });
      const [reply] = await h.send(command("search", query, { from: reader }));
      expect(visible(reply)).toContain(`«${query}» · مقال واحد`);
      expect(visible(reply)).toContain("استهداف قاعدة التحالف بحقل العمر");
      // The passage, not the opening: the words are deep in the report.
      expect(reply?.text).toMatch(/<b>(سليماني|خامنئي)<\/b>/);
      expect(visible(reply)).not.toContain("استهدفت ثمانية صواريخ محيط قاعدة");
    },
  );

  it("marks a result that only names the place asked for, as /latest does", async () => {
    // The report is about the Omar oil field and Mayadin; it names al-Bukamal once.
    const [reply] = await h.send(command("search", "Abu Kamal", { from: user({ language_code: "ar" }) }));
    expect(visible(reply)).toContain("استهداف قاعدة التحالف");
    expect(visible(reply)).toContain("يرد فيه ذكر البوكمال عرضًا");
    expect(reply?.text).toContain("<b>والبوكمال</b>");
  });

  it("answers a query of only common words with a hint", async () => {
    const [reply] = await h.send(command("search", "في من على", { from: user({ language_code: "ar" }) }));
    expect(visible(reply)).toContain("شائعة جدًا");
    expect(visible(reply)).not.toContain("استهداف قاعدة التحالف");
    const [english] = await h.send(command("search", "the of", { from: user({ language_code: "en" }) }));
    expect(visible(english)).toContain("too common to search for");
  });

  it("pages with a token only the chat that searched can use", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("search", "الطحين هجين", { from: reader }));
    expect(visible(reply)).toContain("7 مقالات · صفحة 1 من 2");
    const data = buttonData(reply, "التالي");
    expect(data).toMatch(/^sr:[A-Za-z0-9_-]{8}:1$/);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    await h.send(callback(data, { from: reader, message: h.fake.lastMessage(reader.id) }));
    expect(visible(h.fake.lastMessage(reader.id))).toContain("صفحة 2 من 2");

    // Another reader pressing the same data (or an old sequential one) gets "expired" and nothing of the query.
    const other = user({ language_code: "ar" });
    const edits = h.fake.callsOf("editMessageText").length;
    await h.send(callback(data, { from: other }));
    expect(toast()).toBe("انتهت صلاحية هذا الزر.");
    await h.send(callback("sr:1:0", { from: other }));
    expect(toast()).toBe("انتهت صلاحية هذا الزر.");
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits);
  });

  it("in a group, lets only the group's admins turn a search's pages", async () => {
    const chat = group({ id: -100777 });
    const admin = user({ language_code: "ar" });
    const member = user({ language_code: "ar" });
    h.fake.setChat(chat.id, chat);
    h.fake.setChatMember(chat.id, admin.id, "administrator");
    h.fake.setChatMember(chat.id, member.id, "member");
    // An admin searches (a member's /search gets a pointer to the private chat: groups stay quiet).
    const [reply] = await h.send(groupMessage("/search هجين الطحين", { from: admin, chat }));
    const data = buttonData(reply, "التالي");
    const message = h.fake.lastMessage(chat.id);
    const edits = h.fake.callsOf("editMessageText").length;
    await h.send(callback(data, { from: member, message }));
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits);
    await h.send(callback(data, { from: admin, message }));
    expect(h.fake.callsOf("editMessageText")).toHaveLength(edits + 1);
    expect(visible(h.fake.lastMessage(chat.id))).toContain("صفحة 2 من 2");
  });
});
