// Near-duplicates (docs/dedupe.md): the same report from a feed and an import, one body a shortened copy of the
// other, is one story. Each article's normalized words become a set of hashed word 3-grams ("shingles"); a
// MinHash signature of that set, cut into bands, and the hash of the title are its keys, stored with it. A new
// article's keys find the few stored articles worth comparing; the comparison is exact: the share of the
// shorter text's shingles found in the longer one (containment, so a shortened copy scores near 1).
import { startsBreaking } from "../text/breaking";

/** Words per shingle: three keep two reports of the same town and day apart (they share names, not sentences). */
const SHINGLE_WORDS = 3;
/** MinHash values per signature, cut into BANDS bands of ROWS values; articles sharing a band are compared. */
const BANDS = 16;
const ROWS = 4;
/** Containment from which two texts are one story (test/ingest/near-duplicate.test.ts holds pairs either side). */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
/** A text with fewer shingles than this is compared only exactly (by its hash): too short to judge. */
export const MIN_SHINGLES = 8;
/**
 * A stored article is compared when it has the same title (a shortened copy shares few bands) or at least this
 * many bands (texts of containment 0.8 share about 7 of 16 on average; unrelated ones of one desk's phrasing 0–1).
 */
const MIN_SHARED_BANDS = 4;
/** Candidates compared in full, at most: those with the title first, then the most bands. */
const MAX_COMPARED = 8;

const TITLE_KEY_BASE = BANDS * 2 ** 32;
const SEEDS = Uint32Array.from({ length: BANDS * ROWS }, (_, i) => fmix32((i + 1) * 0x9e3779b9));

/** Murmur3's finalizer: a fast, well-spread 32-bit mix. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 units, 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The distinct hashed word 3-grams of normalized words, sorted (a text shorter than 3 words: its words). */
export function shingles(tokens: readonly string[]): Uint32Array {
  const n = Math.max(tokens.length - SHINGLE_WORDS + 1, tokens.length > 0 ? 1 : 0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let w = i; w < Math.min(i + SHINGLE_WORDS, tokens.length); w++) {
      h = fmix32(h ^ hashString(tokens[w] as string));
    }
    out[i] = h;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i] as number;
  return out.subarray(0, unique);
}

/**
 * The keys that find an article's near-duplicates: one per MinHash band (band number × 2³² + the band's hash)
 * and one for the title (BANDS × 2³² + its hash), all safe JavaScript integers. No band keys for a text too
 * short to judge.
 */
export function nearDuplicateKeys(set: Uint32Array, normalizedTitle: string): number[] {
  const keys: number[] = [];
  if (normalizedTitle !== "") keys.push(TITLE_KEY_BASE + hashString(normalizedTitle));
  if (set.length < MIN_SHINGLES) return keys;
  const minimum = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const shingle of set) {
    for (let i = 0; i < SEEDS.length; i++) {
      const v = fmix32(shingle ^ (SEEDS[i] as number));
      if (v < (minimum[i] as number)) minimum[i] = v;
    }
  }
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ (minimum[band * ROWS + r] as number));
    keys.push(band * 2 ** 32 + h);
  }
  return keys;
}

/** The share of the smaller set's shingles found in the larger one (0 when either is too short to judge). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (a.length < MIN_SHINGLES || b.length < MIN_SHINGLES) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / Math.min(a.length, b.length);
}

/** What the finder needs of the store: the articles holding a key, and an article's normalized text. */
export interface NearDuplicateSource {
  withKey(key: number): number[];
  searchText(articleId: number): string | undefined;
}

/**
 * What the finder compares of a new text: its shingles and the keys they give. Pure arithmetic on the normalized
 * text, so the feed parser's thread computes it (a 100,000-character body: ~20 ms the bot's thread is spared).
 */
export interface Fingerprint {
  shingles: Uint32Array;
  keys: number[];
}

/** The title without a leading "عاجل" / "breaking" (a feed's breaking copy of a report is the same story). */
function withoutBreakingWord(normalizedTitle: string): string {
  return startsBreaking(normalizedTitle) ? normalizedTitle.replace(/^\S+ (news )?/, "") : normalizedTitle;
}

/** A new text's fingerprint, from its normalized title and body (the words the importer stores). */
export function fingerprint(normalizedTitle: string, normalizedBody: string): Fingerprint {
  const own = shingles(searchTokens(normalizedTitle, normalizedBody));
  return { shingles: own, keys: nearDuplicateKeys(own, withoutBreakingWord(normalizedTitle)) };
}

/** The normalized title and body as one list of words, as the importer stores (`search_text`) and tags them. */
function searchTokens(normalizedTitle: string, normalizedBody: string): string[] {
  const text = `${normalizedTitle} ${normalizedBody}`.trim();
  return text === "" ? [] : text.split(" ");
}

/** The stored article a new text is a near-duplicate of, and the keys to store the text with when it is new. */
export interface NearDuplicateCheck {
  keys: number[];
  match?: { id: number; similarity: number };
}

/** Looks a new text's keys up and compares the few stored articles worth it (see the top of this file). */
export function findNearDuplicate(source: NearDuplicateSource, print: Fingerprint): NearDuplicateCheck {
  const { shingles: own, keys } = print;
  const shared = new Map<number, { title: boolean; bands: number }>();
  for (const key of keys) {
    for (const id of source.withKey(key)) {
      const s = shared.get(id) ?? { title: false, bands: 0 };
      if (key >= TITLE_KEY_BASE) s.title = true;
      else s.bands++;
      shared.set(id, s);
    }
  }
  const candidates = [...shared]
    .filter(([, s]) => s.title || s.bands >= MIN_SHARED_BANDS)
    .sort(([, a], [, b]) => Number(b.title) - Number(a.title) || b.bands - a.bands)
    .slice(0, MAX_COMPARED);
  let match: NearDuplicateCheck["match"];
  for (const [id] of candidates) {
    const text = source.searchText(id);
    if (!text) continue;
    const similarity = Math.round(containment(own, shingles(text.split(" "))) * 1000) / 1000;
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!match || similarity > match.similarity))
      match = { id, similarity };
  }
  return match ? { keys, match } : { keys };
}
