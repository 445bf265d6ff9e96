/**
 * Reads the event a post describes: its own name, day, times, zone, city, venue, format and
 * links. Front matter wins over the text for every field it states (see
 * `docs/content-format.md`); the text is read the way posts label things (`活动时间：`,
 * `**Venue:**`) and, failing that, from the prose.
 */
import type { Event, EventFormat, EventLink, LinkKind } from '../lib/schema';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { Block } from './markdown-blocks';
import { isSlideLink } from './match-slides';
import { lineOfKey, type SplitPost } from './parse-front-matter';
import {
  findDates,
  findTimeRange,
  type FoundDate,
  findTimezone,
  minutesOf,
  parseFrontMatterDate,
  parseTimezone,
  timezoneOfOffset,
  type TimeRange,
} from './parse-times';
import {
  comparable,
  completeName,
  isDigestTitle,
  isSameName,
  isSectionTitle,
  nameFromEnglishTitle,
} from './event-names';
import { findCity, timezoneOfCity, venueName } from './places';
import { detectSeries } from './series';

/** The event fields read from one post, before ids are given and the body is attached. */
export type EventDraft = Omit<Event, 'id' | 'source' | 'talkIds' | 'html' | 'text'>;

/** Labels of the lines that state an event's facts. */
const LABELS = {
  theme: /^(活动主题|主题|活动名称|Event|Theme)$/i,
  time: /^(活动时间|时间|日期|直播时间|举办时间|Time and day|Date and time|Date|Time|When)$/i,
  venue: /^(活动地点|活动场地|地点|场地|地址|会场|举办地点|Venue|Location|Where|Address)$/i,
  format: /^(活动形式|形式|Format)$/i,
};

/** How each kind of link is recognised from its label or its line. */
const LINK_KINDS: [RegExp, LinkKind][] = [
  [/ppt|slides?|幻灯片|讲稿|课件|资料下载|deck/i, 'slides'],
  [/回放|录像|视频|video|recording|youtube|bilibili/i, 'video'],
  [/直播|live\s*stream|livestream|watch live/i, 'livestream'],
  [/报名|注册|register|registration|sign up|rsvp|tickets?/i, 'registration'],
  [/照片|相册|photos?|gallery/i, 'photos'],
];

/** Where the Chinese communities meet: mainland China has one zone. */
const CHINA_TIMEZONE = 'Asia/Shanghai';

/** Words that say an event happens online, or in a room. */
const ONLINE_WORDS =
  /线上|直播|live\s*stream|livestream|live video stream|broadcast(?:ed)? live|webinar|online (event|meetup)|virtual (event|meetup|celebration)|\bvirtual\b|community (meeting|call)|zoom|腾讯会议/i;
const OFFLINE_WORDS = /线下|现场|in-person|in person|签到|venue/i;
/** A post title that names an online kind of event: `Service Mesh Webinar #2`, `SOFAChannel 直播`. */
const ONLINE_TITLE = /webinar|livestream|live stream|直播|线上|\bonline\b|\bvirtual\b/i;
/** A livestream's address given as the place: `地址：https://live.bilibili.com/21954520`. */
const STREAM_URL = /^https?:\/\/\S*live/i;
/**
 * Words that offer the room's talks to people elsewhere: beside a place they make an event hybrid
 * (`140人现场参与…在线观看直播`, `来不了现场，可以…观看视频直播`, `云犀直播提供直播支持`).
 */
const WATCH_ONLINE =
  /观看(?:视频)?直播|直播支持|在线观看|线上观看|(?:online|virtual) sessions|watch (?:the )?live(?:stream)?/i;
/** Both at once must be said: a meetup with a venue that also streams its talks. */
const HYBRID_WORDS =
  /线上线下|线下.{0,12}(同步)?直播|同步直播|hybrid|in[- ]person (and|or|\+) (online|virtual)|(online|virtual) (and|or|\+) in[- ]person/i;

/** Words of a sentence that gives the event's hours. */
const STARTS = /开始|start|begin|\bfrom\s*[~～]?\s*\d{1,2}\b.*\b(?:to|until)\s*[~～]?\s*\d/i;

/** Hugo writes `Z` into every new post's date: an offset of zero states no zone. */
const HUGO_DEFAULT_OFFSET = '+00:00';

/** How much of a post is looked at for the event's day when no line labels it. */
const OPENING_BLOCKS = 4;

/** A summary is one paragraph, cut at this many characters. */
const SUMMARY_LENGTH = 200;

/** Share of Han characters among letters above which a post is Chinese. */
const HAN_SHARE_FOR_CHINESE = 0.2;

/** Hugo and Wowchemy keys that mean a post is about one event rather than a blog post. */
const EVENT_FRONT_MATTER = ['event', 'event_url', 'date_end', 'endDate', 'address', 'location'];

/** An English event name: `Istio Meetup China`, `KubeCon China`, `Cloud Native Days`. */
const ENGLISH_EVENT_NAME =
  /\b((?:(?!The\b|A\b|Our\b|This\b|First\b)[A-Z][A-Za-z0-9]+\s){1,3}(?:Meetup|Summit|Conference|Days?|Forum|Workshop|Hackathon)(?:\s(?:China|Asia|Europe|Beijing|Shanghai|Online))?)\b/;

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value))
    return value.map(asString).filter((item): item is string => item !== null);
  const single = asString(value);
  return single ? [single] : [];
}

/** The first value among front-matter `keys` that is set. */
function firstKey(
  data: Record<string, unknown>,
  keys: string[],
): { key: string; value: unknown } | null {
  for (const key of keys)
    if (data[key] !== undefined && data[key] !== null && data[key] !== '')
      return { key, value: data[key] };
  return null;
}

/** Lines like `活动时间：…` or `**Venue:** …`, by label kind. */
function readLabelledLines(
  blocks: Block[],
): Partial<Record<keyof typeof LABELS, { text: string; line: number }>> {
  const found: Partial<Record<keyof typeof LABELS, { text: string; line: number }>> = {};
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'table-row') continue;
    const match = /^([^：:]{1,16}?)\s*[：:]\s*(.+)$/.exec(block.text);
    if (!match) continue;
    for (const kind of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
      if (!LABELS[kind].test((match[1] ?? '').trim())) continue;
      const text = (match[2] ?? '').trim();
      const earlier = found[kind];
      if (!earlier) found[kind] = { text, line: block.line };
      else if (kind === 'venue' && namesMorePrecisely(text, earlier.text))
        found[kind] = { text: fromWhereVenueStarts(text, earlier.text), line: block.line };
    }
  }
  return found;
}

/**
 * The precise line from where the rough line's venue starts, so that a city the rough line set
 * apart (`杭州，蚂蚁Z空间`) is not read as part of the name (`杭州蚂蚁Z空间·…`).
 */
function fromWhereVenueStarts(precise: string, rough: string): string {
  const start = precise.indexOf(venueName(rough).slice(0, 2));
  return start > 0 ? precise.slice(start) : precise;
}

/**
 * True when a later venue line names the earlier line's place and more of it: `地点：杭州，蚂蚁Z空间，
 * 1号楼` in the summary, then `活动场地：杭州蚂蚁Z空间·1号楼·九重宫阙` with the room.
 */
function namesMorePrecisely(later: string, earlier: string): boolean {
  const [precise, rough] = [comparable(later), comparable(earlier)];
  return rough.length > 0 && precise.length > rough.length && precise.startsWith(rough);
}

/** The event's own name from a post title: no `【活动回顾】`, no `《》`, no trailing `回顾` or slogan. */
export function cleanEventTitle(title: string): string {
  let name = title
    .trim()
    // Emphasis marks a post left unclosed (`**活动主题**：**OceanBaseDev Meetup#1 …`) stay as text.
    .replace(/^[*_]+\s*|\s*[*_]+$/g, '')
    .replace(/^[^】\]]{0,8}[】\]]\s*/, (prefix) => (/^[【[\uFFFD]/.test(prefix) ? '' : prefix))
    .replace(/^《(.+)》$/, '$1')
    .replace(/[《》]/g, '')
    .replace(/\s*[|｜]\s*.*$/, '')
    .replace(/[！!。.]+$/, '')
    .replace(/\s*(活动回顾|精彩回顾|回顾|圆满结束|圆满落幕|成功举办|顺利举办|recap|wrap-?up)$/i, '')
    .trim();
  // `SOFA 开源三周年，Let's have fun together！`: the name is the clause before an English
  // slogan. A Chinese clause after the comma is part of the name (`SOFA 四周年，开源正当时`).
  const clause = /^(.{4,}?)[，,！!]\s*[A-Za-z]/.exec(name);
  if (clause?.[1]) name = clause[1].trim();
  return name.replace(/[！!。.]+$/, '');
}

function detectLanguage(data: Record<string, unknown>, text: string): string {
  const declared = asString(data.lang ?? data.language);
  if (declared)
    return declared.toLowerCase().startsWith('zh') ? 'zh' : declared.toLowerCase().slice(0, 2);
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han / (han + latin / 5) >= HAN_SHARE_FOR_CHINESE ? 'zh' : 'en';
}

function classifyLink(context: string): LinkKind | null {
  for (const [pattern, kind] of LINK_KINDS) if (pattern.test(context)) return kind;
  return null;
}

function readFormat(text: string): EventFormat | null {
  const online = /线上|online|virtual|直播|webinar|livestream/i.test(text);
  const offline = /线下|offline|in-person|现场/i.test(text);
  if (online && offline) return 'hybrid';
  if (online) return 'online';
  if (offline) return 'offline';
  return null;
}

function isEventFormat(value: unknown): value is EventFormat {
  return value === 'offline' || value === 'online' || value === 'hybrid';
}

/** One part of a Wowchemy `address` object (`street`, `city`), or the whole of a plain one. */
function readAddress(value: unknown, part: 'street' | 'city'): string | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return asString((value as Record<string, unknown>)[part]);
  return part === 'street' ? asString(value) : null;
}

/** Context needed to read an event besides the post itself. */
export interface EventSource {
  file: string;
  post: SplitPost;
  blocks: Block[];
  text: string;
  videos: { url: string; label: string }[];
}

/** Reads the event a post describes, with diagnostics for what cannot be right. */
export function extractEvent({ file, post, blocks, text, videos }: EventSource): {
  event: EventDraft;
  diagnostics: Diagnostic[];
  /** True for a newsletter that lists other events and dates none of its own (see `isListing`). */
  isListing: boolean;
} {
  const { data } = post;
  const diagnostics: Diagnostic[] = [];
  const labelled = readLabelledLines(blocks);
  const description = asString(data.description ?? data.summary) ?? '';
  const opening = [
    description,
    ...blocks
      .filter((block) => block.kind === 'paragraph')
      .slice(0, OPENING_BLOCKS)
      .map((block) => block.text),
  ].join('\n');

  const readDateKey = (keys: string[]) => {
    const entry = firstKey(data, keys);
    if (!entry) return null;
    const parts = parseFrontMatterDate(entry.value);
    if (!parts) {
      diagnostics.push(
        diagnostic(
          'error',
          'invalid-date',
          file,
          `Front matter ${entry.key}: ${JSON.stringify(entry.value instanceof Date ? entry.value.toISOString() : entry.value)} is not a real date; write it as YYYY-MM-DD, optionally with THH:MM and an offset such as +08:00.`,
          lineOfKey(post, entry.key),
        ),
      );
    }
    return parts;
  };

  // The post's own date, which is the event's day only for event pages (Wowchemy) or as a last resort.
  const isEventPage = EVENT_FRONT_MATTER.some((key) => data[key] !== undefined);
  const postDateParts = readDateKey(['date', 'publishdate', 'publishDate', 'pubDate']);
  const eventDateParts =
    readDateKey(['eventDate', 'event_date']) ?? (isEventPage ? postDateParts : null);
  const endDateParts = readDateKey(['endDate', 'date_end', 'end_date']);
  const postDate = postDateParts?.date ?? null;

  const yearReference = yearReferenceOf(postDate, asString(data.title) ?? '', file);
  let date = eventDateParts?.date ?? null;
  let range: TimeRange | null = eventDateParts?.time
    ? { start: eventDateParts.time, end: endDateParts?.time ?? null }
    : null;
  let rangeLine = lineOfKey(post, 'date');
  // The last day of a range the text writes: `10月23日-24日`, `Mar 24-26`.
  let writtenEndDate: string | null = null;
  if (!date) {
    const written = readWrittenDay({ file, post, blocks, labelled, opening, yearReference });
    diagnostics.push(...written.diagnostics);
    date = written.date;
    writtenEndDate = written.endDate;
    range = written.range;
    rangeLine = written.line ?? rangeLine;
    if (date && postDate && yearReference !== postDate && isYearAfter(postDate, date)) {
      diagnostics.push(
        diagnostic(
          'warning',
          'post-date-mismatch',
          file,
          `The title names ${yearReference} but the post is dated ${postDate}, a year before the event (${date}); correct the post's date.`,
          lineOfKey(post, 'date') ??
            lineOfKey(post, 'publishdate') ??
            lineOfKey(post, 'publishDate'),
        ),
      );
    }
  }
  if (!range) {
    // `我们推迟了半个小时在1:30正式开始`, `starts at 19:00`, `will run from ~7:00 am to ~3:00 pm`
    const startSentence = text
      .split(/[。！？.!?\n]/)
      .find((sentence) => STARTS.test(sentence) && findTimeRange(sentence));
    if (startSentence) range = findTimeRange(startSentence);
  }
  // A post with no event date of its own is not dated by its publication: the day stays unknown.

  const startEntry = asString(data.start);
  const endEntry = asString(data.end);
  let start = startEntry ?? range?.start ?? null;
  let end = endEntry ?? range?.end ?? null;
  if (start && end && minutesOf(end) < minutesOf(start)) {
    diagnostics.push(
      diagnostic(
        'warning',
        'time-range-reversed',
        file,
        `The event ends (${end}) before it starts (${start}); the end time was dropped. Correct the range, e.g. 14:00-17:00.`,
        rangeLine,
      ),
    );
    end = null;
  }
  let endDate = endDateParts?.date ?? writtenEndDate;
  if (endDate && date && endDate < date) {
    diagnostics.push(
      diagnostic(
        'warning',
        'date-range-reversed',
        file,
        `The event ends on ${endDate}, before it starts on ${date}; the end date was dropped. Correct endDate.`,
        lineOfKey(post, 'endDate') ?? lineOfKey(post, 'date_end'),
      ),
    );
    endDate = null;
  }
  if (endDate === date) endDate = null;
  if (start && !/^\d{2}:\d{2}$/.test(start)) start = findTimeRange(start)?.start ?? null;
  if (end && !/^\d{2}:\d{2}$/.test(end)) end = findTimeRange(end)?.start ?? null;

  const writtenVenue =
    asString(data.venue) ??
    // Wowchemy's `address:` has the building in `street`; its city, region and country are the city's.
    readAddress(data.address, 'street') ??
    // `地点：https://live.bilibili.com/…` names a stream, not a place.
    (labelled.venue && !/^https?:\/\//.test(labelled.venue.text) ? labelled.venue.text : null) ??
    venueFromProse(opening);
  const venue = writtenVenue === null ? null : venueName(writtenVenue);
  const city =
    asString(data.city) ??
    readAddress(data.address, 'city') ??
    findCity(writtenVenue ?? '')?.name ??
    findCity(asString(data.title) ?? '')?.name ??
    findCity(opening)?.name ??
    null;

  const declaredFormat = data.format;
  if (declaredFormat !== undefined && !isEventFormat(declaredFormat)) {
    diagnostics.push(
      diagnostic(
        'warning',
        'invalid-format',
        file,
        `Front matter format: ${JSON.stringify(declaredFormat)} is not one of offline, online, hybrid.`,
        lineOfKey(post, 'format'),
      ),
    );
  }
  const format: EventFormat | null = isEventFormat(declaredFormat)
    ? declaredFormat
    : labelled.format
      ? readFormat(labelled.format.text)
      : inferFormat(text, asString(data.title) ?? '', {
          venue,
          city,
          streamed: labelled.venue !== undefined && STREAM_URL.test(labelled.venue.text),
        });

  const lang = detectLanguage(data, `${asString(data.title) ?? ''}\n${text}`);
  /** Front matter `timezone:` as an IANA name, an offset or a city; anything else is reported. */
  const readTimezoneKey = (): string | null => {
    const written = asString(data.timezone);
    if (!written) return null;
    const zone = parseTimezone(written);
    if (!zone)
      diagnostics.push(
        diagnostic(
          'warning',
          'invalid-timezone',
          file,
          `Front matter timezone: ${JSON.stringify(written)} is not a time zone; write an IANA name such as Asia/Shanghai, an offset such as +08:00, or the city.`,
          lineOfKey(post, 'timezone'),
        ),
      );
    return zone;
  };
  const timezone =
    readTimezoneKey() ??
    findTimezone(labelled.time?.text ?? '') ??
    timezoneOfOffset(eventDateParts?.offset ?? null) ??
    (city ? timezoneOfCity(city) : null) ??
    // A zone elsewhere in the text belongs to the event only when the event has a day or an
    // hour of its own; otherwise it is some other meeting's (`next meeting: May 27, 9 am PT`).
    (date || start ? findTimezone(text) : null) ??
    (lang === 'zh' && isHeldInChina(start, format) ? CHINA_TIMEZONE : null) ??
    (date && postDateParts?.offset && postDateParts.offset !== HUGO_DEFAULT_OFFSET
      ? timezoneOfOffset(postDateParts.offset)
      : null);

  const title = readEventTitle({ data, blocks, labelled, description, text, file });

  const links = readLinks(data, blocks, videos);
  const tags = [...new Set([...asStrings(data.tags), ...asStrings(data.categories)])];
  const firstParagraph =
    blocks.find((block) => block.kind === 'paragraph' && block.text.length > 20)?.text ?? '';
  const summary = (description || firstParagraph).slice(0, SUMMARY_LENGTH);
  const series = detectSeries({ title, tags, source: file });

  const event: EventDraft = {
    title,
    lang,
    date,
    endDate,
    start,
    end,
    timezone,
    city,
    venue,
    format,
    series,
    links,
    postDate,
    tags,
    summary,
  };
  const listing = isListing(asString(data.title) ?? '', labelled);
  return { event: listing ? withoutOwnFacts(event) : event, diagnostics, isListing: listing };
}

/**
 * A newsletter (`October 2021 update`, `SOFA Weekly | …`) lists other events: the days, hours
 * and places in it are theirs. Only a labelled `活动时间：` line makes one of them its own.
 */
function isListing(postTitle: string, labelled: ReturnType<typeof readLabelledLines>): boolean {
  return isDigestTitle(cleanEventTitle(postTitle)) && labelled.time === undefined;
}

/** The event with no day, hours, zone, place or format of its own. */
function withoutOwnFacts(event: EventDraft): EventDraft {
  return {
    ...event,
    date: null,
    endDate: null,
    start: null,
    end: null,
    timezone: null,
    city: null,
    venue: null,
    format: null,
  };
}

/**
 * Gives a talk's page the event it names (`又拍云 Open Talk No.24 广州`, `Service Mesh Virtual
 * Meetup` written in full in the text as `…Meetup#1`), and the city that name places it in
 * unless the page gives a venue.
 */
export function nameEventOfTalk(event: EventDraft, eventTitle: string, text: string): void {
  event.title = completeName(eventTitle, text);
  const city = findCity(eventTitle);
  if (!city || event.venue) return;
  // The event's name places it more surely than a city the talk's prose mentions (`Meetup杭州站`
  // over a 深圳 in the transcript); a stated zone stays.
  const previousZone = event.city ? timezoneOfCity(event.city) : null;
  if (event.timezone === null || event.timezone === previousZone) event.timezone = city.timezone;
  event.city = city.name;
}

/**
 * The event's name. Front matter `event:` states it. Otherwise the post's title names it, less
 * its `【活动报名】`-style prefix; a `主题：` line is the event's theme and names it only when the
 * title agrees with it, or when the title is a newsletter's (`SOFA Weekly | …`) or a section's
 * (`活动`, whose event is named by the heading over its `时间：` line). English blog titles say
 * more than the name (`Linkerd at KubeCon EU 2019: Benchmarks…`, see event-names), and the text
 * may write a shortened name in full (`The Kubernetes Contributor Celebration`).
 */
function readEventTitle({
  data,
  blocks,
  labelled,
  description,
  text,
  file,
}: {
  data: Record<string, unknown>;
  blocks: Block[];
  labelled: ReturnType<typeof readLabelledLines>;
  description: string;
  text: string;
  file: string;
}): string {
  const declared = asString(data.event);
  if (declared) return cleanEventTitle(declared);
  const rawTitle =
    asString(data.title) ?? blocks.find((block) => block.kind === 'heading')?.text ?? file;
  const fromTitle = cleanEventTitle(rawTitle);
  const theme = labelled.theme ? cleanEventTitle(labelled.theme.text) : null;
  const isListingTitle = isDigestTitle(fromTitle) || isSectionTitle(fromTitle);
  if (theme && (isListingTitle || isSameName(theme, fromTitle))) return theme;
  const timeLine = labelled.time?.line;
  if (isSectionTitle(fromTitle) && timeLine !== undefined) {
    const heading = blocks
      .filter((block) => block.kind === 'heading' && block.line < timeLine)
      .at(-1);
    if (heading) return cleanEventTitle(heading.text);
  }
  const context = `${description}\n${text}`;
  const english = nameFromEnglishTitle(rawTitle, description);
  if (english) return completeName(english, context);
  const named = /[!?！？]/.test(rawTitle) && !theme ? ENGLISH_EVENT_NAME.exec(text)?.[1] : null;
  return completeName(named ?? fromTitle, context);
}

/** What a post's text says about its event's day, and where. */
interface WrittenDay {
  date: string | null;
  endDate: string | null;
  range: TimeRange | null;
  line: number | null;
  diagnostics: Diagnostic[];
}

/** Words that put a day on some other meeting than the post's own, or on a deadline. */
const OTHER_MEETING =
  /\b(?:next|upcoming|previous|last|CFP|deadline|closes|due)\b|下期|下一期|下次|上期|上一期|截止/i;

/** The text without its sentences about other meetings or deadlines. */
function withoutOtherMeetings(text: string): string {
  return text
    .split(/(?<=[。！？!?\n]|\.\s)/)
    .filter((sentence) => !OTHER_MEETING.test(sentence))
    .join('');
}

/**
 * How far from the post's date a day found deep in its body may be and still be its event's:
 * announcements come weeks before, recaps days or weeks after.
 */
const DAYS_BEFORE_POST = 31;
const DAYS_AFTER_POST = 92;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The year days written without one are read in: a year the title names, the post's date, or a year folder. */
function yearReferenceOf(postDate: string | null, title: string, file: string): string | null {
  const titleYears = new Set(title.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? []);
  const [titleYear] = titleYears;
  // `IstioCon 2021` dated 2020-02-12: the title's year is the event's, the date a slip.
  if (titleYears.size === 1 && titleYear && titleYear !== postDate?.slice(0, 4)) return titleYear;
  if (postDate) return postDate;
  // Hugo docs sites keep each year's events in a folder: `events/2020/kcc/_index.md`.
  return file.split('/').find((segment) => /^(?:19|20)\d{2}$/.test(segment)) ?? null;
}

/** True when `later` is at least half a year after `earlier`. */
function isYearAfter(earlier: string, later: string): boolean {
  return Date.parse(later) - Date.parse(earlier) > (366 / 2) * DAY_MS;
}

/** The clock times written right after a day, in its sentence: `6 月 19 日（周六）13：00-17：30`. */
function timeAfterDay(text: string, day: FoundDate): TimeRange | null {
  const sentence = text.slice(day.index).split(/[。！？\n]|\.\s/)[0] ?? '';
  return findTimeRange(sentence.slice(0, TIME_AFTER_DAY_REACH));
}

/** How many characters after a day its time may start: `June 30 12:00 UTC`, `6月12日周四晚7点`. */
const TIME_AFTER_DAY_REACH = 40;

/**
 * The event's day as the text writes it: on its labelled line (`活动时间：`), else in the opening
 * paragraphs, else the first day in the body near the post's date that is not another meeting's.
 * A day written with a weekday it does not fall on, where another day in the post does fall on
 * that weekday, was copied from an earlier issue: the other day is taken, and the slip reported.
 */
function readWrittenDay({
  file,
  post,
  blocks,
  labelled,
  opening,
  yearReference,
}: {
  file: string;
  post: SplitPost;
  blocks: Block[];
  labelled: ReturnType<typeof readLabelledLines>;
  opening: string;
  yearReference: string | null;
}): WrittenDay {
  const diagnostics: Diagnostic[] = [];
  const lineOf = (text: string): number | null =>
    blocks.find((block) => block.text.includes(text))?.line ??
    lineOfKey(post, 'description') ??
    null;
  let found: { day: FoundDate; text: string; line: number | null } | null = null;
  if (labelled.time) {
    const day = findDates(labelled.time.text, yearReference)[0];
    if (day) found = { day, text: labelled.time.text, line: labelled.time.line };
  }
  if (!found) {
    const ownSentences = withoutOtherMeetings(opening);
    const day = findDates(ownSentences, yearReference)[0];
    if (day) found = { day, text: ownSentences, line: null };
  }
  if (!found) found = dayInBody(blocks, yearReference, post);
  const labelledRange = labelled.time ? findTimeRange(labelled.time.text) : null;
  if (!found) return { date: null, endDate: null, range: labelledRange, line: null, diagnostics };
  let { day, text, line } = found;
  line ??= lineOf(text.slice(day.index, day.index + 6));
  if (day.weekdayAgrees === false) {
    const agreeing = blocks
      .flatMap((block) =>
        findDates(block.text, yearReference).map((candidate) => ({ candidate, block })),
      )
      .find(({ candidate }) => candidate.weekday === day.weekday && candidate.weekdayAgrees);
    diagnostics.push(
      diagnostic(
        'warning',
        'weekday-mismatch',
        file,
        agreeing
          ? `${day.date} is not the weekday written beside it; the post's ${agreeing.candidate.date} (line ${agreeing.block.line}) is, and was taken. Correct the day or the weekday.`
          : `${day.date} is not the weekday written beside it; correct the day or the weekday.`,
        line ?? undefined,
      ),
    );
    if (agreeing) {
      day = agreeing.candidate;
      text = agreeing.block.text;
    }
  }
  return {
    date: day.date,
    endDate: day.endDate ?? null,
    range: completeRange(
      labelledRange ?? timeAfterDay(text, day),
      day.date,
      opening,
      yearReference,
    ),
    line,
    diagnostics,
  };
}

/**
 * A start with no end, completed by the same day and start written with an end elsewhere in the
 * opening: `活动时间：12 月 15 日，周四晚 19 点` beside a description `12 月 15 日 19：00 - 20：00`.
 */
function completeRange(
  range: TimeRange | null,
  date: string,
  opening: string,
  yearReference: string | null,
): TimeRange | null {
  if (!range || range.end) return range;
  for (const day of findDates(opening, yearReference)) {
    if (day.date !== date) continue;
    const written = timeAfterDay(opening, day);
    if (written?.start === range.start && written.end) return written;
  }
  return range;
}

/**
 * The first day in the body's blocks near the post's date, not on a line or in a section about
 * another meeting (`## Upcoming events` in a newsletter, `The CFP closes on February 12`).
 */
function dayInBody(
  blocks: Block[],
  yearReference: string | null,
  post: SplitPost,
): { day: FoundDate; text: string; line: number | null } | null {
  const postDate = parseFrontMatterDate(post.data.date ?? post.data.publishdate)?.date ?? null;
  const isNearPost = (date: string) =>
    !postDate ||
    (Date.parse(date) >= Date.parse(postDate) - DAYS_BEFORE_POST * DAY_MS &&
      Date.parse(date) <= Date.parse(postDate) + DAYS_AFTER_POST * DAY_MS);
  const sections: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') sections.splice(block.depth - 1, Infinity, block.text);
    if (block.kind === 'table-row' || block.kind === 'code') continue;
    if (sections.some((heading) => OTHER_MEETING.test(heading))) continue;
    const text = withoutOtherMeetings(block.text);
    const day = findDates(text, yearReference).find((candidate) => isNearPost(candidate.date));
    if (day) return { day, text, line: block.line };
  }
  return null;
}

/**
 * Whether a Chinese post's event, which names no city the places table knows, is on China time:
 * a bare `19:00` in a Chinese post is, and so is a Chinese community's livestream. A talk given
 * at a conference the post does not place (`在 KubeCon NA2019 的分享`) is not assumed to be.
 * Its front-matter `Z` is only Hugo's default, never a statement.
 */
function isHeldInChina(start: string | null, format: EventFormat | null): boolean {
  return start !== null || format === 'online' || format === 'hybrid';
}

/** `6月30日，杭州，蚂蚁Z空间，一大早…`: the short clause right after the city names the venue. */
function venueFromProse(opening: string): string | null {
  for (const sentence of opening.split(/[。\n]/)) {
    const clauses = sentence.split(/[，,]/).map((clause) => clause.trim());
    const cityAt = clauses.findIndex((clause) => findCity(clause)?.name === clause);
    const venue = cityAt === -1 ? undefined : clauses[cityAt + 1];
    if (venue && venue.length <= 20 && !/[了的是在]/.test(venue)) return venue;
  }
  return null;
}

/**
 * The format a post's prose implies. Recaps of in-person meetups mention their livestream and
 * replays, so online words beside a venue are not enough for hybrid: the post must say both.
 */
function inferFormat(
  text: string,
  title: string,
  place: { venue: string | null; city: string | null; streamed: boolean },
): EventFormat | null {
  if (HYBRID_WORDS.test(text)) return 'hybrid';
  const isPlaced = place.venue !== null || place.city !== null || OFFLINE_WORDS.test(text);
  if (isPlaced && WATCH_ONLINE.test(text)) return 'hybrid';
  // A webinar is online wherever its speakers come from; so is an event whose `地址` is a stream.
  if (ONLINE_TITLE.test(title) || place.streamed) return 'online';
  if (isPlaced) return 'offline';
  if (ONLINE_WORDS.test(text)) return 'online';
  return null;
}

/** Event links: front-matter `url_*` keys, video shortcodes, and body links labelled as slides, video… */
function readLinks(
  data: Record<string, unknown>,
  blocks: Block[],
  videos: { url: string; label: string }[],
): EventLink[] {
  const links: EventLink[] = [];
  const seen = new Set<string>();
  const add = (kind: LinkKind, url: string, label: string) => {
    if (seen.has(url) || !/^https?:\/\//.test(url)) return;
    seen.add(url);
    links.push({ kind, url, label });
  };
  const frontMatterLinks: [string, LinkKind][] = [
    ['url_slides', 'slides'],
    ['url_video', 'video'],
    ['url_live', 'livestream'],
    ['event_url', 'other'],
    ['registration', 'registration'],
  ];
  for (const [key, kind] of frontMatterLinks) {
    const url = asString(data[key]);
    if (url) add(kind, url, key);
  }
  for (const video of videos) add('video', video.url, video.label);
  for (const block of blocks) {
    if (block.kind === 'table-row') continue;
    for (const link of block.links) {
      // Slide files and 《题目》 links belong to talks; match-slides gives them out.
      if (isSlideLink(link)) continue;
      // The clause just before a bare URL says what it is: `讲师PPT：https://…`.
      const before = block.text.slice(0, Math.max(0, block.text.indexOf(link.label)));
      const clause = before.split(/[。！？!?；;]/).at(-1) ?? '';
      const kind = classifyLink(link.label) ?? classifyLink(clause);
      if (kind) add(kind, link.url, link.label);
    }
  }
  return links;
}
