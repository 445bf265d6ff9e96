import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/lib/schema';
import { openDatabase } from '../../src/lib/storage/database';
import {
  createDatabaseContentStore,
  openStorage,
  type StorageResult,
} from '../../src/lib/storage/stores';
import { DataService } from '../../src/lib/worker/data-service';
import { compileSeeds } from '../compiler/compile-helpers';

const URL_A = 'https://sidecar.test/_app/immutable/assets/bundle.aaaa.json';
const URL_B = 'https://sidecar.test/_app/immutable/assets/bundle.bbbb.json';

let bundleA: Bundle;
let bundleB: Bundle;
/** The talk B renames, and its new title. */
let renamedTalkId: string;
const RENAMED_TITLE = 'Securing workload deployment with Istio CNI, revisited';

let databaseCount = 0;
/** A database name no other test uses, so tests never see each other's data. */
function freshDatabaseName(): string {
  databaseCount += 1;
  return `sidecar-test-${databaseCount}`;
}

/** A fetch that serves `bundles` by URL and counts requests; anything else is a network error. */
function fakeNetwork(bundles: Record<string, unknown>) {
  const network = {
    requests: [] as string[],
    fetch: async (url: string): Promise<Response> => {
      network.requests.push(url);
      if (!(url in bundles)) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(bundles[url]), { status: 200 });
    },
  };
  return network;
}

const offline = fakeNetwork({});

interface LaunchOptions {
  database: string;
  bundleUrl: string;
  fetch: (url: string) => Promise<Response>;
  openStorage?: (onClosed: () => void) => Promise<StorageResult>;
}

/** Starts the service as a new page load would, and waits until it has content (or none). */
async function launch(options: LaunchOptions): Promise<DataService> {
  const service = new DataService({
    bundleUrl: options.bundleUrl,
    fetch: options.fetch,
    openStorage:
      options.openStorage ??
      ((onClosed) => openStorage({ name: options.database, onClosedForUpgrade: onClosed })),
  });
  await service.whenReady();
  return service;
}

function talkTitles(bundle: Bundle): string[] {
  return bundle.talks.map((talk) => talk.title).sort();
}

async function storedTalkTitles(service: DataService): Promise<string[]> {
  const home = await service.handle('home', {});
  const titles: string[] = [];
  for (const event of home.events) {
    const view = await service.handle('event', { id: event.id });
    titles.push(...(view?.talks.map((talk) => talk.title) ?? []));
  }
  return titles.sort();
}

beforeAll(async () => {
  bundleA = (await compileSeeds()).bundle;
  const renamed = bundleA.talks.find((talk) => talk.title.includes('Istio CNI'));
  if (!renamed) throw new Error('the seed content lost its Istio CNI talk');
  renamedTalkId = renamed.id;
  bundleB = {
    ...bundleA,
    contentHash: `${bundleA.contentHash}-b`,
    talks: bundleA.talks.map((talk) =>
      talk.id === renamedTalkId ? { ...talk, title: RENAMED_TITLE } : talk,
    ),
  };
});

describe('the first visit', () => {
  it('fetches the bundle once and serves every event from IndexedDB', async () => {
    const network = fakeNetwork({ [URL_A]: bundleA });
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: network.fetch,
    });

    expect(network.requests).toEqual([URL_A]);
    expect(service.status).toEqual({
      kind: 'ready',
      contentHash: bundleA.contentHash,
      storage: 'indexeddb',
      notice: null,
    });
    expect(await storedTalkTitles(service)).toEqual(talkTitles(bundleA));
  });

  it('says the content is unavailable, without throwing, when offline with nothing stored', async () => {
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: offline.fetch,
    });
    expect(service.status).toEqual({ kind: 'unavailable', reason: 'offline' });
    expect((await service.handle('home', {})).events).toEqual([]);
    expect(await service.handle('talk', { id: renamedTalkId })).toBeNull();
  });

  it('refuses a bundle of another format instead of half-reading it', async () => {
    const network = fakeNetwork({ [URL_A]: { ...bundleA, format: 99 } });
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: network.fetch,
    });
    expect(service.status).toEqual({ kind: 'unavailable', reason: 'invalid-bundle' });
  });
});

describe('a later launch', () => {
  it('needs no network: it reads the stored content and search index', async () => {
    const database = freshDatabaseName();
    await launch({ database, bundleUrl: URL_A, fetch: fakeNetwork({ [URL_A]: bundleA }).fetch });

    const noNetwork = fakeNetwork({});
    const service = await launch({ database, bundleUrl: URL_A, fetch: noNetwork.fetch });
    expect(noNetwork.requests).toEqual([]);
    expect(service.status).toMatchObject({ kind: 'ready', storage: 'indexeddb', notice: null });
    const talk = await service.handle('talk', { id: renamedTalkId });
    expect(talk?.talk.title).toContain('Istio CNI');
    const found = await service.handle('search', { query: 'axj' });
    expect(found.speakers.map((hit) => hit.title.map((part) => part.text).join(''))).toEqual([
      '敖小剑',
    ]);
  });

  it('keeps the stored version and says so when the new bundle cannot be fetched', async () => {
    const database = freshDatabaseName();
    await launch({ database, bundleUrl: URL_A, fetch: fakeNetwork({ [URL_A]: bundleA }).fetch });

    const service = await launch({ database, bundleUrl: URL_B, fetch: offline.fetch });
    expect(service.status).toEqual({
      kind: 'ready',
      contentHash: bundleA.contentHash,
      storage: 'indexeddb',
      notice: 'update-failed',
    });
    expect(await storedTalkTitles(service)).toEqual(talkTitles(bundleA));
  });

  it('does not rewrite the content when a rebuild has the same content hash', async () => {
    const database = freshDatabaseName();
    await launch({ database, bundleUrl: URL_A, fetch: fakeNetwork({ [URL_A]: bundleA }).fetch });
    const rebuild = fakeNetwork({
      [URL_B]: { ...bundleA, generatedAt: '2027-01-01T00:00:00.000Z' },
    });
    await launch({ database, bundleUrl: URL_B, fetch: rebuild.fetch });

    const about = await (
      await launch({ database, bundleUrl: URL_B, fetch: offline.fetch })
    ).handle('about', {});
    expect(about?.generatedAt).toBe(bundleA.generatedAt);
    expect(about?.counts).toEqual({
      events: bundleA.events.length,
      talks: bundleA.talks.length,
      speakers: bundleA.speakers.length,
    });
  });
});

describe('a content update', () => {
  it('replaces the content and keeps the stars', async () => {
    const database = freshDatabaseName();
    const first = await launch({
      database,
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
    });
    expect(await first.handle('setStar', { talkId: renamedTalkId, starred: true })).toEqual([
      renamedTalkId,
    ]);

    const updated = await launch({
      database,
      bundleUrl: URL_B,
      fetch: fakeNetwork({ [URL_B]: bundleB }).fetch,
    });
    expect(updated.status).toMatchObject({ kind: 'ready', contentHash: bundleB.contentHash });
    expect(await updated.handle('stars', {})).toEqual([renamedTalkId]);
    const agenda = await updated.handle('myAgenda', {});
    expect(agenda.talks.map((item) => item.talk.title)).toEqual([RENAMED_TITLE]);
    const found = await updated.handle('search', { query: 'revisited' });
    expect(found.talks.map((hit) => hit.id)).toEqual([renamedTalkId]);
  });

  it('is atomic: a write that fails halfway leaves the previous version whole', async () => {
    const opened = await openDatabase({ name: freshDatabaseName() });
    if (opened.kind !== 'open') throw new Error(opened.detail);
    const store = createDatabaseContentStore(opened.database);
    await store.replaceContent(bundleA, URL_A);

    // A value IndexedDB cannot clone makes the last write throw, as a crash mid-write would stop it.
    const broken = {
      ...bundleB,
      speakers: [...bundleB.speakers, { ...bundleB.speakers[0], id: 'broken', name: () => 'x' }],
    } as unknown as Bundle;
    await expect(store.replaceContent(broken, URL_B)).rejects.toThrow();

    expect((await store.readMeta())?.contentHash).toBe(bundleA.contentHash);
    const { talks, speakers } = await store.readAll();
    expect(talks.map((talk) => talk.title).sort()).toEqual(talkTitles(bundleA));
    expect(speakers).toHaveLength(bundleA.speakers.length);
  });

  it('never shows a reader half of two versions', async () => {
    const opened = await openDatabase({ name: freshDatabaseName() });
    if (opened.kind !== 'open') throw new Error(opened.detail);
    const store = createDatabaseContentStore(opened.database);
    await store.replaceContent(bundleA, URL_A);

    const readsDuringSwap = [
      store.readAll(),
      store.replaceContent(bundleB, URL_B).then(() => store.readAll()),
      store.readAll(),
    ];
    const versions = (await Promise.all(readsDuringSwap)).map((content) =>
      talkTitles({ ...bundleA, talks: content.talks }),
    );
    for (const titles of versions)
      expect([talkTitles(bundleA), talkTitles(bundleB)]).toContainEqual(titles);
    expect(versions.at(1)).toEqual(talkTitles(bundleB));
  });
});

describe('when IndexedDB cannot be used', () => {
  it('works from memory for the session when IndexedDB is unavailable', async () => {
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
      openStorage: async () => ({
        kind: 'failed',
        reason: 'storage-unavailable',
        detail: 'private mode',
      }),
    });
    expect(service.status).toEqual({
      kind: 'ready',
      contentHash: bundleA.contentHash,
      storage: 'memory',
      notice: 'storage-unavailable',
    });
    expect(await storedTalkTitles(service)).toEqual(talkTitles(bundleA));
    expect(await service.handle('setStar', { talkId: renamedTalkId, starred: true })).toEqual([
      renamedTalkId,
    ]);
    expect((await service.handle('search', { query: '服务网格' })).talks.length).toBeGreaterThan(0);
  });

  it('treats an open that throws like an unavailable IndexedDB', async () => {
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
      openStorage: async () => {
        throw new DOMException('The user denied permission', 'InvalidStateError');
      },
    });
    expect(service.status).toMatchObject({
      kind: 'ready',
      storage: 'memory',
      notice: 'storage-unavailable',
    });
  });

  it('falls back to memory when another tab blocks the upgrade', async () => {
    const database = freshDatabaseName();
    // Another tab with an older schema, which never answers the request to close. Opened with
    // the raw API: Sidecar's own connections do close when asked.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

    const service = await launch({
      database,
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
      openStorage: () => openStorage({ name: database, version: 2 }),
    });
    expect(service.status).toMatchObject({
      kind: 'ready',
      storage: 'memory',
      notice: 'storage-blocked',
    });
    expect((await service.handle('home', {})).events).toHaveLength(bundleA.events.length);
    older.close();
  });

  it('keeps the new content in memory and the old one intact when storage is full', async () => {
    const database = freshDatabaseName();
    await launch({ database, bundleUrl: URL_A, fetch: fakeNetwork({ [URL_A]: bundleA }).fetch });

    const full = await launch({
      database,
      bundleUrl: URL_B,
      fetch: fakeNetwork({ [URL_B]: bundleB }).fetch,
      openStorage: async (onClosed) => {
        const opened = await openStorage({ name: database, onClosedForUpgrade: onClosed });
        if (opened.kind !== 'open') return opened;
        // The device is full: IndexedDB aborts the write with a quota error.
        const content = {
          ...opened.content,
          replaceContent: () =>
            Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')),
        };
        return { ...opened, content };
      },
    });
    expect(full.status).toEqual({
      kind: 'ready',
      contentHash: bundleB.contentHash,
      storage: 'memory',
      notice: 'storage-full',
    });
    expect(await storedTalkTitles(full)).toEqual(talkTitles(bundleB));

    const nextLaunch = await launch({ database, bundleUrl: URL_A, fetch: offline.fetch });
    expect(nextLaunch.status).toMatchObject({
      contentHash: bundleA.contentHash,
      storage: 'indexeddb',
    });
  });
});

describe('the reader’s settings', () => {
  it('are kept across launches and content updates, beside the stars', async () => {
    const database = freshDatabaseName();
    const first = await launch({
      database,
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
    });
    expect(await first.handle('settings', {})).toEqual({});
    await first.handle('setSetting', { name: 'language', value: 'zh' });
    expect(await first.handle('setSetting', { name: 'theme', value: 'dark' })).toEqual({
      language: 'zh',
      theme: 'dark',
    });

    const updated = await launch({
      database,
      bundleUrl: URL_B,
      fetch: fakeNetwork({ [URL_B]: bundleB }).fetch,
    });
    expect(updated.status).toMatchObject({ kind: 'ready', contentHash: bundleB.contentHash });
    expect(await updated.handle('settings', {})).toEqual({ language: 'zh', theme: 'dark' });
  });

  it('are answered before the content arrives, on a network that never answers', async () => {
    const service = new DataService({
      bundleUrl: URL_A,
      fetch: () => new Promise<Response>(() => {}),
      openStorage: (onClosed) =>
        openStorage({ name: freshDatabaseName(), onClosedForUpgrade: onClosed }),
    });
    await service.handle('setSetting', { name: 'theme', value: 'light' });
    expect(await service.handle('settings', {})).toEqual({ theme: 'light' });
    expect(service.status).toEqual({ kind: 'loading' });
  });

  it('refuses a setting this version does not know, and keeps the others', async () => {
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
    });
    await service.handle('setSetting', { name: 'language', value: 'en' });
    const unknown = { name: 'theme', value: 'sepia' } as unknown as {
      name: 'theme';
      value: 'dark';
    };
    await expect(service.handle('setSetting', unknown)).rejects.toThrow(/Not a setting/);
    expect(await service.handle('settings', {})).toEqual({ language: 'en' });
  });

  it('skips a stored value it cannot read instead of failing', async () => {
    const database = freshDatabaseName();
    const opened = await openDatabase({ name: database });
    if (opened.kind !== 'open') throw new Error('fake-indexeddb did not open');
    await opened.database.put('settings', 'purple', 'theme');
    await opened.database.put('settings', 'zh', 'language');
    opened.database.close();
    const service = await launch({ database, bundleUrl: URL_A, fetch: offline.fetch });
    expect(await service.handle('settings', {})).toEqual({ language: 'zh' });
  });

  it('are kept for the session when IndexedDB is unavailable', async () => {
    const service = await launch({
      database: freshDatabaseName(),
      bundleUrl: URL_A,
      fetch: fakeNetwork({ [URL_A]: bundleA }).fetch,
      openStorage: async () => ({
        kind: 'failed',
        reason: 'storage-unavailable',
        detail: 'private',
      }),
    });
    await service.handle('setSetting', { name: 'language', value: 'zh' });
    expect(await service.handle('settings', {})).toEqual({ language: 'zh' });
  });
});
