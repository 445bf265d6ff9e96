/**
 * The reader's settings on the page: what they chose (language, theme), and what that resolves to
 * with the browser's languages and the system's colour scheme.
 *
 * The record is IndexedDB's `settings` store, kept by the data worker beside the stars. IndexedDB
 * only answers asynchronously, after the first paint; so every change is also copied to
 * localStorage, which the pre-paint script (`pre-paint.ts`) reads synchronously in `<head>`. When
 * the two disagree, IndexedDB wins, and a setting only the copy holds is written back to it.
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

  /** Reads the record from the data worker and adopts it. Never rejects. */
  async load(): Promise<void> {
    let stored: Partial<Settings>;
    try {
      stored = await query('settings', {});
    } catch {
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
