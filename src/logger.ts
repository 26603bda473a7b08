// Structured logs (pino, JSON lines on stdout), with bot tokens redacted from every line.
import pino from "pino";

export type Logger = pino.Logger;

/**
 * A bot token (`<bot id>:<secret>`) wherever it appears: a field, an error's message or stack, a URL
 * such as `…/bot123456:AAH…/sendMessage`. The bot id stays (it is public); the secret goes.
 */
const TOKEN = /(?<!\d)(\d{3,}):[A-Za-z0-9_-]{16,}/g;

/** `text` with the secret half of every bot token replaced by "[redacted]". */
export function redactTokens(text: string): string {
  return text.replace(TOKEN, "$1:[redacted]");
}

/** A JSON logger; the CLI passes fd 2 so that stdout carries only results. */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino(
    // On the finished line, so that nothing (a serializer's field, a nested cause, a stack) escapes it.
    { level, base: { app: "nashra" }, hooks: { streamWrite: redactTokens } },
    pino.destination({ fd, sync: fd === 2 }),
  );
}
