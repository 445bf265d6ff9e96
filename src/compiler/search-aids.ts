/**
 * The search aids a bundle carries so the browser ships no dictionaries: character folds, the
 * pinyin of the content's Chinese place names, and the glossary groups it uses. Each is sized by
 * the content: a site in English gets empty folds, a site without 杭州 no `hangzhou`.
 */
import { pinyin } from 'pinyin-pro';
import type { Event, SearchAids, Speaker, Talk } from '../lib/schema';
import { characterFoldsFor, foldCharacters } from './character-folds';
import { latinNamesOfCity } from './places';

/** The records the aids are computed from. */
export interface SearchableContent {
  events: readonly Event[];
  talks: readonly Talk[];
  speakers: readonly Speaker[];
}

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_NAME = /^\p{Script=Han}+$/u;
/**
 * The client encoder's runs (src/lib/search/encoder.ts): a Han run, or a run of letters and
 * digits of any other script. Copied, not imported: the compiler depends on the schema alone.
 */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** Every text field search looks at, one piece at a time, so a large site is never one string. */
function* textsOf({ events, talks, speakers }: SearchableContent): Generator<string> {
  for (const event of events) {
    yield event.title;
    if (event.city) yield event.city;
    if (event.venue) yield event.venue;
    yield* event.tags;
    yield event.summary;
    yield event.text;
  }
  for (const talk of talks) {
    yield talk.title;
    if (talk.abstract) yield talk.abstract;
    for (const speaker of talk.speakers) {
      yield speaker.name;
      if (speaker.org) yield speaker.org;
    }
  }
  for (const speaker of speakers) {
    yield speaker.name;
    yield* speaker.aliases;
    yield* speaker.orgs;
  }
}

/**
 * `text` as the client compares it: case, width, diacritics and character variants folded, its
 * runs separated by single spaces (`Service-Mesh 服務網格` → `service mesh 服务网格`).
 */
export function normalizeForSearch(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
  return (foldCharacters(folded).match(RUN) ?? []).join(' ');
}

/** A glossary term, normalised, and whether each end needs a word boundary. */
interface Term {
  text: string;
  latinStart: boolean;
  latinEnd: boolean;
}

function toTerm(term: string): Term {
  const text = normalizeForSearch(term);
  return {
    text,
    latinStart: !/^\p{Script=Han}/u.test(text),
    latinEnd: !/\p{Script=Han}$/u.test(text),
  };
}

/** True when `term` occurs in normalised `text`, a Latin end on a word boundary. */
function occursIn(text: string, { text: term, latinStart, latinEnd }: Term): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const end = at + term.length;
    const startsClean = !latinStart || at === 0 || text[at - 1] === ' ';
    const endsClean = !latinEnd || end === text.length || text[end] === ' ';
    if (startsClean && endsClean) return true;
  }
  return false;
}

/** The glossary groups with a term the content uses, in the glossary's order. */
function glossaryGroupsUsed(
  content: SearchableContent,
  glossary: readonly (readonly string[])[],
): string[][] {
  const pending = new Map(
    glossary.map((group, index) => [
      index,
      group.map(toTerm).filter((term) => term.text.length > 0),
    ]),
  );
  const used = new Set<number>();
  for (const text of textsOf(content)) {
    if (pending.size === 0) break;
    const normalized = normalizeForSearch(text);
    if (!normalized) continue;
    for (const [index, terms] of pending) {
      if (terms.some((term) => occursIn(normalized, term))) {
        used.add(index);
        pending.delete(index);
      }
    }
  }
  return glossary.filter((_, index) => used.has(index)).map((group) => [...group]);
}

/** Toneless pinyin of a Chinese place name, syllables joined: 重庆 → `chongqing`. */
export function placePinyinOf(name: string): string {
  // Not surname mode: that reads 乐山 as yue shan and 成都 as cheng dou.
  return pinyin(name, { toneType: 'none', type: 'array', v: true }).join('');
}

/** Computes the bundle's search aids from its records and the project's glossary. Pure. */
export function buildSearchAids(
  content: SearchableContent,
  glossary: readonly (readonly string[])[] = [],
): SearchAids {
  const characters = new Set<string>();
  for (const text of textsOf(content))
    for (const [run] of text.matchAll(HAN_RUN))
      for (const character of run) characters.add(character);

  const cities = [
    ...new Set(content.events.map((event) => event.city?.trim() ?? '').filter(Boolean)),
  ]
    .filter((city) => HAN_NAME.test(city))
    .sort();
  const placePinyin: Record<string, string[]> = {};
  // Readers type a city as pinyin or as its usual English name: `taibei` and `taipei` for 台北.
  for (const city of cities) {
    const spellings = [placePinyinOf(city), ...latinNamesOfCity(city).map((n) => n.toLowerCase())];
    placePinyin[city] = [...new Set(spellings)];
  }

  return {
    characterFolds: characterFoldsFor(characters),
    placePinyin,
    glossary: glossaryGroupsUsed(content, glossary),
  };
}
