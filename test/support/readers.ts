// Readers stored directly for service-level tests (bot-level tests subscribe by command instead).
import { expect } from "vitest";
import type { Store } from "../../src/store";
import type { TopicService } from "../../src/topics/service";

/** Stores a private chat with these preferences, following the topics given by slug; returns its id. */
export function storeReader(
  store: Store,
  topics: TopicService,
  id: number,
  slugs: string[],
  prefs: Parameters<Store["chats"]["update"]>[1] = {},
): number {
  store.chats.touch(id, "private", null);
  store.chats.update(id, prefs);
  const index = topics.index();
  topics.subscribe(
    id,
    slugs.map((s) => index.bySlug(s) ?? expect.fail(s)),
  );
  return id;
}
