/**
 * Reads jieba's word-frequency dictionary at the I/O edge, as `read-glossary` reads the glossary.
 * The file ships in `@node-rs/jieba` (dict.txt: one `word frequency part-of-speech` line per
 * word); Sidecar uses its counts, and its `nr` (person name) and `p` (preposition) tags, for
 * the language model that restores lost bytes.
 *
 * Parsing the file and building its trie takes most of a second, so the built `WordDictionary`
 * is kept on disk, as jieba keeps `jieba.cache`, and read back in a few milliseconds while
 * neither dict.txt nor the code that builds it has changed.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WordDictionary, type DictionaryWord } from './word-dictionary';

/** Where the dictionary is: resolved through the package, so any install layout finds it. */
export const DICTIONARY_PATH = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

/** Where the built dictionary is kept: beside the bundles `scripts/run-bundled.js` keeps. */
export const CACHE_FOLDER = fileURLToPath(
  new URL('../../node_modules/.cache/sidecar', import.meta.url),
);

/** The code that builds the dictionary: a change to it makes the kept copy stale. */
const BUILDER_SOURCE = new URL('./word-dictionary.ts', import.meta.url);

/** Names of kept dictionaries start so; `readDictionary` removes those it has replaced. */
const CACHE_PREFIX = 'word-dictionary-';

/**
 * Parses dict.txt's lines, one word at a time; a line without a positive count is skipped. Reads
 * each line's fields by position rather than splitting it, and yields each word as it goes:
 * 349,045 lines split into arrays, or even their words kept in one array, kept the garbage
 * collector busy for a quarter of a second.
 */
export function* parseDictionary(text: string): Generator<DictionaryWord> {
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
      if (frequency > 0) yield tag ? { word, frequency, tag } : { word, frequency };
    }
    start = end + 1;
  }
}

/**
 * The kept copy's file name for a dictionary file as it is now: its size and modification time,
 * and the builder's source, hashed. Null when the builder's source cannot be read (a bundle
 * moved away from the sources), so nothing is kept that could go stale unseen.
 */
function cacheName(file: string): string | null {
  let source: Buffer;
  try {
    source = readFileSync(BUILDER_SOURCE);
  } catch {
    return null;
  }
  const { size, mtimeMs } = statSync(file);
  const key = createHash('sha256')
    .update(`${path.resolve(file)}\0${size}\0${mtimeMs}\0`)
    .update(source)
    .digest('hex')
    .slice(0, 16);
  return `${CACHE_PREFIX}${key}.bin`;
}

/**
 * jieba's dictionary, built (`WordDictionary.fromWords`): read from the copy kept in
 * `cacheFolder` when it is current, else parsed from `file` and kept for the next time. A copy
 * that cannot be read or written costs only the time to build one.
 */
export function readDictionary(file = DICTIONARY_PATH, cacheFolder = CACHE_FOLDER): WordDictionary {
  const name = cacheName(file);
  const kept = name === null ? null : path.join(cacheFolder, name);
  if (kept !== null) {
    try {
      return WordDictionary.fromBytes(readFileSync(kept));
    } catch {
      // Not kept yet, or unreadable: build it again below.
    }
  }
  const text = readFileSync(file, 'utf8');
  // At least one trie node per word, one word per line: jieba's 349,045 lines make 495,000.
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  const dictionary = WordDictionary.fromWords(parseDictionary(text), lines);
  if (kept !== null) keep(dictionary, cacheFolder, kept);
  return dictionary;
}

/**
 * Writes the built dictionary under a name of its own and renames it into place, so a compile
 * reading alongside never reads half of it; then removes the copies it replaces.
 */
function keep(dictionary: WordDictionary, cacheFolder: string, kept: string): void {
  try {
    mkdirSync(cacheFolder, { recursive: true });
    const partial = `${kept}.${process.pid}`;
    writeFileSync(partial, dictionary.toBytes());
    renameSync(partial, kept);
    for (const other of readdirSync(cacheFolder))
      if (
        other.startsWith(CACHE_PREFIX) &&
        other.endsWith('.bin') &&
        path.join(cacheFolder, other) !== kept
      )
        rmSync(path.join(cacheFolder, other), { force: true });
  } catch {
    // A read-only install: the dictionary is built on every run instead.
  }
}
