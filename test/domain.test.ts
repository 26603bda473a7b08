// The shared rules: a chat's language and time zone, Telegram's language codes, role ranks.
import { describe, expect, it } from "vitest";
import { chatLanguage, chatTimeZone, hasRole, languageFromCode } from "../src/domain";

describe("chatLanguage", () => {
  const chat = (
    type: "private" | "group" | "channel",
    language: "ar" | "en" | null,
    client: "ar" | "en" | null,
  ) => ({
    type,
    language,
    clientLanguage: client,
  });

  it("is the chat's choice first, whatever its Telegram language", () => {
    expect(chatLanguage(chat("private", "ar", "en"), "en")).toBe("ar");
    expect(chatLanguage(chat("group", "en", null), "ar")).toBe("en");
  });

  it("is a private chat's Telegram language as stored, else the default", () => {
    expect(chatLanguage(chat("private", null, "en"), "ar")).toBe("en");
    expect(chatLanguage(chat("private", null, null), "ar")).toBe("ar");
  });

  it("is the default in a group or channel set to automatic, never a member's language", () => {
    expect(chatLanguage(chat("group", null, "en"), "ar")).toBe("ar");
    expect(chatLanguage(chat("channel", null, "en"), "ar")).toBe("ar");
  });
});

describe("chatTimeZone", () => {
  it("is the chat's zone, else the default (also for a chat not stored)", () => {
    expect(chatTimeZone({ timezone: "Asia/Damascus" }, "UTC")).toBe("Asia/Damascus");
    expect(chatTimeZone({ timezone: null }, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(chatTimeZone(undefined, "UTC")).toBe("UTC");
  });
});

describe("languageFromCode", () => {
  it("maps Telegram's codes with regions to ar or en, and nothing else", () => {
    expect(languageFromCode("ar-SY")).toBe("ar");
    expect(languageFromCode("EN_gb")).toBe("en");
    expect(languageFromCode("fr")).toBeUndefined();
    expect(languageFromCode(undefined)).toBeUndefined();
  });
});

describe("hasRole", () => {
  it("ranks admin over editor over reader", () => {
    expect(hasRole("admin", "editor")).toBe(true);
    expect(hasRole("editor", "editor")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
    expect(hasRole("reader", "editor")).toBe(false);
  });
});
