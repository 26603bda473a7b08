// A feed document's bytes → text, by its BOM, its Content-Type charset or its XML declaration. Used by the
// fetcher, and by the feed parser's thread for the documents the poller hands it undecoded.
import { TextDecoder } from "node:util";

/** How far into the body the XML declaration is looked for. */
const PROLOG_BYTES = 1024;

/**
 * Decodes a feed document: a BOM wins, then the Content-Type charset, then the XML declaration's
 * encoding, else UTF-8 (also for a charset TextDecoder does not know). The BOM is removed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  let encoding: string | undefined;
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, start] = ["utf-8", 3];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ["utf-16be", 2];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ["utf-16le", 2];

  const decoder =
    (encoding && decoderFor(encoding)) ||
    decoderFor(charsetOf(contentType)) ||
    decoderFor(prologEncoding(bytes)) ||
    new TextDecoder("utf-8", { ignoreBOM: true });
  const text = decoder.decode(start ? bytes.subarray(start) : bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label, { ignoreBOM: true });
  } catch {
    return undefined;
  }
}

function charsetOf(contentType: string | null | undefined): string | undefined {
  return contentType?.match(/;\s*charset\s*=\s*["']?([^"';,\s]+)/i)?.[1];
}

function prologEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PROLOG_BYTES));
  const label = head
    .toString("latin1")
    .match(/^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/)?.[1];
  // A declaration readable as ASCII is not in UTF-16, whatever it says (as browsers do for <meta>).
  return label && /^utf-?16/i.test(label) ? undefined : label;
}
