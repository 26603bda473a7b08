// splitMessage against the fake Bot API's Telegram-HTML parser: validity, limits, text and formatting preserved.
import fc from "fast-check";
import type { MessageEntity } from "grammy/types";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/text/html";
import { splitMessage } from "../../src/text/split";
import { codePoint } from "../support/arbitraries";
import { parseTelegramHtml } from "../support/fake-bot-api";

// --- Generators ------------------------------------------------------------------------------------------------

/** A piece of HTML with the text Telegram shows for it. */
interface Doc {
  html: string;
  text: string;
}

const ARABIC = [
  "دير",
  "الزور",
  "قصف",
  "على",
  "مدينة",
  "الميادين",
  "البوكمال",
  "حقل",
  "العمر",
  "سوريا",
  "عاجل",
];
const EMOJI = ["👨‍👩‍👧‍👦", "🏳️‍🌈", "👩🏽‍💻", "🇸🇾", "🇮🇶", "😀", "❤️", "🧑‍🤝‍🧑"];
const SPECIAL = ["&", "<", ">", '"', "a&b", "<b>", "&amp;", "x<y>z", "AT&T"];
const LINK = "https://x.org/?a=1&amp;b=2";
const OPEN: Record<string, string> = { b: "<b>", i: "<i>", a: `<a href="${LINK}">` };

const text = (s: string): Doc => ({ html: escapeHtml(s), text: s });
const join = (docs: Doc[]): Doc => ({
  html: docs.map((d) => d.html).join(""),
  text: docs.map((d) => d.text).join(""),
});

/** Words whose graphemes are all short: cuts inside them must fall between graphemes. */
const tidyWord: fc.Arbitrary<Doc> = fc
  .oneof(
    { weight: 5, arbitrary: fc.constantFrom(...ARABIC) },
    { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,10}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
    { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("ب", "x", "😀", "🇸🇾", "👨‍👩‍👧", "&lt;"), fc.integer({ min: 20, max: 120 }))
        .map(([unit, n]) => unit.repeat(n)),
    },
  )
  .map(text);
/** Any graphemes at all, control and space characters included; graphemes longer than a part; empty elements. */
const wildWord: fc.Arbitrary<Doc> = fc.oneof(
  fc
    .oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
      fc.string({ unit: codePoint, minLength: 1 }),
      fc.integer({ min: 10, max: 80 }).map((n) => Array(n).fill("\u{1f468}").join("\u200d")),
      fc.integer({ min: 40, max: 250 }).map((n) => `e${"\u0301".repeat(n)}`),
    )
    .map(text),
  fc.constantFrom("<b></b>", "<i>\n</i>", "<b> <i>\n\n</i></b>", `<a href="${LINK}"> </a>`).map((html) => ({
    html,
    text: html.replace(/<[^>]*>/g, ""),
  })),
);
const separator: fc.Arbitrary<Doc> = fc
  .constantFrom(" ", " ", " ", "\n", "\n\n", "  ", " \n ", "\t", "\n\n\n")
  .map(text);

function docs(word: fc.Arbitrary<Doc>): { item: fc.Arbitrary<Doc>; paragraph: fc.Arbitrary<Doc> } {
  const tree = fc.letrec<{ seq: Doc; item: Doc; tagged: Doc }>((tie) => ({
    seq: fc.array(tie("item"), { minLength: 1, maxLength: 6 }).map(join),
    item: fc.oneof(
      { maxDepth: 3, depthIdentifier: "tags", depthSize: "small" },
      word,
      separator,
      word,
      tie("tagged"),
    ),
    tagged: fc.tuple(fc.constantFrom("b", "i", "a"), word, tie("seq")).map(([tag, first, rest]) => {
      const inner = join([first, rest]);
      return { html: `${OPEN[tag]}${inner.html}</${tag}>`, text: inner.text };
    }),
  }));
  const paragraph = fc
    .array(fc.tuple(tree.seq, separator), { minLength: 1, maxLength: 12 })
    .map((ps) => join(ps.flat()));
  return { item: tree.item, paragraph };
}

const tidy = docs(tidyWord);
const wild = docs(fc.oneof({ weight: 3, arbitrary: tidyWord }, { weight: 1, arbitrary: wildWord }));
const bigDoc = fc.array(tidy.paragraph, { minLength: 1, maxLength: 40 }).map(join);

// --- Checks ----------------------------------------------------------------------------------------------------

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Formatting of each character: the sorted entities (type and URL) that cover it. */
function styles(textLength: number, entities: MessageEntity[]): string[] {
  const out: string[] = Array.from({ length: textLength }, () => "");
  for (const e of [...entities].sort((x, y) => (x.type < y.type ? -1 : x.type > y.type ? 1 : 0))) {
    const tag = e.type === "text_link" ? `link:${e.url}` : e.type;
    for (let k = e.offset; k < e.offset + e.length; k++) out[k] += `${tag},`;
  }
  return out;
}

/**
 * Every guarantee of splitMessage, with parseTelegramHtml as the oracle: parts parse, fit, are trimmed and
 * non-empty, hold no lone surrogate, and together give the original text (less whitespace at the breaks) with
 * every character formatted as before. Returns the parts' texts and where they start in the original text.
 */
function checkSplit(html: string, limit: number, maxEntities = 99): { texts: string[]; starts: number[] } {
  const original = parseTelegramHtml(html);
  const parts = splitMessage(html, { limit, maxEntities });
  if (original.text.trim() === "") {
    expect(parts).toEqual([]);
    return { texts: [], starts: [] };
  }
  const tags = (h: string) => (h.match(/<[a-z]/g) ?? []).length;
  if (original.text.length <= limit && tags(html) <= maxEntities) expect(parts).toEqual([html]);
  const problems: string[] = [];
  const parsed = parts.map((p) => parseTelegramHtml(p));
  const texts = parsed.map((p) => p.text);
  const want = styles(original.text.length, original.entities);
  const starts: number[] = [];
  let pos = 0;
  for (const [k, p] of parsed.entries()) {
    const part = parts[k] as string;
    const where = `part ${k} ${JSON.stringify(part)}`;
    if (p.text.length > limit) problems.push(`${where}: ${p.text.length} characters`);
    if (p.entities.length > maxEntities || tags(part) > maxEntities)
      problems.push(`${where}: too many entities`);
    if (LONE_SURROGATE.test(p.text) || LONE_SURROGATE.test(part)) problems.push(`${where}: lone surrogate`);
    if (parts[0] !== html && (p.text.trim() === "" || p.text.trim() !== p.text))
      problems.push(`${where}: not trimmed`);
    // Alignment: only whitespace between consecutive parts in the original text.
    while (parts[0] !== html && pos < original.text.length && /\s/.test(original.text[pos] as string)) pos++;
    if (!original.text.startsWith(p.text, pos)) problems.push(`${where}: not found at ${pos}`);
    starts.push(pos);
    const got = styles(p.text.length, p.entities).join("|");
    if (got !== want.slice(pos, pos + p.text.length).join("|")) problems.push(`${where}: formatting differs`);
    pos += p.text.length;
  }
  if (original.text.slice(pos).trim() !== "") problems.push(`text lost after ${pos}`);
  expect(problems).toEqual([]);
  return { texts, starts };
}

/** 3 for a blank line, 2 for a line break, 1 for a space, 0 for no-break spaces only. */
function breakKind(ws: string): number {
  const newlines = (ws.match(/\n/g) ?? []).length;
  return newlines >= 2 ? 3 : newlines === 1 ? 2 : /^[\u00a0\u2007\u202f\ufeff]+$/.test(ws) ? 0 : 1;
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

// --- Properties ------------------------------------------------------------------------------------------------

describe("splitMessage properties", () => {
  it.each([50, 200])("parts parse, fit %i, keep text and formatting (any graphemes)", (limit) => {
    fc.assert(
      fc.property(wild.paragraph, (doc) => {
        expect(parseTelegramHtml(doc.html).text).toBe(doc.text);
        checkSplit(doc.html, limit);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps 5 entities a part", () => {
    fc.assert(
      fc.property(wild.paragraph, fc.constantFrom(50, 200, 4096), (doc, limit) => {
        checkSplit(doc.html, limit, 5);
      }),
      { numRuns: 300 },
    );
  });

  it("handles long digests at 4096", () => {
    fc.assert(
      fc.property(bigDoc, fc.constantFrom(4096, 1000), (doc, limit) => {
        checkSplit(doc.html, limit);
      }),
      { numRuns: 60 },
    );
  });

  it("breaks at the strongest break that fits in a part's second half (else the latest), else between graphemes", () => {
    fc.assert(
      fc.property(tidy.paragraph, fc.constantFrom(50, 80, 200), (doc, limit) => {
        const { texts, starts } = checkSplit(doc.html, limit);
        const original = doc.text;
        const boundaries = new Set([...graphemes.segment(original)].map((g) => g.index));
        const runs = [...original.matchAll(/\s+/g)].map((m) => ({ at: m.index, kind: breakKind(m[0]) }));
        let lo = 0;
        for (let k = 0; k + 1 < texts.length; k++) {
          const s = starts[k] as number;
          const end = s + (texts[k] as string).length;
          const next = starts[k + 1] as number;
          while (lo < runs.length && (runs[lo]?.at ?? 0) <= s) lo++;
          let hi = lo;
          while (hi < runs.length && (runs[hi]?.at ?? 0) <= s + limit) hi++;
          const window = runs.slice(lo, hi);
          const taken = next > end ? breakKind(original.slice(end, next)) : -1;
          if (taken === -1) {
            expect(window).toEqual([]);
            expect(boundaries.has(end)).toBe(true);
          } else {
            // The latest break always qualifies; a stronger one only while the part stays at least half full.
            let candidates = [
              ...window.filter((r) => r.at - s >= limit / 2),
              window.at(-1) as (typeof window)[number],
            ];
            // Any ordinary break beats a no-break space: then the latest ordinary one, wherever it is.
            if (Math.max(...candidates.map((r) => r.kind)) === 0 && window.some((r) => r.kind > 0)) {
              candidates = [window.filter((r) => r.kind > 0).at(-1) as (typeof window)[number]];
            }
            const best = Math.max(...candidates.map((r) => r.kind));
            expect(taken).toBe(best);
            expect(Math.max(...candidates.filter((r) => r.kind === best).map((r) => r.at))).toBe(end);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

// --- Examples --------------------------------------------------------------------------------------------------

/** Deterministic Arabic words (a small LCG, so the example is the same on every run). */
function arabicWords(n: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(ARABIC[x % ARABIC.length] as string);
  }
  return out.join(" ");
}

function digest(items: number): { html: string; paragraphs: string[] } {
  const html: string[] = [];
  const paragraphs: string[] = [];
  for (let k = 0; k < items; k++) {
    const title = `خبر رقم ${k}: ${arabicWords(6, k)}`;
    const body = arabicWords(40 + ((k * 37) % 90), k + 1000);
    const source = `المصدر: عنب بلدي · 10:${String(k % 60).padStart(2, "0")}`;
    html.push(
      `<b><a href="https://example.org/news/${k}?a=1&amp;b=2">${escapeHtml(title)}</a></b>\n${source}\n${body}`,
    );
    paragraphs.push(`${title}\n${source}\n${body}`);
  }
  return { html: html.join("\n\n"), paragraphs };
}

describe("splitMessage examples", () => {
  it("returns a message that fits unchanged, and nothing for blank text", () => {
    const html = '<b>عاجل</b> قصف على <a href="https://x.org/?a=1&amp;b=2">دير الزور</a>\n\n';
    expect(splitMessage(html)).toEqual([html]);
    expect(splitMessage("  \n ")).toEqual([]);
    expect(splitMessage("<b> </b>")).toEqual([]);
  });

  it("splits a 10,000-character Arabic digest at paragraph boundaries", () => {
    const { html, paragraphs } = digest(40);
    const text = parseTelegramHtml(html).text;
    expect(text.length).toBeGreaterThan(10_000);
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(text.length / 4096));
    expect(parts.length).toBeLessThanOrEqual(Math.ceil(text.length / 3000)); // paragraphs are under 1,000
    const seen: string[] = [];
    for (const part of parts) {
      const parsed = parseTelegramHtml(part);
      expect(parsed.text.length).toBeLessThanOrEqual(4096);
      seen.push(...parsed.text.split("\n\n"));
      // Each part starts with a title: bold link, reopened nowhere because no break fell inside one.
      expect(part.startsWith('<b><a href="https://example.org/news/')).toBe(true);
    }
    expect(seen).toEqual(paragraphs);
    checkSplit(html, 4096);
  });

  it("prefers an ordinary space early in a part to a no-break space late in it", () => {
    const html = `${"كلمة ".repeat(8).trim()}${"\u00a0ع".repeat(60)}`; // spaces in the first 40, then NBSPs
    const parts = splitMessage(html, { limit: 100 });
    expect(parts[0]).toBe("كلمة ".repeat(7).trim()); // the 8th word is glued to the no-break run
    checkSplit(html, 100);
  });

  it("keeps a short heading with what follows, and splits a long paragraph at a line, then at a space", () => {
    const line1 = arabicWords(10, 1); // ≤ 60 characters
    const line2 = arabicWords(10, 2);
    const line3 = arabicWords(30, 3); // > 100 characters, no line break
    const html = `مقدمة\n\n${line1}\n${line2}\n${line3}`;
    const parts = splitMessage(html, { limit: 100 });
    // Not "مقدمة" alone: a blank line so early would leave a message with one word in it.
    expect(parts[0]).toBe(`مقدمة\n\n${line1}`);
    expect(parts.slice(1).join(" ").replace(/\s+/g, " ")).toBe(`${line2} ${line3}`);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    checkSplit(html, 100);
  });

  it("closes and reopens a link, with its attributes, across a break", () => {
    const href = "https://x.org/?a=1&amp;b=2";
    const html = `قبل <a href="${href}"><b>${arabicWords(30, 7)}</b> ${escapeHtml("AT&T <x>")}</a> بعد`;
    const parts = splitMessage(html, { limit: 50 });
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts.slice(1, -1)) {
      expect(part.startsWith(`<a href="${href}">`)).toBe(true);
      expect(part.endsWith("</a>")).toBe(true);
      const links = parseTelegramHtml(part).entities.filter((e) => e.type === "text_link");
      expect(links).toEqual([
        { type: "text_link", offset: 0, length: expect.any(Number), url: "https://x.org/?a=1&b=2" },
      ]);
    }
    expect(parts[0]).toMatch(/^قبل <a href="[^"]+"><b>[^<]+<\/b><\/a>$/);
    checkSplit(html, 50);
  });

  it("reopens nested tags in order, pre with its language", () => {
    const html = `<b>bold <i>both ${"x ".repeat(30)}</i></b>\n<pre><code class="language-ts">${"let a = 1;\n".repeat(10)}</code></pre>`;
    const parts = splitMessage(html, { limit: 40 });
    expect(parts[1]?.startsWith("<b><i>x")).toBe(true);
    const pre = parts.filter((p) => p.startsWith("<pre>"));
    expect(pre.length).toBeGreaterThan(1);
    for (const p of pre) {
      expect(p.startsWith('<pre><code class="language-ts">let a')).toBe(true);
      expect(p.endsWith("</code></pre>")).toBe(true);
      expect(parseTelegramHtml(p).entities).toEqual([
        { type: "pre", offset: 0, length: expect.any(Number), language: "ts" },
      ]);
    }
    checkSplit(html, 40);
  });

  it("trims whitespace at a break, even inside tags, and drops elements left empty", () => {
    expect(splitMessage("<b>foo </b>bar", { limit: 4 })).toEqual(["<b>foo</b>", "bar"]);
    expect(splitMessage("one\n<i>\n</i>\ntwo", { limit: 4 })).toEqual(["one", "two"]);
  });

  it("cuts a 5,000-character word at code points", () => {
    const arabic = "ب".repeat(5000);
    expect(splitMessage(arabic).map((p) => p.length)).toEqual([4096, 904]);
    const emoji = `a${"😀".repeat(2500)}`;
    const parts = splitMessage(emoji);
    expect(parts.map((p) => p.length)).toEqual([4095, 906]);
    expect(parts.join("")).toBe(emoji);
    for (const p of parts) expect(LONE_SURROGATE.test(p)).toBe(false);
    const entities = "&lt;".repeat(5000);
    expect(splitMessage(entities).map((p) => parseTelegramHtml(p).text.length)).toEqual([4096, 904]);
  });

  it("keeps flags and ZWJ sequences whole", () => {
    const flags = "🇸🇾".repeat(30);
    for (const p of splitMessage(flags, { limit: 10 })) expect(p).toMatch(/^(🇸🇾)+$/);
    const family = "👨‍👩‍👧‍👦".repeat(20);
    for (const p of splitMessage(family, { limit: 30 })) expect(p).toMatch(/^(👨‍👩‍👧‍👦)+$/);
    // A grapheme longer than the limit is cut between code points.
    const one = "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}";
    expect(splitMessage(one, { limit: 4 })).toEqual([
      "\u{1f468}\u200d",
      "\u{1f469}\u200d",
      "\u{1f467}\u200d",
      "\u{1f466}",
    ]);
    expect(splitMessage(one, { limit: 2 }).join("")).toBe(one);
    // The rest of a grapheme cut once is not taken for a grapheme of its own.
    const chain = Array(40).fill("\u{1f468}").join("\u200d"); // one grapheme of 119 units
    expect(splitMessage(`abc ${chain} def`, { limit: 50 }).map((p) => p.length)).toEqual([3, 50, 49, 24]);
    expect(splitMessage("a\u{1f600}b", { limit: 2 })).toEqual(["a", "\u{1f600}", "b"]);
  });

  it("keeps under 100 entities a part", () => {
    const html = Array.from({ length: 300 }, (_, k) => `<b>${k}</b>`).join(" ");
    const parts = splitMessage(html);
    expect(parts.length).toBe(4);
    for (const p of parts) expect(parseTelegramHtml(p).entities.length).toBeLessThanOrEqual(99);
    checkSplit(html, 4096);
  });

  it("rejects impossible limits", () => {
    expect(() => splitMessage("abc", { limit: 1 })).toThrow(RangeError);
    expect(() => splitMessage("abc", { maxEntities: 0 })).toThrow(RangeError);
  });

  it("splits a 100 KB digest quickly", () => {
    const { html } = digest(400);
    expect(html.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const parts = splitMessage(html);
    const elapsed = performance.now() - started;
    expect(parts.length).toBeGreaterThan(20);
    expect(elapsed).toBeLessThan(500);
  });
});
