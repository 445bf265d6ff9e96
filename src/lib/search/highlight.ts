/**
 * Marks what a query matched in a piece of text. Written here rather than taken from FlexSearch:
 * its highlighter marks the wrong Chinese characters and throws on array fields, and it cannot
 * know about this project's encoder.
 */
import { foldText, isHanRun, splitRuns, WORD_CHARACTER } from './encoder';

/** A piece of text, marked when the query matched it. */
export interface Segment {
  text: string;
  match: boolean;
}

/** `text` folded one code point at a time, with the original offset of each folded unit. */
function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const character of text) {
    const foldedCharacter = foldText(character);
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

/** Ranges the query matched in folded text: Han runs (or their bigrams), Latin word prefixes. */
function matchedRanges(folded: string, query: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const run of splitRuns(query)) {
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

/** Splits `text` into segments, marking every part the query matched. */
export function highlight(text: string, query: string): Segment[] {
  const { folded, offsets } = foldWithOffsets(text);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const [start, end] of matchedRanges(folded, query)) {
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
 * A short window of `text` around its first match, so a long abstract shows why it was found.
 * Returns the start of the text when nothing matched.
 */
export function excerpt(text: string, query: string, length: number): string {
  if (text.length <= length) return text;
  const { folded, offsets } = foldWithOffsets(text);
  const first = matchedRanges(folded, query).sort((a, b) => a[0] - b[0])[0];
  const matchAt = first ? (offsets[first[0]] ?? 0) : 0;
  const start = Math.max(0, Math.min(matchAt - Math.floor(length / 3), text.length - length));
  const prefix = start > 0 ? '…' : '';
  const suffix = start + length < text.length ? '…' : '';
  return `${prefix}${text.slice(start, start + length)}${suffix}`;
}
