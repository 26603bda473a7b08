// The bot's context: what every handler gets besides grammY's own context.
import type { Context } from "grammy";
import type { StatsService } from "../admin/stats";
import type { AlertService } from "../alerts/service";
import type { ArticleEditor } from "../articles/editor";
import type { ArticleService } from "../articles/service";
import type { AudiencePolicy } from "../audience/policy";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { Delivery } from "../delivery";
import type { ScheduleArmer } from "../digest/arm-schedules";
import type { DigestService } from "../digest/service";
import type { Language, Role } from "../domain";
import type { FeedService } from "../feeds/service";
import type { I18n, MessageArgs } from "../i18n";
import type { Importer } from "../ingest/importer";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import type { ReaderService } from "../readers/service";
import type { RoleService } from "../roles/service";
import type { ChatRecord } from "../store/chats";
import type { TipService } from "../tips/service";
import type { TopicService } from "../topics/service";
import type { BreakingOffers } from "./breaking-offers";

/** The services the bot calls; handlers stay thin and leave the rules (and the store) to these. */
export interface BotDeps {
  config: Config;
  readers: ReaderService;
  roles: RoleService;
  topics: TopicService;
  articles: ArticleService;
  /** Who receives what, and a chat's own words (mutes). */
  audience: AudiencePolicy;
  editor: ArticleEditor;
  importer: Importer;
  feeds: FeedService;
  stats: StatsService;
  delivery: Delivery;
  alerts: AlertService;
  digests: DigestService;
  schedules: ScheduleArmer;
  /** Readers' tips to the newsroom. */
  tips: TipService;
  /** Breaking items offered to the editors (Ignore clears every editor's copy). */
  offers: BreakingOffers;
  i18n: I18n;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
}

export interface NashraFlavor {
  deps: BotDeps;
  /** The chat as stored (absent for updates without a chat). */
  reader?: ChatRecord;
  /** The language replies are written in (`chatLanguage`). */
  language: Language;
  /** The time zone times are shown in (`chatTimeZone`). */
  timeZone: string;
  /** The sender's role. */
  role: Role;
  /** A localized message as Telegram HTML (string arguments escaped). */
  t(key: string, args?: MessageArgs): string;
  /** A localized message as plain text (buttons, toasts). */
  tp(key: string, args?: MessageArgs): string;
}

export type NashraContext = Context & NashraFlavor;
