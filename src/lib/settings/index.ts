/**
 * The reader's settings: their names, their values and the guards that narrow what storage hands
 * back. Pure, so the data worker (which stores them) and the page (which applies them) share it.
 *
 * Each setting is one record of the `settings` store, keyed by its name: adding a setting is one
 * more entry here and in `SETTING_GUARDS`, and a value this version cannot read falls back to its
 * default without touching the others.
 */

/** The interface languages. */
export type Locale = 'en' | 'zh';

/** `auto` follows the browser's languages; the others pin the interface to one language. */
export type LanguageChoice = 'auto' | Locale;

/** `system` follows `prefers-color-scheme`. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the page is painted in once `system` is resolved. */
export type Theme = 'light' | 'dark';

/**
 * Which clock times are shown on: `event`, the event's zone as printed on the programme; or
 * `device`, this device's zone, with the event's beside it.
 */
export type TimeZoneChoice = 'event' | 'device';

export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['auto', 'en', 'zh'];
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const TIME_ZONE_CHOICES: readonly TimeZoneChoice[] = ['event', 'device'];

/** Every setting the reader can change. */
export interface Settings {
  language: LanguageChoice;
  theme: ThemeChoice;
  timeZone: TimeZoneChoice;
}

/**
 * What a reader who never chose anything gets: the browser's language, the system's theme and
 * the event's clock.
 */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  language: 'auto',
  theme: 'system',
  timeZone: 'event',
};

/** One setting changed, as the page asks the data worker to store it. */
export type SettingChange = {
  [Name in keyof Settings]: { name: Name; value: Settings[Name] };
}[keyof Settings];

type Guards = { [Name in keyof Settings]: (value: unknown) => value is Settings[Name] };

const SETTING_GUARDS: Guards = {
  language: (value): value is LanguageChoice => LANGUAGE_CHOICES.includes(value as LanguageChoice),
  theme: (value): value is ThemeChoice => THEME_CHOICES.includes(value as ThemeChoice),
  timeZone: (value): value is TimeZoneChoice => TIME_ZONE_CHOICES.includes(value as TimeZoneChoice),
};

/** True for the names of settings this version knows. */
export function isSettingName(name: unknown): name is keyof Settings {
  return typeof name === 'string' && Object.hasOwn(SETTING_GUARDS, name);
}

/** True when `change` names a known setting and carries a value it can take. */
export function isSettingChange(change: {
  name: unknown;
  value: unknown;
}): change is SettingChange {
  return isSettingName(change.name) && SETTING_GUARDS[change.name](change.value);
}

/**
 * The settings stored records hold (IndexedDB's, or the copy in localStorage), by name: each known
 * name with a valid value is taken; unknown names and unreadable values are left out, so the
 * caller can tell a setting never made from one made. Never throws.
 */
export function readSettings(stored: unknown): Partial<Settings> {
  const settings: Partial<Settings> = {};
  if (typeof stored !== 'object' || stored === null) return settings;
  const record = stored as Record<string, unknown>;
  for (const name of Object.keys(SETTING_GUARDS) as (keyof Settings)[]) {
    const change = { name, value: record[name] };
    if (isSettingChange(change)) Object.assign(settings, { [change.name]: change.value });
  }
  return settings;
}

/**
 * The interface language for the reader's preferences (`navigator.languages`): the first
 * preference that is Chinese or English decides; anything else falls back to English.
 *
 * Self-contained (no imports, no outer names): the pre-paint script inlines its source.
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The language the interface speaks for `choice`. */
export function resolveLocale(choice: LanguageChoice, languages: readonly string[]): Locale {
  return choice === 'auto' ? detectLocale(languages) : choice;
}

/** The theme the page is painted in for `choice`, given whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}
