// Light stemming for search (docs/search.md): the one module that turns words into what the search index holds,
// used when an article is stored and when a reader's query is read, so that the forms a word takes in an article
// (بالصواريخ، لإيران، الإيرانية) meet the form a reader types (الصواريخ، ايران). Words come in normalized
// (normalize.ts: no harakat, أ إ آ → ا, ى → ي, ة → ه).
//
// Tagging must not stem (docs/arabic.md); search may, because both sides are stemmed alike and every word of a
// query must match: a light stemmer's few collisions cost little there.

import { normalize } from "./normalize";
import { STOP_WORDS_AR, STOP_WORDS_EN } from "./stop-words";

const WAW = 0x648; // و
const FEH = 0x641; // ف
const BEH = 0x628; // ب
const KAF = 0x643; // ك
const LAM = 0x644; // ل
const ALEF = 0x627; // ا

const STOP = new Set([...STOP_WORDS_AR, ...STOP_WORDS_EN].map((w) => normalize(w)));

/** True for a word too common to search for (في، من، the, of…), also behind a conjunction (وفي، ومن). */
export function isStopWord(word: string): boolean {
  if (STOP.has(word)) return true;
  const first = word.charCodeAt(0);
  return (first === WAW || first === FEH) && word.length > 2 && STOP.has(word.slice(1));
}

/** Letters only foreign names use, as the usual Arabic spelling writes them: ڤ → ف, پ → ب, چ → ج, گ → ك. */
const FOREIGN = /[\u06a4\u067e\u0686\u06af]/g;
const FOREIGN_FOLD: Record<string, string> = { "\u06a4": "ف", "\u067e": "ب", "\u0686": "ج", "\u06af": "ك" };

function isArabic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x600 && c <= 0x6ff;
}

/**
 * One Arabic suffix: a plural or feminine ending (ات، ون، ين، ة/ه) or a final alef (سوريا), keeping at least
 * three letters; then a final ي of a relative adjective (ايراني → ايران), keeping at least four.
 */
function arabicSuffix(word: string): string {
  let s = word;
  const n = s.length;
  if (n >= 5) {
    const two = s.slice(-2);
    if (two === "ات" || two === "ون" || two === "ين") s = s.slice(0, -2);
  }
  if (s.length === n && n >= 4) {
    const last = s.charCodeAt(n - 1);
    if (last === 0x647 /* ه */ || last === ALEF) s = s.slice(0, -1);
  }
  if (s.length >= 5 && s.charCodeAt(s.length - 1) === 0x64a /* ي */) s = s.slice(0, -1);
  return s;
}

/** The length of a definite article in front of a word, with its proclitics (ال، وال، بال، فبال…), or 0. */
function definiteArticle(word: string): number {
  let i = 0;
  let c = word.charCodeAt(i);
  if (c === WAW || c === FEH) c = word.charCodeAt(++i);
  if (c === BEH || c === KAF || c === LAM) {
    // لل: ل + ال with its alef dropped
    if (c === LAM && word.charCodeAt(i + 1) === LAM) return word.length - (i + 2) >= 3 ? -(i + 2) : 0;
    c = word.charCodeAt(++i);
  }
  if (c === ALEF && word.charCodeAt(i + 1) === LAM && word.length - (i + 2) >= 3) return i + 2;
  return 0;
}

/** English plurals (Harman's S-stemmer): fields → field, militias → militia, forces → force, cities → city. */
function englishSuffix(word: string): string {
  const n = word.length;
  if (n > 3 && word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies"))
    return `${word.slice(0, -3)}y`;
  if (n > 3 && word.endsWith("es") && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (n > 2 && word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * The stems a word of an article is indexed under: its own stem first, then, when it may carry proclitics
 * (و ف ب ل ك), the stems without them (لإيران → لايران, ايران). A definite article is always taken off
 * (بالصواريخ → صواريخ). Stop words give none.
 */
export function indexForms(word: string): string[] {
  if (word === "" || isStopWord(word)) return [];
  if (!isArabic(word)) return [englishSuffix(word)];
  const w = word.replace(FOREIGN, (c) => FOREIGN_FOLD[c] ?? c);
  const article = definiteArticle(w);
  if (article > 0) return [arabicSuffix(w.slice(article))];
  if (article < 0) {
    // للاجئين is ل + اللاجئين as much as ل + ال + اجئين
    const rest = w.slice(-article);
    return [arabicSuffix(rest), arabicSuffix(`ل${rest}`)];
  }
  const forms = [arabicSuffix(w)];
  let rest = w;
  const first = rest.charCodeAt(0);
  if ((first === WAW || first === FEH) && rest.length >= 4) {
    rest = rest.slice(1);
    forms.push(arabicSuffix(rest));
  }
  const next = rest.charCodeAt(0);
  if ((next === BEH || next === KAF || next === LAM) && rest.length >= 4) {
    forms.push(arabicSuffix(rest.slice(1)));
  }
  return forms.filter((f, i) => forms.indexOf(f) === i && !isStopWord(f));
}

/** The stem a reader's word is looked up by: the word's own stem (a definite article taken off), or undefined for a stop word. */
export function queryStem(word: string): string | undefined {
  return indexForms(word)[0];
}

/** The letters one foreign G is written with: Egyptian ج, Levantine غ, ك (and گ, folded to ك). */
const G_LETTERS = ["ج", "غ", "ك"];
/** Variants are tried for at most this many G letters of a word (3^3 = 27 spellings). */
const MAX_G = 3;

/**
 * The spellings a query stem stands for: itself, and for a word of four letters or more (foreign names:
 * غوغل، جوجل، كوكل), every way of writing its G letters. Shorter words are Arabic ones (غرب، جرب): only themselves.
 */
export function spellings(stem: string): string[] {
  if (stem.length < 4 || !isArabic(stem)) return [stem];
  const at: number[] = [];
  for (let i = 0; i < stem.length && at.length < MAX_G; i++) {
    if (G_LETTERS.includes(stem[i] as string)) at.push(i);
  }
  let variants = [stem];
  for (const i of at) {
    variants = variants.flatMap((v) => G_LETTERS.map((g) => v.slice(0, i) + g + v.slice(i + 1)));
  }
  return [stem, ...variants.filter((v) => v !== stem)];
}

/** A normalized text as the search index holds it: each word's stems, space-separated, stop words left out. */
export function indexText(normalized: string): string {
  if (normalized === "") return "";
  const out: string[] = [];
  for (const word of normalized.split(" ")) for (const f of indexForms(word)) out.push(f);
  return out.join(" ");
}
