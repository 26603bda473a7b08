// What a typed topic name means, for every command that takes one (/subscribe, /latest, /alert,
// /schedule): exactly one topic, several that share the name, the nearest names, or nothing.
import type { Topic, TopicIndex } from "./topic-index";

export type TopicResolution =
  | { kind: "one"; topic: Topic }
  /** The name is an alias of several topics: the reader chooses. */
  | { kind: "several"; topics: Topic[] }
  /** No topic has that name; these are the nearest, best first. */
  | { kind: "suggestions"; topics: Topic[] }
  | { kind: "unknown" };

/** Resolves what a reader typed as a topic name (any language, alias or spelling; see TopicIndex.lookup). */
export function resolveTopic(index: TopicIndex, input: string): TopicResolution {
  const { matches, suggestions } = index.lookup(input);
  const [first] = matches;
  if (first && matches.length === 1) return { kind: "one", topic: first };
  if (matches.length > 1) return { kind: "several", topics: matches };
  if (suggestions.length > 0) return { kind: "suggestions", topics: suggestions };
  return { kind: "unknown" };
}
