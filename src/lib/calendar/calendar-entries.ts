/**
 * Calendar entries: what one talk or one event becomes in a calendar, before it is written as
 * iCalendar text (`ics.ts`). Pure: the site's URL and the interface's words come in as parameters.
 *
 * Times stay on the venue's wall clock with the event's IANA zone, as the programme prints them;
 * the reader's calendar converts them to wherever the reader is.
 */
import type { Event, Talk } from '$lib/schema';

/** What an entry needs to know about the event it belongs to (a talk view has no `text`). */
export type CalendarEvent = Pick<
  Event,
  'id' | 'title' | 'lang' | 'date' | 'endDate' | 'start' | 'end' | 'timezone' | 'city' | 'venue'
>;

/** What an entry needs to know about a talk. */
export type CalendarTalk = Pick<Talk, 'id' | 'title' | 'speakers' | 'date' | 'start' | 'end'>;

/** When an entry happens. */
export type EntryTime =
  /** Wall-clock times at the venue; `timezone` null means floating time (no zone is known). */
  | { kind: 'timed'; start: WallTime; end: WallTime | null; timezone: string | null }
  /** Whole days, `lastDate` inclusive. */
  | { kind: 'all-day'; date: string; lastDate: string };

/** 'YYYY-MM-DD' and 'HH:MM' on the venue's clock. */
export interface WallTime {
  date: string;
  time: string;
}

/** One VEVENT's content, except what belongs to the file (DTSTAMP) or its history (SEQUENCE). */
export interface CalendarEntry {
  /** Stable across bundle updates: the kind, the record's id and the site's host. */
  uid: string;
  summary: string;
  /** BCP 47 language of the summary (the post's language). */
  language: string | null;
  time: EntryTime;
  /** Speakers as 'name (company)', in agenda order. */
  speakers: string[];
  description: string;
  location: string | null;
  /** The page of the talk or event on this site. */
  url: string;
}

/** The interface's words an entry's description uses, in the reader's language. */
export interface EntryLabels {
  speakers: string;
  event: string;
  /** Said of a talk whose time the agenda does not give, written as a whole day. */
  timeNotAnnounced: string;
  listSeparator: string;
}

/** The site the entries link back to: origin and base path, e.g. 'https://meetup.example/'. */
export interface SiteAddress {
  /** Ends in '/'. */
  baseUrl: string;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^\d{2}:\d{2}$/;

/** The host (with port) of the site: the right-hand side of every UID it makes. */
function uidHost(site: SiteAddress): string {
  return new URL(site.baseUrl).host;
}

/**
 * A UID that survives bundle updates and reordered agendas: talk and event ids are derived from
 * paths and titles, never positions, and the host keeps two sites' UIDs apart (RFC 5545 3.8.4.7).
 */
export function entryUid(kind: 'talk' | 'event', id: string, site: SiteAddress): string {
  return `${kind}-${id}@${uidHost(site)}`;
}

function pageUrl(site: SiteAddress, kind: 'talks' | 'events', id: string): string {
  return new URL(`${kind}/${encodeURIComponent(id)}`, site.baseUrl).href;
}

function isDate(value: string | null): value is string {
  return value !== null && DATE_PATTERN.test(value);
}

function isTime(value: string | null): value is string {
  return value !== null && TIME_PATTERN.test(value);
}

/**
 * When a span of wall time happens, or null when there is no date. A start without an end is
 * kept as a point in time rather than given an invented length; an end that is not after the
 * start (a typo in the post) is dropped the same way.
 */
function entryTime(
  date: string | null,
  lastDate: string | null,
  start: string | null,
  end: string | null,
  timezone: string | null,
): EntryTime | null {
  if (!isDate(date)) return null;
  const last = isDate(lastDate) && lastDate >= date ? lastDate : date;
  if (!isTime(start)) return { kind: 'all-day', date, lastDate: last };
  const startAt = { date, time: start };
  const endAt = isTime(end) ? { date: last, time: end } : null;
  const endsAfterStart = endAt !== null && `${endAt.date}T${endAt.time}` > `${date}T${start}`;
  return { kind: 'timed', start: startAt, end: endsAfterStart ? endAt : null, timezone };
}

/** '杭州 · 蚂蚁Z空间': the city first, unless the venue's address already names it. */
function location(event: CalendarEvent): string | null {
  const city = event.city && !event.venue?.includes(event.city) ? event.city : null;
  const parts = [city, event.venue].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
}

function speakerLine(speaker: CalendarTalk['speakers'][number]): string {
  return speaker.org ? `${speaker.name} (${speaker.org})` : speaker.name;
}

/** The event's time as a programme prints it: '14:00–17:00 Asia/Shanghai'. */
function eventClock(event: CalendarEvent): string | null {
  if (!event.start) return null;
  const range = event.end ? `${event.start}–${event.end}` : event.start;
  return event.timezone ? `${range} ${event.timezone}` : range;
}

/**
 * A talk as a calendar entry, or null when neither the talk nor its event has a date: a calendar
 * cannot hold it, and the page says so instead. A talk with a date but no time becomes an all-day
 * entry (its description says the time is not announced and gives the event's hours), because
 * the day is known and worth blocking, while placing it at the event's start would be a guess.
 */
export function talkEntry(
  talk: CalendarTalk,
  event: CalendarEvent,
  site: SiteAddress,
  labels: EntryLabels,
): CalendarEntry | null {
  const date = talk.date ?? event.date;
  const time = entryTime(date, date, talk.start, talk.end, event.timezone);
  if (!time) return null;
  const speakers = talk.speakers.map(speakerLine);
  const url = pageUrl(site, 'talks', talk.id);
  const clock = eventClock(event);
  const lines = [
    speakers.length > 0 ? `${labels.speakers}: ${speakers.join(labels.listSeparator)}` : null,
    `${labels.event}: ${event.title}`,
    time.kind === 'all-day' ? [labels.timeNotAnnounced, clock].filter(Boolean).join(' ') : null,
    url,
  ];
  return {
    uid: entryUid('talk', talk.id, site),
    summary: talk.title,
    language: event.lang || null,
    time,
    speakers,
    description: lines.filter(Boolean).join('\n'),
    location: location(event),
    url,
  };
}

/** An event as one calendar entry (its whole span), or null when it has no date. */
export function eventEntry(event: CalendarEvent, site: SiteAddress): CalendarEntry | null {
  const time = entryTime(event.date, event.endDate, event.start, event.end, event.timezone);
  if (!time) return null;
  const url = pageUrl(site, 'events', event.id);
  return {
    uid: entryUid('event', event.id, site),
    summary: event.title,
    language: event.lang || null,
    time,
    speakers: [],
    description: url,
    location: location(event),
    url,
  };
}

/** What a calendar button puts in its file: a talk (with its event), or an event on its own. */
export type CalendarItem =
  | { kind: 'talk'; talk: CalendarTalk; event: CalendarEvent }
  | { kind: 'event'; event: CalendarEvent };

/** The entries of `items` that have a date, in order; the others cannot be in a calendar. */
export function calendarEntries(
  items: readonly CalendarItem[],
  site: SiteAddress,
  labels: EntryLabels,
): CalendarEntry[] {
  return items
    .map((item) =>
      item.kind === 'talk'
        ? talkEntry(item.talk, item.event, site, labels)
        : eventEntry(item.event, site),
    )
    .filter((entry): entry is CalendarEntry => entry !== null);
}
