// A reader's muted and watched phrases: the version that caches of matches are keyed on changes with every change
// to the phrases of its kind, whoever makes it (a command, /stop's cascade, a chat's migration), and only then.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store";
import { manualClock } from "../support/clock";
import { tempStore } from "../support/temp";

let store: Store;
let cleanup: () => void;
beforeEach(() => {
  ({ store, cleanup } = tempStore(manualClock()));
  for (const id of [7, 8]) store.chats.touch(id, "private", null, "ar");
});
afterEach(() => cleanup());

const mute = (chatId: number, phrase: string) =>
  store.phrases.add(chatId, "mute", { phrase, normalized: phrase });

describe("PhraseStore.version", () => {
  it("changes with each phrase added or removed, of its own kind only, even within one millisecond", () => {
    const start = store.phrases.version("mute");
    const watches = store.phrases.version("watch");
    mute(7, "مباراه");
    const one = store.phrases.version("mute");
    expect(one).not.toBe(start);
    // The same phrase again is no change; removing one and adding another at the same instant is.
    mute(7, "مباراه");
    expect(store.phrases.version("mute")).toBe(one);
    store.phrases.delete(7, "mute", "مباراه");
    mute(7, "كره القدم");
    expect(store.phrases.version("mute")).not.toBe(one);
    expect(store.phrases.version("watch")).toBe(watches);
  });

  it("changes when a chat's phrases go with the chat (/stop) or move with it (a group becoming a supergroup)", () => {
    mute(7, "مباراه");
    mute(8, "الطقس");
    const before = store.phrases.version("mute");
    store.chats.delete(7);
    const afterStop = store.phrases.version("mute");
    expect(afterStop).not.toBe(before);
    expect(store.phrases.all("mute")).toEqual(["الطقس"]);
    store.chats.migrate(8, -1_001_000_008);
    expect(store.phrases.version("mute")).not.toBe(afterStop);
    expect(store.phrases.of(-1_001_000_008, "mute").map((p) => p.phrase)).toEqual(["الطقس"]);
  });
});
