/**
 * A language model of the text a community writes, used to choose among the characters a damaged
 * byte sequence may have been (see `resolve-lost-bytes`). Written here because no library offers
 * a model over arbitrary candidate sets. Two experts, whose log probabilities are added, so a
 * reading must convince both:
 *
 * - words: jieba's word-frequency dictionary (`@node-rs/jieba`'s dict.txt, 349,045 words counted
 *   over a large general corpus). A line's score is that of its likeliest split into words, as
 *   jieba's own segmenter scores it: 集中 is a word, 集与 is two unrelated characters. Each
 *   word of a reading costs a little, and the words the posts use often gain their share of
 *   the posts' words (a site says 转发 far more often than the general corpus does).
 * - characters: bigrams of the correctly encoded posts being compiled, across word boundaries:
 *   the community's own names, companies, terms and punctuation, which no dictionary has. They
 *   are smoothed as Witten–Bell and Kneser–Ney smooth: a character seen before many different
 *   ones (中, 不, 与, which go before any word) trusts its own bigrams less, and backs off to how
 *   many different characters each candidate follows rather than how often it occurs.
 *
 * A context score then weighs each damaged character's own surroundings, all counted over the
 * same posts (`contextScore`, `functionWordScore`, `titleScore`): its two neighbours and the
 * characters two away, the clause opener it may answer (在 … 中), the words around a function
 * word and a partner later in its clause (与 … 一起), and whether it stands inside 《》.
 *
 * Characters the dictionary lacks fall back to a floor that knows GB2312's two levels of common
 * characters, read from the platform's GBK decoder with no data file.
 */
import {
  EMPTY,
  enlarged,
  MAX_WORD_LENGTH,
  WordDictionary,
  type DictionaryWord,
  type Trie,
} from './word-dictionary';

/** Weights of the model's parts, named so that `npm run bench:repair` tunes them in one place. */
export interface ModelWeights {
  /** Multiplier of the word expert's log probabilities. */
  words: number;
  /** Multiplier of the character expert's log probabilities. */
  characters: number;
  /**
   * A character's bigrams are trusted `seen / (seen + contentFollowers × followers +
   * contentHalfTrust)`, where `seen` counts its occurrences and `followers` the different
   * characters seen after it (Witten–Bell).
   */
  contentHalfTrust: number;
  contentFollowers: number;
  /**
   * Share of the character expert's backoff given to the content (how many different characters
   * each one follows, as Kneser–Ney backs off), the rest to the GB2312 floor.
   */
  contentUnigram: number;
  /** Multiplier of the score of a name the dictionary does not list (surname and given name). */
  names: number;
  /** Multiplier of the context score (neighbours on both sides). */
  context: number;
  /** Multiplier of the clause-opener feature of the context score. */
  opener: number;
  /** Multiplier of the title feature (`titleScore`): whether the character stands inside 《》. */
  titles: number;
  /**
   * How much the content's own use of a dictionary word of two or more characters adds to its
   * dictionary probability: `P(word) = P_dictionary + contentWords × share among the content's
   * dictionary words`. 转发 occurs ten times as often as 转向 in the posts, four times less in
   * the general corpus jieba counted.
   */
  contentWords: number;
  /**
   * Nats every word of a reading costs (a word insertion penalty): the unigram word expert
   * otherwise spends too little on splitting a line into many short words.
   */
  wordCost: number;
  /** Multiplier of the word-class part of `LanguageModel.functionWordScore`. */
  wordClasses: number;
  /** Multiplier of the partner-word part of `LanguageModel.functionWordScore`. */
  partners: number;
}

/**
 * Tuned with `npm run bench:repair -- --weights JSON` (BENCHMARKS.md). The optimum is flat: words
 * 0.7–1.4 and contentHalfTrust 10–30 stay within 0.1 point of each other.
 */
export const DEFAULT_WEIGHTS: ModelWeights = {
  words: 1,
  characters: 1,
  contentHalfTrust: 10,
  contentFollowers: 1,
  contentUnigram: 0.9,
  context: 0.5,
  opener: 1.5,
  titles: 0.5,
  wordClasses: 0.2,
  partners: 1,
  names: 1,
  contentWords: 0.2,
  wordCost: 0.5,
};

/** Added to every context count, and the number of contexts assumed, in `contextScore`. */
const CONTEXT_SMOOTHING = 0.1;
const CONTEXT_VOCABULARY = 5_000;

/** Added to every clause-opener count in `contextScore`. */
const OPENER_SMOOTHING = 0.5;

/** Sightings of a symbol that the share of all symbols standing in titles is worth, in `titleScore`. */
const TITLE_PRIOR = 10;
/** The marks a Chinese title stands between: 《服务网格实践与展望》. */
const [TITLE_OPEN, TITLE_CLOSE] = [0x300a, 0x300b];

/**
 * How many sightings of the word classes around a function word `functionWordScore` adds to its
 * own, shared out as the classes occur around all function words.
 */
const WORD_CLASS_PRIOR = 5;
/** Added to every count of the classes around all function words, and the number of pairs assumed. */
const WORD_CLASS_SMOOTHING = 0.5;
const WORD_CLASS_PAIRS = 2_000;

/**
 * Most `functionWordScore` gives a candidate (no bench site reached 7 nats), so that the resolver
 * knows how far behind a candidate can be and still not win.
 */
export const FUNCTION_WORD_GAIN_LIMIT = 10;

/**
 * Class of a symbol that begins or ends no dictionary word: the symbol itself (a Latin word, a
 * number, a comma, a line boundary), above the dictionary's tags.
 */
const SYMBOL_CLASS = 1_000;

/**
 * Longest word, in characters, `classBefore` looks for: before a function word a longer one is
 * rare (the bench restores the same characters at 4 as at 8), and each costs a walk of the trie.
 */
export const WORD_BEFORE_LENGTH = 4;

/** How far after a function word, in characters, `functionWordScore` looks for a partner word. */
export const PARTNER_REACH = 12;
/** How many sightings of a function word a partner's share around all function words is worth. */
const PARTNER_PRIOR = 5;
/** Added to every partner count around all function words, and the number of partners assumed. */
const PARTNER_SMOOTHING = 0.5;
const PARTNER_VOCABULARY = 20_000;

/** The key of `wordClasses` under which the classes around all function words are counted. */
const ANY_FUNCTION_WORD = 0;
/** The key of the count of all function words. */
const ALL_PAIRS = -1;

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

const HAN = /\p{Script=Han}/u;

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

/** Punctuation that ends a clause, for `clauseOpenerBefore`; a line boundary ends one too. */
const CLAUSE_ENDS = new Set([...'，。；：！？,;:!?'].map((character) => character.codePointAt(0)!));

/** True when a symbol ends a clause. */
export function endsClause(symbol: number): boolean {
  return symbol === LINE_BOUNDARY || CLAUSE_ENDS.has(symbol);
}

/**
 * How far back, in characters, the clause opener of `contextScore` must be: the left
 * neighbour and the one before it are the context's own features already.
 */
export const OPENER_DISTANCE = 3;

/** The clause-opener feature's value when the clause has none before the character. */
export const NO_OPENER = 0;

/** Slots of a `CountTable` for `capacity` keys: a power of two, at least twice as many. */
const slotsFor = (capacity: number): number =>
  2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));

/**
 * Counts keyed by up to three integers (the first never negative), in one open-addressing hash
 * table: each slot is four 32-bit integers (the key, then the count) side by side, so a look-up
 * touches one cache line. The content's bigrams and contexts make hundreds of thousands of keys,
 * looked up millions of times per bench run; nested JavaScript maps spent most of that time
 * hashing and collecting garbage (written by hand for that reason, like the trie below).
 */
class CountTable {
  #slots: Int32Array;
  #mask: number;
  #size = 0;
  /** The memory `#slots` and `#bloom` are views of: kept when `reset` shrinks them. */
  #slotMemory: Int32Array;
  #bloomMemory: Int32Array;
  /**
   * A Bloom filter of the keys, eight bits per slot: most look-ups ask for a pair the content
   * never had (a wrong candidate after its neighbour), and the filter, a sixteenth of the
   * table's size, answers them from the cache.
   */
  #bloom: Int32Array;

  constructor(capacity = 64) {
    const slots = slotsFor(capacity);
    this.#slots = this.#slotMemory = new Int32Array(4 * slots).fill(EMPTY);
    this.#mask = slots - 1;
    this.#bloom = this.#bloomMemory = new Int32Array(slots / 4);
  }

  /**
   * Empties the table, sized for `capacity` keys, in the memory it has when that is enough: fresh
   * memory costs a page fault per 4 KB, which on the machines measured made allocating a table
   * cost more than filling it.
   */
  reset(capacity: number): void {
    const slots = slotsFor(capacity);
    if (this.#slotMemory.length < 4 * slots) {
      this.#slotMemory = new Int32Array(4 * slots);
      this.#bloomMemory = new Int32Array(slots / 4);
    }
    this.#slots = this.#slotMemory.subarray(0, 4 * slots).fill(EMPTY);
    this.#bloom = this.#bloomMemory.subarray(0, slots / 4).fill(0);
    this.#mask = slots - 1;
    this.#size = 0;
  }

  /** The key's bit in the Bloom filter, hashed apart from its slot. */
  #bit(a: number, b: number, c: number): number {
    const hash = Math.imul(a ^ Math.imul(b, 0x27d4eb2f) ^ Math.imul(c, 0x165667b1), 0x2c1b3c6d);
    return (hash ^ (hash >>> 15)) & (8 * this.#mask + 7);
  }

  #mark(a: number, b: number, c: number): void {
    const bit = this.#bit(a, b, c);
    this.#bloom[bit >>> 5] = this.#bloom[bit >>> 5]! | (1 << (bit & 31));
  }

  /** Offset of the key's slot, or of the empty slot where it would go. */
  #find(a: number, b: number, c: number): number {
    const slots = this.#slots;
    let slot =
      (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & this.#mask;
    for (;;) {
      const at = 4 * slot;
      const key = slots[at]!;
      if (key === EMPTY || (key === a && slots[at + 1] === b && slots[at + 2] === c)) return at;
      slot = (slot + 1) & this.#mask;
    }
  }

  get(a: number, b = 0, c = 0): number {
    const bit = this.#bit(a, b, c);
    if ((this.#bloom[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
    const at = this.#find(a, b, c);
    return this.#slots[at] === EMPTY ? 0 : this.#slots[at + 3]!;
  }

  /** How many keys the table has. */
  get size(): number {
    return this.#size;
  }

  /** Counts the key once more, or `count` times more. */
  add(a: number, b = 0, c = 0, count = 1): void {
    let at = this.#find(a, b, c);
    if (this.#slots[at] === EMPTY) {
      if (2 * (this.#size + 1) > this.#mask + 1) {
        this.#grow();
        at = this.#find(a, b, c);
      }
      this.#slots[at] = a;
      this.#slots[at + 1] = b;
      this.#slots[at + 2] = c;
      this.#slots[at + 3] = 0;
      this.#mark(a, b, c);
      this.#size++;
    }
    this.#slots[at + 3] = this.#slots[at + 3]! + count;
  }

  /** Every key and its count, four integers each, as `addEntries` reads them. */
  entries(): Int32Array {
    const slots = this.#slots;
    const entries = new Int32Array(4 * this.#size);
    let written = 0;
    for (let at = 0; at < slots.length; at += 4)
      if (slots[at] !== EMPTY)
        for (let offset = 0; offset < 4; offset++) entries[written++] = slots[at + offset]!;
    return entries;
  }

  /** Adds the counts of what another table's `entries` gave. */
  addEntries(entries: Int32Array): void {
    for (let at = 0; at < entries.length; at += 4)
      this.add(entries[at]!, entries[at + 1]!, entries[at + 2]!, entries[at + 3]!);
  }

  /**
   * Takes the counts of `entries` away again (every key of them must be in the table), noting
   * in `noted` where each key's slot is, so that `restore` need not look for it.
   */
  subtract(entries: Int32Array, noted: Int32Array): void {
    const slots = this.#slots;
    for (let at = 0, key = 0; at < entries.length; at += 4, key++) {
      const slot = this.#find(entries[at]!, entries[at + 1]!, entries[at + 2]!);
      noted[key] = slot;
      slots[slot + 3] = slots[slot + 3]! - entries[at + 3]!;
    }
  }

  /** Adds back the counts `subtract` took away, at the slots it noted. */
  restore(entries: Int32Array, noted: Int32Array): void {
    const slots = this.#slots;
    for (let at = 0, key = 0; at < entries.length; at += 4, key++)
      slots[noted[key]! + 3] = slots[noted[key]! + 3]! + entries[at + 3]!;
  }

  /** The count at a slot `subtract` noted. */
  countAt(slot: number): number {
    return this.#slots[slot + 3]!;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = this.#slotMemory = new Int32Array(2 * old.length).fill(EMPTY);
    this.#mask = this.#slots.length / 4 - 1;
    this.#bloom = this.#bloomMemory = new Int32Array(this.#slots.length / 16);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === EMPTY) continue;
      const [a, b, c] = [old[at]!, old[at + 1]!, old[at + 2]!];
      const to = this.#find(a, b, c);
      for (let offset = 0; offset < 4; offset++) this.#slots[to + offset] = old[at + offset]!;
      this.#mark(a, b, c);
    }
  }
}

/** What `CharacterCounts` asks the dictionary about a text's symbols. */
interface Grammar {
  isClauseOpener(symbol: number): boolean;
  isLocative(symbol: number): boolean;
  isFunctionWord(symbol: number): boolean;
  /** Class of the longest dictionary word ending before `end` (see `LanguageModel.classBefore`). */
  classBefore(symbols: ArrayLike<number>, end: number): number;
  /** Class of the longest dictionary word starting at `start`. */
  classAfter(symbols: ArrayLike<number>, start: number): number;
  /** The words of two characters or more in the clause from `start` on (`LanguageModel.wordsAfter`). */
  wordsAfter(symbols: ArrayLike<number>, start: number): number[];
}

/** The symbols of a text's non-blank lines, each line between two boundaries. */
function symbolLines(text: string): number[][] {
  const lines: number[][] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const symbols = [LINE_BOUNDARY];
    for (let index = 0; index < line.length; index++) {
      const codePoint = line.codePointAt(index)!;
      if (codePoint > 0xffff) index++;
      symbols.push(symbolOf(codePoint));
    }
    symbols.push(LINE_BOUNDARY);
    lines.push(symbols);
  }
  return lines;
}

/** The different bigrams of a text (types, not tokens), for the character expert's smoothing. */
class BigramTypes {
  /** How many different symbols follow each symbol. */
  readonly followers: CountTable;
  /** How many different symbols each symbol follows. */
  readonly predecessors: CountTable;
  total = 0;

  constructor(symbols: number) {
    this.followers = new CountTable(symbols);
    this.predecessors = new CountTable(symbols);
  }

  /** Empties the counts, for about `symbols` symbols, keeping their memory (`CountTable.reset`). */
  reset(symbols: number): this {
    this.followers.reset(symbols);
    this.predecessors.reset(symbols);
    this.total = 0;
    return this;
  }

  /** Counts a bigram type once more, or with `count` -1 once less. */
  add(previous: number, next: number, count: 1 | -1 = 1): void {
    this.followers.add(previous, 0, 0, count);
    this.predecessors.add(next, 0, 0, count);
    this.total += count;
  }
}

/** The count tables of `CharacterCounts`. */
const COUNT_TABLES = [
  'unigrams',
  'histories',
  'bigrams',
  'pairs',
  'seconds',
  'openers',
  'wordClasses',
  'partners',
  'titles',
] as const;

/** Where the bigrams are among `COUNT_TABLES`. */
const BIGRAMS = COUNT_TABLES.indexOf('bigrams');

/** A text's `CharacterCounts` in a compact form (`CharacterCounts.record`). */
interface CountsRecord {
  /** Each table's `CountTable.entries`, in the order of `COUNT_TABLES`. */
  tables: Int32Array[];
  inTitles: number;
  symbols: number;
}

/**
 * About how many different keys a text has per character, in each kind of table of
 * `CharacterCounts`, and a site's posts together (which share most of their symbols and
 * contexts), as the corpus's 170 Chinese posts have them. A table sized so is half full at most
 * and seldom grows: each size a table grows through is fresh memory, a page fault per 4 KB.
 */
const KEYS_PER_CHARACTER = {
  text: {
    symbols: 1 / 4,
    bigrams: 1 / 2,
    contexts: 1 / 2,
    seconds: 1,
    grammar: 1 / 8,
    partners: 1 / 8,
    titles: 1 / 16,
  },
  site: {
    symbols: 1 / 256,
    bigrams: 1 / 16,
    contexts: 1 / 6,
    seconds: 1 / 5,
    grammar: 1 / 64,
    partners: 1 / 16,
    titles: 1 / 1024,
  },
};

/** The kind of keys, as `KEYS_PER_CHARACTER` sizes them, of each count table. */
const TABLE_KEYS = {
  unigrams: 'symbols',
  histories: 'symbols',
  bigrams: 'bigrams',
  pairs: 'contexts',
  seconds: 'seconds',
  openers: 'grammar',
  wordClasses: 'grammar',
  partners: 'partners',
  titles: 'titles',
} as const satisfies Record<(typeof COUNT_TABLES)[number], keyof typeof KEYS_PER_CHARACTER.text>;

/** How many keys each kind of table of `CharacterCounts` is sized for. */
function keysFor(characters: number, site: boolean): typeof KEYS_PER_CHARACTER.text {
  const perCharacter = KEYS_PER_CHARACTER[site ? 'site' : 'text'];
  const keys = { ...perCharacter };
  for (const kind of Object.keys(keys) as (keyof typeof keys)[])
    keys[kind] = Math.ceil(characters * perCharacter[kind]);
  // A text has no more different symbols than Chinese has common characters.
  keys.symbols = Math.min(keys.symbols, 8_192);
  return keys;
}

/**
 * The character expert's counts of a text (`add`), or of a set of texts, each counted on its own
 * and added (`addRecord`).
 */
class CharacterCounts {
  readonly unigrams: CountTable;
  /** How often each symbol is followed by another: the denominators of its bigrams. */
  readonly histories: CountTable;
  /** (previous, next) → count. */
  readonly bigrams: CountTable;
  /** The different bigrams of the texts added with `addRecord`. */
  readonly types: BigramTypes;
  /** (symbol, left neighbour, right neighbour) → count, for Han and other CJK symbols only. */
  readonly pairs: CountTable;
  /** (symbol, the symbol two before) and (symbol, -1 - the symbol two after) → count. */
  readonly seconds: CountTable;
  /** (symbol, the last opener of its clause at least `OPENER_DISTANCE` before it) → count. */
  readonly openers: CountTable;
  /**
   * (function word, class of the word before it, class of the word after it) → count, and
   * (`ANY_FUNCTION_WORD`, the two classes) over all function words; see `functionWordScore`.
   */
  readonly wordClasses: CountTable;
  /**
   * (function word, a dictionary word later in its clause) → count, words as trie nodes, and
   * (`ANY_FUNCTION_WORD`, word) over all function words; see `functionWordScore`.
   */
  readonly partners: CountTable;
  /** (symbol) → how often it stands inside 《》. */
  readonly titles: CountTable;
  /** How many symbols stand inside 《》, and how many were counted in all, for `titleScore`. */
  inTitles = 0;
  symbols = 0;

  /**
   * `characters`: about how many the text to count has, or the texts of a whole site (`site`),
   * for sizing the tables (`KEYS_PER_CHARACTER`).
   */
  constructor(characters = 64, site = false) {
    const keys = keysFor(characters, site);
    const table = (name: (typeof COUNT_TABLES)[number]) => new CountTable(keys[TABLE_KEYS[name]]);
    this.unigrams = table('unigrams');
    this.histories = table('histories');
    this.bigrams = table('bigrams');
    this.types = new BigramTypes(keys.symbols);
    this.pairs = table('pairs');
    this.seconds = table('seconds');
    this.openers = table('openers');
    this.wordClasses = table('wordClasses');
    this.partners = table('partners');
    this.titles = table('titles');
  }

  /** Empties the counts for a text of about `characters`, keeping their memory. */
  reset(characters: number): this {
    const keys = keysFor(characters, false);
    for (const table of COUNT_TABLES) this[table].reset(keys[TABLE_KEYS[table]]);
    this.types.reset(keys.symbols);
    this.inTitles = 0;
    this.symbols = 0;
    return this;
  }

  /** Counts a text's lines; `grammar` tells the clause openers and the function words. */
  add(text: string, grammar: Grammar): this {
    for (const symbols of symbolLines(text)) {
      for (let index = 1; index < symbols.length; index++) {
        const previous = symbols[index - 1]!;
        const symbol = symbols[index]!;
        this.unigrams.add(symbol);
        this.histories.add(previous);
        this.bigrams.add(previous, symbol);
      }
      // The line again with two boundaries on each side, for the context counts.
      const padded = [LINE_BOUNDARY, ...symbols, LINE_BOUNDARY];
      for (let index = 2; index < padded.length - 2; index++) {
        const symbol = padded[index]!;
        if (symbol < 0x2e80) continue;
        this.pairs.add(symbol, padded[index - 1]!, padded[index + 1]!);
        this.seconds.add(symbol, padded[index - 2]!);
        this.seconds.add(symbol, -padded[index + 2]! - 1);
      }
      this.#countOpeners(symbols, grammar);
      this.#countFunctionWords(symbols, grammar);
      this.#countTitles(symbols);
    }
    return this;
  }

  /** Adds the counts of a text counted on its own (its `record`), and its bigram types. */
  addRecord(record: CountsRecord): this {
    const bigrams = record.tables[BIGRAMS]!;
    for (let at = 0; at < bigrams.length; at += 4)
      if (this.bigrams.get(bigrams[at]!, bigrams[at + 1]!) === 0)
        this.types.add(bigrams[at]!, bigrams[at + 1]!);
    COUNT_TABLES.forEach((table, index) => this[table].addEntries(record.tables[index]!));
    this.inTitles += record.inTitles;
    this.symbols += record.symbols;
    return this;
  }

  /**
   * Takes a text's counts (its `record`, added before) away again, and the bigram types only it
   * had; `noted` gets, per table, where each key's slot is, for `restoreRecord`.
   */
  subtractRecord(record: CountsRecord, noted: Int32Array[]): void {
    COUNT_TABLES.forEach((table, index) =>
      this[table].subtract(record.tables[index]!, noted[index]!),
    );
    this.#countTypesAt(record, noted, -1);
    this.inTitles -= record.inTitles;
    this.symbols -= record.symbols;
  }

  /** Adds back what `subtractRecord` took away. */
  restoreRecord(record: CountsRecord, noted: Int32Array[]): void {
    this.#countTypesAt(record, noted, 1);
    COUNT_TABLES.forEach((table, index) =>
      this[table].restore(record.tables[index]!, noted[index]!),
    );
    this.inTitles += record.inTitles;
    this.symbols += record.symbols;
  }

  /** Counts once less (-1), or once more (1), each bigram of a record whose count is 0. */
  #countTypesAt(record: CountsRecord, noted: Int32Array[], count: 1 | -1): void {
    const bigrams = record.tables[BIGRAMS]!;
    const slots = noted[BIGRAMS]!;
    for (let at = 0, key = 0; at < bigrams.length; at += 4, key++)
      if (this.bigrams.countAt(slots[key]!) === 0)
        this.types.add(bigrams[at]!, bigrams[at + 1]!, count);
  }

  /** The counts in a compact form, four integers per key, for `addRecord`. */
  record(): CountsRecord {
    const tables = COUNT_TABLES.map((table) => this[table].entries());
    return { tables, inTitles: this.inTitles, symbols: this.symbols };
  }

  /** Counts the symbols of a line that stand inside 《》, and all of them. */
  #countTitles(symbols: readonly number[]): void {
    let inside = false;
    for (let index = 1; index < symbols.length - 1; index++) {
      const symbol = symbols[index]!;
      if (symbol === TITLE_OPEN || symbol === TITLE_CLOSE) {
        inside = symbol === TITLE_OPEN;
        continue;
      }
      this.symbols++;
      if (!inside) continue;
      this.titles.add(symbol);
      this.inTitles++;
    }
  }

  /**
   * Counts each function word of a line with the classes of the words on either side and with
   * the words after it in its clause.
   */
  #countFunctionWords(symbols: readonly number[], grammar: Grammar): void {
    for (let index = 1; index < symbols.length - 1; index++) {
      const symbol = symbols[index]!;
      if (!grammar.isFunctionWord(symbol)) continue;
      const before = grammar.classBefore(symbols, index);
      const after = grammar.classAfter(symbols, index + 1);
      this.wordClasses.add(symbol, before, after);
      this.wordClasses.add(ANY_FUNCTION_WORD, before, after);
      this.wordClasses.add(ANY_FUNCTION_WORD, ALL_PAIRS, ALL_PAIRS);
      const words = grammar.wordsAfter(symbols, index + 1);
      words.forEach((word, position) => {
        if (words.indexOf(word) !== position) return;
        this.partners.add(symbol, word);
        this.partners.add(ANY_FUNCTION_WORD, word);
      });
    }
  }

  /** Counts each CJK symbol of a line that has a clause opener with that opener. */
  #countOpeners(symbols: readonly number[], grammar: Grammar): void {
    let openers: number[] = [];
    for (let index = 0; index < symbols.length; index++) {
      const symbol = symbols[index]!;
      if (endsClause(symbol)) openers = [];
      if (symbol < 0x2e80) continue;
      const opener = openers.findLast((at) => at <= index - OPENER_DISTANCE);
      if (opener !== undefined) this.openers.add(symbol, symbols[opener]!);
      if (grammar.isLocative(symbol)) openers.pop();
      if (grammar.isClauseOpener(symbol)) openers.push(index);
    }
  }
}

/**
 * How often each dictionary word of two or more characters occurs in a set of texts, by trie
 * node, counting every occurrence, overlapping ones too (服务网格 counts 服务, 网格 and 服务网格),
 * which needs no segmentation of the texts. Words of one character are not counted: every
 * character of the content would count as one, in words or not. A text's counts (`listed`) also
 * list the nodes they count, so that they can be recorded and emptied without a pass over the
 * whole trie.
 */
class WordCounts {
  /** Counts by trie node. */
  readonly #counts: Int32Array;
  /** Each node counted, once, when the counts are `listed`. */
  readonly #listed: boolean;
  #nodes = new Int32Array(0);
  #size = 0;
  total = 0;

  /** `nodes`: the trie's size. */
  constructor(nodes: number, listed = false) {
    this.#counts = new Int32Array(nodes);
    this.#listed = listed;
  }

  get(node: number): number {
    return this.#counts[node] ?? 0;
  }

  /** Counts the dictionary words of a text. */
  add(text: string, trie: Trie): this {
    const codePoints = Array.from(text, (character) => character.codePointAt(0)!);
    for (let start = 0; start < codePoints.length; start++) {
      let node = trie.child(0, codePoints[start]!);
      const end = Math.min(codePoints.length, start + MAX_WORD_LENGTH);
      for (let at = start + 1; node !== -1 && at < end; at++) {
        node = trie.child(node, codePoints[at]!);
        if (node !== -1 && trie.probabilities[node]! > 0) this.#count(node, 1);
      }
    }
    return this;
  }

  /**
   * Adds the counts of a text's words (their `record`), or with `sign` -1 takes those of a text
   * added so away again.
   */
  addRecord(record: Int32Array, sign: 1 | -1 = 1): this {
    for (let at = 0; at < record.length; at += 2) this.#count(record[at]!, sign * record[at + 1]!);
    return this;
  }

  /** Empties listed counts, in as many steps as nodes were counted. */
  clear(): this {
    for (let index = 0; index < this.#size; index++) this.#counts[this.#nodes[index]!] = 0;
    this.#size = 0;
    this.total = 0;
    return this;
  }

  /** Each node of listed counts and its count, side by side, for `addRecord`. */
  record(): Int32Array {
    const record = new Int32Array(2 * this.#size);
    for (let index = 0; index < this.#size; index++) {
      const node = this.#nodes[index]!;
      record[2 * index] = node;
      record[2 * index + 1] = this.#counts[node]!;
    }
    return record;
  }

  #count(node: number, count: number): void {
    if (this.#listed && this.#counts[node] === 0) {
      if (this.#size === this.#nodes.length)
        this.#nodes = enlarged(this.#nodes, Math.max(1_024, 2 * this.#size));
      this.#nodes[this.#size++] = node;
    }
    this.#counts[node]! += count;
    this.total += count;
  }
}

/** What a model that leaves texts out (`LanguageModel.leaveOut`) keeps of each text it counted. */
interface KeptText {
  counts: CountsRecord;
  /** Its `WordCounts.record`. */
  words: Int32Array;
}

/** GB2312's classes, read once per process: every model shares them. */
let sharedClasses: Map<number, Gb2312Class> | null = null;

/** What the word expert says of one character on its own (`LanguageModel.alone`). */
export interface CharacterAlone {
  /** The dictionary's node after the character from the root, or -1. */
  node: number;
  /** Its score as a word of one character: the dictionary's, or the lone-character floor. */
  single: number;
  /** Its score as a character of an unlisted given name, -Infinity when it cannot be one. */
  given: number;
}

/** The words around a site that `LanguageModel.functionWordScore` weighs; see `functionWordContext`. */
export interface FunctionWordContext {
  before: number;
  after: number;
  /** Share of the pair of classes around all function words. */
  classShare: number;
  /** Words later in the clause, as trie nodes, and the share of each around all function words. */
  partners: number[];
  partnerShares: number[];
}

/** How a model is built; see `LanguageModel`'s constructor. */
export interface ModelOptions {
  /**
   * Keep what each text added counts, a few integers per different bigram or context, so that
   * leaving it out (`leaveOut`) need not count it again; for measuring the model on each of its
   * own texts in turn (`npm run bench:repair`).
   */
  keepTexts?: boolean;
  /** About how many characters the texts to add have, to size the tables for them. */
  characters?: number;
}

/** The model; see the module comment. */
export class LanguageModel {
  readonly weights: ModelWeights;
  readonly #content: CharacterCounts;
  /** The content's dictionary words. */
  #words = new WordCounts(0);
  /**
   * What `characterScores` knows of each symbol on its own, kept per model: a post's lattice asks
   * about the same few thousand symbols hundreds of thousands of times.
   */
  #backoffs = new Map<number, number>();
  #histories = new Map<number, { seen: number; trust: number }>();
  readonly #classes = (sharedClasses ??= gb2312Classes());
  /** jieba's dictionary, shared by every model built on it. */
  #dictionary = WordDictionary.fromWords([]);
  /** Each trie node's word score (`weights.words` × its log probability, less `wordCost`), NaN where no word ends. */
  #wordValues = new Float64Array(0);
  /**
   * `givenNameScore` and `alone` of each character asked about so far: they depend on the
   * dictionary and the weights alone, so leaving a text out (`leaveOut`) keeps them.
   */
  #givenScores = new Map<number, number>();
  #alone = new Map<number, CharacterAlone>();
  /** What the model keeps of each text, by text, when it keeps them (see the constructor). */
  readonly #texts: Map<string, KeptText> | null;
  /** Where `addText` counts each text before adding its counts to the content's. */
  #scratch: CharacterCounts | null = null;
  #wordScratch: WordCounts | null = null;
  /** Where `leaveOut` notes the slots of the text's keys, per count table, kept for the next. */
  readonly #noted: Int32Array[] = [];

  /** The dictionary's trie, read at every step of the lattice. */
  #trie: Trie = this.#dictionary.trie;

  constructor(weights: ModelWeights = DEFAULT_WEIGHTS, options: ModelOptions = {}) {
    this.weights = weights;
    this.#content = new CharacterCounts(options.characters, true);
    this.#texts = options.keepTexts ? new Map() : null;
  }

  /**
   * Adds a word-frequency dictionary to the word expert, as its words or as a `WordDictionary`
   * built from them (`read-dictionary` keeps one on disk). Call it once.
   */
  addDictionary(dictionary: readonly DictionaryWord[] | WordDictionary): this {
    this.#dictionary =
      dictionary instanceof WordDictionary ? dictionary : WordDictionary.fromWords(dictionary);
    this.#trie = this.#dictionary.trie;
    const { probabilities } = this.#trie;
    const { words, wordCost } = this.weights;
    this.#wordValues = new Float64Array(probabilities.length);
    for (let node = 0; node < probabilities.length; node++) {
      const probability = probabilities[node]!;
      this.#wordValues[node] = probability > 0 ? words * Math.log(probability) - wordCost : NaN;
    }
    this.#words = new WordCounts(this.#trie.capacity);
    return this;
  }

  /** True when a character is the surname of some listed name. */
  isSurname(codePoint: number): boolean {
    return this.#dictionary.names.surnames.has(codePoint);
  }

  /**
   * The word expert's weighted log probability of a name it does not list is this score of its
   * surname plus `givenNameScore` of each other character: how often names occur, times how
   * often the first character is a surname and the others are in given names. 肖健 is no word,
   * but 肖 is a surname and 健 is in 113 listed names; 句 is in none.
   */
  surnameScore(codePoint: number): number {
    const { surnames, total, share } = this.#dictionary.names;
    if (total === 0) return -Infinity;
    const weight = this.weights.words * this.weights.names;
    const score = weight * (Math.log(share) + Math.log((surnames.get(codePoint) ?? 0) / total));
    return score - this.weights.wordCost;
  }

  /**
   * The part of a name's score (see `surnameScore`) that one character of its given name adds;
   * -Infinity for a character that is not Han. Looked up millions of times, so kept per character.
   */
  givenNameScore(codePoint: number): number {
    const { givenNames, given } = this.#dictionary.names;
    let score = this.#givenScores.get(codePoint);
    if (score === undefined) {
      const share =
        ((givenNames.get(codePoint) ?? 0) + NAME_SMOOTHING) /
        (given + NAME_SMOOTHING * NAME_VOCABULARY);
      const han = HAN.test(String.fromCodePoint(codePoint));
      score = han ? this.weights.words * this.weights.names * Math.log(share) : -Infinity;
      this.#givenScores.set(codePoint, score);
    }
    return score;
  }

  /** Counts correctly encoded text for the character expert. Call it after `addDictionary`. */
  addText(text: string): this {
    // Counted on its own first, in tables sized for one text and used again for the next.
    const counts = (this.#scratch ??= new CharacterCounts(text.length))
      .reset(text.length)
      .add(text, this)
      .record();
    this.#content.addRecord(counts);
    if (this.#texts) {
      const words = (this.#wordScratch ??= new WordCounts(this.#trie.capacity, true))
        .clear()
        .add(text, this.#trie)
        .record();
      this.#words.addRecord(words);
      this.#texts.set(text, { counts, words });
    } else this.#words.add(text, this.#trie);
    this.#forgetScores();
    return this;
  }

  /**
   * Calls `use` with this model read as if `text` had never been added, so a post can be left
   * out of its own repair; returns what `use` returns. The text's counts, kept by `addText` (see
   * `ModelOptions.keepTexts`), are taken away from the content's for the call and added back
   * after it, so leaving each of many posts out in turn costs neither a rebuild nor a second
   * table to read every count against.
   */
  leaveOut<T>(text: string, use: (model: this) => T): T {
    const kept = this.#texts?.get(text);
    if (kept === undefined)
      throw new Error('Only a text that a model built with `keepTexts` added can be left out.');
    const noted = kept.counts.tables.map((entries, index) => {
      const slots = this.#noted[index] ?? new Int32Array(0);
      return (this.#noted[index] =
        slots.length >= entries.length / 4 ? slots : new Int32Array(entries.length / 4));
    });
    this.#content.subtractRecord(kept.counts, noted);
    this.#words.addRecord(kept.words, -1);
    this.#forgetScores();
    try {
      return use(this);
    } finally {
      this.#content.restoreRecord(kept.counts, noted);
      this.#words.addRecord(kept.words, 1);
      this.#forgetScores();
    }
  }

  /** Empties what `characterScores` kept of each symbol, once the counts have changed. */
  #forgetScores(): void {
    this.#backoffs.clear();
    this.#histories.clear();
  }

  /**
   * True when a character opens a clause that a later word may close, as 在 opens 在 Istio 中:
   * the dictionary's one-character prepositions.
   */
  readonly isClauseOpener = (codePoint: number): boolean => this.#dictionary.openers.has(codePoint);

  /** True when the dictionary has the character as a locative of its own (在 X 中 closes 在 at 中). */
  readonly isLocative = (symbol: number): boolean => this.#dictionary.locatives.has(symbol);

  /** True when the dictionary has the character as a function word of its own (`WordDictionary.functionWords`). */
  readonly isFunctionWord = (symbol: number): boolean => this.#dictionary.functionWords.has(symbol);

  /**
   * The class of the word that starts at `start` of a run of symbols: the part of speech of the
   * longest dictionary word there, or the symbol itself (`SYMBOL_CLASS` up) where none starts.
   * A space is skipped, as between a Chinese word and a Latin one.
   */
  classAfter(symbols: ArrayLike<number>, start: number): number {
    if (symbols[start] === 0x20) start++;
    let node = 0;
    let found = 0;
    for (let at = start; at < symbols.length && at < start + MAX_WORD_LENGTH; at++) {
      const symbol = symbols[at]!;
      node = symbol < 0x2e80 ? -1 : this.#trie.child(node, symbol);
      if (node === -1) break;
      found = this.#trie.classes[node]! || found;
    }
    return found || SYMBOL_CLASS + (symbols[start] ?? LINE_BOUNDARY);
  }

  /**
   * The dictionary words of two characters or more, as trie nodes, that a greedy longest-first
   * split finds in the clause from `start` on, up to `PARTNER_REACH` characters.
   */
  wordsAfter(symbols: ArrayLike<number>, start: number): number[] {
    const words: number[] = [];
    const end = Math.min(symbols.length, start + PARTNER_REACH);
    for (let at = start; at < end && !endsClause(symbols[at]!);) {
      let node = 0;
      let word = -1;
      let length = 1;
      for (let next = at; next < end && next < at + MAX_WORD_LENGTH; next++) {
        node = symbols[next]! < 0x2e80 ? -1 : this.#trie.child(node, symbols[next]!);
        if (node === -1) break;
        if (this.#trie.classes[node] && next > at) {
          word = node;
          length = next - at + 1;
        }
      }
      if (word !== -1) words.push(word);
      at += length;
    }
    return words;
  }

  /**
   * The class of the word that ends before `end` of a run of symbols, as `classAfter` reads it,
   * of up to `WORD_BEFORE_LENGTH` characters.
   */
  classBefore(symbols: ArrayLike<number>, end: number): number {
    if (symbols[end - 1] === 0x20) end--;
    // Only the CJK run before `end` can hold the word.
    let first = end;
    while (first > 0 && end - first < WORD_BEFORE_LENGTH && symbols[first - 1]! >= 0x2e80) first--;
    for (let start = first; start < end; start++) {
      let node = 0;
      for (let at = start; at < end && node !== -1; at++)
        node = this.#trie.child(node, symbols[at]!);
      if (node !== -1 && this.#trie.classes[node]) return this.#trie.classes[node]!;
    }
    return SYMBOL_CLASS + (symbols[end - 1] ?? LINE_BOUNDARY);
  }

  /**
   * What `functionWordScore` needs of a site: the classes of the words just before and after it
   * (`classBefore`, `classAfter`), the words later in its clause (`wordsAfter`), and how often
   * each occurs around function words in general, which is the same for every candidate.
   */
  functionWordContext(before: number, after: number, partners: number[]): FunctionWordContext {
    const total = this.#functionWordTotal();
    const classShare =
      (this.#content.wordClasses.get(ANY_FUNCTION_WORD, before, after) + WORD_CLASS_SMOOTHING) /
      (total + WORD_CLASS_SMOOTHING * WORD_CLASS_PAIRS);
    const partnerShares = partners.map(
      (word) =>
        (this.#content.partners.get(ANY_FUNCTION_WORD, word) + PARTNER_SMOOTHING) /
        (total + PARTNER_SMOOTHING * PARTNER_VOCABULARY),
    );
    return { before, after, classShare, partners, partnerShares };
  }

  /**
   * How much likelier a function word is at a site than function words in general, as log
   * ratios counted over the content; 0 for any other symbol. Two parts (naive Bayes):
   *
   * - the classes of the words on either side: 与 joins two nouns (软件与硬件), 不 comes before a
   *   verb (不支持), 中 after a noun and before a comma or 的. The classes are jieba's parts of
   *   speech, so the content need not have the words themselves, as the context's neighbour
   *   pairs must;
   * - the strongest pull of a word later in the clause, when one pulls: 与 awaits its partner
   *   (与大家一起, 与平台无关, 与现有产品相结合), as 在 awaits 中.
   *
   * A function word's own counts are shrunk towards the shares around all function words, so
   * one seen a few times scores about 0.
   */
  functionWordScore(symbol: number, context: FunctionWordContext): number {
    if (!this.#dictionary.functionWords.has(symbol)) return 0;
    const seen = this.#content.unigrams.get(symbol);
    const { before, after, classShare, partners, partnerShares } = context;
    const own =
      (this.#content.wordClasses.get(symbol, before, after) + WORD_CLASS_PRIOR * classShare) /
      (seen + WORD_CLASS_PRIOR);
    let pull = 0;
    partners.forEach((word, index) => {
      const share = partnerShares[index]!;
      const partner =
        (this.#content.partners.get(symbol, word) + PARTNER_PRIOR * share) / (seen + PARTNER_PRIOR);
      pull = Math.max(pull, Math.log(partner / share));
    });
    const score =
      this.weights.wordClasses * Math.log(own / classShare) + this.weights.partners * pull;
    return Math.min(score, FUNCTION_WORD_GAIN_LIMIT);
  }

  /** How many function words the content has (`CharacterCounts.#countFunctionWords`). */
  #functionWordTotal(): number {
    return this.#content.wordClasses.get(ANY_FUNCTION_WORD, ALL_PAIRS, ALL_PAIRS);
  }

  /** True when the dictionary or the content has the character: the model knows something of it. */
  knows(codePoint: number): boolean {
    if (this.#dictionary.characters.has(codePoint)) return true;
    const symbol = symbolOf(codePoint);
    return this.#content.unigrams.get(symbol) > 0;
  }

  /** The dictionary's node after `codePoint` from `node` (0 is the root), or -1 when no word goes on so. */
  child(node: number, codePoint: number): number {
    return this.#trie.child(node, codePoint);
  }

  /**
   * The word expert's weighted log probability of the word ending at a node, less `wordCost`;
   * NaN for none. A word of two or more characters the content uses gains its share of the
   * content's dictionary words (`ModelWeights.contentWords`).
   */
  wordScore(node: number): number {
    const seen = this.#words.get(node);
    if (seen === 0) return this.#wordValues[node] ?? NaN;
    const { words, contentWords, wordCost } = this.weights;
    const probability = this.#trie.probabilities[node]! + (contentWords * seen) / this.#words.total;
    return words * Math.log(probability) - wordCost;
  }

  /**
   * What the word expert says of a character on its own, kept per character: the resolver asks
   * about every character of every window. A word of one character is never counted in the
   * content (`WordCounts`), so this depends on the dictionary alone.
   */
  alone(codePoint: number): CharacterAlone {
    let alone = this.#alone.get(codePoint);
    if (alone === undefined) {
      const node = this.#trie.child(0, codePoint);
      const word = node === -1 ? NaN : this.#wordValues[node]!;
      alone = {
        node,
        single: Number.isNaN(word) ? this.loneCharacterScore(codePoint) : word,
        given: this.givenNameScore(codePoint),
      };
      this.#alone.set(codePoint, alone);
    }
    return alone;
  }

  /**
   * The word expert's weighted log probability of a character standing alone as a word the
   * dictionary does not list: its GB2312 floor, far below any listed word.
   */
  loneCharacterScore(codePoint: number): number {
    const { words, wordCost } = this.weights;
    return words * Math.log(this.#floor(codePoint) / LONE_CHARACTER_PENALTY) - wordCost;
  }

  #floor(symbol: number): number {
    return CLASS_PROBABILITY[this.#classes.get(symbol) ?? Gb2312Class.Outside] as number;
  }

  /**
   * The character expert's weighted log P(next | previous), both `symbolOf` symbols: content
   * bigrams, trusted by how often `previous` was seen and how many different symbols followed it
   * (Witten–Bell), over how many different symbols `next` follows (Kneser–Ney), over the GB2312
   * floor.
   */
  characterScore(previous: number, next: number): number {
    return this.characterScores([previous], [next])[0]!;
  }

  /**
   * `characterScore` of every symbol of `next` after every symbol of `previous`, row by row: a
   * lattice's steps from one slot to the next. The parts that depend on one side only are
   * computed once per symbol, which leaves one bigram look-up per pair.
   */
  characterScores(previous: readonly number[], next: readonly number[]): Float64Array {
    const { characters } = this.weights;
    const content = this.#content;
    const smoothed = next.map((symbol) => this.#backoff(symbol));
    const scores = new Float64Array(previous.length * next.length);
    for (let row = 0; row < previous.length; row++) {
      const from = previous[row]!;
      const { seen, trust } = this.#history(from);
      for (let column = 0; column < next.length; column++) {
        const bigram = seen > 0 ? content.bigrams.get(from, next[column]!) / seen : 0;
        scores[row * next.length + column] =
          characters * Math.log(trust * bigram + (1 - trust) * smoothed[column]!);
      }
    }
    return scores;
  }

  /** A symbol's probability when the bigram is not trusted: the content's continuation share over the GB2312 floor. */
  #backoff(symbol: number): number {
    let backoff = this.#backoffs.get(symbol);
    if (backoff === undefined) {
      const { contentUnigram } = this.weights;
      const types = this.#content.types;
      const total = types.total;
      const predecessors = types.predecessors.get(symbol);
      backoff =
        contentUnigram * (total > 0 ? predecessors / total : 0) +
        (1 - contentUnigram) * this.#floor(symbol);
      this.#backoffs.set(symbol, backoff);
    }
    return backoff;
  }

  /** How often a symbol was seen before another, and how far its bigrams are trusted. */
  #history(symbol: number): { seen: number; trust: number } {
    let history = this.#histories.get(symbol);
    if (history === undefined) {
      const { contentHalfTrust, contentFollowers } = this.weights;
      const content = this.#content;
      const types = content.types;
      const seen = content.histories.get(symbol);
      const followers = types.followers.get(symbol);
      history = { seen, trust: seen / (seen + contentFollowers * followers + contentHalfTrust) };
      this.#histories.set(symbol, history);
    }
    return history;
  }

  /** Log P(opener | symbol), smoothed over the openers the dictionary has and `NO_OPENER`. */
  #openerFeature(symbol: number, opener: number): number {
    const content = this.#content;
    const seen = content.unigrams.get(symbol);
    const count = content.openers.get(symbol, opener);
    const values = this.#dictionary.openers.size + 1;
    return Math.log((count + OPENER_SMOOTHING) / (seen + OPENER_SMOOTHING * values));
  }

  /**
   * Log P(standing inside 《》 or not | symbol), from the content: talk and book titles are
   * written in 《》, and some characters are far commoner in them than elsewhere (与 joins the
   * two halves of many a title; 不 seldom stands in one). A symbol's own counts are smoothed
   * towards the share of all symbols that stand in titles; one never seen scores 0.
   */
  titleScore(symbol: number, inTitle: boolean): number {
    const content = this.#content;
    const seen = content.unigrams.get(symbol);
    // A symbol the content never had tells nothing of where it stands.
    if (seen === 0) return 0;
    const share = (content.inTitles + 1) / (content.symbols + 2);
    const inside = (content.titles.get(symbol) + TITLE_PRIOR * share) / (seen + TITLE_PRIOR);
    return this.weights.titles * Math.log(inTitle ? inside : 1 - inside);
  }

  /**
   * How well a character's surroundings fit it, from the content: its two neighbours together,
   * the characters two away, and the last clause opener before them (`NO_OPENER` for none), as
   * independent features (naive Bayes). Sees across the neighbours, which a chain of bigrams
   * cannot: 会_大家 wants 与, 集_到 wants 中, and 在 Istio _ 管理 wants 中 where 不 would do
   * between its neighbours.
   */
  contextScore(
    symbol: number,
    left2: number,
    left: number,
    right: number,
    right2: number,
    opener: number = NO_OPENER,
  ): number {
    if (symbol < 0x2e80) return 0;
    const content = this.#content;
    const denominator = content.unigrams.get(symbol) + CONTEXT_SMOOTHING * CONTEXT_VOCABULARY;
    const pairs = content.pairs.get(symbol, left, right);
    const before = content.seconds.get(symbol, left2);
    const after = content.seconds.get(symbol, -right2 - 1);
    return (
      this.weights.context *
        (Math.log((pairs + CONTEXT_SMOOTHING) / denominator) +
          Math.log((before + CONTEXT_SMOOTHING) / denominator) +
          Math.log((after + CONTEXT_SMOOTHING) / denominator)) +
      (opener === NO_OPENER ? 0 : this.weights.opener * this.#openerFeature(symbol, opener))
    );
  }
}
