/**
 * The search encoder: how text becomes index terms. The build (Node) and the data worker (the
 * browser) must encode identically, or a query would look for terms the index never stored; both
 * use this module, with the character folds the compiler put in the bundle.
 *
 * Latin and digit runs become lower-cased, NFKC-folded words without diacritics (prefix matching
 * comes from the index's `tokenize: 'forward'`). Han runs are folded to the stored form
 * (Traditional → Simplified, from the bundle's `characterFolds`) and become overlapping bigrams
 * plus their last character, so any substring of two or more characters is found and scattered
 * characters are not: `网格` matches `服务网格` but not `网络格式`. Word segmenters lose here:
 * `Intl.Segmenter` differs between engines and finds nothing for `务网`; FlexSearch's CJK charset
 * splits English into letters.
 */

/** A run of Han characters, or a run of letters and digits of any other script. */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
/** A letter or digit that belongs to a word (Han characters each stand alone). */
export const WORD_CHARACTER = /(?!\p{Script=Han})[\p{L}\p{N}]/u;
const HAN = /^\p{Script=Han}/u;
const HAN_CHARACTER = /\p{Script=Han}/gu;
/** Combining marks left after NFD: dropped, so `café` and `cafe` meet. */
const COMBINING_MARKS = /\p{M}+/gu;

/** Variant character → the form the index stores, e.g. '網' → '网'. */
export type CharacterFolds = ReadonlyMap<string, string>;

const NO_FOLDS: CharacterFolds = new Map();

/** Folds case, full-width forms, compatibility characters, diacritics and character variants. */
export function foldText(text: string, folds: CharacterFolds = NO_FOLDS): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
  return folds.size === 0
    ? folded
    : folded.replace(HAN_CHARACTER, (character) => folds.get(character) ?? character);
}

/** The runs of `text` that carry meaning for search, folded: `['服务网格', 'istio']`. */
export function splitRuns(text: string, folds: CharacterFolds = NO_FOLDS): string[] {
  return foldText(text, folds).match(RUN) ?? [];
}

/**
 * `text` as its runs separated by single spaces: the form queries, glossary terms and ranked
 * fields are compared in, so `Service-Mesh`, `service mesh` and `ＳＥＲＶＩＣＥ ＭＥＳＨ` meet.
 */
export function normalizeText(text: string, folds: CharacterFolds = NO_FOLDS): string {
  return splitRuns(text, folds).join(' ');
}

/** True when a folded run is Han text. */
export function isHanRun(run: string): boolean {
  return HAN.test(run);
}

/** Bigrams of a Han run plus its last character: `服务网格` → 服务 务网 网格 格. */
function hanTerms(run: string): string[] {
  const characters = [...run];
  const terms: string[] = [];
  for (let index = 0; index + 1 < characters.length; index += 1) {
    terms.push(`${characters[index]}${characters[index + 1]}`);
  }
  terms.push(characters[characters.length - 1] ?? '');
  return terms;
}

/** The index terms of `text`, in order, duplicates kept (FlexSearch scores by position). */
export function encodeText(text: string, folds: CharacterFolds = NO_FOLDS): string[] {
  return splitRuns(text, folds).flatMap((run) => (isHanRun(run) ? hanTerms(run) : [run]));
}

/** An encoder bound to one bundle's character folds, for FlexSearch's `encode` option. */
export function createEncoder(folds: CharacterFolds): (text: string) => string[] {
  return (text) => encodeText(text, folds);
}
