// Structured logs (pino, JSON lines on stdout).
import pino from "pino";

export type Logger = pino.Logger;

/** A JSON logger; the CLI passes fd 2 so that stdout carries only results. */
export function createLogger(level: string, fd: 1 | 2 = 1): Logger {
  return pino({ level, base: { app: "nashra" } }, pino.destination({ fd, sync: fd === 2 }));
}
