// Composition: config → store → services → bot → HTTP server, and the orderly stop of all of it.
import type { AddressInfo } from "node:net";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { Api, type Bot, webhookCallback } from "grammy";
import { AlertService } from "./alerts/service";
import { ALLOWED_UPDATES, createBot } from "./bot";
import { syncCommandMenus } from "./bot/commands";
import type { BotDeps, NashraContext } from "./bot/context";
import { statusUpdater } from "./bot/features/alerts";
import { type Clock, systemClock } from "./clock";
import type { Config } from "./config";
import { concurrencyFor, Delivery, RateLimiter } from "./delivery";
import { ScheduleArmer, type ScheduleArmerOptions } from "./digest/arm-schedules";
import { DigestService } from "./digest/service";
import { createHttpServer } from "./http/server";
import { I18n } from "./i18n";
import { createLogger, type Logger } from "./logger";
import { Metrics } from "./metrics";
import { createServices } from "./services";

/** How long a stop waits for updates in flight. main.ts exits anyway shortly after. */
const DRAIN_MS = 4000;

/** A running Nashra. */
export interface App {
  bot: Bot<NashraContext>;
  deps: BotDeps;
  /** The HTTP port actually bound (PORT=0 picks a free one). */
  port: number;
  /** Stops taking updates, lets handlers in flight finish, closes the HTTP server and the database. */
  stop(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Timers of the digest scheduler (tests drive them). */
  timers?: ScheduleArmerOptions["timers"];
  /** How often an alert's status message may be edited (tests shorten it). */
  alertStatusIntervalMs?: number;
}

/** Builds the services around one database and starts the bot in the configured mode. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = new Metrics();
  const services = createServices({
    databasePath: config.DATABASE_PATH,
    clock,
    logger,
    feedPollMinutes: config.FEED_POLL_MINUTES,
    boilerplateFile: config.BOILERPLATE_FILE,
  });
  const { store, feeds } = services;
  try {
    // The sender reports progress to the alerts, which are built after it (they enqueue through it).
    let alerts: AlertService | undefined;
    const delivery = new Delivery(store, new RateLimiter(config.SEND_RATE), {
      // The sender has an Api of its own: the bot's passes replies through the limiter's reply path.
      api: new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 }),
      clock,
      logger,
      concurrency: concurrencyFor(config.SEND_RATE),
      paidBroadcast: config.PAID_BROADCAST,
      events: {
        sent: (row, latencyMs) => {
          metrics.deliveries.inc({ outcome: "sent", purpose: row.purpose });
          metrics.sendLatency.observe(latencyMs / 1000);
        },
        failed: (row) => metrics.deliveries.inc({ outcome: "failed", purpose: row.purpose }),
        dropped: (row) => metrics.deliveries.inc({ outcome: "dropped", purpose: row.purpose }),
        flood: () => metrics.floods.inc(),
        progress: (ref) => alerts?.noteProgress(ref),
      },
    });
    const i18n = new I18n(config.DEFAULT_LANGUAGE);
    // What alerts and digests both need to render and enqueue for readers.
    const publishing = {
      store,
      topics: services.topics,
      delivery,
      i18n,
      clock,
      logger,
      defaultLanguage: config.DEFAULT_LANGUAGE,
      defaultTimezone: config.DEFAULT_TIMEZONE,
    };
    alerts = new AlertService({
      ...publishing,
      ...(options.alertStatusIntervalMs === undefined
        ? {}
        : { statusIntervalMs: options.alertStatusIntervalMs }),
    });
    const digests = new DigestService(publishing);
    const schedules = new ScheduleArmer({
      store,
      digests,
      clock,
      logger,
      ...(options.timers ? { timers: options.timers } : {}),
    });
    const deps: BotDeps = {
      ...services,
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
    const bot = createBot(config.BOT_TOKEN, deps);
    bot.api.config.use(delivery.replyTransformer());
    await bot.init();
    alerts.onStatus = statusUpdater(bot.api, i18n);
    const alertService = alerts;
    // Breaking items of auto-alert feeds become alerts as soon as a poll brings them in.
    feeds.onNewArticles = (feed, added) => {
      if (feed.autoAlert && added.some((a) => a.article.breaking)) alertService.autoAlert();
    };
    try {
      await syncCommandMenus(bot.api, deps);
    } catch (error) {
      logger.warn({ err: error }, "could not register the command menus");
    }

    const webhook =
      config.BOT_MODE === "webhook"
        ? {
            path: new URL(config.WEBHOOK_URL).pathname,
            secret: config.WEBHOOK_SECRET,
            handle: webhookCallback(bot, "http", { secretToken: config.WEBHOOK_SECRET }),
          }
        : undefined;
    const server = createHttpServer({ store, metrics, logger, ...(webhook ? { webhook } : {}) });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.PORT, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;

    let runner: RunnerHandle | undefined;
    if (config.BOT_MODE === "webhook") {
      await bot.api.setWebhook(config.WEBHOOK_URL, {
        secret_token: config.WEBHOOK_SECRET,
        allowed_updates: [...ALLOWED_UPDATES],
      });
    } else {
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    }
    feeds.start();
    delivery.sender.start();
    alerts.resume();
    schedules.start();
    logger.info({ mode: config.BOT_MODE, port, bot: bot.botInfo.username }, "nashra started");

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        // Updates first (the spec: stop taking updates, finish the ones in flight), then the background work.
        if (runner) {
          if (runner.isRunning()) await runner.stop();
          // stop() ends fetching only; let the updates already taken finish (their replies included).
          const deadline = Date.now() + DRAIN_MS;
          while (runner.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        }
        await feeds.stop();
        alertService.stop();
        await schedules.stop();
        await delivery.sender.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        store.close();
        logger.info("nashra stopped");
      })();
      return stopping;
    };
    return { bot, deps, port, stop };
  } catch (error) {
    store.close();
    throw error;
  }
}
