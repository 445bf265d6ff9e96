/**
 * How search results are ordered. FlexSearch finds the candidates; this module ranks them by
 * which field the query matched and how, because FlexSearch's own score only knows how early in
 * the indexed text a term appears.
 *
 * A hit's score is the weight of how it was found, plus the weight of the best field it matched,
 * plus a bonus when it is upcoming. Each weight class is wider than everything below it, so the
 * order is strict: every direct hit above every cross-language hit above every typo hit; within
 * those, exact name above title phrase above title words and so on; upcoming above past only when
 * all else is equal.
 */
import { isHanRun } from './encoder';

/** How a query variant was made from what the reader typed. */
export type MatchSource = 'direct' | 'glossary' | 'typo';

export const SOURCE_WEIGHT: Record<MatchSource, number> = {
  /** The reader's own words: always first. */
  direct: 300,
  /** A glossary term in the other language: the reader did not type it, so it follows. */
  glossary: 200,
  /** A correction of a misspelled word: a guess, so it comes last. */
  typo: 100,
};

/** Which part of a record a query matched, best first. */
export type FieldMatch = 'exactName' | 'titlePhrase' | 'titleWords' | 'names' | 'company' | 'other';

export const FIELD_WEIGHT: Record<FieldMatch, number> = {
  /** The query is a speaker's whole name, alias or pinyin (an event's city or venue): someone
   * who types `王磊` or `axj` is looking for that person, not for a mention of them. */
  exactName: 60,
  /** The title holds the query as typed, words in order. */
  titlePhrase: 50,
  /** The title holds every word of the query, in any order. */
  titleWords: 40,
  /** Every word is in the speakers' names (part of a name, such as a given name in Chinese). */
  names: 30,
  /** Every word is in the companies of the speakers. */
  company: 20,
  /** Found in the abstract, the event's title, or across fields. */
  other: 10,
};

/** Less than the gap between two field weights, so it only breaks ties. */
export const UPCOMING_BONUS = 5;

/** What ranking needs of one record, normalised (`normalizeText`), kept in memory. */
export interface RankedFields {
  /** The title (a speaker: the name). */
  title: string;
  /** Names a query may give whole: speaker names, aliases and pinyin; an event's city and venue. */
  names: string[];
  /** The speakers' companies, space-separated. */
  orgs: string;
}

/**
 * True when `run` occurs in `text` where a word may start: anywhere for Han text (every
 * character stands alone), after a space or at the start for Latin (`mesh` is not in `themesh`).
 */
export function containsRun(text: string, run: string): boolean {
  if (isHanRun(run)) return text.includes(run);
  for (let at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + 1)) {
    if (at === 0 || text[at - 1] === ' ') return true;
  }
  return false;
}

/** The best field of `fields` that `phrase` (normalised; its runs are `runs`) matches. */
export function matchField(
  fields: RankedFields,
  phrase: string,
  runs: readonly string[],
): FieldMatch {
  const all = (text: string) => runs.every((run) => containsRun(text, run));
  if (fields.names.includes(phrase)) return 'exactName';
  if (containsRun(fields.title, phrase)) return 'titlePhrase';
  if (all(fields.title)) return 'titleWords';
  if (fields.names.some(all)) return 'names';
  if (all(fields.orgs)) return 'company';
  return 'other';
}
