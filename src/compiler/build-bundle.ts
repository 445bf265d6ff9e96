/**
 * Turns the drafts read from every post into the bundle: stable ids, one speaker per person,
 * pinyin and the other search aids, and a content hash. Ids never depend on position, so editing, adding or
 * reordering posts and talks keeps every other id.
 */
import { OutputFormat, pinyin, segment } from 'pinyin-pro';
import { BUNDLE_FORMAT, type Bundle, type Event, type Speaker, type Talk } from '../lib/schema';
import { diagnostic, type Diagnostic } from './diagnostics';
import type { TalkDraft } from './extract-agenda';
import type { EventDraft } from './extract-event';
import { isHanName } from './parse-speakers';
import { buildSearchAids } from './search-aids';
import { nameKey, shortHash, slugify } from './slugs';

/** Everything compiled from one post, ready to be given ids. */
export interface PostDraft {
  source: string;
  event: EventDraft;
  talks: TalkDraft[];
  html: string;
  text: string;
  /** An id the front matter asks for with `id:`, else null. */
  requestedId: string | null;
  /** Hugo's `slug:`, which renames the page within its folder, else null. */
  slug: string | null;
  /** True when the front matter gives no date: the page may be a part of its folder's event. */
  partOfEvent?: boolean;
}

/** The event id a source path gives: `2018/servicemesher-meetup-hangzhou/index.md` → `2018-servicemesher-meetup-hangzhou`. */
export function eventIdOf(source: string, slug: string | null = null): string {
  let page = source.replace(/(^|\/)_?index\.(md|markdown)$/i, '').replace(/\.(md|markdown)$/i, '');
  // Hugo's slug renames the page, not its section: 2020/kcc/x.md with slug "schedule" is 2020/kcc/schedule.
  if (slug) page = page.includes('/') ? `${page.slice(0, page.lastIndexOf('/'))}/${slug}` : slug;
  return slugify(page.replace(/\//g, ' '), Infinity) || shortHash(source);
}

/**
 * A speaker id: a slug of the name, plus a hash of it when the slug alone could belong to
 * another person (王磊 and 王蕾 are both wang-lei).
 */
export function speakerIdOf(name: string): string {
  const slug = slugify(name);
  return /\p{Script=Han}/u.test(name) || !slug
    ? `${slug || 'speaker'}-${shortHash(nameKey(name))}`
    : slug;
}

/** A search key spelled in pinyin: `aoxiaojian`, or surname and given name `ao xiaojian`. */
const PINYIN_KEY = /^[a-z]+( [a-z]+)?$/;

/**
 * Search keys for a Chinese name: `aoxiaojian`, `axj`, `xiaojian`, `ao xiaojian`. The surname is
 * read as a surname (单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu, 查 zha, 朴 piao), and a compound
 * one stays whole: 欧阳娜娜 gives `nana` and `ouyang nana`.
 */
export function pinyinOf(name: string): string[] {
  if (!isHanName(name)) return [];
  const han = name.replace('·', '');
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: 'head', v: true });
  // In surname mode pinyin-pro's segmenter puts the surname, single or compound, first.
  const [surname = ''] = segment(han, { surname: 'head', format: OutputFormat.ZhSegment });
  const surnameLength = Math.max(1, [...surname].length);
  const family = syllables.slice(0, surnameLength).join('');
  const given = syllables.slice(surnameLength).join('');
  // A character lost to a broken encoding (U+FFFD) has no reading: keys holding one are dropped.
  return [
    syllables.join(''),
    syllables.map((syllable) => syllable[0] ?? '').join(''),
    given,
    given && `${family} ${given}`,
  ].filter((key, index, keys) => PINYIN_KEY.test(key) && keys.indexOf(key) === index);
}

/** Gives each post's event a unique id; a clash is an error naming both files, and the later post gets a suffixed id. */
function assignEventIds(posts: PostDraft[], diagnostics: Diagnostic[]): string[] {
  const owners = new Map<string, string>();
  return posts.map((post) => {
    const fromPath = eventIdOf(post.source, post.slug);
    let id = post.requestedId ? slugify(post.requestedId, Infinity) || fromPath : fromPath;
    const owner = owners.get(id);
    if (owner !== undefined) {
      diagnostics.push(
        diagnostic(
          'error',
          'duplicate-id',
          post.source,
          `This post and ${owner} both claim the event id "${id}"; this one was given "${id}-${shortHash(post.source)}". Rename one of them or set a distinct id: in its front matter.`,
          1,
        ),
      );
      id = `${id}-${shortHash(post.source)}`;
    }
    owners.set(id, post.source);
    return id;
  });
}

/** Talk ids inside one event: the title's slug and hash; a repeated title adds its first speaker. */
function assignTalkIds(eventId: string, talks: TalkDraft[]): string[] {
  const taken = new Set<string>();
  return talks.map((talk) => {
    const base = `${eventId}--${slugify(talk.title, 6) || 'talk'}-${shortHash(talk.title.normalize('NFKC').toLowerCase(), 4)}`;
    let id = base;
    if (taken.has(id)) id = `${base}-${speakerIdOf(talk.speakers[0]?.name ?? 'talk')}`;
    for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`;
    taken.add(id);
    return id;
  });
}

/** Sorts by a string key, the same on every machine (no locale). */
function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** What a bundle is built with besides the posts. */
export interface BuildOptions {
  /** ISO 8601 time stamped into the bundle. */
  generatedAt: string;
  /** The project glossary's groups; the bundle keeps those the content uses. */
  glossary?: readonly (readonly string[])[];
}

/** Builds the bundle from every post's drafts. Pure, and deterministic apart from `generatedAt`. */
export function buildBundle(
  posts: PostDraft[],
  { generatedAt, glossary = [] }: BuildOptions,
): { bundle: Bundle; eventIds: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const eventIds = assignEventIds(posts, diagnostics);
  const events: Event[] = [];
  const talks: Talk[] = [];
  const speakersByKey = new Map<string, Speaker>();
  // A 花名 or other alias stated anywhere points at the person it belongs to.
  const keyOfAlias = new Map<string, string>();
  for (const post of posts) {
    for (const talk of post.talks) {
      for (const mention of talk.speakers)
        for (const alias of mention.aliases) keyOfAlias.set(nameKey(alias), nameKey(mention.name));
    }
  }

  posts.forEach((post, index) => {
    const eventId = eventIds[index] ?? eventIdOf(post.source, post.slug);
    const talkIds = assignTalkIds(eventId, post.talks);
    post.talks.forEach((draft, talkIndex) => {
      const talkId = talkIds[talkIndex] ?? '';
      const speakers = draft.speakers.map((mention) => {
        const key = keyOfAlias.get(nameKey(mention.name)) ?? nameKey(mention.name);
        let speaker = speakersByKey.get(key);
        if (!speaker) {
          speaker = {
            id: speakerIdOf(mention.name),
            name: mention.name,
            aliases: [],
            talkIds: [],
            orgs: [],
            pinyin: pinyinOf(mention.name),
          };
          speakersByKey.set(key, speaker);
        }
        for (const alias of mention.aliases)
          if (!speaker.aliases.includes(alias)) speaker.aliases.push(alias);
        if (mention.org && !speaker.orgs.includes(mention.org)) speaker.orgs.push(mention.org);
        if (!speaker.talkIds.includes(talkId)) speaker.talkIds.push(talkId);
        return { id: speaker.id, name: mention.name, org: mention.org, role: mention.role };
      });
      talks.push({
        id: talkId,
        eventId,
        title: draft.title,
        speakers,
        date: draft.date ?? post.event.date,
        start: draft.start,
        end: draft.end,
        abstract: draft.abstract,
        slidesUrl: draft.slidesUrl,
        videoUrl: draft.videoUrl,
      });
    });
    events.push({
      id: eventId,
      source: post.source,
      ...post.event,
      talkIds,
      html: post.html,
      text: post.text,
    });
  });

  events.sort(byKey((event) => event.id));
  talks.sort(byKey((talk) => talk.id));
  const speakers = [...speakersByKey.values()].sort(byKey((speaker) => speaker.id));
  const search = buildSearchAids({ events, talks, speakers }, glossary);
  // The aids are hashed too: a new glossary group changes what a query finds, as a new post does.
  const content = JSON.stringify({ format: BUNDLE_FORMAT, events, talks, speakers, search });
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    contentHash: shortHash(content, 16),
    generatedAt,
    events,
    talks,
    speakers,
    search,
  };
  return { bundle, eventIds, diagnostics };
}
