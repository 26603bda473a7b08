// Sharing (docs/sharing.md): inline mode in Arabic and English, an empty query, an unknown place, one article by
// its id; the «↗» buttons under /latest, /search and the whole text; the a_<id> deep link that opens an article and
// offers to follow its places. And the fake Bot API's answerInlineQuery, checked as Telegram checks it.
import { readFileSync } from "node:fs";
import { Api, GrammyError } from "grammy";
import type { InlineQueryResultArticle, Message } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHE_PERSONAL, CACHE_SHARED, INLINE_LIMIT, INLINE_WINDOW_MS } from "../../src/bot/features/inline";
import { parsePlainText } from "../../src/ingest/plain-text";
import { stripBidi } from "../../src/text/html";
import { FakeBotApi, inlineKeyboardOf } from "../support/fake-bot-api";
import {
  buttonData,
  buttonLabels,
  type Harness,
  startHarness,
  TEST_TOKEN,
  visible,
} from "../support/harness";
import { callback, command, group, inlineQuery, user } from "../support/updates";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), "utf8");

const MAYADIN_WATER = `انقطاع مياه الشرب عن أحياء في مدينة الميادين لليوم الثالث

توقفت محطة ضخ المياه الرئيسية في مدينة الميادين بريف دير الزور الشرقي عن العمل منذ صباح الأحد، بعد عطل أصاب المولدة التي تغذيها، ما ترك أحياء الجمعيات والتمو والحميدية دون مياه الشرب.

ويقول سكان في حي الجمعيات إن سعر صهريج الماء ارتفع إلى عشرة آلاف ليرة، وإن كثيرًا من العائلات لا تقدر على شراء أكثر من صهريج واحد في الأسبوع.

وقال موظف في مؤسسة المياه إن قطعة بديلة للمولدة في طريقها من دير الزور، وإن الضخ قد يعود خلال يومين إذا وصلت في موعدها.`;

const MAYADIN_EN = `Water pumping resumes in Mayadin after a three-day cut

The main pumping station of Mayadin, in the eastern countryside of Deir ez-Zor, resumed work on Wednesday after a replacement part for its generator arrived from the city.

Residents of the Jamiyat quarter said the water reached their taps in the afternoon, though pressure remained weak on the upper floors.`;

let h: Harness;
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await startHarness({ env: { DEFAULT_TIMEZONE: "Asia/Damascus" } });
  const put = (name: string, text: string, url?: string) => {
    const input = parsePlainText(text);
    ids[name] = h.app.deps.importer.importOne(url ? { ...input, url } : input, {
      origin: "import",
    }).article.id;
  };
  put("alouk", fixture("alouk-water-station.ar.txt"));
  put("omar", fixture("omar-field-rockets.ar.txt"), "https://deirezzor24.net/archives/omar-rockets");
  put("water", MAYADIN_WATER);
  put("english", MAYADIN_EN);
});
afterAll(async () => {
  await h.stop();
});

/** Types `@nashra_test_bot <query>` as `from`; returns what the bot answered. */
async function ask(query: string, from = user({ language_code: "ar" }), offset = "") {
  const update = inlineQuery(query, { from, offset });
  await h.send(update);
  const answer = h.fake.inlineAnswer(update.inline_query.id);
  if (!answer) throw new Error(`no answer to "${query}": ${h.fake.describeRecentCalls()}`);
  return answer;
}

describe("inline mode", () => {
  it("lists the latest articles about a place typed in Arabic, each a card with its deep link back to the bot", async () => {
    const answer = await ask("الميادين");
    const found = answer.results.map((r) => Number(r.id));
    expect(found).toContain(ids.water);
    expect(found).toContain(ids.english);
    expect(found).not.toContain(ids.alouk);
    const card = answer.results.find((r) => Number(r.id) === ids.water);
    expect(card?.title).toBe("انقطاع مياه الشرب عن أحياء في مدينة الميادين لليوم الثالث");
    // The card: bold title, the opening, the source line, and the link that opens it whole in the bot.
    expect(card?.html).toContain("<b>انقطاع مياه الشرب عن أحياء في مدينة الميادين لليوم الثالث</b>");
    expect(stripBidi(card?.text ?? "")).toContain("توقفت محطة ضخ المياه الرئيسية في مدينة الميادين");
    expect(card?.html).toContain(`https://t.me/nashra_test_bot?start=a_${ids.water}`);
    expect(stripBidi(card?.text ?? "")).toContain("📖 اقرأ المقال كاملًا");
    expect(inlineKeyboardOf(card)[0]?.[0]).toMatchObject({
      url: `https://t.me/nashra_test_bot?start=a_${ids.water}`,
    });
    // Shaped by the reader's own places and muted words: personal, and kept briefly.
    expect(answer.isPersonal).toBe(true);
    expect(answer.cacheTime).toBe(CACHE_PERSONAL);
    expect(answer.nextOffset).toBe("");
  });

  it("reads the place in English or transliterated, and searches words in either language", async () => {
    for (const query of ["Mayadin", "mayadeen"]) {
      const found = (await ask(query, user({ language_code: "en" }))).results.map((r) => Number(r.id));
      expect(found).toContain(ids.water);
      expect(found).toContain(ids.english);
    }
    const words = await ask("water pumping generator", user({ language_code: "en" }));
    expect(words.results.map((r) => Number(r.id))).toEqual([ids.english]);
    expect(words.isPersonal).toBe(false);
    expect(words.cacheTime).toBe(CACHE_SHARED);
    const arabic = await ask("صواريخ قاعدة التحالف");
    expect(arabic.results.map((r) => Number(r.id))).toEqual([ids.omar]);
    // An article with a link of its own: its title links there, and the card still leads back to the bot.
    const omar = arabic.results[0];
    expect(omar?.html).toContain('href="https://deirezzor24.net/archives/omar-rockets"');
    expect(omar?.html).toContain(`start=a_${ids.omar}`);
  });

  it("shows the latest of everything for an empty query, newest first", async () => {
    const answer = await ask("");
    expect(answer.results.length).toBe(4);
    expect(new Set(answer.results.map((r) => Number(r.id)))).toEqual(new Set(Object.values(ids)));
    expect(answer.isPersonal).toBe(true);
  });

  it("answers an unknown place with no results and a button that opens the bot", async () => {
    const answer = await ask("كوكبلاند");
    expect(answer.results).toEqual([]);
    expect(stripBidi(answer.button?.text ?? "")).toBe("لا مقالات عن «كوكبلاند» بعد — افتح نشرة");
    expect(answer.button?.start).toBe("inline");
    const english = await ask("Atlantis", user({ language_code: "en" }));
    expect(stripBidi(english.button?.text ?? "")).toBe("No articles about “Atlantis” yet — open Nashra");
  });

  it("answers #<id> (what a share button types) with that one article", async () => {
    const answer = await ask(`#${ids.water}`);
    expect(answer.results.map((r) => Number(r.id))).toEqual([ids.water]);
    expect((await ask("#999999")).results).toEqual([]);
  });
});

describe("a script typing into inline mode", () => {
  it(`gets nothing past ${INLINE_LIMIT} queries in ${INLINE_WINDOW_MS / 1000} s, while others are answered`, async () => {
    const script = user({ language_code: "ar" });
    const started = Date.now();
    for (let i = 0; i < INLINE_LIMIT; i++) {
      expect((await ask(i % 2 === 0 ? "الميادين" : "Mayadin", script)).results.length).toBeGreaterThan(0);
    }
    const past = await ask("الميادين", script);
    // The window is of wall time: on a machine so loaded that the queries took longer, the limit did not apply.
    if (Date.now() - started < INLINE_WINDOW_MS) {
      expect(past.results).toEqual([]);
      expect(past.cacheTime).toBe(5);
    }
    expect((await ask("الميادين")).results.length).toBeGreaterThan(0);
  });
});

describe("share buttons and the deep link", () => {
  it("puts a «↗️ n» button under each entry of /latest and /search, which opens inline mode on that article", async () => {
    const reader = user({ language_code: "ar" });
    const [latest] = await h.send(command("latest", "الميادين", { from: reader }));
    const share = inlineKeyboardOf(latest)
      .flat()
      .filter((b) => "switch_inline_query" in b);
    expect(share.length).toBeGreaterThanOrEqual(2);
    expect(stripBidi(share[0]?.text ?? "")).toBe("↗️ 1");
    expect(share.map((b) => ("switch_inline_query" in b ? b.switch_inline_query : ""))).toContain(
      `#${ids.water}`,
    );
    const [found] = await h.send(command("search", "صهريج الماء", { from: reader }));
    expect(visible(found)).toContain("انقطاع مياه الشرب");
    expect(buttonLabels(found)).toContain("↗️ 1");
    // In a group the buttons are there too (sharing is the member's own, in a chat they pick): under the whole
    // answer its admins get (members get a pointer to the private chat: groups stay quiet).
    const chat = group();
    h.fake.setChatMember(chat.id, reader.id, "administrator");
    const [inGroup] = await h.send(command("latest", "", { chat, from: reader }));
    expect(buttonLabels(inGroup)).toContain("↗️ 1");
  });

  it("opens the article from t.me/<bot>?start=a_<id> with a share button and an offer to follow its places", async () => {
    const reader = user({ language_code: "ar" });
    const sent = await h.send(command("start", `a_${ids.water}`, { from: reader }));
    const last = sent.at(-1);
    expect(sent.map((m) => visible(m)).join("\n")).toContain("قد يعود خلال يومين إذا وصلت في موعدها");
    const labels = buttonLabels(last);
    expect(labels).toContain("↗️ شارك المقال");
    expect(labels).toContain("تابع الميادين");
    const shareButton = inlineKeyboardOf(last)
      .flat()
      .find((b) => "switch_inline_query" in b);
    expect(shareButton && "switch_inline_query" in shareButton ? shareButton.switch_inline_query : "").toBe(
      `#${ids.water}`,
    );
    // The follow button follows, as /subscribe does.
    const [followed] = await h.send(
      callback(buttonData(last, "تابع الميادين"), {
        from: reader,
        message: h.fake.lastMessage(reader.id) as Message,
      }),
    );
    expect(h.app.deps.topics.subscriptionsOf(reader.id).map((t) => t.slug)).toEqual(["mayadin"]);
    void followed;
    // Opened again, Mayadin is followed and not offered again (Deir ez-Zor above it, which it is also about, still is).
    const again = await h.send(command("start", `a_${ids.water}`, { from: reader }));
    expect(buttonLabels(again.at(-1))).toContain("↗️ شارك المقال");
    expect(buttonLabels(again.at(-1))).not.toContain("تابع الميادين");
  });
});

describe("the fake Bot API's answerInlineQuery", () => {
  let fake: FakeBotApi;
  let api: Api;

  beforeAll(async () => {
    fake = await FakeBotApi.start();
    api = new Api(TEST_TOKEN, { apiRoot: fake.apiRoot });
  });
  afterAll(async () => {
    await fake.close();
  });

  const result = (id: string, text = "نص قصير"): InlineQueryResultArticle => ({
    type: "article",
    id,
    title: "عنوان",
    input_message_content: { message_text: text },
  });

  async function refusal(results: InlineQueryResultArticle[]): Promise<string> {
    const update = inlineQuery("الميادين");
    fake.pushUpdate(update);
    try {
      await api.answerInlineQuery(update.inline_query.id, results);
      return "accepted";
    } catch (error) {
      return error instanceof GrammyError ? error.description : String(error);
    }
  }

  it("refuses what Telegram refuses: over 50 results, ids over 64 bytes or repeated, texts over 4096", async () => {
    expect(await refusal(Array.from({ length: 51 }, (_, i) => result(String(i))))).toContain(
      "RESULTS_TOO_MUCH",
    );
    expect(await refusal([result("م".repeat(33))])).toContain("RESULT_ID_INVALID");
    expect(await refusal([result("1"), result("1")])).toContain("RESULT_ID_DUPLICATE");
    expect(await refusal([result("1", "ا".repeat(4097))])).toContain("too long");
    expect(await refusal(Array.from({ length: 50 }, (_, i) => result(String(i), "ا".repeat(4096))))).toBe(
      "accepted",
    );
  });

  it("accepts one answer a query, and none to a query it never had", async () => {
    const update = inlineQuery("");
    fake.pushUpdate(update);
    await api.answerInlineQuery(update.inline_query.id, []);
    await expect(api.answerInlineQuery(update.inline_query.id, [])).rejects.toThrow("query ID is invalid");
    await expect(api.answerInlineQuery("never-asked", [])).rejects.toThrow("query ID is invalid");
  });
});
