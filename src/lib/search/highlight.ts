/**
 * Marks what a query matched in a piece of text. Written here rather than taken from FlexSearch:
 * its highlighter marks the wrong Chinese characters and throws on array fields, and it cannot
 * know about this project's encoder, glossary or typo corrections.
 */
import { foldText, isHanRun, WORD_CHARACTER, type CharacterFolds } from './encoder';

/** A piece of text, marked when the query matched it. */
export interface Segment {
  text: string;
  match: boolean;
}

/** `text` folded one code point at a time, with the original offset of each folded unit. */
function foldWithOffsets(
  text: string,
  folds: CharacterFolds,
): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const character of text) {
    const foldedCharacter = foldText(character, folds);
    for (let unit = 0; unit < foldedCharacter.length; unit += 1) offsets.push(offset);
    folded += foldedCharacter;
    offset += character.length;
  }
  offsets.push(text.length);
  return { folded, offsets };
}

/** Every [start, end) range of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): [number, number][] {
  const ranges: [number, number][] = [];
  if (needle.length === 0) return ranges;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** Marks the query's terms in result text: titles, detail lines and abstract snippets. */
export class Highlighter {
  private readonly runs: string[];

  /** `terms` are normalised phrases (`SearchResult.terms`); `folds` the index's character folds. */
  constructor(
    terms: readonly string[],
    private readonly folds: CharacterFolds = new Map(),
  ) {
    this.runs = [...new Set(terms.flatMap((term) => term.split(' ')).filter(Boolean))];
  }

  /** Ranges the terms matched in folded text: Han runs (or their bigrams), Latin word prefixes. */
  private ranges(folded: string): [number, number][] {
    const ranges: [number, number][] = [];
    for (const run of this.runs) {
      if (isHanRun(run)) {
        const whole = occurrences(folded, run);
        if (whole.length > 0 || run.length < 2) {
          ranges.push(...whole);
          continue;
        }
        // The index matches Han text by bigrams, so a result may hold the parts apart.
        const characters = [...run];
        for (let index = 0; index + 1 < characters.length; index += 1) {
          ranges.push(...occurrences(folded, `${characters[index]}${characters[index + 1]}`));
        }
      } else {
        for (const range of occurrences(folded, run)) {
          const before = folded[range[0] - 1];
          if (before === undefined || !WORD_CHARACTER.test(before)) ranges.push(range);
        }
      }
    }
    return ranges;
  }

  /** True when the terms match anywhere in `text`. */
  matches(text: string): boolean {
    return this.ranges(foldWithOffsets(text, this.folds).folded).length > 0;
  }

  /** Splits `text` into segments, marking every part the terms matched. */
  segments(text: string): Segment[] {
    const { folded, offsets } = foldWithOffsets(text, this.folds);
    const marked = new Array<boolean>(text.length).fill(false);
    for (const [start, end] of this.ranges(folded)) {
      const from = offsets[start] ?? text.length;
      const to = offsets[end] ?? text.length;
      for (let index = from; index < to; index += 1) marked[index] = true;
    }
    const segments: Segment[] = [];
    let start = 0;
    for (let index = 1; index <= text.length; index += 1) {
      if (index === text.length || marked[index] !== marked[start]) {
        segments.push({ text: text.slice(start, index), match: marked[start] ?? false });
        start = index;
      }
    }
    return segments;
  }

  /**
   * A window of about `length` characters of `text` around its first match, so a long abstract
   * shows why it was found. The start of the text when nothing matched.
   */
  excerpt(text: string, length: number): string {
    if (text.length <= length) return text;
    const { folded, offsets } = foldWithOffsets(text, this.folds);
    const first = this.ranges(folded).sort((a, b) => a[0] - b[0])[0];
    const matchAt = first ? (offsets[first[0]] ?? 0) : 0;
    const start = Math.max(0, Math.min(matchAt - Math.floor(length / 3), text.length - length));
    const prefix = start > 0 ? '…' : '';
    const suffix = start + length < text.length ? '…' : '';
    return `${prefix}${text.slice(start, start + length)}${suffix}`;
  }
}
