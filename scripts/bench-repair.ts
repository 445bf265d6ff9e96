/**
 * `npm run bench:repair [-- --corpus DIR] [--seeds DIR] [--worst N]`
 *
 * Measures how well the compiler restores posts that were double-encoded the way seed 004 was
 * (UTF-8 read as Windows-1254, its undefined bytes and soft hyphens dropped, saved as UTF-8).
 * Every correctly encoded Chinese post of the corpus, and seed 002, is corrupted exactly that way
 * and repaired with a language model built from jieba's dictionary and all the *other* posts
 * (leave-one-out: a post never helps repair itself). Reports the share of damaged characters
 * restored exactly, the share of damaged lines restored exactly, how many characters the decoder
 * changes in clean posts (must be 0) and the time taken.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeText } from '../src/compiler/decode-text';
import { DEFAULT_WEIGHTS, LanguageModel } from '../src/compiler/language-model';
import { readDictionary } from '../src/compiler/read-dictionary';
import { applyResolutions, resolveDamaged } from '../src/compiler/resolve-lost-bytes';
import { doubleEncodeLossy } from './double-encode';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HAN = /\p{Script=Han}/u;

function listFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const file = path.join(folder, name);
      return statSync(file).isDirectory() ? listFiles(file) : [file];
    });
}

const { values: options } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(ROOT, '..', 'shared', 'corpus', 'posts') },
    seeds: { type: 'string', default: path.join(ROOT, '..', 'shared', 'seeds') },
    worst: { type: 'string', default: '10' },
  },
});

const files = [
  ...listFiles(options.corpus),
  ...listFiles(options.seeds).filter((file) => !path.basename(file).startsWith('004_')),
];
const started = performance.now();
const dictionary = readDictionary();
const loaded = performance.now();
const posts = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
const decoded = posts.map(({ file, bytes }) => ({ file, result: decodeText(bytes, file) }));
const changedInClean = decoded.reduce((sum, { file, result }) => {
  const plain = new TextDecoder().decode(readFileSync(file));
  return (
    sum +
    (result.text === plain
      ? 0
      : Math.max(1, [...plain].filter((c, i) => [...result.text][i] !== c).length))
  );
}, 0);
const clean = decoded.filter(({ result }) => !result.repaired && HAN.test(result.text));
const model = new LanguageModel({
  ...DEFAULT_WEIGHTS,
  ...JSON.parse(process.env.WEIGHTS ?? '{}'),
}).addDictionary(dictionary);
for (const { result } of clean) model.addText(result.text);
const built = performance.now();

let damagedTotal = 0;
let decodeTime = 0;
let damagedExact = 0;
let damagedLines = 0;
let linesExact = 0;
const confusions = new Map<string, number>();
const perPost: { file: string; damaged: number; wrong: number }[] = [];
for (const { file, result } of clean) {
  const truth = result.text;
  model.removeText(truth);
  const t0 = performance.now();
  const broken = decodeText(doubleEncodeLossy(truth), file);
  decodeTime += performance.now() - t0;
  const resolutions = resolveDamaged(broken, model);
  const repaired = applyResolutions(broken, resolutions, file).text;
  model.addText(truth);
  // Compare line by line, by code points: a U+FFFD is one unit even where the original was astral.
  const truthLines = truth.split('\n');
  const brokenLines = broken.text.split('\n');
  const lineStarts = [0];
  for (const line of brokenLines) lineStarts.push(lineStarts.at(-1)! + line.length + 1);
  let wrong = 0;
  for (const { damaged, character } of resolutions) {
    const line = damaged.line - 1;
    const brokenLine = [...(brokenLines[line] ?? '')];
    const truthLine = [...(truthLines[line] ?? '')];
    const position = [...broken.text.slice(lineStarts[line], damaged.index)].length;
    const expected = brokenLine.length === truthLine.length ? truthLine[position] : undefined;
    damagedTotal++;
    if (expected === character) damagedExact++;
    else {
      wrong++;
      const key = `${expected ?? '(misaligned)'}→${character}`;
      if (process.env.SHOW_ERRORS && Math.random() < (Number(process.env.SHOW_ERRORS) || 0.02))
        console.log(
          'ERR',
          key,
          JSON.stringify(truthLine.slice(Math.max(0, position - 6), position + 6).join('')),
          JSON.stringify(brokenLine.slice(Math.max(0, position - 6), position + 6).join('')),
        );
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  const repairedLines = repaired.split('\n');
  const damagedLineNumbers = new Set(broken.damaged.map((item) => item.line));
  for (const line of damagedLineNumbers) {
    damagedLines++;
    if (truthLines[line - 1] === repairedLines[line - 1]) linesExact++;
  }
  perPost.push({ file: path.relative(options.corpus, file), damaged: resolutions.length, wrong });
}
const finished = performance.now();

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(2)}%`;
console.log(
  `posts read: ${files.length}; correctly encoded Chinese posts corrupted and repaired: ${clean.length}`,
);
console.log(
  `damaged characters restored exactly: ${damagedExact} / ${damagedTotal} = ${percent(damagedExact, damagedTotal)}`,
);
console.log(
  `damaged lines restored exactly: ${linesExact} / ${damagedLines} = ${percent(linesExact, damagedLines)}`,
);
console.log(`characters changed in clean posts: ${changedInClean}`);
console.log(
  `time: dictionary ${((loaded - started) / 1000).toFixed(2)} s, model ${((built - loaded) / 1000).toFixed(2)} s, repair ${((finished - built) / 1000).toFixed(2)} s, total ${((finished - started) / 1000).toFixed(2)} s`,
);
console.log('decode', decodeTime);
console.log('most common mistakes (expected→chosen):');
console.log(
  [...confusions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([key, count]) => `${key} ${count}`)
    .join('  '),
);
console.log('worst posts:');
for (const post of perPost.sort((a, b) => b.wrong - a.wrong).slice(0, Number(options.worst)))
  console.log(`  ${post.wrong} / ${post.damaged}  ${post.file}`);
