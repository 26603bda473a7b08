// A word-level alias matcher (docs/arabic.md "Matching"): a trie from an alias's first word to its
// remaining words, over normalized text, with Arabic proclitics allowed only before an alias's first word.
import { words } from "./normalize";

/** How an alias counts: strong means the topic; weak needs support; exclude cancels overlapping hits. */
export type AliasStrength = "strong" | "weak" | "exclude";

/** One alias of one topic, as written by a person (it is normalized here). */
export interface AliasDefinition {
  topic: string;
  alias: string;
  strength: AliasStrength;
}

/** A place in a text where an alias was found, in normalized-word positions [start, end). */
export interface AliasHit {
  topic: string;
  strength: AliasStrength;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminals: { topic: string; strength: AliasStrength }[];
}

const newNode = (): TrieNode => ({ next: new Map(), terminals: [] });

// Conjunctions (و ف) may precede prepositions (ب ل ك); both attach to the next word.
const PROCLITICS = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];
const PROCLITIC_LETTERS = new Set([..."وفبلك"].map((c) => c.charCodeAt(0)));

/** True when a word starts with a letter a proclitic is made of (most words do not: no variants to try). */
export function mayCarryProclitic(word: string): boolean {
  return word.length > 2 && PROCLITIC_LETTERS.has(word.charCodeAt(0));
}

/**
 * The forms a text word may take once its proclitics are removed, the word itself first:
 * بدير → دير, ولدير → دير, للميادين → الميادين, وللميادين → الميادين. Only words of at least two
 * letters remain, so a lone letter never becomes a word.
 */
export function procliticForms(word: string): string[] {
  const forms = [word];
  for (const p of PROCLITICS) {
    if (word.length - p.length >= 2 && word.startsWith(p)) forms.push(word.slice(p.length));
  }
  // لل is ل + ال with the alef dropped; also after و or ف.
  for (const lead of ["", "و", "ف"]) {
    const prefix = `${lead}لل`;
    if (word.length > prefix.length + 1 && word.startsWith(prefix))
      forms.push(`ال${word.slice(prefix.length)}`);
  }
  return forms;
}

/** Compiled aliases: build once per catalog version, then match many texts. */
export class AliasMatcher {
  private readonly root = newNode();
  /** Number of distinct alias forms compiled (joined forms included). */
  readonly size: number;

  constructor(aliases: Iterable<AliasDefinition>) {
    let size = 0;
    for (const { topic, alias, strength } of aliases) {
      const w = words(alias);
      if (w.length === 0) continue;
      size += this.insert(w, topic, strength);
      // A missing space is invisible between non-connecting letters (ديرالزور, البوكمال): accept the joined form.
      if (w.length > 1) size += this.insert([w.join("")], topic, strength);
    }
    this.size = size;
  }

  private insert(path: string[], topic: string, strength: AliasStrength): number {
    let node = this.root;
    for (const w of path) {
      let child = node.next.get(w);
      if (!child) {
        child = newNode();
        node.next.set(w, child);
      }
      node = child;
    }
    if (node.terminals.some((t) => t.topic === topic && t.strength === strength)) return 0;
    node.terminals.push({ topic, strength });
    return 1;
  }

  /** Every alias occurrence in already-normalized words (see `words`). */
  findInWords(tokens: readonly string[]): AliasHit[] {
    const hits: AliasHit[] = [];
    const first = this.root.next;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const direct = first.get(token);
      if (direct) this.walk(direct, tokens, i, hits);
      // Most words carry no proclitic: only those that start with one of its letters get variants.
      if (mayCarryProclitic(token)) {
        const forms = procliticForms(token);
        for (let f = 1; f < forms.length; f++) {
          const form = forms[f] as string;
          if (forms.indexOf(form) < f) continue;
          const node = first.get(form);
          if (node) this.walk(node, tokens, i, hits);
        }
      }
    }
    return hits;
  }

  /** Records every alias that ends along the path from `node` (the alias's first word at `start`). */
  private walk(from: TrieNode, tokens: readonly string[], start: number, hits: AliasHit[]): void {
    let node: TrieNode | undefined = from;
    let end = start + 1;
    while (node) {
      for (const t of node.terminals) hits.push({ topic: t.topic, strength: t.strength, start, end });
      const nextWord = tokens[end];
      if (nextWord === undefined || node.next.size === 0) break;
      node = node.next.get(nextWord);
      end++;
    }
  }

  /** Every alias occurrence in raw text. */
  find(text: string): AliasHit[] {
    return this.findInWords(words(text));
  }
}
