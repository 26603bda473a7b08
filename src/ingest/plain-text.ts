// Plain-text articles (a title line, then paragraphs) and the data-driven cleaner that removes a site's
// trailing boilerplate ("شارك المقال على:", "مقالات ذات صلة:", section menus) from any article body.

import { readFileSync } from "node:fs";
import { z } from "zod";
import { normalize } from "../text/normalize";
import { type ArticleInput, IngestError } from "./types";

/** Rules for the site boilerplate at the end of an article; see the "$comment" in boilerplate.json. */
export interface BoilerplateRules {
  /** A short line starting with one of these cuts the article there (the line and all after it go). */
  readonly cutFrom: readonly string[];
  /** Lines that are exactly one of these are removed while they are the last lines. */
  readonly dropTrailing: readonly string[];
  /** Regular expressions (case-insensitive, Unicode) for last lines to remove, tested on the trimmed line. */
  readonly dropTrailingPatterns: readonly string[];
}

/** A cut line is the marker plus at most this many words: a long real paragraph that happens to start with a marker stays. */
const MAX_WORDS_AFTER_MARKER = 8;
/** Lines longer than this are never boilerplate (saves normalizing long paragraphs). */
const MAX_BOILERPLATE_LINE = 400;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, "iu");
    return true;
  } catch {
    return false;
  }
}

const ruleText = z.string().trim().min(1, "must not be empty");

const rulesFile = z
  .strictObject({
    $comment: z.union([z.string(), z.array(z.string())]).optional(),
    cutFrom: z
      .array(ruleText.refine((s) => normalize(s) !== "", "must contain a letter or a digit"))
      .default([]),
    dropTrailing: z.array(ruleText).default([]),
    dropTrailingPatterns: z
      .array(z.string().min(1).refine(isRegExp, "is not a valid regular expression"))
      .default([]),
  })
  .transform(
    ({ cutFrom, dropTrailing, dropTrailingPatterns }): BoilerplateRules => ({
      cutFrom,
      dropTrailing,
      dropTrailingPatterns,
    }),
  );

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Validates parsed JSON as boilerplate rules; `name` says where they come from in the error message. */
function parseRules(data: unknown, name: string): BoilerplateRules {
  const result = rulesFile.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new IngestError(`boilerplate rules ${name}: ${where}${oneLine(issue?.message ?? "invalid")}`);
}

/**
 * Reads and validates a boilerplate rules file (JSON of the shape of the built-in boilerplate.json;
 * every key is optional, unknown keys are refused so a misspelt one is noticed). Throws IngestError
 * with a one-line message when the file cannot be read, is not JSON or breaks the schema.
 */
export function loadBoilerplate(path: string | URL): BoilerplateRules {
  const name = String(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new IngestError(`cannot read boilerplate rules ${name}: ${oneLine((error as Error).message)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new IngestError(
      `boilerplate rules ${name} are not valid JSON: ${oneLine((error as Error).message)}`,
    );
  }
  return parseRules(data, name);
}

let builtIn: BoilerplateRules | undefined;

/** The built-in rules (src/ingest/boilerplate.json), read once. */
export function defaultBoilerplate(): BoilerplateRules {
  if (builtIn === undefined) {
    const rules = loadBoilerplate(new URL("./boilerplate.json", import.meta.url));
    builtIn = Object.freeze({
      cutFrom: Object.freeze([...rules.cutFrom]),
      dropTrailing: Object.freeze([...rules.dropTrailing]),
      dropTrailingPatterns: Object.freeze([...rules.dropTrailingPatterns]),
    });
  }
  return builtIn;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Rules `a` extended with `b` (e.g. the built-in rules with a newsroom's file); duplicates dropped, order kept. */
export function mergeBoilerplate(a: BoilerplateRules, b: BoilerplateRules): BoilerplateRules {
  return {
    cutFrom: union(a.cutFrom, b.cutFrom),
    dropTrailing: union(a.dropTrailing, b.dropTrailing),
    dropTrailingPatterns: union(a.dropTrailingPatterns, b.dropTrailingPatterns),
  };
}

interface CompiledRules {
  /** Normalized markers, each as its words. */
  cut: string[][];
  /** Normalized menu lines; lines that normalize to nothing (symbols only) are compared as written. */
  drop: Set<string>;
  dropRaw: Set<string>;
  patterns: RegExp[];
}

const compiledCache = new WeakMap<BoilerplateRules, CompiledRules>();

function compile(rules: BoilerplateRules): CompiledRules {
  let compiled = compiledCache.get(rules);
  if (compiled !== undefined) return compiled;
  const drop = new Set<string>();
  const dropRaw = new Set<string>();
  for (const line of rules.dropTrailing) {
    const n = normalize(line);
    if (n === "") dropRaw.add(line.trim());
    else drop.add(n);
  }
  compiled = {
    cut: rules.cutFrom
      .map((marker) => normalize(marker))
      .filter((n) => n !== "")
      .map((n) => n.split(" ")),
    drop,
    dropRaw,
    patterns: rules.dropTrailingPatterns.map((source) => new RegExp(source, "iu")),
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

function isCutLine(line: string, rules: CompiledRules): boolean {
  if (line.length > MAX_BOILERPLATE_LINE || rules.cut.length === 0) return false;
  const words = normalize(line).split(" ");
  return rules.cut.some(
    (marker) =>
      words.length >= marker.length &&
      words.length <= marker.length + MAX_WORDS_AFTER_MARKER &&
      marker.every((word, i) => words[i] === word),
  );
}

function isTrailingLine(line: string, rules: CompiledRules): boolean {
  if (line.length > MAX_BOILERPLATE_LINE) return false;
  if (rules.dropRaw.has(line)) return true;
  const n = normalize(line);
  if (n !== "" && rules.drop.has(n)) return true;
  return rules.patterns.some((pattern) => pattern.test(line));
}

// Whitespace, format characters (direction marks, zero-width characters, BOM): a line of only these is blank.
const INVISIBLE = /^[\s\p{Cf}]*$/u;

function isBlank(line: string): boolean {
  return INVISIBLE.test(line);
}

/**
 * Cleans an article body of plain text: CRLF → LF, lines trimmed, the site boilerplate removed by
 * `rules` (cut from the first marker line; menu lines dropped from the end), paragraphs separated by
 * exactly one blank line, single newlines inside a paragraph kept.
 */
export function cleanBody(text: string, rules: BoilerplateRules = defaultBoilerplate()): string {
  const compiled = compile(rules);
  let lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines = lines.map((line) => (isBlank(line) ? "" : line.trim()));
  const cut = lines.findIndex((line) => line !== "" && isCutLine(line, compiled));
  if (cut !== -1) lines.length = cut;
  while (lines.length > 0) {
    const last = lines.at(-1) as string;
    if (last !== "" && !isTrailingLine(last, compiled)) break;
    lines.pop();
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === "") {
      if (current.length > 0) paragraphs.push(current.join("\n"));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current.join("\n"));
  return paragraphs.join("\n\n");
}

/**
 * Reads an article in the plain-text shape newsrooms export: the first non-blank line is the title,
 * the rest is the body (see cleanBody). Throws IngestError when there is no title line (empty or
 * blank input). The body may be empty.
 */
export function parsePlainText(text: string, rules: BoilerplateRules = defaultBoilerplate()): ArticleInput {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const at = lines.findIndex((line) => !isBlank(line));
  const titleLine = lines[at];
  if (at === -1 || titleLine === undefined) {
    throw new IngestError("the text has no title line (it is empty or blank)");
  }
  return {
    title: titleLine.replace(/\s+/g, " ").trim(),
    body: cleanBody(lines.slice(at + 1).join("\n"), rules),
  };
}
