import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingChange } from '../../src/lib/settings';
import { openDatabase } from '../../src/lib/storage/database';
import { openStorage } from '../../src/lib/storage/stores';
import { DataService } from '../../src/lib/worker/data-service';

const BUNDLE_URL = 'https://sidecar.test/_app/immutable/assets/bundle.json';

/** A page load with the network off: the setting needs no content. */
async function launch(database: string): Promise<DataService> {
  const service = new DataService({
    bundleUrl: BUNDLE_URL,
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    openStorage: (onClosed) => openStorage({ name: database, onClosedForUpgrade: onClosed }),
  });
  await service.whenReady();
  return service;
}

/** The clock times are shown on, as the page reads it: the stored choice, or the default. */
async function timeZone(service: DataService): Promise<string> {
  const stored = await service.handle('settings', {});
  return { ...DEFAULT_SETTINGS, ...stored }.timeZone;
}

describe('the time-zone choice', () => {
  it('is the event’s zone until the reader chooses, and the choice survives a new visit', async () => {
    const first = await launch('sidecar-time-zone-1');
    expect(await timeZone(first)).toBe('event');
    expect(await first.handle('setSetting', { name: 'timeZone', value: 'device' })).toEqual({
      timeZone: 'device',
    });
    const later = await launch('sidecar-time-zone-1');
    expect(await timeZone(later)).toBe('device');
  });

  it('refuses a value it cannot store, keeping the choice made', async () => {
    const service = await launch('sidecar-time-zone-2');
    await service.handle('setSetting', { name: 'timeZone', value: 'device' });
    const bad = { name: 'timeZone', value: 'mars' } as unknown as SettingChange;
    await expect(service.handle('setSetting', bad)).rejects.toThrow(/Not a setting/);
    expect(await timeZone(service)).toBe('device');
  });

  it('keeps the record earlier versions stored under `timeZone`', async () => {
    const opened = await openDatabase({ name: 'sidecar-time-zone-3' });
    if (opened.kind !== 'open') throw new Error(opened.detail);
    await opened.database.put('settings', 'device', 'timeZone');
    opened.database.close();
    expect(await timeZone(await launch('sidecar-time-zone-3'))).toBe('device');
  });

  it('reads an unreadable stored value as the event’s zone, keeping the other settings', async () => {
    const opened = await openDatabase({ name: 'sidecar-time-zone-4' });
    if (opened.kind !== 'open') throw new Error(opened.detail);
    await opened.database.put('settings', { zone: 42 }, 'timeZone');
    await opened.database.put('settings', 'dark', 'theme');
    opened.database.close();
    const service = await launch('sidecar-time-zone-4');
    expect(await service.handle('settings', {})).toEqual({ theme: 'dark' });
    expect(await timeZone(service)).toBe('event');
  });
});
