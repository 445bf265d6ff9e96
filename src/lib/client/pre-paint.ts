/**
 * The pre-paint script: a few lines inlined into every page's `<head>` (by `src/hooks.server.ts`)
 * that apply the reader's theme and language before the browser paints anything.
 *
 * Why a script in `<head>` and not the page's own code: every page is prerendered once, in
 * English and in the light theme, because a build has no reader. The app's modules load after the
 * HTML and hydrate it later still; anything they decide shows as a flash of the wrong colours or
 * the wrong language first. A classic inline script runs before the first paint, so:
 *
 * - the theme is exact: it sets `data-theme`, and the colours are CSS custom properties keyed on
 *   it (and the `theme-color` meta follows);
 * - `<html lang>` is exact from the start, for screen readers and fonts;
 * - the words cannot be: they are in the HTML. Rendering every page in both languages would double
 *   the site and its offline cache. So when the reader's language is not the prerendered one, the
 *   script keeps the page unpainted (`data-locale-pending`, `visibility: hidden`) until the app
 *   hydrates it in their language, and never longer than `LONGEST_HIDDEN_MS`: a slow or failed
 *   script must not cost the reader the page. Readers of the prerendered language wait for nothing.
 *
 * The settings come from the copy in localStorage (`settings.svelte.ts`): IndexedDB, their record,
 * cannot be read synchronously.
 */
import { SETTINGS_COPY_KEY, DARK_SCHEME_QUERY } from './settings.svelte';
import { messagesFor, PRERENDERED_LOCALE } from './i18n';
import {
  LANGUAGE_CHOICES,
  THEME_CHOICES,
  detectLocale,
  resolveLocale,
  resolveTheme,
  type Locale,
  type Theme,
} from '$lib/settings';

/**
 * The longest the page stays unpainted waiting for its language. Hydration from the offline cache
 * takes a few hundred milliseconds on a phone; past this, English is better than nothing.
 */
export const LONGEST_HIDDEN_MS = 2_000;

/** What the pre-paint script is told; plain data, so it can be written into the page as JSON. */
export interface PrePaintConfig {
  copyKey: string;
  darkSchemeQuery: string;
  prerenderedLocale: Locale;
  htmlLang: Record<Locale, string>;
  languageChoices: readonly string[];
  themeChoices: readonly string[];
  longestHiddenMs: number;
}

/**
 * Paints the page in `theme`: `data-theme` on the root switches the CSS custom properties, and the
 * `theme-color` meta takes the `--theme-color` they define (the header's colour). The page calls it
 * too, when the reader or the system changes the theme.
 *
 * Self-contained (no imports, no outer names), like every function the pre-paint script inlines.
 */
export function paintTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
  const color = getComputedStyle(root).getPropertyValue('--theme-color').trim();
  const meta = document.querySelector('meta[name="theme-color"]');
  if (color && meta) meta.setAttribute('content', color);
}

/** The rules the pre-paint script shares with the page, handed to it as arguments. */
export interface PrePaintRules {
  resolveLocale: typeof resolveLocale;
  resolveTheme: typeof resolveTheme;
  paintTheme: typeof paintTheme;
}

/**
 * The body of the pre-paint script. It reaches the shared rules only through `rules`: a name
 * imported into this module would be rewritten by the dev server's module transform and be
 * undefined in the page.
 */
export function applySettingsBeforePaint(config: PrePaintConfig, rules: PrePaintRules): void {
  const root = document.documentElement;
  let copy: { language?: unknown; theme?: unknown } = {};
  try {
    copy = JSON.parse(localStorage.getItem(config.copyKey) ?? '{}') ?? {};
  } catch {
    // Storage disabled or the copy unreadable: the defaults apply.
  }
  const language = config.languageChoices.includes(String(copy.language))
    ? (copy.language as 'auto' | Locale)
    : 'auto';
  const theme = config.themeChoices.includes(String(copy.theme))
    ? (copy.theme as 'system' | Theme)
    : 'system';
  const locale = rules.resolveLocale(language, navigator.languages);
  root.lang = config.htmlLang[locale];
  rules.paintTheme(root, rules.resolveTheme(theme, matchMedia(config.darkSchemeQuery).matches));
  if (locale !== config.prerenderedLocale) {
    root.dataset.localePending = '';
    setTimeout(() => delete root.dataset.localePending, config.longestHiddenMs);
  }
}

/** The script's configuration, from the same constants the page uses. */
export function prePaintConfig(): PrePaintConfig {
  return {
    copyKey: SETTINGS_COPY_KEY,
    darkSchemeQuery: DARK_SCHEME_QUERY,
    prerenderedLocale: PRERENDERED_LOCALE,
    htmlLang: { en: messagesFor('en').htmlLang, zh: messagesFor('zh').htmlLang },
    languageChoices: LANGUAGE_CHOICES,
    themeChoices: THEME_CHOICES,
    longestHiddenMs: LONGEST_HIDDEN_MS,
  };
}

/**
 * The pre-paint script's source: the functions above, as compiled, declared in one scope, and the
 * body called with the configuration and the rules. Built from the functions themselves so the
 * script cannot drift from the page's own rules (which language `auto` means, which theme
 * `system` means). Names are taken from the functions, as a bundler may have renamed them; a rule
 * calls another (`resolveLocale` calls `detectLocale`) by the name declared beside it.
 */
export function prePaintScript(config: PrePaintConfig = prePaintConfig()): string {
  const declarations = [detectLocale, resolveLocale, resolveTheme, paintTheme].join('\n');
  const rules = `{ resolveLocale: ${resolveLocale.name}, resolveTheme: ${resolveTheme.name}, paintTheme: ${paintTheme.name} }`;
  // `<\/` keeps a `</script>` inside a string from closing the element early.
  const json = JSON.stringify(config).replaceAll('</', '<\\/');
  return `(function () {\n${declarations}\n(${applySettingsBeforePaint})(${json}, ${rules});\n})();`;
}
