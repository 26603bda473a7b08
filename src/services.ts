// The services behind every front (bot, CLI, benchmarks), built around one database.
import { ArticleEditor } from "./articles/editor";
import { ArticleService } from "./articles/service";
import { AudiencePolicy } from "./audience/policy";
import type { Clock } from "./clock";
import { FeedService } from "./feeds/service";
import { Importer } from "./ingest/importer";
import {
  type BoilerplateRules,
  defaultBoilerplate,
  loadBoilerplate,
  mergeBoilerplate,
} from "./ingest/plain-text";
import type { FeedPollerOptions } from "./ingest/poller";
import type { Logger } from "./logger";
import { ReaderService } from "./readers/service";
import { createStore, type Store } from "./store";
import { loadCatalog } from "./topics/catalog";
import { TopicService } from "./topics/service";

/** The services on the database that need nothing else (no feeds: they may need the alerts). */
export interface CoreServices {
  store: Store;
  topics: TopicService;
  importer: Importer;
  articles: ArticleService;
  /** Editors' changes to articles (/article). */
  editor: ArticleEditor;
  readers: ReaderService;
  /** Who receives an article or an alert, and through which topics. */
  audience: AudiencePolicy;
  /** The site-boilerplate rules for plain-text articles: built-in, plus BOILERPLATE_FILE's. */
  boilerplate: BoilerplateRules;
}

export interface Services extends CoreServices {
  feeds: FeedService;
}

export interface ServiceOptions {
  databasePath: string;
  clock: Clock;
  logger: Logger;
  feedPollMinutes: number;
  boilerplateFile?: string | undefined;
  /** FEED_ALLOW_HOSTS: private hosts feeds may be read from. */
  feedAllowHosts?: readonly string[];
  /** Limits of the feed parser's threads (tests lower them; the defaults otherwise). */
  feedParsing?: FeedPollerOptions["parsing"];
}

/** Opens the database (migrating it, seeding the catalog) and builds the core services on it. */
export function openCoreServices(options: ServiceOptions): CoreServices {
  const { clock } = options;
  // Read before opening the database, so a bad rules file stops start-up with nothing open.
  const boilerplate = options.boilerplateFile
    ? mergeBoilerplate(defaultBoilerplate(), loadBoilerplate(options.boilerplateFile))
    : defaultBoilerplate();
  const store = createStore(options.databasePath, clock);
  try {
    const topics = new TopicService(store, loadCatalog());
    const importer = new Importer(store, topics, clock);
    const audience = new AudiencePolicy(store, topics);
    return {
      store,
      topics,
      importer,
      articles: new ArticleService(store, topics, audience, clock),
      editor: new ArticleEditor(store, topics, clock),
      readers: new ReaderService(store),
      audience,
      boilerplate,
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** The feed service on the core services; `onNewArticles` hears of each poll's new articles (auto-alerts). */
export function createFeedService(
  core: CoreServices,
  options: ServiceOptions,
  onNewArticles?: FeedPollerOptions["onNewArticles"],
): FeedService {
  return new FeedService({
    store: core.store,
    importer: core.importer,
    clock: options.clock,
    logger: options.logger,
    intervalMs: options.feedPollMinutes * 60_000,
    boilerplate: core.boilerplate, // the newsroom's footer rules apply to polled feeds as to imported files
    allowHosts: options.feedAllowHosts ?? [],
    ...(options.feedParsing ? { parsing: options.feedParsing } : {}),
    ...(onNewArticles ? { onNewArticles } : {}),
  });
}

/** Opens the database and builds every service on it (the CLI and benchmarks: no alerts, no bot). */
export function createServices(options: ServiceOptions): Services {
  const core = openCoreServices(options);
  return { ...core, feeds: createFeedService(core, options) };
}
