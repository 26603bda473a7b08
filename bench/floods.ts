// Benchmark of an alert's delay under floods: how long from the editor's press on Send until the last of 10
// readers has the alert, alone, while 20 readers wait for 400 /latest replies, and while one group member sends
// /help 25 times. Replies are paced per chat and readers' commands rate-limited, so neither may hold the alert
// up by more than a second (issue 11).
//
// Everything runs in this process: the whole app (the tests' harness) polling the fake Bot API (20 ms per call).
import { STATUS_INTERVAL_MS } from "../src/alerts/service";
import { buttonData, buttonLabels, type Harness, startHarness, waitUntil } from "../test/support/harness";
import { callback, command, group, groupMessage, user } from "../test/support/updates";
import type { Figure } from "./report";

const LATENCY_MS = 20;
const EDITOR = user({ language_code: "ar" });
const TEXT = "الميادين: إغلاق الجسر الرئيسي أمام حركة السيارات بعد تضرره بالقصف";

type Flood = "none" | "latest" | "group-help";

async function oneRun(flood: Flood): Promise<{ delayMs: number; repliesPending: number }> {
  const h: Harness = await startHarness({
    fake: { latencyMs: LATENCY_MS },
    env: { EDITOR_IDS: String(EDITOR.id) },
    alertStatusIntervalMs: STATUS_INTERVAL_MS,
  });
  try {
    const { topics } = h.app.deps;
    const { store } = h.app;
    const mayadin = topics.index().bySlug("mayadin");
    const syria = topics.index().bySlug("syria");
    if (!mayadin || !syria) throw new Error("catalog without mayadin or syria");
    const alerted = Array.from({ length: 10 }, (_, i) => 700_000 + i);
    for (const id of alerted) {
      store.chats.touch(id, "private", null, "ar");
      store.subscriptions.add(id, [mayadin.id]);
    }
    await h.send(command("start", "", { from: EDITOR }));
    h.fake.pushUpdate(command("alert", TEXT, { from: EDITOR }));
    await waitUntil(() => buttonLabels(h.fake.lastMessage(EDITOR.id)).some((b) => b.includes("📣")), 30_000);
    const question = h.fake.lastMessage(EDITOR.id);

    let expected = 0;
    const replies = () =>
      h.fake.calls.filter((c) => c.method === "sendMessage" && (c.chatId ?? 0) >= 800_000).length;
    if (flood === "latest") {
      for (let r = 0; r < 20; r++) {
        const reader = user({ id: 800_000 + r, language_code: "ar" });
        store.chats.touch(reader.id, "private", null, "ar");
        store.subscriptions.add(reader.id, [syria.id]);
        for (let i = 0; i < 20; i++) h.fake.pushUpdate(command("latest", "", { from: reader }));
      }
      expected = 400;
      await waitUntil(() => replies() >= 20, 30_000);
    } else if (flood === "group-help") {
      const newsroom = group({ id: -(800_000 + 1), title: "أخبار الميادين" });
      const member = user({ id: 800_001, language_code: "ar" });
      for (let i = 0; i < 25; i++) h.fake.pushUpdate(groupMessage("/help", { chat: newsroom, from: member }));
      expected = 21;
      await waitUntil(() => h.fake.sentTo(newsroom.id).length >= 1, 30_000);
    }
    const pressed = Date.now();
    h.fake.pushUpdate(
      callback(buttonData(question, "📣"), { from: EDITOR, ...(question ? { message: question } : {}) }),
    );
    await waitUntil(() => alerted.every((id) => h.fake.sentTo(id).length > 0), 120_000);
    const delayMs = Date.now() - pressed;
    const done = flood === "group-help" ? h.fake.sentTo(-(800_000 + 1)).length : replies();
    return { delayMs, repliesPending: expected - done };
  } finally {
    await h.stop();
  }
}

export async function benchFloods(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [flood, name, note] of [
    ["none", "alert to 10, quiet", "press → the last of 10 readers has it"],
    ["latest", "alert, 400 /latest", "20 readers × 20 /latest waiting for replies"],
    ["group-help", "alert, group /help×25", "one member's flood in one group"],
  ] as const) {
    const run = await oneRun(flood);
    figures.push({
      name,
      value: run.delayMs,
      unit: "ms",
      ...(flood === "none" ? {} : { target: "≤ 1000" }),
      note: `${note}${flood === "none" ? "" : `; ${run.repliesPending} replies still to go when it arrived`}; fake API ${LATENCY_MS} ms/call`,
    });
  }
  return figures;
}
