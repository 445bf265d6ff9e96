/**
 * Dates and times as the venue's wall clock. Events and talks carry 'YYYY-MM-DD' dates, 'HH:MM'
 * wall times and an IANA zone; an attendee wants the time printed on the venue's programme, so
 * nothing here converts to the reader's zone: a time is shown as written, labelled with the zone.
 *
 * Dates are written by `Intl.DateTimeFormat` in the interface's language. The prerenderer (Node's
 * ICU) and the reader's browser (its own) may word a date differently; hydration then replaces the
 * text, as it does for a reader whose language is not the prerendered one.
 */
import { messagesFor, type Locale } from './i18n';

/**
 * Zones with one offset all year (no daylight saving time today), with the abbreviation readers
 * expect where `Intl` only says 'GMT+8'. Knowing them here also spares the page `Intl`'s zone
 * data, which costs tens of milliseconds to load on a phone, for the zones most events are in.
 */
const FIXED_ZONES: Readonly<Record<string, { label: string; offset: string }>> = {
  'Asia/Shanghai': { label: 'CST', offset: '+08:00' },
  'Asia/Chongqing': { label: 'CST', offset: '+08:00' },
  'Asia/Chungking': { label: 'CST', offset: '+08:00' },
  'Asia/Harbin': { label: 'CST', offset: '+08:00' },
  PRC: { label: 'CST', offset: '+08:00' },
  'Asia/Taipei': { label: 'CST', offset: '+08:00' },
  'Asia/Macau': { label: 'CST', offset: '+08:00' },
  'Asia/Hong_Kong': { label: 'HKT', offset: '+08:00' },
  'Asia/Tokyo': { label: 'JST', offset: '+09:00' },
  'Asia/Seoul': { label: 'KST', offset: '+09:00' },
  'Asia/Singapore': { label: 'SGT', offset: '+08:00' },
  'Asia/Kolkata': { label: 'IST', offset: '+05:30' },
  'Asia/Calcutta': { label: 'IST', offset: '+05:30' },
};

/** English locales whose `Intl` short zone names cover the Americas, Europe, Australia, India. */
const SHORT_NAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'];

/** What `Intl` prints when it has no abbreviation for a zone: 'GMT+8', 'GMT-3:30'. */
const GMT_OFFSET_NAME = /^GMT[+-]/;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** The parts of a 'YYYY-MM-DD' date, or null when it is not one. */
function parseDate(date: string): { year: number; month: number; day: number } | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Formatters by locale, zone and style. Building an `Intl.DateTimeFormat` costs far more than using
 * one (it loads zone data), and an agenda asks for the same few dozens of times while hydrating.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for `timezone`, or null when the zone is unknown to this engine. */
function zoneFormatter(
  timezone: string,
  locale: string,
  style: 'short' | 'longOffset',
): Intl.DateTimeFormat | null {
  const key = `${locale}|${timezone}|${style}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { timeZone: timezone, timeZoneName: style });
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function zoneNamePart(
  timezone: string,
  instant: number,
  locale: string,
  style: 'short' | 'longOffset',
): string {
  const parts = zoneFormatter(timezone, locale, style)?.formatToParts(instant) ?? [];
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The zone's offset from UTC in minutes at `instant` ('GMT+08:00' → 480). */
function offsetMinutes(timezone: string, instant: number): number {
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(
    zoneNamePart(timezone, instant, 'en-US', 'longOffset'),
  );
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The instant (ms since the epoch) a wall-clock time in `timezone` happens; noon when `time` is
 * null, null when `date` is not 'YYYY-MM-DD'. The offset is read twice because the first
 * guess (the wall time taken as UTC) can fall on the other side of a daylight-saving change.
 */
export function wallTimeInstant(
  timezone: string,
  date: string,
  time: string | null,
): number | null {
  const day = parseDate(date);
  if (!day) return null;
  const clock = time ? TIME_PATTERN.exec(time) : null;
  const hours = clock ? Number(clock[1]) : 12;
  const minutes = clock ? Number(clock[2]) : 0;
  const asUtc = Date.UTC(day.year, day.month - 1, day.day, hours, minutes);
  const firstOffset = offsetMinutes(timezone, asUtc);
  const instant = asUtc - firstOffset * 60_000;
  const secondOffset = offsetMinutes(timezone, instant);
  return secondOffset === firstOffset ? instant : asUtc - secondOffset * 60_000;
}

function isValidZone(timezone: string): boolean {
  return zoneFormatter(timezone, 'en-US', 'longOffset') !== null;
}

/**
 * A short label for `timezone` on `date` at `time`: 'CST' for Asia/Shanghai, 'JST', 'PST' or
 * 'PDT' by the date, 'GMT+5:45' where no abbreviation is in common use. An unknown zone is shown
 * as written rather than dropped, so the reader still sees which clock the time is on.
 */
export function zoneLabel(
  timezone: string,
  date: string | null,
  time: string | null = null,
): string {
  const fixed = FIXED_ZONES[timezone];
  if (fixed) return fixed.label;
  if (!isValidZone(timezone)) return timezone;
  const instant = (date ? wallTimeInstant(timezone, date, time) : null) ?? Date.now();
  let fallback = '';
  for (const locale of SHORT_NAME_LOCALES) {
    const name = zoneNamePart(timezone, instant, locale, 'short');
    if (name && !GMT_OFFSET_NAME.test(name)) return name;
    fallback ||= name;
  }
  return fallback || timezone;
}

/** Where and when something happens, as the schema's events and talks give it. */
export interface WallClockSlot {
  date: string | null;
  start: string | null;
  end: string | null;
  timezone: string | null;
}

/**
 * '13:30–17:30 CST', '13:30 CST', or null when there is no start time. Without a zone the time is
 * shown bare: inventing one would be worse than leaving it out.
 */
export function formatTimeRange(slot: WallClockSlot): string | null {
  if (!slot.start) return null;
  const range = slot.end ? `${slot.start}–${slot.end}` : slot.start;
  if (!slot.timezone) return range;
  return `${range} ${zoneLabel(slot.timezone, slot.date, slot.start)}`;
}

/**
 * A machine-readable `datetime` for `<time>`: '2021-07-10T13:30+08:00' when the zone is known,
 * the local form '2021-07-10T13:30' without it, or the bare date or time when only one is known.
 */
export function dateTimeAttribute(
  date: string | null,
  time: string | null,
  timezone: string | null,
): string | null {
  if (!date) return time;
  if (!time) return date;
  const local = `${date}T${time}`;
  if (!timezone) return local;
  const fixed = FIXED_ZONES[timezone];
  if (fixed) return `${local}${fixed.offset}`;
  if (!isValidZone(timezone)) return local;
  const instant = wallTimeInstant(timezone, date, time);
  if (instant === null) return local;
  const offset = offsetMinutes(timezone, instant);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}

/**
 * Calendar days: a date has no zone of its own, so it is formatted as the UTC day it names, and
 * the reader's zone can never move it to the day before.
 */
const DAY_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
};

/** A build stamp: an instant, shown on the reader's clock. */
const INSTANT_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** One formatter per language and purpose: an agenda formats dozens of dates while hydrating. */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale, purpose: 'day' | 'instant'): Intl.DateTimeFormat {
  const key = `${locale}|${purpose}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    const options = purpose === 'day' ? DAY_OPTIONS : INSTANT_OPTIONS;
    formatter = new Intl.DateTimeFormat(messagesFor(locale).dateLocale, options);
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/** 'Sat, 10 Jul 2021' or '2021年7月10日周六'; anything that is not 'YYYY-MM-DD' is returned as is. */
export function formatDate(date: string, locale: Locale): string {
  const day = parseDate(date);
  if (!day) return date;
  return dateFormatter(locale, 'day').format(Date.UTC(day.year, day.month - 1, day.day));
}

/** An ISO 8601 instant on the reader's clock, in their language; anything else as is. */
export function formatInstant(iso: string, locale: Locale): string {
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : dateFormatter(locale, 'instant').format(instant);
}

/** A single date, or 'first – last' for multi-day events. */
export function formatDateRange(date: string, endDate: string | null, locale: Locale): string {
  if (!endDate || endDate === date) return formatDate(date, locale);
  // Not `formatRange`: for Chinese it switches to numeric dates ('2024/3/19周二至2024/3/21周四').
  return `${formatDate(date, locale)}${messagesFor(locale).dateRangeSeparator}${formatDate(endDate, locale)}`;
}

/** The reader's calendar date as 'YYYY-MM-DD', in the reader's own zone. */
export function localDate(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A calendar date and a wall-clock time, as a clock in some zone shows an instant. */
export interface WallClock {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** 'HH:MM', 24-hour. */
  time: string;
}

/** Formatters that print an instant's parts in a zone, by zone; null for zones unknown here. */
const partsFormatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * What a clock in `timezone` shows at `instant`, or null when the zone is unknown. `hourCycle`
 * 'h23' keeps midnight '00', where `hour12: false` prints '24' in some engines.
 */
export function wallClockAt(instant: number, timezone: string): WallClock | null {
  let formatter = partsFormatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      formatter = null;
    }
    partsFormatters.set(timezone, formatter);
  }
  if (!formatter) return null;
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The zone this device's clock is set to (IANA), or null when the engine does not say. */
export function deviceTimeZone(): string | null {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
}

/** A slot as a clock in another zone shows it, and how many days that moves it. */
export interface ShiftedSlot extends WallClockSlot {
  /** −1 when the other clock is still on the day before, 1 when it is on the day after. */
  dayShift: number;
}

const DAY_MS = 86_400_000;

/**
 * `slot` on the clock of `zone`: 14:00 CST on 10 July is 08:00 CEST the same day, 01:00 CST is
 * 19:00 CEST the day before. Null when the slot has no date, start or zone to convert from, or a
 * zone is unknown.
 */
export function slotInZone(slot: WallClockSlot, zone: string): ShiftedSlot | null {
  if (!slot.date || !slot.start || !slot.timezone) return null;
  const startsAt = wallTimeInstant(slot.timezone, slot.date, slot.start);
  const start = startsAt === null ? null : wallClockAt(startsAt, zone);
  if (!start) return null;
  const endsAt = slot.end ? wallTimeInstant(slot.timezone, slot.date, slot.end) : null;
  const end = endsAt === null ? null : wallClockAt(endsAt, zone);
  return {
    date: start.date,
    start: start.time,
    end: end?.time ?? null,
    timezone: zone,
    dayShift: Math.round((Date.parse(start.date) - Date.parse(slot.date)) / DAY_MS),
  };
}
