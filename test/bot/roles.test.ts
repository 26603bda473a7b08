// Role checks: readers are refused editor and admin commands in their language, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_COMMANDS, EDITOR_COMMANDS } from "../../src/bot/commands";
import { type Harness, startHarness, visible } from "../support/harness";
import { command, user } from "../support/updates";

const ADMIN = user({ language_code: "en" });
const EDITOR = user({ language_code: "ar" });

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { ADMIN_IDS: String(ADMIN.id), EDITOR_IDS: ` ${EDITOR.id} ` } });
});
afterAll(() => h.stop());

/** Everything a refused command could have changed. */
function snapshot() {
  const db = h.app.store.db;
  return ["subscriptions", "roles", "topics", "topic_aliases"].map(
    (table) => db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number },
  );
}

describe("a reader", () => {
  it.each([...EDITOR_COMMANDS, ...ADMIN_COMMANDS])(
    "is refused /%s in Arabic and nothing changes",
    async (name) => {
      const reader = user({ language_code: "ar" });
      const before = snapshot();
      const [reply] = await h.send(command(name, "دير الزور: نص", { from: reader }));
      expect(visible(reply)).toMatch(/^⛔ هذا الأمر مخصص ل(محرري غرفة الأخبار|مديري نشرة)\.$/);
      expect(snapshot()).toEqual(before);
    },
  );

  it("is refused in English when English is their language", async () => {
    const [reply] = await h.send(command("grant", "1 admin", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toBe("⛔ This command is for Nashra's admins.");
  });

  it("sees only reader commands in /help", async () => {
    const [reply] = await h.send(command("help", "", { from: user({ language_code: "en" }) }));
    expect(visible(reply)).toContain("/subscribe");
    expect(visible(reply)).not.toContain("/alert");
  });
});

describe("an editor", () => {
  it("may use editor commands but not admin ones", async () => {
    const [feeds] = await h.send(command("feeds", "", { from: EDITOR }));
    expect(visible(feeds)).toContain("لا توجد مصادر بعد");
    const [alert] = await h.send(command("alert", "دير الزور: نص", { from: EDITOR }));
    expect(visible(alert)).toContain("عاجل · دير الزور");
    const [schedule] = await h.send(command("schedule", "daily 08:00", { from: EDITOR }));
    expect(visible(schedule)).toBe("⛔ هذا الأمر مخصص لمديري نشرة.");
  });

  it("sees editor commands in /help", async () => {
    const [reply] = await h.send(command("help", "", { from: EDITOR }));
    expect(visible(reply)).toContain("أنت محرر");
    expect(visible(reply)).toContain("/alert");
    expect(visible(reply)).not.toContain("/grant");
  });

  it("can be an editor by a role granted in the database", async () => {
    const granted = user({ language_code: "en" });
    h.app.store.roles.grant(granted.id, "editor", ADMIN.id);
    const [reply] = await h.send(command("feeds", "", { from: granted }));
    expect(visible(reply)).toContain("No feeds yet");
  });
});

describe("an admin", () => {
  it("may use every command", async () => {
    for (const name of [...EDITOR_COMMANDS, ...ADMIN_COMMANDS]) {
      const [reply] = await h.send(command(name, "", { from: ADMIN }));
      expect(visible(reply), name).not.toMatch(/^⛔/);
    }
  }, 60_000); // 20 commands, replies in one private chat 1.1 s apart
});
