import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Replies the test controls: each request waits until the test resolves or rejects it. */
type Deferred = { kind: string; params: unknown; resolve(ids: string[]): void; reject(): void };
const requests: Deferred[] = [];

vi.mock('../../src/lib/client/query', () => ({
  query: (kind: string, params: unknown) =>
    new Promise((resolve, reject) => {
      requests.push({ kind, params, resolve, reject: () => reject(new Error('worker failed')) });
    }),
}));

async function freshStore() {
  vi.resetModules();
  requests.length = 0;
  const { starredTalks } = await import('../../src/lib/client/starred-talks.svelte');
  return starredTalks;
}

/** Lets awaited replies run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('starred talks', () => {
  beforeEach(() => {
    requests.length = 0;
  });

  it('loads the stored stars once', async () => {
    const stars = await freshStore();
    const first = stars.load();
    void stars.load();
    expect(requests.map((request) => request.kind)).toEqual(['stars']);
    requests[0]!.resolve(['talk-a']);
    await first;
    expect(stars.has('talk-a')).toBe(true);
    expect(stars.state.kind).toBe('loaded');
  });

  it('shows a star at once, then keeps what the worker stored', async () => {
    const stars = await freshStore();
    const done = stars.set('talk-a', true);
    expect(stars.has('talk-a')).toBe(true);
    expect(requests[0]).toMatchObject({
      kind: 'setStar',
      params: { talkId: 'talk-a', starred: true },
    });
    requests[0]!.resolve(['talk-a', 'talk-from-another-tab']);
    await done;
    expect([...stars.ids].sort()).toEqual(['talk-a', 'talk-from-another-tab']);
    expect(stars.saveFailed).toBe(false);
  });

  it('takes the star back and says so when it could not be saved', async () => {
    const stars = await freshStore();
    const done = stars.set('talk-a', true);
    requests[0]!.reject();
    await done;
    expect(stars.has('talk-a')).toBe(false);
    expect(stars.saveFailed).toBe(true);
  });

  it('lets only the reply to the latest click decide', async () => {
    const stars = await freshStore();
    const starring = stars.set('talk-a', true);
    const unstarring = stars.set('talk-a', false);
    expect(stars.has('talk-a')).toBe(false);
    requests[1]!.resolve([]);
    await unstarring;
    // The older reply arrives late: it must not star the talk again.
    requests[0]!.resolve(['talk-a']);
    await starring;
    await settle();
    expect(stars.has('talk-a')).toBe(false);
  });

  it('does not let the initial load undo a click made while it was on its way', async () => {
    const stars = await freshStore();
    const loading = stars.load();
    const starring = stars.set('talk-b', true);
    requests[0]!.resolve([]);
    await loading;
    expect(stars.has('talk-b')).toBe(true);
    requests[1]!.resolve(['talk-b']);
    await starring;
    expect(stars.has('talk-b')).toBe(true);
  });
});
