// The command menus registered with setMyCommands: per language, per role scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_COMMANDS, EDITOR_COMMANDS, READER_COMMANDS } from "../../src/bot/commands";
import { type Harness, startHarness } from "../support/harness";

const ADMIN_ID = 4242;
const EDITOR_ID = 4343;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    env: { ADMIN_IDS: String(ADMIN_ID), EDITOR_IDS: String(EDITOR_ID), DEFAULT_LANGUAGE: "en" },
  });
});
afterAll(() => h.stop());

const names = (list: { command: string }[]) => list.map((c) => c.command);

describe("command menus", () => {
  it("gives readers the reader commands, described in Arabic and in English", () => {
    const ar = h.fake.commands({ type: "default" }, "ar");
    const en = h.fake.commands({ type: "default" }, "en");
    const fallback = h.fake.commands({ type: "default" }, "");
    expect(names(ar)).toEqual([...READER_COMMANDS]);
    expect(ar.find((c) => c.command === "subscribe")?.description).toContain("تابع منطقة");
    expect(en.find((c) => c.command === "subscribe")?.description).toContain("Follow a place");
    expect(fallback).toEqual(en); // DEFAULT_LANGUAGE=en
  });

  it("gives editors and admins their own menus in their private chats", () => {
    const editor = names(h.fake.commands({ type: "chat", chat_id: EDITOR_ID }, "ar"));
    const admin = names(h.fake.commands({ type: "chat", chat_id: ADMIN_ID }, "en"));
    expect(editor).toEqual([...READER_COMMANDS, ...EDITOR_COMMANDS]);
    expect(admin).toEqual([...READER_COMMANDS, ...EDITOR_COMMANDS, ...ADMIN_COMMANDS]);
  });

  it("uses names and descriptions Telegram accepts", () => {
    for (const language of ["ar", "en"]) {
      for (const c of h.fake.commands({ type: "chat", chat_id: ADMIN_ID }, language)) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(0);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
  });
});
