// Entry point of `npm start`: validate the environment, start Nashra, keep it serving through unexpected
// errors, stop it cleanly on SIGINT/SIGTERM.
import { startApp } from "./app";
import { ConfigError, loadConfig } from "./config";

/** Longest a shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 4500;

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`nashra: configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = await startApp(config);
  // One failing request, timer or feed must not take every reader's bot down: log it, count it, go on.
  const { logger, metrics } = app.deps;
  process.on("unhandledRejection", (reason) => {
    metrics.noteError("unhandled_rejection", reason);
    logger.error({ err: reason }, "unhandled promise rejection");
  });
  process.on("uncaughtException", (error) => {
    metrics.noteError("uncaught_exception", error);
    logger.error({ err: error }, "uncaught exception");
  });
  const shutdown = (signal: string) => {
    app.deps.logger.info({ signal }, "shutting down");
    setTimeout(() => {
      app.deps.logger.warn("shutdown deadline reached; exiting");
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.stop().then(
      () => process.exit(0),
      (error) => {
        app.deps.logger.error({ err: error }, "error during shutdown");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`nashra: could not start: ${message}\n`);
  process.exit(1);
});
