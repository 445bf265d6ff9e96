/**
 * The golden set: the seed posts of `content/` plus the search fixtures, compiled together, and
 * the golden queries of `tests/search/golden-queries.ts` that both engines can answer (those
 * with no filters and no date: Pagefind has neither the project's filters nor "upcoming").
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bundle } from '../../src/lib/schema';
import { compileRoots, type ContentRoot, type Corpus } from './corpora';
import type { JudgedQuery, QueryClass } from './query-sets';
import { KINDS, type Kind } from './records';

/** The golden queries' module and the folders its expectations were written against. */
const GOLDEN_QUERIES = 'tests/search/golden-queries.ts';
const GOLDEN_ROOTS = (root: string): ContentRoot[] => [
  { dir: path.join(root, 'content'), prefix: '' },
  { dir: path.join(root, 'tests', 'fixtures', 'search'), prefix: 'search/' },
];

/** The golden set, or null while its module does not exist yet. */
export interface GoldenSet {
  corpus: Corpus;
  queries: JudgedQuery[];
  classes: QueryClass[];
  /** Golden queries left out because they need filters or a date. */
  skipped: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** A class of `QUERY_CLASSES`, whatever shape the module gives it: an id or an object with one. */
function classOf(value: unknown): QueryClass | null {
  if (typeof value === 'string') return { id: value, label: value, chinese: isChineseClass(value) };
  if (!isRecord(value)) return null;
  const id =
    typeof value.id === 'string' ? value.id : typeof value.name === 'string' ? value.name : null;
  if (!id) return null;
  const label =
    typeof value.label === 'string'
      ? value.label
      : typeof value.description === 'string'
        ? value.description
        : id;
  return { id, label, chinese: isChineseClass(`${id} ${label}`) };
}

/** Whether a golden class is typed by someone writing Chinese, judged from its name. */
function isChineseClass(name: string): boolean {
  return /\p{Script=Han}|zh|chinese|han|pinyin|traditional|full-?width/iu.test(name);
}

/** Reads the golden queries module and compiles its corpus; null when the module is missing. */
export async function loadGoldenSet(root: string): Promise<GoldenSet | null> {
  const file = path.join(root, GOLDEN_QUERIES);
  if (!existsSync(file)) return null;
  const module: unknown = await import(pathToFileURL(file).href);
  if (!isRecord(module) || !Array.isArray(module.GOLDEN_QUERIES)) {
    throw new Error(`${GOLDEN_QUERIES} exports no GOLDEN_QUERIES array`);
  }
  const declared = Array.isArray(module.QUERY_CLASSES)
    ? module.QUERY_CLASSES.map(classOf).filter((item): item is QueryClass => item !== null)
    : isRecord(module.QUERY_CLASSES)
      ? Object.entries(module.QUERY_CLASSES).map(([id, value]) => ({
          ...(classOf(value) ?? { id, label: id, chinese: false }),
          id,
          chinese: isChineseClass(`${id} ${typeof value === 'string' ? value : ''}`),
        }))
      : [];
  const queries: JudgedQuery[] = [];
  let skipped = 0;
  for (const entry of module.GOLDEN_QUERIES as unknown[]) {
    if (!isRecord(entry) || typeof entry.query !== 'string' || !isRecord(entry.expect)) continue;
    const options = isRecord(entry.options) ? entry.options : {};
    if (entry.filters || entry.today || options.filters || options.today) {
      skipped += 1;
      continue;
    }
    const expect = entry.expect;
    const relevant = Object.fromEntries(
      KINDS.map((kind) => [kind, new Set(stringsOf(expect[kind]))]),
    ) as Record<Kind, Set<string>>;
    queries.push({ query: entry.query, class: String(entry.class ?? 'golden'), relevant });
  }
  const known = new Set(declared.map((item) => item.id));
  const classes = [
    ...declared.filter((item) => queries.some((query) => query.class === item.id)),
    ...[...new Set(queries.map((query) => query.class))]
      .filter((id) => !known.has(id))
      .map((id) => ({ id, label: id, chinese: isChineseClass(id) })),
  ];
  const { bundle, posts } = await compileRoots(GOLDEN_ROOTS(root));
  return {
    corpus: {
      name: 'golden',
      description: 'content/ (the five seed posts) and tests/fixtures/search/*.md',
      bundle: bundle satisfies Bundle,
      posts,
    },
    queries,
    classes,
    skipped,
  };
}
