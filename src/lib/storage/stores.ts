/**
 * The two things the data worker keeps, each behind an interface with an IndexedDB and an
 * in-memory implementation: content (replaced as a whole on every update) and user data (stars,
 * never touched by an update). Memory is the fallback when IndexedDB cannot be used; it lasts for
 * the session.
 */
import { BUNDLE_FORMAT, EMPTY_SEARCH_AIDS, type Bundle } from '$lib/schema';
import type { IndexDump } from '$lib/search/content-index';
import { readSettings, type SettingChange, type Settings } from '$lib/settings';
import type { ContentReader } from '$lib/views';
import { createMemoryReader } from '$lib/views/memory-reader';
import { asStarRecord, type StarRecord } from '$lib/views/starred-changes';
import {
  CONTENT_STORES,
  openDatabase,
  type ContentMeta,
  type OpenFailure,
  type OpenOptions,
  type SidecarDatabase,
  type SidecarSchema,
} from './database';

/** One version of the content, swapped atomically. */
export interface ContentStore {
  readonly kind: 'indexeddb' | 'memory';
  readonly reader: ContentReader;
  /** What is stored, or undefined when nothing (usable) is. */
  readMeta(): Promise<ContentMeta | undefined>;
  /** Replaces all content with `bundle` in one transaction: readers see the old or the new. */
  replaceContent(bundle: Bundle, bundleUrl: string): Promise<void>;
  /** Records that the content also came from `bundleUrl` (a rebuild with the same content). */
  setBundleUrl(bundleUrl: string): Promise<void>;
  /** The whole stored bundle, for building a search index. */
  readAll(): Promise<Bundle>;
  /** The stored search index for `contentHash` and `version`, if there is one. */
  readIndex(contentHash: string, version: number): Promise<IndexDump | undefined>;
  writeIndex(contentHash: string, version: number, chunks: IndexDump): Promise<void>;
}

/** The reader's own data. */
export interface UserStore {
  readonly kind: 'indexeddb' | 'memory';
  /** Starred talk ids, oldest star first. */
  readStars(): Promise<string[]>;
  setStar(talkId: string, starred: boolean): Promise<void>;
  /** Every star with what content updates did to its talk, oldest star first. */
  readStarRecords(): Promise<StarRecord[]>;
  /** Writes `put` and deletes the stars of `remove`, all or nothing. */
  updateStars(put: readonly StarRecord[], remove: readonly string[]): Promise<void>;
  /** Forgets the change recorded on a star: the reader has seen it. */
  dismissChange(talkId: string): Promise<void>;
  /** The settings the reader made; one never made (or unreadable by this version) is left out. */
  readSettings(): Promise<Partial<Settings>>;
  writeSetting(change: SettingChange): Promise<void>;
}

function byStarredAt(a: StarRecord, b: StarRecord): number {
  return a.starredAt.localeCompare(b.starredAt);
}

function metaOf(bundle: Bundle, bundleUrl: string): ContentMeta {
  return {
    key: 'content',
    format: BUNDLE_FORMAT,
    contentHash: bundle.contentHash,
    generatedAt: bundle.generatedAt,
    bundleUrl,
    counts: {
      events: bundle.events.length,
      talks: bundle.talks.length,
      speakers: bundle.speakers.length,
    },
    search: bundle.search,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Meta as read back from storage: refused unless it is this format's. */
function asContentMeta(value: unknown): ContentMeta | undefined {
  return isRecord(value) &&
    value.format === BUNDLE_FORMAT &&
    typeof value.contentHash === 'string' &&
    typeof value.generatedAt === 'string' &&
    typeof value.bundleUrl === 'string' &&
    isRecord(value.counts) &&
    isRecord(value.search)
    ? (value as unknown as ContentMeta)
    : undefined;
}

/**
 * Reads many records of one store in a single transaction. A search result page reads ~80
 * records; one transaction each measured a 12.5 ms p95 query round trip at 5,000 talks.
 */
async function getMany<Name extends 'events' | 'talks' | 'speakers'>(
  database: SidecarDatabase,
  name: Name,
  ids: readonly string[],
): Promise<(SidecarSchema[Name]['value'] | undefined)[]> {
  if (ids.length === 0) return [];
  const transaction = database.transaction(name, 'readonly');
  const records = await Promise.all(ids.map((id) => transaction.store.get(id)));
  await transaction.done;
  return records;
}

// Content records are not guarded one by one on the way out: they were checked by `isBundle`
// before being written, and a database of another schema version is migrated before use.
export function createDatabaseContentStore(database: SidecarDatabase): ContentStore {
  return {
    kind: 'indexeddb',
    reader: {
      listEvents: () => database.getAll('events'),
      getEvent: (id) => database.get('events', id),
      getTalk: (id) => database.get('talks', id),
      getSpeaker: (id) => database.get('speakers', id),
      getEvents: (ids) => getMany(database, 'events', ids),
      getTalks: (ids) => getMany(database, 'talks', ids),
      getSpeakers: (ids) => getMany(database, 'speakers', ids),
    },
    async readMeta() {
      return asContentMeta(await database.get('meta', 'content'));
    },
    async replaceContent(bundle, bundleUrl) {
      // One transaction over every content store: if the tab closes or a write fails halfway,
      // IndexedDB rolls all of it back and the previous version stays whole.
      const transaction = database.transaction(CONTENT_STORES, 'readwrite');
      const writes: Promise<unknown>[] = [];
      try {
        for (const name of CONTENT_STORES) writes.push(transaction.objectStore(name).clear());
        for (const event of bundle.events)
          writes.push(transaction.objectStore('events').put(event));
        for (const talk of bundle.talks) writes.push(transaction.objectStore('talks').put(talk));
        for (const speaker of bundle.speakers) {
          writes.push(transaction.objectStore('speakers').put(speaker));
        }
        writes.push(transaction.objectStore('meta').put(metaOf(bundle, bundleUrl)));
      } catch (error) {
        // A request that throws (a value that cannot be cloned) does not abort the transaction by
        // itself: without this, the requests queued so far (the clears) would commit.
        transaction.abort();
        await Promise.allSettled([transaction.done, ...writes]);
        throw error;
      }
      // `done` rejects when the transaction aborts; the individual writes' rejections are the
      // same failure, so they are awaited only to keep them from surfacing as unhandled.
      await Promise.all([transaction.done, Promise.allSettled(writes)]);
    },
    async setBundleUrl(bundleUrl) {
      const transaction = database.transaction('meta', 'readwrite');
      const meta = asContentMeta(await transaction.store.get('content'));
      if (meta) await transaction.store.put({ ...meta, bundleUrl });
      await transaction.done;
    },
    async readAll() {
      const names = ['meta', 'events', 'talks', 'speakers'] as const;
      const transaction = database.transaction(names, 'readonly');
      const [meta, events, talks, speakers] = await Promise.all([
        transaction.objectStore('meta').get('content'),
        transaction.objectStore('events').getAll(),
        transaction.objectStore('talks').getAll(),
        transaction.objectStore('speakers').getAll(),
      ]);
      return {
        format: BUNDLE_FORMAT,
        contentHash: meta?.contentHash ?? '',
        generatedAt: meta?.generatedAt ?? '',
        events,
        talks,
        speakers,
        search: asContentMeta(meta)?.search ?? EMPTY_SEARCH_AIDS,
      };
    },
    async readIndex(contentHash, version) {
      const stored: unknown = await database.get('searchIndex', 'content');
      if (
        isRecord(stored) &&
        stored.contentHash === contentHash &&
        stored.version === version &&
        Array.isArray(stored.chunks)
      ) {
        return stored.chunks as IndexDump;
      }
      return undefined;
    },
    async writeIndex(contentHash, version, chunks) {
      // Only beside the content it was built from: a swap in between makes this write a no-op.
      const transaction = database.transaction(['meta', 'searchIndex'], 'readwrite');
      const meta = asContentMeta(await transaction.objectStore('meta').get('content'));
      if (meta?.contentHash === contentHash) {
        await transaction
          .objectStore('searchIndex')
          .put({ key: 'content', contentHash, version, chunks });
      }
      await transaction.done;
    },
  };
}

function emptyBundle(): Bundle {
  return {
    format: BUNDLE_FORMAT,
    contentHash: '',
    generatedAt: '',
    events: [],
    talks: [],
    speakers: [],
    search: EMPTY_SEARCH_AIDS,
  };
}

export function createMemoryContentStore(): ContentStore {
  let bundle: Bundle | undefined;
  let meta: ContentMeta | undefined;
  let reader: ContentReader = createMemoryReader(emptyBundle());
  let index: { contentHash: string; version: number; chunks: IndexDump } | undefined;
  return {
    kind: 'memory',
    get reader() {
      return reader;
    },
    readMeta: async () => meta,
    async replaceContent(next, bundleUrl) {
      bundle = next;
      meta = metaOf(next, bundleUrl);
      reader = createMemoryReader(next);
      index = undefined;
    },
    async setBundleUrl(bundleUrl) {
      if (meta) meta = { ...meta, bundleUrl };
    },
    readAll: async () => bundle ?? emptyBundle(),
    async readIndex(contentHash, version) {
      return index?.contentHash === contentHash && index.version === version
        ? index.chunks
        : undefined;
    },
    async writeIndex(contentHash, version, chunks) {
      index = { contentHash, version, chunks };
    },
  };
}

export function createDatabaseUserStore(database: SidecarDatabase): UserStore {
  const readStarRecords = async () => {
    const stored: unknown[] = await database.getAll('stars');
    return stored
      .map(asStarRecord)
      .filter((star) => star !== undefined)
      .sort(byStarredAt);
  };
  return {
    kind: 'indexeddb',
    async readStars() {
      return (await readStarRecords()).map((star) => star.talkId);
    },
    async setStar(talkId, starred) {
      if (starred) await database.put('stars', { talkId, starredAt: new Date().toISOString() });
      else await database.delete('stars', talkId);
    },
    readStarRecords,
    async updateStars(put, remove) {
      const transaction = database.transaction('stars', 'readwrite');
      await Promise.all([
        ...remove.map((talkId) => transaction.store.delete(talkId)),
        ...put.map((star) => transaction.store.put(star)),
        transaction.done,
      ]);
    },
    async dismissChange(talkId) {
      const transaction = database.transaction('stars', 'readwrite');
      const star = asStarRecord(await transaction.store.get(talkId));
      if (star?.change) {
        const { change: _seen, ...kept } = star;
        await transaction.store.put(kept);
      }
      await transaction.done;
    },
    async readSettings() {
      const transaction = database.transaction('settings', 'readonly');
      const [names, values] = await Promise.all([
        transaction.store.getAllKeys(),
        transaction.store.getAll(),
      ]);
      await transaction.done;
      return readSettings(Object.fromEntries(names.map((name, at) => [name, values[at]])));
    },
    async writeSetting({ name, value }) {
      await database.put('settings', value, name);
    },
  };
}

export function createMemoryUserStore(): UserStore {
  const stars = new Map<string, StarRecord>();
  const settings = new Map<string, unknown>();
  return {
    kind: 'memory',
    readStars: async () => [...stars.keys()],
    async setStar(talkId, starred) {
      if (starred) stars.set(talkId, { talkId, starredAt: new Date().toISOString() });
      else stars.delete(talkId);
    },
    readStarRecords: async () => [...stars.values()],
    async updateStars(put, remove) {
      for (const talkId of remove) stars.delete(talkId);
      for (const star of put) stars.set(star.talkId, star);
    },
    async dismissChange(talkId) {
      const star = stars.get(talkId);
      if (star?.change) {
        const { change: _seen, ...kept } = star;
        stars.set(talkId, kept);
      }
    },
    readSettings: async () => readSettings(Object.fromEntries(settings)),
    async writeSetting({ name, value }) {
      settings.set(name, value);
    },
  };
}

/** Both stores, or why IndexedDB cannot hold them. */
export type StorageResult =
  | { kind: 'open'; content: ContentStore; user: UserStore }
  | { kind: 'failed'; reason: OpenFailure; detail: string };

/** Opens IndexedDB and returns its content and user stores. Never throws. */
export async function openStorage(options: OpenOptions = {}): Promise<StorageResult> {
  const opened = await openDatabase(options);
  if (opened.kind === 'failed') return opened;
  return {
    kind: 'open',
    content: createDatabaseContentStore(opened.database),
    user: createDatabaseUserStore(opened.database),
  };
}
