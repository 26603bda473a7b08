// The bot's questions whose answer is the person's next message (/tip alone, an editor's «↩» under a tip, /article's
// «➕») survive a restart: Nashra stops between the question and the answer, starts again on the same database, and
// the answer is still read as the tip, the reply or the place's name; past its time it is an ordinary message again.
import type { Message, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { inlineKeyboardOf } from "../support/fake-bot-api";
import { buttonData, type Harness, startHarness, visible, waitUntil } from "../support/harness";
import { tempDatabasePath } from "../support/temp";
import { callback, command, message, user } from "../support/updates";

const EDITOR = user({ first_name: "ريم", language_code: "ar" });
const MINUTE = 60_000;

let h: Harness | undefined;
let temp = tempDatabasePath();
/** How far the app's clock is ahead of the real one (to let a question expire). */
let ahead = 0;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  temp.cleanup();
  temp = tempDatabasePath();
  ahead = 0;
});

/** Starts Nashra on this test's database (the same file after a restart). */
async function start(): Promise<Harness> {
  h = await startHarness({
    databasePath: temp.path,
    env: { EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
    clock: () => Date.now() + ahead,
  });
  return h;
}

/** Stops Nashra as a deploy would, keeping the database, and starts it again on it. */
async function restart(): Promise<Harness> {
  if (h) {
    await h.app.stop();
    await h.fake.close();
  }
  h = undefined;
  return start();
}

/** The editor's card of tip `id`, once the outbox delivered it. */
async function cardOf(bot: Harness, id: number): Promise<Message> {
  const find = () =>
    bot.fake.messagesIn(EDITOR.id).find((m) => m.text?.includes(`#${id}`) && inlineKeyboardOf(m).length > 0);
  await waitUntil(
    () => find() !== undefined,
    8000,
    () => bot.fake.describeRecentCalls(),
  );
  return find() as Message;
}

/** A reader's tip, sent without the name; its id. */
async function sentTip(bot: Harness, reader: User, text: string): Promise<number> {
  await bot.send(command("tip", "", { from: reader }));
  const [confirm] = await bot.send(message({ text, from: reader }));
  await bot.send(
    callback(buttonData(confirm, "دون اسمي"), { from: reader, message: bot.fake.lastMessage(reader.id) }),
  );
  return Number(/#(\d+)/.exec(bot.fake.lastMessage(reader.id)?.text ?? "")?.[1]);
}

describe("a question asked before a restart", () => {
  it("/tip alone: the message sent after the restart is the tip", async () => {
    const reader = user({ first_name: "سامر", language_code: "ar" });
    const first = await start();
    const [ask] = await first.send(command("tip", "", { from: reader }));
    expect(visible(ask)).toContain("أرسل الآن ما تريد إيصاله إلى غرفة الأخبار");

    const second = await restart();
    // A short text: unasked, it would be read as a place to follow.
    const [confirm] = await second.send(message({ text: "حريق في سوق الميادين", from: reader }));
    expect(visible(confirm)).toContain("أرسلها إلى غرفة الأخبار؟");
    // Answered: the next message is an ordinary one again.
    const [next] = await second.send(message({ text: "الميادين", from: reader }));
    expect(visible(next)).not.toContain("أرسلها إلى غرفة الأخبار؟");
  });

  it("an editor's «↩»: the text written after the restart reaches the reader as the reply", async () => {
    const reader = user({ first_name: "Ahmad", language_code: "ar" });
    const first = await start();
    await first.send(command("start", "", { from: EDITOR }));
    const id = await sentTip(first, reader, "انقطاع المياه عن حي الجمعيات في الميادين لليوم الثالث");
    const card = await cardOf(first, id);
    const [prompt] = await first.send(
      callback(buttonData(card, "ردّ على القارئ"), { from: EDITOR, message: card }),
    );
    expect(visible(prompt)).toContain(`اكتب الآن ردّك على الرسالة #${id}`);

    const second = await restart();
    const answer = "شكرًا لك، متى بدأ العطل؟";
    const [done] = await second.send(message({ text: answer, from: EDITOR }));
    expect(visible(done)).toContain(`أُرسل ردّك إلى صاحب الرسالة #${id}`);
    await waitUntil(() => second.fake.sentTo(reader.id).some((m) => visible(m).includes(answer)), 8000);
    const reply = second.fake.sentTo(reader.id).find((m) => visible(m).includes(answer));
    expect(visible(reply)).toContain(`ردّ غرفة الأخبار على رسالتك #${id}`);
  });

  it("/article's «➕»: the name typed after the restart adds the place", async () => {
    const first = await start();
    const article = first.app.deps.importer.importOne(
      parsePlainText("توقف محطة مياه علوك عن الضخ\n\nتوقفت محطة مياه علوك في ريف رأس العين عن الضخ."),
      { origin: "import" },
    ).article.id;
    const [view] = await first.send(command("article", String(article), { from: EDITOR }));
    const [prompt] = await first.send(
      callback(buttonData(view, "➕"), { from: EDITOR, message: first.fake.lastMessage(EDITOR.id) }),
    );
    expect(visible(prompt)).toContain(`اكتب اسم المنطقة التي تريد إضافتها إلى المقال #${article}`);

    const second = await restart();
    const replies = await second.send(message({ text: "دير الزور", from: EDITOR }));
    expect(visible(replies[0])).toContain(`أُضيفت دير الزور إلى المقال #${article}`);
    expect(visible(replies[1])).toMatch(/المقال عن: .*دير الزور ✍/);
  });

  it("expires across a restart as it would have: a /tip answered after 30 minutes is no tip", async () => {
    const reader = user({ first_name: "سامر", language_code: "ar" });
    const first = await start();
    await first.send(command("tip", "", { from: reader }));
    ahead = 31 * MINUTE;
    const second = await restart();
    const [answer] = await second.send(message({ text: "حريق في سوق الميادين", from: reader }));
    expect(visible(answer)).not.toContain("أرسلها إلى غرفة الأخبار؟");
  });
});
