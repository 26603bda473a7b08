// The environment, validated once at start. This is the only module that reads process.env.
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { z } from "zod";

const idList = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const ids: number[] = [];
    for (const part of raw.split(",")) {
      const trimmed = part.trim();
      if (trimmed === "") continue;
      if (!/^-?\d{1,16}$/.test(trimmed)) {
        ctx.addIssue({ code: "custom", message: `"${trimmed}" is not a numeric Telegram user id` });
        return z.NEVER;
      }
      ids.push(Number(trimmed));
    }
    return ids;
  });

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .default("false")
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Comma-separated host names or IP addresses, lower-cased, brackets of IPv6 addresses removed. */
const hostList = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const hosts: string[] = [];
    for (const part of raw.split(",")) {
      const host = part
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, "$1");
      if (host === "") continue;
      if (isIP(host) === 0 && !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(host)) {
        ctx.addIssue({ code: "custom", message: `"${part.trim()}" is not a host name or an IP address` });
        return z.NEVER;
      }
      hosts.push(host.replace(/\.$/, ""));
    }
    return hosts;
  });

const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: "is not an IANA time zone (e.g. Asia/Damascus)" });

const base = z.object({
  BOT_TOKEN: z
    .string({ error: "is required (the token BotFather gave you)" })
    .regex(/^\d+:[\w-]+$/, { message: "is malformed (expected <digits>:<letters, digits, _ or ->)" }),
  TELEGRAM_API_ROOT: z.url({ message: "must be a URL" }).default("https://api.telegram.org"),
  DATABASE_PATH: z.string().min(1).default("./data/nashra.db"),
  ADMIN_IDS: idList,
  EDITOR_IDS: idList,
  DEFAULT_LANGUAGE: z.enum(["ar", "en"], { message: "must be ar or en" }).default("ar"),
  DEFAULT_TIMEZONE: timeZone.default("UTC"),
  PORT: z.coerce.number({ error: "must be a port number (0-65535)" }).int().min(0).max(65535).default(8080),
  // A container's port mapping reaches only a server bound to every interface.
  HTTP_HOST: z
    .string()
    .refine((host) => isIP(host) !== 0 || /^[A-Za-z0-9.-]+$/.test(host), {
      message: "must be an IP address or a host name (e.g. 0.0.0.0, 127.0.0.1, ::)",
    })
    .default("0.0.0.0"),
  SEND_RATE: z.coerce
    .number({ error: "must be a number of messages per second" })
    .positive()
    .max(1000)
    .default(25),
  PAID_BROADCAST: booleanFlag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  FEED_POLL_MINUTES: z.coerce
    .number({ error: "must be a number of minutes" })
    .min(1, { message: "must be at least 1 minute" })
    .max(1440)
    .default(10),
  BOILERPLATE_FILE: z.string().optional(),
  OUTBOX_KEEP_DAYS: z.coerce
    .number({ error: "must be a number of days" })
    .int({ message: "must be a whole number of days" })
    .min(1, { message: "must be at least 1 day" })
    .max(3650)
    .default(30),
  FEED_ALLOW_HOSTS: hostList,
});

const polling = base.extend({
  BOT_MODE: z.literal("polling").default("polling"),
  WEBHOOK_URL: z.string().optional(),
  WEBHOOK_SECRET: z.string().optional(),
});

const webhook = base.extend({
  BOT_MODE: z.literal("webhook"),
  // https and Telegram's four ports are checked in loadConfig: a self-hosted Bot API server takes any URL.
  WEBHOOK_URL: z.url({
    protocol: /^https?$/,
    message: "is required in webhook mode and must be an http(s) URL",
  }),
  WEBHOOK_SECRET: z
    .string({ error: "is required in webhook mode" })
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { message: "must be 1-256 characters of A-Z, a-z, 0-9, _ and -" }),
});

const schema = z.discriminatedUnion("BOT_MODE", [polling, webhook], {
  error: () => ({ message: 'must be "polling" or "webhook"' }),
});

/** What the command line needs: no token, no HTTP. */
const cliSchema = base.pick({
  DATABASE_PATH: true,
  // The staff, whom `stats` leaves out of the readers as /stats does (with the roles granted in the bot).
  ADMIN_IDS: true,
  EDITOR_IDS: true,
  DEFAULT_LANGUAGE: true,
  DEFAULT_TIMEZONE: true,
  LOG_LEVEL: true,
  FEED_POLL_MINUTES: true,
  BOILERPLATE_FILE: true,
  FEED_ALLOW_HOSTS: true,
});

/** The configuration of `npm run cli`. */
export type CliConfig = z.infer<typeof cliSchema>;

/** Messages a second Telegram lets a free bot send to many chats. */
const FREE_RATE = 30;

/** The only ports Telegram's servers post webhooks to. */
const TELEGRAM_WEBHOOK_PORTS = ["443", "80", "88", "8443"];

/** True for api.telegram.org, whose webhooks must be https; a self-hosted server (`--local`) takes http too. */
function isTelegramsOwn(apiRoot: string): boolean {
  return new URL(apiRoot).hostname.toLowerCase().replace(/\.$/, "") === "api.telegram.org";
}

/** The validated configuration every module receives (never process.env directly). */
export type Config = z.infer<typeof schema>;

/** A configuration problem, worded as one line that names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates an environment (process.env by default; `.env` in the working directory is read first
 * when present, without overriding variables already set). Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const input = withoutEmpty(env);
  input.BOT_MODE ??= "polling";
  const config = parseOrExplain(schema, input, env);
  if (config.BOT_MODE === "webhook" && isTelegramsOwn(config.TELEGRAM_API_ROOT)) {
    const url = new URL(config.WEBHOOK_URL);
    const port = url.port === "" ? (url.protocol === "https:" ? "443" : "80") : url.port;
    if (url.protocol !== "https:" || !TELEGRAM_WEBHOOK_PORTS.includes(port)) {
      throw new ConfigError(
        `WEBHOOK_URL must be an https URL on port 443, 80, 88 or 8443 for Telegram's own Bot API server (a self-hosted telegram-bot-api --local takes any) (got "${env.WEBHOOK_URL}")`,
      );
    }
  }
  if (config.SEND_RATE > FREE_RATE && !config.PAID_BROADCAST) {
    throw new ConfigError(
      `SEND_RATE above ${FREE_RATE} needs PAID_BROADCAST=true (Telegram allows free bots about 30 messages a second) (got "${config.SEND_RATE}")`,
    );
  }
  return config;
}

/** Like loadConfig, for the command line: the storage settings and the staff's ids only. */
export function loadCliConfig(env: NodeJS.ProcessEnv = readProcessEnv()): CliConfig {
  return parseOrExplain(cliSchema, withoutEmpty(env), env);
}

/** An empty variable (`WEBHOOK_URL=` in .env) means "unset". */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== "") input[key] = value;
  return input;
}

function parseOrExplain<T>(schema: z.ZodType<T>, input: Record<string, string>, env: NodeJS.ProcessEnv): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = issue?.path[0] !== undefined ? String(issue.path[0]) : "BOT_MODE";
  const value = env[variable];
  const shown =
    variable === "BOT_TOKEN" || variable === "WEBHOOK_SECRET" || value === undefined
      ? ""
      : ` (got "${value}")`;
  throw new ConfigError(`${variable} ${issue?.message ?? "is invalid"}${shown}`);
}

function readProcessEnv(): NodeJS.ProcessEnv {
  if (existsSync(".env")) {
    // Node ≥ 20.12 reads dotenv files itself; variables already set win.
    process.loadEnvFile(".env");
  }
  return process.env;
}

/** True when Intl knows the zone, e.g. "Asia/Damascus" or "UTC". */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
