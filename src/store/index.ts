// The store: one SQLite file and a module per table group. No Telegram or grammY here.
import type { Clock } from "../clock";
import { AlertStore } from "./alerts";
import { ArticleStore } from "./articles";
import { AudienceStore } from "./audience";
import { ChatStore } from "./chats";
import { type Db, openDatabase } from "./db";
import { DigestStore } from "./digests";
import { ExceptionStore } from "./exceptions";
import { FeedStore } from "./feeds";
import { OfferStore } from "./offers";
import { OutboxStore } from "./outbox";
import { PendingInputStore } from "./pending-inputs";
import { PhraseStore } from "./phrases";
import { RoleStore } from "./roles";
import { StatsStore } from "./stats";
import { SubscriptionStore } from "./subscriptions";
import { TipStore } from "./tips";
import { TopicStore } from "./topics";

/** Everything persisted, behind typed methods. */
export interface Store {
  db: Db;
  chats: ChatStore;
  topics: TopicStore;
  subscriptions: SubscriptionStore;
  roles: RoleStore;
  articles: ArticleStore;
  feeds: FeedStore;
  outbox: OutboxStore;
  alerts: AlertStore;
  digests: DigestStore;
  /** Readers' own words (mutes). */
  phrases: PhraseStore;
  /** Places a chat excepts from a followed one above them. */
  exceptions: ExceptionStore;
  /** The audience policy's SQL (src/audience/policy.ts is its only user). */
  audience: AudienceStore;
  /** Counts for /stats. */
  stats: StatsStore;
  /** Readers' tips to the newsroom. */
  tips: TipStore;
  /** What the bot waits for a person to type (after /tip, «↩», «➕»). */
  pendingInputs: PendingInputStore;
  /** Editors' copies of breaking-item offers. */
  offers: OfferStore;
  /** True when the database answers a query (for /healthz). */
  healthy(): boolean;
  /**
   * Writes the time to a meta row in a transaction (for /healthz): "ok", "busy" when another writer holds the
   * lock (not waited for: the probe must not block the event loop), or the SQLite code of the failure.
   */
  probeWrite(): string;
  close(): void;
}

/** Opens the database at `path` (migrating it) and builds the table modules. */
export function createStore(path: string, clock: Clock): Store {
  const db = openDatabase(path);
  const probe = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('health_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  return {
    db,
    chats: new ChatStore(db, clock),
    topics: new TopicStore(db, clock),
    subscriptions: new SubscriptionStore(db, clock),
    roles: new RoleStore(db, clock),
    articles: new ArticleStore(db),
    feeds: new FeedStore(db, clock),
    outbox: new OutboxStore(db, clock),
    alerts: new AlertStore(db, clock),
    digests: new DigestStore(db, clock),
    phrases: new PhraseStore(db, clock),
    exceptions: new ExceptionStore(db, clock),
    audience: new AudienceStore(db, clock),
    stats: new StatsStore(db),
    tips: new TipStore(db, clock),
    pendingInputs: new PendingInputStore(db),
    offers: new OfferStore(db, clock),
    healthy() {
      try {
        return db.open && db.prepare("SELECT 1 AS ok").get() !== undefined;
      } catch {
        return false;
      }
    },
    probeWrite() {
      const timeout = db.pragma("busy_timeout", { simple: true }) as number;
      try {
        db.pragma("busy_timeout = 0");
        db.transaction(() => probe.run(String(clock())))();
        return "ok";
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === "SQLITE_BUSY") return "busy";
        return typeof code === "string" ? code : "failed";
      } finally {
        if (db.open) db.pragma(`busy_timeout = ${timeout}`);
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}
