/**
 * Resolver for the characters a lossy double encoding damaged (see `decode-text`): each U+FFFD
 * the decoder left has a list of characters its surviving bytes may come from, and the reading
 * of its surroundings that the language model likes best decides. A stretch of a line is a
 * lattice (one option per intact character, the candidates at each damaged one); every way to
 * split it into dictionary words and names that fit the lattice is scored, and max-product
 * forward and backward passes give each candidate the score of the best reading that uses it,
 * which a context score of its two neighbours then adjusts. So neighbouring damage is resolved
 * together, the same damaged sequence in the same context always resolves the same way, and
 * each choice comes with a confidence; the unsure ones are reported with file, line, column and
 * candidates.
 */
import type { DamagedCharacter, DecodedText } from './decode-text';
import { diagnostic, type Diagnostic } from './diagnostics';
import {
  endsClause,
  FUNCTION_WORD_GAIN_LIMIT,
  LINE_BOUNDARY,
  NO_OPENER,
  OPENER_DISTANCE,
  PARTNER_REACH,
  symbolOf,
  WORD_BEFORE_LENGTH,
  type FunctionWordContext,
  type LanguageModel,
} from './language-model';
import { enlarged, MAX_WORD_LENGTH } from './word-dictionary';

/** True for the second half of a surrogate pair (NaN, past the text, is not). */
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Below this posterior a choice is reported as a guess; it is still made. */
export const MIN_CONFIDENCE = 0.9;
/** Candidates named in a low-confidence warning, likeliest first. */
const REPORTED_CANDIDATES = 4;

/** A character's choice and how sure the model is of it. */
export interface Resolution {
  damaged: DamagedCharacter;
  character: string;
  /** Posterior of the choice against the other candidates, 0–1. */
  confidence: number;
  /**
   * The candidates scored, with their posteriors, likeliest first. The others (unknown to the
   * model, or far behind by the pruner's score) were dropped before scoring; their posterior is 0.
   */
  ranked: { character: string; probability: number }[];
}

/** One position of a line's lattice: its possible characters and their expert symbols. */
interface Slot {
  /** The intact character, or the damaged one's candidates worth scoring (`CandidatePruner`). */
  options: readonly string[];
  codePoints: readonly number[];
  symbols: readonly number[];
  damaged: DamagedCharacter | null;
  /** What the word expert says of each option on its own. */
  alone: OptionScores;
  /**
   * A damaged slot's steps from its left neighbour and into its right one, where that neighbour
   * is intact (the character expert's scores the pruner already looked up); else null.
   */
  entering: Float64Array | null;
  leaving: Float64Array | null;
}

/** The slot of an intact character. */
function intactSlot(codePoint: number, model: LanguageModel): Slot {
  const codePoints = [codePoint];
  return {
    options: [String.fromCodePoint(codePoint)],
    codePoints,
    symbols: [symbolOf(codePoint)],
    damaged: null,
    alone: scoreOptions(codePoints, model),
    entering: null,
    leaving: null,
  };
}

/**
 * A window's lattice, scored. A state is the option chosen at the slot before a position, since
 * the character expert sees one character back: position 0 has one state (the character before
 * the window), position p > 0 has one per option of slot p - 1.
 */
interface Lattice {
  slots: readonly Slot[];
  /** `steps[p][state * options(p) + option]`: the character expert's score of slot p's option after that state. */
  steps: Float64Array[];
  /** Score of the character after the window, after each option of the last slot. */
  closing: Float64Array;
  edges: Edges;
}

/**
 * The words (and lone characters and names) that fit a window's lattice, in typed arrays reused
 * from window to window: a densely damaged window has tens of thousands of edges, and an object
 * per edge kept the garbage collector busier than the scoring. Edges are added start by start,
 * so the edges of one start are one range (`from`).
 */
class Edges {
  count = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  /** Option chosen at the edge's first and last slot. */
  first = new Int32Array(1024);
  last = new Int32Array(1024);
  /** Word expert plus the character expert's steps inside the word. */
  inner = new Float64Array(1024);
  /** Where the edge's options (one per slot from `start`) begin in `choices`. */
  choiceAt = new Int32Array(1024);
  choices = new Int32Array(4096);
  #choiceCount = 0;
  /** `from[start]` to `from[start + 1]` are the edges that start there. */
  readonly from: number[] = [0];

  /** Empties the list for the next window, keeping its memory. */
  clear(): void {
    this.count = 0;
    this.#choiceCount = 0;
    this.from.length = 1;
  }

  add(start: number, choice: readonly number[], length: number, inner: number): void {
    if (this.count === this.start.length) this.#growEdges();
    if (this.#choiceCount + length > this.choices.length)
      this.choices = enlarged(this.choices, 2 * this.choices.length);
    const edge = this.count++;
    this.start[edge] = start;
    this.end[edge] = start + length;
    this.first[edge] = choice[0]!;
    this.last[edge] = choice[length - 1]!;
    this.inner[edge] = inner;
    this.choiceAt[edge] = this.#choiceCount;
    for (let offset = 0; offset < length; offset++)
      this.choices[this.#choiceCount++] = choice[offset]!;
  }

  /** Marks the end of the edges that start at the current slot. */
  closeStart(): void {
    this.from.push(this.count);
  }

  #growEdges(): void {
    const length = 2 * this.start.length;
    this.start = enlarged(this.start, length);
    this.end = enlarged(this.end, length);
    this.first = enlarged(this.first, length);
    this.last = enlarged(this.last, length);
    this.inner = enlarged(this.inner, length);
    this.choiceAt = enlarged(this.choiceAt, length);
  }
}

/**
 * A step between two intact characters: every reading of the window takes it, so its score
 * shifts them all alike and is left out (0) rather than looked up. Only differences between
 * readings decide a choice and its confidence.
 */
const SHARED_STEP = Float64Array.of(0);

/**
 * The character expert's score of every option of every slot after every state, and of the
 * window's end. A step between an intact character and a damaged one is the pruner's, kept in the
 * damaged slot; only steps between two damaged characters are looked up here.
 */
function scoreSteps(
  slots: readonly Slot[],
  model: LanguageModel,
): Pick<Lattice, 'steps' | 'closing'> {
  const steps = slots.map((slot, position) => {
    const previous = slots[position - 1];
    if (!previous?.damaged) return slot.entering ?? SHARED_STEP;
    if (!slot.damaged) return previous.leaving!;
    return model.characterScores(previous.symbols, slot.symbols);
  });
  return { steps, closing: slots.at(-1)!.leaving ?? SHARED_STEP };
}

/** What the word expert says of each option of a slot on its own (`LanguageModel.alone`). */
interface OptionScores {
  /** The dictionary's node after the option's character, or -1. */
  nodes: Int32Array;
  /** Its score as a word of one character: the dictionary's, or the lone-character floor. */
  singles: Float64Array;
  /** Its score as a character of an unlisted given name, -Infinity when it cannot be one. */
  given: Float64Array;
  /** The most any option of the slot gains as a given-name character over being a single word. */
  gain: number;
}

/** The single scores of one slot's options. */
function scoreOptions(codePoints: readonly number[], model: LanguageModel): OptionScores {
  const nodes = new Int32Array(codePoints.length);
  const singles = new Float64Array(codePoints.length);
  const given = new Float64Array(codePoints.length);
  let gain = -Infinity;
  for (let option = 0; option < codePoints.length; option++) {
    const alone = model.alone(codePoints[option]!);
    nodes[option] = alone.node;
    singles[option] = alone.single;
    given[option] = alone.given;
    gain = Math.max(gain, alone.given - alone.single);
  }
  return { nodes, singles, given, gain };
}

/** The values at the options kept, by their indices. */
function keptValues<T extends Int32Array | Float64Array>(values: T, kept: readonly number[]): T {
  const chosen = new (values.constructor as new (length: number) => T)(kept.length);
  for (let index = 0; index < kept.length; index++) chosen[index] = values[kept[index]!]!;
  return chosen;
}

/** The scores of the options kept of a list's, by their indices in it. */
function keptScores(
  { nodes, singles, given }: OptionScores,
  kept: readonly number[],
): OptionScores {
  const scores: OptionScores = {
    nodes: keptValues(nodes, kept),
    singles: keptValues(singles, kept),
    given: keptValues(given, kept),
    gain: -Infinity,
  };
  for (let option = 0; option < kept.length; option++)
    scores.gain = Math.max(scores.gain, scores.given[option]! - scores.singles[option]!);
  return scores;
}

/**
 * Adds every dictionary word, lone character and unlisted name that fits the lattice from each
 * start. A longer edge whose word score is no better than its characters' scores as single
 * words is left out: the chain of single characters makes the same choices with the same steps
 * and scores at least as well in every reading, so no pass's result changes. Most unlisted
 * names are such edges (two in three edges before this).
 */
function findEdges(
  slots: readonly Slot[],
  steps: readonly Float64Array[],
  model: LanguageModel,
  edges: Edges,
): Edges {
  edges.clear();
  const choice: number[] = [];
  /**
   * Extends the word in `choice` (slots `start` to `end` - 1, dictionary node `node`) by one
   * slot; `inner` is the sum of its steps, `chain` the sum of its characters' single scores.
   */
  const extend = (start: number, end: number, node: number, inner: number, chain: number): void => {
    const next = slots[end];
    if (!next || end - start >= MAX_WORD_LENGTH) return;
    const state = choice[end - start - 1]!;
    for (let option = 0; option < next.options.length; option++) {
      const child = model.child(node, next.codePoints[option]!);
      if (child === -1) continue;
      choice[end - start] = option;
      const score = inner + steps[end]![state * next.options.length + option]!;
      const chained = chain + next.alone.singles[option]!;
      const word = model.wordScore(child);
      if (word > chained) edges.add(start, choice, end - start + 1, word + score);
      extend(start, end + 1, child, score, chained);
    }
  };
  slots.forEach((slot, start) => {
    for (let option = 0; option < slot.options.length; option++) {
      const codePoint = slot.codePoints[option]!;
      const single = slot.alone.singles[option]!;
      choice[0] = option;
      edges.add(start, choice, 1, single);
      const node = slot.alone.nodes[option]!;
      if (node !== -1) extend(start, start + 1, node, 0, single);
      if (model.isSurname(codePoint)) addNames(slots, steps, start, option, model, edges);
    }
    edges.closeStart();
  });
  return edges;
}

/** Shortest and longest given name, in characters, of a name the dictionary does not list. */
const GIVEN_NAME_LENGTHS = [1, 2];

/**
 * Adds an edge for every name that starts with the surname at `start` (肖 + 健, 王 + 庆) and
 * scores better than its characters as single words (see `findEdges`).
 */
function addNames(
  slots: readonly Slot[],
  steps: readonly Float64Array[],
  start: number,
  surname: number,
  model: LanguageModel,
  edges: Edges,
): void {
  const longest = GIVEN_NAME_LENGTHS.at(-1)!;
  const choice = [surname];
  /** `score` is the name so far; `gain` what it scores above its characters as single words. */
  const grow = (score: number, gain: number): void => {
    const given = choice.length - 1;
    if (GIVEN_NAME_LENGTHS.includes(given) && gain > 0)
      edges.add(start, choice, choice.length, score);
    const position = start + choice.length;
    const next = slots[position];
    if (!next || given >= longest) return;
    // Gains still possible after the next character, for the given names that go on past it.
    const later = given + 1 < longest ? Math.max(0, slots[position + 1]?.alone.gain ?? 0) : 0;
    const state = choice.at(-1)!;
    const step = steps[position]!;
    for (let index = 0; index < next.options.length; index++) {
      const name = next.alone.given[index]!;
      const grown = gain + name - next.alone.singles[index]!;
      if (name === -Infinity || grown + later <= 0) continue;
      choice.push(index);
      grow(score + name + step[state * next.options.length + index]!, grown);
      choice.pop();
    }
  };
  const surnameScore = model.surnameScore(slots[start]!.codePoints[surname]!);
  grow(surnameScore, surnameScore - slots[start]!.alone.singles[surname]!);
}

/**
 * A window's scores, in typed arrays reused from window to window as `Edges` are: position p's
 * states (one per option of slot p - 1, one at p = 0) begin at `stateAt[p]`, slot p's options at
 * `optionAt[p]`.
 */
class WindowScores {
  readonly stateAt: number[] = [];
  readonly optionAt: number[] = [];
  /** The best reading up to each position, ending in each state. */
  forward: Float64Array = new Float64Array(256);
  /** The best rest of the reading from each position on, after each state. */
  backward: Float64Array = new Float64Array(256);
  /** The best reading up to and including the step into each option of each slot. */
  entering: Float64Array = new Float64Array(256);
  /** Each damaged slot's options: the best whole reading through an edge that chooses them. */
  marginals: Float64Array = new Float64Array(256);
  /** The best rest of the reading from the slot being scored on, by its option. */
  leaving: Float64Array = new Float64Array(64);

  /** Sizes the arrays for a window's slots, every score at -Infinity. */
  prepare(slots: readonly Slot[]): void {
    this.stateAt.length = this.optionAt.length = 0;
    let [states, options] = [0, 0];
    slots.forEach((slot, position) => {
      this.stateAt.push(states);
      this.optionAt.push(options);
      states += position === 0 ? 1 : slots[position - 1]!.options.length;
      options += slot.options.length;
      this.leaving = room(this.leaving, slot.options.length);
    });
    this.stateAt.push(states);
    this.optionAt.push(options);
    states += slots.at(-1)!.options.length;
    this.forward = room(this.forward, states).fill(-Infinity, 0, states);
    this.backward = room(this.backward, states).fill(-Infinity, 0, states);
    this.entering = room(this.entering, options).fill(-Infinity, 0, options);
    this.marginals = room(this.marginals, options).fill(-Infinity, 0, options);
  }

  /** A slot's marginals, by option. */
  marginal(position: number): number[] {
    const marginal: number[] = [];
    for (let at = this.optionAt[position]!; at < this.optionAt[position + 1]!; at++)
      marginal.push(this.marginals[at]!);
    return marginal;
  }

  /** The option of a slot with the best marginal, the first of equals. */
  best(position: number): number {
    const from = this.optionAt[position]!;
    const to = this.optionAt[position + 1]!;
    let best = from;
    for (let at = from + 1; at < to; at++)
      if (this.marginals[at]! > this.marginals[best]!) best = at;
    return best - from;
  }
}

/** `array`, or a larger one of the same kind when it has fewer than `length` elements. */
function room(array: Float64Array, length: number): Float64Array {
  return array.length >= length ? array : new Float64Array(Math.max(length, 2 * array.length));
}

/**
 * Scores every candidate of a window's damaged slots by the best reading that uses it
 * (max-product forward and backward passes over the lattice), into `scores`. An edge's score
 * depends on the state before it only through the step into its first option, so each pass takes
 * the best state once per option, not once per edge.
 */
function scoreWindow({ slots, steps, closing, edges }: Lattice, scores: WindowScores): void {
  scores.prepare(slots);
  const { stateAt, optionAt, forward, backward, entering, marginals, leaving } = scores;
  const last = slots.length;
  forward[0] = 0;
  for (let start = 0; start < last; start++) {
    const width = slots[start]!.options.length;
    const from = stateAt[start]!;
    const to = stateAt[start + 1]!;
    const into = optionAt[start]!;
    const step = steps[start]!;
    for (let state = 0; state < to - from; state++) {
      const value = forward[from + state]!;
      if (value === -Infinity) continue;
      for (let option = 0; option < width; option++) {
        const total = value + step[state * width + option]!;
        if (total > entering[into + option]!) entering[into + option] = total;
      }
    }
    for (let edge = edges.from[start]!; edge < edges.from[start + 1]!; edge++) {
      const total = entering[into + edges.first[edge]!]! + edges.inner[edge]!;
      const target = stateAt[edges.end[edge]!]! + edges.last[edge]!;
      if (total > forward[target]!) forward[target] = total;
    }
  }
  backward.set(closing, stateAt[last]);
  for (let start = last - 1; start >= 0; start--) {
    const width = slots[start]!.options.length;
    leaving.fill(-Infinity, 0, width);
    for (let edge = edges.from[start]!; edge < edges.from[start + 1]!; edge++) {
      const total = edges.inner[edge]! + backward[stateAt[edges.end[edge]!]! + edges.last[edge]!]!;
      const first = edges.first[edge]!;
      if (total > leaving[first]!) leaving[first] = total;
    }
    const from = stateAt[start]!;
    const to = stateAt[start + 1]!;
    const step = steps[start]!;
    for (let state = 0; state < to - from; state++) {
      let best = -Infinity;
      for (let option = 0; option < width; option++)
        best = Math.max(best, step[state * width + option]! + leaving[option]!);
      backward[from + state] = best;
    }
  }
  // Each damaged slot's candidates: the best whole reading through an edge that chooses them.
  const damagedBefore = [0];
  for (const slot of slots) damagedBefore.push(damagedBefore.at(-1)! + (slot.damaged ? 1 : 0));
  for (let edge = 0; edge < edges.count; edge++) {
    const start = edges.start[edge]!;
    const end = edges.end[edge]!;
    if (damagedBefore[end] === damagedBefore[start]) continue;
    const total =
      entering[optionAt[start]! + edges.first[edge]!]! +
      edges.inner[edge]! +
      backward[stateAt[end]! + edges.last[edge]!]!;
    for (let position = start; position < end; position++) {
      const at = optionAt[position]! + edges.choices[edges.choiceAt[edge]! + position - start]!;
      if (total > marginals[at]!) marginals[at] = total;
    }
  }
}

/**
 * The candidates the model knows anything of (see `LanguageModel.knows`) and those a rule of
 * their line judges (`isRuledByItsLine`), or all of them when it knows none. One the model knows
 * nothing of scores at the floor of every expert and is never chosen over one it knows; dropping
 * them before scoring spares most of the work, since a damaged character has 16 candidates and
 * two neighbouring ones make 256 pairs.
 */
function knownCandidates(candidates: readonly string[], model: LanguageModel): string[] {
  const known = candidates.filter((candidate) => model.knows(candidate.codePointAt(0)!));
  if (known.length === 0) return [...candidates];
  return candidates.filter((candidate) => known.includes(candidate) || isRuledByItsLine(candidate));
}

/**
 * Past this many nats behind the best candidate by `CandidatePruner`'s cheap score, a candidate
 * is dropped before the lattice is built. Over the bench's 98,000 damaged characters the restored
 * text stays the same to the character (8 nats lost 18), while a damaged character keeps about
 * 4 of its 12 known candidates, and two damaged neighbours about 16 pairs instead of 150.
 */
const PRUNING_MARGIN = 12;

/** A candidate list as `CandidatePruner` keeps it, with what it knows of each candidate alone. */
interface CandidateList {
  candidates: readonly string[];
  codePoints: number[];
  symbols: number[];
  alone: OptionScores;
  /** Whether a rule of its line judges the candidate (`isRuledByItsLine`): it is always kept. */
  ruled: boolean[];
}

/**
 * Keeps of a damaged character's candidates those within `PRUNING_MARGIN` of the best by a
 * cheap, optimistic score: its bigrams with its intact neighbours plus its score as a word of
 * one character. A damaged neighbour adds nothing, the most any of its candidates could add, so
 * the score only ever flatters. The scores are kept per candidate list and neighbour, since a
 * post repeats the same characters beside the same neighbours: this way pruning costs less
 * than the lattice work it spares, and the bigrams are the lattice's steps to and from those
 * neighbours.
 */
class CandidatePruner {
  readonly #model: LanguageModel;
  readonly #lists = new Map<readonly string[], CandidateList>();
  /** Bigram scores of each list after a symbol, and before one. */
  readonly #into = new Map<CandidateList, Map<number, Float64Array>>();
  readonly #out = new Map<CandidateList, Map<number, Float64Array>>();

  constructor(model: LanguageModel) {
    this.#model = model;
  }

  /**
   * The lattice slot of a damaged character between two neighbour symbols (null for a damaged
   * neighbour): the candidates worth a place in it, in their order.
   */
  slot(
    candidates: readonly string[],
    damaged: DamagedCharacter | null,
    left: number | null,
    right: number | null,
  ): Slot {
    const list = this.#list(candidates);
    const into = left === null ? null : this.#row(this.#into, list, left, 'into');
    const out = right === null ? null : this.#row(this.#out, list, right, 'out');
    const { singles } = list.alone;
    let best = -Infinity;
    for (let option = 0; option < singles.length; option++)
      best = Math.max(best, singles[option]! + (into?.[option] ?? 0) + (out?.[option] ?? 0));
    const kept: number[] = [];
    for (let option = 0; option < singles.length; option++) {
      const score = singles[option]! + (into?.[option] ?? 0) + (out?.[option] ?? 0);
      if (score >= best - PRUNING_MARGIN || list.ruled[option]) kept.push(option);
    }
    if (kept.length === candidates.length)
      return {
        options: list.candidates,
        codePoints: list.codePoints,
        symbols: list.symbols,
        damaged,
        alone: list.alone,
        entering: into,
        leaving: out,
      };
    return {
      options: kept.map((option) => candidates[option]!),
      codePoints: kept.map((option) => list.codePoints[option]!),
      symbols: kept.map((option) => list.symbols[option]!),
      damaged,
      alone: keptScores(list.alone, kept),
      entering: into && keptValues(into, kept),
      leaving: out && keptValues(out, kept),
    };
  }

  #list(candidates: readonly string[]): CandidateList {
    let list = this.#lists.get(candidates);
    if (!list) {
      const codePoints = candidates.map((candidate) => candidate.codePointAt(0)!);
      const alone = scoreOptions(codePoints, this.#model);
      const ruled = candidates.map(isRuledByItsLine);
      list = { candidates, codePoints, symbols: codePoints.map(symbolOf), alone, ruled };
      this.#lists.set(candidates, list);
    }
    return list;
  }

  #row(
    rows: Map<CandidateList, Map<number, Float64Array>>,
    list: CandidateList,
    neighbour: number,
    side: 'into' | 'out',
  ): Float64Array {
    let byNeighbour = rows.get(list);
    if (!byNeighbour) rows.set(list, (byNeighbour = new Map()));
    let row = byNeighbour.get(neighbour);
    if (!row) {
      row =
        side === 'into'
          ? this.#model.characterScores([neighbour], list.symbols)
          : this.#model.characterScores(list.symbols, [neighbour]);
      byNeighbour.set(neighbour, row);
    }
    return row;
  }
}

/** The candidates `CandidatePruner` keeps for one damaged character between two neighbour symbols. */
export function likelyCandidates(
  candidates: readonly string[],
  left: number | null,
  right: number | null,
  model: LanguageModel,
): string[] {
  return new CandidatePruner(model).slot(candidates, null, left, right).options.slice();
}

/**
 * The symbol of the neighbour of a damaged character that ends just before, or starts at, a
 * UTF-16 index (a line boundary past the line), or null when that neighbour is damaged too.
 */
function neighbourAt(
  text: string,
  index: number,
  side: 'left' | 'right',
  damagedAt: ReadonlyMap<number, DamagedCharacter>,
): number | null {
  const isLow = isLowSurrogate(text.charCodeAt(index - 1));
  const start = side === 'right' ? index : isLow ? index - 2 : index - 1;
  if (start < 0 || start >= text.length || text[start] === '\n') return LINE_BOUNDARY;
  if (damagedAt.has(start)) return null;
  return symbolOf(text.codePointAt(start)!);
}

/**
 * Past this many nats behind the best, a candidate's posterior is below 10⁻⁸: it is ranked with
 * probability 0 without its context score.
 */
const NEGLIGIBLE = 20;

/**
 * Each candidate's marginal plus its context score. A context score is never above `gain` (a
 * count in a context never exceeds the count overall; only a function word's score, where
 * `gain` is `FUNCTION_WORD_GAIN_LIMIT`, may be above 0), so a candidate whose marginal is
 * already `NEGLIGIBLE` plus `gain` behind the best candidate's final score can neither win nor
 * matter to the posteriors, and its context, the slowest look-up of all, is skipped.
 */
function addContext(
  marginals: readonly number[],
  context: (option: number) => number,
  gain: number,
): number[] {
  const leader = marginals.indexOf(Math.max(...marginals));
  const top = marginals[leader]! + context(leader);
  const bar = top - NEGLIGIBLE - gain;
  return marginals.map((marginal, option) => {
    if (option === leader) return top;
    return marginal < bar ? -Infinity : marginal + context(option);
  });
}

/** Softmax of a damaged slot's candidate scores, likeliest first. */
function rank(options: readonly string[], scores: readonly number[]): Resolution['ranked'] {
  const top = Math.max(...scores);
  const weights = scores.map((score) => Math.exp(score - top));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return options
    .map((character, index) => ({ character, probability: weights[index]! / sum }))
    .sort((a, b) => b.probability - a.probability);
}

/** Closing brackets by their opening ones. */
const BRACKETS = new Map([
  ['「', '」'],
  ['『', '』'],
  ['【', '】'],
  ['（', '）'],
  ['《', '》'],
  ['〈', '〉'],
  ['〔', '〕'],
  ['“', '”'],
]);
const CLOSING = new Set(BRACKETS.values());

/**
 * True for a character that a rule of its line judges whatever the model knows of it (a
 * bracket, the zero-width joiner, a skin tone: see `bracketScore` and `emojiScore`):
 * `knownCandidates` and `likelyCandidates` always keep one.
 */
function isRuledByItsLine(character: string): boolean {
  return (
    BRACKETS.has(character) ||
    CLOSING.has(character) ||
    character === JOINER ||
    SKIN_TONE.test(character)
  );
}

/**
 * Log-score of a bracket its line does not pair: 、, 」, 『 and 【 (E3 80 81, 8D, 8E, 90) lose
 * different bytes of the same two survivors, and a 」 with no 「 before it on the line, or a 【
 * with no 】 after it, is almost always a 、. Strong enough to outweigh a site that never wrote
 * the bracket, which costs a candidate about 10 nats: at 5 seed 004's 【活动回顾】 was a 、, and
 * at 10 such a 【 tied with the 、.
 */
const UNMATCHED_BRACKET = -20;

/** The innermost bracket still open on the line before `index`, counting the choices made so far. */
function openBracket(
  text: string,
  index: number,
  chosenAt: ReadonlyMap<number, string>,
): string | null {
  const stack: string[] = [];
  for (let at = text.lastIndexOf('\n', index - 1) + 1; at < index; at++) {
    const character = chosenAt.get(at) ?? text[at]!;
    if (BRACKETS.has(character)) stack.push(character);
    else if (CLOSING.has(character) && BRACKETS.get(stack.at(-1) ?? '') === character) stack.pop();
  }
  return stack.at(-1) ?? null;
}

/**
 * True when the rest of the line after `index` may close the bracket `opening`: its closing
 * bracket is there, intact or among a damaged character's candidates.
 */
function mayClose(
  text: string,
  index: number,
  opening: string,
  damagedAt: ReadonlyMap<number, DamagedCharacter>,
): boolean {
  const closing = BRACKETS.get(opening)!;
  const lineEnd = text.indexOf('\n', index);
  for (let at = index + 1; at < (lineEnd === -1 ? text.length : lineEnd); at++) {
    if (text[at] === closing) return true;
    if (damagedAt.get(at)?.candidates.includes(closing)) return true;
  }
  return false;
}

/**
 * `UNMATCHED_BRACKET` for a closing bracket that does not close the open one, and for an opening
 * bracket the rest of its line cannot close; else 0.
 */
function bracketScore(
  candidate: string,
  open: () => string | null,
  closes: (opening: string) => boolean,
): number {
  if (BRACKETS.has(candidate)) return closes(candidate) ? 0 : UNMATCHED_BRACKET;
  if (!CLOSING.has(candidate)) return 0;
  const opening = open();
  return opening !== null && BRACKETS.get(opening) === candidate ? 0 : UNMATCHED_BRACKET;
}

/**
 * The closing bracket a damaged character must be, or null: the one among its options that
 * closes the bracket open before it, when nothing later on the line (intact, or among a damaged
 * character's candidates) could close that bracket instead. Every other option would leave the
 * bracket open, and scores `UNMATCHED_BRACKET`: 「头哥侃码」作者 closes its 「 at the 」 that
 * lost a byte, not at a 、.
 */
function requiredCloser(
  options: readonly string[],
  open: () => string | null,
  closedLater: (opening: string) => boolean,
): string | null {
  if (!options.some((option) => CLOSING.has(option))) return null;
  const opening = open();
  const closing = opening === null ? undefined : BRACKETS.get(opening);
  if (closing === undefined || !options.includes(closing)) return null;
  return closedLater(opening!) ? null : closing;
}

/**
 * The first closing bracket after `index` on its line that nothing after `index` opened, or null;
 * null too when a damaged character that may be an opening bracket comes first.
 */
function unopenedCloser(
  text: string,
  index: number,
  damagedAt: ReadonlyMap<number, DamagedCharacter>,
): string | null {
  const stack: string[] = [];
  const lineEnd = text.indexOf('\n', index);
  for (let at = index + 1; at < (lineEnd === -1 ? text.length : lineEnd); at++) {
    const character = text[at]!;
    if (damagedAt.get(at)?.candidates.some((candidate) => BRACKETS.has(candidate))) return null;
    if (BRACKETS.has(character)) stack.push(character);
    else if (!CLOSING.has(character)) continue;
    else if (BRACKETS.get(stack.at(-1) ?? '') === character) stack.pop();
    else return character;
  }
  return null;
}

/** Opening brackets by their closing ones. */
const OPENING = new Map([...BRACKETS].map(([opening, closing]) => [closing, opening]));

/**
 * The opening bracket a damaged character must be, or null: the one among its options that
 * opens a bracket the rest of its line closes without opening it, unless it is open already.
 * 、活动回顾】 with its 、 damaged is 【活动回顾】.
 */
function requiredOpener(
  options: readonly string[],
  open: () => string | null,
  unopened: () => string | null,
): string | null {
  if (!options.some((option) => BRACKETS.has(option))) return null;
  const opening = OPENING.get(unopened() ?? '');
  if (opening === undefined || !options.includes(opening) || open() === opening) return null;
  return opening;
}

/** Unicode's emoji properties, for `emojiScore`. */
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const SKIN_TONE = /^\p{Emoji_Modifier}$/u;
const TAKES_SKIN_TONE = /^\p{Emoji_Modifier_Base}$/u;
const JOINER = '\u200D';

/**
 * Log-score of a candidate that breaks an emoji sequence: all but a veto, since the joiner and
 * the skin tones are characters no post's text teaches, far behind any the model knows.
 */
const BROKEN_EMOJI = -30;

/** What the grammar of emoji sequences says of a damaged character's site (`emojiSite`). */
interface EmojiSite {
  /** A zero-width joiner fits: a pictograph, or its skin tone, before and a pictograph after. */
  joins: boolean;
  /** The character before is an emoji that takes a skin tone. */
  takesSkinTone: boolean;
  /** Among the candidates: a joiner, a skin tone. */
  joinerOffered: boolean;
  skinToneOffered: boolean;
}

/** The emoji grammar of a site between two chosen neighbours (symbols), for `emojiScore`. */
function emojiSite(options: readonly string[], left: number, right: number): EmojiSite {
  const before = String.fromCodePoint(left);
  const after = String.fromCodePoint(right);
  return {
    joins: (PICTOGRAPH.test(before) || SKIN_TONE.test(before)) && PICTOGRAPH.test(after),
    takesSkinTone: TAKES_SKIN_TONE.test(before),
    joinerOffered: options.includes(JOINER),
    skinToneOffered: options.some((option) => SKIN_TONE.test(option)),
  };
}

/**
 * `BROKEN_EMOJI` for a candidate the grammar of emoji sequences rules out at its site, else 0.
 * A zero-width joiner (E2 80 8D, which loses its last byte as ” does) stands only between a
 * pictograph, or its skin tone, and another pictograph, and there nothing else among the
 * candidates does; a skin tone (🏻, which loses a byte as 🍻 and 🎻 do) only follows an emoji
 * that takes one, and after such an emoji it beats the other candidates.
 */
function emojiScore(character: string, site: EmojiSite): number {
  if (character === JOINER) return site.joins ? 0 : BROKEN_EMOJI;
  if (site.joins && site.joinerOffered) return BROKEN_EMOJI;
  if (SKIN_TONE.test(character)) return site.takesSkinTone ? 0 : BROKEN_EMOJI;
  if (site.takesSkinTone && site.skinToneOffered) return BROKEN_EMOJI;
  return 0;
}

/**
 * Intact characters kept on each side of the damage a window covers; damage closer than twice
 * this shares a window. Most words are shorter, so a window's ends hardly ever change a choice,
 * and a long line (a table row, a paragraph) with a few damaged characters is not scored whole.
 * On densely damaged posts the windows grow into whole lines anyway. On the bench 3 restores 4
 * characters more than 4 did (97,291 of 98,254), and 2 loses 12.
 */
const WINDOW_CONTEXT = 3;

/** Stretches of a line to score together: each damaged character with its intact surroundings. */
function findWindows(
  text: string,
  damaged: readonly DamagedCharacter[],
): { from: number; to: number; damaged: DamagedCharacter[] }[] {
  const windows: { from: number; to: number; damaged: DamagedCharacter[] }[] = [];
  for (const character of damaged) {
    const window = windows.at(-1);
    if (
      window &&
      window.to + 2 * WINDOW_CONTEXT >= character.index &&
      window.damaged[0]!.line === character.line
    ) {
      window.damaged.push(character);
      window.to = character.index + 1;
    } else {
      const lineStart = text.lastIndexOf('\n', character.index - 1) + 1;
      windows.push({
        from: Math.max(lineStart, character.index - WINDOW_CONTEXT),
        to: character.index + 1,
        damaged: [character],
      });
    }
  }
  for (const window of windows) {
    const lineEnd = text.indexOf('\n', window.to);
    window.to = Math.min(lineEnd === -1 ? text.length : lineEnd, window.to + WINDOW_CONTEXT);
    // Never split a surrogate pair.
    if (isLowSurrogate(text.charCodeAt(window.from))) window.from--;
    if (isLowSurrogate(text.charCodeAt(window.to))) window.to++;
  }
  return windows;
}

/**
 * The last clause opener (`LanguageModel.isClauseOpener`) of the clause before a UTF-16 index,
 * at least `OPENER_DISTANCE` characters back, reading damaged characters as they were chosen;
 * `NO_OPENER` when there is none.
 */
function clauseOpenerBefore(
  text: string,
  index: number,
  chosenAt: ReadonlyMap<number, string>,
  model: LanguageModel,
): number {
  let distance = 0;
  // Locatives met on the way back, each closing the nearest opener before it.
  let closers = 0;
  for (let at = index - 1; at >= 0; at--) {
    if (isLowSurrogate(text.charCodeAt(at))) at--;
    distance++;
    const chosen = chosenAt.get(at);
    const codePoint = chosen === undefined ? text.codePointAt(at)! : chosen.codePointAt(0)!;
    if (endsClause(symbolOf(codePoint))) return NO_OPENER;
    if (model.isLocative(codePoint)) closers++;
    if (!model.isClauseOpener(codePoint)) continue;
    if (closers > 0) closers--;
    else if (distance >= OPENER_DISTANCE) return codePoint;
  }
  return NO_OPENER;
}

/** Stands for a damaged character not yet resolved: no dictionary word goes through it. */
const UNRESOLVED = 0xfffd;

/**
 * The symbols on one side of a damaged character at a UTF-16 index, in text order: up to `reach`
 * of them on its line, damaged characters read as `resolved` gives them and ending at one it
 * does not know yet.
 */
function symbolsBeside(
  text: string,
  index: number,
  side: 'left' | 'right',
  resolved: (index: number) => number | undefined,
  damagedAt: ReadonlyMap<number, DamagedCharacter>,
  reach: number,
): number[] {
  const symbols: number[] = [];
  const step = side === 'left' ? -1 : 1;
  let at = index + step;
  while (symbols.length < reach) {
    if (side === 'left' && isLowSurrogate(text.charCodeAt(at))) at--;
    if (at < 0 || at >= text.length || text[at] === '\n') {
      symbols.push(LINE_BOUNDARY);
      break;
    }
    const symbol = damagedAt.has(at) ? resolved(at) : symbolOf(text.codePointAt(at)!);
    symbols.push(symbol ?? UNRESOLVED);
    if (symbol === undefined) break;
    at += side === 'right' && text.codePointAt(at)! > 0xffff ? 2 : step;
  }
  return side === 'left' ? symbols.reverse() : symbols;
}

/**
 * The words around the damaged character at a UTF-16 index, read as `symbolsBeside` reads them,
 * for `LanguageModel.functionWordScore`.
 */
function wordsAround(
  text: string,
  index: number,
  resolved: (index: number) => number | undefined,
  damagedAt: ReadonlyMap<number, DamagedCharacter>,
  model: LanguageModel,
): FunctionWordContext {
  const left = symbolsBeside(text, index, 'left', resolved, damagedAt, WORD_BEFORE_LENGTH + 1);
  const right = symbolsBeside(text, index, 'right', resolved, damagedAt, PARTNER_REACH);
  return model.functionWordContext(
    model.classBefore(left, left.length),
    model.classAfter(right, 0),
    model.wordsAfter(right, 0),
  );
}

/** The symbol of the character ending just before a UTF-16 index, or a boundary at a line start. */
function symbolBefore(text: string, index: number): number {
  if (index === 0 || text[index - 1] === '\n') return LINE_BOUNDARY;
  const isLow = isLowSurrogate(text.charCodeAt(index - 1));
  return symbolOf(text.codePointAt(index - (isLow ? 2 : 1))!);
}

/**
 * True when a 《 opens before a UTF-16 index on its line and no 》 closes it in between. The
 * double encodings Sidecar repairs never damage these two marks (their bytes are defined in
 * every code page), so the text as decoded tells.
 */
function isInsideTitle(text: string, index: number): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const character = text[at];
    if (character === '《') return true;
    if (character === '》' || character === '\n') return false;
  }
  return false;
}

/** Chooses a character for every damaged one of a decoded text. */
export function resolveDamaged(
  decoded: Pick<DecodedText, 'text' | 'damaged'>,
  model: LanguageModel,
): Resolution[] {
  const { text } = decoded;
  const resolutions: Resolution[] = [];
  /** The characters chosen so far, by index, for the bracket pairing of those after them. */
  const chosenAt = new Map<number, string>();
  const damagedAt = new Map(decoded.damaged.map((damaged) => [damaged.index, damaged]));
  const edges = new Edges();
  const scores = new WindowScores();
  const known = new Map<readonly string[], string[]>();
  const pruner = new CandidatePruner(model);
  /** The slot of each intact character: the same in every window, so made once. */
  const intactSlots = new Map<number, Slot>();
  for (const window of findWindows(text, decoded.damaged)) {
    const at = new Map(window.damaged.map((damaged) => [damaged.index, damaged]));
    const slots: Slot[] = [];
    for (let index = window.from; index < window.to;) {
      const codePoint = text.codePointAt(index)!;
      const damaged = at.get(index) ?? null;
      index += codePoint > 0xffff ? 2 : 1;
      if (!damaged) {
        let slot = intactSlots.get(codePoint);
        if (!slot) intactSlots.set(codePoint, (slot = intactSlot(codePoint, model)));
        slots.push(slot);
        continue;
      }
      let candidates = known.get(damaged.candidates);
      if (!candidates)
        known.set(damaged.candidates, (candidates = knownCandidates(damaged.candidates, model)));
      slots.push(
        pruner.slot(
          candidates,
          damaged,
          neighbourAt(text, damaged.index, 'left', damagedAt),
          neighbourAt(text, damaged.index + 1, 'right', damagedAt),
        ),
      );
    }
    const before = symbolBefore(text, window.from);
    const after =
      window.to >= text.length || text[window.to] === '\n'
        ? LINE_BOUNDARY
        : symbolOf(text.codePointAt(window.to)!);
    const steps = scoreSteps(slots, model);
    findEdges(slots, steps.steps, model, edges);
    scoreWindow({ slots, ...steps, edges }, scores);
    // The chosen symbols, padded with the window's surroundings: slot i is at i + 2.
    const chosen = [LINE_BOUNDARY, before];
    slots.forEach((slot, position) => chosen.push(slot.symbols[scores.best(position)]!));
    chosen.push(after, LINE_BOUNDARY);
    // The window's damaged characters as its best reading has them, for the words beside each.
    const bestInWindow = new Map<number, number>();
    slots.forEach((slot, position) => {
      if (slot.damaged) bestInWindow.set(slot.damaged.index, chosen[position + 2]!);
    });
    slots.forEach((slot, position) => {
      if (!slot.damaged) return;
      const left2 = chosen[position]!;
      const left = chosen[position + 1]!;
      const right = chosen[position + 3]!;
      const right2 = chosen[position + 4]!;
      // Looked up only for a closing-bracket candidate: it scans the line so far.
      let opening: string | null | undefined;
      const open = (): string | null =>
        opening === undefined
          ? (opening = openBracket(text, slot.damaged!.index, chosenAt))
          : opening;
      const opener = clauseOpenerBefore(text, slot.damaged.index, chosenAt, model);
      const resolved = (index: number): number | undefined => {
        const character = chosenAt.get(index);
        return character === undefined
          ? bestInWindow.get(index)
          : symbolOf(character.codePointAt(0)!);
      };
      // The words around, read where two options or more are function words, to tell them apart.
      const words =
        slot.symbols.filter(model.isFunctionWord).length > 1
          ? wordsAround(text, slot.damaged.index, resolved, damagedAt, model)
          : null;
      /** True when the rest of the line may close the bracket `opening` (`mayClose`). */
      const closes = (opening: string): boolean =>
        mayClose(text, slot.damaged!.index, opening, damagedAt);
      // Worked out once per slot, at its first context score.
      let required: string | null | undefined;
      const closer = (): string | null =>
        required === undefined
          ? (required =
              requiredCloser(slot.options, open, closes) ??
              requiredOpener(slot.options, open, () =>
                unopenedCloser(text, slot.damaged!.index, damagedAt),
              ))
          : required;
      const inTitle = isInsideTitle(text, slot.damaged.index);
      // The left neighbour as already resolved, where the best reading alone left a tie.
      const leftDamage = slots[position - 1]?.damaged;
      const chosenLeft = leftDamage ? chosenAt.get(leftDamage.index)!.codePointAt(0)! : left;
      const emoji = emojiSite(slot.options, chosenLeft, right);
      const context = (option: number): number => {
        const character = slot.options[option]!;
        const leavesOpen = (closer() ?? character) !== character;
        return (
          model.contextScore(slot.symbols[option]!, left2, left, right, right2, opener) +
          model.titleScore(slot.symbols[option]!, inTitle) +
          (words ? model.functionWordScore(slot.symbols[option]!, words) : 0) +
          bracketScore(character, open, closes) +
          (leavesOpen ? UNMATCHED_BRACKET : 0) +
          emojiScore(character, emoji)
        );
      };
      const ranked = rank(
        slot.options,
        addContext(scores.marginal(position), context, words ? FUNCTION_WORD_GAIN_LIMIT : 0),
      );
      const best = ranked[0]!;
      chosenAt.set(slot.damaged.index, best.character);
      resolutions.push({
        damaged: slot.damaged,
        character: best.character,
        confidence: best.probability,
        ranked,
      });
    });
  }
  return resolutions;
}

/**
 * The decoded text with every damaged character replaced by its resolution. The decoder's
 * per-line "could not be restored" warnings give way to one warning per character the model was
 * unsure of, naming its candidates; the summary warning says how many were chosen.
 */
export function applyResolutions(
  decoded: DecodedText,
  resolutions: readonly Resolution[],
  file: string,
): DecodedText {
  let text = '';
  let copied = 0;
  for (const { damaged, character } of resolutions) {
    text += decoded.text.slice(copied, damaged.index) + character;
    copied = damaged.index + 1;
  }
  text += decoded.text.slice(copied);
  const unsure = resolutions.filter((resolution) => resolution.confidence < MIN_CONFIDENCE);
  const diagnostics: Diagnostic[] = [];
  for (const item of decoded.diagnostics) {
    if (item.code === 'encoding-lost-bytes') continue;
    if (item.code !== 'encoding-double-encoded') diagnostics.push(item);
    else
      diagnostics.push({
        ...item,
        message: item.message.replace(
          /and \d+ could not be\./,
          `and ${resolutions.length} that lost bytes were chosen by their context (${unsure.length} of them uncertain, each reported).`,
        ),
      });
  }
  for (const { damaged, character, ranked } of unsure) {
    const candidates = ranked
      .slice(0, REPORTED_CANDIDATES)
      .map((entry) => `${entry.character} ${Math.round(entry.probability * 100)}%`)
      .join(', ');
    diagnostics.push(
      diagnostic(
        'warning',
        'encoding-guessed-character',
        file,
        `A character that lost bytes in the double encoding was restored as ${character}, but it may be another (${candidates}). Check it against the original post.`,
        damaged.line,
        damaged.column,
      ),
    );
  }
  return { ...decoded, text, damaged: [], diagnostics };
}

/** Restores every character of a decoded text that lost bytes; text without damage comes back as it was. */
export function restoreLostBytes(
  decoded: DecodedText,
  model: LanguageModel,
  file: string,
): DecodedText {
  if (decoded.damaged.length === 0) return decoded;
  return applyResolutions(decoded, resolveDamaged(decoded, model), file);
}
