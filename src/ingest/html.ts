// HTML → plain text for feed items (paragraphs from block elements; no tags, scripts or entities left),
// by a small hand-written tolerant tokenizer that runs in linear time on hostile input.

/** Elements whose whole content is dropped; an unclosed one drops everything after it. */
const RAW_TEXT = new Set([
  "script",
  "style",
  "iframe",
  "noscript",
  "textarea",
  "title",
  "xmp",
  "noembed",
  "noframes",
]);

/** Elements whose content is dropped up to the matching end tag (nesting counted); unclosed, only the tag goes. */
const SKIPPED = new Set([
  "svg",
  "math",
  "template",
  "object",
  "video",
  "audio",
  "canvas",
  "select",
  "head",
  "button",
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "nav",
  "main",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "dl",
  "table",
  "figure",
  "figcaption",
  "hr",
  "address",
  "details",
  "summary",
  "form",
  "fieldset",
  "center",
  "body",
  "html",
]);

/** Elements that start a line of their own (and end it). */
const LINES = new Set(["li", "dt", "dd", "tr", "caption", "option", "legend"]);

/** Table cells: separated by a space on their row. */
const CELLS = new Set(["td", "th"]);

// HTML 4 Latin-1 entities, in code-point order from U+00A0.
const LATIN1 =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 " +
  "acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde " +
  "Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc " +
  "Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml " +
  "aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc " +
  "otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  zwnj: "\u200c",
  zwj: "\u200d",
  lrm: "\u200e",
  rlm: "\u200f",
  ndash: "\u2013",
  mdash: "\u2014",
  lsquo: "\u2018",
  rsquo: "\u2019",
  sbquo: "\u201a",
  ldquo: "\u201c",
  rdquo: "\u201d",
  bdquo: "\u201e",
  dagger: "\u2020",
  Dagger: "\u2021",
  bull: "\u2022",
  hellip: "\u2026",
  permil: "\u2030",
  prime: "\u2032",
  Prime: "\u2033",
  lsaquo: "\u2039",
  rsaquo: "\u203a",
  euro: "\u20ac",
  trade: "\u2122",
  larr: "\u2190",
  uarr: "\u2191",
  rarr: "\u2192",
  darr: "\u2193",
  minus: "\u2212",
  hearts: "\u2665",
  OElig: "\u0152",
  oelig: "\u0153",
  Scaron: "\u0160",
  scaron: "\u0161",
  Yuml: "\u0178",
  fnof: "\u0192",
  circ: "\u02c6",
  tilde: "\u02dc",
};
LATIN1.split(" ").forEach((name, i) => {
  NAMED[name] = String.fromCharCode(0xa0 + i);
});

/** Names browsers also decode without the closing semicolon. */
const LEGACY = new Set(["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]);

/** What browsers read &#128;–&#159; as (Windows-1252), as old feeds mean them. */
const WINDOWS_1252: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

/** Decodes character references: named (the common HTML set), decimal and hexadecimal. Unknown names stay. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (match, dec?: string, hex?: string, name?: string, semi?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (name === undefined) return match;
    const char = NAMED[name];
    if (char === undefined || (semi === "" && !LEGACY.has(name))) return match;
    return char;
  });
}

const WHITESPACE = /\s+/g;

/** Collects text and breaks; a break is written only when text follows it. */
class TextWriter {
  private readonly out: string[] = [];
  private hasText = false;
  /** 0: none, 1: new line, 2: new paragraph. */
  private pending = 0;
  private marker = "";
  private preDepth = 0;
  private readonly lists: { ordered: boolean; count: number }[] = [];

  text(raw: string): void {
    const decoded = decodeEntities(raw);
    if (this.preDepth > 0) {
      const lines = decoded.replace(/\r\n?/g, "\n").split("\n");
      lines.forEach((line, i) => {
        if (i > 0) this.lineBreak();
        this.write(line.replace(/[^\S\n]+/g, " "));
      });
      return;
    }
    this.write(decoded.replace(WHITESPACE, " "));
  }

  private write(text: string): void {
    if (text.trim() === "") {
      if (text !== "" && this.hasText && this.pending === 0) this.out.push(" ");
      return;
    }
    if (this.hasText && this.pending > 0) this.out.push(this.pending >= 2 ? "\n\n" : "\n");
    this.pending = 0;
    if (this.marker !== "") {
      this.out.push(this.marker);
      this.marker = "";
    }
    this.out.push(text);
    this.hasText = true;
  }

  /** A <br>: each one adds a line, two make a paragraph. */
  lineBreak(): void {
    this.pending = Math.min(2, this.pending + 1);
  }

  breakAtLeast(level: 1 | 2): void {
    this.pending = Math.max(this.pending, level);
  }

  cell(): void {
    if (this.hasText && this.pending === 0) this.out.push(" ");
  }

  openList(ordered: boolean): void {
    this.lists.push({ ordered, count: 0 });
  }

  closeList(): void {
    this.lists.pop();
  }

  listItem(): void {
    const list = this.lists.at(-1);
    if (list === undefined) {
      this.marker = "• ";
      return;
    }
    list.count++;
    this.marker = list.ordered ? `${list.count}. ` : "• ";
  }

  enterPre(): void {
    this.preDepth++;
  }

  leavePre(): void {
    this.preDepth = Math.max(0, this.preDepth - 1);
  }

  finish(): string {
    const lines = this.out
      .join("")
      .split("\n")
      .map((line) => line.replace(/ {2,}/g, " ").trim());
    const result: string[] = [];
    let blank = false;
    for (const line of lines) {
      if (line === "") {
        blank = result.length > 0;
        continue;
      }
      if (blank) result.push("");
      blank = false;
      result.push(line);
    }
    return result.join("\n");
  }
}

const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)/y;

/** How far past the first ">" a quoted attribute value may reach (keeps hostile input linear). */
const QUOTED_REACH = 256;

/**
 * The index of the ">" closing a tag whose name ends at `from`, or -1 when there is none. Quoted
 * attribute values may hold ">"; an unbalanced quote falls back to the first ">" as browsers that
 * recover do. `lastGt` is the input's last ">" (none after it: no scan).
 */
function tagEnd(html: string, from: number, lastGt: number): number {
  if (from > lastGt) return -1;
  const plain = html.indexOf(">", from);
  const limit = Math.min(html.length, plain + QUOTED_REACH);
  let quote = "";
  for (let i = from; i < limit; i++) {
    const ch = html[i];
    if (quote !== "") {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i;
    }
  }
  return plain;
}

/** Index after the end tag of a raw-text element, or the end of the input when it has none. */
function skipRawText(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}(?=[\\s/>])`, "gi");
  close.lastIndex = from;
  const m = close.exec(html);
  if (m === null) return html.length;
  const gt = html.indexOf(">", m.index);
  return gt === -1 ? html.length : gt + 1;
}

/** Index after the matching end tag of a skipped element (nesting counted), or -1 when it has none. */
function skipElement(html: string, from: number, name: string, lastGt: number): number {
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])`, "gi");
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const gt = tagEnd(html, m.index + m[0].length, lastGt);
    if (gt === -1) return -1;
    const selfClosing = html[gt - 1] === "/";
    if (m[1] === "/") depth--;
    else if (!selfClosing) depth++;
    if (depth === 0) return gt + 1;
    tag.lastIndex = gt + 1;
  }
  return -1;
}

/**
 * Converts an HTML fragment to plain text: block elements and <br> become paragraph and line breaks
 * (paragraphs separated by one blank line), list items get "• " or "1. ", table cells a space;
 * <script>, <style>, <iframe> (and other non-text elements) are dropped with their content; comments
 * and tags go; entities are decoded; whitespace (including &nbsp;) collapses to single spaces. Unclosed
 * and badly nested tags are tolerated; a "<" that does not start a tag is kept as text.
 */
export function htmlToText(html: string): string {
  const w = new TextWriter();
  const n = html.length;
  const lastGt = html.lastIndexOf(">");
  // Skipped elements found unclosed once: later ones are not searched again (keeps input with many linear).
  const unclosed = new Set<string>();
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      w.text(html.slice(i));
      break;
    }
    if (lt > i) w.text(html.slice(i, lt));
    i = lt;

    if (html.startsWith("<!--", i)) {
      const close = html.indexOf("-->", i + 4);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (html.startsWith("<![CDATA[", i)) {
      const close = html.indexOf("]]>", i + 9);
      const end = close === -1 ? n : close;
      w.text(html.slice(i + 9, end).replaceAll("&", "&amp;"));
      i = close === -1 ? n : close + 3;
      continue;
    }
    const next = html[i + 1];
    if (next === "!" || next === "?") {
      const close = html.indexOf(">", i);
      i = close === -1 ? n : close + 1;
      continue;
    }
    TAG_START.lastIndex = i;
    const m = TAG_START.exec(html);
    const gt = m === null ? -1 : tagEnd(html, i + m[0].length, lastGt);
    if (m === null || gt === -1) {
      w.text("&lt;");
      i++;
      continue;
    }
    const closing = m[1] === "/";
    const name = (m[2] as string).toLowerCase();
    i = gt + 1;

    if (!closing && RAW_TEXT.has(name)) {
      i = skipRawText(html, i, name);
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      if (html[gt - 1] !== "/" && !unclosed.has(name)) {
        const after = skipElement(html, i, name, lastGt);
        if (after === -1) unclosed.add(name);
        else i = after;
      }
      continue;
    }
    if (name === "br") {
      w.lineBreak();
    } else if (BLOCKS.has(name)) {
      w.breakAtLeast(2);
      if (name === "ul" || name === "ol") {
        if (closing) w.closeList();
        else w.openList(name === "ol");
      } else if (name === "pre") {
        if (closing) w.leavePre();
        else w.enterPre();
      }
    } else if (LINES.has(name)) {
      w.breakAtLeast(1);
      if (!closing && name === "li") w.listItem();
    } else if (CELLS.has(name)) {
      if (!closing) w.cell();
    }
  }
  return w.finish();
}
