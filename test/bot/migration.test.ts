// A group that becomes a supergroup whose id the bot already knows keeps what it follows and what it received:
// no alert twice, no article twice in a digest.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { buttonData, type Harness, received, startHarness, visible, waitUntil } from "../support/harness";
import { callback, command, group, groupMessage, supergroup, user } from "../support/updates";

const ADMIN = user({ language_code: "en" });
const GROUP = group({ id: -4_310, title: "أخبار دير الزور" });
const SUPERGROUP = supergroup({ id: -1_001_004_310, title: "أخبار دير الزور" });

const OIL_FIELD = `استهداف قاعدة التحالف بحقل العمر بالصواريخ

استهدفت ثمانية صواريخ محيط قاعدة التحالف الدولي المتواجدة بحقل العمر النفطي في ريف دير الزور الشرقي صباح اليوم، وفق مصادر محلية.

وقال مصدر في التحالف إن الصواريخ سقطت في أرض خالية قرب القاعدة، دون وقوع ضحايا أو أضرار مادية.`;

const WATER = `انقطاع المياه عن أحياء في مدينة الميادين

أعلنت مديرية المياه في دير الزور انقطاع الضخ عن أحياء عدة في مدينة الميادين منذ صباح اليوم، بسبب عطل في محطة الضخ الرئيسية على نهر الفرات.

وقال مصدر في المديرية إن فرق الصيانة تعمل على إصلاح العطل، وإن المياه ستعود خلال يومين على الأكثر، فيما يعتمد السكان على الصهاريج الخاصة.`;

const BRIDGE = `افتتاح جسر مؤقت فوق نهر الفرات قرب البوكمال

افتتحت السلطات المحلية في البوكمال جسرًا مؤقتًا فوق نهر الفرات، يربط المدينة بالقرى الواقعة على الضفة الأخرى.

وقال مسؤول محلي إن الجسر سيخفف معاناة المزارعين الذين كانوا يعبرون النهر بالعبّارات، وإن العمل جارٍ على جسر دائم.`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { ADMIN_IDS: String(ADMIN.id), DEFAULT_TIMEZONE: "Asia/Damascus" } });
});
afterAll(() => h.stop());

const importArticle = (text: string) =>
  h.app.deps.importer.importOne(parsePlainText(text), { origin: "import" }).article.id;

/** Telegram's service message in a chat that says where the group went, or where it came from. */
let serviceMessageId = 50_000;
function serviceMessage(fields: Record<string, unknown>): Omit<Update, "update_id"> {
  return {
    message: { message_id: serviceMessageId++, date: Math.floor(Date.now() / 1000), from: ADMIN, ...fields },
  } as Omit<Update, "update_id">;
}

/** Runs /digestnow 1 and waits for the admin to hear how it went; returns that reply. */
async function digestNow(): Promise<string> {
  const before = h.fake.sentTo(ADMIN.id).length;
  await h.send(command("digestnow", "1", { from: ADMIN }));
  await waitUntil(
    () =>
      /Schedule #1: /.test(visible(h.fake.lastSent(ADMIN.id))) && h.fake.sentTo(ADMIN.id).length > before + 1,
  );
  return visible(h.fake.lastSent(ADMIN.id));
}

describe("a group that becomes a supergroup already known", () => {
  it("gets neither the alert nor the digest's articles again, and what comes next", async () => {
    h.fake.setChatMember(GROUP.id, ADMIN.id, "administrator");
    await h.send(groupMessage("/subscribe دير الزور", { from: ADMIN, chat: GROUP }));
    await h.send(command("schedule", "daily 08:00", { from: ADMIN }));

    // An alert about the oil field, then a digest with the water cut (the alerted article is left out).
    const oilField = importArticle(OIL_FIELD);
    await h.send(command("alert", String(oilField), { from: ADMIN }));
    const question = h.fake.lastMessage(ADMIN.id);
    await h.send(callback(buttonData(question, "Send"), { from: ADMIN, message: question }));
    await waitUntil(() => received(h, GROUP.id, "🔴").length === 1);
    importArticle(WATER);
    expect(await digestNow()).toContain("digests prepared for 1 of 1 reader");
    await waitUntil(() => received(h, GROUP.id, "📰").length === 1);
    expect(received(h, GROUP.id, "📰")[0]).toContain("انقطاع المياه عن أحياء في مدينة الميادين");

    // Someone writes in the supergroup before Telegram's notice arrives: the bot knows its id already.
    await h.send(groupMessage("/help", { from: user({ language_code: "ar" }), chat: SUPERGROUP }));
    h.fake.migrateChat(GROUP.id, SUPERGROUP.id);
    await h.send(serviceMessage({ chat: GROUP, migrate_to_chat_id: SUPERGROUP.id }));
    await h.send(serviceMessage({ chat: SUPERGROUP, migrate_from_chat_id: GROUP.id }));

    // The same article again: the supergroup has had it.
    const replies = await h.send(command("alert", String(oilField), { from: ADMIN }));
    expect(visible(replies.at(-1))).toContain("This article already reached the one chat that follows it");
    // The next digest has only what is new.
    importArticle(BRIDGE);
    expect(await digestNow()).toContain("digests prepared for 1 of 1 reader");
    await waitUntil(() => received(h, SUPERGROUP.id, "📰").length === 1);
    const [digest] = received(h, SUPERGROUP.id, "📰");
    expect(digest).toContain("افتتاح جسر مؤقت فوق نهر الفرات قرب البوكمال");
    expect(digest).not.toContain("انقطاع المياه");
    expect(digest).not.toContain("حقل العمر");
    expect(received(h, SUPERGROUP.id, "🔴")).toEqual([]);
    expect(h.app.store.chats.find(GROUP.id)).toBeUndefined();
  });
});
