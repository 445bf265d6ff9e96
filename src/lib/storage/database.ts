/**
 * The IndexedDB database: one typed schema, opened only by the data worker. Content (events,
 * talks, speakers, meta, the search index) is replaced wholesale on every content update; user
 * data (stars, settings) lives in stores of its own that no content update touches.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Event, SearchAids, Speaker, Talk } from '$lib/schema';
import type { IndexDump } from '$lib/search/content-index';
import type { StarRecord } from '$lib/views/starred-changes';

export const DATABASE_NAME = 'sidecar';
/** Raise with a new `case` in `upgrade` whenever a store or an index changes. */
export const DATABASE_VERSION = 1;

/**
 * How long to wait for another tab to let go of an older version of the database before working
 * from memory instead. Sidecar tabs close their connection as soon as they are asked.
 */
export const BLOCKED_GRACE_MS = 1_500;

/** Which content is stored, and where it came from. */
export interface ContentMeta {
  key: 'content';
  /** The bundle format the records were written in; any other is treated as no content. */
  format: number;
  contentHash: string;
  generatedAt: string;
  /** The URL of the bundle it was read from: a new build has a new (hashed) URL. */
  bundleUrl: string;
  counts: { events: number; talks: number; speakers: number };
  /** The bundle's search aids: what building the search index needs besides the records. */
  search: SearchAids;
}

/** A dump of the search index, valid for one content hash and one index version. */
export interface StoredIndex {
  key: 'content';
  contentHash: string;
  version: number;
  chunks: IndexDump;
}

/**
 * A talk the reader starred. Kept by id, so it survives every content update; an update that
 * changes or removes the talk records that on the star (see `$lib/views/starred-changes`).
 */
export type Star = StarRecord;

export interface SidecarSchema extends DBSchema {
  events: { key: string; value: Event };
  talks: { key: string; value: Talk };
  speakers: { key: string; value: Speaker };
  meta: { key: 'content'; value: ContentMeta };
  searchIndex: { key: 'content'; value: StoredIndex };
  stars: { key: string; value: Star };
  /** One record per setting, keyed by its name (`$lib/settings`); values narrowed on reading. */
  settings: { key: string; value: unknown };
}

export type SidecarDatabase = IDBPDatabase<SidecarSchema>;

/** The content stores: written together, in one transaction, on every update. */
export const CONTENT_STORES = ['events', 'talks', 'speakers', 'meta', 'searchIndex'] as const;

/** Why the database could not be used. */
export type OpenFailure = 'storage-unavailable' | 'storage-blocked';

export type OpenResult =
  | { kind: 'open'; database: SidecarDatabase }
  | { kind: 'failed'; reason: OpenFailure; detail: string };

export interface OpenOptions {
  name?: string;
  version?: number;
  /** Called when a newer version is opened elsewhere; this connection is already closed. */
  onClosedForUpgrade?: () => void;
}

/**
 * Opens (and creates or migrates) the database. Never throws: a browser without IndexedDB, a
 * refused open (private mode) or an upgrade another tab blocks all come back as `failed`.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<OpenResult> {
  if (typeof indexedDB === 'undefined') {
    return { kind: 'failed', reason: 'storage-unavailable', detail: 'IndexedDB is not available' };
  }
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveBlocked: (result: OpenResult) => void = () => {};
  const blocked = new Promise<OpenResult>((resolve) => {
    resolveBlocked = resolve;
  });
  try {
    const opening = openDB<SidecarSchema>(
      options.name ?? DATABASE_NAME,
      options.version ?? DATABASE_VERSION,
      {
        upgrade(database, oldVersion) {
          // Fall through: a database at version N runs every step after N.
          switch (oldVersion) {
            case 0:
              database.createObjectStore('events', { keyPath: 'id' });
              database.createObjectStore('talks', { keyPath: 'id' });
              database.createObjectStore('speakers', { keyPath: 'id' });
              database.createObjectStore('meta', { keyPath: 'key' });
              database.createObjectStore('searchIndex', { keyPath: 'key' });
              database.createObjectStore('stars', { keyPath: 'talkId' });
              database.createObjectStore('settings');
          }
        },
        blocked() {
          blockedTimer = setTimeout(
            () =>
              resolveBlocked({
                kind: 'failed',
                reason: 'storage-blocked',
                detail: 'another tab keeps an older version of the database open',
              }),
            BLOCKED_GRACE_MS,
          );
        },
        blocking() {
          // A newer Sidecar wants to upgrade: let it, and tell the owner to stop using this one.
          void opening.then((database) => database.close());
          options.onClosedForUpgrade?.();
        },
      },
    );
    const result = await Promise.race([
      opening.then((database): OpenResult => ({ kind: 'open', database })),
      blocked,
    ]);
    if (result.kind === 'failed') {
      // If the other tab lets go later, do not keep a connection nobody uses.
      void opening.then((database) => database.close()).catch(() => {});
    }
    return result;
  } catch (error) {
    return { kind: 'failed', reason: 'storage-unavailable', detail: describeError(error) };
  } finally {
    clearTimeout(blockedTimer);
  }
}

/** A readable one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException)
    return `${error.name}: ${error.message}`;
  return String(error);
}
