/**
 * The records both engines index, one per event, talk and speaker, each with the text a query
 * can find it by. Pagefind gets exactly this text; the recall oracle judges against exactly this
 * text; Sidecar indexes the same fields from the bundle (`src/lib/search/content-index.ts`).
 */
import type { Bundle } from '../../src/lib/schema';

/** The kinds of record a query finds, as Sidecar names its result lists. */
export const KINDS = ['events', 'talks', 'speakers'] as const;
export type Kind = (typeof KINDS)[number];

/** Ids per kind. */
export type IdsByKind = Record<Kind, string[]>;

/** One searchable record. */
export interface SearchRecord {
  kind: Kind;
  id: string;
  /** What a result list shows. */
  title: string;
  /** Everything the record is found by, one field a line. */
  text: string;
}

/** Where a record lives in the Pagefind site: `/talks/<id>`. */
export function recordUrl(kind: Kind, id: string): string {
  return `/${kind}/${encodeURIComponent(id)}`;
}

/** The kind and id a Pagefind result url stands for; null for any other url. */
export function parseRecordUrl(url: string): { kind: Kind; id: string } | null {
  const match = /^\/(events|talks|speakers)\/([^/?#]+)/.exec(url);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as Kind, id: decodeURIComponent(match[2]) };
}

function lines(parts: (string | null | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join('\n');
}

/** Every record of `bundle` with its text: the fields Sidecar's index reads. */
export function collectRecords(bundle: Bundle): SearchRecord[] {
  const eventsById = new Map(bundle.events.map((event) => [event.id, event]));
  const speakersById = new Map(bundle.speakers.map((speaker) => [speaker.id, speaker]));
  const { placePinyin } = bundle.search;
  const records: SearchRecord[] = [];
  for (const event of bundle.events) {
    records.push({
      kind: 'events',
      id: event.id,
      title: event.title,
      text: lines([
        event.title,
        event.series,
        event.city,
        ...(event.city ? (placePinyin[event.city] ?? []) : []),
        event.venue,
        ...event.tags,
        event.summary,
      ]),
    });
  }
  for (const talk of bundle.talks) {
    const people = talk.speakers.flatMap((person) => {
      const speaker = speakersById.get(person.id);
      return [person.name, person.org, ...(speaker ? [...speaker.aliases, ...speaker.pinyin] : [])];
    });
    records.push({
      kind: 'talks',
      id: talk.id,
      title: talk.title,
      text: lines([talk.title, ...people, eventsById.get(talk.eventId)?.title, talk.abstract]),
    });
  }
  for (const speaker of bundle.speakers) {
    records.push({
      kind: 'speakers',
      id: speaker.id,
      title: speaker.name,
      text: lines([speaker.name, ...speaker.aliases, ...speaker.pinyin, ...speaker.orgs]),
    });
  }
  return records;
}
