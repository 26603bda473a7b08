// /healthz, /metrics and the webhook path, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/http/server";
import { createLogger } from "../../src/logger";
import { Metrics } from "../../src/metrics";
import { type Harness, startHarness, visible } from "../support/harness";
import { tempStore } from "../support/temp";
import { command, user } from "../support/updates";

describe("in polling mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());
  const url = (path: string) => `http://127.0.0.1:${h.app.port}${path}`;

  it("answers /healthz with 200 and JSON that checks the database", async () => {
    const res = await fetch(url("/healthz"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ status: "ok", database: "ok", writes: "ok" });
  });

  it("counts updates and commands in /metrics", async () => {
    await h.send(command("help", "", { from: user() }));
    const res = await fetch(url("/metrics"));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/nashra_updates_total\{type="message"\} [1-9]/);
    expect(text).toMatch(/nashra_commands_total\{command="help"\} [1-9]/);
    expect(text).toContain("nashra_errors_total");
    expect(text).toContain("nashra_process_resident_memory_bytes");
    for (const name of [
      "nashra_deliveries_total",
      "nashra_telegram_429_total",
      "nashra_delivery_latency_seconds",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toMatch(/^nashra_outbox_depth 0$/m);
  });

  it("has no webhook path in polling mode and 404s the rest", async () => {
    expect((await fetch(url("/telegram"), { method: "POST" })).status).toBe(405);
    expect((await fetch(url("/nope"))).status).toBe(404);
  });

  it("deleted any webhook before polling", () => {
    expect(h.fake.callsOf("deleteWebhook")).toHaveLength(1);
  });
});

describe("in webhook mode", () => {
  let h: Harness;
  const SECRET = "s3cret_Token-42";
  beforeAll(async () => {
    h = await startHarness({
      env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg/hook", WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(() => h.stop());
  const hook = (headers: Record<string, string>, body: unknown) =>
    fetch(`http://127.0.0.1:${h.app.port}/tg/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("registers the webhook with its secret", () => {
    expect(h.fake.webhook).toMatchObject({ url: "https://bot.example.org/tg/hook", secretToken: SECRET });
    expect(h.fake.callsOf("getUpdates")).toHaveLength(0);
  });

  it("rejects requests without the secret header, or with a wrong one, and handles nothing", async () => {
    const reader = user({ language_code: "en" });
    const update = { update_id: 1, ...command("help", "", { from: reader }) };
    expect((await hook({}, update)).status).toBe(401);
    expect((await hook({ "x-telegram-bot-api-secret-token": "wrong" }, update)).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.fake.sentTo(reader.id)).toEqual([]);
  });

  it("answers an update that carries the secret", async () => {
    const reader = user({ language_code: "en" });
    const res = await hook(
      { "x-telegram-bot-api-secret-token": SECRET },
      { update_id: 2, ...command("help", "", { from: reader }) },
    );
    expect(res.status).toBe(200);
    const sent = await h.fake.waitFor(() => h.fake.sentTo(reader.id)[0]);
    expect(visible(sent)).toContain("Nashra sends the news");
  });

  it("handles a redelivered update once", async () => {
    const reader = user({ language_code: "en" });
    const update = { update_id: 3, ...command("subscribe", "Raqqa", { from: reader }) };
    for (let i = 0; i < 2; i++) await hook({ "x-telegram-bot-api-secret-token": SECRET }, update);
    await h.fake.waitFor(() => h.fake.sentTo(reader.id)[0]);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.fake.sentTo(reader.id)).toHaveLength(1);
  });
});

describe("when the database is unusable", () => {
  it("answers /healthz with 503", async () => {
    const { store, cleanup } = tempStore();
    const server = createHttpServer({
      store,
      metrics: new Metrics({ processMetrics: false }),
      logger: createLogger("silent"),
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as { port: number };
    store.close();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "unavailable" });
    await new Promise((r) => server.close(r));
    cleanup();
  });
});
