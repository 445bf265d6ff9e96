/**
 * The FlexSearch index over events, talks and speakers. This module owns the index options:
 * FlexSearch's export does not carry its configuration, so whoever imports a dump must build the
 * index with exactly these options, and only this module does either.
 */
import { Index } from 'flexsearch';
import type { Event, Speaker, Talk } from '$lib/schema';
import { encodeText } from './encoder';

/**
 * Raise whenever the encoder, the options or the indexed text change: a stored dump of another
 * version is rebuilt, never imported.
 */
export const SEARCH_INDEX_VERSION = 2;

/** The kinds of record a query can find. */
export type SearchKind = 'events' | 'talks' | 'speakers';
const KINDS: readonly SearchKind[] = ['events', 'talks', 'speakers'];

/** Ids found per kind, best first. */
export type SearchIds = Record<SearchKind, string[]>;

/** A serialised index: FlexSearch's export chunks keyed `kind/key`, and each kind's `kind/ids`. */
export type IndexDump = [key: string, data: string][];

/** The content an index is built from. */
export interface IndexSource {
  events: Event[];
  talks: Talk[];
  speakers: Speaker[];
}

function createIndex(): Index {
  // 'forward' indexes every prefix of a term: `kube` finds Kubernetes. The encoder's Han bigrams
  // make 'full' (every substring) unnecessary; the spike measured 135 MB for it at 5,000 talks.
  return new Index({ tokenize: 'forward', encode: encodeText, cache: false });
}

/** What a speaker is found by: name, other spellings, build-time pinyin, companies. */
export function speakerSearchText(speaker: Speaker): string {
  return [speaker.name, ...speaker.aliases, ...speaker.pinyin, ...speaker.orgs].join(' \n ');
}

/**
 * What a talk is found by. The title comes first: FlexSearch scores earlier terms higher, so a
 * title hit outranks the same words in an abstract.
 */
export function talkSearchText(
  talk: Talk,
  eventTitle: string,
  speakersById: ReadonlyMap<string, Speaker>,
): string {
  const people = talk.speakers.flatMap((person) => {
    const speaker = speakersById.get(person.id);
    return [
      person.name,
      person.org ?? '',
      ...(speaker ? [...speaker.aliases, ...speaker.pinyin] : []),
    ];
  });
  return [talk.title, ...people, eventTitle, talk.abstract ?? ''].join(' \n ');
}

/** What an event is found by: its name, place, tags and summary. */
export function eventSearchText(event: Event): string {
  return [event.title, event.city ?? '', event.venue ?? '', ...event.tags, event.summary].join(
    ' \n ',
  );
}

/** The chunk of a dump that lists a kind's record ids, by their number in the index. */
const IDS_KEY = 'ids';

/** One FlexSearch index and the record ids its numbers stand for. */
interface KindIndex {
  index: Index;
  ids: string[];
}

function emptyKinds(): Record<SearchKind, KindIndex> {
  return {
    events: { index: createIndex(), ids: [] },
    talks: { index: createIndex(), ids: [] },
    speakers: { index: createIndex(), ids: [] },
  };
}

function isSearchKind(value: string): value is SearchKind {
  return (KINDS as readonly string[]).includes(value);
}

/**
 * A searchable index of one version of the content. Records are indexed under their position,
 * not their id: FlexSearch repeats the id in every posting, and ids such as
 * `2021-istio-meetup-china-beijing--securing-workload-deployment-with-istio-cni-f8d7` made a
 * 5,000-talk dump ten times larger and its import as much slower.
 */
export class ContentIndex {
  private constructor(private readonly kinds: Record<SearchKind, KindIndex>) {}

  /** Indexes every event, talk and speaker of `source`. */
  static build(source: IndexSource): ContentIndex {
    const kinds = emptyKinds();
    const add = (kind: SearchKind, id: string, text: string) => {
      kinds[kind].index.add(kinds[kind].ids.length, text);
      kinds[kind].ids.push(id);
    };
    const eventTitles = new Map(source.events.map((event) => [event.id, event.title]));
    const speakersById = new Map(source.speakers.map((speaker) => [speaker.id, speaker]));
    for (const event of source.events) add('events', event.id, eventSearchText(event));
    for (const talk of source.talks) {
      const eventTitle = eventTitles.get(talk.eventId) ?? '';
      add('talks', talk.id, talkSearchText(talk, eventTitle, speakersById));
    }
    for (const speaker of source.speakers) add('speakers', speaker.id, speakerSearchText(speaker));
    return new ContentIndex(kinds);
  }

  /** Restores an index from `dump()` of the same `SEARCH_INDEX_VERSION`; throws on a bad dump. */
  static load(dump: IndexDump): ContentIndex {
    const kinds = emptyKinds();
    for (const [key, data] of dump) {
      const slash = key.indexOf('/');
      const kind = key.slice(0, slash);
      if (!isSearchKind(kind)) throw new Error(`Unknown search index chunk "${key}"`);
      const part = key.slice(slash + 1);
      if (part === IDS_KEY) kinds[kind].ids = JSON.parse(data) as string[];
      else kinds[kind].index.import(part, data);
    }
    return new ContentIndex(kinds);
  }

  /** Ids of every kind matching all terms of `query`, best first, at most `limit` per kind. */
  search(query: string, limit: number): SearchIds {
    const found = (kind: SearchKind) => {
      const { index, ids } = this.kinds[kind];
      const positions = index.search(query, { limit }) as number[];
      return positions.map((position) => ids[position]).filter((id) => id !== undefined);
    };
    return { events: found('events'), talks: found('talks'), speakers: found('speakers') };
  }

  /** Serialises the index for storage; `ContentIndex.load` restores it. */
  async dump(): Promise<IndexDump> {
    const chunks: IndexDump = [];
    for (const kind of KINDS) {
      chunks.push([`${kind}/${IDS_KEY}`, JSON.stringify(this.kinds[kind].ids)]);
      await this.kinds[kind].index.export((key: string, data: string) => {
        chunks.push([`${kind}/${key}`, data]);
      });
    }
    return chunks;
  }
}
