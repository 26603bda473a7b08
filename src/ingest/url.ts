// Canonical article links: one spelling per page, so the importer can dedupe by URL and readers get
// links without tracking parameters.

/** Query parameters that only track the reader; every other parameter is kept in its order. */
const TRACKING_PARAMETERS = new Set(["fbclid", "gclid", "mc_cid", "mc_eid", "ref", "igshid", "_ga"]);

function isTracking(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replaceAll("+", " "));
  } catch {
    key = rawKey;
  }
  key = key.toLowerCase();
  return key.startsWith("utm_") || TRACKING_PARAMETERS.has(key);
}

/**
 * The canonical form of an absolute http(s) URL, or undefined for anything else (relative links,
 * mailto:, javascript:, garbage). Scheme and host are lowercased, default ports, the fragment and
 * tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, ref, igshid, _ga) are dropped, an empty
 * "?" goes; the path and the other parameters stay as written (the WHATWG parser percent-encodes
 * non-ASCII characters in them, so an Arabic slug has one spelling whichever way it arrived).
 */
export function canonicalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.hostname === "") return undefined;
  url.hash = "";
  // Filter the raw query string rather than re-serializing URLSearchParams, which would re-encode
  // the parameters that stay (spaces, Arabic text) and so change them.
  const query = url.search.slice(1);
  if (query !== "") {
    const kept = query.split("&").filter((pair) => pair !== "" && !isTracking(pair.split("=", 1)[0] ?? ""));
    url.search = kept.length > 0 ? `?${kept.join("&")}` : "";
  } else {
    url.search = "";
  }
  return url.href;
}
