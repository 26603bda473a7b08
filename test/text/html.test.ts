// Telegram-HTML helpers against the fake Bot API's parser: escaping round-trips, tokens decode as Telegram does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  htmlToText,
  isolate,
  measureHtml,
  rawOffset,
  stripBidi,
  tokenizeHtml,
} from "../../src/text/html";
import { codePoint } from "../support/arbitraries";
import { parseTelegramHtml } from "../support/fake-bot-api";

const utf16 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
  .map((units) => String.fromCharCode(...units));

const OPENERS = [
  "<b>",
  "<strong>",
  "<i>",
  "<u>",
  "<s>",
  "<tg-spoiler>",
  '<span class="tg-spoiler">',
  '<a href="https://x.org/?a=1&amp;b=2">',
  "<code>",
  "<blockquote expandable>",
  '<tg-emoji emoji-id="5368324170671202286">',
];
const entity = fc.constantFrom("&amp;", "&lt;", "&gt;", "&quot;", "&#128512;", "&#x41;", "&#1583;");
const html: fc.Arbitrary<string> = fc.letrec<{ seq: string; item: string }>((tie) => ({
  seq: fc.array(tie("item"), { maxLength: 8 }).map((xs) => xs.join("")),
  item: fc.oneof(
    { maxDepth: 3, depthIdentifier: "html", depthSize: "small" },
    fc.string({ unit: "grapheme", maxLength: 5 }).map(escapeHtml),
    entity,
    fc.tuple(fc.constantFrom(...OPENERS), tie("seq")).map(([open, inner]) => {
      const name = /^<([a-z-]+)/.exec(open)?.[1] ?? "b";
      return `${open}${inner}</${name}>`;
    }),
    fc.constantFrom('<pre><code class="language-ts">let a = 1 &lt; 2;</code></pre>', "<pre>x</pre>"),
  ),
})).seq;

describe("escapeHtml", () => {
  it("parses back to the text it escaped, for any string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: codePoint }), utf16, fc.constantFrom("&amp;", "&lt;b&gt;", '"&"')),
        (s) => {
          expect(parseTelegramHtml(escapeHtml(s)).text).toBe(s);
          expect(htmlToText(escapeHtml(s))).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps isolate and stripBidi as they were", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(isolate("2017")).toBe("\u20682017\u2069");
    expect(stripBidi("\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061c")).toBe("abc");
  });
});

describe("tokenizeHtml", () => {
  it("reads text and tags as Telegram does", () => {
    fc.assert(
      fc.property(html, (source) => {
        const parsed = parseTelegramHtml(source);
        expect(htmlToText(source)).toBe(parsed.text);
        expect(measureHtml(source)).toEqual({
          length: parsed.text.length,
          entities: (source.match(/<[a-z]/g) ?? []).length,
        });
        const tokens = tokenizeHtml(source);
        expect(tokens.map((t) => t.raw).join("")).toBe(source);
        for (const [index, t] of tokens.entries()) {
          expect(source.slice(t.rawStart, t.rawStart + t.raw.length)).toBe(t.raw);
          if (t.kind === "open") {
            const close = tokens[t.match];
            expect(close?.kind === "close" && close.name === t.name).toBe(true);
            expect(t.match).toBeGreaterThan(index);
          } else if (t.kind === "text") {
            expect(t.text).not.toBe("");
            expect(parsed.text.slice(t.at, t.at + t.text.length)).toBe(t.text);
            // Every visible unit maps to where its character starts in the source.
            for (let k = 0; k <= t.text.length; k++) {
              if (/[\udc00-\udfff]/.test(t.text[k] ?? "")) continue;
              expect(parseTelegramHtml(t.raw.slice(0, rawOffset(t, k))).text).toBe(t.text.slice(0, k));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps stray characters as text", () => {
    expect(htmlToText("a & b < c &nbsp; &#0;")).toBe("a & b < c &nbsp; &#0;");
    expect(tokenizeHtml("x <b>y").map((t) => t.kind)).toEqual(["text", "open", "text"]);
  });
});
