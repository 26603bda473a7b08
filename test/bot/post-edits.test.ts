// An editor who edits the message of a /post (docs/delivery.md, "Edits"): the stored article takes the new title
// and body, is tagged and indexed for search again, and the editor is told; an edit that leaves no title, or any
// other edited message, changes nothing.
import type { Message, User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { telegramErrors } from "../support/fake-bot-api";
import {
  buttonData,
  buttonLabels,
  type Harness,
  startHarness,
  subscriber,
  visible,
  waitUntil,
} from "../support/harness";
import { callback, command, commandEntities, type NewUpdate, privateChat, user } from "../support/updates";

const EDITOR = user({ language_code: "ar", first_name: "عمر", last_name: "الحسن" });

const ORIGINAL = [
  "/post سقوط قذائف صاروخية قرب حقل العمر النفطي",
  "أفادت مصادر محلية بسقوط ثلاث قذائف صاروخية فجر اليوم في محيط حقل العمر النفطي، أكبر حقول النفط في سوريا، دون ورود أنباء عن إصابات.",
  "",
  "وقالت المصادر إن دوي الانفجارات سُمع في القرى المجاورة، فيما حلّقت طائرات مسيّرة فوق المنطقة لساعات.",
].join("\n");

// The correction: the shells fell near Mayadin's bridge, not the oil field; the count was five.
const CORRECTED = [
  "/post سقوط خمس قذائف قرب جسر الميادين",
  "أفادت مصادر محلية بسقوط خمس قذائف فجر اليوم قرب جسر مدينة الميادين، دون ورود أنباء عن إصابات.",
  "",
  "وقالت المصادر إن دوي الانفجارات سُمع في الأحياء الشرقية للمدينة، فيما حلّقت طائرات مسيّرة فوق ضفتي الفرات لساعات.",
].join("\n");

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" } });
});
afterEach(() => h.stop());

let nextId = 80_000;
function textMessage(text: string, from: User, messageId: number) {
  const entities = commandEntities(text);
  return {
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat: privateChat(from),
    from,
    text,
    ...(entities ? { entities } : {}),
  } as Message.TextMessage & NonNullable<NewUpdate["message"]>;
}

async function post(text: string, from: User = EDITOR): Promise<{ id: number; messageId: number }> {
  const messageId = nextId++;
  const [reply] = await h.send({ message: textMessage(text, from, messageId) });
  return { id: Number(/#(\d+)/.exec(visible(reply))?.[1]), messageId };
}

/** The editor edits their message; returns what the bot then said in that chat. */
async function edit(messageId: number, text: string, from: User = EDITOR): Promise<string[]> {
  const before = h.fake.sentTo(from.id).length;
  await h.send({
    edited_message: { ...textMessage(text, from, messageId), edit_date: Math.floor(Date.now() / 1000) },
  });
  return h.fake
    .sentTo(from.id)
    .slice(before)
    .map((m) => visible(m));
}

const found = (words: string) => h.app.deps.articles.search(words, 0).items.map((a) => a.id);
const topicSlugs = (id: number) => h.app.deps.articles.get(id)?.topics.map((t) => t.slug) ?? [];

describe("an editor edits the message of a /post", () => {
  it("updates the article's title and body, re-tags it, re-indexes it, and says so", async () => {
    const { id, messageId } = await post(ORIGINAL);
    expect(topicSlugs(id)).toContain("omar-oil-field");
    expect(found("قذائف صاروخية")).toEqual([id]);

    const replies = await edit(messageId, CORRECTED);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(new RegExp(`^✏️ حُدّث المقال #${id} بتعديلك`));
    expect(replies[0]).toContain("الميادين");
    const article = h.app.deps.articles.get(id)?.article;
    expect(article?.title).toBe("سقوط خمس قذائف قرب جسر الميادين");
    expect(article?.body).toContain("قرب جسر مدينة الميادين");
    expect(article?.body).not.toContain("حقل العمر");
    // Tagged again: Mayadin now, not the oil field.
    expect(topicSlugs(id)).toContain("mayadin");
    expect(topicSlugs(id)).not.toContain("omar-oil-field");
    // Search reads the new text only.
    expect(found("جسر")).toEqual([id]);
    expect(found("صاروخية")).toEqual([]);
    // Recorded as the editor's change.
    expect(h.app.deps.editor.changes(id)[0]?.change).toEqual({ kind: "edit-text", by: "عمر الحسن" });
    // The same edit again: nothing to change.
    expect(await edit(messageId, CORRECTED)).toEqual([`المقال #${id} بهذا النص من قبل، ولم يتغير شيء.`]);
  });

  it("keeps the article when the edit leaves no title, and says why", async () => {
    const { id, messageId } = await post(ORIGINAL);
    const replies = await edit(messageId, "/post");
    expect(replies).toEqual([
      `لم يعد في الرسالة المعدّلة عنوان، فبقي المقال #${id} كما كان. اترك سطرًا أول بعد /post.`,
    ]);
    expect(h.app.deps.articles.get(id)?.article.title).toBe("سقوط قذائف صاروخية قرب حقل العمر النفطي");
  });

  it("refuses an edit that gives the article another article's link, and keeps it as it was", async () => {
    const first = await post(
      [
        "/post انقطاع المياه عن أحياء الميادين الشرقية",
        "https://furat.example/news/mayadin-water",
        "أعلنت مديرية المياه انقطاع الضخ عن الأحياء الشرقية لمدينة الميادين بسبب عطل في محطة الضخ الرئيسية.",
        "",
        "وقالت المديرية إن ورشات الصيانة بدأت العمل، وإن الضخ يعود خلال يومين.",
      ].join("\n"),
    );
    const { id, messageId } = await post(ORIGINAL);
    const replies = await edit(
      messageId,
      [
        ORIGINAL.split("\n")[0],
        "https://furat.example/news/mayadin-water",
        ...ORIGINAL.split("\n").slice(1),
      ].join("\n"),
    );
    expect(replies).toEqual([
      `تعديلك يجعل المقال #${id} مطابقًا للمقال #${first.id} في نصه أو رابطه، فبقي كما كان.`,
    ]);
    const article = h.app.deps.articles.get(id)?.article;
    expect(article?.url).toBeNull();
    expect(article?.title).toBe("سقوط قذائف صاروخية قرب حقل العمر النفطي");
    // Its own link, kept in an edit of its text, is no duplicate of itself.
    const again = await edit(
      first.messageId,
      [
        "/post انقطاع المياه عن أحياء الميادين الشرقية ليومين",
        "https://furat.example/news/mayadin-water",
        "أعلنت مديرية المياه انقطاع الضخ عن الأحياء الشرقية لمدينة الميادين بسبب عطل في محطة الضخ الرئيسية.",
      ].join("\n"),
    );
    expect(again[0]).toMatch(new RegExp(`^✏️ حُدّث المقال #${first.id} بتعديلك`));
  });

  it("takes an edit of a /Post written with a capital letter", async () => {
    const { id, messageId } = await post(ORIGINAL.replace("/post", "/Post"));
    expect(id).toBeGreaterThan(0);
    const replies = await edit(messageId, CORRECTED.replace("/post", "/Post"));
    expect(replies[0]).toMatch(new RegExp(`^✏️ حُدّث المقال #${id} بتعديلك`));
    expect(h.app.deps.articles.get(id)?.article.title).toBe("سقوط خمس قذائف قرب جسر الميادين");
  });

  it("ignores other edited messages: a reader's, and an editor's that made no article", async () => {
    const reader = user({ language_code: "ar" });
    const readerMessage = nextId++;
    await h.send({ message: textMessage("الميادين", reader, readerMessage) });
    expect(await edit(readerMessage, "/post عنوان مزيف\nنص", reader)).toEqual([]);
    const before = h.app.store.articles.count();
    const plain = nextId++;
    await h.send({ message: textMessage("مرحبا", EDITOR, plain) });
    expect(await edit(plain, CORRECTED)).toEqual([]);
    expect(h.app.store.articles.count()).toBe(before);
  });
});

/** Sends /alert <id>, presses Send, and waits until every copy is out. */
async function alertArticle(id: number): Promise<void> {
  await h.send(command("alert", String(id), { from: EDITOR }));
  await pressLast("إرسال");
  const last = () => visible(h.fake.lastMessage(EDITOR.id));
  await waitUntil(() => last().startsWith("✅"), 20_000, last);
}

async function pressLast(label: string, message = h.fake.lastMessage(EDITOR.id)): Promise<void> {
  await h.send(callback(buttonData(message, label), { from: EDITOR, ...(message ? { message } : {}) }));
}

/** The alert a reader has now (after edits), as they read it. */
const alertOf = (chatId: number): string =>
  visible({
    text: h.fake.messagesIn(chatId).find((m) => visible({ text: m.text ?? m.caption ?? "" }).startsWith("🔴"))
      ?.text,
  });
const editsTo = (chatId: number) =>
  h.fake.calls.filter((c) => c.method.startsWith("editMessage") && c.chatId === chatId && c.delivered);

describe("an edited /post that already went out as an alert", () => {
  it("is not corrected in readers' chats until the editor confirms; then each copy is edited once", async () => {
    const readers = [
      await subscriber(h, "حقل العمر"),
      await subscriber(h, "دير الزور"),
      await subscriber(h, "Deir ez-Zor", "en"),
    ];
    const { id, messageId } = await post(ORIGINAL);
    await alertArticle(id);
    for (const r of readers) expect(alertOf(r.id)).toContain("سقوط قذائف صاروخية قرب حقل العمر النفطي");

    const replies = await edit(messageId, CORRECTED);
    expect(replies[0]).toContain("أُرسل تنبيهًا من قبل: وصل إلى 3 محادثات. تبقى نسخها كما هي ما لم تصحّحها.");
    const offer = h.fake.lastMessage(EDITOR.id);
    expect(buttonLabels(offer)).toEqual(["✏️ صحّح التنبيه عند من وصله (3)"]);
    // Nothing is edited before the confirmation.
    for (const r of readers) expect(editsTo(r.id)).toEqual([]);

    await pressLast("صحّح التنبيه", offer);
    await waitUntil(() => readers.every((r) => editsTo(r.id).length === 1), 20_000);
    for (const r of readers) {
      expect(alertOf(r.id)).toContain("سقوط خمس قذائف قرب جسر الميادين");
      expect(alertOf(r.id)).not.toContain("حقل العمر");
      expect(editsTo(r.id)[0]?.method).toBe("editMessageText");
    }
    // The English reader's copy keeps its English label.
    expect(alertOf(readers[2]?.id as number)).toMatch(/^🔴 Breaking/);
    expect(visible(h.fake.lastMessage(EDITOR.id))).toContain(
      `جارٍ تصحيح تنبيه المقال #${id} في 3 محادثات وصلها.`,
    );

    // A second press of the same button corrects nothing again (once the sender has recorded the first ones).
    await waitUntil(() => h.app.store.outbox.queueDepth() === 0, 10_000);
    await pressLast("صحّح التنبيه", offer);
    expect(h.app.store.outbox.queueDepth()).toBe(0);
    const toasts = h.fake.callsOf("answerCallbackQuery").map((c) => String(c.params.text));
    expect(toasts.at(-1)).toBe("صُحّح التنبيه بهذا النص من قبل.");
    for (const r of readers) expect(editsTo(r.id)).toHaveLength(1);
  }, 40_000);

  it("corrects a photo alert's caption, the picture kept", async () => {
    const reader = await subscriber(h, "حقل العمر");
    const messageId = nextId++;
    const photo = (caption: string) => {
      const entities = commandEntities(caption);
      return {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: privateChat(EDITOR),
        from: EDITOR,
        photo: [{ file_id: "AgACAgQEditPhoto", file_unique_id: "u-edit", width: 1280, height: 853 }],
        caption,
        ...(entities ? { caption_entities: entities } : {}),
      } as Message.PhotoMessage & NonNullable<NewUpdate["message"]>;
    };
    const [stored] = await h.send({ message: photo(ORIGINAL) });
    const id = Number(/#(\d+)/.exec(visible(stored))?.[1]);
    await alertArticle(id);
    await h.send({ edited_message: { ...photo(CORRECTED), edit_date: Math.floor(Date.now() / 1000) } });
    await pressLast("صحّح التنبيه");
    await waitUntil(() => editsTo(reader.id).length === 1, 20_000);
    expect(editsTo(reader.id)[0]?.method).toBe("editMessageCaption");
    const copy = h.fake.messagesIn(reader.id).find((m) => m.photo);
    expect(copy?.photo?.[0]?.file_id).toBe("AgACAgQEditPhoto");
    expect(visible({ text: copy?.caption })).toContain("سقوط خمس قذائف قرب جسر الميادين");
  }, 40_000);

  it("edited while its alert is still going out: readers not yet reached get the new text, the others a correction", async () => {
    const readers = [
      await subscriber(h, "حقل العمر"),
      await subscriber(h, "دير الزور"),
      await subscriber(h, "Deir ez-Zor", "en"),
    ];
    const [waiting, ...reached] = readers as [User, User, User];
    const { id, messageId } = await post(ORIGINAL);
    // Telegram makes the first reader's copy wait: it is still queued when the editor corrects the article.
    h.fake.failNext(1, { method: "sendMessage", chatId: waiting.id, ...telegramErrors.tooManyRequests(3) });
    await h.send(command("alert", String(id), { from: EDITOR }));
    await pressLast("إرسال");
    const ref = () => h.app.store.outbox.progress(`alert:${h.app.store.alerts.sentForArticle(id)[0]?.id}`);
    await waitUntil(
      () => ref().sent === 2 && ref().queued === 1,
      20_000,
      () => JSON.stringify(ref()),
    );
    for (const r of reached) expect(alertOf(r.id)).toContain("سقوط قذائف صاروخية قرب حقل العمر النفطي");

    const replies = await edit(messageId, CORRECTED);
    expect(replies[0]).toContain("⏳ تنبيهه قيد الإرسال الآن: من لم يصله بعد يصله النص الجديد.");
    expect(replies[0]).toContain("وصل إلى محادثتين. تبقى نسخها كما هي ما لم تصحّحها.");
    const offer = h.fake.lastMessage(EDITOR.id);
    expect(buttonLabels(offer)).toEqual(["✏️ صحّح التنبيه عند من وصله (2)"]);

    // The waiting reader's copy goes out with the new text, once: nothing of it to correct.
    await waitUntil(() => alertOf(waiting.id) !== "", 20_000);
    expect(alertOf(waiting.id)).toContain("سقوط خمس قذائف قرب جسر الميادين");
    expect(alertOf(waiting.id)).not.toContain("حقل العمر");

    await pressLast("صحّح التنبيه", offer);
    await waitUntil(() => reached.every((r) => editsTo(r.id).length === 1), 20_000);
    for (const r of reached) expect(alertOf(r.id)).toContain("سقوط خمس قذائف قرب جسر الميادين");
    expect(alertOf(reached[1].id)).toMatch(/^🔴 Breaking/);
    expect(editsTo(waiting.id)).toEqual([]);
    expect(h.fake.sentTo(waiting.id).filter((m) => visible(m).startsWith("🔴"))).toHaveLength(1);
  }, 40_000);

  it("says why nothing is corrected when no copy has gone out yet", async () => {
    const reader = await subscriber(h, "حقل العمر");
    const { id, messageId } = await post(ORIGINAL);
    h.fake.failNext(1, { method: "sendMessage", chatId: reader.id, ...telegramErrors.tooManyRequests(3) });
    await h.send(command("alert", String(id), { from: EDITOR }));
    await pressLast("إرسال");
    const alertRef = () => `alert:${h.app.store.alerts.sentForArticle(id)[0]?.id}`;
    await waitUntil(() => h.fake.callsOf("sendMessage").some((c) => c.chatId === reader.id), 20_000);
    await waitUntil(() => h.app.store.outbox.progress(alertRef()).queued === 1, 20_000);

    const replies = await edit(messageId, CORRECTED);
    expect(replies[0]).toContain("⏳ تنبيهه قيد الإرسال الآن");
    expect(replies[0]).not.toContain("وصل إلى");
    const offer = h.fake.lastMessage(EDITOR.id);
    expect(buttonLabels(offer)).toEqual(["✏️ صحّح ما وصل منه بالنص القديم"]);
    await pressLast("صحّح ما وصل", offer);
    const toasts = h.fake.callsOf("answerCallbackQuery").map((c) => String(c.params.text));
    expect(toasts.at(-1)).toBe("لم تصل نسخة منه بعد إلى محادثة نشطة، فلا شيء يُصحَّح الآن.");
    await waitUntil(() => alertOf(reader.id) !== "", 20_000);
    expect(alertOf(reader.id)).toContain("سقوط خمس قذائف قرب جسر الميادين");
  }, 40_000);

  it("keeps the watched-word line of a reader the alert reached by a word, and notes surplus parts", async () => {
    const watcher = await subscriber(h, "الحسكة");
    await h.send(command("watch", "طائرات مسيّرة", { from: watcher }));
    const follower = await subscriber(h, "حقل العمر");
    const { id, messageId } = await post(ORIGINAL);
    await alertArticle(id);
    expect(alertOf(watcher.id)).toContain("🔎 وصل لأنه يذكر كلمة مرصودة: «طائرات مسيّرة»");
    // The follower's copy took two messages (as a longer card would): the correction needs one.
    const second = h.fake.messagesIn(follower.id).find((m) => !visible({ text: m.text }).startsWith("🔴"));
    const alert = h.app.store.alerts.sentForArticle(id)[0]?.id;
    h.app.store.db
      .prepare(
        "UPDATE outbox SET message_ids = json_insert(message_ids, '$[#]', ?) WHERE ref = ? AND chat_id = ?",
      )
      .run(second?.message_id, `alert:${alert}`, follower.id);

    await edit(messageId, CORRECTED);
    await pressLast("صحّح التنبيه");
    await waitUntil(() => editsTo(watcher.id).length === 1 && editsTo(follower.id).length === 2, 20_000);
    expect(alertOf(watcher.id)).toContain("سقوط خمس قذائف قرب جسر الميادين");
    expect(alertOf(watcher.id)).toContain("🔎 وصل لأنه يذكر كلمة مرصودة: «طائرات مسيّرة»");
    expect(alertOf(follower.id)).not.toContain("🔎");
    const note = h.fake.messagesIn(follower.id).find((m) => m.message_id === second?.message_id);
    expect(visible({ text: note?.text })).toBe("(صُحّح هذا التنبيه أعلاه.)");
  }, 40_000);
});
