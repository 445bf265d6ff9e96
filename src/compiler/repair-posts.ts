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
  type ModelOptions,
  type ModelWeights,
} from './language-model';
import type { SourceFile } from './read-content';
import { restoreLostBytes } from './resolve-lost-bytes';
import type { DictionaryWord, WordDictionary } from './word-dictionary';

const HAN = /\p{Script=Han}/u;

/**
 * Builds the model the resolver uses from the posts that came through intact (or whose double
 * encoding lost nothing): each teaches the site's names, terms and phrasing. `options` as
 * `LanguageModel`'s constructor takes them.
 */
export function buildLanguageModel(
  decoded: readonly DecodedText[],
  dictionary: readonly DictionaryWord[] | WordDictionary,
  weights: ModelWeights = DEFAULT_WEIGHTS,
  options: Pick<ModelOptions, 'keepTexts'> = {},
): LanguageModel {
  const texts = decoded
    .filter((post) => post.damaged.length === 0 && HAN.test(post.text))
    .map((post) => post.text);
  const characters = texts.reduce((sum, text) => sum + text.length, 0);
  const model = new LanguageModel(weights, { ...options, characters }).addDictionary(dictionary);
  for (const text of texts) model.addText(text);
  return model;
}

/**
 * The restored text of every post that lost bytes, by path; other posts are not in the map and
 * decode as usual. The dictionary is loaded only when some post needs it.
 */
export function repairDamagedPosts(
  files: readonly SourceFile[],
  loadDictionary: () => readonly DictionaryWord[] | WordDictionary,
  maxBytes: number,
): Map<string, DecodedText> {
  const decoded = new Map<string, DecodedText>();
  for (const file of files)
    if (file.bytes.length <= maxBytes) decoded.set(file.path, decodeText(file.bytes, file.path));
  const damaged = [...decoded].filter(([, post]) => post.damaged.length > 0);
  const repaired = new Map<string, DecodedText>();
  if (damaged.length === 0) return repaired;
  const model = buildLanguageModel([...decoded.values()], loadDictionary());
  for (const [path, post] of damaged) repaired.set(path, restoreLostBytes(post, model, path));
  return repaired;
}
