/**
 * A language model of the text a community writes, used to choose among the characters a damaged
 * byte sequence may have been (see `resolve-lost-bytes`). Written here because no library offers
 * a model over arbitrary candidate sets. Two experts, whose log probabilities are added, so a
 * reading must convince both:
 *
 * - words: jieba's word-frequency dictionary (`@node-rs/jieba`'s dict.txt, 349,045 words counted
 *   over a large general corpus). A line's score is that of its likeliest split into words, as
 *   jieba's own segmenter scores it: 集中 is a word, 集与 is two unrelated characters.
 * - characters: bigrams of the correctly encoded posts being compiled, across word boundaries:
 *   the community's own names, companies, terms and punctuation, which no dictionary has.
 *
 * Characters the dictionary lacks fall back to a floor that knows GB2312's two levels of common
 * characters, read from the platform's GBK decoder with no data file.
 */

/** One word of a frequency dictionary and how often it occurs. */
export interface DictionaryWord {
  word: string;
  frequency: number;
  /** Part of speech; `nr` marks a person's name. */
  tag?: string;
}

/** Weights of the model's parts, named so that `npm run bench:repair` tunes them in one place. */
export interface ModelWeights {
  /** Multiplier of the word expert's log probabilities. */
  words: number;
  /** Multiplier of the character expert's log probabilities. */
  characters: number;
  /** Times a character must have been seen for the bigrams that follow it to be trusted half. */
  contentHalfTrust: number;
  /** Share of the character expert's unigram given to content counts, the rest to the GB2312 floor. */
  contentUnigram: number;
  /** Multiplier of the score of a name the dictionary does not list (surname and given name). */
  names: number;
  /** Multiplier of the context score (neighbours on both sides). */
  context: number;
}

/**
 * Tuned with `npm run bench:repair -- --weights JSON` (BENCHMARKS.md). The optimum is flat: words
 * 0.7–1.4 and contentHalfTrust 10–30 stay within 0.1 point of each other.
 */
export const DEFAULT_WEIGHTS: ModelWeights = {
  words: 1,
  characters: 1,
  contentHalfTrust: 10,
  contentUnigram: 0.9,
  context: 0.5,
  names: 1,
};

/** Longest dictionary word the resolver tries to match; longer ones add time, not accuracy. */
export const MAX_WORD_LENGTH = 8;

/** Added to every context count, and the number of contexts assumed, in `contextScore`. */
const CONTEXT_SMOOTHING = 0.1;
const CONTEXT_VOCABULARY = 5_000;

/** Added to each given-name character's count, and the number of such characters assumed. */
const NAME_SMOOTHING = 1;
const NAME_VOCABULARY = 5_000;

/** How much less likely a character is as a word of its own than its GB2312 floor says. */
const LONE_CHARACTER_PENALTY = 100;

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

/** Probability floor per GB2312 class: a level-1 character is a thousand times likelier than one outside. */
const CLASS_PROBABILITY = [1 / 4_000, 1 / 40_000, 1 / 20_000, 1 / 4_000_000];

/** First byte of GB2312's level-1 rows (0xB0) and of its level-2 rows (0xD8). */
const LEVEL_1_ROW = 0xb0;
const LEVEL_2_ROW = 0xd8;

/**
 * GB2312's classes, read from the platform's GBK decoder: its double-byte codes with both bytes in
 * 0xA1–0xFE are exactly GB2312.
 */
function gb2312Classes(): Map<number, Gb2312Class> {
  const classes = new Map<number, Gb2312Class>();
  const decoder = new TextDecoder('gbk');
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const character = decoder.decode(Uint8Array.of(row, cell));
      const codePoint = character.codePointAt(0) ?? 0xfffd;
      if (codePoint === 0xfffd || character.length !== 1 || classes.has(codePoint)) continue;
      classes.set(
        codePoint,
        row >= LEVEL_2_ROW
          ? Gb2312Class.Rare
          : row >= LEVEL_1_ROW
            ? Gb2312Class.Common
            : Gb2312Class.Symbol,
      );
    }
  }
  return classes;
}

/** Stands for the start or end of a line, so the first and last characters have a neighbour. */
export const LINE_BOUNDARY = 0x0a;

/**
 * The symbol a code point counts as in the character expert. Latin letters, digits and spaces
 * fold into one symbol each: what matters before a Chinese character is that a word or a number
 * ends there, not which.
 */
export function symbolOf(codePoint: number): number {
  if (codePoint >= 0x61 && codePoint <= 0x7a) return 0x61;
  if (codePoint >= 0x41 && codePoint <= 0x5a) return 0x61;
  if (codePoint >= 0x30 && codePoint <= 0x39) return 0x30;
  if (codePoint === 0x09 || codePoint === 0x20 || codePoint === 0x3000) return 0x20;
  if (codePoint === 0x0d) return LINE_BOUNDARY;
  return codePoint;
}

/** The character expert's counts; nested maps keep every key a small integer, which V8 hashes fastest. */
class CharacterCounts {
  readonly unigrams = new Map<number, number>();
  /** How often each symbol is followed by another: the denominators of its bigrams. */
  readonly histories = new Map<number, number>();
  /** previous → next → count. */
  readonly bigrams = new Map<number, Map<number, number>>();
  total = 0;

  /** Counts a text's lines (`weight` -1 takes them out again). */
  add(text: string, weight: number): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let previous = LINE_BOUNDARY;
      for (const character of line) {
        const symbol = symbolOf(character.codePointAt(0) ?? 0);
        this.#count(previous, symbol, weight);
        previous = symbol;
      }
      this.#count(previous, LINE_BOUNDARY, weight);
    }
  }

  /** symbol → its neighbours (left·2^21 + right) → count; and the characters two away on each side. */
  readonly pairs = new Map<number, Map<number, number>>();
  readonly seconds = new Map<number, Map<number, number>>();

  /** Counts each symbol's surroundings: the two neighbours together, and the ones two away. */
  addContexts(text: string, weight: number): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const symbols = [LINE_BOUNDARY, LINE_BOUNDARY];
      for (const character of line) symbols.push(symbolOf(character.codePointAt(0) ?? 0));
      symbols.push(LINE_BOUNDARY, LINE_BOUNDARY);
      for (let index = 2; index < symbols.length - 2; index++) {
        const symbol = symbols[index]!;
        if (symbol < 0x2e80) continue;
        const bump = (map: Map<number, Map<number, number>>, key: number) => {
          let counts = map.get(symbol);
          if (!counts) map.set(symbol, (counts = new Map()));
          counts.set(key, (counts.get(key) ?? 0) + weight);
        };
        bump(this.pairs, symbols[index - 1]! * 0x200000 + symbols[index + 1]!);
        bump(this.seconds, symbols[index - 2]!);
        bump(this.seconds, -symbols[index + 2]! - 1);
      }
    }
  }

  #count(previous: number, symbol: number, weight: number): void {
    this.unigrams.set(symbol, (this.unigrams.get(symbol) ?? 0) + weight);
    this.total += weight;
    this.histories.set(previous, (this.histories.get(previous) ?? 0) + weight);
    let followers = this.bigrams.get(previous);
    if (!followers) this.bigrams.set(previous, (followers = new Map()));
    followers.set(symbol, (followers.get(symbol) ?? 0) + weight);
  }
}

/**
 * The dictionary as a trie whose edges live in one open-addressing hash table of typed arrays:
 * 349,045 words make about 600,000 edges, which as JavaScript maps would cost seconds to build
 * and query (written by hand for that reason).
 */
class Trie {
  readonly #parents: Int32Array;
  readonly #codePoints: Int32Array;
  readonly #children: Int32Array;
  readonly #mask: number;
  /** Each node's value (a word's score), NaN where no word ends; node 0 is the root. */
  readonly values: number[] = [NaN];

  constructor(edgeCapacity: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, edgeCapacity * 2)));
    this.#parents = new Int32Array(size).fill(-1);
    this.#codePoints = new Int32Array(size);
    this.#children = new Int32Array(size);
    this.#mask = size - 1;
  }

  /** Slot of the (node, code point) edge, or of the empty slot where it would go. */
  #slot(node: number, codePoint: number): number {
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(codePoint, 0x85ebca6b)) & this.#mask;
    while (
      this.#parents[slot] !== -1 &&
      (this.#parents[slot] !== node || this.#codePoints[slot] !== codePoint)
    )
      slot = (slot + 1) & this.#mask;
    return slot;
  }

  /** The node after `codePoint` from `node`, or -1 when no word goes on so. */
  child(node: number, codePoint: number): number {
    const slot = this.#slot(node, codePoint);
    return this.#parents[slot] === -1 ? -1 : (this.#children[slot] as number);
  }

  /** The child, made if it is missing. */
  grow(node: number, codePoint: number): number {
    const slot = this.#slot(node, codePoint);
    if (this.#parents[slot] !== -1) return this.#children[slot] as number;
    this.#parents[slot] = node;
    this.#codePoints[slot] = codePoint;
    this.#children[slot] = this.values.push(NaN) - 1;
    return this.#children[slot] as number;
  }
}

/** The model; see the module comment. */
export class LanguageModel {
  readonly weights: ModelWeights;
  readonly #content = new CharacterCounts();
  readonly #classes = gb2312Classes();
  /** The dictionary; a node's value is its word's weighted log probability. */
  #trie = new Trie(0);
  /** Person names of the dictionary: how often each character is a surname, or part of a given name. */
  readonly #surnames = new Map<number, number>();
  readonly #givenNames = new Map<number, number>();
  #names = { total: 0, given: 0, share: 0 };
  /** Character expert scores, previous → next → score, cleared when the counts change. */
  readonly #memo = new Map<number, Map<number, number>>();

  constructor(weights: ModelWeights = DEFAULT_WEIGHTS) {
    this.weights = weights;
  }

  /** Adds a word-frequency dictionary to the word expert. Call it once. */
  addDictionary(words: Iterable<DictionaryWord>): this {
    const list = [...words].filter(({ word }) => [...word].length <= MAX_WORD_LENGTH);
    const total = list.reduce((sum, { frequency }) => sum + frequency, 0);
    this.#trie = new Trie(list.reduce((sum, { word }) => sum + word.length, 0));
    for (const { word, frequency, tag } of list) {
      let node = 0;
      for (const character of word) node = this.#trie.grow(node, character.codePointAt(0) ?? 0);
      this.#trie.values[node] = this.weights.words * Math.log(frequency / total);
      if (tag === 'nr') this.#countName(word, frequency);
    }
    this.#names.share = this.#names.total / total;
    return this;
  }

  /** Counts a listed name of two or three characters: a surname and a given name. */
  #countName(word: string, frequency: number): void {
    const [surname, ...given] = [...word].map((character) => character.codePointAt(0) ?? 0);
    if (surname === undefined || given.length < 1 || given.length > 2) return;
    this.#surnames.set(surname, (this.#surnames.get(surname) ?? 0) + frequency);
    for (const character of given)
      this.#givenNames.set(character, (this.#givenNames.get(character) ?? 0) + frequency);
    this.#names.total += frequency;
    this.#names.given += frequency * given.length;
  }

  /** True when a character is the surname of some listed name. */
  isSurname(codePoint: number): boolean {
    return this.#surnames.has(codePoint);
  }

  /**
   * The word expert's weighted log probability of a name it does not list: how often names
   * occur, times how often the first character is a surname and the others are in given names.
   * 肖健 is no word, but 肖 is a surname and 健 is in 113 listed names; 句 is in none.
   */
  nameScore(codePoints: readonly number[]): number {
    const { total, given, share } = this.#names;
    if (total === 0) return -Infinity;
    const [surname = 0, ...rest] = codePoints;
    let score = Math.log(share) + Math.log((this.#surnames.get(surname) ?? 0) / total);
    for (const character of rest)
      score += Math.log(
        ((this.#givenNames.get(character) ?? 0) + NAME_SMOOTHING) /
          (given + NAME_SMOOTHING * NAME_VOCABULARY),
      );
    return this.weights.words * this.weights.names * score;
  }

  /** Counts correctly encoded text for the character expert. */
  addText(text: string): this {
    this.#content.add(text, 1);
    this.#content.addContexts(text, 1);
    this.#memo.clear();
    return this;
  }

  /** Takes text counted with `addText` out again, so a post can be left out of its own model. */
  removeText(text: string): this {
    this.#content.add(text, -1);
    this.#content.addContexts(text, -1);
    this.#memo.clear();
    return this;
  }

  /** The dictionary's node after `codePoint` from `node` (0 is the root), or -1 when no word goes on so. */
  child(node: number, codePoint: number): number {
    return this.#trie.child(node, codePoint);
  }

  /** The word expert's weighted log probability of the word ending at a node; NaN for none. */
  wordScore(node: number): number {
    return this.#trie.values[node] ?? NaN;
  }

  /**
   * The word expert's weighted log probability of a character standing alone as a word the
   * dictionary does not list: its GB2312 floor, far below any listed word.
   */
  loneCharacterScore(codePoint: number): number {
    return this.weights.words * Math.log(this.#floor(codePoint) / LONE_CHARACTER_PENALTY);
  }

  #floor(symbol: number): number {
    return CLASS_PROBABILITY[this.#classes.get(symbol) ?? Gb2312Class.Outside] as number;
  }

  /**
   * The character expert's weighted log P(next | previous), both `symbolOf` symbols: content
   * bigrams, trusted by how often `previous` was seen (Witten–Bell style), over content unigrams,
   * over the GB2312 floor.
   */
  characterScore(previous: number, next: number): number {
    let memo = this.#memo.get(previous);
    if (!memo) this.#memo.set(previous, (memo = new Map()));
    let score = memo.get(next);
    if (score !== undefined) return score;
    const { characters, contentHalfTrust, contentUnigram } = this.weights;
    const counts = this.#content;
    const seen = counts.histories.get(previous) ?? 0;
    const trust = seen / (seen + contentHalfTrust);
    const bigram = seen > 0 ? (counts.bigrams.get(previous)?.get(next) ?? 0) / seen : 0;
    const unigram = counts.total > 0 ? (counts.unigrams.get(next) ?? 0) / counts.total : 0;
    const smoothed = contentUnigram * unigram + (1 - contentUnigram) * this.#floor(next);
    score = characters * Math.log(trust * bigram + (1 - trust) * smoothed);
    memo.set(next, score);
    return score;
  }

  /**
   * How well a character's surroundings fit it, from the content: its two neighbours together
   * and the characters two away, as independent features (naive Bayes). Sees across the
   * neighbours, which a chain of bigrams cannot: 会_大家 wants 与, 集_到 wants 中.
   */
  contextScore(symbol: number, around: readonly [number, number, number, number]): number {
    if (symbol < 0x2e80) return 0;
    const counts = this.#content;
    const seen = counts.unigrams.get(symbol) ?? 0;
    const [left2, left, right, right2] = around;
    const feature = (map: Map<number, Map<number, number>>, key: number) =>
      Math.log(
        ((map.get(symbol)?.get(key) ?? 0) + CONTEXT_SMOOTHING) /
          (seen + CONTEXT_SMOOTHING * CONTEXT_VOCABULARY),
      );
    return (
      this.weights.context *
      (feature(counts.pairs, left * 0x200000 + right) +
        feature(counts.seconds, left2) +
        feature(counts.seconds, -right2 - 1))
    );
  }
}
