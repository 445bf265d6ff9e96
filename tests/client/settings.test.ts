import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../src/lib/settings';

/** What the data worker holds in IndexedDB, and the requests it was sent. */
const worker = { stored: {} as Partial<Settings>, requests: [] as string[], fails: false };

vi.mock('$app/environment', () => ({ browser: true }));
vi.mock('../../src/lib/client/query', () => ({
  query: async (kind: string, params: { name?: keyof Settings; value?: string }) => {
    worker.requests.push(params.name ? `${kind} ${params.name}=${params.value}` : kind);
    if (worker.fails) throw new Error('worker failed');
    if (kind === 'setSetting' && params.name) {
      worker.stored = { ...worker.stored, [params.name]: params.value };
    }
    return { ...worker.stored };
  },
}));

const COPY_KEY = 'sidecar.settings';

/** A browser: its languages, its colour scheme and its localStorage. */
function stubBrowser(languages: string[], copy: Partial<Settings> | null, prefersDark = false) {
  const storage = new Map<string, string>();
  if (copy) storage.set(COPY_KEY, JSON.stringify(copy));
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  });
  vi.stubGlobal('navigator', { languages });
  vi.stubGlobal('matchMedia', () => ({ matches: prefersDark, addEventListener: () => {} }));
  vi.stubGlobal('addEventListener', () => {});
  return { copy: () => JSON.parse(storage.get(COPY_KEY) ?? 'null') as unknown };
}

async function freshSettings() {
  vi.resetModules();
  const { readerSettings } = await import('../../src/lib/client/settings.svelte');
  readerSettings.restore();
  return readerSettings;
}

describe('the reader’s settings on the page', () => {
  beforeEach(() => {
    worker.stored = {};
    worker.requests = [];
    worker.fails = false;
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('start from the copy the pre-paint script used, before the worker answers', async () => {
    stubBrowser(['en-US'], { language: 'zh', theme: 'dark' });
    const settings = await freshSettings();
    expect(settings.locale).toBe('zh');
    expect(settings.theme).toBe('dark');
    expect(worker.requests).toEqual([]);
  });

  it('follow the browser and the system while the reader chose nothing', async () => {
    stubBrowser(['zh-TW'], null, true);
    const settings = await freshSettings();
    expect(settings.current).toEqual({ language: 'auto', theme: 'system', timeZone: 'event' });
    expect(settings.locale).toBe('zh');
    expect(settings.theme).toBe('dark');
  });

  it('take IndexedDB’s record over the copy, and refresh the copy', async () => {
    const browser = stubBrowser(['en-US'], { language: 'zh' });
    worker.stored = { language: 'en', theme: 'dark' };
    const settings = await freshSettings();
    await settings.load();
    expect(settings.current).toEqual({ language: 'en', theme: 'dark', timeZone: 'event' });
    expect(browser.copy()).toEqual({ language: 'en', theme: 'dark' });
  });

  it('write back to IndexedDB a choice only the copy holds', async () => {
    stubBrowser(['en-US'], { theme: 'light' });
    worker.stored = { language: 'zh' };
    const settings = await freshSettings();
    await settings.load();
    expect(worker.requests).toEqual(['settings', 'setSetting theme=light']);
    expect(worker.stored).toEqual({ language: 'zh', theme: 'light' });
    expect(settings.current).toEqual({ language: 'zh', theme: 'light', timeZone: 'event' });
  });

  it('apply a change at once, copy it for the next first paint and store it', async () => {
    const browser = stubBrowser(['en-US'], null);
    const settings = await freshSettings();
    const saving = settings.set({ name: 'language', value: 'zh' });
    expect(settings.locale).toBe('zh');
    expect(browser.copy()).toEqual({ language: 'zh' });
    await saving;
    expect(worker.stored).toEqual({ language: 'zh' });
  });

  it('show the device’s clock only once interactive, as the prerendered page shows the event’s', async () => {
    stubBrowser(['en-US'], { timeZone: 'device' });
    worker.stored = { timeZone: 'device' };
    const settings = await freshSettings();
    expect(settings.current.timeZone).toBe('device');
    expect(settings.displayZone).toBeNull();
    expect(settings.loaded).toBe(false);
    await settings.load();
    expect(settings.loaded).toBe(true);
    expect(settings.displayZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    await settings.set({ name: 'timeZone', value: 'event' });
    expect(settings.displayZone).toBeNull();
    expect(worker.stored).toEqual({ timeZone: 'event' });
  });

  it('keep a change for the visit when the worker cannot store it', async () => {
    const browser = stubBrowser(['en-US'], null);
    worker.fails = true;
    const settings = await freshSettings();
    await settings.load();
    await settings.set({ name: 'theme', value: 'dark' });
    expect(settings.theme).toBe('dark');
    expect(browser.copy()).toEqual({ theme: 'dark' });
  });
});
