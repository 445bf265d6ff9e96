/**
 * A character bigram model of the text a community writes, used to choose among the characters
 * a damaged byte sequence may have been (see `resolve-lost-bytes`). Written here because no
 * library offers a language model over arbitrary candidate sets; its data come from two sources:
 *
 * - jieba's word-frequency dictionary (`@node-rs/jieba`'s dict.txt, 349,045 words counted over a
 *   large general corpus): how common each character is, and which characters follow which
 *   inside words. This is general Chinese: 中国, 服务, 王 as a surname.
 * - the correctly encoded posts being compiled: the community's own names, companies, terms and
 *   punctuation, counted character by character across word boundaries.
 *
 * Probabilities mix the two by how much each has seen of the preceding character (Witten–Bell
 * style), over a unigram floor that also knows GB2312's two levels of common characters.
 */

/** One word of a frequency dictionary and how often it occurs. */
export interface DictionaryWord {
  word: string;
  frequency: number;
}

/** Weights of the model's parts; named so the resolver's benchmark can tune them in one place. */
export interface ModelWeights {
  /** Counts of a preceding character at which its content bigrams are trusted half. */
  contentHalfTrust: number;
  /** The same for the dictionary's bigrams, in dictionary frequency units. */
  dictionaryHalfTrust: number;
  /** Share of the unigram given to the content's character counts. */
  contentUnigram: number;
  /** Share of the unigram given to the dictionary's character counts. */
  dictionaryUnigram: number;
}

export const DEFAULT_WEIGHTS: ModelWeights = {
  contentHalfTrust: 2,
  dictionaryHalfTrust: 200,
  contentUnigram: 0.45,
  dictionaryUnigram: 0.45,
};

/** Where a character falls in GB2312, the 1980 standard of the characters Chinese text needs. */
const enum Gb2312Class {
  /** Level 1: the 3,755 most common characters. */
  Common = 0,
  /** Level 2: 3,008 less common ones. */
  Rare = 1,
  /** Symbols, punctuation, kana, Greek and Cyrillic. */
  Symbol = 2,
  Outside = 3,
}

/** Unigram floor per GB2312 class: a level-1 character is a thousand times likelier than one outside. */
const CLASS_PROBABILITY = [1 / 4_000, 1 / 40_000, 1 / 20_000, 1 / 4_000_000];

/** First byte of GB2312's level-1 rows (0xB0) and of its level-2 rows (0xD8). */
const LEVEL_1_ROW = 0xb0;
const LEVEL_2_ROW = 0xd8;

/**
 * GB2312's classes, read from the platform's GBK decoder: its double-byte codes with both bytes in
 * 0xA1–0xFE are exactly GB2312, so the standard needs no data file.
 */
function gb2312Classes(): Map<number, Gb2312Class> {
  const classes = new Map<number, Gb2312Class>();
  const decoder = new TextDecoder('gbk');
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const character = decoder.decode(Uint8Array.of(row, cell));
      const codePoint = character.codePointAt(0) ?? 0xfffd;
      if (codePoint === 0xfffd || character.length !== 1) continue;
      const kind =
        row >= LEVEL_2_ROW
          ? Gb2312Class.Rare
          : row >= LEVEL_1_ROW
            ? Gb2312Class.Common
            : Gb2312Class.Symbol;
      if (!classes.has(codePoint)) classes.set(codePoint, kind);
    }
  }
  return classes;
}

/** Stands for the start or end of a line, so the first and last characters have a neighbour. */
export const LINE_BOUNDARY = 0x0a;

/**
 * The symbol a code point counts as. Latin letters, digits and spaces are folded into one symbol
 * each: what matters before a Chinese character is that a word or number ends there, not which.
 */
export function symbolOf(codePoint: number): number {
  if (codePoint >= 0x61 && codePoint <= 0x7a) return 0x61;
  if (codePoint >= 0x41 && codePoint <= 0x5a) return 0x61;
  if (codePoint >= 0x30 && codePoint <= 0x39) return 0x30;
  if (codePoint === 0x09 || codePoint === 0x20 || codePoint === 0x3000) return 0x20;
  if (codePoint === 0x0d) return LINE_BOUNDARY;
  return codePoint;
}

/** A bigram's map key: two code points below 0x110000 fit exactly in a double. */
const pairKey = (previous: number, next: number): number => previous * 0x110000 + next;

/** Character and bigram counts of one source. */
class Counts {
  readonly unigrams = new Map<number, number>();
  /** How often each symbol is followed by another, i.e. the denominators of its bigrams. */
  readonly histories = new Map<number, number>();
  readonly bigrams = new Map<number, number>();
  total = 0;

  add(symbols: readonly number[], weight: number, countEnds: boolean): void {
    for (let index = 0; index < symbols.length; index++) {
      const symbol = symbols[index] as number;
      if (symbol !== LINE_BOUNDARY || countEnds) {
        this.unigrams.set(symbol, (this.unigrams.get(symbol) ?? 0) + weight);
        this.total += weight;
      }
      const next = symbols[index + 1];
      if (next === undefined) continue;
      this.histories.set(symbol, (this.histories.get(symbol) ?? 0) + weight);
      const key = pairKey(symbol, next);
      this.bigrams.set(key, (this.bigrams.get(key) ?? 0) + weight);
    }
  }
}

const toSymbols = (text: string): number[] => {
  const symbols: number[] = [];
  for (const character of text) symbols.push(symbolOf(character.codePointAt(0) ?? 0));
  return symbols;
};

/** A character bigram model; see the module comment. */
export class LanguageModel {
  readonly #content = new Counts();
  readonly #dictionary = new Counts();
  readonly #classes = gb2312Classes();
  readonly #weights: ModelWeights;

  constructor(weights: ModelWeights = DEFAULT_WEIGHTS) {
    this.#weights = weights;
  }

  /** Counts a dictionary: each word's characters and inner bigrams, weighted by its frequency. */
  addDictionary(words: Iterable<DictionaryWord>): this {
    for (const { word, frequency } of words) this.#dictionary.add(toSymbols(word), frequency, true);
    return this;
  }

  /** Counts correctly encoded text line by line, including the bigrams that cross words. */
  addText(text: string): this {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.#content.add([LINE_BOUNDARY, ...toSymbols(line), LINE_BOUNDARY], 1, false);
    }
    return this;
  }

  /** Takes text counted with `addText` out again, so a post can be left out of its own model. */
  removeText(text: string): this {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.#content.add([LINE_BOUNDARY, ...toSymbols(line), LINE_BOUNDARY], -1, false);
    }
    return this;
  }

  /** P(symbol) with no context: the two sources' shares over the GB2312 class floor. */
  unigram(symbol: number): number {
    const { contentUnigram, dictionaryUnigram } = this.#weights;
    const content = this.#content.total > 0 ? (this.#content.unigrams.get(symbol) ?? 0) / this.#content.total : 0;
    const dictionary =
      this.#dictionary.total > 0 ? (this.#dictionary.unigrams.get(symbol) ?? 0) / this.#dictionary.total : 0;
    const floor = CLASS_PROBABILITY[this.#classes.get(symbol) ?? Gb2312Class.Outside] as number;
    return (
      contentUnigram * content + dictionaryUnigram * dictionary + (1 - contentUnigram - dictionaryUnigram) * floor
    );
  }

  /** log P(next | previous), both as `symbolOf` symbols. */
  logProbability(previous: number, next: number): number {
    const { contentHalfTrust, dictionaryHalfTrust } = this.#weights;
    const key = pairKey(previous, next);
    const contentSeen = this.#content.histories.get(previous) ?? 0;
    const dictionarySeen = this.#dictionary.histories.get(previous) ?? 0;
    const contentTrust = contentSeen / (contentSeen + contentHalfTrust);
    const dictionaryTrust = (1 - contentTrust) * (dictionarySeen / (dictionarySeen + dictionaryHalfTrust));
    const content = contentSeen > 0 ? (this.#content.bigrams.get(key) ?? 0) / contentSeen : 0;
    const dictionary = dictionarySeen > 0 ? (this.#dictionary.bigrams.get(key) ?? 0) / dictionarySeen : 0;
    const rest = 1 - contentTrust - dictionaryTrust;
    return Math.log(contentTrust * content + dictionaryTrust * dictionary + rest * this.unigram(next));
  }
}
