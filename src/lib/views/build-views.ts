/**
 * Builds each page's view from a `ContentReader`. Pure apart from the reads, and shared by the
 * prerenderer and the data worker, so both produce the same objects from the same content.
 */
import type { Event, Speaker, Talk } from '$lib/schema';
import { excerpt, highlight } from '$lib/search/highlight';
import type { SearchIds } from '$lib/search/content-index';
import type { ContentRequest, RequestResult } from '$lib/worker/protocol';
import { linkImages, nestHeadings } from './offline-html';
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

/** How much of an abstract a search result shows around the match. */
const EXCERPT_LENGTH = 80;

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

export async function buildSpeakerView(
  reader: ContentReader,
  id: string,
): Promise<SpeakerView | null> {
  const speaker = await reader.getSpeaker(id);
  if (!speaker) return null;
  const talks = await withEvents(reader, await readTalks(reader, speaker.talkIds));
  talks.sort(byKey((item) => chronologicalKey(talkDate(item), item.talk.start)));
  talks.reverse();
  return { speaker, talks };
}

/** The starred talks that still exist, in the order they happen. */
export async function buildMyAgendaView(
  reader: ContentReader,
  starredIds: readonly string[],
): Promise<MyAgendaView> {
  const talks = await withEvents(reader, await readTalks(reader, starredIds));
  talks.sort(byKey((item) => chronologicalKey(talkDate(item), item.talk.start)));
  return { talks };
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

function eventHit(event: Event, query: string): SearchHit {
  // The venue is left to the event page: a full address would bury the other results.
  const detail = [event.date, event.city].filter(Boolean).join(' · ');
  return { id: event.id, title: highlight(event.title, query), detail: highlight(detail, query) };
}

function talkHit(talk: Talk, eventTitle: string, query: string): SearchHit {
  let detail = [speakerLine(talk), eventTitle].filter(Boolean).join(' · ');
  const abstractMatched = highlight(talk.abstract ?? '', query).some((segment) => segment.match);
  const shownMatched = highlight(`${talk.title} ${detail}`, query).some((segment) => segment.match);
  if (talk.abstract && abstractMatched && !shownMatched) {
    detail = `${detail} — ${excerpt(talk.abstract, query, EXCERPT_LENGTH)}`;
  }
  return { id: talk.id, title: highlight(talk.title, query), detail: highlight(detail, query) };
}

function speakerHit(speaker: Speaker, query: string): SearchHit {
  const detail = [...speaker.aliases, ...speaker.orgs].join(' · ');
  return {
    id: speaker.id,
    title: highlight(speaker.name, query),
    detail: highlight(detail, query),
  };
}

/** Turns the ids a query found into highlighted results, keeping the index's order. */
export async function buildSearchView(
  reader: ContentReader,
  query: string,
  found: SearchIds,
): Promise<SearchView> {
  const [events, talks, speakers] = await Promise.all([
    reader.getEvents(found.events),
    readTalks(reader, found.talks),
    reader.getSpeakers(found.speakers),
  ]);
  const talkEvents = await withEvents(reader, talks);
  return {
    query,
    events: events.filter(present).map((event) => eventHit(event, query)),
    talks: talkEvents.map(({ talk, event }) => talkHit(talk, event.title, query)),
    speakers: speakers.filter(present).map((speaker) => speakerHit(speaker, query)),
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
