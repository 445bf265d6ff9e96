import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/lib/client/query', () => ({ query: () => new Promise(() => {}) }));
vi.mock('../../src/lib/client/worker-bridge', () => ({ onStatus: () => () => {} }));

const { noticeFor } = await import('../../src/lib/client/content-status.svelte');

describe('the one-line content notice', () => {
  it('says nothing while loading or when content is stored normally', () => {
    expect(noticeFor({ kind: 'loading' })).toBeNull();
    expect(
      noticeFor({ kind: 'ready', contentHash: 'h', storage: 'indexeddb', notice: null }),
    ).toBeNull();
  });

  it('says when content is kept in memory only', () => {
    expect(noticeFor({ kind: 'ready', contentHash: 'h', storage: 'memory', notice: null })).toBe(
      'memory',
    );
  });

  it('names the specific reason when the worker gives one', () => {
    expect(
      noticeFor({ kind: 'ready', contentHash: 'h', storage: 'memory', notice: 'storage-full' }),
    ).toBe('storage-full');
    expect(
      noticeFor({ kind: 'ready', contentHash: 'h', storage: 'indexeddb', notice: 'update-failed' }),
    ).toBe('update-failed');
  });

  it('says why there is no content at all', () => {
    expect(noticeFor({ kind: 'unavailable', reason: 'offline' })).toBe('offline');
    expect(noticeFor({ kind: 'unavailable', reason: 'invalid-bundle' })).toBe('invalid-bundle');
  });
});
