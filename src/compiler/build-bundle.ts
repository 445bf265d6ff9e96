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
import type { DeclaredSpeaker } from './read-speakers';
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

/** Names joined into people: each name key points towards its person's representative key. */
class NameGroups {
  private readonly parent = new Map<string, string>();

  /** The representative key of the person `key` belongs to. */
  find(key: string): string {
    let root = key;
    for (let next = this.parent.get(root); next !== undefined && next !== root;)
      [root, next] = [next, this.parent.get(next)];
    this.parent.set(key, root);
    return root;
  }

  /** Makes `a` and `b` one person; the earlier-seen representative stays. */
  join(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}

/** Who each name belongs to, the name a person is shown under, and their other names. */
interface SpeakerIdentities {
  /** The key of the person a name (as written anywhere) belongs to. */
  personOf(name: string): string;
  /** The name to show for a person. */
  nameOf(person: string): string;
  /** Every other spelling the person goes by, in the order first seen. */
  aliasesOf(person: string): string[];
}

/**
 * Decides which names are one person. The same name (up to case, spaces and width) is always one
 * person; the speakers file joins the names it lists; a 花名 or other alias a post gives joins
 * it to the name it was given with, unless posts give that alias to two different people, which
 * is reported and joins nobody. A person is shown under the name the speakers file gives, else
 * the first name (in path order) that no one uses as an alias.
 */
function identifySpeakers(
  posts: PostDraft[],
  declared: readonly DeclaredSpeaker[],
  diagnostics: Diagnostic[],
): SpeakerIdentities {
  const groups = new NameGroups();
  const spellings = new Map<string, string>();
  const remember = (name: string) => {
    const key = nameKey(name);
    if (!spellings.has(key)) spellings.set(key, name);
    groups.find(key);
    return key;
  };
  const declaredKeys = new Set<string>();
  for (const person of declared) {
    declaredKeys.add(remember(person.name));
    for (const alias of person.aliases) {
      declaredKeys.add(remember(alias));
      groups.join(nameKey(person.name), nameKey(alias));
    }
  }

  const mentionNames: string[] = [];
  const claims = new Map<
    string,
    { nameKey: string; name: string; source: string; line: number }[]
  >();
  for (const post of posts)
    for (const talk of post.talks)
      for (const mention of talk.speakers) {
        mentionNames.push(mention.name);
        const key = remember(mention.name);
        for (const alias of mention.aliases) {
          const aliasKey = remember(alias);
          const list = claims.get(aliasKey) ?? [];
          list.push({ nameKey: key, name: mention.name, source: post.source, line: talk.line });
          claims.set(aliasKey, list);
        }
      }

  const aliasKeys = new Set(claims.keys());
  for (const [aliasKey, claimants] of claims) {
    const people = new Map(claimants.map((claim) => [groups.find(claim.nameKey), claim]));
    // The speakers file's word stands: a post giving its alias to someone else is the one to check.
    const declaredOwner = declaredKeys.has(aliasKey) ? groups.find(aliasKey) : null;
    if (declaredOwner !== null && !people.has(declaredOwner)) {
      const claim = claimants[0];
      diagnostics.push(
        diagnostic(
          'warning',
          'speaker-alias-ambiguous',
          claim?.source ?? '',
          `${spellings.get(aliasKey)} is given as another name of ${claim?.name}, but the speakers file says it is ${spellings.get(declaredOwner)}; it joins neither here. Correct the post, or the speakers file if they are one person.`,
          claim?.line ?? null,
        ),
      );
      continue;
    }
    if (people.size > 1) {
      const [first, second] = [...people.values()];
      diagnostics.push(
        diagnostic(
          'warning',
          'speaker-alias-ambiguous',
          second?.source ?? '',
          `${spellings.get(aliasKey)} is given as another name of both ${first?.name} (${first?.source}) and ${second?.name}, so it joins neither. If they are one person, say so in speakers.yaml; if not, correct the alias.`,
          second?.line ?? null,
        ),
      );
      continue;
    }
    for (const claim of claimants) groups.join(claim.nameKey, aliasKey);
  }

  const shownName = new Map<string, string>();
  for (const person of declared) shownName.set(groups.find(nameKey(person.name)), person.name);
  for (const preferAliases of [false, true])
    for (const name of mentionNames) {
      const root = groups.find(nameKey(name));
      if (!shownName.has(root) && (preferAliases || !aliasKeys.has(nameKey(name))))
        shownName.set(root, name);
    }

  const aliasesOfRoot = new Map<string, string[]>();
  for (const [key, spelling] of spellings) {
    const root = groups.find(key);
    if (nameKey(shownName.get(root) ?? '') === key) continue;
    const list = aliasesOfRoot.get(root) ?? [];
    list.push(spelling);
    aliasesOfRoot.set(root, list);
  }

  return {
    personOf: (name) => groups.find(nameKey(name)),
    nameOf: (person) => shownName.get(person) ?? spellings.get(person) ?? person,
    aliasesOf: (person) => [...(aliasesOfRoot.get(person) ?? [])],
  };
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
  /** People the content's speakers file declares, each with the other names they go by. */
  speakers?: readonly DeclaredSpeaker[];
}

/** Builds the bundle from every post's drafts. Pure, and deterministic apart from `generatedAt`. */
export function buildBundle(
  posts: PostDraft[],
  { generatedAt, glossary = [], speakers: declared = [] }: BuildOptions,
): { bundle: Bundle; eventIds: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const eventIds = assignEventIds(posts, diagnostics);
  const events: Event[] = [];
  const talks: Talk[] = [];
  const identities = identifySpeakers(posts, declared, diagnostics);
  const speakersByKey = new Map<string, Speaker>();
  const takenIds = new Map<string, string>();

  posts.forEach((post, index) => {
    const eventId = eventIds[index] ?? eventIdOf(post.source, post.slug);
    const talkIds = assignTalkIds(eventId, post.talks);
    post.talks.forEach((draft, talkIndex) => {
      const talkId = talkIds[talkIndex] ?? '';
      const speakers = draft.speakers.map((mention) => {
        const key = identities.personOf(mention.name);
        let speaker = speakersByKey.get(key);
        if (!speaker) {
          const name = identities.nameOf(key);
          let id = speakerIdOf(name);
          // Two people whose names slug alike (Zoë Li, Zoe Li) keep apart by a hash of the name.
          if ((takenIds.get(id) ?? key) !== key) id = `${id}-${shortHash(nameKey(name))}`;
          takenIds.set(id, key);
          speaker = {
            id,
            name,
            aliases: identities.aliasesOf(key),
            talkIds: [],
            orgs: [],
            pinyin: pinyinOf(name),
          };
          speakersByKey.set(key, speaker);
        }
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
