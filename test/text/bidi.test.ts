// isolateLatinRuns / isolateLatinRunsHtml: examples, idempotence, what is (not) touched, HTML left valid, and
// Arabic lines laid out by the bidi algorithm reading right to left.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isolateLatinRuns, isolateLatinRunsHtml } from "../../src/text/bidi";
import { escapeHtml } from "../../src/text/html";
import { bidiProblems, renderLines } from "../support/bidi";
import { parseTelegramHtml } from "../support/fake-bot-api";

const FSI = "\u2068";
const PDI = "\u2069";
const RLM = "\u200f";
/** Shows isolates as ⟦ ⟧ and RLM as ⇐ so expectations stay readable. */
const show = (s: string): string => s.replaceAll(FSI, "⟦").replaceAll(PDI, "⟧").replaceAll(RLM, "⇐");
const unisolated = (s: string): string => s.replace(/[\u2068\u2069\u200f]/g, "");
const count = (s: string, c: string): number => s.split(c).length - 1;
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const LINES = /[\n\r\u0085\u2029]/;

// --- Generators ------------------------------------------------------------------------------------------------

const arabic = fc.constantFrom(
  "قصف",
  "على",
  "دير",
  "الزور",
  "في",
  "المصدر:",
  "مقتل",
  "شخصا،",
  "«الميادين»",
  "و",
);
const latin = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,8}$/),
  fc.constantFrom("Deir ez-Zor", "Ezzor's", "Al-Bukamal", "SDF", "(AFP)", "café", "e.g.", "AT&T"),
);
const number = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.constantFrom("2017", "10:30", "3.5", "1,000", "50%", "+963", "#12", "2017/05/01", "٢٠١٧"),
);
const url = fc.constantFrom(
  "https://x.org/?a=1&b=2",
  "http://example.com/path_(x)",
  "www.enabbaladi.net/archives/1.",
  "https://t.me/nashra",
);
const other = fc.constantFrom(
  "😀",
  "👨‍👩‍👧",
  "🇸🇾",
  "-",
  "(",
  ")",
  "«",
  "»",
  ".",
  ":",
  "&",
  "<",
  '"',
  "'",
  "%",
  "/",
);
const space = fc.constantFrom(" ", " ", " ", "  ", "\t", "\n", "\n\n");
const word = fc.oneof(
  { weight: 5, arbitrary: arabic },
  { weight: 4, arbitrary: latin },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: url },
  { weight: 2, arbitrary: other },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
);
const plainText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: word },
      { weight: 2, arbitrary: space },
      latin.map((w) => FSI + w + PDI),
    ),
    {
      maxLength: 40,
    },
  )
  .map((ws) => ws.join(""));
const latinText = fc
  .array(fc.oneof(latin, number, url, space, fc.constantFrom("-", "😀", ".")), { maxLength: 30 })
  .map((ws) => ws.join(""));

/** Telegram HTML: escaped words, tags (code included) around spans. */
const htmlText: fc.Arbitrary<string> = fc.letrec<{ seq: string; item: string }>((tie) => ({
  seq: fc.array(tie("item"), { minLength: 1, maxLength: 8 }).map((xs) => xs.join("")),
  item: fc.oneof(
    { maxDepth: 3, depthIdentifier: "tags", depthSize: "small" },
    word.map(escapeHtml),
    space,
    word.map(escapeHtml),
    fc
      .tuple(fc.constantFrom("<b>", "<i>", '<a href="https://x.org/?a=1&amp;b=2">', "<code>"), tie("seq"))
      .map(([open, inner]) => `${open}${inner}</${open.slice(1, 2) === "c" ? "code" : open.slice(1, 2)}>`),
  ),
})).seq;

/** Where the visible characters are outside every isolate (an unclosed one runs to the end of its line). */
function outsideIsolates(text: string): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  for (const c of text) {
    if (LINES.test(c)) depth = 0;
    if (c >= "\u2066" && c <= "\u2068") depth++;
    for (let k = 0; k < c.length; k++) out.push(depth === 0);
    if (c === PDI && depth > 0) depth--;
  }
  return out;
}

// --- Plain text ------------------------------------------------------------------------------------------------

describe("isolateLatinRuns", () => {
  it.each([
    ["قصف على Deir ez-Zor في 2017", "قصف على ⟦Deir ez-Zor⟧ في ⟦2017⟧"],
    ["المصدر: https://x.org/?a=1&b=2 اليوم", "المصدر: ⟦https://x.org/?a=1&b=2⟧ اليوم"],
    ["راجع www.enabbaladi.net/archives/1. ثم", "راجع ⟦www.enabbaladi.net/archives/1⟧. ثم"],
    ["(المصدر: https://x.org/a)", "(المصدر: ⟦https://x.org/a⟧)"],
    ["مقتل 12 شخصا، و50% عند 10:30 في 1,000 و3.5", "مقتل ⟦12⟧ شخصا، و⟦50%⟧ عند ⟦10:30⟧ في ⟦1,000⟧ و⟦3.5⟧"],
    ["أهالي Deir Ezzor's قالوا", "أهالي ⟦Deir Ezzor's⟧ قالوا"],
    ["قوات Deir ez-Zor (SDF) في", "قوات ⟦Deir ez-Zor (SDF)⟧ في"],
    ["وكالة (AFP) قالت", "وكالة (⟦AFP⟧) قالت"],
    ["اتصل على +963 11 123 أو #12", "اتصل على ⟦+963 11 123⟧ أو ⟦#12⟧"],
    ["Reuters, AFP: عاجل", "⇐⟦Reuters, AFP⟧: عاجل"],
    ["أرسل /subscribe مع اسم المنطقة", "أرسل ⟦/subscribe⟧ مع اسم المنطقة"],
    ["/subscribe — تابع موضوعًا", "⇐⟦/subscribe⟧ — تابع موضوعًا"],
    ["تجدها في /latest و/search.", "تجدها في ⟦/latest⟧ و⟦/search⟧."],
    ["أرسل /alert 17 أو /alert@nashra_bot", "أرسل ⟦/alert 17⟧ أو ⟦/alert@nashra_bot⟧"],
    ["من بوت مثل @userinfobot.", "من بوت مثل ⟦@userinfobot⟧."],
    ["المحادثة -1001234567890 والمقال #17", "المحادثة ⟦-1001234567890⟧ والمقال ⟦#17⟧"],
    ["17 مقالًا", "⟦17⟧ مقالًا"], // digits are weak: the first strong letter is Arabic
    [`${FSI}1${PDI}. ${FSI}دير الزور${PDI}: ${FSI}5${PDI}`, `⇐⟦1⟧. ⟦دير الزور⟧: ⟦5⟧`],
    ["في ٢٠١٧ و 2017/05/01", "في ٢٠١٧ و ⟦2017/05/01⟧"],
    ["مقهى café في", "مقهى ⟦café⟧ في"],
  ])("%s", (input, expected) => {
    expect(show(isolateLatinRuns(input))).toBe(expected);
  });

  it("keeps a URL's trailing punctuation out of it, however long the run of it (and inside when a letter follows)", () => {
    const dots = ".".repeat(40_000);
    expect(show(isolateLatinRuns(`عربي http://x.org${dots}`))).toBe(`عربي ⟦http://x.org⟧${dots}`);
    expect(show(isolateLatinRuns(`عربي http://x.org${dots}a`))).toBe(`عربي ⟦http://x.org${dots}a⟧`);
    expect(show(isolateLatinRuns("رابط: https://euphrates.example.org/a»،"))).toBe(
      "رابط: ⟦https://euphrates.example.org/a⟧»،",
    );
  });

  it("leaves lines without Arabic, and text already isolated, alone", () => {
    expect(isolateLatinRuns("Deir ez-Zor 2017")).toBe("Deir ez-Zor 2017");
    expect(show(isolateLatinRuns("سطر عربي 2017\nEnglish line 2018\r\nعربي AFP"))).toBe(
      "سطر عربي ⟦2017⟧\nEnglish line 2018\r\nعربي ⟦AFP⟧",
    );
    const done = `قصف على ${FSI}Deir ez-Zor${PDI} في ${FSI}2017${PDI}`;
    expect(isolateLatinRuns(done)).toBe(done);
    expect(isolateLatinRuns("")).toBe("");
  });

  it("is idempotent and only inserts isolates", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const once = isolateLatinRuns(text);
        expect(isolateLatinRuns(once)).toBe(once);
        expect(unisolated(once)).toBe(unisolated(text));
        expect(count(once, FSI) - count(text, FSI)).toBe(count(once, PDI) - count(text, PDI));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves lines without Arabic unchanged", () => {
    fc.assert(
      fc.property(latinText, plainText, (english, mixed) => {
        expect(isolateLatinRuns(english)).toBe(english);
        const lines = isolateLatinRuns(mixed).split(LINES);
        for (const [k, line] of mixed.split(LINES).entries()) {
          if (!ARABIC_LETTER.test(line)) expect(lines[k]).toBe(line);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("leaves no Latin letter or ASCII digit outside an isolate in an Arabic line", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const out = isolateLatinRuns(text);
        for (const line of out.split(LINES)) {
          if (!ARABIC_LETTER.test(line)) continue;
          const outside = outsideIsolates(line);
          for (let k = 0; k < line.length; k++) {
            if (/[0-9\p{Script=Latin}]/u.test(line[k] as string))
              expect(outside[k], `${show(line)} @${k}`).toBe(false);
          }
        }
        // New isolates are balanced and never nested inside one another.
        if (!/[\u2066-\u2069]/.test(text)) {
          let depth = 0;
          for (const c of out) {
            if (c === FSI) depth++;
            if (c === PDI) depth--;
            expect(depth === 0 || depth === 1).toBe(true);
          }
          expect(depth).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// --- HTML ------------------------------------------------------------------------------------------------------

describe("isolateLatinRunsHtml", () => {
  it("isolates runs across tags and entities, never inside them", () => {
    const html = `قصف <b>على Deir</b> ez-Zor <a href="https://x.org/?a=1&amp;b=2">AT&amp;T</a> في 2017`;
    expect(show(isolateLatinRunsHtml(html))).toBe(
      `قصف <b>على ⟦Deir</b> ez-Zor <a href="https://x.org/?a=1&amp;b=2">AT&amp;T</a>⟧ في ⟦2017⟧`,
    );
    expect(show(isolateLatinRunsHtml('عاجل: <b><i>SDF</i></b> و <a href="https://x.org/">2017</a>'))).toBe(
      'عاجل: ⟦<b><i>SDF</i></b>⟧ و ⟦<a href="https://x.org/">2017</a>⟧',
    );
    expect(show(isolateLatinRunsHtml("الأمر <code>npm install</code> و <pre>ls -la</pre> 3"))).toBe(
      "الأمر ⟦<code>npm install</code>⟧ و ⟦<pre>ls -la</pre>⟧ ⟦3⟧",
    );
    expect(show(isolateLatinRunsHtml("<b>17</b> · <code>/subscribe دير الزور</code> أو"))).toBe(
      "⇐⟦<b>17</b>⟧ · ⟦<code>/subscribe دير الزور</code>⟧ أو",
    );
    // A code element that goes on past the line: opened before it, closed by the line's end.
    expect(show(isolateLatinRunsHtml("مثال:\n<code>/post عنوان\nنص</code>"))).toBe(
      "مثال:\n⇐⟦<code>/post عنوان\nنص</code>",
    );
    expect(isolateLatinRunsHtml("<b>English</b> only &amp; 2017")).toBe("<b>English</b> only &amp; 2017");
  });

  it("in an English message, touches only the lines that begin in Arabic", () => {
    const en = "The day is missing, like friday or الجمعة.\nبالعربية: /settings ← 🌐";
    expect(show(isolateLatinRunsHtml(en, "en"))).toBe(
      "The day is missing, like friday or الجمعة.\nبالعربية: ⟦/settings⟧ ← 🌐",
    );
  });

  // Tokens in order is checked on realistic messages (test/i18n/rtl.test.ts): the generator glues words in ways
  // no message does ("0https://…", "A'قصف"), where what "in order" means is a matter of taste.
  it("makes every Arabic line a right-to-left paragraph (bidi algorithm)", () => {
    fc.assert(
      fc.property(htmlText, (html) => {
        // Code is never changed, so a line that starts inside a code element begun on the line before cannot
        // take an RLM (nor does Telegram nest code elements).
        fc.pre(!/<code>(?:(?!<\/code>)[\s\S])*(?:\n|<code>)/.test(html));
        // The run-time test of strong characters knows letters, not the symbols that are strong too (Braille,
        // enclosed CJK, Old Persian's word divider); messages hold Arabic, Latin, punctuation, arrows and emoji.
        const ordinary =
          /^[\p{Script=Arabic}\p{Script=Latin}\p{Script=Inherited}\0-\u00ff\u2000-\u206f\u2190-\u21ff\u{1f000}-\u{1faff}]*$/u;
        fc.pre(ordinary.test(html));
        expect(bidiProblems(isolateLatinRunsHtml(html), [], { tokens: false })).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect(renderLines("x")[0]?.rtl).toBe(false);
  });

  it("keeps the HTML valid, its entities, and agrees with the plain-text variant", () => {
    fc.assert(
      fc.property(htmlText, (html) => {
        const out = isolateLatinRunsHtml(html);
        expect(isolateLatinRunsHtml(out)).toBe(out);
        expect(unisolated(out)).toBe(unisolated(html)); // only FSI/PDI inserted, nowhere else changed
        const before = parseTelegramHtml(html);
        const after = parseTelegramHtml(out);
        expect(unisolated(after.text)).toBe(unisolated(before.text));
        const kinds = (es: typeof before.entities) =>
          es.map((e) => `${e.type}:${e.type === "text_link" ? e.url : ""}`);
        expect(kinds(after.entities)).toEqual(kinds(before.entities));
        for (const e of after.entities.filter((x) => x.type === "code")) {
          expect(after.text.slice(e.offset, e.offset + e.length)).not.toMatch(/[\u2068\u2069]/);
        }
        if (!html.includes("<code>")) expect(after.text).toBe(isolateLatinRuns(before.text));
      }),
      { numRuns: 400 },
    );
  });
});
