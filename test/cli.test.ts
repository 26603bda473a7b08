// The command line as a newsroom uses it: real processes on a temporary database.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "../src/store";
import { tempDatabasePath } from "./support/temp";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "test/fixtures");
const temp = tempDatabasePath();
afterAll(() => temp.cleanup());

const TSX = join(ROOT, "node_modules/.bin/tsx");
const CLI = join(ROOT, "src/cli.ts");

/**
 * Runs the CLI with stdin; resolves with stdout, stderr and the exit code. `viaNpm` goes through
 * `npm run --silent cli --` exactly as documented (slower: npm itself takes a second).
 */
async function cli(
  args: string[],
  stdin?: string,
  viaNpm = false,
  env: Record<string, string> = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  const [command, commandArgs] = viaNpm
    ? ["npm", ["run", "--silent", "cli", "--", ...args]]
    : [TSX, [CLI, ...args]];
  const child = run(command as string, commandArgs as string[], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: temp.path, ...env },
  });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  } else {
    child.child.stdin?.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** Articles in the database (read directly: a CLI process per count would take a second each). */
const count = async () => {
  const store = createStore(temp.path, Date.now);
  try {
    return store.articles.count();
  } finally {
    store.close();
  }
};

// Each test starts several tsx processes (~1 s each at rest, ~5 s on a loaded machine): a wider timeout than
// the suite's, so a busy CI machine does not fail them.
describe("npm run cli", { timeout: 90_000 }, () => {
  beforeAll(() => {
    mkdirSync(temp.dir, { recursive: true });
  });

  it("imports the fixture once, however often it is imported", async () => {
    const file = join(FIXTURES, "articles/omar-field-rockets.ar.txt");
    const first = await cli(["import", file]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain("1 new, 0 already stored");
    expect(first.stdout).toMatch(
      /^#1\tاستهداف قاعدة التحالف بحقل العمر بالصواريخ دون وقوع ضحايا\tabout: omar-oil-field, \S+, \S+\tmentions: .*al-tanf/m,
    );
    const second = await cli(["import", file]);
    expect(second.stdout).toContain("0 new, 1 already stored");
    expect(second.stdout).toMatch(/^#1\t.*\talready stored as #1$/m);
    const stats = await cli(["stats"]);
    expect(stats).toMatchObject({ code: 0, stderr: "" });
    expect(stats.stdout).toMatch(/^articles\t1$/m);
    expect(await count()).toBe(1);
  });

  it("imports an RSS file and a folder", async () => {
    const result = await cli(["import", join(FIXTURES, "feeds")]);
    expect(result.code).toBe(0);
    // Its first item is the report imported above, shortened: the same story, merged into #1.
    expect(result.stdout).toContain("euphrates-desk.rss: 3 new, 1 already stored");
    expect(result.stdout).toMatch(/^#1\t.*\tmerged into #1 \(same story, similarity 0\.\d+\)$/m);
    expect(result.stdout).toMatch(/^#\d+\tعاجل \| انفجار قرب معبر البوكمال الحدودي\tabout: al-bukamal\t/m);
  });

  it("prints each new article's #id, title, and the places it is about and mentions", async () => {
    const result = await cli(["import", join(FIXTURES, "articles/alouk-water-station.ar.txt")]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(
      /^#\d+\tتوقف محطة علوك يقطع مياه الشرب عن مدينة الحسكة للأسبوع الثالث\tabout: hasakah, alouk-water-station\tmentions: ras-al-ayn, tal-tamr, al-hol-camp$/m,
    );
  });

  it("says that an item an editor deleted stays deleted when its feed is imported again", async () => {
    const store = createStore(temp.path, Date.now);
    const row = store.db
      .prepare("SELECT id FROM articles WHERE title LIKE '%انفجار قرب معبر البوكمال%'")
      .get() as { id: number };
    expect(store.articles.delete(row.id, Date.now())).toBe(true);
    store.close();
    const result = await cli(["import", join(FIXTURES, "feeds/euphrates-desk.rss")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^#${row.id}\\t.*البوكمال.*\\talready stored as #${row.id} \\(deleted by an editor: not imported again\\)$`,
        "m",
      ),
    );
    expect(result.stdout).toContain("0 new");
  });

  it("prints only slugs on stdout for tag", async () => {
    const result = await cli(
      ["tag"],
      "قصف على مدينة الميادين وريف دير الزور الشرقي، وانفجار قرب البوكمال",
      true,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("mayadin\ndeir-ez-zor\nal-bukamal\n");
    const english = await cli(["tag"], "Shelling hit Deir Ezzor's countryside; Al Mayadeen TV reported it.");
    expect(english.stdout).toBe("deir-ez-zor\n");
    const none = await cli(["tag"], "");
    expect(none).toMatchObject({ code: 0, stdout: "" });
  });

  it("tells what the real report is about from what it mentions, with tag --mentions", async () => {
    const fixture = readFileSync(join(FIXTURES, "articles/omar-field-rockets.ar.txt"), "utf8");
    const about = await cli(["tag"], fixture, true);
    expect(about).toMatchObject({ code: 0, stderr: "" });
    expect(about.stdout.split("\n").filter(Boolean).sort()).toEqual([
      "deir-ez-zor",
      "mayadin",
      "omar-oil-field",
    ]);
    const all = await cli(["tag", "--mentions"], fixture);
    const lines = all.stdout.split("\n").filter(Boolean);
    expect(lines.slice(0, 3).sort()).toEqual(["deir-ez-zor", "mayadin", "omar-oil-field"]);
    for (const slug of ["al-tanf", "baghdad", "iraq", "al-bukamal", "iran"])
      expect(lines).toContain(`${slug}\tmention`);
    expect(all.stdout).not.toContain("lebanon");
  });

  it.each([
    ["a missing file", ["import", "/no/such/file.txt"], "no such file or folder"],
    ["malformed JSON", ["import", "BAD_JSON"], "BAD_JSON"],
    ["malformed XML", ["import", "BAD_XML"], "BAD_XML"],
  ])("fails on %s with one line and leaves the database as it was", async (_, args, expected) => {
    const dir = join(temp.dir, "bad");
    mkdirSync(dir, { recursive: true });
    const badJson = join(dir, "bad.json");
    writeFileSync(badJson, '[{"title": "صالح", "body": "نص"}, {"title": 5}]');
    const badXml = join(dir, "bad.xml");
    writeFileSync(badXml, "<rss><channel><item><title>نص</title></item><item><title>unclosed");
    const before = await count();
    const resolved = args.map((a) => (a === "BAD_JSON" ? badJson : a === "BAD_XML" ? badXml : a));
    const result = await cli(resolved);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toContain(
      expected === "BAD_JSON" ? "bad.json" : expected === "BAD_XML" ? "bad.xml" : expected,
    );
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(result.stderr).not.toMatch(/\bat \S+ \(/);
    expect(await count()).toBe(before);
  });

  it("imports a folder without following links out of it, and survives a link loop", async () => {
    const dir = join(temp.dir, "desk");
    mkdirSync(join(dir, "week"), { recursive: true });
    writeFileSync(join(temp.dir, ".env"), "BOT_TOKEN=7012345678:AAHsecretsecretsecretsecretsecret12\n");
    writeFileSync(
      join(dir, "week", "hajin.txt"),
      "قصف مدفعي على أطراف بلدة هجين في ريف دير الزور الشرقي\n\nأفاد مراسلون محليون بسقوط قذائف على الأحياء الشرقية من بلدة هجين صباح اليوم، دون ورود أنباء عن إصابات.\n",
    );
    symlinkSync(join(temp.dir, ".env"), join(dir, "readme.txt"));
    symlinkSync("..", join(dir, "week", "up")); // back to the folder itself: a loop
    symlinkSync(temp.dir, join(dir, "outside"));
    const before = await count();
    const result = await cli(["import", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^#\d+\tقصف مدفعي على أطراف بلدة هجين في ريف دير الزور الشرقي\tabout: hajin/),
      expect.stringMatching(/hajin\.txt: 1 new, 0 already stored$/),
    ]);
    expect(result.stderr).toContain("readme.txt: skipped, a link to outside the folder");
    expect(result.stderr).toContain("outside: skipped, a link to outside the folder");
    expect(await count()).toBe(before + 1);
    const store = createStore(temp.path, Date.now);
    try {
      const titles = store.db.prepare("SELECT title, body FROM articles").all() as {
        title: string;
        body: string;
      }[];
      expect(titles.some((a) => `${a.title}${a.body}`.includes("BOT_TOKEN"))).toBe(false);
    } finally {
      store.close();
    }
  });

  it("lists topics, and gives help for every command", async () => {
    const topics = await cli(["topics"]);
    expect(topics.stdout).toMatch(/^syria\tسوريا\tSyria$/m);
    expect(topics.stdout).toMatch(/^ {4}mayadin\t/m);
    for (const command of ["import", "tag", "topics", "feeds", "stats"]) {
      const help = await cli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("Usage: ");
    }
  });

  it("stats leaves the staff out of the readers, as the bot's /stats does", async () => {
    // An admin by ADMIN_IDS, an editor by a grant in the bot, a reader: three private chats.
    const store = createStore(temp.path, Date.now);
    store.chats.touch(701, "private", null, "ar");
    store.chats.touch(702, "private", null, "ar");
    store.chats.touch(703, "private", null, "ar");
    store.roles.grant(702, "editor", 701);
    store.close();
    const figure = (stdout: string, name: string) => new RegExp(`^${name}\t(.*)$`, "m").exec(stdout)?.[1];
    const without = await cli(["stats"]);
    const withStaff = await cli(["stats"], undefined, false, { ADMIN_IDS: "701" });
    expect(withStaff).toMatchObject({ code: 0, stderr: "" });
    expect(figure(withStaff.stdout, "staff")).toBe("2 (their private chats are not readers)");
    const active = (stdout: string) =>
      Number(/^(\d+) active/.exec(figure(stdout, "readers private") ?? "")?.[1]);
    // The grant alone already leaves the editor out; ADMIN_IDS leaves the admin out too.
    expect(active(withStaff.stdout)).toBe(active(without.stdout) - 1);
    expect(figure(without.stdout, "staff")).toBe("1 (their private chats are not readers)");
    const total = (stdout: string) => Number(/^(\d+) /.exec(figure(stdout, "readers") ?? "")?.[1]);
    expect(total(withStaff.stdout)).toBe(total(without.stdout) - 1);
  });

  it("previews a chat's digest without sending or marking anything", async () => {
    await cli(["import", join(FIXTURES, "articles/omar-field-rockets.ar.txt")]);
    // A reader who followed Mayadin since before the fixture arrived, and one who follows Aleppo.
    const store = createStore(temp.path, () => Date.now() - 24 * 3600_000);
    const topic = (slug: string) =>
      (store.db.prepare("SELECT id FROM topics WHERE slug = ?").get(slug) as { id: number }).id;
    store.chats.touch(501, "private", null, "en");
    store.subscriptions.add(501, [topic("mayadin")]);
    store.chats.touch(502, "private", null, "ar");
    store.subscriptions.add(502, [topic("aleppo")]);
    store.close();

    const preview = await cli(["digest", "preview", "501"]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^📰 Your digest/);
    expect(preview.stdout).toContain("📍 Mayadin");
    expect(preview.stdout).toContain("استهداف قاعدة التحالف");
    const html = await cli(["digest", "preview", "501", "--html"]);
    expect(html.stdout).toContain("<b>📍");
    // Nothing was marked: the same preview again (after its heading, which says the time: a slow run crosses a minute).
    const afterHeading = (text: string) => text.split("\n").slice(1).join("\n");
    expect(afterHeading((await cli(["digest", "preview", "501"])).stdout)).toBe(afterHeading(preview.stdout));

    const empty = await cli(["digest", "preview", "502"]);
    expect(empty).toMatchObject({ code: 3, stdout: "" });
    expect(empty.stderr).toContain("chat 502 would get no digest now: nothing new for it");
    const unknown = await cli(["digest", "preview", "999"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("nashra: no chat 999 in the database");
    const usage = await cli(["digest", "send", "501"]);
    expect(usage.code).toBe(2);
  });

  it("refuses an unknown command with a non-zero exit", async () => {
    const result = await cli(["frobnicate"], undefined, true);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe('nashra: unknown command "frobnicate" (see --help)');
  });
});
