/**
 * The reader's settings on the page: what they chose (language, theme, time zone), and what that
 * resolves to with the browser's languages, the system's colour scheme and the device's zone.
 *
 * The record is IndexedDB's `settings` store, kept by the data worker beside the stars. IndexedDB
 * only answers asynchronously, after the first paint; so every change is also copied to
 * localStorage, which the pre-paint script (`pre-paint.ts`) reads synchronously in `<head>`. When
 * the two disagree, IndexedDB wins, and a setting only the copy holds is written back to it.
 *
 * The time zone is the exception to "as the first paint showed": the prerendered page prints the
 * event's clock, so the device's clock joins it only once the page is interactive (`load`).
 */
import { browser } from '$app/environment';
import {
  DEFAULT_SETTINGS,
  readSettings,
  resolveLocale,
  resolveTheme,
  type Locale,
  type SettingChange,
  type Settings,
  type Theme,
} from '$lib/settings';
import { deviceTimeZone } from './format-time';
import { query } from './query';

/** Where the copy of the settings for the pre-paint script lives in localStorage. */
export const SETTINGS_COPY_KEY = 'sidecar.settings';

/** The media query the `system` theme follows. */
export const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)';

/** The copy in localStorage; storage that throws (disabled, private mode) counts as empty. */
function readCopy(): Partial<Settings> {
  try {
    return readSettings(JSON.parse(localStorage.getItem(SETTINGS_COPY_KEY) ?? 'null'));
  } catch {
    return {};
  }
}

function writeCopy(settings: Partial<Settings>): void {
  try {
    localStorage.setItem(SETTINGS_COPY_KEY, JSON.stringify(settings));
  } catch {
    // No copy means the next visit paints with the defaults first, then applies IndexedDB's.
  }
}

class ReaderSettings {
  /** The settings the reader made; the rest are at their defaults. */
  #made = $state<Partial<Settings>>({});
  /** `navigator.languages`, followed while the page is open. */
  #languages = $state<readonly string[]>([]);
  #systemPrefersDark = $state(false);
  /** This device's zone, known once the page is interactive. */
  #deviceZone = $state<string | null>(null);
  #loaded = $state(false);
  #restored = false;

  /** Every setting: the reader's where they made one, the default elsewhere. */
  get current(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.#made };
  }

  /** The language the interface speaks. */
  get locale(): Locale {
    return resolveLocale(this.current.language, this.#languages);
  }

  /** The colour scheme the page is painted in. */
  get theme(): Theme {
    return resolveTheme(this.current.theme, this.#systemPrefersDark);
  }

  /** This device's zone, once the page is interactive. */
  get deviceZone(): string | null {
    return this.#deviceZone;
  }

  /** The zone times are shown in beside the event's, or null when only the event's is shown. */
  get displayZone(): string | null {
    return this.current.timeZone === 'device' ? this.#deviceZone : null;
  }

  /** True once IndexedDB's record was read (or could not be): a change now will not be undone. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /**
   * Takes the settings the pre-paint script applied (the copy in localStorage), synchronously, so
   * hydration renders what the first paint showed; then follows the browser's languages and the
   * system's colour scheme. Browser only; later calls do nothing.
   */
  restore(): void {
    if (!browser || this.#restored) return;
    this.#restored = true;
    this.#made = readCopy();
    this.#languages = navigator.languages;
    addEventListener('languagechange', () => (this.#languages = navigator.languages));
    const scheme = matchMedia(DARK_SCHEME_QUERY);
    this.#systemPrefersDark = scheme.matches;
    scheme.addEventListener('change', () => (this.#systemPrefersDark = scheme.matches));
  }

  /** Reads the record from the data worker and adopts it. Call once, on mount. Never rejects. */
  async load(): Promise<void> {
    this.#deviceZone = deviceTimeZone();
    let stored: Partial<Settings>;
    try {
      stored = await query('settings', {});
    } catch {
      this.#loaded = true;
      return;
    }
    const copy = this.#made;
    for (const name of Object.keys(copy) as (keyof Settings)[]) {
      if (stored[name] !== undefined) continue;
      const change = { name, value: copy[name] } as SettingChange;
      stored = await query('setSetting', change).catch(() => stored);
    }
    this.#made = { ...copy, ...stored };
    writeCopy(this.#made);
    this.#loaded = true;
  }

  /** Changes one setting: applied at once, copied for the next first paint, and stored. */
  async set(change: SettingChange): Promise<void> {
    this.#made = { ...this.#made, [change.name]: change.value };
    writeCopy(this.#made);
    // A failure keeps the choice for this visit and in the copy; the next load writes it back.
    await query('setSetting', change).catch(() => {});
  }
}

/** The reader's one set of settings. */
export const readerSettings = new ReaderSettings();
