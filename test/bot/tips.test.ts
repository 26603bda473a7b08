// Readers' tips to the newsroom (docs/tips.md), as a reader and the editors live them through the fake Bot API: a
// photo of a water cut in Mayadin sent unasked, /tip and a text, anonymized or named, an editor's reply reaching the
// reader, a tip made into an article, dismissing, refusing readers who press editors' buttons, and the hourly limit.
import type { Message, User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripBidi } from "../../src/text/html";
import { TIP_LIMIT } from "../../src/tips/service";
import { inlineKeyboardOf } from "../support/fake-bot-api";
import { buttonData, buttonLabels, type Harness, startHarness, visible, waitUntil } from "../support/harness";
import { callback, command, group, message, type NewUpdate, privateChat, user } from "../support/updates";

const ADMIN = user({ first_name: "Lina", language_code: "en" });
const EDITOR = user({ first_name: "ريم", language_code: "ar" });
/** An editor who opens the bot only after tips came. */
const LATE = user({ first_name: "Hadi", language_code: "ar" });

const PHOTO_CAPTION = [
  "انقطاع المياه عن حي الجمعيات في الميادين لليوم الثالث",
  "الأهالي يشترون صهريج الماء بعشرة آلاف ليرة، ومحطة الضخ على ضفة الفرات متوقفة بسبب عطل في المولدة منذ يوم الأحد.",
  "الصورة من أمام المحطة صباح اليوم.",
].join("\n");

const TEXT_TIP = [
  "طوابير طويلة أمام فرن الميادين الآلي",
  "منذ الخامسة فجرًا ينتظر الأهالي أمام الفرن الآلي في الميادين، ويقول العاملون إن مخصصات الطحين تأخرت يومين.",
  "",
  "وفي البوكمال أغلق فرنان من أصل ثلاثة للسبب نفسه.",
].join("\n");

let nextMessageId = 60_000;
const now = () => Math.floor(Date.now() / 1000);

/** A photo a reader sends the bot, with a caption. */
function photo(from: User, caption: string): NewUpdate {
  return {
    message: {
      message_id: nextMessageId++,
      date: now(),
      chat: privateChat(from),
      from,
      photo: [
        {
          file_id: `reader-photo-${nextMessageId}`,
          file_unique_id: `rp${nextMessageId}`,
          width: 1280,
          height: 960,
        },
      ],
      caption,
    },
  };
}

/** A location a reader shares with the bot. */
function location(from: User): NewUpdate {
  return {
    message: {
      message_id: nextMessageId++,
      date: now(),
      chat: privateChat(from),
      from,
      location: { latitude: 35.0167, longitude: 40.45 },
    },
  };
}

/** A message forwarded from a channel («عاجل» from another newsroom). */
function forwarded(from: User, text: string): NewUpdate {
  return {
    message: {
      message_id: nextMessageId++,
      date: now(),
      chat: privateChat(from),
      from,
      text,
      forward_origin: {
        type: "channel",
        date: now() - 60,
        chat: { id: -1001555000111, type: "channel", title: "شبكة الفرات 24" },
        message_id: 812,
      },
    },
  };
}

/** Presses the button labelled `label` of the bot's last message to `chat`, as `from`. */
async function press(h: Harness, from: User, label: string, chatId = from.id) {
  const last = h.fake.lastMessage(chatId) as Message;
  return h.send(callback(buttonData(last, label), { from, message: last }));
}

/** The bot's messages in an editor's chat that name tip `id` (its card), once the outbox delivered them. */
async function cardOf(h: Harness, editor: User, id: number): Promise<Message> {
  const find = () =>
    h.fake.messagesIn(editor.id).find((m) => m.text?.includes(`#${id}`) && inlineKeyboardOf(m).length > 0);
  await waitUntil(
    () => find() !== undefined,
    8000,
    () => h.fake.describeRecentCalls(),
  );
  return find() as Message;
}

/** A message's text as a person reads it (bidi isolates removed). */
const shown = (m: Message | undefined) => stripBidi(m?.text ?? "");

/** The id the reader's confirmation gave the tip («برقم #7»). */
function tipIdOf(text: string): number {
  const id = /#(\d+)/.exec(text)?.[1];
  if (!id) throw new Error(`no tip id in ${text}`);
  return Number(id);
}

describe("a reader's tip reaches the editors", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        ADMIN_IDS: String(ADMIN.id),
        EDITOR_IDS: `${EDITOR.id},${LATE.id}`,
        DEFAULT_TIMEZONE: "Asia/Damascus",
      },
    });
    // Telegram lets the bot write only to staff who have a chat with it.
    await h.send(command("start", "", { from: ADMIN }));
    await h.send(command("start", "", { from: EDITOR }));
  });
  afterAll(async () => {
    await h.stop();
  });

  it("a photo sent unasked is offered as a tip, and sent without the reader's name reaches every editor as a copy", async () => {
    const reader = user({ first_name: "أبو خالد", username: "abu_khaled_dz", language_code: "ar" });
    const [ask] = await h.send(photo(reader, PHOTO_CAPTION));
    expect(visible(ask)).toContain("أرسلها إلى غرفة الأخبار؟");
    expect(buttonLabels(ask)).toEqual(["📨 أرسلها دون اسمي", "👤 أرسلها باسمي", "✖ لا ترسلها"]);

    await press(h, reader, "دون اسمي");
    const confirmed = h.fake.lastMessage(reader.id)?.text ?? "";
    expect(confirmed).toContain("وصلت رسالتك إلى غرفة الأخبار");
    expect(confirmed).toContain("دون اسمك");
    const id = tipIdOf(confirmed);

    for (const staff of [EDITOR, ADMIN]) {
      const card = await cardOf(h, staff, id);
      // The photo itself, copied (no "forwarded from" the reader), then the card with the buttons.
      const copy = h.fake
        .messagesIn(staff.id)
        .find((m) => m.photo !== undefined && m.caption === PHOTO_CAPTION);
      expect(copy).toBeDefined();
      expect(copy?.forward_origin).toBeUndefined();
      expect(shown(card)).not.toContain("أبو خالد");
      expect(shown(card)).not.toContain("abu_khaled_dz");
      expect(shown(card)).toContain("انقطاع المياه عن حي الجمعيات في الميادين");
    }
    const arCard = await cardOf(h, EDITOR, id);
    expect(shown(arCard)).toContain("لم يُظهر القارئ اسمه");
    expect(shown(arCard)).toContain("صورة");
    expect(buttonLabels(arCard)).toEqual(["↩ ردّ على القارئ", "📝 اجعلها مقالًا", "✖ اتركها"]);
    const enCard = await cardOf(h, ADMIN, id);
    expect(shown(enCard)).toContain("the reader chose not to show their name");
    expect(h.fake.callsOf("copyMessage").filter((c) => c.delivered)).toHaveLength(2);
    expect(h.fake.callsOf("forwardMessage")).toHaveLength(0);
  });

  it("/tip and then a text, sent with the reader's name: the editors see who sent it", async () => {
    const reader = user({
      first_name: "سلمى",
      last_name: "العلي",
      username: "salma_mayadin",
      language_code: "ar",
    });
    const [ask] = await h.send(command("tip", "", { from: reader }));
    expect(visible(ask)).toContain("أرسل الآن ما تريد إيصاله إلى غرفة الأخبار");
    const [confirm] = await h.send(message({ text: TEXT_TIP, from: reader }));
    expect(visible(confirm)).toContain("أرسلها إلى غرفة الأخبار؟");
    await press(h, reader, "باسمي");
    const confirmed = h.fake.lastMessage(reader.id)?.text ?? "";
    expect(confirmed).toContain("ومعها اسمك");
    const id = tipIdOf(confirmed);
    const card = await cardOf(h, EDITOR, id);
    expect(shown(card)).toContain("سلمى العلي (@salma_mayadin)");
    expect(shown(card)).toContain("طوابير طويلة أمام فرن الميادين الآلي");
    expect(shown(card)).toContain("وفي البوكمال أغلق فرنان");
    // A text needs no copy: the card carries it.
    expect(h.fake.messagesIn(EDITOR.id).filter((m) => m.text?.includes("طوابير طويلة"))).toHaveLength(1);
  });

  it("a long text tip reaches the editors whole, in as many messages as it takes", async () => {
    const reader = user({ language_code: "ar" });
    const streets = ["حي الجمعيات", "حي التمو", "شارع الكورنيش", "حي البلعوم", "الحي الغربي", "سوق الهال"];
    const paragraphs = ["شهادات الأهالي عن الخبز والطحين في الميادين هذا الأسبوع"];
    for (let i = 0; paragraphs.join("\n\n").length < 3800; i++) {
      const street = streets[i % streets.length] as string;
      paragraphs.push(
        `في ${street} قال أحد السكان إن الخبز لم يصل إلى المعتمد منذ ${i + 2} أيام، وإن ربطة الخبز تباع في السوق ` +
          "السوداء بثلاثة أضعاف سعرها، فيما يقول العاملون في الفرن إن مخصصات الطحين تصل ناقصة ومتأخرة.",
      );
    }
    paragraphs.push(
      "وختامًا: وعدت البلدية بتوزيع إضافي من الطحين يوم الخميس على المعتمدين في الأحياء الشرقية والغربية معًا، " +
        "وقال مختار الحي إن الدفعة ستكفي أسبوعًا، ولم يُعلن ذلك رسميًا بعد.",
    );
    const long = paragraphs.join("\n\n");
    // Near the most a Telegram message holds (4,096): with the card's heading it takes two messages.
    expect(long.length).toBeGreaterThan(4000);
    expect(long.length).toBeLessThan(4096);

    await h.send(message({ text: long, from: reader }));
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    // The card is the only copy of a text: its parts together hold every paragraph, the last one too.
    const last = () =>
      h.fake
        .messagesIn(EDITOR.id)
        .find((m) => shown(m).includes("ولم يُعلن ذلك رسميًا بعد.") && inlineKeyboardOf(m).length > 0);
    await waitUntil(
      () => last() !== undefined,
      8000,
      () => h.fake.describeRecentCalls(),
    );
    const card = last() as Message;
    const parts = h.fake.messagesIn(EDITOR.id).filter((m) => m.message_id <= card.message_id);
    const first = parts.findIndex((m) => shown(m).includes(`#${id}`));
    const cardParts = parts.slice(first);
    expect(cardParts.length).toBeGreaterThan(1);
    const whole = cardParts.map(shown).join("\n");
    for (const paragraph of paragraphs) expect(whole).toContain(paragraph);
    expect(whole).not.toContain("…");
    // The buttons are under the last part only.
    expect(cardParts.filter((m) => inlineKeyboardOf(m).length > 0)).toEqual([card]);
  });

  it("an editor's reply reaches the reader through the bot, without the editor's name", async () => {
    const reader = user({ first_name: "Ahmad", language_code: "ar" });
    await h.send(photo(reader, PHOTO_CAPTION));
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);

    const [prompt] = await h.send(
      callback(buttonData(card, "ردّ على القارئ"), { from: EDITOR, message: card }),
    );
    expect(visible(prompt)).toContain(`اكتب الآن ردّك على الرسالة #${id}`);
    const answer = "شكرًا لك. هل تعرف متى بدأ العطل بالضبط؟ وهل وصلت صهاريج البلدية إلى الحي؟";
    const [done] = await h.send(message({ text: answer, from: EDITOR }));
    expect(visible(done)).toContain(`أُرسل ردّك إلى صاحب الرسالة #${id}`);

    await waitUntil(() => h.fake.sentTo(reader.id).some((m) => visible(m).includes(answer)), 8000);
    const reply = h.fake.sentTo(reader.id).find((m) => visible(m).includes(answer));
    expect(visible(reply)).toContain(`ردّ غرفة الأخبار على رسالتك #${id}`);
    expect(visible(reply)).not.toContain("ريم");
    // The editor's next message is an ordinary message again.
    const [after] = await h.send(message({ text: "الميادين", from: EDITOR }));
    expect(visible(after)).not.toContain("أُرسل ردّك");
  });

  it("an editor makes an article of a tip: the /post text to copy, or published as it is after a tap", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("tip", TEXT_TIP, { from: reader }));
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);

    const [draft] = await h.send(callback(buttonData(card, "اجعلها مقالًا"), { from: EDITOR, message: card }));
    expect(draft?.text).toContain("<pre>/post طوابير طويلة أمام فرن الميادين الآلي\n");
    expect(visible(draft)).toContain("وفي البوكمال أغلق فرنان من أصل ثلاثة للسبب نفسه.");
    await press(h, EDITOR, "انشره كما هو");
    const stored = h.fake.lastMessage(EDITOR.id)?.text ?? "";
    expect(stored).toContain("حُفظ المقال برقم");
    const articleId = Number(/#(\d+)/.exec(stored)?.[1]);
    const article = h.app.deps.articles.get(articleId);
    expect(article?.article.title).toBe("طوابير طويلة أمام فرن الميادين الآلي");
    expect(article?.topics.map((t) => t.slug)).toContain("mayadin");
    // A second press does not store it twice.
    await h.send(
      callback(buttonData(draft, "انشره كما هو"), {
        from: EDITOR,
        message: h.fake.lastMessage(EDITOR.id) as Message,
      }),
    );
    expect(h.fake.lastMessage(EDITOR.id)?.text).toContain("صارت الرسالة");
  });

  it("a dismissed tip loses its buttons; another editor pressing too is told it was handled", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(location(reader));
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);
    expect(shown(card)).toContain("موقع");
    expect(h.fake.messagesIn(EDITOR.id).some((m) => m.location !== undefined)).toBe(true);

    await h.send(callback(buttonData(card, "اتركها"), { from: EDITOR, message: card }));
    expect(stripBidi(String(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text))).toBe(
      "✖ تُركت الرسالة.",
    );
    const edited = h.fake.messagesIn(EDITOR.id).find((m) => m.message_id === card.message_id);
    expect(inlineKeyboardOf(edited)).toEqual([]);
    const adminCard = await cardOf(h, ADMIN, id);
    await h.send(callback(buttonData(adminCard, "Dismiss"), { from: ADMIN, message: adminCard }));
    const toast = h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text;
    expect(toast).toContain("Another editor dismissed it");
  });

  it("a forward from a channel says where it came from; named, it is forwarded so Telegram shows it", async () => {
    const reader = user({ first_name: "Omar", language_code: "ar" });
    await h.send(forwarded(reader, "عاجل | اشتباكات قرب دوار الحزام في الميادين"));
    await press(h, reader, "باسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);
    expect(shown(card)).toContain("محوّلة من: شبكة الفرات 24");
    expect(shown(card)).toContain("رسالة محوّلة");
    expect(h.fake.callsOf("forwardMessage").filter((c) => c.chatId === EDITOR.id)).toHaveLength(1);
  });

  it("a reader forwarding their own message without the name is not named by its origin", async () => {
    const reader = user({
      first_name: "سلمى",
      last_name: "الحسن",
      username: "salma_hasan",
      language_code: "ar",
    });
    const own: NewUpdate = {
      message: {
        message_id: nextMessageId++,
        date: now(),
        chat: privateChat(reader),
        from: reader,
        text: "شاهدت رتلًا عسكريًا يدخل الميادين من جهة دوار الحزام قبل ساعة، وفيه نحو عشرين آلية.",
        forward_origin: { type: "user", date: now() - 3600, sender_user: reader },
      },
    };
    await h.send(own);
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);
    expect(shown(card)).toContain("لم يُظهر القارئ اسمه");
    expect(shown(card)).toContain("رتلًا عسكريًا يدخل الميادين");
    expect(shown(card)).not.toContain("سلمى");
    expect(shown(card)).not.toContain("الحسن");
    expect(shown(card)).not.toContain("محوّلة من");
    // Nor is the name kept for later (/tips shows the card again).
    expect(h.app.deps.tips.find(id)?.origin).toBeNull();

    // A forward from someone who hides their account: Telegram gives only a name, which is left out likewise.
    const hidden: NewUpdate = {
      message: {
        message_id: nextMessageId++,
        date: now(),
        chat: privateChat(reader),
        from: reader,
        text: "وصلتني هذه الرسالة: الجسر المعلق في دير الزور مغلق أمام السيارات منذ الصباح.",
        forward_origin: { type: "hidden_user", date: now() - 600, sender_user_name: "أم سلمى" },
      },
    };
    await h.send(hidden);
    await press(h, reader, "دون اسمي");
    const hiddenId = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const hiddenCard = await cardOf(h, EDITOR, hiddenId);
    expect(shown(hiddenCard)).toContain("الجسر المعلق");
    expect(shown(hiddenCard)).not.toContain("أم سلمى");
    expect(shown(hiddenCard)).not.toContain("محوّلة من");
  });

  it("refuses a reader who presses an editor's button, and changes nothing", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("tip", "حفرة كبيرة في طريق الميادين – ذيبان قرب الجسر", { from: reader }));
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);
    const intruder = user({ language_code: "ar" });
    for (const label of ["اتركها", "اجعلها مقالًا", "ردّ على القارئ"]) {
      const before = h.fake.sentTo(intruder.id).length;
      await h.send(callback(buttonData(card, label), { from: intruder, message: card }));
      const toast = h.fake.callsOf("answerCallbackQuery").at(-1)?.params;
      expect(toast?.show_alert).toBe(true);
      expect(String(toast?.text)).toContain("لمحرري غرفة الأخبار");
      expect(h.fake.sentTo(intruder.id).length).toBe(before);
    }
    expect(h.app.deps.tips.find(id)?.status).toBe("sent");
    // Nor can another reader send someone else's draft.
    await h.send(photo(reader, PHOTO_CAPTION));
    const draft = h.fake.lastMessage(reader.id) as Message;
    await h.send(callback(buttonData(draft, "دون اسمي"), { from: intruder, message: draft }));
    expect(String(h.fake.callsOf("answerCallbackQuery").at(-1)?.params.text)).toContain("سبق أن أُرسلت");
  });

  it("still delivers the card when the reader deleted the photo before an editor's copy was made", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(photo(reader, PHOTO_CAPTION));
    h.fake.failNext(1, {
      method: "copyMessage",
      chatId: EDITOR.id,
      error_code: 400,
      description: "Bad Request: message to copy not found",
    });
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    const card = await cardOf(h, EDITOR, id);
    expect(shown(card)).toContain("انقطاع المياه عن حي الجمعيات في الميادين");
    expect(
      h.fake.messagesIn(EDITOR.id).some((m) => shown(m).includes(`حذف القارئ رسالته الأصلية #${id}`)),
    ).toBe(true);
  });

  it("offers a report typed unasked, and a photo captioned /tip, but leaves a place's name to following", async () => {
    const reader = user({ language_code: "ar" });
    const [report] = await h.send(message({ text: TEXT_TIP, from: reader }));
    expect(visible(report)).toContain("أرسلها إلى غرفة الأخبار؟");
    const [captioned] = await h.send(photo(reader, `/tip ${PHOTO_CAPTION}`));
    expect(visible(captioned)).toContain("أرسلها إلى غرفة الأخبار؟");
    await press(h, reader, "دون اسمي");
    const id = tipIdOf(h.fake.lastMessage(reader.id)?.text ?? "");
    // The editors get the caption without the command in the card (the copy is the reader's photo as sent).
    expect(h.app.deps.tips.find(id)?.text).toBe(PHOTO_CAPTION);
    const [name] = await h.send(message({ text: "الميادين", from: reader }));
    expect(buttonLabels(name)).toContain("تابع الميادين");
  });

  it("leaves places' names one a line to following, as it does names separated by a comma", async () => {
    const reader = user({ language_code: "ar" });
    const [lines] = await h.send(message({ text: "الميادين\nالبوكمال", from: reader }));
    expect(visible(lines)).not.toContain("أرسلها إلى غرفة الأخبار؟");
    expect(buttonLabels(lines)).toEqual(expect.arrayContaining(["تابع الميادين", "تابع البوكمال"]));
    const [comma] = await h.send(message({ text: "الميادين، البوكمال", from: reader }));
    expect(visible(lines)).toBe(visible(comma));
    expect(buttonLabels(lines)).toEqual(buttonLabels(comma));
    // A line that is not a place's name makes it a report again.
    const [report] = await h.send(message({ text: "الميادين\nقصف على الحي الغربي منذ الفجر", from: reader }));
    expect(visible(report)).toContain("أرسلها إلى غرفة الأخبار؟");
    // An offer only: nothing is followed until the reader taps.
    expect(h.app.deps.topics.subscriptionsOf(reader.id)).toEqual([]);
  });

  it("/tips shows an editor who was not there the tips still waiting, each with its buttons; readers are refused", async () => {
    expect(h.fake.messagesIn(LATE.id)).toEqual([]);
    const waiting = h.app.deps.tips.waiting(100);
    expect(waiting.length).toBeGreaterThan(5);
    // Sent at a private chat's pace (one message a second), so the whole answer takes a few seconds.
    const handled = await h.app.deps.metrics.handledUpdates();
    h.fake.pushUpdate(command("tips", "", { from: LATE }));
    const newest = waiting.slice(0, 5).map((t) => t.id);
    await waitUntil(
      () =>
        newest.every((id) =>
          h.fake
            .messagesIn(LATE.id)
            .some((m) => shown(m).includes(`#${id}`) && inlineKeyboardOf(m).length > 0),
        ),
      30_000,
    );
    // Its handling is over before the next update (the harness counts handled updates).
    await waitUntil(async () => (await h.app.deps.metrics.handledUpdates()) > handled, 30_000);
    expect(shown(h.fake.messagesIn(LATE.id)[0])).toContain("أحدث رسائل القراء التي تنتظر");
    // Dismissed and posted tips (tests above) are not among them.
    expect(waiting.every((t) => t.status === "sent")).toBe(true);
    const reader = user({ language_code: "ar" });
    const [refused] = await h.send(command("tips", "", { from: reader }));
    expect(visible(refused)).toContain("لمحرري غرفة الأخبار");
  }, 40_000);

  it("in a group, /tip points to the private chat", async () => {
    const [reply] = await h.send(command("tip", "خبر", { chat: group(), from: user() }));
    expect(visible(reply)).toContain("t.me/nashra_test_bot");
  });
});

describe("the hourly limit of tips", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it(`accepts ${TIP_LIMIT} tips an hour from one reader, then says when the next may be sent`, async () => {
    const reader = user({ language_code: "ar" });
    for (let i = 1; i <= TIP_LIMIT; i++) {
      await h.send(command("tip", `انقطاع الكهرباء في الميادين، التحديث رقم ${i}`, { from: reader }));
      await press(h, reader, "دون اسمي");
      expect(h.fake.lastMessage(reader.id)?.text).toContain("وصلت رسالتك");
    }
    const [refused] = await h.send(
      command("tip", "انقطاع الكهرباء في الميادين، التحديث السادس", { from: reader }),
    );
    expect(visible(refused)).toContain(`أرسلت ${TIP_LIMIT} رسائل إلى غرفة الأخبار خلال الساعة الأخيرة`);
    expect(visible(refused)).toContain("ابتداءً من");
    expect(inlineKeyboardOf(refused)).toEqual([]);
    // /tip alone and an unasked photo are refused the same way, and another reader is not limited.
    expect(visible((await h.send(command("tip", "", { from: reader })))[0])).toContain("خلال الساعة الأخيرة");
    expect(visible((await h.send(photo(reader, PHOTO_CAPTION)))[0])).toContain("خلال الساعة الأخيرة");
    const other = user({ language_code: "en" });
    const [ok] = await h.send(command("tip", "Power is back in Mayadin", { from: other }));
    expect(visible(ok)).toContain("Send it to the newsroom?");
  });
});
