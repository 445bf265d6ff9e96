/**
 * Extraction labels: what a careful person reads in a post (docs/extraction-labels.md), and the
 * guard that turns a labels file into them. The guard names every bad entry by its JSON path, so a
 * labeller can fix the file without reading this code.
 */

/** What a post is, as its labeller judged it. */
export const POST_KINDS = [
  'announcement',
  'recap',
  'livestream',
  'webinar',
  'conference',
  'talk-page',
  'listing',
  'not-an-event',
] as const;

/** One of `POST_KINDS`. */
export type PostKind = (typeof POST_KINDS)[number];

const FORMATS = ['offline', 'online', 'hybrid'] as const;

/** One speaker as the post names them on one talk. */
export interface LabelSpeaker {
  name: string;
  company: string | null;
  role: string | null;
}

/** One session on the agenda, as the post gives it. */
export interface LabelTalk {
  /** Null for a session the post describes without a title of its own. */
  title: string | null;
  speakers: LabelSpeaker[];
  date: string | null;
  start: string | null;
  end: string | null;
}

/** The event's facts; null where the post does not state them. */
export interface LabelEvent {
  title: string | null;
  date: string | null;
  endDate: string | null;
  start: string | null;
  end: string | null;
  timezone: string | null;
  city: string | null;
  venue: string | null;
  format: (typeof FORMATS)[number] | null;
}

/** The truth about one event: a post, or the pages of one folder that describe one event. */
export interface Label {
  /** Path relative to the corpus root; for a multi-page event, the page that names the event. */
  source: string;
  /** Every page of a multi-page event, `source` included; just `[source]` otherwise. */
  pages: string[];
  lang: string;
  kind: PostKind;
  event: LabelEvent;
  talks: LabelTalk[];
  notes: string | null;
}

/** A labels file that does not follow the format: where, and what is wrong. */
export class LabelsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid labels file:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Problems = string[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reports keys the format does not have: a misspelt key would otherwise read as a null fact. */
function checkKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  at: string,
  problems: Problems,
): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key))
      problems.push(`${at}.${key}: unknown key (expected one of ${known.join(', ')})`);
  }
}

function readString(value: unknown, at: string, problems: Problems): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push(`${at}: expected a non-empty string, found ${JSON.stringify(value) ?? 'nothing'}`);
  return '';
}

/** A nullable fact: absent counts as null, so a labeller may leave out what the post omits. */
function readNullable(
  value: unknown,
  at: string,
  problems: Problems,
  pattern?: { test: RegExp; shape: string },
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${at}: expected a non-empty string or null, found ${JSON.stringify(value)}`);
    return null;
  }
  if (pattern && !pattern.test.test(value)) {
    problems.push(`${at}: expected ${pattern.shape} or null, found ${JSON.stringify(value)}`);
    return null;
  }
  return value;
}

function readDate(value: unknown, at: string, problems: Problems): string | null {
  return readNullable(value, at, problems, { test: DATE, shape: 'YYYY-MM-DD' });
}

function readTime(value: unknown, at: string, problems: Problems): string | null {
  return readNullable(value, at, problems, { test: TIME, shape: 'HH:MM' });
}

function readOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  at: string,
  problems: Problems,
): T | null {
  if (value === null || value === undefined) return null;
  if (allowed.includes(value as T)) return value as T;
  problems.push(
    `${at}: expected one of ${allowed.join(', ')} or null, found ${JSON.stringify(value)}`,
  );
  return null;
}

function readArray(value: unknown, at: string, problems: Problems): unknown[] {
  if (Array.isArray(value)) return value;
  problems.push(`${at}: expected an array, found ${JSON.stringify(value) ?? 'nothing'}`);
  return [];
}

function readSpeaker(value: unknown, at: string, problems: Problems): LabelSpeaker {
  if (!isRecord(value)) {
    problems.push(`${at}: expected { "name", "company", "role" }, found ${JSON.stringify(value)}`);
    return { name: '', company: null, role: null };
  }
  checkKeys(value, ['name', 'company', 'role'], at, problems);
  return {
    name: readString(value.name, `${at}.name`, problems),
    company: readNullable(value.company, `${at}.company`, problems),
    role: readNullable(value.role, `${at}.role`, problems),
  };
}

function readTalk(value: unknown, at: string, problems: Problems): LabelTalk {
  if (!isRecord(value)) {
    problems.push(`${at}: expected a talk object, found ${JSON.stringify(value)}`);
    return { title: null, speakers: [], date: null, start: null, end: null };
  }
  checkKeys(value, ['title', 'speakers', 'date', 'start', 'end'], at, problems);
  return {
    title: readNullable(value.title, `${at}.title`, problems),
    speakers: readArray(value.speakers ?? [], `${at}.speakers`, problems).map((speaker, index) =>
      readSpeaker(speaker, `${at}.speakers[${index}]`, problems),
    ),
    date: readDate(value.date, `${at}.date`, problems),
    start: readTime(value.start, `${at}.start`, problems),
    end: readTime(value.end, `${at}.end`, problems),
  };
}

const EVENT_KEYS = [
  'title',
  'date',
  'endDate',
  'start',
  'end',
  'timezone',
  'city',
  'venue',
  'format',
];

function readEvent(value: unknown, at: string, problems: Problems): LabelEvent {
  const record = isRecord(value) ? value : {};
  if (!isRecord(value))
    problems.push(`${at}: expected an event object, found ${JSON.stringify(value)}`);
  checkKeys(record, EVENT_KEYS, at, problems);
  return {
    title: readNullable(record.title, `${at}.title`, problems),
    date: readDate(record.date, `${at}.date`, problems),
    endDate: readDate(record.endDate, `${at}.endDate`, problems),
    start: readTime(record.start, `${at}.start`, problems),
    end: readTime(record.end, `${at}.end`, problems),
    timezone: readNullable(record.timezone, `${at}.timezone`, problems),
    city: readNullable(record.city, `${at}.city`, problems),
    venue: readNullable(record.venue, `${at}.venue`, problems),
    format: readOneOf(record.format, FORMATS, `${at}.format`, problems),
  };
}

const LABEL_KEYS = ['source', 'pages', 'lang', 'kind', 'event', 'talks', 'notes'];

function readLabel(value: unknown, at: string, problems: Problems): Label | null {
  if (!isRecord(value)) {
    problems.push(`${at}: expected a label object, found ${JSON.stringify(value)}`);
    return null;
  }
  checkKeys(value, LABEL_KEYS, at, problems);
  const source = readString(value.source, `${at}.source`, problems);
  const pages =
    value.pages === undefined
      ? [source]
      : readArray(value.pages, `${at}.pages`, problems).map((page, index) =>
          readString(page, `${at}.pages[${index}]`, problems),
        );
  if (value.pages !== undefined && !pages.includes(source)) pages.unshift(source);
  const kind = readOneOf(value.kind, POST_KINDS, `${at}.kind`, problems);
  if (kind === null && value.kind == null) problems.push(`${at}.kind: missing`);
  return {
    source,
    pages,
    lang: readString(value.lang, `${at}.lang`, problems),
    kind: kind ?? 'not-an-event',
    event: readEvent(value.event, `${at}.event`, problems),
    talks: readArray(value.talks, `${at}.talks`, problems).map((talk, index) =>
      readTalk(talk, `${at}.talks[${index}]`, problems),
    ),
    notes: readNullable(value.notes, `${at}.notes`, problems),
  };
}

/**
 * The labels in a parsed labels file, or a `LabelsError` listing every bad entry by JSON path
 * (`posts[3].talks[0].start: expected HH:MM or null, found "9:30"`). `file` names it in the error.
 */
export function parseLabels(value: unknown, file: string): Label[] {
  const problems: Problems = [];
  if (!isRecord(value))
    throw new LabelsError(file, ['$: expected { "version": 1, "posts": [...] }']);
  if (value.version !== 1)
    problems.push(`version: expected 1, found ${JSON.stringify(value.version)}`);
  const read = readArray(value.posts, 'posts', problems).map((item, index) =>
    readLabel(item, `posts[${index}]`, problems),
  );
  const seen = new Map<string, number>();
  read.forEach((label, index) => {
    if (!label) return;
    const first = seen.get(label.source);
    if (first !== undefined) {
      problems.push(
        `posts[${index}].source: ${label.source} is labelled already at posts[${first}]`,
      );
    } else seen.set(label.source, index);
  });
  const labels = read.filter((label): label is Label => label !== null);
  if (problems.length > 0) throw new LabelsError(file, problems);
  return labels;
}
