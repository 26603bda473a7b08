// Articles through the bot: /post, /latest, /search, /addtopic, /alias, /feeds — as editors and readers see them.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "../../src/ingest/plain-text";
import { type FeedServer, serveFeeds } from "../support/feed-server";
import { buttonData, buttonLabels, type Harness, startHarness, visible } from "../support/harness";
import { callback, command, user } from "../support/updates";

const ADMIN = user({ language_code: "en" });
const EDITOR = user({ language_code: "ar" });
const FIXTURE = readFileSync(
  new URL("../fixtures/articles/omar-field-rockets.ar.txt", import.meta.url),
  "utf8",
);
const RSS = readFileSync(new URL("../fixtures/feeds/euphrates-desk.rss", import.meta.url), "utf8");

let h: Harness;
let feedServer: FeedServer;
let feedRoot = "";
let fixtureId = 0;

beforeAll(async () => {
  h = await startHarness({
    env: {
      ADMIN_IDS: String(ADMIN.id),
      EDITOR_IDS: String(EDITOR.id),
      DEFAULT_TIMEZONE: "Asia/Damascus",
      // The test feeds are served on 127.0.0.1, which a newsroom must allow explicitly.
      FEED_ALLOW_HOSTS: "127.0.0.1",
    },
  });
  fixtureId = h.app.deps.importer.importOne(parsePlainText(FIXTURE), { origin: "import" }).article.id;
  feedServer = await serveFeeds((req, res) => {
    if (req.url === "/feed.rss") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"v1"' });
      res.end(RSS);
    } else if (req.url === "/broken.rss") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end("<rss><channel><item><title>unclosed");
    } else if (req.url === "/down.rss") {
      res.writeHead(503);
      res.end();
    } else if (req.url === "/page.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><html><body><h1>مكتب الفرات</h1><p>الصفحة الرئيسية</p></body></html>");
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  feedRoot = feedServer.url;
});
afterAll(async () => {
  await h.stop();
  await feedServer.close();
});

describe("/latest", () => {
  it("shows a Mayadin subscriber the fixture, linked to its topics through the hierarchy", async () => {
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "الميادين", { from: reader }));
    const [reply] = await h.send(command("latest", "", { from: reader }));
    const text = visible(reply);
    expect(text).toContain("آخر أخبار مناطقك");
    expect(text).toContain("استهداف قاعدة التحالف بحقل العمر");
    expect(text).toContain(`#${fixtureId}`);
  });

  it("keeps Latin names and numbers in order inside Arabic titles", async () => {
    h.app.deps.importer.importOne(
      { title: "قصف قرب Omar oil field في الميادين صباح 23 الشهر", body: "في مدينة الميادين." },
      { origin: "import" },
    );
    const reader = user({ language_code: "ar" });
    await h.send(command("subscribe", "الميادين", { from: reader }));
    const [reply] = await h.send(command("latest", "", { from: reader }));
    expect(reply?.text).toContain("قصف قرب \u2068Omar oil field\u2069 في الميادين صباح \u206823\u2069 الشهر");
  });

  it("does not give readers of places the report names in passing its news", async () => {
    for (const place of ["التنف", "بغداد", "لبنان", "حمص"]) {
      const reader = user({ language_code: "ar" });
      await h.send(command("subscribe", place, { from: reader }));
      const [reply] = await h.send(command("latest", "", { from: reader }));
      expect(visible(reply), place).not.toContain("استهداف قاعدة التحالف");
    }
  });

  it("reaches a Syria subscriber too (descendants included)", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Syria", { from: reader }));
    const [reply] = await h.send(command("latest", "", { from: reader }));
    expect(visible(reply)).toContain("استهداف قاعدة التحالف");
  });

  it("takes a topic in any spelling", async () => {
    const [reply] = await h.send(command("latest", "Abu Kamal", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toContain("Latest: Al-Bukamal");
    // The report names al-Bukamal once: asked for by name it shows, marked as a mention.
    expect(visible(reply)).toContain("استهداف قاعدة التحالف");
    expect(visible(reply)).toContain("names Al-Bukamal only in passing");
  });

  it("without subscriptions shows the newest overall and a hint to subscribe", async () => {
    const [reply] = await h.send(command("latest", "", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toContain("Latest news");
    expect(visible(reply)).toContain("You don't follow any place yet");
  });

  it("says when a topic has no news, with no empty keyboard", async () => {
    const [reply] = await h.send(command("latest", "Quneitra", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toContain("No articles about Quneitra yet.");
    expect(reply?.reply_markup).toBeUndefined();
  });
});

describe("/search", () => {
  it.each(["دير الزور", "دَيْر الزُّور", "بدير الزور", "ديرالزور", "حقل العمر", "بحقل العمر", "Deir Ezzor"])(
    "%s finds the fixture",
    async (query) => {
      const [reply] = await h.send(command("search", query, { from: user({ language_code: "ar" }) }));
      expect(visible(reply)).toContain("استهداف قاعدة التحالف");
    },
  );

  it("handles queries shorter than a trigram", async () => {
    const [reply] = await h.send(command("search", "55", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toContain("استهداف قاعدة التحالف");
  });

  it("offers to follow a place it names", async () => {
    const reader = user({ language_code: "ar" });
    const [reply] = await h.send(command("search", "الميادين", { from: reader }));
    expect(buttonLabels(reply)).toContain("تابع الميادين");
    await h.send(
      callback(buttonData(reply, "تابع الميادين"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(h.app.deps.topics.subscriptionsOf(reader.id).map((t) => t.slug)).toEqual(["mayadin"]);
  });

  it("says so when nothing matches, and escapes the query", async () => {
    const [reply] = await h.send(command("search", "<b>zzzz</b>", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toBe("🔎 Nothing found for “<b>zzzz</b>”.");
  });

  it("pages through many results", async () => {
    for (let i = 0; i < 7; i++) {
      h.app.deps.importer.importOne(
        { title: `Hajin market report ${i}`, body: `Prices in Hajin, week ${i}` },
        { origin: "import" },
      );
    }
    const reader = user({ language_code: "en" });
    const [reply] = await h.send(command("search", "Hajin market", { from: reader }));
    expect(visible(reply)).toContain("7 articles · page 1/2");
    await h.send(
      callback(buttonData(reply, "Next"), { from: reader, message: h.fake.lastMessage(reader.id) }),
    );
    expect(visible(h.fake.lastMessage(reader.id))).toContain("page 2/2");
  });

  it("explains its use when empty", async () => {
    const [reply] = await h.send(command("search", "", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toContain("Send the words to look for");
  });
});

describe("/post", () => {
  it("stores the editor's article and answers with #id and its topics", async () => {
    const [reply] = await h.send(
      command(
        "post",
        "قصف مدفعي على البوكمال\nتعرضت أطراف مدينة البوكمال لقصف مدفعي صباح اليوم.\nhttps://news.example.org/2022/01/06/bukamal?utm_source=tg",
        { from: EDITOR },
      ),
    );
    const text = visible(reply);
    const id = Number(/#(\d+)/.exec(text)?.[1]);
    expect(text).toContain(`حُفظ المقال برقم #${id}`);
    expect(text).toContain("البوكمال");
    const article = h.app.store.articles.get(id);
    expect(article).toMatchObject({
      title: "قصف مدفعي على البوكمال",
      url: "https://news.example.org/2022/01/06/bukamal",
      origin: "post",
      postedBy: EDITOR.id,
    });
    const [again] = await h.send(
      command("post", "قصف مدفعي على البوكمال\nتعرضت أطراف مدينة البوكمال لقصف مدفعي صباح اليوم.", {
        from: EDITOR,
      }),
    );
    expect(visible(again)).toContain(`محفوظ من قبل برقم #${id}`);
  });

  it("marks a breaking title, and never shows readers the editor's own name", async () => {
    const [reply] = await h.send(command("post", "عاجل: انفجار في حقل كونيكو", { from: EDITOR }));
    expect(visible(reply)).not.toContain("/alert"); // not promised before alerts exist
    const id = Number(/#(\d+)/.exec(visible(reply))?.[1]);
    expect(h.app.store.articles.get(id)).toMatchObject({
      breaking: true,
      source: null,
      postedBy: EDITOR.id,
    });
    const [latest] = await h.send(command("latest", "Conoco", { from: user({ language_code: "ar" }) }));
    expect(visible(latest)).toContain("انفجار في حقل كونيكو");
    expect(visible(latest)).not.toContain(EDITOR.first_name);
  });

  it("explains its use when empty, and refuses readers", async () => {
    const [usage] = await h.send(command("post", "", { from: EDITOR }));
    expect(visible(usage)).toContain("السطر الأول عنوانه");
    const [refused] = await h.send(command("post", "عنوان", { from: user({ language_code: "en" }) }));
    expect(visible(refused)).toBe("⛔ This command is for the newsroom's editors.");
  });
});

describe("/addtopic and /alias", () => {
  it("adds a topic that lookup and tagging use at once", async () => {
    const [reply] = await h.send(command("addtopic", "درنج | Darnaj | دير الزور", { from: ADMIN }));
    expect(visible(reply)).toContain("Added the place درنج / Darnaj (darnaj) under Deir ez-Zor");
    const reader = user({ language_code: "ar" });
    const [sub] = await h.send(command("subscribe", "درنج", { from: reader }));
    expect(visible(sub)).toContain("أصبحت تتابع درنج");
    const [post] = await h.send(command("post", "توزيع الخبز في درنج", { from: EDITOR }));
    expect(visible(post)).toContain("المناطق: درنج");
  });

  it("refuses a malformed /addtopic and a duplicate", async () => {
    expect(visible((await h.send(command("addtopic", "only one name", { from: ADMIN })))[0])).toContain(
      "separated by |",
    );
    expect(
      visible((await h.send(command("addtopic", "ميادين جديدة | al-Mayadin", { from: ADMIN })))[0]),
    ).toContain("already belongs");
  });

  it("adds an alias in either form, effective at once", async () => {
    const [reply] = await h.send(command("alias", "Mayadin | Mayadine", { from: ADMIN }));
    expect(visible(reply)).toContain("“Mayadine” now means Mayadin");
    const [sub] = await h.send(command("subscribe", "mayadine", { from: user({ language_code: "en" }) }));
    expect(visible(sub)).toContain("You now follow Mayadin");
    const [spaced] = await h.send(command("alias", "دير الزور ديرزور", { from: ADMIN }));
    expect(visible(spaced)).toContain("“ديرزور” now means Deir ez-Zor");
  });

  it("refuses editors", async () => {
    const [reply] = await h.send(command("alias", "Mayadin | x", { from: EDITOR }));
    expect(visible(reply)).toBe("⛔ هذا الأمر مخصص لمديري نشرة.");
  });
});

describe("feeds", () => {
  it("adds a feed, reads it at once, and lists its state", async () => {
    const [added] = await h.send(command("addfeed", `${feedRoot}/feed.rss auto`, { from: EDITOR }));
    expect(visible(added)).toContain("أُضيف المصدر");
    // Its first item is a shortened copy of the report imported above: one story, stored once.
    expect(visible(added)).toContain("حُفظت 3 مقالات جديدة");
    expect(h.app.store.articles.sources(fixtureId)).toMatchObject([{ origin: "feed" }]);
    const [list] = await h.send(command("feeds", "", { from: EDITOR }));
    expect(visible(list)).toContain("مكتب الفرات");
    expect(visible(list)).toContain("⚡ تنبيه تلقائي");
    expect(visible(list)).toContain("آخر قراءة ناجحة");
    const feeds = h.app.store.feeds.all();
    expect(feeds.find((f) => f.url.endsWith("/feed.rss"))).toMatchObject({
      autoAlert: true,
      etag: '"v1"',
      failures: 0,
    });
  });

  it("switches a feed's auto-alert with its button, and an older /feeds does what its button says", async () => {
    const [older] = await h.send(command("feeds", "", { from: EDITOR }));
    const [newer] = await h.send(command("feeds", "", { from: EDITOR }));
    const feed = () => h.app.store.feeds.all().find((f) => f.url.endsWith("/feed.rss"));
    expect(feed()?.autoAlert).toBe(true);
    const off = (menu: typeof older) => buttonData(menu, `#${feed()?.id}: أوقفه`);
    await h.send(callback(off(newer), { from: EDITOR }));
    expect(feed()?.autoAlert).toBe(false);
    await h.send(callback(off(older), { from: EDITOR }));
    expect(feed()?.autoAlert).toBe(false);
  });

  it("refuses an address that is no feed (broken XML, an HTML page, a 404) and stores nothing", async () => {
    const before = h.app.store.feeds.all().length;
    const [broken] = await h.send(command("addfeed", `${feedRoot}/broken.rss`, { from: EDITOR }));
    expect(visible(broken)).toContain("لم أُضف هذا المصدر");
    expect(visible(broken)).toContain("هذا العنوان لا يقدّم مصدر RSS أو Atom صالحًا.");
    expect(visible(broken)).not.toContain("malformed"); // the English log text stays out of the reply
    const [page] = await h.send(command("addfeed", `${feedRoot}/page.html`, { from: EDITOR }));
    expect(visible(page)).toContain("لم أُضف هذا المصدر");
    const [missing] = await h.send(command("addfeed", `${feedRoot}/gone.rss`, { from: EDITOR }));
    expect(visible(missing)).toContain("لم يُعثر على المصدر في هذا العنوان (404).");
    expect(visible(missing)).not.toContain("أُضيف");
    expect(h.app.store.feeds.all()).toHaveLength(before);
    const [list] = await h.send(command("feeds", "", { from: EDITOR }));
    expect(visible(list)).not.toContain("gone.rss");
  });

  it("keeps a feed whose server fails for now, and records its error without touching the others", async () => {
    const [added] = await h.send(command("addfeed", `${feedRoot}/down.rss`, { from: EDITOR }));
    expect(visible(added)).toContain("أُضيف المصدر");
    expect(visible(added)).toContain("سأعاود المحاولة");
    const [list] = await h.send(command("feeds", "", { from: EDITOR }));
    expect(visible(list)).toContain("✗ يفشل منذ");
    const good = h.app.store.feeds.all().find((f) => f.url.endsWith("/feed.rss"));
    expect(good?.lastError).toBeNull();
  });

  it("says a feed added twice is there already", async () => {
    const [again] = await h.send(command("addfeed", `${feedRoot}/feed.rss`, { from: EDITOR }));
    expect(visible(again)).toMatch(/هذا المصدر موجود من قبل برقم #\d+/);
  });

  it("refuses a non-web address and removes a feed by number", async () => {
    expect(visible((await h.send(command("addfeed", "ftp://x", { from: EDITOR })))[0])).toContain(
      "ليس عنوان موقع",
    );
    const id = h.app.store.feeds.all().at(-1)?.id;
    expect(id).toBeDefined();
    // Typed in Arabic-Indic digits, as an Arabic keyboard gives them.
    const arabicId = String(id).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const [removed] = await h.send(command("removefeed", arabicId, { from: EDITOR }));
    expect(visible(removed)).toContain(`حُذف المصدر #${id}`);
    expect(visible((await h.send(command("removefeed", "999", { from: EDITOR })))[0])).toContain(
      "لا يوجد مصدر",
    );
  });
});
