// A local HTTP server for feeds: a handler served on 127.0.0.1 at a free port, for fetchers and pollers to read.
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Cuts open connections and stops listening. */
  close(): Promise<void>;
}

/** Starts serving `handler` on 127.0.0.1 at a free port. */
export async function serveFeeds(handler: RequestListener): Promise<FeedServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
