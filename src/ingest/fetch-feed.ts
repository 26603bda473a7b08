// Fetching one RSS/Atom feed over HTTP: conditional GET, redirects, timeout, size limit and charset
// decoding to a string; never from an address inside the newsroom's network. Parsing the XML and deciding
// when to poll again belong to the poller.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import type { Agent, Response } from "undici";
import { type Clock, systemClock } from "../clock";
import type { FeedErrorKind } from "../store/feeds";
import { decodeFeedBytes } from "./decode";
import { IngestError } from "./types";

export { decodeFeedBytes } from "./decode";

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_USER_AGENT = "NashraBot/1.0 (+news bot)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
/** Redirects followed before giving up. */
const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Options for one fetch of one feed. */
export interface FetchFeedOptions {
  /** The ETag of the last 200, sent as If-None-Match. */
  etag?: string;
  /** The Last-Modified of the last 200, sent as If-Modified-Since. */
  lastModified?: string;
  /** Limit for the whole request, reading the body included; default 15000. */
  timeoutMs?: number;
  /** Limit on the body after content decoding (gzip, br…); default 5 MiB. */
  maxBytes?: number;
  /** Default "NashraBot/1.0 (+news bot)". */
  userAgent?: string;
  /** Cancels the fetch (e.g. on shutdown); the fetch then fails with the message "aborted". */
  signal?: AbortSignal;
  /** Reads a Retry-After date; default the system's. */
  clock?: Clock;
  /**
   * Hosts (names or IP addresses, lower case) fetched even though they are, or resolve to, addresses that
   * are not public: FEED_ALLOW_HOSTS. Every other host must be a public internet address.
   */
  allowHosts?: readonly string[];
}

/** The feed has not changed since the ETag / Last-Modified that were sent (HTTP 304). */
export interface FeedNotModified {
  kind: "not-modified";
}

/** A 2xx response with its body decoded to a string. */
export interface FeedFetched {
  kind: "ok";
  /** The document as text: decoded by its charset, BOM removed (decoded when first read). */
  body: string;
  /**
   * The document as received (after content decoding, before charset decoding): the poller hands these to
   * the feed parser's thread, which decodes them there, so the bot's thread never holds a 10 MB string.
   */
  bytes?: Uint8Array;
  etag?: string;
  lastModified?: string;
  /** The Content-Type header as sent, charset included. */
  contentType?: string;
  /** The URL after redirects (equal to the requested one when there were none). */
  finalUrl: string;
}

/** What one fetch of a feed gives. */
export type FetchFeedResult = FeedNotModified | FeedFetched;

/** Details of a failed fetch. */
export interface FeedFetchErrorDetails {
  /** What went wrong, as data: stored with the feed and worded for editors in their language. */
  kind: FeedErrorKind;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** Whether the failure is likely to pass by itself (network, timeout, 5xx, 408, 429). */
  retryable: boolean;
  /** From Retry-After on a 429 or 503, in ms from now (never negative). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A feed that could not be fetched; `message` is one line fit for a log or an admin. */
export class FeedFetchError extends IngestError {
  override name = "FeedFetchError";
  readonly kind: FeedErrorKind;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, details: FeedFetchErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.retryable = details.retryable;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/**
 * GETs an http(s) feed URL, conditionally when `etag` / `lastModified` are given, following redirects.
 * Resolves to `not-modified` on 304 and `ok` on 2xx; throws FeedFetchError for everything else.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const target = feedUrl(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new RangeError(`timeoutMs must be > 0: ${timeoutMs}`);
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0)
    throw new RangeError(`maxBytes must be a positive integer: ${maxBytes}`);

  const headers: Record<string, string> = {
    accept: ACCEPT,
    "user-agent": options.userAgent ?? DEFAULT_USER_AGENT,
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  const caller = options.signal;
  if (caller?.aborted)
    throw new FeedFetchError("aborted", { kind: "aborted", retryable: true, cause: caller.reason });
  // The caller's signal is forwarded by a listener removed at the end rather than passed to
  // AbortSignal.any: on Node 20, every AbortSignal.any([longLivedSignal, …]) stays registered on
  // the long-lived signal for good, and a poller's shutdown signal lives as long as the process.
  const local = new AbortController();
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([local.signal, timeout]);
  const forward = () => local.abort(caller?.reason);
  caller?.addEventListener("abort", forward, { once: true });

  const failure = (err: unknown, reading: boolean): FeedFetchError => {
    if (err instanceof FeedFetchError) return err;
    if (caller?.aborted)
      return new FeedFetchError("aborted", { kind: "aborted", retryable: true, cause: caller.reason });
    if (timeout.aborted)
      return new FeedFetchError(`timed out after ${timeoutMs} ms`, {
        kind: "timeout",
        retryable: true,
        cause: err,
      });
    return networkError(err, reading);
  };

  try {
    const { dispatcher, fetch } = await clientFor(options.allowHosts ?? []);
    let url = target;
    let res: Response;
    for (let redirects = 0; ; redirects++) {
      refuseInternalAddress(url, options.allowHosts ?? []);
      try {
        res = await fetch(url, { method: "GET", headers, redirect: "manual", signal, dispatcher });
      } catch (err) {
        throw failure(err, false);
      }
      // Redirects are followed here, not by fetch, so that every hop's address is checked.
      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get("location") : null;
      if (location === null) break;
      discard(res);
      if (redirects >= MAX_REDIRECTS)
        throw new FeedFetchError("too many redirects", { kind: "redirects", retryable: false });
      url = redirectTarget(location, url);
    }

    if (res.status === 304) {
      discard(res);
      return { kind: "not-modified" };
    }
    if (res.status < 200 || res.status > 299) {
      discard(res);
      throw httpError(res, options.clock ?? systemClock);
    }
    const encoding = res.headers.get("content-encoding")?.trim().toLowerCase();
    const declared = Number(res.headers.get("content-length") ?? Number.NaN);
    // Content-Length counts encoded bytes; only an unencoded body can be refused on it alone.
    if ((!encoding || encoding === "identity") && declared > maxBytes) {
      discard(res);
      throw tooLarge(maxBytes);
    }

    let bytes: Uint8Array;
    try {
      bytes = await readLimited(res, maxBytes, local);
    } catch (err) {
      throw failure(err, true);
    }

    const contentType = res.headers.get("content-type");
    const etag = res.headers.get("etag");
    const lastModified = res.headers.get("last-modified");
    let text: string | undefined;
    const result: FeedFetched = {
      kind: "ok",
      get body() {
        text ??= decodeFeedBytes(bytes, contentType);
        return text;
      },
      bytes,
      finalUrl: url.href,
    };
    if (etag) result.etag = etag;
    if (lastModified) result.lastModified = lastModified;
    if (contentType) result.contentType = contentType;
    return result;
  } finally {
    caller?.removeEventListener("abort", forward);
  }
}

function feedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new FeedFetchError("unsupported URL: not an absolute http(s) URL", {
      kind: "bad-url",
      retryable: false,
    });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new FeedFetchError(`unsupported URL scheme "${oneLine(parsed.protocol)}" (only http: and https:)`, {
      kind: "bad-url",
      retryable: false,
    });
  // fetch refuses these; say why instead of "fetch failed", and keep the password out of the message.
  if (parsed.username || parsed.password)
    throw new FeedFetchError("unsupported URL: it contains a user name or password", {
      kind: "bad-url",
      retryable: false,
    });
  return parsed;
}

/** Where a redirect's Location points, resolved against the URL that answered it. */
function redirectTarget(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FeedFetchError("redirected to an unsupported URL", { kind: "bad-url", retryable: false });
  }
  if (next.protocol !== "http:" && next.protocol !== "https:")
    throw new FeedFetchError("redirected to an unsupported URL", { kind: "bad-url", retryable: false });
  if (next.username || next.password)
    throw new FeedFetchError("redirected to an unsupported URL: it contains a user name or password", {
      kind: "bad-url",
      retryable: false,
    });
  return next;
}

/**
 * The one answer for every address the bot must not reach, whatever is (or is not) listening there: a
 * reply that differed by port would let an editor scan the newsroom's network.
 */
function notPublic(): FeedFetchError {
  return new FeedFetchError(
    "refused: the feed's address is not a public internet address (FEED_ALLOW_HOSTS lists allowed private hosts)",
    { kind: "not-public", retryable: false },
  );
}

/** Host names and IPv6 addresses as FEED_ALLOW_HOSTS lists them: lower case, no brackets, no final dot. */
function hostKey(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

/**
 * True for an address on the public internet. Loopback, private (10/8, 172.16/12, 192.168/16), CGNAT
 * (100.64/10), link-local (169.254/16 with the cloud metadata service, fe80::/10), unique-local (fc00::/7),
 * unspecified, multicast, broadcast and reserved ranges are not; an IPv4-mapped IPv6 address (::ffff:127.0.0.1)
 * counts as the IPv4 address it maps, and IPv6 forms that embed one (NAT64, 6to4, Teredo) are not public.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/**
 * An IP address written in the URL itself (any form the URL parser reads: 0x7f000001, 2130706433, 127.1,
 * [::1], [::ffff:7f00:1]) is checked here: a connection to a literal address asks no resolver.
 */
function refuseInternalAddress(url: URL, allowHosts: readonly string[]): void {
  const host = hostKey(url.hostname);
  if (ipaddr.isValid(host) && !isPublicAddress(host) && !allowHosts.includes(host)) throw notPublic();
}

class NotPublicAddress extends Error {
  override name = "NotPublicAddress";
  readonly code = "ERR_NOT_PUBLIC_ADDRESS";
}

/**
 * A resolver that keeps only public addresses, used for every connection (redirects included). The address
 * checked is the one connected to, so a name that resolves to a public address when it is added and to
 * 127.0.0.1 a minute later (DNS rebinding) is refused then too.
 */
function publicOnlyLookup(allowHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const usable = allowHosts.includes(hostKey(hostname))
        ? addresses
        : addresses.filter((a) => isPublicAddress(a.address));
      const first = usable[0];
      if (first === undefined) return callback(new NotPublicAddress(hostname), "", 0);
      if (options.all) return callback(null, usable);
      callback(null, first.address, first.family);
    });
  };
}

/** One connection pool per allow-list (in practice one for the process). */
const agents = new Map<string, Agent>();

/**
 * undici's fetch and the pool for an allow-list. undici is loaded on the first fetch: it takes about half a
 * second to load, which every CLI command and every start would pay otherwise.
 */
async function clientFor(
  allowHosts: readonly string[],
): Promise<{ dispatcher: Agent; fetch: typeof import("undici").fetch }> {
  const undici = await import("undici");
  const key = allowHosts.join(",");
  let dispatcher = agents.get(key);
  if (dispatcher === undefined) {
    dispatcher = new undici.Agent({ connect: { lookup: publicOnlyLookup(allowHosts) } });
    agents.set(key, dispatcher);
  }
  return { dispatcher, fetch: undici.fetch };
}

/** Reads the body, aborting the request as soon as it goes past maxBytes. */
async function readLimited(res: Response, maxBytes: number, abort: AbortController): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      const err = tooLarge(maxBytes);
      abort.abort(err);
      reader.cancel(err).catch(() => {});
      throw err;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number): FeedFetchError {
  return new FeedFetchError(`larger than ${maxBytes} bytes`, { kind: "too-large", retryable: false });
}

/** Drops a body that will not be read, closing its connection. */
function discard(res: Response): void {
  res.body?.cancel().catch(() => {});
}

function httpError(res: Response, clock: Clock): FeedFetchError {
  const status = res.status;
  const text = oneLine(res.statusText);
  const retryable = status >= 500 || status === 429 || status === 408;
  const details: FeedFetchErrorDetails = { kind: "http", status, retryable };
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), clock());
    if (retryAfterMs !== undefined) details.retryAfterMs = retryAfterMs;
  }
  return new FeedFetchError(text ? `HTTP ${status} ${text}` : `HTTP ${status}`, details);
}

/** Retry-After as delay-seconds or an HTTP date, in ms from `now`. */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** undici rejects with TypeError("fetch failed") and puts what happened in `cause`. */
function networkError(err: unknown, reading: boolean): FeedFetchError {
  let cause: unknown = err instanceof TypeError && err.cause !== undefined ? err.cause : err;
  // Happy eyeballs (several addresses tried) fails with an AggregateError and an empty message.
  if (cause instanceof AggregateError && !cause.message && cause.errors[0] instanceof Error)
    cause = cause.errors[0];
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = errorCode(cause);
  if (code === "ERR_NOT_PUBLIC_ADDRESS") return notPublic();
  if (/redirect count exceeded/i.test(message))
    return new FeedFetchError("too many redirects", { kind: "redirects", retryable: false, cause: err });
  if (/must be a HTTP\(S\) scheme|invalid url/i.test(message))
    return new FeedFetchError("redirected to an unsupported URL", {
      kind: "bad-url",
      retryable: false,
      cause: err,
    });
  if (/^bad port$/i.test(message))
    return new FeedFetchError("unsupported URL: a port browsers refuse", {
      kind: "bad-url",
      retryable: false,
      cause: err,
    });
  let detail = oneLine(message) || code || "unknown";
  if (code && !detail.includes(code)) detail += ` (${code})`;
  const during = reading ? "network error while reading the body" : "network error";
  return new FeedFetchError(`${during}: ${detail}`, { kind: "network", retryable: true, cause: err });
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("code" in err)) return undefined;
  return typeof err.code === "string" ? err.code : undefined;
}

/** One line, no control characters, at most 200 characters. */
function oneLine(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, " ")
    .trim()
    .slice(0, 200);
}
