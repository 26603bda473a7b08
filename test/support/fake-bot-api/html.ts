// Telegram's HTML parse mode: a text with tags becomes plain text and entities, or Telegram's 400 for what it refuses.
import type { MessageEntity } from "grammy/types";
import { ApiFailure, telegramErrors } from "./errors";

const HTML_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "tg-spoiler",
  "span",
  "a",
  "code",
  "pre",
  "blockquote",
  "tg-emoji",
]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

interface OpenTag {
  name: string;
  offset: number;
  attrs: Map<string, string>;
  language?: string;
}

function decodeAttr(v: string): string {
  return v.replace(/&(lt|gt|amp|quot);/g, (_, n: string) => NAMED_ENTITIES[n] ?? "");
}

/** Parses Telegram HTML into plain text and entities (offsets in UTF-16 units); throws Telegram's 400s. */
export function parseTelegramHtml(src: string, strict = true): { text: string; entities: MessageEntity[] } {
  let out = "";
  const stack: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  const at = (i: number): string => `at byte offset ${Buffer.byteLength(src.slice(0, i))}`;
  const fail = (detail: string): ApiFailure => new ApiFailure(telegramErrors.cantParseEntities(detail));
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "&") {
      const m = /^&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/.exec(src.slice(i, i + 40));
      if (m) {
        const name = m[1] as string;
        let decoded: string | undefined;
        if (name.startsWith("#")) {
          const hex = name[1] === "x" || name[1] === "X";
          const cp = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
          if (cp > 0 && cp <= 0x10ffff) decoded = String.fromCodePoint(cp);
        } else {
          decoded = NAMED_ENTITIES[name];
        }
        if (decoded !== undefined) {
          out += decoded;
          i += m[0].length;
          continue;
        }
        if (strict) throw fail(`Unsupported HTML entity "${m[0]}" ${at(i)}`);
      } else if (strict) {
        throw fail(`Character "&" must be escaped as "&amp;" ${at(i)}`);
      }
      out += c;
      i++;
      continue;
    }
    if (c !== "<") {
      out += c;
      i++;
      continue;
    }
    const close = src.indexOf(">", i);
    if (src[i + 1] === "/") {
      if (close === -1) throw fail(`Unclosed end tag ${at(i)}`);
      const name = src
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const top = stack.pop();
      if (!top) throw fail(`Unexpected end tag ${at(i)}`);
      if (top.name !== name)
        throw fail(`Unmatched end tag ${at(i)}, expected "</${top.name}>", found "</${name}>"`);
      const entity = closeTag(top, out.length, stack[stack.length - 1]);
      if (entity) entities.push(entity);
      i = close + 1;
      continue;
    }
    if (close === -1) throw fail(`Unclosed start tag ${at(i)}`);
    const inner = src.slice(i + 1, close);
    const name = (/^[A-Za-z][A-Za-z0-9-]*/.exec(inner)?.[0] ?? "").toLowerCase();
    if (!HTML_TAGS.has(name)) throw fail(`Unsupported start tag "${name}" ${at(i)}`);
    const attrs = new Map<string, string>();
    const attrRe = /\s*([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
    attrRe.lastIndex = name.length;
    const rest = inner.replace(/\/\s*$/, "");
    for (let m = attrRe.exec(rest); m !== null && m[0] !== ""; m = attrRe.exec(rest)) {
      attrs.set((m[1] as string).toLowerCase(), decodeAttr(m[2] ?? m[3] ?? m[4] ?? ""));
    }
    if (name === "span" && attrs.get("class") !== "tg-spoiler") {
      throw fail(`Tag "span" must have class "tg-spoiler" ${at(i)}`);
    }
    if (name === "tg-emoji" && !attrs.has("emoji-id"))
      throw fail(`Tag "tg-emoji" must have attribute "emoji-id" ${at(i)}`);
    stack.push({ name, offset: out.length, attrs });
    i = close + 1;
  }
  const open = stack[stack.length - 1];
  if (open) throw fail(`Can't find end tag corresponding to start tag "${open.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text: out, entities };
}

function closeTag(tag: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const offset = tag.offset;
  const length = end - offset;
  if (tag.name === "code" && parent?.name === "pre") {
    const cls = tag.attrs.get("class");
    if (cls?.startsWith("language-")) {
      parent.language = cls.slice("language-".length);
      return undefined;
    }
  }
  if (length <= 0) return undefined;
  switch (tag.name) {
    case "b":
    case "strong":
      return { type: "bold", offset, length };
    case "i":
    case "em":
      return { type: "italic", offset, length };
    case "u":
    case "ins":
      return { type: "underline", offset, length };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", offset, length };
    case "tg-spoiler":
    case "span":
      return { type: "spoiler", offset, length };
    case "code":
      return { type: "code", offset, length };
    case "pre":
      return tag.language !== undefined
        ? { type: "pre", offset, length, language: tag.language }
        : { type: "pre", offset, length };
    case "blockquote":
      return { type: tag.attrs.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length };
    case "a": {
      const url = tag.attrs.get("href");
      return url ? { type: "text_link", offset, length, url } : undefined;
    }
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: tag.attrs.get("emoji-id") ?? "" };
    default:
      return undefined;
  }
}
