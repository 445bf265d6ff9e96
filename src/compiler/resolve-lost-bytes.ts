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
import { LINE_BOUNDARY, MAX_WORD_LENGTH, symbolOf, type LanguageModel } from './language-model';

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
  /** Every candidate with its posterior, likeliest first. */
  ranked: { character: string; probability: number }[];
}

/** One position of a line's lattice: its possible characters and their expert symbols. */
interface Slot {
  options: string[];
  codePoints: number[];
  symbols: number[];
  damaged: DamagedCharacter | null;
}

/** A word (or lone character) that fits the lattice from `start` to `end`, with one option per slot. */
interface Edge {
  start: number;
  end: number;
  /** Option index chosen at each slot from `start`. */
  choice: number[];
  /** Word expert plus the character expert's bigrams inside the word. */
  score: number;
}

/** Every dictionary word, and every lone character, that fits the lattice. */
function findEdges(slots: readonly Slot[], model: LanguageModel): Edge[][] {
  return slots.map((slot, start) => {
    const edges: Edge[] = [];
    const extend = (node: number, choice: number[], inner: number): void => {
      const end = start + choice.length;
      const next = slots[end];
      if (!next || choice.length >= MAX_WORD_LENGTH) return;
      const previous = slots[end - 1]!.symbols[choice.at(-1)!]!;
      for (let index = 0; index < next.options.length; index++) {
        const child = model.child(node, next.codePoints[index]!);
        if (child === -1) continue;
        const grown = [...choice, index];
        const score = inner + model.characterScore(previous, next.symbols[index]!);
        const word = model.wordScore(child);
        if (!Number.isNaN(word))
          edges.push({ start, end: end + 1, choice: grown, score: word + score });
        extend(child, grown, score);
      }
    };
    for (let index = 0; index < slot.options.length; index++) {
      const codePoint = slot.codePoints[index]!;
      const child = model.child(0, codePoint);
      const word = child === -1 ? NaN : model.wordScore(child);
      const score = Number.isNaN(word) ? model.loneCharacterScore(codePoint) : word;
      edges.push({ start, end: start + 1, choice: [index], score });
      if (child !== -1) extend(child, [index], 0);
      if (model.isSurname(codePoint)) addNames(slots, start, index, model, edges);
    }
    return edges;
  });
}

/** Shortest and longest given name, in characters, of a name the dictionary does not list. */
const GIVEN_NAME_LENGTHS = [1, 2];
const HAN = /\p{Script=Han}/u;

/** Adds an edge for every name that starts with the surname at `start`: 肖 + 健, 王 + 庆. */
function addNames(
  slots: readonly Slot[],
  start: number,
  surname: number,
  model: LanguageModel,
  edges: Edge[],
): void {
  const grow = (choice: number[], inner: number): void => {
    const given = choice.length - 1;
    if (GIVEN_NAME_LENGTHS.includes(given)) {
      const codePoints = choice.map((option, offset) => slots[start + offset]!.codePoints[option]!);
      edges.push({
        start,
        end: start + choice.length,
        choice,
        score: model.nameScore(codePoints) + inner,
      });
    }
    const next = slots[start + choice.length];
    if (!next || given >= GIVEN_NAME_LENGTHS.at(-1)!) return;
    const previous = slots[start + choice.length - 1]!.symbols[choice.at(-1)!]!;
    next.options.forEach((option, index) => {
      if (HAN.test(option))
        grow([...choice, index], inner + model.characterScore(previous, next.symbols[index]!));
    });
  };
  grow([surname], 0);
}

/**
 * Scores every candidate of a line's damaged slots by the best reading that uses it. A state is
 * the option chosen at the slot before a position, since the character expert sees one back.
 */
function scoreWindow(
  slots: readonly Slot[],
  model: LanguageModel,
  { before, after: next }: { before: number; after: number },
): number[][] {
  const edges = findEdges(slots, model);
  const last = slots.length;
  const stateCount = (position: number): number =>
    position === 0 ? 1 : slots[position - 1]!.options.length;
  // Each edge's score after each option of the slot before it, computed once for all three passes.
  const scored = edges.map((fromHere, start) =>
    fromHere.map((edge) => {
      const first = slots[start]!.symbols[edge.choice[0]!]!;
      const previous = start === 0 ? [before] : slots[start - 1]!.symbols;
      return {
        edge,
        after: edge.choice.at(-1)!,
        scores: previous.map((symbol) => edge.score + model.characterScore(symbol, first)),
      };
    }),
  );
  const forward = Array.from({ length: last + 1 }, (_, position) =>
    new Array<number>(stateCount(position)).fill(-Infinity),
  );
  forward[0]![0] = 0;
  for (let start = 0; start < last; start++) {
    const row = forward[start]!;
    for (const { edge, after, scores } of scored[start]!) {
      const target = forward[edge.end]!;
      for (let state = 0; state < row.length; state++) {
        const total = row[state]! + scores[state]!;
        if (total > target[after]!) target[after] = total;
      }
    }
  }
  const backward = forward.map((row) => new Array<number>(row.length).fill(-Infinity));
  const ends = last === 0 ? [before] : slots[last - 1]!.symbols;
  backward[last] = ends.map((symbol) => model.characterScore(symbol, next));
  for (let start = last - 1; start >= 0; start--) {
    const row = backward[start]!;
    for (const { edge, after, scores } of scored[start]!) {
      const rest = backward[edge.end]![after]!;
      for (let state = 0; state < row.length; state++) {
        const total = scores[state]! + rest;
        if (total > row[state]!) row[state] = total;
      }
    }
  }
  // Each damaged slot's candidates: the best whole reading through an edge that chooses them.
  const marginals = slots.map((slot) => new Array<number>(slot.options.length).fill(-Infinity));
  for (let start = 0; start < last; start++) {
    const row = forward[start]!;
    for (const { edge, after, scores } of scored[start]!) {
      if (!edge.choice.some((_, offset) => slots[start + offset]!.damaged)) continue;
      const rest = backward[edge.end]![after]!;
      let best = -Infinity;
      for (let state = 0; state < row.length; state++)
        best = Math.max(best, row[state]! + scores[state]! + rest);
      edge.choice.forEach((option, offset) => {
        const slot = marginals[start + offset]!;
        if (best > slot[option]!) slot[option] = best;
      });
    }
  }
  return marginals;
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

/**
 * Intact characters kept on each side of the damage a window covers; damage closer than twice
 * this shares a window. Most words are shorter, so a window's ends hardly ever change a choice,
 * and a long line (a table row, a paragraph) with a few damaged characters is not scored whole.
 * On densely damaged posts the windows grow into whole lines anyway.
 */
const WINDOW_CONTEXT = 4;

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
    if (/[\uDC00-\uDFFF]/.test(text[window.from] ?? '')) window.from--;
    if (/[\uDC00-\uDFFF]/.test(text[window.to] ?? '')) window.to++;
  }
  return windows;
}

/** The symbol of the character ending just before a UTF-16 index, or a boundary at a line start. */
function symbolBefore(text: string, index: number): number {
  if (index === 0 || text[index - 1] === '\n') return LINE_BOUNDARY;
  const isLow = /[\uDC00-\uDFFF]/.test(text[index - 1]!);
  return symbolOf(text.codePointAt(index - (isLow ? 2 : 1))!);
}

/** Chooses a character for every damaged one of a decoded text. */
export function resolveDamaged(
  decoded: Pick<DecodedText, 'text' | 'damaged'>,
  model: LanguageModel,
): Resolution[] {
  const { text } = decoded;
  const resolutions: Resolution[] = [];
  for (const window of findWindows(text, decoded.damaged)) {
    const at = new Map(window.damaged.map((damaged) => [damaged.index, damaged]));
    const slots: Slot[] = [];
    for (let index = window.from; index < window.to;) {
      const codePoint = text.codePointAt(index)!;
      const damaged = at.get(index) ?? null;
      const options = damaged ? damaged.candidates : [String.fromCodePoint(codePoint)];
      const codePoints = options.map((option) => option.codePointAt(0)!);
      slots.push({ options, codePoints, symbols: codePoints.map(symbolOf), damaged });
      index += codePoint > 0xffff ? 2 : 1;
    }
    const before = symbolBefore(text, window.from);
    const after =
      window.to >= text.length || text[window.to] === '\n'
        ? LINE_BOUNDARY
        : symbolOf(text.codePointAt(window.to)!);
    const marginals = scoreWindow(slots, model, { before, after });
    // The chosen symbols, padded with the window's surroundings: slot i is at i + 2.
    const chosen = [
      LINE_BOUNDARY,
      before,
      ...marginals.map(
        (scores, position) => slots[position]!.symbols[scores.indexOf(Math.max(...scores))]!,
      ),
      after,
      LINE_BOUNDARY,
    ];
    slots.forEach((slot, position) => {
      if (!slot.damaged) return;
      const around = [
        chosen[position]!,
        chosen[position + 1]!,
        chosen[position + 3]!,
        chosen[position + 4]!,
      ] as const;
      const scores = marginals[position]!.map(
        (score, index) => score + model.contextScore(slot.symbols[index]!, around),
      );
      const ranked = rank(slot.options, scores);
      const best = ranked[0]!;
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
