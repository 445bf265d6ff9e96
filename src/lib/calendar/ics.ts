/**
 * iCalendar (RFC 5545) text for calendar entries, written in the browser with no network.
 *
 * Written by hand rather than with ical.js (which the tests use to read it back): the output is a
 * few fixed properties, and ical.js would add 78 KB (23 KB gzipped) to the page for it. Zone
 * definitions come from timezones-ical-library, which ships the IANA rules as VTIMEZONE blocks.
 */
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { CalendarEntry, EntryTime, WallTime } from './calendar-entries';

/** Identifies the program that wrote the file (RFC 5545 3.7.3). */
export const PRODUCT_ID = '-//Sidecar//Sidecar agenda//EN';

/** How long before a timed entry its reminder rings. */
export const ALARM_MINUTES_BEFORE = 10;

/** Lines longer than this many octets, line break excluded, are folded (RFC 5545 3.1). */
const MAX_LINE_OCTETS = 75;

const CRLF = '\r\n';

const utf8 = new TextEncoder();

/** An entry and the revision number calendars compare to pick the newer copy. */
export interface SequencedEntry {
  entry: CalendarEntry;
  /** RFC 5545 SEQUENCE: see `sequences.ts` for how it rises. */
  sequence: number;
}

/** Escapes TEXT values: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets, each continuation starting with a space.
 * It splits between code points, so a Chinese character's three UTF-8 bytes (or an emoji's four)
 * always stay on one line, as RFC 5545 3.1 asks.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8.encode(character).length;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Zones timezones-ical-library knows; asking it about others logs an error. */
let knownZones: Set<string> | null = null;

/** The VTIMEZONE block of an IANA zone, or null when the library does not know it. */
export function vtimezone(timezone: string): string | null {
  knownZones ??= new Set(tzlib_get_timezones() as string[]);
  if (!knownZones.has(timezone)) return null;
  const [block] = tzlib_get_ical_block(timezone) as string[];
  return block || null;
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function localDateTime(at: WallTime): string {
  return `${compactDate(at.date)}T${at.time.replace(':', '')}00`;
}

/** The day after a 'YYYY-MM-DD' date: all-day DTEND is exclusive. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** '20210710T063000Z' for DTSTAMP, which is always UTC. */
function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** DTSTART/DTEND lines, with TZID where the zone has a VTIMEZONE in this file. */
function timeLines(time: EntryTime, zones: ReadonlySet<string>): string[] {
  if (time.kind === 'all-day') {
    return [
      `DTSTART;VALUE=DATE:${compactDate(time.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(time.lastDate))}`,
    ];
  }
  // A zone the library does not know is written as floating time: the venue's clock, unlabelled.
  const zone = time.timezone && zones.has(time.timezone) ? `;TZID=${time.timezone}` : '';
  const lines = [`DTSTART${zone}:${localDateTime(time.start)}`];
  if (time.end) lines.push(`DTEND${zone}:${localDateTime(time.end)}`);
  return lines;
}

/**
 * A display reminder before a timed entry. All-day entries get none: ten minutes before midnight
 * the day before is not when anyone wants to hear about a talk.
 */
function alarmLines(entry: CalendarEntry): string[] {
  if (entry.time.kind !== 'timed') return [];
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(entry.summary)}`,
    `TRIGGER:-PT${ALARM_MINUTES_BEFORE}M`,
    'END:VALARM',
  ];
}

function eventLines(
  { entry, sequence }: SequencedEntry,
  stamp: string,
  zones: ReadonlySet<string>,
): string[] {
  const language = entry.language ? `;LANGUAGE=${entry.language}` : '';
  return [
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${sequence}`,
    ...timeLines(entry.time, zones),
    `SUMMARY${language}:${escapeText(entry.summary)}`,
    `DESCRIPTION:${escapeText(entry.description)}`,
    ...(entry.location ? [`LOCATION${language}:${escapeText(entry.location)}`] : []),
    `URL:${entry.url}`,
    ...alarmLines(entry),
    'END:VEVENT',
  ];
}

/** The zones the entries' times are in, each once, in order of first use. */
function zonesUsed(entries: readonly SequencedEntry[]): string[] {
  const zones = new Set<string>();
  for (const { entry } of entries) {
    if (entry.time.kind === 'timed' && entry.time.timezone) zones.add(entry.time.timezone);
  }
  return [...zones];
}

/**
 * A whole iCalendar file: one VTIMEZONE per zone used, one VEVENT per entry, CRLF line ends and
 * folded lines. `stamp` is when the file is made (DTSTAMP).
 */
export function writeCalendar(entries: readonly SequencedEntry[], stamp: Date): string {
  const blocks = new Map<string, string>();
  for (const zone of zonesUsed(entries)) {
    const block = vtimezone(zone);
    if (block) blocks.set(zone, block);
  }
  const zones = new Set(blocks.keys());
  const dtstamp = utcStamp(stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...[...blocks.values()].flatMap((block) => block.split(/\r?\n/)),
    ...entries.flatMap((entry) => eventLines(entry, dtstamp, zones)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
