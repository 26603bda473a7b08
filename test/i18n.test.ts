// The locale files stay in step with each other and with the code.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { commandsFor } from "../src/bot/commands";
import { I18n } from "../src/i18n";

const i18n = new I18n("ar");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("locales", () => {
  it("define the same keys in Arabic and English", () => {
    expect(i18n.keys("ar").sort()).toEqual(i18n.keys("en").sort());
  });

  it("define every key the code uses", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("src")) {
      for (const m of readFileSync(file, "utf8").matchAll(
        /\b(?:t|tp|plain)\(\s*(?:[\w.]+,\s*)?"([a-z][a-z0-9-]+)"/g,
      )) {
        used.add(m[1] as string);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((k) => !i18n.has(k));
    expect(missing).toEqual([]);
  });

  it("read a feature's own file beside the main one, and refuse a message defined twice", () => {
    const dir = mkdtempSync(join(tmpdir(), "nashra-locales-"));
    for (const language of ["ar", "en"]) {
      writeFileSync(join(dir, `${language}.ftl`), `hello = ${language === "ar" ? "مرحبًا" : "Hello"}\n`);
      mkdirSync(join(dir, language));
      writeFileSync(
        join(dir, language, "tips.ftl"),
        `tip-thanks = ${language === "ar" ? "شكرًا" : "Thanks"}\n`,
      );
    }
    const url = pathToFileURL(`${dir}/`);
    const local = new I18n("ar", url);
    expect(local.plain("ar", "tip-thanks")).toBe("شكرًا");
    expect(local.plain("en", "hello")).toBe("Hello");
    writeFileSync(join(dir, "en", "again.ftl"), "hello = Hi again\n");
    expect(() => new I18n("ar", url)).toThrow(/again\.ftl/);
  });

  it("describe every command", () => {
    for (const c of commandsFor("admin")) expect(i18n.has(`cmd-${c}`), c).toBe(true);
  });

  it("escape arguments for Telegram HTML but not in plain text", () => {
    expect(i18n.t("en", "toast-subscribed", { topic: "<b>&" })).toContain("&lt;b&gt;&amp;");
    expect(i18n.plain("en", "toast-subscribed", { topic: "<b>&" })).toContain("<b>&");
  });

  it("choose Arabic plural forms", () => {
    const strip = (s: string) => s.replace(/[\u2068\u2069]/g, "");
    expect(strip(i18n.t("ar", "mytopics-list", { count: 1 }))).toContain("منطقة واحدة");
    expect(strip(i18n.t("ar", "mytopics-list", { count: 2 }))).toContain("منطقتين");
    expect(strip(i18n.t("ar", "mytopics-list", { count: 5 }))).toContain("5 مناطق");
    expect(strip(i18n.t("ar", "mytopics-list", { count: 11 }))).toContain("11 منطقة");
  });

  it("count articles as Arabic does: 11–99 «مقالًا», 100 and 200 «مقال» (Fluent's many and other)", () => {
    const strip = (s: string) => s.replace(/[\u2068\u2069]/g, "");
    const articles = (count: number) => strip(i18n.t("ar", "retiretopic-confirm-articles", { count }));
    expect(articles(7)).toContain("لها 7 مقالات ");
    expect(articles(25)).toContain("لها 25 مقالًا ");
    expect(articles(100)).toContain("لها 100 مقال ");
    expect(articles(200)).toContain("لها 200 مقال ");
    expect(articles(250)).toContain("لها 250 مقالًا "); // the last two digits decide
  });
});
