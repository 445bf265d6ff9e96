/**
 * The golden set: the seed posts of `content/` plus the search fixtures, compiled together as
 * `tests/search/golden.test.ts` compiles them, and the golden queries both engines can answer:
 * those with no filters (Pagefind has none of the project's). Their rank rules and typo caps are
 * the app's own rules and are left to the test; here a query is scored by recall of its
 * `expect`ed ids and, where it names false friends (`reject`, or `exclusive` with `allow`), by
 * whether the first ten keep them out.
 */
import path from 'node:path';
import {
  GOLDEN_CONTENT,
  GOLDEN_QUERIES,
  GOLDEN_TODAY,
  QUERY_CLASSES,
  type GoldenQuery,
} from '../../tests/search/golden-queries';
import { compileRoots, type Corpus } from './corpora';
import type { JudgedQuery, QueryClass } from './query-sets';
import { KINDS, type IdsByKind, type Kind } from './records';
import { scoreQuery, type QueryScore } from './score';

/** The day golden queries are asked on (Sidecar ranks upcoming events first at equal relevance). */
export { GOLDEN_TODAY };

/** The golden corpus, its applicable queries and their classes. */
export interface GoldenSet {
  corpus: Corpus;
  queries: JudgedQuery[];
  /** The golden query each of `queries` came from, at the same position. */
  sources: GoldenQuery[];
  classes: QueryClass[];
  /** Golden queries left out because they carry filters. */
  skipped: number;
}

const HAN_OR_FULL_WIDTH = /[\p{Script=Han}\uff01-\uff5e\u3000]/u;

/** A class counts as Chinese when its queries are written in Han, pinyin or full-width forms. */
function isChineseClass(id: string, queries: readonly GoldenQuery[]): boolean {
  return (
    id.startsWith('pinyin') ||
    queries.some((query) => query.class === id && HAN_OR_FULL_WIDTH.test(query.query))
  );
}

/** Compiles the golden corpus and reads the golden queries that apply to both engines. */
export async function loadGoldenSet(root: string): Promise<GoldenSet> {
  const applicable = GOLDEN_QUERIES.filter((query) => !query.filters);
  const queries = applicable.map((golden) => ({
    query: golden.query,
    class: golden.class,
    relevant: Object.fromEntries(
      KINDS.map((kind) => [kind, new Set(golden.expect[kind] ?? [])]),
    ) as Record<Kind, Set<string>>,
  }));
  const classes = QUERY_CLASSES.filter(({ id }) =>
    applicable.some((query) => query.class === id),
  ).map(({ id, description }) => ({
    id,
    label: description,
    chinese: isChineseClass(id, applicable),
  }));
  const { bundle, posts } = await compileRoots(
    GOLDEN_CONTENT.map(({ dir, prefix }) => ({ dir: path.join(root, dir), prefix })),
  );
  return {
    corpus: {
      name: 'golden',
      description: 'content/ (the five seed posts) and tests/fixtures/search/*.md',
      bundle,
      posts,
    },
    queries,
    sources: applicable,
    classes,
    skipped: GOLDEN_QUERIES.length - applicable.length,
  };
}

/**
 * Whether `found` keeps out what `golden` forbids: its `reject`ed ids, and for an `exclusive`
 * query anything outside `expect` and `allow` in the kinds `expect` lists. Null when the query
 * forbids nothing.
 */
export function keepsFalseFriendsOut(golden: GoldenQuery, found: IdsByKind): number | null {
  const rejected = KINDS.flatMap((kind) => golden.reject?.[kind] ?? []);
  if (rejected.length === 0 && !golden.exclusive) return null;
  for (const kind of KINDS) {
    const forbidden = new Set(golden.reject?.[kind] ?? []);
    const expected = golden.expect[kind];
    const allowed = new Set([...(expected ?? []), ...(golden.allow?.[kind] ?? [])]);
    for (const id of found[kind]) {
      if (forbidden.has(id)) return 0;
      if (golden.exclusive && expected && !allowed.has(id)) return 0;
    }
  }
  return 1;
}

/** A golden query's score: recall of `expect`, precision as "kept false friends out". */
export function scoreGoldenQuery(
  golden: GoldenQuery,
  judged: JudgedQuery,
  found: IdsByKind,
): QueryScore {
  return {
    recall: scoreQuery(judged, found).recall,
    precision: keepsFalseFriendsOut(golden, found),
  };
}
