/**
 * Typo tolerance for Latin words: a query word of five letters or more that no indexed word
 * starts with is corrected to the indexed words one edit away (`kuberntes` → `kubernetes`).
 */

/** Shorter words have too many neighbours one edit away (`mesh` → `mess`, `mash`, `math`). */
export const TYPO_MIN_LENGTH = 5;
/** Corrections tried per misspelled word, most frequent first: enough for a real slip of the
 * finger, few enough that a typo never floods the results. */
export const MAX_CORRECTIONS = 2;

const LATIN_WORD = /^\p{Script=Latin}+$/u;

/**
 * True when `a` becomes `b` by at most one insertion, deletion, substitution or swap of two
 * neighbouring letters (optimal string alignment distance ≤ 1). Written here because it stops at
 * the first difference that settles the answer; `fastest-levenshtein` and its peers compute the
 * whole distance and count a swap as two edits, and swapped letters are the commonest slip.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  if (a.length === b.length) {
    if (at === a.length) return true;
    if (a.slice(at + 1) === b.slice(at + 1)) return true;
    return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
  }
  return a.length > b.length ? a.slice(at + 1) === b.slice(at) : a.slice(at) === b.slice(at + 1);
}

/** The Latin words of the content, with how many records use each. */
export class Vocabulary {
  private readonly sorted: string[];
  private readonly byLength = new Map<number, string[]>();

  constructor(private readonly counts: ReadonlyMap<string, number>) {
    this.sorted = [...counts.keys()].sort();
    for (const word of this.sorted) {
      const words = this.byLength.get(word.length) ?? [];
      words.push(word);
      this.byLength.set(word.length, words);
    }
  }

  /** Counts the words of each record's encoded terms, once per record. */
  static collect(recordTerms: Iterable<readonly string[]>): Vocabulary {
    const counts = new Map<string, number>();
    for (const terms of recordTerms) {
      for (const term of new Set(terms)) {
        if (term.length >= TYPO_MIN_LENGTH - 1 && LATIN_WORD.test(term)) {
          counts.set(term, (counts.get(term) ?? 0) + 1);
        }
      }
    }
    return new Vocabulary(counts);
  }

  static fromJSON(entries: [string, number][]): Vocabulary {
    return new Vocabulary(new Map(entries));
  }

  toJSON(): [string, number][] {
    return [...this.counts];
  }

  /** True when some word of the content starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    return (this.sorted[low] ?? '').startsWith(prefix);
  }

  /**
   * The words one edit away from `word`, most used first, when `word` is long enough to correct
   * and is neither a word of the content nor the start of one.
   */
  corrections(word: string): string[] {
    if (word.length < TYPO_MIN_LENGTH || !LATIN_WORD.test(word) || this.hasPrefix(word)) return [];
    const found: string[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length += 1) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (withinOneEdit(word, candidate)) found.push(candidate);
      }
    }
    return found
      .sort((a, b) => (this.counts.get(b) ?? 0) - (this.counts.get(a) ?? 0))
      .slice(0, MAX_CORRECTIONS);
  }
}
