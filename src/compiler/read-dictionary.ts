/**
 * Reads jieba's word-frequency dictionary at the I/O edge, as `read-glossary` reads the glossary.
 * The file ships in `@node-rs/jieba` (dict.txt: one `word frequency part-of-speech` line per
 * word); Sidecar uses its counts, and its `nr` (person name) tags, for the language model that
 * restores lost bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DictionaryWord } from './language-model';

/** Where the dictionary is: resolved through the package, so any install layout finds it. */
export const DICTIONARY_PATH = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

/** Parses dict.txt's lines; a line without a positive count is skipped. */
export function parseDictionary(text: string): DictionaryWord[] {
  const words: DictionaryWord[] = [];
  for (const line of text.split('\n')) {
    const [word, count, tag] = line.split(' ');
    const frequency = Number(count);
    if (word && frequency > 0) words.push(tag ? { word, frequency, tag } : { word, frequency });
  }
  return words;
}

/** Reads the dictionary (about 0.2 s); the compiler calls it only when a post lost bytes. */
export function readDictionary(file = DICTIONARY_PATH): DictionaryWord[] {
  return parseDictionary(readFileSync(file, 'utf8'));
}
