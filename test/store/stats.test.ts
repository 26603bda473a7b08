// /stats' chat counts: the readers by kind and the readers each day, with the staff's own chats left out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

const DAY = 86_400_000;
let clock: ReturnType<typeof manualClock>;
let store: Store;
let cleanup: () => void;

beforeEach(() => {
  clock = manualClock(Date.UTC(2026, 10, 1, 9, 0));
  ({ store, cleanup } = tempStore(clock));
});
afterEach(() => cleanup());

describe("the readers /stats counts", () => {
  it("counts each day's readers known by then, without the staff, whatever day each chat came", () => {
    const start = clock();
    const EDITOR = 7;
    // Readers come over ten days: 3 a day in private, a group every other day; the editor on day 4.
    let id = 100;
    for (let day = 0; day < 10; day++) {
      for (let k = 0; k < 3; k++) store.chats.touch(id++, "private", null);
      if (day % 2 === 0) store.chats.touch(-id++, "group", "الميادين الآن");
      if (day === 4) store.chats.touch(EDITOR, "private", null);
      clock.advance(DAY);
    }
    store.chats.markInactive(101, "Forbidden: bot was blocked by the user");
    const ends = Array.from({ length: 12 }, (_, i) => start + i * DAY);
    const each = store.stats.readersBeforeEach(ends, 35, [EDITOR]);
    // Before day 0 nobody; after day n, 3 readers a day and a group every other day; the editor never.
    expect(each).toEqual([0, 4, 7, 11, 14, 18, 21, 25, 28, 32, 35, 35]);
    const { readers, chats } = store.stats.census([EDITOR]);
    expect(readers.private).toEqual({ active: 29, inactive: 1 });
    expect(readers.groups).toEqual({ active: 5, inactive: 0 });
    expect(chats).toBe(36);
  });

  it("keeps the counts by kind and by place true through subscribing, blocking, a group's migration and /stop", () => {
    const [dez, mayadin] = [1, 2];
    for (let id = 100; id < 105; id++) store.chats.touch(id, "private", null);
    store.chats.touch(-500, "group", "أخبار الميادين");
    for (let id = 100; id < 105; id++) store.subscriptions.add(id, [dez]);
    store.subscriptions.add(100, [mayadin]);
    store.subscriptions.add(-500, [mayadin, dez]);
    store.subscriptions.add(100, [dez]); // again: nothing changes
    expect(store.subscriptions.countsByTopic()).toEqual([
      { topicId: dez, readers: 6 },
      { topicId: mayadin, readers: 2 },
    ]);
    store.subscriptions.removeOne(101, dez);
    store.chats.markInactive(102, "Forbidden: bot was blocked by the user");
    store.chats.migrate(-500, -100_500); // the group became a supergroup
    store.chats.delete(103); // /stop: its subscriptions go with it
    expect(store.subscriptions.countsByTopic()).toEqual([
      { topicId: dez, readers: 4 },
      { topicId: mayadin, readers: 2 },
    ]);
    expect(store.subscriptions.count()).toBe(6);
    const { readers, chats } = store.stats.census();
    expect(readers.private).toEqual({ active: 3, inactive: 1 });
    expect(readers.groups.active + readers.groups.inactive).toBe(1);
    expect(chats).toBe(5);
  });
});
