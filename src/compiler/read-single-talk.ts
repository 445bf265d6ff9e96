/**
 * Posts that are one talk rather than an agenda: a speaker's own page for a talk they gave
 * (Hugo Academic's `publication` pages) and the write-up of a talk (`本文根据敖小剑在 QCon 上的
 * 演讲整理`, `SOFAChannel#8 直播整理`). The post's title is then the talk's, its author the
 * speaker, and the event is the conference or meetup the page names.
 */
import type { Block } from './markdown-blocks';
import { emptyTalk, cleanTitle, type TalkDraft } from './extract-agenda';
import {
  isHanName,
  parseEnglishSpeaker,
  readSelfIntroduction,
  type SpeakerMention,
} from './parse-speakers';

/** The one talk a post is about, and the event it was given at when the post names it. */
export interface SingleTalk {
  talk: TalkDraft;
  eventTitle: string | null;
  /** A speaker's page for the talk is dated by the talk; a write-up comes later. */
  kind: 'talk-page' | 'write-up';
}

/** Phrases that say a post is the text of a talk. */
const WRITE_UP =
  /本文(?:根据|整理自|是)|(?:直播|分享|演讲)(?:内容)?整理|文字整理|实录|based on (?:the|a|our) talk|talk (?:transcript|write-?up)/i;

/** Where a write-up names its event: `根据敖小剑在 QCon 上海 2019 上的演讲整理`, `根据 SOFAChannel#8 直播分享整理`. */
const EVENT_IN_WRITE_UP = [
  /在\s*([^，。,]{3,40}?)\s*(?:大会)?\s*(?:上的?|的)?\s*(?:主题)?(?:分享|演讲)/,
  /根据\s*([A-Za-z][^，。,\s]{2,30})\s*直播/,
  // `本文是上周末Service Mesh Meetup上海站的演讲内容`
  /本文是\s*(?:上周末?|昨天|昨晚|今天)?\s*([^，。,的]{3,40}?)\s*上?的\s*(?:主题)?(?:演讲|分享)/,
  // `本文根据 SOFA Meetup#1 北京站 现场分享整理`
  /根据\s*([^，。,在]{3,40}?)\s*(?:现场|线上)?\s*(?:分享|演讲)(?:内容)?整理/,
];

/** How many blocks from the top a write-up's `本文根据…整理` sentence may sit, after bios and pictures. */
const WRITE_UP_OPENING_BLOCKS = 12;

/** The part of a write-up's title that names the event or the kind of post, not the talk. */
const TITLE_SUFFIX = /\s*(?:[|｜]|\s-\s)\s*(.*)$/;
const NOT_EVENT_NAME = /(直播|分享)?(整理|实录|回顾|文字稿)$/;

/** Words an event's name has and a talk title's second half lacks: `QCon`, `Meetup#1 北京站`. */
const EVENT_WORDS =
  /meetup|channel|con\b|qcon|summit|webinar|day\b|大会|峰会|沙龙|论坛|直播|站|周年|开放日|#\s*\d/i;

/**
 * An author written as a profile id rather than a name: Hugo Academic's `admin`, the site owner,
 * whose name lives in the site's `authors/admin` profile.
 */
const PROFILE_ID = /^[a-z][a-z0-9_-]*$/;

/** Speakers from an `author` / `authors` front-matter value: `何子波、金敏`, `敖小剑&龙轼`, a list. */
function readAuthors(value: unknown): SpeakerMention[] {
  const names = (Array.isArray(value) ? value : [value])
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(/\s*(?:[、&,，/]|\band\b|和)\s*/))
    .map((name) => name.trim())
    .filter(Boolean);
  return names
    .map((name): SpeakerMention | null =>
      PROFILE_ID.test(name)
        ? { name, org: null, role: null, aliases: [], profile: name }
        : isHanName(name)
          ? { name, org: null, role: null, aliases: [] }
          : parseEnglishSpeaker(name),
    )
    .filter((mention): mention is SpeakerMention => mention !== null);
}

/** How many blocks from the top a write-up's speaker has to introduce themselves. */
const INTRODUCTION_BLOCKS = 12;

/**
 * The speakers of a talk's own page or write-up: its authors, made surer by the speaker's own
 * `我是…` sentence near the top. The sentence gives the real name behind a 花名 author (`碧远` is
 * 雷志远), the name behind a profile id (`admin`), and the company; it replaces a lone author who
 * is someone else (the editor of a write-up), and leaves several authors alone unless it names
 * one of them.
 */
function readSpeakers(authors: SpeakerMention[], blocks: Block[]): SpeakerMention[] {
  const intro = blocks
    .slice(0, INTRODUCTION_BLOCKS)
    .map((block) => readSelfIntroduction(block.text))
    .find((mention) => mention !== null);
  if (!intro) return authors;
  const names = new Set([intro.name, ...intro.aliases]);
  if (authors.some((author) => names.has(author.name))) {
    return authors.map((author) => {
      if (!names.has(author.name)) return author;
      const aliases = [...intro.aliases, author.name].filter((alias) => alias !== intro.name);
      return { ...intro, aliases: [...new Set(aliases)] };
    });
  }
  if (authors.length > 1) return authors;
  const profile = authors[0]?.profile;
  return [profile ? { ...intro, profile } : intro];
}

function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A Hugo Academic publication page for a talk: `publication_types: ["1"]`, `publication_short`. */
function readPublicationPage(
  data: Record<string, unknown>,
  blocks: Block[],
  line: number,
): SingleTalk | null {
  const title = asText(data.title);
  if (!title || (data.publication === undefined && data.publication_types === undefined))
    return null;
  const publication = asText(data.publication);
  // Most pages repeat the talk's title as `publication`; the venue is then the short name.
  const eventTitle =
    publication && cleanTitle(publication) !== cleanTitle(title)
      ? publication
      : asText(data.publication_short);
  const talk = emptyTalk(cleanTitle(title), line);
  talk.speakers = readSpeakers(readAuthors(data.authors ?? data.author), blocks);
  talk.abstract = asText(data.abstract);
  return { talk, eventTitle, kind: 'talk-page' };
}

/** The write-up of one talk: its title is the post's, less a `| SOFAChannel#8 直播整理` suffix. */
function readWriteUp(
  data: Record<string, unknown>,
  blocks: Block[],
  line: number,
): SingleTalk | null {
  const title = asText(data.title);
  if (!title) return null;
  const opening = [
    asText(data.description) ?? '',
    asText(data.summary) ?? '',
    ...blocks.slice(0, WRITE_UP_OPENING_BLOCKS).map((block) => block.text),
  ];
  const sentence = opening.find((text) => WRITE_UP.test(text));
  if (!sentence) return null;
  const suffix = TITLE_SUFFIX.exec(title)?.[1]?.replace(NOT_EVENT_NAME, '').trim() || null;
  const named = EVENT_IN_WRITE_UP.map((pattern) =>
    opening.map((text) => pattern.exec(text)?.[1]?.trim()).find(Boolean),
  ).find(Boolean);
  // A suffix that names no event (`详解蚂蚁金服 SOFAJRaft | 生产级高性能 Java 实现`) is the rest of
  // the talk's title, when the prose names the event.
  const eventSuffix = suffix && (EVENT_WORDS.test(suffix) || !named) ? suffix : null;
  // The title's suffix names the event more reliably than a phrase picked out of prose, unless
  // the prose writes that same name in full (`| QCon 实录`, `在 QCon 全球软件开发大会（上海站）2019 上`).
  const eventTitle =
    eventSuffix && named?.startsWith(eventSuffix) ? named : (eventSuffix ?? named ?? null);
  const talkTitle = eventSuffix || !suffix ? title.replace(TITLE_SUFFIX, '') : title;
  const talk = emptyTalk(cleanTitle(talkTitle), line);
  talk.speakers = readSpeakers(readAuthors(data.author ?? data.authors), blocks);
  return { talk, eventTitle, kind: 'write-up' };
}

/** The single talk a post is about, or null when it is not a talk's page or write-up. */
export function readSingleTalk(
  data: Record<string, unknown>,
  blocks: Block[],
  line: number,
): SingleTalk | null {
  return readPublicationPage(data, blocks, line) ?? readWriteUp(data, blocks, line);
}
