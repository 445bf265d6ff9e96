/**
 * Builds each page's view from a `ContentReader`. Pure apart from the reads, and shared by the
 * prerenderer and the data worker, so both produce the same objects from the same content.
 */
import type { Event, Speaker, Talk } from '$lib/schema';
import type { Highlighter } from '$lib/search/highlight';
import type { FilterChoices, SearchFilters, SearchResult } from '$lib/search/content-index';
import type { ContentRequest, RequestResult } from '$lib/worker/protocol';
import { linkImages, nestHeadings } from './offline-html';
import { starNotices, type StarRecord } from './starred-changes';
import type {
  ContentReader,
  EventSummary,
  EventView,
  HomeView,
  MyAgendaView,
  SearchHit,
  SearchView,
  SpeakerView,
  TalkInEvent,
  TalkView,
} from './index';

/** How much of an abstract a search result shows around the first match. */
const SNIPPET_LENGTH = 80;

/** The list-line form of an event. */
export function summarizeEvent(event: Event): EventSummary {
  return {
    id: event.id,
    title: event.title,
    lang: event.lang,
    date: event.date,
    endDate: event.endDate,
    start: event.start,
    end: event.end,
    timezone: event.timezone,
    city: event.city,
    format: event.format,
    talkCount: event.talkIds.length,
  };
}

/** Orders by date then start time; undated items last. `'9999'` sorts after every real date. */
function chronologicalKey(date: string | null, start: string | null): string {
  return `${date ?? '9999'} ${start ?? '99:99'}`;
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const left = key(a);
    const right = key(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

/** Every event, in date order (undated last, ties by title). */
export async function buildHomeView(reader: ContentReader): Promise<HomeView> {
  const events = (await reader.listEvents()).map(summarizeEvent);
  events.sort(byKey((event) => `${chronologicalKey(event.date, event.start)} ${event.title}`));
  return { events };
}

function present<T>(item: T | undefined): item is T {
  return item !== undefined;
}

async function readTalks(reader: ContentReader, ids: readonly string[]): Promise<Talk[]> {
  return (await reader.getTalks(ids)).filter(present);
}

export async function buildEventView(reader: ContentReader, id: string): Promise<EventView | null> {
  const stored = await reader.getEvent(id);
  if (!stored) return null;
  // The plain text is for search only; the page shows the HTML.
  const { text: _text, ...event } = stored;
  return {
    event: { ...event, html: nestHeadings(linkImages(event.html)) },
    talks: await readTalks(reader, event.talkIds),
  };
}

export async function buildTalkView(reader: ContentReader, id: string): Promise<TalkView | null> {
  const talk = await reader.getTalk(id);
  if (!talk) return null;
  const event = await reader.getEvent(talk.eventId);
  if (!event) return null;
  const otherIds = event.talkIds.filter((talkId) => talkId !== talk.id);
  return {
    talk,
    event: summarizeEvent(event),
    venue: event.venue,
    otherTalks: await readTalks(reader, otherIds),
  };
}

/** Pairs each talk with its event's summary, reading each event once. */
async function withEvents(reader: ContentReader, talks: readonly Talk[]): Promise<TalkInEvent[]> {
  const eventIds = [...new Set(talks.map((talk) => talk.eventId))];
  const events = new Map(
    (await reader.getEvents(eventIds)).filter(present).map((event) => [event.id, event]),
  );
  return talks.flatMap((talk) => {
    const event = events.get(talk.eventId);
    return event ? [{ talk, event: summarizeEvent(event) }] : [];
  });
}

function talkDate(item: TalkInEvent): string | null {
  return item.talk.date ?? item.event.date;
}

/** Newest first, undated last: the order a speaker's page lists their talks in. */
function newestFirst(items: TalkInEvent[]): TalkInEvent[] {
  return items.sort(byKey((item) => chronologicalKey(talkDate(item), item.talk.start))).reverse();
}

/**
 * The language a speaker's name is written in: that of the post of their latest talk among
 * `talks` (a speaker has no language of their own), or null when none of theirs is there.
 */
function latestLang(talks: readonly TalkInEvent[], talkIds: readonly string[]): string | null {
  const theirs = talks.filter((item) => talkIds.includes(item.talk.id));
  return newestFirst(theirs)[0]?.event.lang ?? null;
}

export async function buildSpeakerView(
  reader: ContentReader,
  id: string,
): Promise<SpeakerView | null> {
  const speaker = await reader.getSpeaker(id);
  if (!speaker) return null;
  const talks = newestFirst(await withEvents(reader, await readTalks(reader, speaker.talkIds)));
  return { speaker, talks };
}

/**
 * The starred talks that still exist, in the order they happen, and the notices `stars` carry
 * (talks an update changed or removed).
 */
export async function buildMyAgendaView(
  reader: ContentReader,
  starredIds: readonly string[],
  stars: readonly StarRecord[] = [],
): Promise<MyAgendaView> {
  const talks = await withEvents(reader, await readTalks(reader, starredIds));
  talks.sort(byKey((item) => chronologicalKey(talkDate(item), item.talk.start)));
  return { talks, ...starNotices(stars) };
}

const HAN = /\p{Script=Han}/u;

/** `敖小剑（蚂蚁金服）、王磊` in Chinese, `Zhang Zhihan (Tetrate), Craig Box` otherwise. */
function speakerLine(talk: Talk): string {
  const chinese = talk.speakers.some((person) => HAN.test(person.name));
  return talk.speakers
    .map((person) => {
      if (!person.org) return person.name;
      return chinese ? `${person.name}（${person.org}）` : `${person.name} (${person.org})`;
    })
    .join(chinese ? '、' : ', ');
}

function eventHit(event: Event, marks: Highlighter): SearchHit {
  // The venue is left to the event page: a full address would bury the other results.
  const detail = [event.date, event.city, event.series].filter(Boolean).join(' · ');
  return {
    id: event.id,
    lang: event.lang,
    title: marks.segments(event.title),
    detail: marks.segments(detail),
    snippet: null,
  };
}

function talkHit({ talk, event }: TalkInEvent, marks: Highlighter): SearchHit {
  const detail = [speakerLine(talk), event.title].filter(Boolean).join(' · ');
  const abstract = talk.abstract ?? '';
  return {
    id: talk.id,
    lang: event.lang,
    title: marks.segments(talk.title),
    detail: marks.segments(detail),
    snippet: marks.matches(abstract)
      ? marks.segments(marks.excerpt(abstract, SNIPPET_LENGTH))
      : null,
  };
}

function speakerHit(speaker: Speaker, lang: string | null, marks: Highlighter): SearchHit {
  const detail = [...speaker.aliases, ...speaker.orgs].join(' · ');
  let title = marks.segments(speaker.name);
  // Found by pinyin (`axj`): the name itself is what matched.
  if (!title.some((segment) => segment.match) && marks.matches(speaker.pinyin.join(' '))) {
    title = [{ text: speaker.name, match: true }];
  }
  return { id: speaker.id, lang, title, detail: marks.segments(detail), snippet: null };
}

/** A query's ranked ids, with what the view needs to show them. */
export interface FoundContent {
  query: string;
  filters: SearchFilters;
  choices: FilterChoices;
  result: SearchResult;
  /** Marks `result.terms` in the results' text. */
  marks: Highlighter;
}

/** Turns the ids a query found into highlighted results, keeping the index's order. */
export async function buildSearchView(
  reader: ContentReader,
  found: FoundContent,
): Promise<SearchView> {
  const { result, marks } = found;
  const [events, talks, speakers] = await Promise.all([
    reader.getEvents(result.events),
    readTalks(reader, result.talks),
    reader.getSpeakers(result.speakers),
  ]);
  const talkEvents = await withEvents(reader, talks);
  const foundSpeakers = speakers.filter(present);
  const speakerTalks = await withEvents(
    reader,
    await readTalks(reader, [...new Set(foundSpeakers.flatMap((speaker) => speaker.talkIds))]),
  );
  return {
    query: found.query,
    filters: found.filters,
    choices: found.choices,
    alsoSearched: result.terms.slice(1),
    events: events.filter(present).map((event) => eventHit(event, marks)),
    talks: talkEvents.map((item) => talkHit(item, marks)),
    speakers: foundSpeakers.map((speaker) =>
      speakerHit(speaker, latestLang(speakerTalks, speaker.talkIds), marks),
    ),
  };
}

/** Answers a page's content request: the one dispatch the prerenderer and the worker share. */
export async function buildContentView(
  reader: ContentReader,
  request: ContentRequest,
): Promise<RequestResult<ContentRequest['kind']>> {
  switch (request.kind) {
    case 'home':
      return buildHomeView(reader);
    case 'event':
      return buildEventView(reader, request.params.id);
    case 'talk':
      return buildTalkView(reader, request.params.id);
    case 'speaker':
      return buildSpeakerView(reader, request.params.id);
  }
}
