/**
 * `npm run search -- [--bundle FILE] [--content DIR] [--json] [--limit N] [--today YYYY-MM-DD]
 *   [--year YYYY] [--city CITY] [--format offline|online|hybrid] [--series NAME] "QUERY"`
 *
 * Runs the app's own search module over a compiled bundle and prints the ranked results, so an
 * organizer can check what attendees will find before deploying. Without `--bundle` it compiles
 * the content folder first (`--content`, else `SIDECAR_CONTENT`, else `content/`). With `--json`
 * it prints `{"events":[{"id","title"}],"talks":[{"id","title","eventId"}],"speakers":[{"id","name"}]}`
 * in rank order. Exit codes: 0 results or none, 1 when the bundle cannot be read, 2 on bad usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileContentInParallel } from '../compiler/compile-in-parallel';
import { readContentTree } from '../compiler/read-content';
import { readDictionary } from '../compiler/read-dictionary';
import { readGlossary } from '../compiler/read-glossary';
import { readSpeakersFile } from '../compiler/read-speakers';
import { isBundle, type Bundle, type EventFormat } from '../lib/schema';
import { ContentIndex, type SearchFilters, type SearchResult } from '../lib/search/content-index';
import type { Highlighter } from '../lib/search/highlight';

const USAGE =
  'Usage: npm run search -- [--bundle FILE] [--content DIR] [--json] [--limit N] [--today YYYY-MM-DD] [--year YYYY] [--city CITY] [--format offline|online|hybrid] [--series NAME] "QUERY"';
const DEFAULT_LIMIT = 10;
const FORMATS: readonly string[] = ['offline', 'online', 'hybrid'];

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        bundle: { type: 'string' },
        content: { type: 'string', default: process.env.SIDECAR_CONTENT || 'content' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string', default: String(DEFAULT_LIMIT) },
        today: { type: 'string' },
        year: { type: 'string' },
        city: { type: 'string' },
        format: { type: 'string' },
        series: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    fail(`--limit must be a whole number ≥ 1\n${USAGE}`, 2);
  if (values.format !== undefined && !FORMATS.includes(values.format)) {
    fail(`--format must be one of ${FORMATS.join(', ')}\n${USAGE}`, 2);
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    fail(`--today must be a date such as 2026-11-23\n${USAGE}`, 2);
  }
  const filters: SearchFilters = {
    year: values.year,
    city: values.city,
    format: values.format as EventFormat | undefined,
    series: values.series,
  };
  const query = positionals.join(' ');
  if (!query.trim() && Object.values(filters).every((value) => value === undefined)) {
    fail(`Give a query, a filter, or both.\n${USAGE}`, 2);
  }
  return { ...values, limit, filters, query };
}

async function loadBundle(bundlePath: string | undefined, contentDir: string): Promise<Bundle> {
  if (bundlePath) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(bundlePath, 'utf8'));
    } catch (error) {
      fail(`Cannot read the bundle ${bundlePath}: ${(error as Error).message}`, 1);
    }
    if (!isBundle(data)) {
      fail(
        `${bundlePath} is not a bundle this version of Sidecar reads; compile it again with npm run content -- --out FILE.`,
        1,
      );
    }
    return data;
  }
  const root = path.resolve(contentDir);
  try {
    const tree = await readContentTree(root);
    // The same glossary `npm run content` compiles with, so the answers match the app's.
    const glossary = await readGlossary();
    const speakers = await readSpeakersFile(root);
    const result = await compileContentInParallel(tree.files, {
      generatedAt: new Date().toISOString(),
      ...(glossary && { glossary }),
      ...(speakers && { speakers }),
      dictionary: readDictionary,
    });
    return result.bundle;
  } catch (error) {
    fail(`Cannot compile the content folder ${root}: ${(error as Error).message}`, 1);
  }
}

/** The ranked records, in the shape `--json` prints. */
function rankedRecords(bundle: Bundle, found: SearchResult) {
  const events = new Map(bundle.events.map((event) => [event.id, event]));
  const talks = new Map(bundle.talks.map((talk) => [talk.id, talk]));
  const speakers = new Map(bundle.speakers.map((speaker) => [speaker.id, speaker]));
  return {
    events: found.events.flatMap((id) => {
      const event = events.get(id);
      return event ? [{ id, title: event.title }] : [];
    }),
    talks: found.talks.flatMap((id) => {
      const talk = talks.get(id);
      return talk ? [{ id, title: talk.title, eventId: talk.eventId }] : [];
    }),
    speakers: found.speakers.flatMap((id) => {
      const speaker = speakers.get(id);
      return speaker ? [{ id, name: speaker.name }] : [];
    }),
  };
}

/** `text` with the matched parts in [brackets], so a terminal shows why a result was found. */
function marked(text: string, marks: Highlighter): string {
  return marks
    .segments(text)
    .map((segment) => (segment.match ? `[${segment.text}]` : segment.text))
    .join('');
}

function printResults(bundle: Bundle, found: SearchResult, marks: Highlighter): void {
  const records = rankedRecords(bundle, found);
  const events = new Map(bundle.events.map((event) => [event.id, event]));
  const talks = new Map(bundle.talks.map((talk) => [talk.id, talk]));
  const lines: string[] = [];
  if (found.terms.length > 1) lines.push(`Also searched: ${found.terms.slice(1).join(', ')}`);
  const section = (title: string, rows: string[]) => {
    if (rows.length === 0) return;
    lines.push('', `${title} (${rows.length})`);
    rows.forEach((row, rank) => lines.push(`${String(rank + 1).padStart(3)}. ${row}`));
  };
  section(
    'Events',
    records.events.map(({ id, title }) => {
      const event = events.get(id);
      const detail = [event?.date, event?.city, event?.series].filter(Boolean).join(' · ');
      return `${marked(title, marks)}  ${detail}  (${id})`;
    }),
  );
  section(
    'Talks',
    records.talks.map(({ id, title, eventId }) => {
      const talk = talks.get(id);
      const people = (talk?.speakers ?? []).map((person) => person.name).join(', ');
      const when = talk?.date ?? events.get(eventId)?.date ?? 'no date';
      return `${marked(title, marks)}  ${marked(people, marks)}  ${when}  (${id})`;
    }),
  );
  section(
    'Speakers',
    records.speakers.map(({ id, name }) => `${marked(name, marks)}  (${id})`),
  );
  if (lines.length === 0) lines.push('No results.');
  process.stdout.write(`${lines.join('\n').trimStart()}\n`);
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  const bundle = await loadBundle(options.bundle, options.content);
  const index = ContentIndex.build(bundle);
  const found = index.search(options.query, {
    limit: options.limit,
    today: options.today,
    filters: options.filters,
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rankedRecords(bundle, found))}\n`);
  } else {
    printResults(bundle, found, index.highlighter(found.terms));
  }
}

await main();
