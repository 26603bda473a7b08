// The figures of /stats and `cli stats`, gathered from the store at one instant, with days counted in
// the newsroom's zone (DEFAULT_TIMEZONE). Rendering (text, chart) is left to the callers.
import type { Clock } from "../clock";
import { nextRun } from "../digest/next-run";
import type { Store } from "../store";
import type { ReaderCounts } from "../store/stats";
import type { TopicService } from "../topics/service";
import type { TopicIndex } from "../topics/topic-index";

/** How many days the chart covers (today included). */
export const CHART_DAYS = 30;
/** How many topics /stats lists. */
export const TOP_TOPICS = 10;

export interface DayFigures {
  /** Local midnight that starts the day (ms). */
  start: number;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Chats stored at the end of the day (or now, for today). */
  readers: number;
  sent: number;
  failed: number;
}

export interface StatsReport {
  at: number;
  zone: string;
  /** Chats that get news: every stored chat but the staff's own private chats. */
  readers: ReaderCounts;
  /** Staff members (ADMIN_IDS, EDITOR_IDS, grants) left out of `readers`. */
  staff: number;
  /** All chats, and subscriptions in total. */
  chats: number;
  subscriptions: number;
  /** Most followed topics first, at most TOP_TOPICS. */
  topTopics: { topicId: number; nameAr: string; nameEn: string; readers: number }[];
  /** Topics with at least one reader beyond the top ones. */
  otherTopics: number;
  /** Articles not deleted; `today`: published (else arrived) since local midnight. */
  articles: { total: number; today: number };
  /** The last 24 hours. */
  deliveries: { sent: number; failed: number };
  queueDepth: number;
  /** The last CHART_DAYS local days, oldest first; the last is today so far. */
  days: DayFigures[];
}

/** Local midnights from the start of the day `days - 1` days before `now`'s day, to the next midnight. */
export function dayStarts(now: number, zone: string, days: number): number[] {
  // The midnight that starts today: the first local midnight after a point safely inside yesterday.
  // Where midnight does not exist (a DST jump at 00:00), the day starts at the end of the gap.
  const midnight = "0 0 * * *";
  let today = nextRun(midnight, zone, new Date(now - 36 * 3_600_000)).getTime();
  for (;;) {
    const next = nextRun(midnight, zone, new Date(today)).getTime();
    if (next > now) break;
    today = next;
  }
  const starts = [today];
  for (let i = 1; i < days; i++) {
    const first = starts[0] as number;
    starts.unshift(nextRun(midnight, zone, new Date(first - 30 * 3_600_000)).getTime());
  }
  starts.push(nextRun(midnight, zone, new Date(today)).getTime());
  return starts;
}

function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(ms);
}

/** Gathers every figure of /stats at `now`; `staffIds` are not counted as readers. */
export function collectStats(
  store: Store,
  index: TopicIndex,
  now: number,
  zone: string,
  staffIds: readonly number[] = [],
): StatsReport {
  const starts = dayStarts(now, zone, CHART_DAYS);
  const { readers, chats } = store.stats.census(staffIds);
  const ends = starts.slice(1, CHART_DAYS + 1).map((end) => Math.min(end, now + 1));
  const all = [readers.private, readers.groups, readers.channels].reduce(
    (n, c) => n + c.active + c.inactive,
    0,
  );
  const before = store.stats.readersBeforeEach(ends, all, staffIds);
  const days: DayFigures[] = [];
  for (let i = 0; i < CHART_DAYS; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    days.push({
      start,
      date: localDate(start, zone),
      readers: before[i] as number,
      ...store.stats.deliveries(start, end),
    });
  }
  const counts = store.subscriptions.countsByTopic();
  const topTopics = counts.slice(0, TOP_TOPICS).flatMap(({ topicId, readers }) => {
    const topic = index.get(topicId);
    return topic ? [{ topicId, nameAr: topic.nameAr, nameEn: topic.nameEn, readers }] : [];
  });
  const today = starts[CHART_DAYS - 1] as number;
  return {
    at: now,
    zone,
    readers,
    staff: staffIds.length,
    chats,
    subscriptions: store.subscriptions.count(),
    topTopics,
    otherTopics: Math.max(0, counts.length - topTopics.length),
    articles: { total: store.articles.countLive(), today: store.articles.countPublishedSince(today) },
    deliveries: store.stats.deliveries(now - 86_400_000, now + 1),
    queueDepth: store.outbox.queueDepth(),
    days,
  };
}

/** The figures of /stats now, for the bot (which has no store of its own). */
export class StatsService {
  constructor(
    private readonly store: Store,
    private readonly topics: TopicService,
    private readonly clock: Clock,
    /** The newsroom's zone, whose days are counted (DEFAULT_TIMEZONE). */
    private readonly zone: string,
    /** The staff, whose own chats are not readers (RoleService.staffIds). */
    private readonly staffIds: () => readonly number[] = () => [],
  ) {}

  report(): StatsReport {
    return collectStats(this.store, this.topics.index(), this.clock(), this.zone, this.staffIds());
  }
}
