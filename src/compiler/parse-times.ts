/**
 * Dates and times as event posts write them. Everything stays local wall time at the venue:
 * a post that says 14:00 in Beijing means 14:00 there, so nothing is converted to UTC.
 */

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

/** A day written in prose: `2021 年 04 月 24 日`, `6月30日`, `July 10, 2021`, `10 July 2021`, `2021-07-10`. */
export interface FoundDate {
  date: string;
  /** Character offset of the match in the searched text. */
  index: number;
  /** False when the year was not written and came from the post's own date. */
  yearWritten: boolean;
}

const CHINESE_DATE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
const ENGLISH_MONTH_FIRST =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/gi;
const ENGLISH_DAY_FIRST =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+(\d{4}))?/gi;
const NUMERIC_DATE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g;

/**
 * Picks the year for a day written without one: the one that puts the event closest to the
 * post's date (a December post announcing a January meetup means next year).
 */
function nearestYear(month: number, day: number, reference: string | null): number | null {
  if (!reference) return null;
  const year = Number(reference.slice(0, 4));
  const referenceTime = Date.parse(reference);
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

/** Every day written in `text`, in order; `postDate` supplies the year when the text omits it. */
export function findDates(text: string, postDate: string | null): FoundDate[] {
  const found: FoundDate[] = [];
  /** `year` as written, or undefined when the text leaves it out. */
  const add = (year: string | undefined, month: number, day: string | undefined, index: number) => {
    const fullYear = year ? Number(year) : nearestYear(month, Number(day), postDate);
    if (fullYear === null) return;
    const date = formatDate(fullYear, month, Number(day));
    if (date) found.push({ date, index, yearWritten: Boolean(year) });
  };
  const monthOf = (name: string | undefined) => MONTHS[(name ?? '').toLowerCase()] ?? 0;
  for (const match of text.matchAll(CHINESE_DATE))
    add(match[1], Number(match[2]), match[3], match.index);
  for (const match of text.matchAll(ENGLISH_MONTH_FIRST))
    add(match[3], monthOf(match[1]), match[2], match.index);
  for (const match of text.matchAll(ENGLISH_DAY_FIRST))
    add(match[3], monthOf(match[2]), match[1], match.index);
  for (const match of text.matchAll(NUMERIC_DATE))
    add(match[1], Number(match[2]), match[3], match.index);
  return found.sort((a, b) => a.index - b.index);
}

/** Words before a time that put it in the afternoon or evening. */
const AFTERNOON = /(下午|午后|晚上|晚|傍晚|pm|p\.m\.)\s*$/i;
/** Words before a time that put it in the morning. */
const MORNING = /(上午|早上|早|清晨|am|a\.m\.)\s*$/i;
/** Words after a time that say the same. */
const AFTERNOON_AFTER = /^\s*(pm|p\.m\.)/i;
const MORNING_AFTER = /^\s*(am|a\.m\.)/i;

/**
 * The latest hour a meetup would start in the morning without saying so. Chinese posts write
 * `1:30` for half past one in the afternoon; no community meetup starts at half past one at night.
 */
const LATEST_UNMARKED_MORNING_HOUR = 7;

/** A clock time: `13:30`, `19：00` (full-width colon), `7 点`, `7点半`. */
const CLOCK = /(\d{1,2})\s*(?:[:：]\s*(\d{2})|\s*点\s*(半|\d{1,2}\s*分?)?)/g;

/**
 * Separators of a range: `-`, `~`, `－`, `—`, `–`, `至`, `到`, `to`, after the start's own
 * am/pm if it has one (`9:00am - 12:30pm`).
 */
const RANGE_SEPARATOR = /^\s*(?:[ap]\.?m\.?)?\s*(?:-|~|～|－|—|–|至|到|to)\s*$/i;

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
    else if (match[3] === '半') minute = 30;
    else if (match[3]) minute = Number.parseInt(match[3], 10);
    // A bare number followed by 点 is only a time when the text says so; `1:30` always is.
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
  if (AFTERNOON.test(before) || AFTERNOON_AFTER.test(after)) marker = 'pm';
  else if (MORNING.test(before) || MORNING_AFTER.test(after)) marker = 'am';
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
 * `11:00 ~ 12:30 am`. An unmarked hour below 7 is read as afternoon.
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

/** Zone names and abbreviations posts use, mapped to IANA zones. */
const ZONE_WORDS: [RegExp, string][] = [
  [
    /\b(CST|GMT\s*\+\s*0?8(?::?00)?|UTC\s*\+\s*0?8(?::?00)?|Beijing Time|China Standard Time)\b|北京时间/i,
    'Asia/Shanghai',
  ],
  [/\b(PST|PDT|Pacific Time)\b/, 'America/Los_Angeles'],
  [/\b(EST|EDT|Eastern Time)\b/, 'America/New_York'],
  [/\b(CET|CEST)\b/, 'Europe/Berlin'],
  [/\b(JST)\b/, 'Asia/Tokyo'],
  [/\bUTC\b(?!\s*[+-])|\bGMT\b(?!\s*[+-])/, 'UTC'],
];

/** The IANA zone a text names (`(CST)`, `GMT+8`, `北京时间`), or null. */
export function findTimezone(text: string): string | null {
  for (const [pattern, zone] of ZONE_WORDS) if (pattern.test(text)) return zone;
  return null;
}

/** The IANA zone for a UTC offset, for the offsets this community's posts carry. */
export function timezoneOfOffset(offset: string | null): string | null {
  if (offset === '+08:00') return 'Asia/Shanghai';
  if (offset === '+09:00') return 'Asia/Tokyo';
  if (offset === '+00:00') return 'UTC';
  return null;
}

/** Minutes since midnight of an 'HH:MM' time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
