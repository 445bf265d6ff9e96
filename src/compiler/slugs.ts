import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

/** Hex digits of a name's hash kept in ids, enough to tell apart any two names a site will have. */
const HASH_LENGTH = 6;

/** Most words of a title kept in its slug, so ids stay readable in URLs. */
const MAX_SLUG_WORDS = 8;

/** The first hex digits of the SHA-256 of `text`. */
export function shortHash(text: string, length = HASH_LENGTH): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * An ASCII slug: Han characters become toneless pinyin syllables, Latin text is lower-cased
 * and stripped of diacritics, everything else separates words.
 */
export function slugify(text: string, maxWords = MAX_SLUG_WORDS): string {
  const spelled = text.replace(
    /\p{Script=Han}+/gu,
    (han) => ` ${pinyin(han, { toneType: 'none', type: 'array', v: true }).join(' ')} `,
  );
  return spelled
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/**
 * Folds the ways one name gets written (spaces, case, full-width letters, straight or curly
 * quotes around a nickname) into one key.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·.\-_"“”]+/g, '');
}
