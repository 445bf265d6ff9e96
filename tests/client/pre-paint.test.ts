import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LONGEST_HIDDEN_MS, prePaintConfig, prePaintScript } from '../../src/lib/client/pre-paint';
import { SETTINGS_COPY_KEY } from '../../src/lib/client/settings.svelte';
import { resolveLocale, type LanguageChoice } from '../../src/lib/settings';

/** The theme colours a stylesheet would give `--theme-color`. */
const THEME_COLORS = { light: '#0f766e', dark: '#134e4a' } as const;

interface Browser {
  languages: string[];
  prefersDark?: boolean;
  /** What localStorage holds under the copy's key; `throws` for storage that is disabled. */
  copy?: string | 'throws';
}

/** Runs the pre-paint script in a bare context with just the browser APIs it uses. */
function runScript({ languages, prefersDark = false, copy }: Browser) {
  const root = { lang: 'en', dataset: {} as Record<string, string> };
  const meta: { content: string } = { content: THEME_COLORS.light };
  const timers: { callback: () => void; delay: number }[] = [];
  const context = {
    document: {
      documentElement: root,
      querySelector: (selector: string) => (selector.includes('theme-color') ? meta : null),
    },
    getComputedStyle: () => ({
      getPropertyValue: (name: string) =>
        name === '--theme-color'
          ? THEME_COLORS[root.dataset.theme === 'dark' ? 'dark' : 'light']
          : '',
    }),
    localStorage: {
      getItem: (key: string) => {
        if (copy === 'throws') throw new DOMException('denied', 'SecurityError');
        return key === SETTINGS_COPY_KEY ? (copy ?? null) : null;
      },
    },
    navigator: { languages },
    matchMedia: (query: string) => ({ matches: query.includes('dark') && prefersDark }),
    setTimeout: (callback: () => void, delay: number) => timers.push({ callback, delay }),
  };
  // setAttribute on the meta is the only write the script makes outside the root.
  Object.assign(meta, {
    setAttribute: (name: string, value: string) => name === 'content' && (meta.content = value),
  });
  vm.runInNewContext(prePaintScript(), context);
  return { root, meta, timers };
}

describe('the pre-paint script', () => {
  it('sets <html lang> to the browser’s language when the reader chose none', () => {
    expect(runScript({ languages: ['zh-CN', 'en'] }).root.lang).toBe('zh-CN');
    expect(runScript({ languages: ['en-GB'] }).root.lang).toBe('en');
  });

  it('keeps the words of another language unpainted until the app renders, for a bounded time', () => {
    const { root, timers } = runScript({ languages: ['zh-CN'] });
    expect(root.dataset).toHaveProperty('localePending');
    expect(timers.map((timer) => timer.delay)).toEqual([LONGEST_HIDDEN_MS]);
    timers[0]?.callback();
    expect(root.dataset).not.toHaveProperty('localePending');
  });

  it('hides nothing from a reader of the language pages are prerendered in', () => {
    const { root, timers } = runScript({ languages: ['en-US'] });
    expect(prePaintConfig().prerenderedLocale).toBe('en');
    expect(root.dataset).not.toHaveProperty('localePending');
    expect(timers).toEqual([]);
  });

  it('applies the language the reader chose over the browser’s', () => {
    const copy = JSON.stringify({ language: 'zh' });
    expect(runScript({ languages: ['en-US'], copy }).root.lang).toBe('zh-CN');
    const english = runScript({ languages: ['zh-CN'], copy: JSON.stringify({ language: 'en' }) });
    expect(english.root.lang).toBe('en');
    expect(english.root.dataset).not.toHaveProperty('localePending');
  });

  it('paints the system’s colour scheme, and the browser chrome with it', () => {
    const { root, meta } = runScript({ languages: ['en'], prefersDark: true });
    expect(root.dataset.theme).toBe('dark');
    expect(meta.content).toBe(THEME_COLORS.dark);
  });

  it('paints the theme the reader chose over the system’s', () => {
    const copy = JSON.stringify({ theme: 'light' });
    const { root, meta } = runScript({ languages: ['en'], prefersDark: true, copy });
    expect(root.dataset.theme).toBe('light');
    expect(meta.content).toBe(THEME_COLORS.light);
  });

  it('falls back to the defaults when the copy is unreadable or storage is disabled', () => {
    for (const copy of [
      '{not json',
      'null',
      '"zh"',
      JSON.stringify({ language: 'fr' }),
      'throws',
    ]) {
      const { root } = runScript({ languages: ['zh-CN'], prefersDark: true, copy });
      expect([copy, root.lang, root.dataset.theme]).toEqual([copy, 'zh-CN', 'dark']);
    }
  });

  it('agrees with the page on every language choice and browser', () => {
    const htmlLang = prePaintConfig().htmlLang;
    const choices: LanguageChoice[] = ['auto', 'en', 'zh'];
    for (const languages of [['zh-TW'], ['en-US'], ['fr-FR', 'zh-CN'], []]) {
      for (const language of choices) {
        const { root } = runScript({ languages, copy: JSON.stringify({ language }) });
        expect(root.lang).toBe(htmlLang[resolveLocale(language, languages)]);
      }
    }
  });
});
