/**
 * Dates and times as event posts write them. Everything stays local wall time at the venue:
 * a post that says 14:00 in Beijing means 14:00 there, so nothing is converted to UTC.
 */
import { timezoneOfCity } from './places';

/** A calendar day and, when known, a wall time and UTC offset. */
export interface DateParts {
  date: string;
  time: string | null;
  offset: string | null;
}

/** A start and an end wall time, 'HH:MM'; the end may be unknown. */
export interface TimeRange {
  start: string;
  end: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 'YYYY-MM-DD' when the day exists in the calendar (no 2021-13-45, no 2021-02-30), else null. */
export function formatDate(year: number, month: number, day: number): string | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  )
    return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 'HH:MM' when the time exists (24:00 is not accepted), else null. */
export function formatTime(hour: number, minute: number): string | null {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads a front-matter date: a YAML string, a TOML date (its `toISOString` keeps the written
 * offset), a JavaScript Date, with or without a time. Returns null for anything that is not a
 * real day, such as 2021-13-45.
 */
export function parseFrontMatterDate(value: unknown): DateParts | null {
  let text: string;
  if (value instanceof Date) {
    // smol-toml's TomlDate prints itself as written; a plain Date (YAML timestamp) is UTC.
    text = value.toISOString();
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = formatDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date) return null;
  const time = match[4] !== undefined ? formatTime(Number(match[4]), Number(match[5])) : null;
  if (match[4] !== undefined && !time) return null;
  const zone = match[6];
  const offset = !zone
    ? null
    : zone === 'Z'
      ? '+00:00'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return { date, time, offset };
}

/**
 * A day written in prose: `2021 年 04 月 24 日`, `6月30日`, `July 10, 2021`, `10 July 2021`,
 * `2021-07-10`, `2019/03/24`; or several days: `10月23日-24日`, `Mar 24-26`, `24-26 March 2019`.
 */
export interface FoundDate {
  date: string;
  /** The last day of a multi-day range such as `10月23日-24日`; absent for a single day. */
  endDate?: string;
  /** Character offset of the match in the searched text. */
  index: number;
  /** False when the year was not written and came from the reference date. */
  yearWritten: boolean;
  /**
   * False when the day carries a weekday it does not fall on (`6 月 12 日周四` in 2019, a
   * Wednesday): one of the two was copied from an earlier issue. Absent when no weekday is written.
   */
  weekdayAgrees?: boolean;
  /** The weekday written with the day, 0 for Sunday to 6 for Saturday. */
  weekday?: number;
}

/** Separators between the days of a range: `23日-24日`, `24 - 26`, `23日至25日`, `March 31 to April 2`. */
const DAY_SEPARATOR = String.raw`\s*(?:-|~|～|－|—|–|至|到|to|through|thru)\s*(?:the\s+)?`;

/** A weekday in brackets or plain after a Chinese day: `（周六）`, `(星期日)`, `周四`. */
const WEEKDAY = String.raw`(?:\s*[（(]\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[）)]|\s*(?:周|星期|礼拜)[一二三四五六日天])?`;

/** `2019年3月24日`, `3月24日（周六）`, `10月23日-24日`, `10月23-24日`, `10月31日至11月2日`. */
const CHINESE_DATE = new RegExp(
  String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})(?:\s*[日号]${WEEKDAY}|(?=${DAY_SEPARATOR}\d))` +
    String.raw`(?:${DAY_SEPARATOR}(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号])?`,
  'g',
);

/** English month names, whole or abbreviated: not `Mar` in `Marketing`. */
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?(?!\d)`;

/** `March 24, 2019`, `Mar 24-26`, `March 31 - April 2, 2019`, `November 6th`. */
const ENGLISH_MONTH_FIRST = new RegExp(
  String.raw`\b${MONTH_NAME}\s+(\d{1,2})${ORDINAL}(?:${DAY_SEPARATOR}(?:${MONTH_NAME}\s+)?(\d{1,2})${ORDINAL})?(?:,?\s+(\d{4})\b)?`,
  'gi',
);

/** `10 July 2021`, `24-26 March 2019`. */
const ENGLISH_DAY_FIRST = new RegExp(
  String.raw`\b(\d{1,2})${ORDINAL}(?:${DAY_SEPARATOR}(\d{1,2})${ORDINAL})?\s+${MONTH_NAME}(?:,?\s+(\d{4})\b)?`,
  'gi',
);

/** Chinese weekdays as written after a day, Sunday first (`周日` and `周天` alike). */
const CHINESE_WEEKDAYS = '日一二三四五六';
const WRITTEN_WEEKDAY = /(?:周|星期|礼拜)([一二三四五六日天])/;

/** The weekday a Chinese date is written with (`3月24日（周六）`), 0 for Sunday; null if none. */
function writtenWeekday(text: string): number | null {
  const day = WRITTEN_WEEKDAY.exec(text)?.[1];
  if (!day) return null;
  return day === '天' ? 0 : CHINESE_WEEKDAYS.indexOf(day);
}

/** True when `index` falls inside a URL: `kubernetes.io/blog/2019/11/26/…` dates a page, not an event. */
function isInUrl(text: string, index: number): boolean {
  const tokenStart = text.slice(0, index).search(/\S*$/);
  return /^\S*(?:https?:\/\/|www\.|\/)/.test(text.slice(tokenStart, index + 1));
}

/** `2019-03-24`, `2019/03/24`, `2019.03.24`. */
const NUMERIC_DATE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g;

/**
 * Picks the year for a day written without one: the one that puts the event closest to the
 * reference date (a December post announcing a January meetup means next year). A reference
 * that is only a year ('2021', named by a title or a folder) is that year.
 */
function nearestYear(month: number, day: number, reference: string | null): number | null {
  if (!reference) return null;
  if (/^\d{4}$/.test(reference)) return Number(reference);
  const year = Number(reference.slice(0, 4));
  const referenceTime = Date.parse(reference.slice(0, 10));
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const candidate of [year - 1, year, year + 1]) {
    const date = formatDate(candidate, month, day);
    if (!date) continue;
    const distance = Math.abs(Date.parse(date) - referenceTime);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** One day or range as a pattern matched it, numbers still as written. */
interface WrittenDays {
  index: number;
  length: number;
  weekday?: number | null;
  year?: string;
  month: number;
  day: string;
  endYear?: string;
  endMonth?: number;
  endDay?: string;
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().replace(/\.$/, '').slice(0, 3)] ?? 0;
}

/** Every written day or range, from all the patterns, before years are filled in. */
function matchWrittenDays(text: string): WrittenDays[] {
  const found: WrittenDays[] = [];
  for (const match of text.matchAll(CHINESE_DATE))
    found.push({
      index: match.index,
      length: match[0].length,
      year: match[1],
      month: Number(match[2]),
      day: match[3] ?? '',
      endYear: match[4] ?? match[1],
      endMonth: match[5] ? Number(match[5]) : Number(match[2]),
      endDay: match[6],
      weekday: writtenWeekday(match[0]),
    });
  for (const match of text.matchAll(ENGLISH_MONTH_FIRST))
    found.push({
      index: match.index,
      length: match[0].length,
      year: match[5],
      month: monthNumber(match[1]),
      day: match[2] ?? '',
      endYear: match[5],
      endMonth: match[3] ? monthNumber(match[3]) : monthNumber(match[1]),
      endDay: match[4],
    });
  for (const match of text.matchAll(ENGLISH_DAY_FIRST))
    found.push({
      index: match.index,
      length: match[0].length,
      year: match[4],
      month: monthNumber(match[3]),
      day: match[1] ?? '',
      endYear: match[4],
      endMonth: monthNumber(match[3]),
      endDay: match[2],
    });
  for (const match of text.matchAll(NUMERIC_DATE))
    found.push({
      index: match.index,
      length: match[0].length,
      year: match[1],
      month: Number(match[2]),
      day: match[3] ?? '',
    });
  // Patterns can read one stretch of text twice (`10 July 2021` has a `July 20` in it): the
  // earliest and then longest reading wins.
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  let reach = -1;
  return found.filter((written) => {
    if (written.index < reach || isInUrl(text, written.index)) return false;
    reach = written.index + written.length;
    return true;
  });
}

/**
 * Every day written in `text`, in order, except those inside a URL. `referenceDate`
 * ('YYYY-MM-DD…', the post's own date, or 'YYYY', a year the post names) supplies the year where
 * the text leaves it out; without it such days are dropped.
 */
export function findDates(text: string, referenceDate: string | null): FoundDate[] {
  const found: FoundDate[] = [];
  for (const written of matchWrittenDays(text)) {
    const year = written.year
      ? Number(written.year)
      : nearestYear(written.month, Number(written.day), referenceDate);
    if (year === null) continue;
    const date = formatDate(year, written.month, Number(written.day));
    if (!date) continue;
    const day: FoundDate = { date, index: written.index, yearWritten: Boolean(written.year) };
    if (written.weekday !== undefined && written.weekday !== null) {
      day.weekday = written.weekday;
      day.weekdayAgrees = new Date(`${date}T00:00:00Z`).getUTCDay() === written.weekday;
    }
    if (written.endDay !== undefined && written.endMonth) {
      let endYear = written.endYear ? Number(written.endYear) : year;
      // `Dec 30 - Jan 2`: the range runs into the next year.
      if (!written.endYear && written.endMonth < written.month) endYear += 1;
      const endDate = formatDate(endYear, written.endMonth, Number(written.endDay));
      if (endDate && endDate !== date) day.endDate = endDate;
    }
    found.push(day);
  }
  return found;
}

/** Words before a time that put it in the afternoon or evening. */
const AFTERNOON = /(下午|午后|晚上|晚间|晚|傍晚|pm|p\.m\.)\s*$/i;
/** Words before a time that put it in the morning. */
const MORNING = /(上午|早上|早晨|早|清晨|am|a\.m\.)\s*$/i;
/** Words after a time that say the same: `9 am`, `2:00pm`, `9 a.m.`. */
const AFTERNOON_AFTER = /^\s*p\.?\s?m\b\.?/i;
const MORNING_AFTER = /^\s*a\.?\s?m\b\.?/i;

/**
 * The latest hour a meetup would start in the morning without saying so. Chinese posts write
 * `1:30` for half past one in the afternoon; no community meetup starts at half past one at night.
 */
const LATEST_UNMARKED_MORNING_HOUR = 7;

/**
 * A clock time: `13:30`, `19：00` (full-width colon), `7 点`, `7点半`, `7点15分`, and an English
 * hour with its am or pm (`9 am`, `3pm`, `9 a.m.`); a bare number is never a time.
 */
const CLOCK =
  /(?<![\d.:：])(\d{1,2})\s*(?:[:：]\s*(\d{2})(?!\d)|点\s*(半|\d{1,2}\s*分?)?|(?=[ap]\.?\s?m(?![a-z])))/gi;

/**
 * What may stand between the two ends of a range: the start's own am/pm and zone
 * (`9:00 am PT to ~3:00 pm`, `~7:00 am Pacific Time to ~3:00 pm PT`), then one of `-`, `~`, `～`, `－`, `—`, `–`, `至`, `到`, `to`, `until`.
 */
const RANGE_SEPARATOR =
  /^\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4}\s*|(?:[A-Z][a-z]+\s+){1,2}Time\s+)?(?:-|~|～|－|—|–|−|至|到|to|until|till)\s*[~～]?\s*$/i;

interface Clock {
  hour: number;
  minute: number;
  index: number;
  end: number;
}

function readClocks(text: string): Clock[] {
  const clocks: Clock[] = [];
  for (const match of text.matchAll(CLOCK)) {
    const hour = Number(match[1]);
    let minute = 0;
    if (match[2] !== undefined) minute = Number(match[2]);
    else if (match[3]?.startsWith('半')) minute = 30;
    else if (match[3]) minute = Number.parseInt(match[3], 10);
    clocks.push({ hour, minute, index: match.index, end: match.index + match[0].length });
  }
  return clocks;
}

/** Applies 上午/下午/am/pm, and the afternoon default for unmarked small hours. */
function toTwentyFourHours(
  clock: Clock,
  text: string,
  afternoonByDefault: boolean,
  inherited: 'am' | 'pm' | null,
): { hour: number; marker: 'am' | 'pm' | null } {
  const before = text.slice(Math.max(0, clock.index - 6), clock.index);
  const after = text.slice(clock.end, clock.end + 6);
  let marker: 'am' | 'pm' | null = null;
  if (AFTERNOON_AFTER.test(after) || (!MORNING_AFTER.test(after) && AFTERNOON.test(before)))
    marker = 'pm';
  else if (MORNING_AFTER.test(after) || MORNING.test(before)) marker = 'am';
  const effective = marker ?? inherited;
  let hour = clock.hour;
  if (effective === 'pm' && hour < 12) hour += 12;
  else if (effective === 'am' && hour === 12) hour = 0;
  else if (!effective && afternoonByDefault && hour >= 1 && hour < LATEST_UNMARKED_MORNING_HOUR)
    hour += 12;
  return { hour, marker };
}

/**
 * The first time or time range in `text`: `13:30-17:30`, `14:00 ~ 15:00`, `下午1:00`, `晚 7 点`,
 * `晚 8 点 - 9 点`, `11:00 ~ 12:30 am`, `2:00pm - 3:30pm PT`. An unmarked hour below 7 is read
 * as afternoon, and 上午/下午 before the start applies to the end too.
 *
 * A range that runs backwards (`14:50-13:10`) is returned as written, never repaired: the caller
 * knows the file and line, so it reports it (see `isReversed`).
 */
export function findTimeRange(text: string): TimeRange | null {
  const clocks = readClocks(text);
  const first = clocks[0];
  if (!first) return null;
  const second = clocks[1];
  const isRange = second !== undefined && RANGE_SEPARATOR.test(text.slice(first.end, second.index));
  // In `11:00 ~ 12:30 am` the marker after the range applies to both ends.
  const trailing = isRange && second ? toTwentyFourHours(second, text, false, null).marker : null;
  const start = toTwentyFourHours(first, text, true, trailing === 'am' ? 'am' : null);
  const startTime = formatTime(start.hour, first.minute);
  if (!startTime) return null;
  if (!isRange || !second) return { start: startTime, end: null };
  let end = toTwentyFourHours(second, text, false, start.marker);
  // `1:30-5:00` after an afternoon start: the end is in the afternoon too.
  if (
    !end.marker &&
    !start.marker &&
    end.hour + 12 <= 23 &&
    end.hour < start.hour &&
    start.hour >= 12
  ) {
    end = { hour: end.hour + 12, marker: null };
  }
  // `11:00 ~ 12:30 am`: a range never runs backwards through midnight; 12 there means noon.
  if (end.hour === 0 && second.hour === 12 && start.hour > 0) end = { hour: 12, marker: null };
  const endTime = formatTime(end.hour, second.minute);
  return { start: startTime, end: endTime };
}

/** True when a range ends before it starts (`14:50-13:10`): a mistake the caller reports. */
export function isReversed(range: TimeRange): boolean {
  return range.end !== null && minutesOf(range.end) < minutesOf(range.start);
}

/** Where a zone word in a text came from, for `findTimezone`'s choice among several. */
interface ZoneWord {
  pattern: RegExp;
  zone: string;
  /** Abbreviations such as `PT` or `CST` count only next to a time, in brackets, or in a short text. */
  abbreviation: boolean;
}

const SHANGHAI = 'Asia/Shanghai';

/** Coordinated Universal Time by its canonical IANA name (`UTC` is only a link to it). */
const UNIVERSAL = 'Etc/UTC';

/** Zone names and abbreviations posts use, mapped to IANA zones. */
const ZONE_WORDS: ZoneWord[] = [
  {
    pattern: /北京时间|中国标准时间|Beijing Time|China Standard Time/gi,
    zone: SHANGHAI,
    abbreviation: false,
  },
  {
    pattern: /\bPacific (?:Standard |Daylight )?Time\b/gi,
    zone: 'America/Los_Angeles',
    abbreviation: false,
  },
  {
    pattern: /\bEastern (?:Standard |Daylight )?Time\b/gi,
    zone: 'America/New_York',
    abbreviation: false,
  },
  {
    pattern: /\bCentral European (?:Summer )?Time\b/gi,
    zone: 'Europe/Berlin',
    abbreviation: false,
  },
  { pattern: /\b(?:PT|PST|PDT)\b/g, zone: 'America/Los_Angeles', abbreviation: true },
  { pattern: /\b(?:ET|EST|EDT)\b/g, zone: 'America/New_York', abbreviation: true },
  { pattern: /\b(?:CET|CEST)\b/g, zone: 'Europe/Berlin', abbreviation: true },
  { pattern: /\bCDT\b/g, zone: 'America/Chicago', abbreviation: true },
  { pattern: /\bJST\b/g, zone: 'Asia/Tokyo', abbreviation: true },
  { pattern: /\bKST\b/g, zone: 'Asia/Seoul', abbreviation: true },
  { pattern: /\bSGT\b/g, zone: 'Asia/Singapore', abbreviation: true },
  { pattern: /\bIST\b/g, zone: 'Asia/Kolkata', abbreviation: true },
  { pattern: /\bAE[SD]T\b/g, zone: 'Australia/Sydney', abbreviation: true },
  { pattern: /\b(?:UTC|GMT)\b(?!\s*[+-]\s*\d)/g, zone: UNIVERSAL, abbreviation: true },
];

/** `CST` is China Standard Time in this community's posts, US Central Time elsewhere. */
const CST = /\bCST\b/g;

/** Words that place a CST in China even in an English post. */
const CHINA_HINT = /China|Beijing|Shanghai|Hangzhou|Shenzhen|\p{Script=Han}/u;

/** `GMT+8`, `UTC+08:00`, `UTC-7`. */
const NAMED_OFFSET = /\b(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/gi;
/**
 * A bare `+08:00` right after a clock time. Only east of Greenwich: a bare `-05:00` after a time
 * is the end of a range (`09:30-12:00`), not an offset.
 */
const BARE_OFFSET = /(?<=\d{1,2}[:：]\d{2}(?::\d{2})?\s*[(（]?\s*)(\+)(\d{2}):(\d{2})(?!\d)/g;

/** A text short enough to be a time cell, a table header or a label's value. */
const SHORT_TEXT = 40;

/** True when the abbreviation at `index` sits next to a time, in brackets, or the text is short. */
function isAbbreviationInPlace(text: string, index: number, length: number): boolean {
  if (text.length <= SHORT_TEXT) return true;
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + length, index + length + 8);
  return (
    /[(（]\s*$/.test(before) ||
    /(?:\d|[ap]\.?\s?m\.?)\s*$/i.test(before) ||
    /^\s*[)）]?\s*\d{1,2}[:：]\d{2}/.test(after)
  );
}

/** What the caller knows that decides between readings of a zone word. */
export interface ZoneHint {
  /** The post's language: `CST` in a post that is not Chinese and names no Chinese place is US Central. */
  lang?: string;
}

/**
 * The IANA zone a text names, the first one written: `(CST)`, `GMT+8`, `UTC+08:00`, `北京时间`,
 * `9 am PT`, `19:00 CEST`, `14:00 +08:00`. Abbreviations must sit next to a time or in brackets
 * (or the text be as short as a time cell), so `UTC` in a certificate dump is not a zone.
 */
export function findTimezone(text: string, hint: ZoneHint = {}): string | null {
  const found: { index: number; zone: string }[] = [];
  for (const { pattern, zone, abbreviation } of ZONE_WORDS) {
    for (const match of text.matchAll(pattern))
      if (!abbreviation || isAbbreviationInPlace(text, match.index, match[0].length))
        found.push({ index: match.index, zone });
  }
  const cstZone =
    !hint.lang || hint.lang.startsWith('zh') || CHINA_HINT.test(text)
      ? SHANGHAI
      : 'America/Chicago';
  for (const match of text.matchAll(CST))
    if (isAbbreviationInPlace(text, match.index, match[0].length))
      found.push({ index: match.index, zone: cstZone });
  for (const pattern of [NAMED_OFFSET, BARE_OFFSET]) {
    for (const match of text.matchAll(pattern)) {
      const zone = timezoneOfOffset(
        `${match[1]}${(match[2] ?? '').padStart(2, '0')}:${match[3] ?? '00'}`,
      );
      if (zone) found.push({ index: match.index, zone });
    }
  }
  found.sort((a, b) => a.index - b.index);
  return found[0]?.zone ?? null;
}

/** Zones for the UTC offsets this community's events are held at. */
const ZONE_OF_OFFSET: Record<string, string> = {
  '+08:00': SHANGHAI,
  '+09:00': 'Asia/Tokyo',
  '+05:30': 'Asia/Kolkata',
  '+00:00': UNIVERSAL,
};

/**
 * The IANA zone for a UTC offset: the zone this community meets in for the usual ones
 * (+08:00 is Beijing), otherwise the fixed-offset `Etc/GMT-N` zone for a whole hour (IANA
 * writes those with the sign reversed), and null for anything else.
 */
export function timezoneOfOffset(offset: string | null): string | null {
  if (!offset) return null;
  const known = ZONE_OF_OFFSET[offset];
  if (known) return known;
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match || match[3] !== '00') return null;
  const hours = Number(match[2]);
  if (hours === 0 || hours > 14) return hours === 0 ? UNIVERSAL : null;
  return `Etc/GMT${match[1] === '+' ? '-' : '+'}${hours}`;
}

/** True for a zone name the runtime knows (`Asia/Shanghai`, `UTC`), as `Intl` checks it. */
export function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/**
 * Reads a zone stated outright, as in a front-matter `timezone:` key: an IANA name
 * (`Asia/Shanghai`), an offset (`+08:00`, `UTC+8`), an abbreviation (`CST`, `PT`), or a city
 * (`杭州`, `Amsterdam`). Null when it is none of those, for the caller to report.
 */
export function parseTimezone(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  if (/^(?:UTC|GMT|Z)$/i.test(text)) return UNIVERSAL;
  if (isIanaZone(text)) return text;
  const offset = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (offset)
    return timezoneOfOffset(
      `${offset[1]}${(offset[2] ?? '').padStart(2, '0')}:${offset[3] ?? '00'}`,
    );
  return timezoneOfCity(text) ?? findTimezone(text);
}

/** Minutes since midnight of an 'HH:MM' time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
