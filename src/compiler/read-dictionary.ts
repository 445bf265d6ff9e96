/**
 * Reads jieba's word-frequency dictionary at the I/O edge, as `read-glossary` reads the glossary.
 * The file ships in `@node-rs/jieba` (dict.txt: one `word frequency part-of-speech` line per
 * word); Sidecar uses its counts, and its `nr` (person name) and `p` (preposition) tags, for
 * the language model that restores lost bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DictionaryWord } from './language-model';

/** Where the dictionary is: resolved through the package, so any install layout finds it. */
export const DICTIONARY_PATH = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

/**
 * Parses dict.txt's lines; a line without a positive count is skipped. Reads each line's fields
 * by position rather than splitting it: 349,045 lines split into arrays kept the garbage
 * collector busy for a tenth of a second.
 */
export function parseDictionary(text: string): DictionaryWord[] {
  const words: DictionaryWord[] = [];
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const wordEnd = text.indexOf(' ', start);
    if (wordEnd > start && wordEnd < end) {
      const word = text.slice(start, wordEnd);
      const countEnd = text.indexOf(' ', wordEnd + 1);
      const hasTag = countEnd !== -1 && countEnd < end;
      const frequency = Number(text.slice(wordEnd + 1, hasTag ? countEnd : end));
      const tag = hasTag ? text.slice(countEnd + 1, end).trim() : '';
      if (frequency > 0) words.push(tag ? { word, frequency, tag } : { word, frequency });
    }
    start = end + 1;
  }
  return words;
}

/** Reads the dictionary (about 0.2 s); the compiler calls it only when a post lost bytes. */
export function readDictionary(file = DICTIONARY_PATH): DictionaryWord[] {
  return parseDictionary(readFileSync(file, 'utf8'));
}
