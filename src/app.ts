// Composition: buildApp wires config → store → services → bot → HTTP server (constructors only, no network);
// startApp starts the parts in order and stops them in the reverse order.
import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, type Bot } from "grammy";
import { StatsService } from "./admin/stats";
import { BreakingOfferLog } from "./alerts/offers";
import { AlertService, type AlertServiceOptions } from "./alerts/service";
import { ALLOWED_UPDATES, createBot } from "./bot";
import { AlertStatusMessages } from "./bot/alert-status";
import { BreakingOffers } from "./bot/breaking-offers";
import { commandsFor, syncCommandMenus } from "./bot/commands";
import type { BotDeps, NashraContext } from "./bot/context";
import { type Clock, systemClock } from "./clock";
import type { Config } from "./config";
import { concurrencyFor, Delivery, RateLimiter } from "./delivery";
import { OutboxCompaction } from "./delivery/compaction";
import type { SenderEvents } from "./delivery/sender";
import { ScheduleArmer, type ScheduleArmerOptions } from "./digest/arm-schedules";
import { DigestService } from "./digest/service";
import { createHttpServer } from "./http/server";
import { webhookRoute } from "./http/webhook";
import { I18n } from "./i18n";
import { createLogger, type Logger } from "./logger";
import { Metrics } from "./metrics";
import { RoleService } from "./roles/service";
import { createFeedService, openCoreServices, type ServiceOptions } from "./services";
import type { Store } from "./store";
import type { Message } from "./text/message";
import { TipService } from "./tips/service";

/**
 * Updates handled at once when polling (grammY runner's sink; its default is 500). Replies go out at Telegram's
 * ~30 a second, so a burst of 5,000 readers typing /subscribe kept 500 handlers waiting up to ~17 s each: long
 * enough for V8 to promote them to the old generation, where their garbage stayed (the bot at 150 MB after such a
 * burst in one run of `bench -- outside`, 110 MB in others). 100 is ~3 s of replies: no slower, and less held.
 */
const UPDATES_IN_FLIGHT = 100;
/** How long a stop waits for updates in flight. main.ts exits anyway shortly after. */
const DRAIN_MS = 4000;

/** A running Nashra. */
export interface App {
  bot: Bot<NashraContext>;
  deps: BotDeps;
  /** The database (the bot reaches it only through the services; tests and tools look at it). */
  store: Store;
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  /** Stops taking updates, lets handlers in flight finish, stops the background work, closes the database. */
  stop(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Timers of the digest scheduler (tests drive them). */
  timers?: ScheduleArmerOptions["timers"];
  /** How often an alert's status message may be edited (tests shorten it). */
  alertStatusIntervalMs?: number;
  /** The alert fan-out's chunk sizes (tests: small, to walk an audience in many steps). */
  alertFanout?: AlertServiceOptions["fanout"];
  /** How long a webhook request waits for its update's handling (tests shorten it). */
  webhookTimeoutMs?: number;
  /** The shortest interval /schedule accepts (default MIN_SCHEDULE_INTERVAL_MS; tests lower it). */
  minScheduleIntervalMs?: number;
  /** Limits of the feed parser's threads: parse timeout, heap (tests lower them). */
  feedParsing?: ServiceOptions["feedParsing"];
}

/** Something that runs: started in the order of `BuiltApp.parts`, stopped in the reverse order. */
export interface Part {
  name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/** Nashra wired and not started: nothing has touched the network (the database file is open). */
export interface BuiltApp {
  bot: Bot<NashraContext>;
  deps: BotDeps;
  store: Store;
  parts: Part[];
  /** The HTTP port, once the "http" part has started. */
  port(): number;
}

/** The outbox's events as metrics. */
function deliveryMetrics(metrics: Metrics): SenderEvents {
  return {
    sent: (row, latencyMs) => {
      metrics.deliveries.inc({ outcome: "sent", purpose: row.purpose });
      metrics.sendLatency.observe(latencyMs / 1000);
    },
    failed: (row) => metrics.deliveries.inc({ outcome: "failed", purpose: row.purpose }),
    dropped: (row) => metrics.deliveries.inc({ outcome: "dropped", purpose: row.purpose }),
    flood: () => metrics.floods.inc(),
    error: (error) => metrics.noteError("sender", error),
  };
}

/** Builds every part around one database; each constructor gets what it needs, nothing is set afterwards. */
export function buildApp(config: Config, options: AppOptions = {}): BuiltApp {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = new Metrics({ clock, commands: commandsFor("admin") });
  const serviceOptions = {
    databasePath: config.DATABASE_PATH,
    clock,
    logger,
    feedPollMinutes: config.FEED_POLL_MINUTES,
    boilerplateFile: config.BOILERPLATE_FILE,
    feedAllowHosts: config.FEED_ALLOW_HOSTS,
    ...(options.feedParsing ? { feedParsing: options.feedParsing } : {}),
  };
  const core = openCoreServices(serviceOptions);
  const { store } = core;
  try {
    // The sender's own Api (the bot's passes replies through the limiter's reply path); it also edits
    // alerts' status messages.
    const telegram = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
    const delivery: Delivery = new Delivery(store, new RateLimiter(config.SEND_RATE, clock), {
      api: telegram,
      clock,
      logger,
      concurrency: concurrencyFor(config.SEND_RATE),
      paidBroadcast: config.PAID_BROADCAST,
      // The last message of an alert is reported at once (the alert service checks each event cheaply).
      events: { ...deliveryMetrics(metrics), progress: (ref) => alerts.noteProgress(ref) },
      // Digests are stored as recipes and rendered as they are sent (src/digest/render.ts).
      render: (recipe): Message | undefined => digests.render(recipe),
    });
    const i18n = new I18n(config.DEFAULT_LANGUAGE);
    // The bot's username, known once the bot is started (getMe): alerts and digests link to articles in the bot.
    const identity: { username?: string } = {};
    // What alerts and digests both need to render and enqueue for readers.
    const publishing = {
      botUsername: () => identity.username,
      store,
      topics: core.topics,
      audience: core.audience,
      delivery,
      i18n,
      clock,
      logger,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      defaultTimezone: config.DEFAULT_TIMEZONE,
    };
    const alerts = new AlertService({
      ...publishing,
      status: new AlertStatusMessages(telegram, i18n),
      staff: () => [...config.ADMIN_IDS, ...config.EDITOR_IDS, ...store.roles.all().map((r) => r.userId)],
      ...(options.alertStatusIntervalMs === undefined
        ? {}
        : { statusIntervalMs: options.alertStatusIntervalMs }),
      fanout: options.alertFanout,
    });
    const roles = new RoleService(store, config);
    const offers = new BreakingOffers(telegram, {
      i18n,
      readers: core.readers,
      roles,
      delivery,
      log: new BreakingOfferLog(store),
      logger,
      defaultLanguage: config.DEFAULT_LANGUAGE,
    });
    // Breaking items of auto-alert feeds become alerts as soon as a poll brings them in; those of other feeds
    // are offered to the editors at once.
    const feeds = createFeedService(core, serviceOptions, (feed, added, poll) => {
      if (feed.autoAlert && added.some((a) => a.article.breaking)) alerts.autoAlert();
      // Not on a feed's first items (what /addfeed reads is its backlog, and the editor is reading the reply).
      else if (!feed.autoAlert && !poll?.firstRead) {
        const breaking = added
          .filter((a) => a.article.breaking)
          .map(({ article: a }) => ({ id: a.id, title: a.title }));
        try {
          offers.offer(feed, breaking);
        } catch (error) {
          logger.warn({ err: error }, "breaking offer failed");
        }
      }
    });
    const digests: DigestService = new DigestService(publishing);
    const schedules = new ScheduleArmer({
      store,
      digests,
      clock,
      logger,
      ...(options.minScheduleIntervalMs === undefined
        ? {}
        : { minIntervalMs: options.minScheduleIntervalMs }),
      ...(options.timers ? { timers: options.timers } : {}),
    });
    const { topics, articles, editor, importer, readers, audience } = core;
    const tips = new TipService({
      store,
      roles,
      delivery,
      importer,
      clock,
      defaultLanguage: config.DEFAULT_LANGUAGE,
    });
    const deps: BotDeps = {
      topics,
      audience,
      articles,
      editor,
      importer,
      readers,
      feeds,
      roles,
      tips,
      offers,
      stats: new StatsService(store, topics, clock, config.DEFAULT_TIMEZONE, () => roles.staffIds()),
      delivery,
      alerts,
      digests,
      schedules,
      config,
      i18n,
      logger,
      metrics,
      clock,
    };
    const compaction = new OutboxCompaction({
      store,
      clock,
      logger,
      keepDays: config.OUTBOX_KEEP_DAYS,
      onError: (error) => metrics.noteError("outbox-compaction", error),
    });
    const bot = createBot(config.BOT_TOKEN, deps);
    bot.api.config.use(delivery.replyTransformer());
    const webhook =
      config.BOT_MODE === "webhook"
        ? webhookRoute(bot, config.WEBHOOK_URL, config.WEBHOOK_SECRET, options.webhookTimeoutMs)
        : undefined;
    const server = createHttpServer({ store, metrics, logger, clock, ...(webhook ? { webhook } : {}) });

    let runner: RunnerHandle | undefined;
    const parts: Part[] = [
      { name: "database", start() {}, stop: () => store.close() },
      {
        name: "bot",
        async start() {
          await bot.init();
          identity.username = bot.botInfo.username;
          try {
            await syncCommandMenus(bot.api, deps);
          } catch (error) {
            logger.warn({ err: error }, "could not register the command menus");
          }
        },
        stop() {},
      },
      {
        name: "http",
        start: () =>
          new Promise<void>((resolve, reject) => {
            server.once("error", reject);
            server.listen(config.PORT, config.HTTP_HOST, () => resolve());
          }),
        stop: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      },
      { name: "sender", start: () => delivery.sender.start(), stop: () => delivery.sender.stop() },
      { name: "outbox-compaction", start: () => compaction.start(), stop: () => compaction.stop() },
      { name: "schedules", start: () => schedules.start(), stop: () => schedules.stop() },
      { name: "alerts", start: () => alerts.resume(), stop: () => alerts.stop() },
      { name: "feeds", start: () => feeds.start(), stop: () => feeds.stop() },
      {
        // Last to start, first to stop (the spec: stop taking updates, finish the ones in flight).
        name: "updates",
        async start() {
          if (config.BOT_MODE === "webhook") {
            await bot.api.setWebhook(config.WEBHOOK_URL, {
              secret_token: config.WEBHOOK_SECRET,
              allowed_updates: [...ALLOWED_UPDATES],
            });
          } else {
            await bot.api.deleteWebhook();
            runner = run(bot, {
              runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
              sink: { concurrency: UPDATES_IN_FLIGHT },
            });
          }
        },
        async stop() {
          if (!runner) return;
          if (runner.isRunning()) await runner.stop();
          // stop() ends fetching only; let the updates already taken finish (their replies included).
          const deadline = clock() + DRAIN_MS;
          while (runner.size() > 0 && clock() < deadline) await new Promise((r) => setTimeout(r, 10));
        },
      },
    ];
    return { bot, deps, store, parts, port: () => (server.address() as AddressInfo).port };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** Stops parts in the reverse order of `parts` (those that started). */
async function stopAll(parts: readonly Part[]): Promise<void> {
  for (const part of [...parts].reverse()) await part.stop();
}

/** Builds Nashra and starts it in the configured mode; a part that fails to start stops those before it. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const built = buildApp(config, options);
  const { bot, deps, store, parts } = built;
  const started: Part[] = [];
  try {
    for (const part of parts) {
      await part.start();
      started.push(part);
    }
  } catch (error) {
    await stopAll(started).catch((stopError: unknown) => {
      deps.logger.warn({ err: stopError }, "could not stop what had started");
    });
    throw error;
  }
  const port = built.port();
  deps.logger.info({ mode: config.BOT_MODE, port, bot: bot.botInfo.username }, "nashra started");
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopAll(parts).then(() => deps.logger.info("nashra stopped"));
    return stopping;
  };
  return { bot, deps, store, port, stop };
}
