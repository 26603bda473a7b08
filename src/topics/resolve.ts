// What a typed topic name means, for every command that takes one (/subscribe, /latest, /alert,
// /schedule) and for a name typed as plain text: exactly one topic, several that share the name, the
// nearest names, or nothing. And a list of names as readers write it: «الميادين والبوكمال».
import type { Topic, TopicIndex } from "./topic-index";

export type TopicResolution =
  | { kind: "one"; topic: Topic }
  /** The name is an alias of several topics: the reader chooses. */
  | { kind: "several"; topics: Topic[] }
  /** No topic has that name; these are the nearest, best first. */
  | { kind: "suggestions"; topics: Topic[] }
  | { kind: "unknown" };

/** More close readings than this are no answer: the nearest names by spelling are offered instead. */
const MAX_CLOSE_CHOICES = 6;

/**
 * Resolves what a reader typed as a topic name: any language, alias or spelling (TopicIndex.lookup); then a
 * looser reading (TopicIndex.closeMatches: a transliteration, a short name such as العمر or «Omar field», a
 * name's beginning), one topic or a few to choose from; then the nearest spellings.
 */
export function resolveTopic(index: TopicIndex, input: string): TopicResolution {
  return resolve(index, input, true);
}

function resolve(index: TopicIndex, input: string, nearest: boolean): TopicResolution {
  // The nearest spellings (an edit distance to every name) only when nothing closer answers.
  const { matches } = index.lookup(input, { suggest: false });
  const [first] = matches;
  if (first && matches.length === 1) return { kind: "one", topic: first };
  if (matches.length > 1) return { kind: "several", topics: matches };
  const close = index.closeMatches(input);
  const [only] = close;
  if (only && close.length === 1) return { kind: "one", topic: only };
  if (close.length > 1 && close.length <= MAX_CLOSE_CHOICES) return { kind: "suggestions", topics: close };
  const suggestions = nearest ? index.lookup(input).suggestions : [];
  if (suggestions.length > 0) return { kind: "suggestions", topics: suggestions };
  return { kind: "unknown" };
}

/** Several names at once: "/subscribe دير الزور، الميادين" (commas of either script, semicolons, lines). */
const LIST_SEPARATOR = /[,،؛;\n]+/;
/** A word that joins two names: و on its own, "and", "&", "+". */
const JOINING_WORD = /^(?:و|and|&|\+)$/i;

/** True when the text names a place (one, or several sharing the name), not only something near it. */
function names(index: TopicIndex, text: string): boolean {
  const kind = resolve(index, text, false).kind;
  return kind === "one" || kind === "several";
}

/**
 * The names in a list as readers write it: separated by commas (, or ،), semicolons or lines, or joined by
 * و — «الميادين والبوكمال» —, "and" or "&". و is also a letter inside names and a proclitic the matcher
 * reads (ولدير الزور), so a text is split at a و only when it is not itself a name and both sides are.
 */
export function splitTopicNames(index: TopicIndex, input: string): string[] {
  return input
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .flatMap((part) => splitJoined(index, part, new Map()) ?? [part]);
}

/** The names a text joins with و / and, each of them a name; undefined when it cannot be read so. */
function splitJoined(
  index: TopicIndex,
  text: string,
  seen: Map<string, string[] | undefined>,
): string[] | undefined {
  if (seen.has(text)) return seen.get(text);
  seen.set(text, undefined);
  if (names(index, text)) {
    seen.set(text, [text]);
    return [text];
  }
  const tokens = text.split(/\s+/).filter((t) => t !== "");
  if (tokens.length > 40) return undefined;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as string;
    let right: string[];
    if (JOINING_WORD.test(token)) right = tokens.slice(i + 1);
    else if (token.startsWith("و") && token.length > 2) right = [token.slice(1), ...tokens.slice(i + 1)];
    else continue;
    if (right.length === 0) continue;
    const left = tokens.slice(0, i).join(" ");
    if (!names(index, left)) continue;
    const rest = splitJoined(index, right.join(" "), seen);
    if (rest) {
      seen.set(text, [left, ...rest]);
      return [left, ...rest];
    }
  }
  return undefined;
}
