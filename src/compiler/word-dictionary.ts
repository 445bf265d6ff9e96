/**
 * jieba's word-frequency dictionary as the language model reads it (see `language-model`): the
 * words in a trie with their probabilities and parts of speech, the characters that occur in
 * them, the one-character function words by class, and how often each character is a surname
 * or part of a given name. It depends on the dictionary alone, not on the model's weights or the
 * posts, so it is built once and kept: `toBytes` and `fromBytes` let `read-dictionary` keep it
 * on disk, as jieba keeps its `jieba.cache`, since building it takes most of a second.
 */

/** One word of a frequency dictionary and how often it occurs. */
export interface DictionaryWord {
  word: string;
  frequency: number;
  /** Part of speech; `nr` marks a person's name, `p` a preposition. */
  tag?: string;
}

/** Longest dictionary word the resolver tries to match; longer ones add time, not accuracy. */
export const MAX_WORD_LENGTH = 8;

/**
 * jieba's tags of the words that join and place the words around them rather than name things:
 * prepositions (在, 与), conjunctions (和, 或), adverbs (不, 也) and locatives (中, 上). Their
 * one-character words are the function words of `LanguageModel.functionWordScore`. (Particles
 * such as 的 and 了 are left out: they are the commonest characters of all, and counting them
 * doubled the cost.)
 */
const FUNCTION_TAGS = new Set(['p', 'c', 'd', 'f']);

/** Marks an empty slot of an open-addressing hash table; no key starts with it. */
export const EMPTY = -1;

/** A typed array of `length` with `array` at its start, the rest `fill`. */
export function enlarged<T extends Int32Array | Float64Array | Uint8Array>(
  array: T,
  length: number,
  fill = 0,
): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.fill(fill);
  bigger.set(array);
  return bigger;
}

/** A trie's tables, as `Trie.tables` gives them and the `Trie` constructor takes them back. */
interface TrieTables {
  slots: Int32Array;
  probabilities: Float64Array;
  classes: Uint8Array;
  childBits: Int32Array;
  nodes: number;
}

/**
 * The dictionary as a trie whose edges live in one open-addressing hash table: 349,045 words make
 * about 600,000 edges, which as JavaScript maps would cost seconds to build and query (written by
 * hand for that reason). Each slot is (parent, code point, child) side by side, so a look-up
 * touches one cache line.
 */
export class Trie {
  #slots: Int32Array;
  #mask: number;
  /** Each node's word probability in the dictionary, 0 where no word ends; node 0 is the root. */
  probabilities: Float64Array;
  /** Each node's word class (its part of speech, numbered from 1), 0 where no word ends. */
  classes: Uint8Array;
  /**
   * Per node, a 32-bit Bloom filter of its children's code points: most look-ups ask for a child
   * that does not exist (a wrong candidate after a word's start), and this answers them without
   * touching the large table.
   */
  #childBits: Int32Array;
  /**
   * The root's children by code point, plus one (0: none), for the Basic Multilingual Plane:
   * every word starts at the root, and its tens of thousands of children defeat the Bloom filter.
   */
  readonly #roots = new Int32Array(0x10000);
  #nodes = 1;

  /** `nodeCapacity`: about how many nodes the words will make (the tables grow past it), or the tables of a trie. */
  constructor(nodeCapacity: number | TrieTables) {
    if (typeof nodeCapacity !== 'number') {
      ({
        slots: this.#slots,
        probabilities: this.probabilities,
        classes: this.classes,
        childBits: this.#childBits,
        nodes: this.#nodes,
      } = nodeCapacity);
      this.#mask = this.#slots.length / 4 - 1;
      const slots = this.#slots;
      for (let at = 0; at < slots.length; at += 4)
        if (slots[at] === 0 && slots[at + 1]! < 0x10000)
          this.#roots[slots[at + 1]!] = slots[at + 2]! + 1;
      return;
    }
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, nodeCapacity * 2)));
    this.#slots = new Int32Array(4 * size).fill(EMPTY);
    this.#mask = size - 1;
    // One node per edge, and the root: at most half the slots are ever taken.
    this.probabilities = new Float64Array(size / 2);
    this.classes = new Uint8Array(size / 2);
    this.#childBits = new Int32Array(size / 2);
  }

  /** How many nodes the tables have room for: every node number is below it. */
  get capacity(): number {
    return this.probabilities.length;
  }

  /** The trie's tables, shared, not copied. */
  get tables(): TrieTables {
    const { probabilities, classes } = this;
    return {
      slots: this.#slots,
      probabilities,
      classes,
      childBits: this.#childBits,
      nodes: this.#nodes,
    };
  }

  /** Doubles the tables when the next node would fill more than half the slots. */
  #enlarge(): void {
    const old = this.#slots;
    const size = 2 * (this.#mask + 1);
    this.#slots = new Int32Array(4 * size).fill(EMPTY);
    this.#mask = size - 1;
    for (let at = 0; at < old.length; at += 4)
      if (old[at] !== EMPTY)
        this.#slots.set(old.subarray(at, at + 4), this.#find(old[at]!, old[at + 1]!));
    this.probabilities = enlarged(this.probabilities, size / 2);
    this.classes = enlarged(this.classes, size / 2);
    this.#childBits = enlarged(this.#childBits, size / 2);
  }

  /** Offset of the (node, code point) edge's slot, or of the empty slot where it would go. */
  #find(node: number, codePoint: number): number {
    const slots = this.#slots;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(codePoint, 0x85ebca6b)) & this.#mask;
    for (;;) {
      const at = 4 * slot;
      const parent = slots[at]!;
      if (parent === EMPTY || (parent === node && slots[at + 1] === codePoint)) return at;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The node after `codePoint` from `node`, or -1 when no word goes on so. */
  child(node: number, codePoint: number): number {
    if (node === 0 && codePoint < 0x10000) return this.#roots[codePoint]! - 1;
    if ((this.#childBits[node]! & (1 << (codePoint & 31))) === 0) return -1;
    const at = this.#find(node, codePoint);
    return this.#slots[at] === EMPTY ? -1 : this.#slots[at + 2]!;
  }

  /** The child, made if it is missing. */
  grow(node: number, codePoint: number): number {
    let at = this.#find(node, codePoint);
    if (this.#slots[at] !== EMPTY) return this.#slots[at + 2]!;
    if (this.#nodes === this.probabilities.length) {
      this.#enlarge();
      at = this.#find(node, codePoint);
    }
    this.#slots[at] = node;
    this.#slots[at + 1] = codePoint;
    this.#slots[at + 2] = this.#nodes;
    this.#childBits[node] = this.#childBits[node]! | (1 << (codePoint & 31));
    if (node === 0 && codePoint < 0x10000) this.#roots[codePoint] = this.#nodes + 1;
    return this.#nodes++;
  }
}

/** Person names of the dictionary: how often each character is a surname, or part of a given name. */
export interface NameCounts {
  surnames: Map<number, number>;
  givenNames: Map<number, number>;
  /** Frequency of all listed names, of all their given-name characters, and the names' share of all words. */
  total: number;
  given: number;
  share: number;
}

/** The parts of a dictionary that are not typed arrays, as `toBytes` writes them in its header. */
interface DictionaryHeader {
  format: typeof BYTES_FORMAT;
  nodes: number;
  slots: number;
  capacity: number;
  characters: number[];
  openers: number[];
  locatives: number[];
  functionWords: number[];
  surnames: [number, number][];
  givenNames: [number, number][];
  total: number;
  given: number;
  share: number;
}

/** Names `toBytes`'s layout; `fromBytes` refuses any other. */
const BYTES_FORMAT = 'sidecar-word-dictionary-1';

/** Typed arrays in `toBytes`'s output start at multiples of this (a Float64Array's alignment). */
const ALIGNMENT = 8;

/** See the module comment. */
export class WordDictionary {
  readonly trie: Trie;
  /** Every character of the dictionary's words. */
  readonly characters: Set<number>;
  /** The one-character prepositions (tag `p`: 在, 从, 对, 与…): clause openers. */
  readonly openers: Set<number>;
  /** The one-character locatives (tag `f`: 中, 上, 里…): they close an opener. */
  readonly locatives: Set<number>;
  /** The one-character function words (`FUNCTION_TAGS`). */
  readonly functionWords: Set<number>;
  readonly names: NameCounts;

  private constructor(parts: Omit<WordDictionary, 'toBytes'>) {
    this.trie = parts.trie;
    this.characters = parts.characters;
    this.openers = parts.openers;
    this.locatives = parts.locatives;
    this.functionWords = parts.functionWords;
    this.names = parts.names;
  }

  /**
   * Builds the dictionary from its words; those longer than `MAX_WORD_LENGTH` are left out.
   * `nodeCapacity`: about how many trie nodes the words make (the trie grows past it); by
   * default half their characters for a list, as jieba's 1.01 million characters make 495,000.
   */
  static fromWords(
    words: Iterable<DictionaryWord>,
    nodeCapacity = Array.isArray(words)
      ? (words as DictionaryWord[]).reduce((sum, { word }) => sum + word.length, 0) / 2
      : 1 << 16,
  ): WordDictionary {
    const dictionary = new WordDictionary({
      trie: new Trie(nodeCapacity),
      characters: new Set(),
      openers: new Set(),
      locatives: new Set(),
      functionWords: new Set(),
      names: { surnames: new Map(), givenNames: new Map(), total: 0, given: 0, share: 0 },
    });
    const { trie, characters } = dictionary;
    /** Part-of-speech tags, numbered from 1 in the order first met; past the 255th (none in jieba's) they share one. */
    const tagNumbers = new Map<string, number>();
    let total = 0;
    for (const { word, frequency, tag = '' } of words) {
      // Counting code points only when the UTF-16 length could exceed the limit spares an array per word.
      if (word.length > MAX_WORD_LENGTH && [...word].length > MAX_WORD_LENGTH) continue;
      let node = 0;
      for (const character of word) {
        const codePoint = character.codePointAt(0)!;
        node = trie.grow(node, codePoint);
        characters.add(codePoint);
      }
      // Probabilities hold the frequencies until the total is known.
      trie.probabilities[node] = frequency;
      let tagNumber = tagNumbers.get(tag);
      if (tagNumber === undefined)
        tagNumbers.set(tag, (tagNumber = Math.min(255, tagNumbers.size + 1)));
      trie.classes[node] = tagNumber;
      total += frequency;
      dictionary.#countWord(word, frequency, tag);
    }
    const probabilities = trie.probabilities;
    for (let node = 0; node < probabilities.length; node++) probabilities[node]! /= total;
    dictionary.names.share = dictionary.names.total / total;
    return dictionary;
  }

  /** Files a word of one character under its function-word sets, and a name under the name counts. */
  #countWord(word: string, frequency: number, tag: string): void {
    if (word.length === 1) {
      const codePoint = word.codePointAt(0)!;
      if (tag === 'p') this.openers.add(codePoint);
      if (tag === 'f') this.locatives.add(codePoint);
      if (FUNCTION_TAGS.has(tag)) this.functionWords.add(codePoint);
    }
    if (tag === 'nr') this.#countName(word, frequency);
  }

  /** Counts a listed name of two or three characters: a surname and a given name. */
  #countName(word: string, frequency: number): void {
    const [surname, ...given] = Array.from(word, (character) => character.codePointAt(0)!);
    if (surname === undefined || given.length < 1 || given.length > 2) return;
    const names = this.names;
    names.surnames.set(surname, (names.surnames.get(surname) ?? 0) + frequency);
    for (const character of given)
      names.givenNames.set(character, (names.givenNames.get(character) ?? 0) + frequency);
    names.total += frequency;
    names.given += frequency * given.length;
  }

  /**
   * The dictionary as bytes: a JSON header (its length first, as 32 bits) and then the trie's
   * typed arrays, each at a multiple of `ALIGNMENT`, so `fromBytes` can read them in place.
   */
  toBytes(): Uint8Array {
    const { slots, probabilities, classes, childBits, nodes } = this.trie.tables;
    const { names } = this;
    const header: DictionaryHeader = {
      format: BYTES_FORMAT,
      nodes,
      slots: slots.length,
      capacity: probabilities.length,
      characters: [...this.characters],
      openers: [...this.openers],
      locatives: [...this.locatives],
      functionWords: [...this.functionWords],
      surnames: [...names.surnames],
      givenNames: [...names.givenNames],
      total: names.total,
      given: names.given,
      share: names.share,
    };
    const json = new TextEncoder().encode(JSON.stringify(header));
    const arrays = [slots, probabilities, childBits, classes];
    const offsets = [alignUp(4 + json.length)];
    for (const array of arrays) offsets.push(alignUp(offsets.at(-1)! + array.byteLength));
    const bytes = new Uint8Array(offsets.at(-1)!);
    new DataView(bytes.buffer).setUint32(0, json.length, true);
    bytes.set(json, 4);
    arrays.forEach((array, index) =>
      bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[index]),
    );
    return bytes;
  }

  /**
   * Reads what `toBytes` wrote. The trie's arrays are views of `bytes` where it is aligned, so
   * `bytes` must not be changed afterwards. Throws on bytes of any other layout.
   */
  static fromBytes(bytes: Uint8Array): WordDictionary {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const jsonLength = bytes.length >= 4 ? view.getUint32(0, true) : Infinity;
    if (4 + jsonLength > bytes.length) throw new Error('not a word dictionary: too short');
    const header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength)),
    ) as DictionaryHeader;
    if (header.format !== BYTES_FORMAT)
      throw new Error(`not a word dictionary of format ${BYTES_FORMAT}: ${String(header.format)}`);
    let offset = alignUp(4 + jsonLength);
    /** The next typed array of `length` elements. */
    const next = <T extends Int32Array | Float64Array | Uint8Array>(
      type: {
        new (buffer: ArrayBuffer, offset: number, length: number): T;
        BYTES_PER_ELEMENT: number;
      },
      length: number,
    ): T => {
      const byteLength = length * type.BYTES_PER_ELEMENT;
      if (offset + byteLength > bytes.length) throw new Error('not a word dictionary: truncated');
      const at = bytes.byteOffset + offset;
      offset = alignUp(offset + byteLength);
      if (at % ALIGNMENT === 0) return new type(bytes.buffer as ArrayBuffer, at, length);
      const copy = new Uint8Array(byteLength);
      copy.set(bytes.subarray(at - bytes.byteOffset, at - bytes.byteOffset + byteLength));
      return new type(copy.buffer, 0, length);
    };
    const trie = new Trie({
      slots: next(Int32Array, header.slots),
      probabilities: next(Float64Array, header.capacity),
      childBits: next(Int32Array, header.capacity),
      classes: next(Uint8Array, header.capacity),
      nodes: header.nodes,
    });
    return new WordDictionary({
      trie,
      characters: new Set(header.characters),
      openers: new Set(header.openers),
      locatives: new Set(header.locatives),
      functionWords: new Set(header.functionWords),
      names: {
        surnames: new Map(header.surnames),
        givenNames: new Map(header.givenNames),
        total: header.total,
        given: header.given,
        share: header.share,
      },
    });
  }
}

/** `offset` rounded up to a multiple of `ALIGNMENT`. */
const alignUp = (offset: number): number => Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
