/**
 * Character folds: each Traditional or regional variant character → the Simplified character the
 * search index stores ('網' → '网', '裡' → '里', '髮' → '发'). The tables are OpenCC's, as
 * opencc-js ships them; only their composition is ours, because OpenCC converts whole texts
 * (phrases first, then characters) while search needs one fixed character → character map that
 * the browser can apply to the index and to queries alike.
 */
import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import traditionalCharacters from 'opencc-js/dict/TSCharacters';
import taiwanVariants from 'opencc-js/dict/TWVariantsRev';

/** One Han character: folds map single code points to single code points only. */
const HAN_CHARACTER = /\p{Script=Han}/gu;

/** Reads an opencc-js dictionary ('網 网|務 务'), keeping single-character entries and their first conversion. */
function readDictionary(dictionary: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const entry of dictionary.split('|')) {
    const [source, target] = entry.split(' ');
    if (source && target && [...source].length === 1 && [...target].length === 1)
      entries.set(source, target);
  }
  return entries;
}

/**
 * Every fold OpenCC's character tables give, composed the way its `tw2s` and `hk2s` conversions
 * chain them: a regional variant becomes standard Traditional (TWVariantsRev, HKVariantsRev),
 * then Simplified (TSCharacters). Two guards keep it a fold for search: a character that is
 * itself the Simplified form of another is never folded away (TWVariantsRev would turn 么, as in
 * 什么, into 幺), and targets are followed to the end so every fold is final (薴 → 苧 → 苎).
 */
function composeFolds(): Map<string, string> {
  const toSimplified = readDictionary(traditionalCharacters);
  const simplifiedForms = new Set(toSimplified.values());
  const toStandard = [readDictionary(taiwanVariants), readDictionary(hongKongVariants)];
  const foldOnce = (character: string): string => {
    const simplified = toSimplified.get(character);
    if (simplified !== undefined) return simplified;
    if (simplifiedForms.has(character)) return character;
    for (const variants of toStandard) {
      const standard = variants.get(character);
      if (standard !== undefined) return toSimplified.get(standard) ?? standard;
    }
    return character;
  };
  const candidates = new Set([
    ...toSimplified.keys(),
    ...toStandard.flatMap((variants) => [...variants.keys(), ...variants.values()]),
  ]);
  const folds = new Map<string, string>();
  for (const character of [...candidates].sort()) {
    const seen = new Set([character]);
    let target = foldOnce(character);
    while (!seen.has(target)) {
      seen.add(target);
      const next = foldOnce(target);
      if (next === target) break;
      target = next;
    }
    if (target !== character) folds.set(character, target);
  }
  return folds;
}

let allFolds: ReadonlyMap<string, string> | undefined;

/** Every fold the dictionaries hold, composed once on first use. */
export function dictionaryFolds(): ReadonlyMap<string, string> {
  allFolds ??= composeFolds();
  return allFolds;
}

/** The Simplified character `character` folds to; itself when it folds to nothing else. */
export function foldCharacter(character: string): string {
  return dictionaryFolds().get(character) ?? character;
}

/** `text` with every Han character folded: '服務網格' → '服务网格'. */
export function foldCharacters(text: string): string {
  return text.replace(HAN_CHARACTER, foldCharacter);
}

/**
 * The folds a content needs, sized by it rather than by the dictionaries: every character it
 * uses that folds to another, and every variant that folds to a character it uses (after
 * folding), so a query in either script meets the index. Keys in code point order.
 */
export function characterFoldsFor(characters: Iterable<string>): Record<string, string> {
  const used = new Set<string>();
  for (const character of characters) used.add(foldCharacter(character));
  const folds: Record<string, string> = {};
  for (const [variant, target] of dictionaryFolds()) if (used.has(target)) folds[variant] = target;
  return folds;
}
