/**
 * Query sets with their ground truth. On a compiled corpus, queries are sampled per class from
 * the records themselves (seeded, so a run is repeatable) and an oracle decides which records are
 * relevant by reading their text: a Han run of the query must occur in the record as it is, a
 * Latin run must begin one of the record's words. The golden set brings its own expectations.
 */
import { Converter } from 'opencc-js';
import { mulberry32 } from '../synthetic-corpus';
import { KINDS, type Kind, type SearchRecord } from './records';
import type { Bundle } from '../../src/lib/schema';

/** A query and the records that answer it, per kind. */
export interface JudgedQuery {
  query: string;
  class: string;
  relevant: Record<Kind, Set<string>>;
}

/** A query class: how its queries are made, and whether the goal counts it as Chinese. */
export interface QueryClass {
  id: string;
  label: string;
  /** Typed by someone writing Chinese: Han text, pinyin or full-width Latin. */
  chinese: boolean;
  /** Only precision means anything: the oracle finds no relevant record. */
  decoy?: boolean;
}

/** The classes sampled from a compiled corpus, in report order. */
export const SAMPLED_CLASSES: readonly QueryClass[] = [
  { id: 'zh-words', label: 'Chinese, 2–4 characters of a title', chinese: true },
  { id: 'zh-traditional', label: 'the same in Traditional characters', chinese: true },
  { id: 'zh-mixed', label: 'Chinese + Latin word of one title', chinese: true },
  { id: 'zh-name', label: 'speaker name in Chinese', chinese: true },
  { id: 'pinyin', label: 'speaker name in pinyin', chinese: true },
  { id: 'pinyin-initials', label: 'pinyin initials', chinese: true },
  { id: 'full-width', label: 'Latin word in full-width forms', chinese: true },
  { id: 'zh-decoy', label: 'scattered characters (precision)', chinese: true, decoy: true },
  { id: 'latin-word', label: 'Latin word of a title', chinese: false },
  { id: 'latin-prefix', label: 'prefix of a Latin word (3–5 letters)', chinese: false },
  { id: 'latin-name', label: 'speaker name in Latin letters', chinese: false },
];

/** A run of Han characters, or a run of letters and digits of any other script. */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /\p{Script=Han}/u;
const COMBINING_MARKS = /\p{M}+/gu;
/** Latin words too common to be a query of their own. */
const STOPWORDS = new Set(
  'the and for with from into your our are was were how what why who you not can its this that all use using via about'.split(
    ' ',
  ),
);
/** Shortest Latin word sampled as a query, and the prefix lengths sampled. */
const MIN_WORD_LENGTH = 3;
const MIN_PREFIX_SOURCE_LENGTH = 6;
/** Tries per wanted query before a class is left short (a small corpus may lack candidates). */
const TRIES_PER_QUERY = 50;

/** Case, width, compatibility forms and diacritics folded, as both engines should. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
}

function runsOf(text: string): string[] {
  return fold(text).match(RUN) ?? [];
}

function isHan(run: string): boolean {
  return HAN.test(run);
}

/** Judges relevance against the records' text. */
export class Oracle {
  private readonly hanTexts: string[];
  private readonly recordsByWord = new Map<string, number[]>();

  constructor(private readonly records: readonly SearchRecord[]) {
    this.hanTexts = records.map((record) => runsOf(record.text).filter(isHan).join('|'));
    records.forEach((record, position) => {
      for (const word of new Set(runsOf(record.text).filter((run) => !isHan(run)))) {
        const list = this.recordsByWord.get(word);
        if (list) list.push(position);
        else this.recordsByWord.set(word, [position]);
      }
    });
  }

  /** Positions of the records that contain every run of `query`. */
  private matching(query: string): number[] {
    const runs = runsOf(query);
    if (runs.length === 0) return [];
    let candidates: number[] | null = null;
    for (const run of runs.filter((item) => !isHan(item))) {
      const found = new Set<number>();
      for (const [word, positions] of this.recordsByWord) {
        if (word.startsWith(run)) for (const position of positions) found.add(position);
      }
      candidates = candidates ? candidates.filter((item) => found.has(item)) : [...found];
    }
    const han = runs.filter(isHan);
    const pool = candidates ?? this.records.map((_, position) => position);
    return pool.filter((position) =>
      han.every((run) => (this.hanTexts[position] ?? '').includes(run)),
    );
  }

  /** The records relevant to `query`, judged as if it were `asQuery` (its simplified form). */
  judge(query: string, queryClass: string, asQuery = query): JudgedQuery {
    const relevant = emptyRelevant();
    for (const position of this.matching(asQuery)) {
      const record = this.records[position];
      if (record) relevant[record.kind].add(record.id);
    }
    return { query, class: queryClass, relevant };
  }

  /** True when any record contains `query`. */
  finds(query: string): boolean {
    return this.matching(query).length > 0;
  }
}

function emptyRelevant(): Record<Kind, Set<string>> {
  return { events: new Set(), talks: new Set(), speakers: new Set() };
}

/** How many relevant records `judged` has, over all kinds. */
export function relevantCount(judged: JudgedQuery): number {
  return KINDS.reduce((sum, kind) => sum + judged.relevant[kind].size, 0);
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

/** `count` distinct non-empty values of `make`, or fewer when candidates run out. */
function sample(count: number, make: () => string | undefined): string[] {
  const found = new Set<string>();
  for (let tries = 0; found.size < count && tries < count * TRIES_PER_QUERY; tries += 1) {
    const value = make();
    if (value) found.add(value);
  }
  return [...found];
}

/** A substring of 2–4 characters of a random Han run of the titles. */
function chineseSubstring(random: Random, hanRuns: readonly string[]): string | undefined {
  const run = pick(random, hanRuns);
  if (!run) return undefined;
  const characters = [...run];
  const length = 2 + Math.floor(random() * Math.min(3, characters.length - 1));
  const start = Math.floor(random() * (characters.length - length + 1));
  return characters.slice(start, start + length).join('');
}

/** ASCII letters and digits as their full-width forms: `istio` → `ｉｓｔｉｏ`. */
function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (character) =>
    String.fromCharCode(character.charCodeAt(0) + 0xfee0),
  );
}

function latinWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter(
    (word) => word.length >= MIN_WORD_LENGTH && !STOPWORDS.has(word.toLowerCase()),
  );
}

/** Samples `perClass` queries of every class from `bundle`, judged by `oracle`. */
export function sampleQueries(
  bundle: Bundle,
  oracle: Oracle,
  perClass: number,
  seed: number,
): JudgedQuery[] {
  const random = mulberry32(seed);
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const titles = [
    ...bundle.events.map((event) => event.title),
    ...bundle.talks.map((talk) => talk.title),
  ];
  const hanRuns = titles.flatMap(
    (title) => (title.match(/\p{Script=Han}{2,}/gu) ?? []) as string[],
  );
  const mixedTitles = titles.filter((title) => HAN.test(title) && latinWords(title).length > 0);
  const words = titles.flatMap(latinWords);
  const longWords = words.filter((word) => word.length >= MIN_PREFIX_SOURCE_LENGTH);
  const hanNames = bundle.speakers.filter((speaker) => HAN.test(speaker.name));
  const latinNames = bundle.speakers.filter(
    (speaker) => !HAN.test(speaker.name) && latinWords(speaker.name).length > 0,
  );

  const chinese = sample(perClass, () => chineseSubstring(random, hanRuns));
  const queries: JudgedQuery[] = [];
  const add = (queryClass: string, list: string[], asQuery?: (query: string) => string) => {
    for (const query of list) queries.push(oracle.judge(query, queryClass, asQuery?.(query)));
  };
  add('zh-words', chinese);

  const simplifiedOf = new Map<string, string>();
  for (const query of sample(perClass * 4, () => chineseSubstring(random, hanRuns))) {
    const traditional = toTraditional(query);
    if (traditional !== query && simplifiedOf.size < perClass) simplifiedOf.set(traditional, query);
  }
  add('zh-traditional', [...simplifiedOf.keys()], (query) => simplifiedOf.get(query) ?? query);

  add(
    'zh-mixed',
    sample(perClass, () => {
      const title = pick(random, mixedTitles);
      if (!title) return undefined;
      const han = chineseSubstring(random, title.match(/\p{Script=Han}{2,}/gu) ?? []);
      const word = pick(random, latinWords(title));
      return han && word ? `${word} ${han}` : undefined;
    }),
  );
  add(
    'zh-name',
    sample(perClass, () => pick(random, hanNames)?.name),
  );
  add(
    'pinyin',
    sample(perClass, () => pick(random, hanNames)?.pinyin[0]),
  );
  add(
    'pinyin-initials',
    sample(perClass, () => pick(random, hanNames)?.pinyin[1]),
  );
  add(
    'full-width',
    sample(perClass, () => {
      const word = pick(random, words);
      return word ? toFullWidth(word) : undefined;
    }),
  );
  add(
    'zh-decoy',
    sample(perClass, () => {
      // Two characters of one title, at least one apart, that no record has side by side.
      const characters = [...(pick(random, hanRuns) ?? '')];
      if (characters.length < 3) return undefined;
      const first = Math.floor(random() * (characters.length - 2));
      const second = first + 2 + Math.floor(random() * (characters.length - first - 2));
      const query = `${characters[first]}${characters[second]}`;
      return oracle.finds(query) ? undefined : query;
    }),
  );
  add(
    'latin-word',
    sample(perClass, () => pick(random, words)),
  );
  add(
    'latin-prefix',
    sample(perClass, () => {
      const word = pick(random, longWords);
      return word?.slice(0, 3 + Math.floor(random() * 3)).toLowerCase();
    }),
  );
  add(
    'latin-name',
    sample(perClass, () => pick(random, latinNames)?.name),
  );
  return queries;
}
