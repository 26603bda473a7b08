// One language per chat: what the bot replies in and what it sends first (alerts) follow the same rule
// (src/domain.ts chatLanguage), whatever the reader's Telegram app says in a given update.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonData, type Harness, received, startHarness, visible, waitUntil } from "../support/harness";
import { callback, command, user } from "../support/updates";

const EDITOR = user({ language_code: "ar" });

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { EDITOR_IDS: String(EDITOR.id), DEFAULT_LANGUAGE: "ar" } });
});
afterAll(() => h.stop());

/** The same reader as seen in an update whose from has another language_code, or none. */
function speaking(reader: User, code: string | undefined): User {
  const { language_code: _, ...rest } = reader;
  return code === undefined ? rest : { ...rest, language_code: code };
}

/** The first line of the reply to /help: the language the bot answers this reader in. */
async function helpIntro(from: User): Promise<string> {
  const [reply] = await h.send(command("help", "", { from }));
  return visible(reply).split("\n")[0] ?? "";
}

/** Sends an editor's alert to Deir ez-Zor and returns the newest alert the reader received. */
let alertsSent = 0;
async function alertTo(reader: User): Promise<string> {
  const before = received(h, reader.id, "🔴").length;
  await h.send(
    command("alert", `دير الزور: انقطاع الكهرباء عن أحياء المدينة ${++alertsSent}`, { from: EDITOR }),
  );
  const question = h.fake.lastMessage(EDITOR.id);
  await h.send(callback(buttonData(question, "إرسال"), { from: EDITOR, message: question }));
  await waitUntil(() => received(h, reader.id, "🔴").length > before, 10_000);
  return received(h, reader.id, "🔴").at(-1) ?? "";
}

const ENGLISH_HELP = "Nashra sends the news of the places you follow.";
const ARABIC_HELP = "نشرة ترسل إليك أخبار المناطق التي تتابعها.";

describe("a reader's language", () => {
  it("stays the one Telegram last said when an update does not say", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor", { from: reader }));
    // Telegram leaves language_code out of some updates: the one seen before still holds, for both.
    const silent = speaking(reader, undefined);
    expect(await helpIntro(silent)).toBe(ENGLISH_HELP);
    expect(await alertTo(reader)).toMatch(/^🔴 Breaking · Deir ez-Zor/);
  });

  it("is the default for both when Telegram's language is neither Arabic nor English", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor", { from: reader }));
    const french = speaking(reader, "fr");
    expect(await helpIntro(french)).toBe(ARABIC_HELP);
    expect(await alertTo(reader)).toMatch(/^🔴 عاجل · دير الزور/);
    // Back in English: replies and alerts are English again.
    expect(await helpIntro(reader)).toBe(ENGLISH_HELP);
    expect(await alertTo(reader)).toMatch(/^🔴 Breaking · Deir ez-Zor/);
  });

  it("is the chat's choice in /settings, over an English Telegram, for replies and alerts alike", async () => {
    const reader = user({ language_code: "en" });
    await h.send(command("subscribe", "Deir ez-Zor", { from: reader }));
    await h.send(command("settings", "", { from: reader }));
    const settings = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(settings, "Language"), { from: reader, message: settings }));
    const menu = h.fake.lastMessage(reader.id);
    await h.send(callback(buttonData(menu, "العربية"), { from: reader, message: menu }));
    expect(await helpIntro(reader)).toBe(ARABIC_HELP);
    expect(await alertTo(reader)).toMatch(/^🔴 عاجل · دير الزور/);
  });
});
