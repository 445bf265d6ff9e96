/**
 * jieba's dictionary as the compiler reads it: built from dict.txt once, kept on disk, and read
 * back the same, whatever state the kept copy is in.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguageModel } from '../../src/compiler/language-model';
import { parseDictionary, readDictionary } from '../../src/compiler/read-dictionary';
import { WordDictionary } from '../../src/compiler/word-dictionary';

/** A dict.txt in miniature: words, counts, and the tags the model reads. */
const DICT_TXT = [
  '服务 5000 vn',
  '服务网格 300 n',
  '网格 800 n',
  '在 90000 p',
  '中 70000 f',
  '与 40000 p',
  '不 80000 d',
  '宋净超 12 nr',
  '王庆 30 nr',
  '一个长到字典树不收的词语 3 n',
  '𠀀字 2 n',
].join('\n');

let work: string;
let dictFile: string;
let cache: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sidecar-dictionary-'));
  dictFile = path.join(work, 'dict.txt');
  cache = path.join(work, 'cache');
  writeFileSync(dictFile, DICT_TXT);
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

/** What a model built on the dictionary says of a few words, names and function words. */
function readings(dictionary: WordDictionary) {
  const model = new LanguageModel().addDictionary(dictionary);
  const node = (word: string) =>
    [...word].reduce(
      (at, character) => (at === -1 ? -1 : model.child(at, character.codePointAt(0)!)),
      0,
    );
  return {
    words: ['服务', '服务网格', '网格', '宋净超', '𠀀字', '服格', '一个长到字典树不收的词语'].map(
      (word) => model.wordScore(node(word)),
    ),
    names: [model.surnameScore(0x5b8b), model.givenNameScore(0x5e86)],
    openers: [...'在中与不'].map((character) => model.isClauseOpener(character.codePointAt(0)!)),
    locatives: [...'在中'].map((character) => model.isLocative(character.codePointAt(0)!)),
    knows: [...'网超𠀀猫'].map((character) => model.knows(character.codePointAt(0)!)),
  };
}

describe('readDictionary: jieba dictionary kept on disk', () => {
  it('keeps the built dictionary, and reads back one that scores every word the same', () => {
    const built = readDictionary(dictFile, cache);
    expect(readdirSync(cache).filter((name) => name.endsWith('.bin'))).toHaveLength(1);
    const kept = readDictionary(dictFile, cache);
    expect(readings(kept)).toEqual(readings(built));
    expect(readings(kept)).toEqual(readings(WordDictionary.fromWords(parseDictionary(DICT_TXT))));
    // The words themselves: a listed word scores, a pair of characters that is no word does not.
    const { words } = readings(kept);
    expect(words.slice(0, 5).every(Number.isFinite)).toBe(true);
    expect(words[5]).toBeNaN();
    // Longer than the longest word the resolver matches: left out.
    expect(words[6]).toBeNaN();
  });

  it('builds the dictionary again when the kept copy is damaged, and keeps a sound one', () => {
    readDictionary(dictFile, cache);
    const [name] = readdirSync(cache);
    writeFileSync(path.join(cache, name!), 'not a dictionary at all');
    const rebuilt = readDictionary(dictFile, cache);
    expect(readings(rebuilt)).toEqual(
      readings(WordDictionary.fromWords(parseDictionary(DICT_TXT))),
    );
    expect(() => WordDictionary.fromBytes(readFileSync(path.join(cache, name!)))).not.toThrow();
  });

  it('notices a changed dict.txt, and removes the copy it replaces', () => {
    const before = readings(readDictionary(dictFile, cache));
    writeFileSync(dictFile, `${DICT_TXT}\n服格 50 n`);
    // Same size or not, a new modification time makes the kept copy stale.
    utimesSync(dictFile, new Date(), new Date(Date.now() + 5_000));
    const after = readings(readDictionary(dictFile, cache));
    expect(before.words[5]).toBeNaN();
    expect(after.words[5]).toBeGreaterThan(-Infinity);
    expect(readdirSync(cache).filter((name) => name.endsWith('.bin'))).toHaveLength(1);
  });

  it('still reads the dictionary where nothing can be kept', () => {
    // The cache folder's place is taken by a file: the copy cannot be written.
    writeFileSync(cache, 'in the way');
    expect(readings(readDictionary(dictFile, cache))).toEqual(
      readings(WordDictionary.fromWords(parseDictionary(DICT_TXT))),
    );
  });
});

describe('WordDictionary.fromBytes', () => {
  it('refuses bytes of another layout with a message that says so', () => {
    expect(() => WordDictionary.fromBytes(new Uint8Array([1, 2]))).toThrow(/not a word dictionary/);
    const header = new TextEncoder().encode('{"format":"something-else"}');
    const bytes = new Uint8Array(4 + header.length);
    new DataView(bytes.buffer).setUint32(0, header.length, true);
    bytes.set(header, 4);
    expect(() => WordDictionary.fromBytes(bytes)).toThrow(/something-else/);
  });

  it('reads a copy that is not aligned in memory', () => {
    const bytes = WordDictionary.fromWords(parseDictionary(DICT_TXT)).toBytes();
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(readings(WordDictionary.fromBytes(shifted))).toEqual(
      readings(WordDictionary.fromBytes(bytes)),
    );
  });

  it('refuses a copy cut short', () => {
    const bytes = WordDictionary.fromWords(parseDictionary(DICT_TXT)).toBytes();
    expect(() => WordDictionary.fromBytes(bytes.subarray(0, bytes.length - 8))).toThrow(
      /truncated/,
    );
  });
});
