/**
 * The golden queries of `golden-queries.ts` against the app's search. The seed posts and the
 * search fixtures are compiled together by the real compiler, with the project's glossary, and
 * indexed once; each query is then asked as a reader would ask it, on `GOLDEN_TODAY`, and is its
 * own test, named after its text and class. A failure says what the query proves, what was wrong
 * and everything that came back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { foldCharacters } from '../../src/compiler/character-folds';
import { compileContent, type CompileResult } from '../../src/compiler/compile';
import { parseGlossary } from '../../src/compiler/glossary';
import { readContentTree, type SourceFile } from '../../src/compiler/read-content';
import { readDictionary } from '../../src/compiler/read-dictionary';
import { readGlossary } from '../../src/compiler/read-glossary';
import type { Bundle, Event } from '../../src/lib/schema';
import { ContentIndex } from '../../src/lib/search/content-index';
import { normalizeText } from '../../src/lib/search/encoder';
import {
  GOLDEN_CONTENT,
  GOLDEN_LIMIT,
  GOLDEN_QUERIES,
  GOLDEN_TODAY,
  QUERY_CLASSES,
  type GoldenFilters,
  type GoldenQuery,
  type RecordIds,
  type RecordKind,
} from './golden-queries';

/** The build time stamped into the bundle; nothing here depends on it. */
const GENERATED_AT = '2026-01-01T00:00:00.000Z';

/** What the issue asks for: recall over at least this many queries, several per class. */
const MIN_QUERIES = 50;
const MIN_QUERIES_PER_CLASS = 3;
const MIN_GLOSSARY_GROUPS = 60;

/** Pairs the issue names; the glossary must keep each in one group. */
const REQUIRED_PAIRS: [string, string][] = [
  ['服务网格', 'service mesh'],
  ['可观测性', 'observability'],
  ['云原生', 'cloud native'],
  ['多集群', 'multi-cluster'],
  ['注册中心', 'service registry'],
  ['机密计算', 'confidential computing'],
  ['多运行时', 'multi-runtime'],
];

const KINDS: readonly RecordKind[] = ['events', 'talks', 'speakers'];
const HAN = /\p{Script=Han}/u;

let compiled: CompileResult;
let bundle: Bundle;
let index: ContentIndex;
let glossaryText: string;

/** Reads every folder of `GOLDEN_CONTENT`, each file's path under the folder's prefix. */
async function readGoldenFiles(): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const { dir, prefix } of GOLDEN_CONTENT) {
    const tree = await readContentTree(dir);
    files.push(...tree.files.map((file) => ({ ...file, path: `${prefix}${file.path}` })));
  }
  return files;
}

beforeAll(async () => {
  const glossary = await readGlossary();
  if (!glossary) throw new Error('src/compiler/data/glossary.yaml is missing');
  glossaryText = glossary.text;
  compiled = compileContent(await readGoldenFiles(), {
    generatedAt: GENERATED_AT,
    glossary,
    dictionary: readDictionary,
  });
  bundle = compiled.bundle;
  index = ContentIndex.build(bundle);
});

/** A record's id with what a reader would recognise it by. */
function label(kind: RecordKind, id: string): string {
  const text =
    kind === 'events'
      ? bundle.events.find((event) => event.id === id)?.title
      : kind === 'talks'
        ? bundle.talks.find((talk) => talk.id === id)?.title
        : bundle.speakers.find((speaker) => speaker.id === id)?.name;
  return `${id} (${text ?? 'not in the bundle'})`;
}

function idsOf(ids: RecordIds | undefined, kind: RecordKind): readonly string[] {
  return ids?.[kind] ?? [];
}

function eventOf(id: string): Event | undefined {
  return bundle.events.find((event) => event.id === id);
}

function eventMatches(event: Event | undefined, filters: GoldenFilters): boolean {
  if (!event) return false;
  return (
    (filters.year === undefined || event.date?.slice(0, 4) === filters.year) &&
    (filters.city === undefined || event.city === filters.city) &&
    (filters.format === undefined || event.format === filters.format) &&
    (filters.series === undefined || event.series === filters.series)
  );
}

/** Whether a record belongs to an event that passes `filters` (a speaker: any of their talks). */
function recordMatches(kind: RecordKind, id: string, filters: GoldenFilters): boolean {
  if (kind === 'events') return eventMatches(eventOf(id), filters);
  const talkMatches = (talkId: string) => {
    const talk = bundle.talks.find((candidate) => candidate.id === talkId);
    return talk !== undefined && eventMatches(eventOf(talk.eventId), filters);
  };
  if (kind === 'talks') return talkMatches(id);
  const speaker = bundle.speakers.find((candidate) => candidate.id === id);
  return speaker !== undefined && speaker.talkIds.some(talkMatches);
}

/** Everything `found` gets wrong about `golden`, one line each; empty when it passes. */
function problemsWith(golden: GoldenQuery, found: Record<RecordKind, string[]>): string[] {
  const problems: string[] = [];
  for (const kind of KINDS) {
    const got = found[kind];
    const expected = golden.expect[kind];
    for (const id of expected ?? []) {
      if (!got.includes(id)) problems.push(`${kind}: missing ${label(kind, id)}`);
    }
    for (const id of idsOf(golden.reject, kind)) {
      if (got.includes(id))
        problems.push(`${kind}: returned ${label(kind, id)}, which it must not`);
    }
    if (golden.exclusive && expected !== undefined) {
      const related = new Set([...expected, ...idsOf(golden.allow, kind)]);
      for (const id of got) {
        if (!related.has(id)) problems.push(`${kind}: returned unrelated ${label(kind, id)}`);
      }
    }
    const max = golden.max?.[kind];
    if (max !== undefined && got.length > max) {
      problems.push(`${kind}: returned ${got.length}, more than the ${max} allowed`);
    }
    if (golden.filters) {
      const filters = golden.filters;
      for (const id of got) {
        if (!recordMatches(kind, id, filters))
          problems.push(`${kind}: returned ${label(kind, id)}, outside the filters`);
      }
    }
  }
  for (const rule of golden.rank ?? []) {
    const got = found[rule.kind];
    const positions = rule.above.map((id) => got.indexOf(id));
    rule.above.forEach((id, at) => {
      if (positions[at] === -1)
        problems.push(`${rule.kind} (${rule.reason}): ${label(rule.kind, id)} not found`);
    });
    const lastAbove = Math.max(...positions);
    for (const id of rule.below) {
      const position = got.indexOf(id);
      if (position !== -1 && position < lastAbove) {
        const overtaken = rule.above[positions.indexOf(lastAbove)] ?? '';
        problems.push(
          `${rule.kind} (${rule.reason}): ${label(rule.kind, id)} is #${position + 1}, before ${label(rule.kind, overtaken)} at #${lastAbove + 1}`,
        );
      }
    }
  }
  return problems;
}

/** What the search returned, numbered, for the failure message. */
function describeFound(found: Record<RecordKind, string[]>): string {
  return KINDS.map((kind) => {
    const lines = found[kind].map((id, at) => `    ${at + 1}. ${label(kind, id)}`);
    return `  ${kind}:${lines.length > 0 ? `\n${lines.join('\n')}` : ' none'}`;
  }).join('\n');
}

function describeFilters(filters: GoldenFilters | undefined): string {
  if (!filters) return '';
  const parts = Object.entries(filters).map(([key, value]) => `${key}=${value}`);
  return ` {${parts.join(', ')}}`;
}

describe('the golden content', () => {
  it('compiles the seed posts and the search fixtures with no errors, glossary included', () => {
    expect(compiled.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
    expect(bundle.search.glossary.length).toBeGreaterThan(0);
  });

  it('holds every record a golden query names', () => {
    const known: Record<RecordKind, Set<string>> = {
      events: new Set(bundle.events.map((event) => event.id)),
      talks: new Set(bundle.talks.map((talk) => talk.id)),
      speakers: new Set(bundle.speakers.map((speaker) => speaker.id)),
    };
    const missing = GOLDEN_QUERIES.flatMap((golden) =>
      KINDS.flatMap((kind) => {
        const named = [
          ...idsOf(golden.expect, kind),
          ...idsOf(golden.allow, kind),
          ...idsOf(golden.reject, kind),
          ...(golden.rank ?? [])
            .filter((rule) => rule.kind === kind)
            .flatMap((rule) => [...rule.above, ...rule.below]),
        ];
        return named.filter((id) => !known[kind].has(id)).map((id) => `${golden.query}: ${id}`);
      }),
    );
    expect(missing).toEqual([]);
  });
});

describe('the golden queries', () => {
  it(`number at least ${MIN_QUERIES}, with at least ${MIN_QUERIES_PER_CLASS} in every class`, () => {
    expect(GOLDEN_QUERIES.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    const thin = QUERY_CLASSES.filter(
      ({ id }) =>
        GOLDEN_QUERIES.filter((golden) => golden.class === id).length < MIN_QUERIES_PER_CLASS,
    );
    expect(thin.map(({ id }) => id)).toEqual([]);
  });

  it('agree with themselves: ranked ids are expected or allowed, none is both found and rejected', () => {
    const contradictions = GOLDEN_QUERIES.flatMap((golden) => [
      ...KINDS.flatMap((kind) =>
        idsOf(golden.reject, kind)
          .filter((id) =>
            [...idsOf(golden.expect, kind), ...idsOf(golden.allow, kind)].includes(id),
          )
          .map((id) => `${golden.query}: ${id} is both expected and rejected`),
      ),
      ...(golden.rank ?? []).flatMap((rule) =>
        rule.above
          .filter((id) => !idsOf(golden.expect, rule.kind).includes(id))
          .map((id) => `${golden.query}: ${id} must rank first but is not expected`),
      ),
    ]);
    expect(contradictions).toEqual([]);
  });

  it('expect only records inside their filters, and reject records outside them', () => {
    const wrong = GOLDEN_QUERIES.filter((golden) => golden.filters).flatMap((golden) => {
      const filters = golden.filters ?? {};
      return KINDS.flatMap((kind) => [
        ...idsOf(golden.expect, kind)
          .filter((id) => !recordMatches(kind, id, filters))
          .map((id) => `${golden.query}: expects ${id}, outside the filters`),
        ...idsOf(golden.reject, kind)
          .filter((id) => recordMatches(kind, id, filters))
          .map((id) => `${golden.query}: rejects ${id}, inside the filters`),
      ]);
    });
    expect(wrong).toEqual([]);
  });
});

describe('the glossary', () => {
  const groups = () => {
    const parsed = parseGlossary({ file: 'glossary.yaml', text: glossaryText });
    expect(parsed.diagnostics).toEqual([]);
    return parsed.groups;
  };

  it(`has at least ${MIN_GLOSSARY_GROUPS} groups, each pairing Chinese (first) with English`, () => {
    const all = groups();
    expect(all.length).toBeGreaterThanOrEqual(MIN_GLOSSARY_GROUPS);
    const oneSided = all.filter(
      (group) =>
        !HAN.test(group[0] ?? '') || !group.some((term) => !HAN.test(term)) || group.length < 2,
    );
    expect(oneSided).toEqual([]);
  });

  it('writes Chinese in Simplified characters only, and English in lower case', () => {
    const terms = groups().flat();
    expect(terms.filter((term) => HAN.test(term) && foldCharacters(term) !== term)).toEqual([]);
    expect(terms.filter((term) => !HAN.test(term) && term !== term.toLowerCase())).toEqual([]);
  });

  it('lists no term twice, as the search reads terms', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const term of groups().flat()) {
      const key = normalizeText(term);
      const earlier = seen.get(key);
      if (earlier !== undefined) repeated.push(`${term} = ${earlier}`);
      else seen.set(key, term);
    }
    expect(repeated).toEqual([]);
  });

  it('keeps each pair the issue names in one group', () => {
    const all = groups();
    const apart = REQUIRED_PAIRS.filter(
      ([chinese, english]) =>
        !all.some((group) => group.includes(chinese) && group.includes(english)),
    );
    expect(apart).toEqual([]);
  });
});

for (const { id: queryClass, description } of QUERY_CLASSES) {
  describe(`${queryClass}: ${description}`, () => {
    for (const golden of GOLDEN_QUERIES.filter((item) => item.class === queryClass)) {
      it(`"${golden.query}"${describeFilters(golden.filters)} [${queryClass}]: ${golden.why}`, () => {
        const found = index.search(golden.query, {
          limit: GOLDEN_LIMIT,
          today: GOLDEN_TODAY,
          filters: golden.filters ?? {},
        });
        const problems = problemsWith(golden, found);
        expect(
          problems,
          `"${golden.query}" should find: ${golden.why}\nReturned:\n${describeFound(found)}`,
        ).toEqual([]);
      });
    }
  });
}
