/**
 * The one compile step that looks across posts: a post whose double encoding lost bytes is
 * restored with a language model of the site's other, correctly encoded posts and jieba's
 * dictionary (see `resolve-lost-bytes`). It runs before the posts are compiled one by one, on
 * whichever thread assembles the bundle, and hands each damaged post its restored text.
 */
import { decodeText, type DecodedText } from './decode-text';
import {
  DEFAULT_WEIGHTS,
  LanguageModel,
  type DictionaryWord,
  type ModelWeights,
} from './language-model';
import type { SourceFile } from './read-content';
import { applyResolutions, restoreLostBytes } from './resolve-lost-bytes';
import { restoreInParallel } from './restore-in-parallel';

const HAN = /\p{Script=Han}/u;

/**
 * Builds the model the resolver uses from the posts that came through intact (or whose double
 * encoding lost nothing): each teaches the site's names, terms and phrasing.
 */
export function buildLanguageModel(
  decoded: readonly DecodedText[],
  dictionary: readonly DictionaryWord[],
  weights: ModelWeights = DEFAULT_WEIGHTS,
): LanguageModel {
  const model = new LanguageModel(weights).addDictionary(dictionary);
  for (const post of decoded)
    if (post.damaged.length === 0 && HAN.test(post.text)) model.addText(post.text);
  return model;
}

/**
 * Damaged characters worth starting workers for in `repairDamagedPostsInParallel`: about half a
 * second of restoring on one thread, more than a worker takes to start. Seed 004 alone has 370.
 */
const MIN_DAMAGED_FOR_WORKERS = 10_000;

/** Every post no larger than `maxBytes`, decoded, and the files of those that lost bytes. */
function findDamaged(
  files: readonly SourceFile[],
  maxBytes: number,
): { decoded: Map<string, DecodedText>; damaged: SourceFile[] } {
  const decoded = new Map<string, DecodedText>();
  for (const file of files)
    if (file.bytes.length <= maxBytes) decoded.set(file.path, decodeText(file.bytes, file.path));
  const damaged = files.filter((file) => (decoded.get(file.path)?.damaged.length ?? 0) > 0);
  return { decoded, damaged };
}

/**
 * The restored text of every post that lost bytes, by path; other posts are not in the map and
 * decode as usual. The dictionary is loaded only when some post needs it.
 */
export function repairDamagedPosts(
  files: readonly SourceFile[],
  loadDictionary: () => readonly DictionaryWord[],
  maxBytes: number,
): Map<string, DecodedText> {
  const { decoded, damaged } = findDamaged(files, maxBytes);
  const repaired = new Map<string, DecodedText>();
  if (damaged.length === 0) return repaired;
  const model = buildLanguageModel([...decoded.values()], loadDictionary());
  for (const { path } of damaged)
    repaired.set(path, restoreLostBytes(decoded.get(path)!, model, path));
  return repaired;
}

/** How `repairDamagedPostsInParallel` spreads its work. */
export interface RepairThreads {
  /** Threads to restore on, this one included. */
  threads: number;
  /** Fewest damaged characters, over all posts, worth starting workers for. */
  minDamaged?: number;
}

/**
 * The same map as `repairDamagedPosts`, character for character, restored on `threads` threads
 * when the posts have enough damage to be worth it (a site whose whole archive was
 * double-encoded), on this one otherwise.
 */
export async function repairDamagedPostsInParallel(
  files: readonly SourceFile[],
  loadDictionary: () => readonly DictionaryWord[],
  maxBytes: number,
  { threads, minDamaged = MIN_DAMAGED_FOR_WORKERS }: RepairThreads,
): Promise<Map<string, DecodedText>> {
  const { decoded, damaged } = findDamaged(files, maxBytes);
  if (damaged.length === 0) return new Map();
  const characters = damaged.reduce((sum, file) => sum + decoded.get(file.path)!.damaged.length, 0);
  const outcomes = await restoreInParallel(
    damaged,
    () => buildLanguageModel([...decoded.values()], loadDictionary()),
    characters >= minDamaged ? threads : 1,
  );
  return new Map(
    outcomes.map(({ decoded: post, resolutions }, index) => {
      const { path } = damaged[index]!;
      return [path, applyResolutions(post, resolutions, path)];
    }),
  );
}
