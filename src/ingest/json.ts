// JSON article files: an array of {title, body, url?, published_at?, source?, author?, guid?}, validated
// item by item so a newsroom is told which article is wrong and why.

import { z } from "zod";
import { type BoilerplateRules, cleanBody, defaultBoilerplate } from "./plain-text";
import { type ArticleInput, IngestError } from "./types";
import { canonicalUrl } from "./url";

/** Below this an epoch number is read as seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_LIMIT = 1e11;

// Date, optionally followed by a time, which then needs a zone: a local time would depend on the
// machine's time zone, and a newsroom's export should say which it means.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

/** Absent: JSON exports write missing fields as null as often as they leave them out. */
const absent = z.null().transform(() => undefined);

const optionalText = z
  .union([z.string(), absent], { error: "must be a string" })
  .optional()
  .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.replace(/\s+/g, " ").trim()));

const publishedAt = z
  .union([z.number().finite(), z.string().trim(), absent], {
    error: "must be an ISO 8601 date (2022-01-05T08:15:00+03:00) or epoch seconds/milliseconds",
  })
  .optional()
  .transform((value, ctx): number | undefined => {
    if (value === undefined || value === "") return undefined;
    if (typeof value === "number") return Math.round(Math.abs(value) < SECONDS_LIMIT ? value * 1000 : value);
    if (ISO_LOCAL.test(value)) {
      ctx.addIssue({ code: "custom", message: `needs a time zone (Z or +03:00): ${value}` });
      return z.NEVER;
    }
    const ms =
      ISO_DATE.test(value) || ISO_DATE_TIME.test(value) ? Date.parse(value.replace(" ", "T")) : Number.NaN;
    if (Number.isNaN(ms)) {
      ctx.addIssue({
        code: "custom",
        message: `is not an ISO 8601 date such as 2022-01-05T08:15:00+03:00: ${value.slice(0, 40)}`,
      });
      return z.NEVER;
    }
    return ms;
  });

const url = z
  .union([z.string(), absent], { error: "must be a string" })
  .optional()
  .transform((value, ctx): string | undefined => {
    if (value === undefined || value.trim() === "") return undefined;
    const canonical = canonicalUrl(value);
    if (canonical === undefined) {
      ctx.addIssue({ code: "custom", message: `is not an absolute http(s) URL: ${value.slice(0, 80)}` });
      return z.NEVER;
    }
    return canonical;
  });

/** A picture's URL: absolute http(s), kept as given (an image server may need its query). */
const image = z
  .union([z.string(), absent], { error: "must be a string" })
  .optional()
  .transform((value, ctx): string | undefined => {
    if (value === undefined || value.trim() === "") return undefined;
    let parsed: URL | undefined;
    try {
      parsed = new URL(value.trim());
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
      ctx.addIssue({ code: "custom", message: `is not an absolute http(s) URL: ${value.slice(0, 80)}` });
      return z.NEVER;
    }
    return parsed.href;
  });

const item = z.object(
  {
    title: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
      .transform((s) => s.replace(/\s+/g, " ").trim())
      .refine((s) => s !== "", "must not be empty"),
    body: z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") }),
    url,
    image,
    guid: z
      .union([z.string(), z.number(), absent], { error: "must be a string or a number" })
      .optional()
      .transform((g) => (g === undefined || String(g).trim() === "" ? undefined : String(g).trim())),
    published_at: publishedAt,
    source: optionalText,
    author: optionalText,
  },
  { error: "must be an object" },
);

function describe(issue: z.core.$ZodIssue): string {
  const [field, ...rest] = issue.path;
  const where = field === undefined ? "" : `${[field, ...rest].join(".")} `;
  return `${where}${issue.message}`.replace(/\s+/g, " ").trim();
}

/**
 * Reads a JSON array of articles. Each item needs `title` (non-empty) and `body` (plain text, cleaned
 * like a plain-text article's with `rules`); `url` (canonicalized), `guid` (string or number),
 * `published_at` (ISO 8601 with a zone, a date alone, or epoch seconds or milliseconds), `image` (a picture's
 * absolute http(s) URL: alerts about the article go out as that photo), `source` and `author` are optional and may be null; other keys are ignored. An empty array gives no articles.
 * Throws IngestError with one line naming the problem and the item's index (from 0), e.g.
 * "item 3: title is required".
 */
export function parseJsonArticles(
  text: string,
  rules: BoilerplateRules = defaultBoilerplate(),
): ArticleInput[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new IngestError(`not valid JSON: ${(error as Error).message.replace(/\s+/g, " ").slice(0, 200)}`);
  }
  if (!Array.isArray(data)) {
    throw new IngestError('expected a JSON array of articles ([{"title": …, "body": …}, …])');
  }
  return data.map((raw, index): ArticleInput => {
    const result = item.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new IngestError(`item ${index}: ${issue ? describe(issue) : "is invalid"}`);
    }
    const { title, body, url, image: picture, guid, published_at, source, author } = result.data;
    const article: ArticleInput = { title, body: cleanBody(body, rules) };
    if (url !== undefined) article.url = url;
    if (picture !== undefined) article.image = picture;
    if (guid !== undefined) article.guid = guid;
    if (published_at !== undefined) article.publishedAt = published_at;
    if (source !== undefined) article.source = source;
    if (author !== undefined) article.author = author;
    return article;
  });
}
