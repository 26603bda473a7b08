// fetchFeed against real HTTP servers on 127.0.0.1: conditional GET, redirects, limits, charsets, errors.
import type { IncomingHttpHeaders, RequestListener } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { decodeFeedBytes, FeedFetchError, fetchFeed, isPublicAddress } from "../../src/ingest/fetch-feed";
import { LOOPBACK_SPELLINGS } from "../support/addresses";
import { type FeedServer, serveFeeds } from "../support/feed-server";

const servers: FeedServer[] = [];

/** Starts a server on 127.0.0.1 and a free port, closed after the test; returns its base URL. */
async function serve(handler: RequestListener): Promise<string> {
  const server = await serveFeeds(handler);
  servers.push(server);
  return server.url;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The FeedFetchError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<FeedFetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FeedFetchError) return err;
    throw err;
  }
  throw new Error("expected fetchFeed to fail");
}

/** The test servers listen on 127.0.0.1, which a feed may use only when it is allowed (FEED_ALLOW_HOSTS). */
const LOCAL = { allowHosts: ["127.0.0.1"] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const RSS =
  '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>نشرة</title></channel></rss>';
const ETAG = '"v1-abc"';
const LAST_MODIFIED = "Wed, 01 Jan 2025 10:00:00 GMT";

// "دير الزور" in windows-1256 and in ISO-8859-6 (TextEncoder only writes UTF-8).
const DEIR_EZZOR_1256 = [0xcf, 0xed, 0xd1, 0x20, 0xc7, 0xe1, 0xd2, 0xe6, 0xd1];
const DEIR_EZZOR_8859_6 = [0xcf, 0xea, 0xd1, 0x20, 0xc7, 0xe4, 0xd2, 0xe8, 0xd1];

function xmlWithTitle(prolog: string, title: number[]): Buffer {
  return Buffer.concat([
    Buffer.from(`${prolog}<rss version="2.0"><channel><title>`, "latin1"),
    Buffer.from(title),
    Buffer.from("</title></channel></rss>", "latin1"),
  ]);
}

describe("fetchFeed over HTTP", () => {
  it("returns the body, ETag, Last-Modified, Content-Type and URL of a 200", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const base = await serve((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: ETAG,
        "last-modified": LAST_MODIFIED,
      });
      res.end(RSS);
    });

    const result = await fetchFeed(`${base}/feed.xml`, LOCAL);

    expect(result).toEqual({
      kind: "ok",
      body: RSS,
      bytes: Buffer.from(RSS), // as received, for the feed parser's thread to decode
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      contentType: "application/rss+xml; charset=utf-8",
      finalUrl: `${base}/feed.xml`,
    });
    expect(seen[0]?.["user-agent"]).toBe("NashraBot/1.0 (+news bot)");
    expect(seen[0]?.accept).toBe(
      "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    );
    expect(seen[0]?.["if-none-match"]).toBeUndefined();
    expect(seen[0]?.["if-modified-since"]).toBeUndefined();
  });

  it("sends If-None-Match and If-Modified-Since and reports a 304 as not-modified", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const base = await serve((req, res) => {
      seen.push(req.headers);
      if (req.headers["if-none-match"] === ETAG && req.headers["if-modified-since"] === LAST_MODIFIED) {
        res.writeHead(304, { etag: ETAG });
        res.end();
        return;
      }
      res.writeHead(200, {
        "content-type": "application/rss+xml",
        etag: ETAG,
        "last-modified": LAST_MODIFIED,
      });
      res.end(RSS);
    });

    const first = await fetchFeed(`${base}/feed.xml`, { ...LOCAL, userAgent: "Test/1" });
    expect(first.kind).toBe("ok");
    if (first.kind !== "ok") return;
    const second = await fetchFeed(`${base}/feed.xml`, {
      ...LOCAL,
      etag: first.etag,
      lastModified: first.lastModified,
    });

    expect(second).toEqual({ kind: "not-modified" });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.["user-agent"]).toBe("Test/1");
    expect(seen[1]?.["if-none-match"]).toBe(ETAG);
    expect(seen[1]?.["if-modified-since"]).toBe(LAST_MODIFIED);
  });

  it("follows redirects and reports the final URL", async () => {
    const base = await serve((req, res) => {
      if (req.url === "/old") {
        res.writeHead(301, { location: "/moved" });
        res.end();
      } else if (req.url === "/moved") {
        res.writeHead(302, { location: "/feed.xml" });
        res.end();
      } else {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(RSS);
      }
    });

    const result = await fetchFeed(`${base}/old`, LOCAL);

    expect(result).toMatchObject({ kind: "ok", body: RSS, finalUrl: `${base}/feed.xml` });
  });

  it("gives up on a redirect loop, not retryable", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(302, { location: "/loop" });
      res.end();
    });

    const err = await failure(fetchFeed(`${base}/loop`, LOCAL));

    expect(err.message).toBe("too many redirects");
    expect(err.retryable).toBe(false);
  });

  it("times out on a server that never answers, retryable", async () => {
    const base = await serve(() => {});
    const started = Date.now();

    const err = await failure(fetchFeed(`${base}/feed.xml`, { ...LOCAL, timeoutMs: 200 }));

    expect(err.message).toBe("timed out after 200 ms");
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
    // A timeout that did not fire would wait for a server that never answers (the test timeout).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("counts reading the body in the timeout", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write("<?xml version='1.0'?><rss>"); // and never ends
    });
    const started = Date.now();

    const err = await failure(fetchFeed(`${base}/feed.xml`, { ...LOCAL, timeoutMs: 200 }));

    expect(err.message).toBe("timed out after 200 ms");
    expect(err.retryable).toBe(true);
    // A timeout that did not fire would wait for a server that never answers (the test timeout).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("stops reading a body that goes past maxBytes and closes the connection", async () => {
    const total = 2 * 1024 * 1024;
    const chunk = Buffer.alloc(16 * 1024, "a");
    let written = 0;
    let finished = true;
    let onClose = () => {};
    const closed = new Promise<void>((resolve) => {
      onClose = resolve;
    });
    const base = await serve(async (_req, res) => {
      let open = true;
      res.on("close", () => {
        open = false;
        finished = res.writableFinished;
        onClose();
      });
      res.on("error", () => {});
      res.writeHead(200, { "content-type": "application/rss+xml" }); // chunked: no Content-Length
      while (open && written < total) {
        res.write(chunk);
        written += chunk.length;
        await sleep(2);
      }
      if (open) res.end();
    });

    const err = await failure(fetchFeed(`${base}/big.xml`, { ...LOCAL, maxBytes: 100 * 1024 }));
    await closed;

    expect(err.message).toBe("larger than 102400 bytes");
    expect(err.retryable).toBe(false);
    expect(finished).toBe(false);
    expect(written).toBeLessThan(total / 2);
  });

  it("refuses a body whose Content-Length is already past maxBytes without waiting for it", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/rss+xml",
        "content-length": String(2 * 1024 * 1024),
      });
      res.write("<rss>"); // the rest never comes
    });

    const err = await failure(
      fetchFeed(`${base}/big.xml`, { ...LOCAL, maxBytes: 100 * 1024, timeoutMs: 2000 }),
    );

    expect(err.message).toBe("larger than 102400 bytes");
  });

  it("decodes windows-1256 declared in Content-Type", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=windows-1256" });
      res.end(xmlWithTitle('<?xml version="1.0"?>', DEIR_EZZOR_1256));
    });

    const result = await fetchFeed(`${base}/feed.xml`, LOCAL);

    expect(result.kind === "ok" && result.body).toBe(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>دير الزور</title></channel></rss>',
    );
  });

  it("decodes windows-1256 declared only in the XML prolog", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(xmlWithTitle('<?xml version="1.0" encoding="windows-1256"?>', DEIR_EZZOR_1256));
    });

    const result = await fetchFeed(`${base}/feed.xml`, LOCAL);

    expect(result.kind === "ok" && result.body).toContain("<title>دير الزور</title>");
  });

  it("reports a 404 as not retryable, with its status", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>Not here</h1>");
    });

    const err = await failure(fetchFeed(`${base}/gone.xml`, LOCAL));

    expect(err).toBeInstanceOf(FeedFetchError);
    expect(err.message).toBe("HTTP 404 Not Found");
    expect(err.status).toBe(404);
    expect(err.retryable).toBe(false);
    expect(err.retryAfterMs).toBeUndefined();
  });

  it("reports a 500 as retryable", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(500);
      res.end("oops");
    });

    const err = await failure(fetchFeed(`${base}/feed.xml`, LOCAL));

    expect(err.message).toBe("HTTP 500 Internal Server Error");
    expect(err.status).toBe(500);
    expect(err.retryable).toBe(true);
  });

  it("reads Retry-After in seconds on a 429", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(429, { "retry-after": "7" });
      res.end();
    });

    const err = await failure(fetchFeed(`${base}/feed.xml`, LOCAL));

    expect(err.status).toBe(429);
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(7000);
  });

  it("reads Retry-After as an HTTP date on a 503", async () => {
    const base = await serve((_req, res) => {
      res.writeHead(503, { "retry-after": new Date(Date.now() + 30_000).toUTCString() });
      res.end();
    });

    const err = await failure(fetchFeed(`${base}/feed.xml`, LOCAL));

    expect(err.status).toBe(503);
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBeGreaterThan(25_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it("refuses URLs that are not http: or https: without any request", async () => {
    for (const url of ["ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "javascript:alert(1)", "feed.xml"]) {
      const err = await failure(fetchFeed(url, {}));
      expect(err.message).toMatch(/^unsupported URL/);
      expect(err.retryable).toBe(false);
    }
  });

  it("keeps a password in the URL out of the message", async () => {
    const err = await failure(fetchFeed("http://user:s3cret@127.0.0.1:9/feed.xml", {}));

    expect(err.message).toMatch(/^unsupported URL/);
    expect(err.message).not.toContain("s3cret");
  });

  it("reports a refused connection as a retryable network error", async () => {
    const base = await serve(() => {});
    await servers.pop()?.close();

    const err = await failure(fetchFeed(`${base}/feed.xml`, LOCAL));

    expect(err.message).toMatch(/^network error: .*ECONNREFUSED/);
    expect(err.message).not.toContain("\n");
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
  });

  it("stops when the caller's signal aborts", async () => {
    const base = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const err = await failure(
      fetchFeed(`${base}/feed.xml`, { ...LOCAL, signal: controller.signal, timeoutMs: 5000 }),
    );

    expect(err.message).toBe("aborted");
  });
});

describe("addresses inside the newsroom's network", () => {
  /** A feed server on 127.0.0.1 that counts the requests it gets. */
  async function countingFeed(): Promise<{ base: string; port: number; requests: () => number }> {
    let requests = 0;
    const base = await serve((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(RSS);
    });
    return { base, port: Number(new URL(base).port), requests: () => requests };
  }

  it("refuses loopback in every spelling, with one answer whether a server listens there or not", async () => {
    const { port, requests } = await countingFeed();
    const closed = await serve(() => {});
    const closedPort = Number(new URL(closed).port);
    await servers.pop()?.close();
    const messages = new Set<string>();
    for (const p of [port, closedPort]) {
      for (const host of [...LOOPBACK_SPELLINGS, "0.0.0.0"]) {
        const err = await failure(fetchFeed(`http://${host}:${p}/feed.xml`));
        expect(err.retryable, host).toBe(false);
        messages.add(err.message);
      }
    }
    expect([...messages]).toEqual([
      expect.stringMatching(/^refused: the feed's address is not a public internet address/),
    ]);
    expect(requests()).toBe(0);
  });

  it("refuses private, CGNAT, link-local (the metadata service), unique-local and unspecified addresses without connecting", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "http://10.20.30.40/feed.xml",
      "http://172.16.0.1/feed.xml",
      "http://192.168.1.1/feed.xml",
      "http://100.64.0.1/feed.xml",
      "http://[fd00::1]/feed.xml",
      "http://[fe80::1]/feed.xml",
      "http://[::]/feed.xml",
      "http://[::ffff:a9fe:a9fe]/feed.xml",
      "http://[64:ff9b::7f00:1]/feed.xml",
    ]) {
      const err = await failure(fetchFeed(url, { timeoutMs: 2000 }));
      expect(err.message, url).toMatch(/^refused: /);
    }
  });

  it("checks every redirect: an allowed host that redirects inside is refused, and the inside is never asked", async () => {
    const inside = await countingFeed();
    const outside = await serve((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${inside.port}/feed.xml` });
      res.end();
    });
    const err = await failure(fetchFeed(`${outside}/feed.xml`, LOCAL));
    expect(err.message).toMatch(/^refused: /);
    expect(inside.requests()).toBe(0);
  });

  it("fetches from a private host listed in FEED_ALLOW_HOSTS, by name too", async () => {
    const { port, requests } = await countingFeed();
    const result = await fetchFeed(`http://localhost:${port}/feed.xml`, { allowHosts: ["localhost"] });
    expect(result).toMatchObject({ kind: "ok", body: RSS });
    expect(requests()).toBe(1);
  });

  it("tells public addresses from the rest", () => {
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(a), a).toBe(true);
    }
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "100.100.100.100",
      "169.254.169.254",
      "::1",
      "::ffff:7f00:1",
      "fc00::1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "nonsense",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});

describe("decodeFeedBytes", () => {
  const title = (text: string) => text.match(/<title>(.*)<\/title>/)?.[1];

  it("decodes ISO-8859-6 by its Content-Type charset", () => {
    const bytes = xmlWithTitle('<?xml version="1.0"?>', DEIR_EZZOR_8859_6);
    expect(title(decodeFeedBytes(bytes, 'application/xml; charset="ISO-8859-6"'))).toBe("دير الزور");
  });

  it("prefers the Content-Type charset to the XML prolog", () => {
    const bytes = xmlWithTitle('<?xml version="1.0" encoding="iso-8859-6"?>', DEIR_EZZOR_1256);
    expect(title(decodeFeedBytes(bytes, "text/xml; charset=cp1256"))).toBe("دير الزور");
  });

  it("falls back to the prolog, then UTF-8, for a charset it does not know", () => {
    const legacy = xmlWithTitle('<?xml version="1.0" encoding="windows-1256"?>', DEIR_EZZOR_1256);
    expect(title(decodeFeedBytes(legacy, "text/xml; charset=x-unknown"))).toBe("دير الزور");
    const utf8 = Buffer.from('<?xml version="1.0" encoding="x-bogus"?><title>دير الزور</title>');
    expect(title(decodeFeedBytes(utf8, "text/xml; charset=nonsense"))).toBe("دير الزور");
    expect(title(decodeFeedBytes(Buffer.from("<title>دير الزور</title>"), null))).toBe("دير الزور");
  });

  it("strips a BOM, which wins over a wrong charset", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RSS)]);
    expect(decodeFeedBytes(bytes, "text/xml; charset=windows-1256")).toBe(RSS);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<title>نشرة</title>", "utf16le")]);
    expect(decodeFeedBytes(utf16, "text/xml")).toBe("<title>نشرة</title>");
  });
});
