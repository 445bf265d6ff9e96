/**
 * Small hand-made bundles for search tests: each test states only the records and the search
 * aids it is about, so a failure points at the engine rather than at the compiler.
 */
import {
  BUNDLE_FORMAT,
  EMPTY_SEARCH_AIDS,
  type Bundle,
  type Event,
  type SearchAids,
  type Speaker,
  type Talk,
} from '../../src/lib/schema';

export interface TalkSpec {
  id: string;
  title: string;
  event: string;
  speakers?: { name: string; org?: string }[];
  abstract?: string;
}

export interface EventSpec {
  id: string;
  title: string;
  date?: string;
  city?: string;
  format?: Event['format'];
  series?: string;
}

function speakerId(name: string): string {
  return `speaker-${[...name].map((character) => character.codePointAt(0)).join('-')}`;
}

/** A bundle of `events` and `talks`; speakers are made from the talks' names. */
export function makeBundle(
  events: EventSpec[],
  talks: TalkSpec[],
  options: { search?: Partial<SearchAids>; pinyin?: Record<string, string[]> } = {},
): Bundle {
  const speakers = new Map<string, Speaker>();
  const talkRecords: Talk[] = talks.map((spec) => {
    const people = (spec.speakers ?? []).map((person) => {
      const id = speakerId(person.name);
      const speaker = speakers.get(id) ?? {
        id,
        name: person.name,
        aliases: [],
        talkIds: [],
        orgs: [],
        pinyin: options.pinyin?.[person.name] ?? [],
      };
      speaker.talkIds.push(spec.id);
      if (person.org && !speaker.orgs.includes(person.org)) speaker.orgs.push(person.org);
      speakers.set(id, speaker);
      return { id, name: person.name, org: person.org ?? null, role: null };
    });
    const date = events.find((event) => event.id === spec.event)?.date ?? null;
    return {
      id: spec.id,
      eventId: spec.event,
      title: spec.title,
      speakers: people,
      date,
      start: null,
      end: null,
      abstract: spec.abstract ?? null,
      slidesUrl: null,
      videoUrl: null,
    };
  });
  const eventRecords: Event[] = events.map((spec) => ({
    id: spec.id,
    source: `${spec.id}.md`,
    title: spec.title,
    lang: 'zh',
    date: spec.date ?? null,
    endDate: null,
    start: null,
    end: null,
    timezone: null,
    city: spec.city ?? null,
    venue: null,
    format: spec.format ?? null,
    series: spec.series ?? null,
    talkIds: talks.filter((talk) => talk.event === spec.id).map((talk) => talk.id),
    links: [],
    postDate: null,
    tags: [],
    summary: '',
    html: '',
    text: '',
  }));
  return {
    format: BUNDLE_FORMAT,
    contentHash: 'test',
    generatedAt: '2026-01-01T00:00:00.000Z',
    events: eventRecords,
    talks: talkRecords,
    speakers: [...speakers.values()],
    search: { ...EMPTY_SEARCH_AIDS, ...options.search },
  };
}
