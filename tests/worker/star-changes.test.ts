import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Talk } from '../../src/lib/schema';
import { openStorage } from '../../src/lib/storage/stores';
import { DataService } from '../../src/lib/worker/data-service';
import { compileSeeds } from '../compiler/compile-helpers';

const URL_A = 'https://sidecar.test/_app/immutable/assets/bundle.aaaa.json';
const URL_B = 'https://sidecar.test/_app/immutable/assets/bundle.bbbb.json';

let databaseCount = 0;

/** Starts the service as a page load with `bundle` deployed would. */
async function launch(database: string, bundleUrl: string, bundle: Bundle): Promise<DataService> {
  const service = new DataService({
    bundleUrl,
    fetch: async (url) =>
      url === bundleUrl
        ? new Response(JSON.stringify(bundle), { status: 200 })
        : Promise.reject(new TypeError('Failed to fetch')),
    openStorage: (onClosed) => openStorage({ name: database, onClosedForUpgrade: onClosed }),
  });
  await service.whenReady();
  return service;
}

function seedTalk(bundle: Bundle, pattern: RegExp): Talk {
  const found = bundle.talks.find((talk) => pattern.test(talk.title));
  if (!found) throw new Error(`The seed content has no talk matching ${pattern}`);
  return found;
}

let bundleA: Bundle;
let bundleB: Bundle;
let moved: Talk;
let removed: Talk;
let kept: Talk;

beforeAll(async () => {
  bundleA = (await compileSeeds()).bundle;
  moved = seedTalk(bundleA, /^Envoy Principle/);
  removed = seedTalk(bundleA, /eBPF/);
  kept = seedTalk(bundleA, /Istio CNI/);
  // Version B: the Envoy talk moves by a quarter of an hour, the eBPF talk is dropped.
  bundleB = {
    ...bundleA,
    contentHash: `${bundleA.contentHash}-b`,
    events: bundleA.events.map((event) => ({
      ...event,
      talkIds: event.talkIds.filter((id) => id !== removed.id),
    })),
    talks: bundleA.talks
      .filter((talk) => talk.id !== removed.id)
      .map((talk) => (talk.id === moved.id ? { ...talk, start: '15:15', end: '15:45' } : talk)),
  };
});

describe('starred talks across a content update', () => {
  it('lists what changed and keeps removed talks as tombstones, until dismissed', async () => {
    const database = `sidecar-star-changes-${++databaseCount}`;
    const first = await launch(database, URL_A, bundleA);
    for (const talk of [moved, removed, kept]) {
      await first.handle('setStar', { talkId: talk.id, starred: true });
    }
    const before = await first.handle('myAgenda', {});
    expect(before.changes).toEqual([]);
    expect(before.removed).toEqual([]);

    const updated = await launch(database, URL_B, bundleB);
    const agenda = await updated.handle('myAgenda', {});
    expect(agenda.talks.map((item) => item.talk.id)).toEqual([moved.id, kept.id]);
    expect(agenda.changes).toMatchObject([
      {
        fields: ['time'],
        before: { talkId: moved.id, start: '15:00', end: '15:30' },
        after: { talkId: moved.id, start: '15:15', end: '15:45' },
      },
    ]);
    expect(agenda.removed).toMatchObject([
      {
        talkId: removed.id,
        title: removed.title,
        start: removed.start,
        eventTitle: 'Istio Meetup China',
      },
    ]);
    // The star stays: the tombstone is still a starred id.
    expect(await updated.handle('stars', {})).toContain(removed.id);

    await updated.handle('dismissChange', { talkId: moved.id });
    await updated.handle('setStar', { talkId: removed.id, starred: false });
    const after = await updated.handle('myAgenda', {});
    expect(after.changes).toEqual([]);
    expect(after.removed).toEqual([]);
    expect(after.talks.map((item) => item.talk.id)).toEqual([moved.id, kept.id]);
  });

  it('reports nothing on a first download, whatever ids were starred', async () => {
    const database = `sidecar-star-changes-${++databaseCount}`;
    const first = await launch(database, URL_B, bundleB);
    await first.handle('setStar', { talkId: 'a-talk-no-version-has', starred: true });
    const agenda = await first.handle('myAgenda', {});
    expect(agenda).toEqual({ talks: [], changes: [], removed: [] });
  });
});
