// The services behind every front (bot, CLI, benchmarks), built around one database.
import { ArticleService } from "./articles/service";
import type { Clock } from "./clock";
import { Importer } from "./ingest/importer";
import {
  type BoilerplateRules,
  defaultBoilerplate,
  loadBoilerplate,
  mergeBoilerplate,
} from "./ingest/plain-text";
import { FeedPoller } from "./ingest/poller";
import type { Logger } from "./logger";
import { createStore, type Store } from "./store";
import { loadCatalog } from "./topics/catalog";
import { TopicService } from "./topics/service";

export interface Services {
  store: Store;
  topics: TopicService;
  importer: Importer;
  articles: ArticleService;
  feeds: FeedPoller;
  /** The site-boilerplate rules for plain-text articles: built-in, plus BOILERPLATE_FILE's. */
  boilerplate: BoilerplateRules;
}

export interface ServiceOptions {
  databasePath: string;
  clock: Clock;
  logger: Logger;
  feedPollMinutes: number;
  boilerplateFile?: string | undefined;
}

/** Opens the database (migrating it, seeding the catalog) and builds the services on it. */
export function createServices(options: ServiceOptions): Services {
  const { clock, logger } = options;
  // Read before opening the database, so a bad rules file stops start-up with nothing open.
  const boilerplate = options.boilerplateFile
    ? mergeBoilerplate(defaultBoilerplate(), loadBoilerplate(options.boilerplateFile))
    : defaultBoilerplate();
  const store = createStore(options.databasePath, clock);
  try {
    const topics = new TopicService(store, loadCatalog());
    const importer = new Importer(store, topics, clock);
    const feeds = new FeedPoller({
      store,
      importer,
      clock,
      logger,
      intervalMs: options.feedPollMinutes * 60_000,
      boilerplate, // the newsroom's footer rules apply to polled feeds as to imported files
    });
    return { store, topics, importer, articles: new ArticleService(store, topics), feeds, boilerplate };
  } catch (error) {
    store.close();
    throw error;
  }
}
