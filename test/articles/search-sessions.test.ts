// Search sessions: per chat, unguessable, bounded, and expiring.
import { expect, it } from "vitest";
import { SearchSessions } from "../../src/articles/search-sessions";
import { manualClock } from "../support/clock";

it("gives each search a token of 8 base64url characters that only its chat can use", () => {
  const sessions = new SearchSessions(manualClock());
  const token = sessions.open(1, "حقل العمر");
  expect(token).toMatch(/^[A-Za-z0-9_-]{8}$/);
  expect(sessions.query(1, token)).toBe("حقل العمر");
  expect(sessions.query(2, token)).toBeUndefined();
  expect(new Set(Array.from({ length: 100 }, () => sessions.open(1, "x"))).size).toBe(100);
});

it("keeps a chat's latest searches, and one chat's searches do not expire another's", () => {
  const sessions = new SearchSessions(manualClock(), { perChat: 3, chats: 2, ttlMs: 1000 });
  const mine = sessions.open(1, "mine");
  for (let i = 0; i < 1000; i++) sessions.open(2, `other ${i}`);
  expect(sessions.query(1, mine)).toBe("mine");
  const tokens = [1, 2, 3, 4].map((i) => sessions.open(1, `q${i}`));
  expect(sessions.query(1, tokens[0] as string)).toBeUndefined(); // the chat's oldest beyond 3
  expect(sessions.query(1, tokens[3] as string)).toBe("q4");
  sessions.open(3, "third chat"); // two chats at most: the one that searched longest ago is forgotten
  expect(sessions.query(2, sessions.open(2, "again"))).toBe("again");
  expect(sessions.query(1, tokens[3] as string)).toBeUndefined();
});

it("expires after its time", () => {
  const clock = manualClock();
  const sessions = new SearchSessions(clock, { perChat: 3, chats: 2, ttlMs: 1000 });
  const token = sessions.open(1, "q");
  clock.advance(1001);
  expect(sessions.query(1, token)).toBeUndefined();
});
