/**
 * Resolver for the characters a lossy double encoding damaged (see `decode-text`): each U+FFFD
 * the decoder left has a list of characters its surviving bytes may come from, and the one a
 * language model finds likeliest in its line takes its place. Neighbouring damaged characters are
 * chosen together (Viterbi over the candidates, which a bigram model makes exact), and every
 * choice the model is unsure of is reported with its file, line, column and candidates.
 */
import type { DamagedCharacter, DecodedText } from './decode-text';
import { diagnostic, type Diagnostic } from './diagnostics';
import { LINE_BOUNDARY, symbolOf, type LanguageModel } from './language-model';

/** Below this posterior the choice is reported as a guess; it is still made. */
export const MIN_CONFIDENCE = 0.9;
/** Candidates named in a low-confidence warning, likeliest first. */
const REPORTED_CANDIDATES = 4;

/** A character's choice and how sure the model is of it. */
export interface Resolution {
  damaged: DamagedCharacter;
  character: string;
  /** Posterior of the choice given its resolved neighbours, 0–1. */
  confidence: number;
  /** Every candidate with its posterior, likeliest first. */
  ranked: { character: string; probability: number }[];
}

const codePointOf = (character: string): number => symbolOf(character.codePointAt(0) ?? 0);

/** The symbol just before a UTF-16 index, or a line boundary. */
function symbolBefore(text: string, index: number): number {
  if (index === 0) return LINE_BOUNDARY;
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff && index >= 2;
  return symbolOf(text.codePointAt(isLowSurrogate ? index - 2 : index - 1) ?? LINE_BOUNDARY);
}

/** Runs of damaged characters with nothing but each other between them. */
function groupAdjacent(damaged: readonly DamagedCharacter[]): DamagedCharacter[][] {
  const groups: DamagedCharacter[][] = [];
  for (const character of damaged) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && last.index + 1 === character.index) group.push(character);
    else groups.push([character]);
  }
  return groups;
}

/** The likeliest candidates for one run of damaged characters, between two known neighbours. */
function chooseRun(run: DamagedCharacter[], before: number, after: number, model: LanguageModel): string[] {
  // best[i][c]: the best log probability of the run's first i + 1 choices ending in candidate c.
  let scores = run[0]!.candidates.map((candidate) => model.logProbability(before, codePointOf(candidate)));
  const back: number[][] = [];
  for (let position = 1; position < run.length; position++) {
    const previous = run[position - 1]!.candidates;
    const next = run[position]!.candidates.map((candidate) => {
      const symbol = codePointOf(candidate);
      let best = -Infinity;
      let from = 0;
      previous.forEach((earlier, index) => {
        const score = scores[index]! + model.logProbability(codePointOf(earlier), symbol);
        if (score > best) [best, from] = [score, index];
      });
      return { best, from };
    });
    scores = next.map((entry) => entry.best);
    back.push(next.map((entry) => entry.from));
  }
  const last = run.at(-1)!.candidates;
  scores = scores.map((score, index) => score + model.logProbability(codePointOf(last[index]!), after));
  let pick = scores.indexOf(Math.max(...scores));
  const picks = [pick];
  for (let position = back.length - 1; position >= 0; position--) {
    pick = back[position]![pick]!;
    picks.unshift(pick);
  }
  return picks.map((index, position) => run[position]!.candidates[index]!);
}

/** Each candidate's posterior with both neighbours fixed to what was chosen. */
function rank(
  damaged: DamagedCharacter,
  before: number,
  after: number,
  model: LanguageModel,
): { character: string; probability: number }[] {
  const scores = damaged.candidates.map((candidate) => {
    const symbol = codePointOf(candidate);
    return model.logProbability(before, symbol) + model.logProbability(symbol, after);
  });
  const top = Math.max(...scores);
  const weights = scores.map((score) => Math.exp(score - top));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return damaged.candidates
    .map((character, index) => ({ character, probability: weights[index]! / sum }))
    .sort((a, b) => b.probability - a.probability);
}

/** Chooses a character for every damaged one of a decoded text. */
export function resolveDamaged(decoded: Pick<DecodedText, 'text' | 'damaged'>, model: LanguageModel): Resolution[] {
  const { text } = decoded;
  const chosen = new Map<number, string>();
  for (const run of groupAdjacent(decoded.damaged)) {
    const first = run[0]!;
    const last = run.at(-1)!;
    const before = symbolBefore(text, first.index);
    const after = last.index + 1 < text.length ? symbolOf(text.codePointAt(last.index + 1)!) : LINE_BOUNDARY;
    chooseRun(run, before, after, model).forEach((character, position) =>
      chosen.set(run[position]!.index, character),
    );
  }
  const symbolAt = (index: number): number => {
    const character = chosen.get(index);
    if (character !== undefined) return codePointOf(character);
    return index < 0 || index >= text.length ? LINE_BOUNDARY : symbolOf(text.codePointAt(index)!);
  };
  return decoded.damaged.map((damaged) => {
    const before = chosen.has(damaged.index - 1) ? symbolAt(damaged.index - 1) : symbolBefore(text, damaged.index);
    const ranked = rank(damaged, before, symbolAt(damaged.index + 1), model);
    const character = chosen.get(damaged.index)!;
    const confidence = ranked.find((entry) => entry.character === character)?.probability ?? 0;
    return { damaged, character, confidence, ranked };
  });
}

/**
 * The decoded text with every damaged character replaced by its resolution, and a warning for
 * each one the model was unsure of. The decoder's per-line "could not be restored" warnings give
 * way to these.
 */
export function applyResolutions(decoded: DecodedText, resolutions: readonly Resolution[], file: string): DecodedText {
  let text = '';
  let copied = 0;
  for (const { damaged, character } of resolutions) {
    text += decoded.text.slice(copied, damaged.index) + character;
    copied = damaged.index + 1;
  }
  text += decoded.text.slice(copied);
  const diagnostics: Diagnostic[] = decoded.diagnostics.filter((item) => item.code !== 'encoding-lost-bytes');
  for (const { damaged, character, confidence, ranked } of resolutions) {
    if (confidence >= MIN_CONFIDENCE) continue;
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
