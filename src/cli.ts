// `npm run cli -- <command>`: the same services the bot uses, from a shell. Results go to stdout,
// everything else to stderr; exit 0 on success, 1 with a one-line error otherwise.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, sep } from "node:path";
import { parseArgs } from "node:util";
import { collectStats } from "./admin/stats";
import { systemClock } from "./clock";
import { type CliConfig, ConfigError, loadCliConfig } from "./config";
import { DigestService } from "./digest/service";
import type { Language } from "./domain";
import { I18n } from "./i18n";
import { parseFeed } from "./ingest/feed";
import { fetchFeed } from "./ingest/fetch-feed";
import type { ImportedArticle } from "./ingest/importer";
import { parseJsonArticles } from "./ingest/json";
import { parsePlainText } from "./ingest/plain-text";
import { type ArticleInput, IngestError } from "./ingest/types";
import { createLogger } from "./logger";
import { RoleService } from "./roles/service";
import { createServices, type Services } from "./services";
import { htmlToText, stripBidi } from "./text/html";
import { messageHtml } from "./text/message";

const HELP: Record<string, string> = {
  main: `Usage: npm run cli -- <command> [options]

Commands:
  import <file|dir|url>...   import articles: .txt (plain text), .json, .xml/.rss/.atom, a folder of them, or a feed URL
  tag [--mentions]           read an article on stdin, print the slugs of the topics it is about, one per line
  topics                     list the topic catalog
  feeds add <url> [--auto-alert] | list | remove <id> | poll
  digest preview <chat id>   what that chat would get in a digest now (nothing is sent or marked)
  stats                      the figures of /stats: articles, readers, subscriptions, deliveries, queue

Every command takes --help. The database is DATABASE_PATH (default ./data/nashra.db).`,
  import: `Usage: npm run cli -- import <file|dir|url>...

Imports articles. Each file is read and checked whole first: a malformed one imports nothing. A large
file is then written in short transactions, so a running bot keeps writing (alerts, readers) meanwhile.
  .txt        one article: first line the title, then paragraphs; the site's footer is removed
              (built-in rules plus BOILERPLATE_FILE, if set)
  .json       an array of {title, body, url?, published_at?, source?}
  .xml .rss .atom   an RSS 2.0 or Atom document
  a folder    every such file in it, recursively
  http(s)://  a feed, fetched once
Prints one line per article: #id, title, and the topics it is about and those it only mentions
(slugs, the most salient first). An article already stored (same guid, link or text) is not stored
again: its line names the article it is (near-duplicates: the same story from another source, which is
recorded on it). Then one summary line per file.`,
  tag: `Usage: echo "text" | npm run --silent cli -- tag [--mentions]

Reads an article on stdin (first line the title, then paragraphs, as import reads .txt) and prints the
slugs of the topics it is about, one per line, in order of first mention. --mentions also prints the
topics it only mentions, after them, as "slug<TAB>mention".`,
  topics: `Usage: npm run cli -- topics

Lists every topic: slug, Arabic name, English name, indented under its parent.`,
  feeds: `Usage: npm run cli -- feeds <add <url> [--auto-alert] | list | remove <id> | poll>

  add <url>       add a feed and read it once (--auto-alert: its breaking items become alerts)
  list            every feed with its last success and last error
  remove <id>     remove a feed (its articles stay)
  poll            read every feed now`,
  digest: `Usage: npm run cli -- digest preview <chat id> [--html]

Prints the digest the chat would get now from its own topics: the articles since its previous digest
(or since it subscribed, within the last 7 days), minus those it got as alerts, in its language and
time zone. Messages are separated by a line of dashes; --html prints the Telegram HTML as sent.
Nothing is sent and nothing is marked. Exit status 3 when the chat would get no digest (nothing new,
digests off, or it blocked the bot).`,
  stats: `Usage: npm run cli -- stats

Prints the figures of the bot's /stats: articles (today counted in DEFAULT_TIMEZONE), topics, readers
by kind of chat, subscriptions and the most followed topics, feeds, deliveries sent and failed in the
last 24 hours, and the messages waiting to be sent. As in /stats, the staff's own private chats are not
readers: ADMIN_IDS and EDITOR_IDS (set them as for the bot) and the roles granted in the bot.`,
};

class UsageError extends Error {}

const out = (line = "") => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h" },
      "auto-alert": { type: "boolean" },
      html: { type: "boolean" },
      mentions: { type: "boolean" },
    },
  });
  const [command, ...rest] = positionals;
  if (!command) {
    out(HELP.main);
    if (!values.help) throw new UsageError("no command given");
    return;
  }
  if (!(command in HELP) || command === "main")
    throw new UsageError(`unknown command "${command}" (see --help)`);
  if (values.help) {
    out(HELP[command]);
    return;
  }
  const config = loadCliConfig();
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, 2);
  const services = createServices({
    databasePath: config.DATABASE_PATH,
    clock: systemClock,
    logger,
    feedPollMinutes: config.FEED_POLL_MINUTES,
    boilerplateFile: config.BOILERPLATE_FILE,
    feedAllowHosts: config.FEED_ALLOW_HOSTS,
  });
  try {
    switch (command) {
      case "import":
        return await importCommand(services, rest, config.FEED_ALLOW_HOSTS);
      case "tag":
        return tagCommand(services, values.mentions === true);
      case "topics":
        return topicsCommand(services);
      case "feeds":
        return await feedsCommand(services, rest, values["auto-alert"] === true);
      case "stats":
        return statsCommand(services, config);
      case "digest":
        return digestCommand(services, rest, values.html === true, config);
    }
  } finally {
    services.store.close();
  }
}

/**
 * The files an import argument names: the file itself, or the importable files of a folder and its
 * subfolders. A link is followed only when its target is inside the folder (a readme.txt → ../.env would
 * publish what it points to), and each real folder is walked once (links in a loop end). Links skipped
 * are said on stderr.
 */
function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const root = realpathSync(path);
  const walked = new Set<string>();
  const walk = (dir: string, real: string): string[] => {
    if (walked.has(real)) return [];
    walked.add(real);
    return readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const child = join(dir, name);
        let target: string;
        try {
          target = realpathSync(child);
        } catch {
          process.stderr.write(`nashra: ${child}: skipped, a link to nothing\n`);
          return [];
        }
        if (target !== root && !target.startsWith(`${root}${sep}`)) {
          process.stderr.write(`nashra: ${child}: skipped, a link to outside the folder\n`);
          return [];
        }
        if (statSync(target).isDirectory()) return walk(child, target);
        return [".txt", ".json", ".xml", ".rss", ".atom"].includes(extname(name).toLowerCase())
          ? [child]
          : [];
      });
  };
  return walk(path, root);
}

/** Reads one file's articles by its extension (or its first character when the extension says nothing). */
function readArticles(path: string, services: Services): ArticleInput[] {
  const text = readFileSync(path, "utf8");
  const ext = extname(path).toLowerCase();
  const kind =
    ext === ".txt"
      ? "text"
      : ext === ".json"
        ? "json"
        : [".xml", ".rss", ".atom"].includes(ext)
          ? "feed"
          : undefined;
  const sniffed =
    kind ?? (text.trimStart().startsWith("<") ? "feed" : text.trimStart().startsWith("[") ? "json" : "text");
  if (sniffed === "json") return parseJsonArticles(text, services.boilerplate);
  if (sniffed === "feed") {
    return parseFeed(text, services.boilerplate).items; // each item's source is already the feed's title
  }
  return [parsePlainText(text, services.boilerplate)];
}

/** One line per imported article: what was stored, or which stored article it is. */
function report(imported: ImportedArticle[]): void {
  for (const { article, tags, created, nearDuplicate, deleted } of imported) {
    const title = article.title.replace(/\t/g, " ");
    if (!created) {
      // An editor deleted it (/article): it stays deleted, whatever the import says.
      const gone = deleted ? " (deleted by an editor: not imported again)" : "";
      out(
        nearDuplicate === undefined
          ? `#${article.id}\t${title}\talready stored as #${article.id}${gone}`
          : `#${article.id}\t${title}\tmerged into #${article.id} (same story, similarity ${nearDuplicate})`,
      );
      continue;
    }
    const slugs = (about: boolean) =>
      tags
        .filter((t) => t.about === about)
        .map((t) => t.topic.slug)
        .join(", ") || "-";
    out(`#${article.id}\t${title}\tabout: ${slugs(true)}\tmentions: ${slugs(false)}`);
  }
}

function summary(imported: ImportedArticle[]): string {
  const added = imported.filter((a) => a.created).length;
  return `${added} new, ${imported.length - added} already stored`;
}

async function importCommand(
  services: Services,
  targets: string[],
  allowHosts: readonly string[],
): Promise<void> {
  if (targets.length === 0)
    throw new UsageError("import needs a file, a folder or a URL (see import --help)");
  let failed = 0;
  for (const target of targets) {
    if (/^https?:\/\//i.test(target)) {
      try {
        const result = await fetchFeed(target, { allowHosts });
        if (result.kind !== "ok")
          throw new IngestError("the server answered 304 Not Modified to a plain GET");
        const feed = parseFeed(result.body, services.boilerplate);
        const imported = services.importer.importAll(feed.items, {
          origin: "import",
          source: feed.title ?? null,
        });
        report(imported);
        out(`${target}: ${summary(imported)}`);
      } catch (error) {
        failed++;
        process.stderr.write(`nashra: ${target}: ${oneLine(error)}\n`);
      }
      continue;
    }
    let files: string[];
    try {
      files = filesOf(target);
    } catch (error) {
      failed++;
      process.stderr.write(`nashra: ${target}: ${oneLine(error)}\n`);
      continue;
    }
    for (const file of files) {
      try {
        const imported = services.importer.importAll(readArticles(file, services), { origin: "import" });
        report(imported);
        out(`${file}: ${summary(imported)}`);
      } catch (error) {
        failed++;
        process.stderr.write(`nashra: ${file}: ${oneLine(error)}\n`);
      }
    }
  }
  if (failed > 0) throw new ReportedError(`${failed} import${failed === 1 ? "" : "s"} failed`);
}

/** `tag [--mentions]`: the topics an article on stdin is about (and, with --mentions, those it mentions). */
function tagCommand(services: Services, mentions: boolean): void {
  const text = readFileSync(0, "utf8");
  let article: ArticleInput;
  try {
    article = parsePlainText(text, services.boilerplate);
  } catch (error) {
    if (error instanceof IngestError) return; // no title line: nothing to tag
    throw error;
  }
  const { title, body } = article;
  const tags = services.topics.index().tagText(`${title}\n${body}`);
  for (const t of tags) if (t.about) out(t.topic.slug);
  if (mentions) for (const t of tags) if (!t.about) out(`${t.topic.slug}\tmention`);
}

function topicsCommand(services: Services): void {
  for (const t of services.topics.index().ordered)
    out(`${"  ".repeat(t.depth)}${t.slug}\t${t.nameAr}\t${t.nameEn}`);
}

async function feedsCommand(services: Services, args: string[], autoAlert: boolean): Promise<void> {
  const [action, argument] = args;
  const { feeds } = services;
  switch (action) {
    case "add": {
      if (!argument) throw new UsageError("feeds add needs a URL");
      const result = await feeds.add(argument, { autoAlert });
      if (!result) throw new UsageError(`"${argument}" is not an http(s) URL`);
      if ("refused" in result) throw new ReportedError(`not added, it is no feed: ${result.refused.message}`);
      if (!result.created) {
        out(`#${result.feed.id} already there: ${result.feed.url}`);
        return;
      }
      const outcome = result.outcome;
      out(`#${result.feed.id} added: ${result.feed.title ?? result.feed.url}`);
      if (outcome?.status === "error")
        throw new ReportedError(`first read failed: ${outcome.error?.message}`);
      out(`${outcome?.added.length ?? 0} new articles`);
      return;
    }
    case "list":
      for (const f of feeds.list()) {
        const ok = f.lastSuccessAt ? new Date(f.lastSuccessAt).toISOString() : "never";
        const error = f.lastError ? `\tlast error: ${f.lastError.message}` : "";
        out(
          `#${f.id}\t${f.url}\t${f.title ?? ""}\tauto-alert: ${f.autoAlert ? "on" : "off"}\tlast success: ${ok}${error}`,
        );
      }
      return;
    case "remove": {
      const id = Number(argument);
      if (!Number.isInteger(id) || !feeds.remove(id)) throw new UsageError(`no feed #${argument ?? ""}`);
      out(`#${id} removed`);
      return;
    }
    case "poll": {
      const outcomes = await feeds.pollAll();
      let failed = 0;
      for (const o of outcomes) {
        if (o.status === "error") failed++;
        out(`#${o.feed.id}\t${o.status}\t${o.added.length} new${o.error ? `\t${o.error.message}` : ""}`);
      }
      if (failed > 0) throw new ReportedError(`${failed} feed${failed === 1 ? "" : "s"} failed`);
      return;
    }
    default:
      throw new UsageError("feeds needs add, list, remove or poll (see feeds --help)");
  }
}

/**
 * The figures of /stats (days in DEFAULT_TIMEZONE), one per line, name and value separated by a tab. The staff
 * (ADMIN_IDS, EDITOR_IDS and the roles granted in the bot, as the bot counts them) are not readers.
 */
function statsCommand(services: Services, config: CliConfig): void {
  const { store, topics } = services;
  const zone = config.DEFAULT_TIMEZONE;
  const staff = new RoleService(store, config).staffIds();
  const report = collectStats(store, topics.index(), systemClock(), zone, staff);
  const { readers: r } = report;
  const kind = (k: { active: number; inactive: number }) => `${k.active} active, ${k.inactive} inactive`;
  const all = [r.private, r.groups, r.channels];
  out(`articles\t${report.articles.total}`);
  out(`articles today\t${report.articles.today} (since midnight ${zone})`);
  out(`topics\t${topics.index().size}`);
  out(
    `readers\t${all.reduce((n, k) => n + k.active + k.inactive, 0)} (${all.reduce((n, k) => n + k.active, 0)} active)`,
  );
  out(`staff\t${report.staff} (their private chats are not readers)`);
  out(`readers private\t${kind(r.private)}`);
  out(`readers groups\t${kind(r.groups)}`);
  out(`readers channels\t${kind(r.channels)}`);
  out(`subscriptions\t${report.subscriptions}`);
  for (const t of report.topTopics) out(`  ${t.nameEn}\t${t.readers}`);
  out(`feeds\t${store.feeds.all().length}`);
  out(`sent last 24 h\t${report.deliveries.sent}`);
  out(`failed last 24 h\t${report.deliveries.failed}`);
  out(`queue\t${report.queueDepth}`);
}

/** `digest preview <chat id>`: the digest the chat would get now, as text (or HTML). */
function digestCommand(
  services: Services,
  args: string[],
  html: boolean,
  config: { DEFAULT_LANGUAGE: Language; DEFAULT_TIMEZONE: string },
): void {
  const [sub, id, ...extra] = args;
  const chatId = id !== undefined && /^-?\d{1,16}$/.test(id) ? Number(id) : undefined;
  if (sub !== "preview" || chatId === undefined || extra.length > 0) {
    throw new UsageError("digest needs: preview <chat id> (see digest --help)");
  }
  const digests = new DigestService({
    store: services.store,
    topics: services.topics,
    audience: services.audience,
    i18n: new I18n(config.DEFAULT_LANGUAGE),
    clock: systemClock,
    logger: createLogger("silent"),
    defaultLanguage: config.DEFAULT_LANGUAGE,
    defaultTimezone: config.DEFAULT_TIMEZONE,
  });
  const preview = digests.preview(chatId);
  if (preview.kind === "unknown-chat") throw new Error(`no chat ${chatId} in the database`);
  if (preview.kind !== "digest") {
    const why = {
      empty: "nothing new for it",
      "digests-off": "it turned digests off",
      inactive: "it blocked the bot or left",
    }[preview.kind];
    process.stderr.write(`chat ${chatId} would get no digest now: ${why}\n`);
    process.exitCode = 3;
    return;
  }
  out(
    messageHtml(preview.message)
      .map((p) => (html ? p : stripBidi(htmlToText(p))))
      .join("\n----------\n"),
  );
}

/** An error whose details were already printed; only the summary line remains. */
class ReportedError extends Error {}

function oneLine(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    const code = error.code;
    if (code === "ENOENT") return "no such file or folder";
    if (code === "EACCES") return "permission denied";
    if (code === "EISDIR") return "is a folder";
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`nashra: configuration error: ${error.message}\n`);
  else process.stderr.write(`nashra: ${oneLine(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
