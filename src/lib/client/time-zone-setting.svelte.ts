/**
 * Which clock times are shown on: the event's (as printed on the programme, the default) or this
 * device's. The choice is kept in IndexedDB's settings store by the data worker, so it survives
 * visits; it is read after the page is interactive, like the stars, and the prerendered page
 * always shows the event's clock.
 */
import type { TimeZoneChoice } from '$lib/settings/time-zone';
import { deviceTimeZone } from './format-time';
import { query } from './query';

class TimeZoneSetting {
  current = $state<TimeZoneChoice>('event');
  /** The device's zone, once known in the browser. */
  deviceZone = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  /** The zone times are shown in besides the event's, or null when that is the event's only. */
  get displayZone(): string | null {
    return this.current === 'device' ? this.deviceZone : null;
  }

  /** Reads the stored choice once (browser only); later calls share the first. Never rejects. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      this.deviceZone = deviceTimeZone();
      try {
        this.current = await query('timeZoneChoice', {});
      } catch {
        // Unreadable storage: the event's clock, as printed, is the safe default.
      }
    })();
    return this.#loading;
  }

  /** Shows times on `choice`'s clock at once, and stores the choice. */
  async set(choice: TimeZoneChoice): Promise<void> {
    this.current = choice;
    await query('setTimeZoneChoice', { choice }).catch(() => {});
  }
}

/** The reader's one time-zone choice. */
export const timeZoneSetting = new TimeZoneSetting();
