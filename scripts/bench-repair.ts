/**
 * `npm run bench:repair [-- --corpus DIR] [--seeds DIR] [--worst N] [--weights JSON]`
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
import { DEFAULT_WEIGHTS } from '../src/compiler/language-model';
import { buildLanguageModel } from '../src/compiler/repair-posts';
import { readDictionary } from '../src/compiler/read-dictionary';
import {
  applyResolutions,
  MIN_CONFIDENCE,
  resolveDamaged,
} from '../src/compiler/resolve-lost-bytes';
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
    /** Model weights to try instead of the defaults, as JSON: '{"context":0.25}'. */
    weights: { type: 'string', default: '{}' },
  },
});

const seconds = (from: number, to: number): string => `${((to - from) / 1000).toFixed(2)} s`;
const percent = (part: number, whole: number): string =>
  `${((100 * part) / Math.max(1, whole)).toFixed(2)}%`;

/** Characters that differ between two texts, compared position by position in code points. */
function changedCharacters(before: string, after: string): number {
  if (before === after) return 0;
  const [a, b] = [[...before], [...after]];
  let changed = Math.abs(a.length - b.length);
  for (let index = 0; index < Math.min(a.length, b.length); index++)
    if (a[index] !== b[index]) changed++;
  return changed;
}

// Seed 004 is the one post that really is damaged; its original is in the corpus anyway.
const files = [
  ...listFiles(options.corpus),
  ...listFiles(options.seeds).filter((file) => !path.basename(file).startsWith('004_')),
];
const started = performance.now();
const dictionary = readDictionary();
const loaded = performance.now();
const posts = files.map((file) => {
  const bytes = new Uint8Array(readFileSync(file));
  return { file, bytes, result: decodeText(bytes, file) };
});
const decodedAll = performance.now();
// No clean post may change: the decoder must give exactly what a plain UTF-8 read gives.
const changedInClean = posts.reduce(
  (sum, { bytes, result }) => sum + changedCharacters(new TextDecoder().decode(bytes), result.text),
  0,
);
const clean = posts.filter(({ result }) => !result.repaired && HAN.test(result.text));
const model = buildLanguageModel(
  clean.map(({ result }) => result),
  dictionary,
  { ...DEFAULT_WEIGHTS, ...JSON.parse(options.weights) },
  { keepTexts: true },
);
const built = performance.now();

let damagedTotal = 0;
let damagedExact = 0;
let damagedLines = 0;
let linesExact = 0;
let unsure = 0;
let sureWrong = 0;
let repairTime = 0;
const confusions = new Map<string, number>();
const perPost: { file: string; damaged: number; wrong: number }[] = [];
for (const { file, result } of clean) {
  const truth = result.text;
  const corrupted = doubleEncodeLossy(truth);
  const repairStarted = performance.now();
  const broken = decodeText(corrupted, file);
  // Leave-one-out: the post never helps repair itself.
  const resolutions = model.leaveOut(truth, (others) => resolveDamaged(broken, others));
  const repaired = applyResolutions(broken, resolutions, file).text;
  repairTime += performance.now() - repairStarted;
  // Compare line by line, in code points: a U+FFFD is one unit even where the original was astral.
  const truthLines = truth.split('\n');
  const brokenLines = broken.text.split('\n');
  const lineStarts = [0];
  for (const line of brokenLines) lineStarts.push(lineStarts.at(-1)! + line.length + 1);
  /** Each damaged line's original characters, or null when the damage changed its length. */
  const originals = new Map<number, string[] | null>();
  const originalOf = (line: number): string[] | null => {
    if (!originals.has(line)) {
      const truthLine = [...(truthLines[line] ?? '')];
      const brokenLength = [...(brokenLines[line] ?? '')].length;
      originals.set(line, brokenLength === truthLine.length ? truthLine : null);
    }
    return originals.get(line)!;
  };
  let wrong = 0;
  // Each damaged character's position on its line, in code points: resolutions come in text
  // order, so the count goes on from the last one on the same line.
  let [line, cursor, position] = [-1, 0, 0];
  for (const { damaged, character, confidence } of resolutions) {
    if (damaged.line - 1 !== line) {
      line = damaged.line - 1;
      [cursor, position] = [lineStarts[line]!, 0];
    }
    for (; cursor < damaged.index; position++)
      cursor += broken.text.codePointAt(cursor)! > 0xffff ? 2 : 1;
    const expected = originalOf(line)?.[position];
    damagedTotal++;
    if (confidence < MIN_CONFIDENCE) unsure++;
    if (expected === character) {
      damagedExact++;
      continue;
    }
    wrong++;
    if (confidence >= MIN_CONFIDENCE) sureWrong++;
    const key = `${expected ?? '(line misaligned)'}→${character}`;
    confusions.set(key, (confusions.get(key) ?? 0) + 1);
  }
  const repairedLines = repaired.split('\n');
  for (const line of new Set(broken.damaged.map((item) => item.line))) {
    damagedLines++;
    if (truthLines[line - 1] === repairedLines[line - 1]) linesExact++;
  }
  perPost.push({ file: path.relative(options.corpus, file), damaged: resolutions.length, wrong });
}
const finished = performance.now();

console.log(
  `posts read: ${files.length}; correctly encoded Chinese posts corrupted like seed 004 and repaired: ${clean.length}`,
);
console.log(
  `damaged characters restored exactly: ${damagedExact} / ${damagedTotal} = ${percent(damagedExact, damagedTotal)} (goal 99%)`,
);
console.log(
  `damaged lines restored exactly: ${linesExact} / ${damagedLines} = ${percent(linesExact, damagedLines)}`,
);
console.log(
  `reported as uncertain (confidence < ${MIN_CONFIDENCE}): ${percent(unsure, damagedTotal)} of damaged characters; wrong but not reported: ${percent(sureWrong, damagedTotal)}`,
);
console.log(`characters changed in clean posts: ${changedInClean} (goal 0)`);
console.log(
  `time: dictionary ${seconds(started, loaded)}, decoding ${files.length} posts ${seconds(loaded, decodedAll)}, ` +
    `model ${seconds(decodedAll, built)}, decoding and resolving the ${clean.length} corrupted posts ${(repairTime / 1000).toFixed(2)} s; ` +
    `whole run ${seconds(started, finished)} (goal 5 s)`,
);
console.log('most common mistakes (original→chosen):');
console.log(
  [...confusions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([key, count]) => `${key} ${count}`)
    .join('  '),
);
console.log('posts with the most mistakes:');
for (const post of perPost.sort((a, b) => b.wrong - a.wrong).slice(0, Number(options.worst)))
  console.log(`  ${post.wrong} / ${post.damaged}  ${post.file}`);
