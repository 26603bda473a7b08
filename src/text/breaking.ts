// Breaking news by its title: "عاجل …" and "BREAKING …" (the importer marks such articles; alerts show the
// title without the word, next to their own label).
import { normalize } from "./normalize";

/** True for "عاجل …" and "BREAKING …" titles, which may become alerts on their own. */
export function isBreaking(title: string): boolean {
  return startsBreaking(normalize(title));
}

/** isBreaking for a title already normalized (text/normalize). */
export function startsBreaking(normalizedTitle: string): boolean {
  const first = normalizedTitle.split(" ", 1)[0];
  return first === "عاجل" || first === "breaking";
}

/** What may stand around the word: emoji and marks before it, dashes, bars, colons, tatweel after it. */
const BREAKING_LEAD = /^[^\p{L}]*/u;
const BREAKING_WORD = /^\p{L}[\p{L}\p{M}\u0640]*(?:\s+news\b)?/iu;
const BREAKING_TAIL = /^[\s:：|/\\\-–—ـ،,.!]*/u;

/**
 * A breaking title without its "عاجل |" / "BREAKING NEWS:" prefix (a label says it already); the title as it is
 * when it is not breaking or nothing would remain.
 */
export function withoutBreakingPrefix(title: string): string {
  if (!isBreaking(title)) return title;
  let rest = title.replace(BREAKING_LEAD, "");
  rest = rest.replace(BREAKING_WORD, "").replace(BREAKING_TAIL, "");
  return rest.trim() === "" ? title : rest;
}
