import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

const TOKEN = "123456:ABC-def_ghi";

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a configuration error");
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      DATABASE_PATH: "./data/nashra.db",
      ADMIN_IDS: [],
      EDITOR_IDS: [],
      DEFAULT_LANGUAGE: "ar",
      DEFAULT_TIMEZONE: "UTC",
      BOT_MODE: "polling",
      PORT: 8080,
      SEND_RATE: 25,
      PAID_BROADCAST: false,
      LOG_LEVEL: "info",
    });
  });

  it("parses id lists, numbers and flags", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_IDS: "1, 22 ,333",
      EDITOR_IDS: "",
      PORT: "0",
      SEND_RATE: "30",
      PAID_BROADCAST: "true",
      DEFAULT_TIMEZONE: "Asia/Damascus",
    });
    expect(config).toMatchObject({
      ADMIN_IDS: [1, 22, 333],
      EDITOR_IDS: [],
      PORT: 0,
      SEND_RATE: 30,
      PAID_BROADCAST: true,
    });
  });

  it.each([
    [{}, "BOT_TOKEN is required"],
    [{ BOT_TOKEN: "" }, "BOT_TOKEN is required"],
    [{ BOT_TOKEN: "not-a-token" }, "BOT_TOKEN is malformed"],
    [{ BOT_TOKEN: "123:abc def" }, "BOT_TOKEN is malformed"],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "carrier-pigeon" }, 'BOT_MODE must be "polling" or "webhook"'],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }, "WEBHOOK_URL is required in webhook mode"],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "http://x.org/h", WEBHOOK_SECRET: "s" },
      "WEBHOOK_URL must be an https URL on port 443, 80, 88 or 8443 for Telegram's own Bot API server",
    ],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/h" }, "WEBHOOK_SECRET is required"],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org/h", WEBHOOK_SECRET: "has space" },
      "WEBHOOK_SECRET must be",
    ],
    [{ BOT_TOKEN: TOKEN, ADMIN_IDS: "12,abc" }, 'ADMIN_IDS "abc" is not a numeric Telegram user id'],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LANGUAGE: "fr" }, "DEFAULT_LANGUAGE must be ar or en"],
    [{ BOT_TOKEN: TOKEN, DEFAULT_TIMEZONE: "Mars/Olympus" }, "DEFAULT_TIMEZONE is not an IANA time zone"],
    [{ BOT_TOKEN: TOKEN, PORT: "http" }, "PORT must be a port number"],
    [{ BOT_TOKEN: TOKEN, PAID_BROADCAST: "maybe" }, "PAID_BROADCAST"],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "not a url" }, "TELEGRAM_API_ROOT must be a URL"],
    [
      { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.org:8080/h", WEBHOOK_SECRET: "s" },
      "WEBHOOK_URL must be an https URL on port 443, 80, 88 or 8443",
    ],
    [{ BOT_TOKEN: TOKEN, HTTP_HOST: "not a host!" }, "HTTP_HOST must be an IP address or a host name"],
    [{ BOT_TOKEN: TOKEN, FEED_ALLOW_HOSTS: "feeds.local, http://x" }, 'FEED_ALLOW_HOSTS "http://x" is not'],
  ])("%j → %s", (env, expected) => {
    const message = errorOf(env as Record<string, string>);
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
  });

  it("binds every interface by default (what a container needs) and takes HTTP_HOST", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).HTTP_HOST).toBe("0.0.0.0");
    expect(loadConfig({ BOT_TOKEN: TOKEN, HTTP_HOST: "127.0.0.1" }).HTTP_HOST).toBe("127.0.0.1");
  });

  it("lets a self-hosted Bot API server (telegram-bot-api --local) take an http webhook on any port", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "http://nashra:8080/telegram/hook",
      WEBHOOK_SECRET: "s3cret",
    });
    expect(config).toMatchObject({ BOT_MODE: "webhook", WEBHOOK_URL: "http://nashra:8080/telegram/hook" });
  });

  it("reads FEED_ALLOW_HOSTS as lower-case hosts, IPv6 without brackets", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      FEED_ALLOW_HOSTS: " Intranet.Newsroom.local, 10.0.0.7,[::1]",
    });
    expect(config.FEED_ALLOW_HOSTS).toEqual(["intranet.newsroom.local", "10.0.0.7", "::1"]);
    expect(loadConfig({ BOT_TOKEN: TOKEN }).FEED_ALLOW_HOSTS).toEqual([]);
  });

  it("never prints the token or the webhook secret", () => {
    expect(errorOf({ BOT_TOKEN: "secret-ish" })).not.toContain("secret-ish");
  });
});
