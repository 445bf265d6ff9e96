import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/storage/database';
import { openStorage } from '../../src/lib/storage/stores';
import { DataService } from '../../src/lib/worker/data-service';
import type { TimeZoneChoice } from '../../src/lib/settings/time-zone';

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

describe('the time-zone choice', () => {
  it('is the event’s zone until the reader chooses, and the choice survives a new visit', async () => {
    const first = await launch('sidecar-time-zone-1');
    expect(await first.handle('timeZoneChoice', {})).toBe('event');
    expect(await first.handle('setTimeZoneChoice', { choice: 'device' })).toBe('device');
    const later = await launch('sidecar-time-zone-1');
    expect(await later.handle('timeZoneChoice', {})).toBe('device');
  });

  it('refuses a value it cannot store, keeping the choice made', async () => {
    const service = await launch('sidecar-time-zone-2');
    await service.handle('setTimeZoneChoice', { choice: 'device' });
    const bad = { choice: 'mars' as TimeZoneChoice };
    await expect(service.handle('setTimeZoneChoice', bad)).rejects.toThrow(/time-zone choice/);
    expect(await service.handle('timeZoneChoice', {})).toBe('device');
  });

  it('reads an unreadable stored value as the event’s zone', async () => {
    const opened = await openDatabase({ name: 'sidecar-time-zone-3' });
    if (opened.kind !== 'open') throw new Error(opened.detail);
    await opened.database.put('settings', { zone: 42 }, 'timeZone');
    opened.database.close();
    expect(await (await launch('sidecar-time-zone-3')).handle('timeZoneChoice', {})).toBe('event');
  });
});
