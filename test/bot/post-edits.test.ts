// An editor who edits the message of a /post (docs/delivery.md, "Edits"): the stored article takes the new title
// and body, is tagged and indexed for search again, and the editor is told; an edit that leaves no title, or any
// other edited message, changes nothing.
import type { Message, User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness, visible } from "../support/harness";
import { commandEntities, type NewUpdate, privateChat, user } from "../support/updates";

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
