/**
 * The bundle: the one contract between the build-time compiler and the client.
 *
 * This module imports nothing. The compiler writes values of these types; the client accepts a
 * bundle only through `isBundle`, so a bundle of any other format is refused, never half-read.
 * Raise `BUNDLE_FORMAT` whenever a field changes meaning or a required field is added.
 */

/** The format number this build writes and accepts. */
export const BUNDLE_FORMAT = 2;

/** How an event is attended. */
export type EventFormat = 'offline' | 'online' | 'hybrid';

/** What a link on an event points to. */
export type LinkKind = 'slides' | 'video' | 'livestream' | 'registration' | 'photos' | 'other';

/** A link found in or declared for a post. */
export interface EventLink {
  kind: LinkKind;
  url: string;
  label: string;
}

/** One meetup, conference day or livestream, compiled from one post. */
export interface Event {
  /** Stable across rebuilds: derived from the source path, never positional. */
  id: string;
  /** Path of the post relative to the content root, with '/' separators. */
  source: string;
  /** The event's own name (no 【活动回顾】 prefix, no 《》). */
  title: string;
  /** BCP 47 language tag of the post, e.g. 'zh' or 'en'. */
  lang: string;
  /** YYYY-MM-DD: the day the event happens, not the day the post was written. */
  date: string | null;
  /** YYYY-MM-DD of the last day, for multi-day events. */
  endDate: string | null;
  /** 'HH:MM', local wall time at the venue. */
  start: string | null;
  end: string | null;
  /** IANA zone such as 'Asia/Shanghai'. */
  timezone: string | null;
  city: string | null;
  venue: string | null;
  format: EventFormat | null;
  /** The recurring series the event belongs to, e.g. 'SOFAMeetup' or 'Service Mesh Meetup'. */
  series: string | null;
  talkIds: string[];
  links: EventLink[];
  /** YYYY-MM-DD the post was published, when the front matter says. */
  postDate: string | null;
  /** Front-matter tags and categories, deduplicated. */
  tags: string[];
  /** A one-paragraph plain-text summary for lists and search. */
  summary: string;
  /** The post body as sanitised HTML. */
  html: string;
  /** The post body as plain text, for search. */
  text: string;
}

/** A speaker as they appear on one talk: company and role belong to that appearance. */
export interface TalkSpeaker {
  id: string;
  name: string;
  org: string | null;
  role: string | null;
}

/** One session on an event's agenda. */
export interface Talk {
  /** Stable: the event id plus a slug of the title, never an index. */
  id: string;
  eventId: string;
  /** Plain text, no 《》, no Markdown. */
  title: string;
  speakers: TalkSpeaker[];
  date: string | null;
  start: string | null;
  end: string | null;
  abstract: string | null;
  slidesUrl: string | null;
  videoUrl: string | null;
}

/** One person across every event they spoke at. */
export interface Speaker {
  id: string;
  name: string;
  /** 花名, English and pinyin spellings. */
  aliases: string[];
  talkIds: string[];
  /** Every company the person spoke for, oldest appearance first. */
  orgs: string[];
  /** Pinyin of a Chinese name: full syllables and initials, for search ('aoxiaojian', 'axj'). */
  pinyin: string[];
}

/**
 * What the client's search needs beyond the records, computed at build time so the browser
 * ships no dictionaries. Each part is sized by the content, not by a whole dictionary.
 */
export interface SearchAids {
  /**
   * Character variant → the form the index stores, e.g. '網' → '网': every Traditional (and
   * regional variant) character that folds to a character the content uses, and every character
   * the content uses that folds to another.
   */
  characterFolds: Record<string, string>;
  /** Pinyin and English names of the content's Chinese place names: { '台北': ['taibei', 'taipei'] }. */
  placePinyin: Record<string, string[]>;
  /**
   * Groups of terms that mean the same across languages ('服务网格', 'service mesh'), from the
   * project's glossary: only groups with a term the content uses.
   */
  glossary: string[][];
}

/** Search aids of content that has none (no Chinese, no places, no glossary terms). */
export const EMPTY_SEARCH_AIDS: SearchAids = Object.freeze({
  characterFolds: {},
  placePinyin: {},
  glossary: [],
});

/** The whole compiled content of a site. */
export interface Bundle {
  /** Always `BUNDLE_FORMAT`; clients refuse any other. */
  format: number;
  /** Changes whenever any compiled content changes; independent of `generatedAt`. */
  contentHash: string;
  /** ISO 8601 time of the build. */
  generatedAt: string;
  events: Event[];
  talks: Talk[];
  speakers: Speaker[];
  search: SearchAids;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isEvent(value: unknown): value is Event {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.source === 'string' &&
    typeof value.title === 'string' &&
    isStringOrNull(value.date) &&
    isStringOrNull(value.start) &&
    isStringOrNull(value.timezone) &&
    isStringOrNull(value.series) &&
    isStringArray(value.talkIds) &&
    Array.isArray(value.links)
  );
}

function isTalk(value: unknown): value is Talk {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.eventId === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.speakers) &&
    isStringOrNull(value.start)
  );
}

function isSpeaker(value: unknown): value is Speaker {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    isStringArray(value.aliases) &&
    isStringArray(value.talkIds)
  );
}

function isSearchAids(value: unknown): value is SearchAids {
  return (
    isRecord(value) &&
    isRecord(value.characterFolds) &&
    isRecord(value.placePinyin) &&
    Array.isArray(value.glossary) &&
    value.glossary.every(isStringArray)
  );
}

/** True when `value` is a bundle of this build's format, with well-formed records. */
export function isBundle(value: unknown): value is Bundle {
  return (
    isRecord(value) &&
    value.format === BUNDLE_FORMAT &&
    typeof value.contentHash === 'string' &&
    typeof value.generatedAt === 'string' &&
    Array.isArray(value.events) &&
    value.events.every(isEvent) &&
    Array.isArray(value.talks) &&
    value.talks.every(isTalk) &&
    Array.isArray(value.speakers) &&
    value.speakers.every(isSpeaker) &&
    isSearchAids(value.search)
  );
}
