// Photos in articles, as an editor and readers live them (docs/delivery.md, "Photos"): a photo sent with /post or
// /alert in its caption, an imported article's picture by URL; alerts arrive as photos with captions within
// Telegram's limits, the rest of a long text after them, one upload for the whole audience (also across a
// restart mid-broadcast); a picture Telegram refuses falls back to text and the alert still reaches everyone.
import { readFileSync } from "node:fs";
import type { Message, PhotoSize, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { parseJsonArticles } from "../../src/ingest/json";
import { stripBidi } from "../../src/text/html";
import { type FakeCall, parseTelegramHtml } from "../support/fake-bot-api";
import { buttonData, type Harness, startHarness, subscriber, visible, waitUntil } from "../support/harness";
import { storeReader } from "../support/readers";
import { tempDatabasePath } from "../support/temp";
import { callback, command, commandEntities, type NewUpdate, privateChat, user } from "../support/updates";

const EDITOR = user({ language_code: "ar", first_name: "عمر" });
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
).trim();
const [TITLE = "", ...REST] = FIXTURE.split("\n");
/** About 1,500 characters of the fixture's body, whole paragraphs. */
const BODY = (() => {
  const kept: string[] = [];
  for (const paragraph of REST.join("\n").trim().split(/\n\n+/)) {
    if (kept.join("\n\n").length > 1400) break;
    kept.push(paragraph);
  }
  return kept.join("\n\n");
})();
const PICTURE_URL = "https://images.example.org/2026/omar-field.jpg";

let h: Harness | undefined;
let temp = tempDatabasePath();
afterEach(async () => {
  await h?.stop();
  h = undefined;
  temp.cleanup();
  temp = tempDatabasePath();
});

async function start(fake: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness({
    databasePath: temp.path,
    env: { EDITOR_IDS: String(EDITOR.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
    ...fake,
  });
  return h;
}

let nextMessageId = 50_000;
/** A photo (two sizes, as Telegram sends them) with `caption`, from `from` in their private chat. */
function photoUpdate(caption: string, from: User, fileId: string, messageId = nextMessageId++): NewUpdate {
  const sizes: PhotoSize[] = [
    { file_id: `${fileId}-small`, file_unique_id: `${fileId}-u-small`, width: 90, height: 60 },
    { file_id: fileId, file_unique_id: `${fileId}-u`, width: 1280, height: 853 },
  ];
  const entities = commandEntities(caption);
  const message = {
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat: privateChat(from),
    from,
    photo: sizes,
    caption,
    ...(entities ? { caption_entities: entities } : {}),
  } as Message.PhotoMessage & NonNullable<NewUpdate["message"]>;
  return { message };
}

const photosTo = (chatId: number): FakeCall[] =>
  (h as Harness).fake.callsOf("sendPhoto").filter((c) => c.chatId === chatId && c.delivered);

/** A caption as Telegram counts it: UTF-16 code units of the visible text, after the HTML is parsed. */
const captionLength = (call: FakeCall | undefined): number =>
  parseTelegramHtml(String(call?.params.caption ?? "")).text.length;
const captionText = (call: FakeCall | undefined): string =>
  stripBidi(parseTelegramHtml(String(call?.params.caption ?? "")).text);

async function press(label: string): Promise<void> {
  const message = (h as Harness).fake.lastMessage(EDITOR.id);
  await (h as Harness).send(callback(buttonData(message, label), { from: EDITOR, message }));
}

async function statusDone(): Promise<string> {
  const last = () => visible((h as Harness).fake.lastMessage(EDITOR.id));
  await waitUntil(() => last().startsWith("✅"), 20_000, last);
  return last();
}

describe("a photo an editor sends with /post in its caption", () => {
  it("stores the article with its picture, and its alert reaches every reader as that photo, never uploaded", async () => {
    const { fake, app } = await start();
    const readers = [
      await subscriber(h as Harness, "دير الزور"),
      await subscriber(h as Harness, "حقل العمر"),
    ];
    const replies = await (h as Harness).send(
      photoUpdate(`/post ${TITLE}\n${BODY}`, EDITOR, "AgACAgQEditorPhoto1"),
    );
    const reply = visible(replies[0]);
    expect(reply).toMatch(/^✅ حُفظ المقال برقم #\d+/);
    expect(reply).toContain("🖼 حُفظت صورته معه");
    const id = Number(/#(\d+)/.exec(reply)?.[1]);
    const article = app.deps.articles.get(id)?.article;
    expect(article?.title).toBe(TITLE);
    expect(article?.body).toContain("قوات التحالف قامت بالرد");
    expect(article?.image).toBe("AgACAgQEditorPhoto1");

    await (h as Harness).send(command("alert", String(id), { from: EDITOR }));
    // The preview is the photo readers will get, its caption within Telegram's limit.
    const [preview] = photosTo(EDITOR.id);
    expect(preview?.params.photo).toBe("AgACAgQEditorPhoto1");
    expect(captionText(preview)).toContain("عاجل");
    expect(captionText(preview)).toContain(TITLE);
    await press("إرسال");
    expect(await statusDone()).toContain("وصل إلى 2 من 2");
    for (const r of readers) {
      const got = photosTo(r.id);
      expect(got).toHaveLength(1);
      expect(got[0]?.params.photo).toBe("AgACAgQEditorPhoto1");
      expect(captionLength(got[0])).toBeLessThanOrEqual(1024);
      expect(captionText(got[0])).toContain(TITLE);
    }
    // An editor's photo is a file_id already: nothing is uploaded, by URL or otherwise.
    expect(fake.stats.photos).toMatchObject({ byUrl: 0, byUpload: 0 });
  }, 30_000);

  it("answers a photo with /alert <place>: <1,500 characters> with a photo preview and the rest after it", async () => {
    const { fake } = await start();
    const reader = await subscriber(h as Harness, "دير الزور");
    await (h as Harness).send(photoUpdate(`/alert دير الزور: ${BODY}`, EDITOR, "AgACAgQEditorPhoto2"));
    const [preview] = photosTo(EDITOR.id);
    expect(preview?.params.photo).toBe("AgACAgQEditorPhoto2");
    // 1,500 characters do not fit a caption: as much as fits, cut between paragraphs, then the rest as text.
    expect(BODY.length).toBeGreaterThan(1024);
    expect(captionLength(preview)).toBeLessThanOrEqual(1024);
    expect(captionLength(preview)).toBeGreaterThan(500);
    await press("إرسال");
    await statusDone();
    const [photo] = photosTo(reader.id);
    expect(photo?.params.photo).toBe("AgACAgQEditorPhoto2");
    const after = fake
      .sentTo(reader.id)
      .filter((m) => !visible(m).startsWith("✅") && !visible(m).includes("تابعت"));
    const rest = after.map((m) => stripBidi(visible(m))).join("\n");
    const whole = `${captionText(photo)}\n${rest}`.replace(/\s+/g, " ");
    // Every paragraph reaches the reader, in order: the caption's, then the rest's.
    let from = 0;
    for (const paragraph of BODY.split(/\n\n+/)) {
      const at = whole.indexOf(paragraph.replace(/\s+/g, " "), from);
      expect(at, paragraph.slice(0, 40)).toBeGreaterThanOrEqual(from);
      from = at;
    }
    // The photo came first.
    const order = fake.calls.filter((c) => c.chatId === reader.id && c.delivered).map((c) => c.method);
    expect(order.slice(-2)).toEqual(["sendPhoto", "sendMessage"]);
  }, 30_000);

  it("a photo with a /post that has no title gets the usage and stores nothing", async () => {
    const { app } = await start();
    const before = app.store.articles.count();
    const replies = await (h as Harness).send(photoUpdate("/post", EDITOR, "AgACAgQEditorPhoto3"));
    expect(visible(replies[0])).toContain("اكتب المقال بعد الأمر");
    expect(app.store.articles.count()).toBe(before);
  });

  it("a reader's photo with /post in its caption is refused like the command", async () => {
    const { app } = await start();
    const reader = user({ language_code: "ar" });
    const before = app.store.articles.count();
    await (h as Harness).send(command("start", "", { from: reader }));
    await (h as Harness).send(photoUpdate(`/post ${TITLE}\n${BODY}`, reader, "AgACAgQReaderPhoto"));
    expect(app.store.articles.count()).toBe(before);
    const calls = (h as Harness).fake.callsOf("sendMessage").filter((c) => c.chatId === reader.id);
    expect(visible({ text: String(calls.at(-1)?.params.text) })).toContain("مخصص لمحرري");
  });
});

describe("an imported article's picture by URL", () => {
  const importWithImage = (app: Harness["app"]) => {
    const [input] = parseJsonArticles(JSON.stringify([{ title: TITLE, body: BODY, image: PICTURE_URL }]));
    return app.deps.importer.importOne(input as NonNullable<typeof input>, { origin: "import" }).article;
  };

  it("is uploaded once, by the preview, and every reader gets the file_id Telegram returned", async () => {
    const { fake, app } = await start();
    const readers = [];
    for (let i = 0; i < 6; i++) readers.push(await subscriber(h as Harness, "دير الزور"));
    const article = importWithImage(app);
    expect(article.image).toBe(PICTURE_URL);
    await (h as Harness).send(command("alert", String(article.id), { from: EDITOR }));
    const [preview] = photosTo(EDITOR.id);
    expect(preview?.params.photo).toBe(PICTURE_URL);
    await press("إرسال");
    expect(await statusDone()).toContain("وصل إلى 6 من 6");
    const fileId = (fake.lastMessage(EDITOR.id) &&
      photosTo(readers[0]?.id as number)[0]?.params.photo) as string;
    expect(fileId).toMatch(/^file-/);
    for (const r of readers) expect(photosTo(r.id).map((c) => c.params.photo)).toEqual([fileId]);
    expect(fake.stats.photos).toEqual({ byUrl: 1, byFileId: 6, byUpload: 0 });
  }, 30_000);

  it("falls back to text when Telegram refuses the picture, logged, and the alert reaches everyone", async () => {
    const { fake, app } = await start();
    fake.refusePhoto(PICTURE_URL, "Bad Request: wrong type of the web page content");
    const readers = [
      await subscriber(h as Harness, "دير الزور"),
      await subscriber(h as Harness, "دير الزور"),
    ];
    const article = importWithImage(app);
    await (h as Harness).send(command("alert", String(article.id), { from: EDITOR }));
    // The editor's preview shows what readers will get: the text.
    expect(photosTo(EDITOR.id)).toEqual([]);
    await press("إرسال");
    expect(await statusDone()).toContain("وصل إلى 2 من 2");
    for (const r of readers) {
      expect(photosTo(r.id)).toEqual([]);
      const alert = fake
        .sentTo(r.id)
        .map((m) => visible(m))
        .find((t) => t.startsWith("🔴"));
      expect(stripBidi(alert ?? "")).toContain(TITLE);
    }
    // Refused once (the preview's try), remembered: no reader's send tried the URL again.
    expect(fake.stats.photos.byUrl).toBe(1);
    expect(app.store.outbox.photoFile(PICTURE_URL)).toMatchObject({
      refused: "Bad Request: wrong type of the web page content",
    });
  }, 30_000);

  it("is not refused for everyone when one chat cannot take it (a closed topic, a restricted chat)", async () => {
    const { fake, app } = await start();
    const readers = [
      await subscriber(h as Harness, "دير الزور"),
      await subscriber(h as Harness, "دير الزور"),
      await subscriber(h as Harness, "دير الزور"),
    ];
    const [closed, restricted, reader] = readers as [User, User, User];
    fake.failNext(1, {
      method: "sendPhoto",
      chatId: closed.id,
      error_code: 400,
      description: "Bad Request: TOPIC_CLOSED",
    });
    fake.failNext(1, {
      method: "sendPhoto",
      chatId: restricted.id,
      error_code: 400,
      description: "Bad Request: CHAT_RESTRICTED",
    });
    const article = importWithImage(app);
    await (h as Harness).send(command("alert", String(article.id), { from: EDITOR }));
    await press("إرسال");
    await statusDone();
    // The chat that could take it got the photo; the picture is not remembered as refused.
    expect(photosTo(reader.id)).toHaveLength(1);
    expect(app.store.outbox.photoFile(PICTURE_URL)).toHaveProperty("fileId");
  }, 30_000);

  it("tries a URL Telegram could not fetch again after an hour", async () => {
    let later = 0;
    const { fake, app } = await start({ clock: () => Date.now() + later });
    fake.refusePhoto(PICTURE_URL, "Bad Request: failed to get HTTP URL content");
    const reader = await subscriber(h as Harness, "دير الزور");
    const article = importWithImage(app);
    await (h as Harness).send(command("alert", String(article.id), { from: EDITOR }));
    await press("إرسال");
    await statusDone();
    expect(photosTo(reader.id)).toEqual([]);
    // The image host is back; within the hour the refusal holds, after it the picture is tried once more.
    fake.acceptPhoto(PICTURE_URL);
    later = 61 * 60_000;
    // A later story of the same field, with the same picture.
    const [input] = parseJsonArticles(
      JSON.stringify([
        {
          title: "فرق الإطفاء تسيطر على حريق في محيط حقل العمر النفطي",
          body: [
            "تمكنت فرق الإطفاء مساء اليوم من السيطرة على حريق اندلع في أحد خزانات حقل العمر النفطي بريف دير الزور الشرقي.",
            "وقال مصدر في الحقل إن الحريق لم يمتد إلى المنشآت المجاورة، وإن الأضرار اقتصرت على الخزان وخط نقل قريب منه.",
          ].join("\n\n"),
          image: PICTURE_URL,
        },
      ]),
    );
    const update = app.deps.importer.importOne(input as NonNullable<typeof input>, {
      origin: "import",
    }).article;
    await (h as Harness).send(command("alert", String(update.id), { from: EDITOR }));
    await press("إرسال");
    await statusDone();
    expect(photosTo(reader.id)).toHaveLength(1);
    expect(app.store.outbox.photoFile(PICTURE_URL)).toHaveProperty("fileId");
  }, 30_000);
});

describe("a restart in the middle of a photo alert's broadcast", () => {
  it("reuses the file_id of the first upload: one upload in all, every reader one photo", async () => {
    const EDITOR_REQUESTER = {
      id: EDITOR.id,
      name: "عمر",
      language: "ar" as const,
      timeZone: "Asia/Damascus",
    };
    const first = await start({ fake: { latencyMs: 40 } });
    const ids: number[] = [];
    first.app.store.db.transaction(() => {
      for (let i = 0; i < 60; i++)
        ids.push(storeReader(first.app.store, first.app.deps.topics, 300_000 + i, ["deir-ez-zor"]));
    })();
    const [input] = parseJsonArticles(JSON.stringify([{ title: TITLE, body: BODY, image: PICTURE_URL }]));
    const article = first.app.deps.importer.importOne(input as NonNullable<typeof input>, {
      origin: "import",
    }).article;
    const preview = first.app.deps.alerts.preview({ article }, EDITOR_REQUESTER);
    first.app.deps.alerts.confirm(preview.alert.id, EDITOR.id);
    const delivered = (fake: Harness["fake"]) =>
      fake.callsOf("sendPhoto").filter((c) => c.delivered && ids.includes(c.chatId as number));
    // Stopped once the picture is uploaded and some readers have it, well before all of them do.
    await waitUntil(() => delivered(first.fake).length >= 5, 20_000);
    const fileId = first.app.store.outbox.photoFile(PICTURE_URL);
    await first.app.stop();
    await first.fake.close();
    const sentBefore = delivered(first.fake);
    expect(sentBefore.length).toBeLessThan(ids.length);
    expect(fileId).toMatchObject({ fileId: expect.stringMatching(/^file-/) });
    h = undefined;

    // Telegram keeps the bot's files: the new fake knows the file_id and issues others.
    const second = await start({
      fake: {
        files: ["fileId" in (fileId ?? {}) ? (fileId as { fileId: string }).fileId : ""],
        firstFileId: 1000,
      },
    });
    await waitUntil(() => delivered(second.fake).length + sentBefore.length >= ids.length, 20_000);
    const all = [...sentBefore, ...delivered(second.fake)];
    expect(new Set(all.map((c) => c.chatId)).size).toBe(ids.length);
    expect(all).toHaveLength(ids.length);
    expect(first.fake.stats.photos.byUrl).toBe(1);
    expect(second.fake.stats.photos.byUrl).toBe(0);
    expect(new Set(delivered(second.fake).map((c) => c.params.photo))).toEqual(
      new Set([(fileId as { fileId: string }).fileId]),
    );
  }, 60_000);
});

describe("a digest led by a story with a picture", () => {
  it("comes as that photo with the digest's start as its caption, the rest as text; without one, text", async () => {
    const ADMIN = user({ language_code: "ar" });
    h = await startHarness({
      databasePath: temp.path,
      env: { ADMIN_IDS: String(ADMIN.id), DEFAULT_TIMEZONE: "Asia/Damascus" },
    });
    const { fake, app } = h;
    const mayadin = await subscriber(h, "الميادين");
    await h.send(command("schedule", "daily 08:00", { from: ADMIN }));
    const [input] = parseJsonArticles(JSON.stringify([{ title: TITLE, body: BODY, image: PICTURE_URL }]));
    app.deps.importer.importOne(input as NonNullable<typeof input>, { origin: "import" });
    expect(await app.deps.schedules.runNow(1)).toMatchObject({ ran: true, enqueued: 1 });
    await waitUntil(() => photosTo(mayadin.id).length > 0, 15_000);
    const [photo] = photosTo(mayadin.id);
    expect(photo?.params.photo).toBe(PICTURE_URL);
    expect(captionText(photo)).toMatch(/^📰/);
    expect(captionText(photo)).toContain(TITLE);
    expect(captionLength(photo)).toBeLessThanOrEqual(1024);

    // The next digest's lead has no picture: it is text, as digests always were.
    const second = app.deps.importer.importOne(
      {
        title: "ارتفاع أسعار الخبز في مدينة الميادين",
        body: "ارتفع سعر ربطة الخبز في مدينة الميادين للمرة الثانية هذا الشهر.",
      },
      { origin: "import" },
    );
    expect(second.created).toBe(true);
    expect(await app.deps.schedules.runNow(1)).toMatchObject({ ran: true, enqueued: 1 });
    await waitUntil(
      () => fake.sentTo(mayadin.id).some((m) => visible(m).includes("ارتفاع أسعار الخبز")),
      15_000,
    );
    expect(photosTo(mayadin.id)).toHaveLength(1);
  }, 30_000);
});
