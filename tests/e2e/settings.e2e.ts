/**
 * The language and theme switches: they change the whole page at once, are remembered across
 * visits, and apply before the first paint.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';

/** How long a change may take to show (worker round trips). */
const SETTLE_TIMEOUT_MS = 10_000;

const ISTIO_EVENT = '2021-istio-meetup-china-beijing';

/** The header's colour in each theme, which the `theme-color` meta must follow. */
const THEME_COLORS = { light: '#0f766e', dark: '#134e4a' };
/** The page's background in each theme, as `getComputedStyle` writes it. */
const BACKGROUNDS = { light: 'rgb(255, 255, 255)', dark: 'rgb(17, 24, 39)' };

async function interactive(page: Page): Promise<void> {
  await page.waitForSelector('html[data-app="interactive"]', { timeout: SETTLE_TIMEOUT_MS });
}

/** What the reader sees of the page's language and colours. */
async function looks(page: Page) {
  return {
    lang: await page.getAttribute('html', 'lang'),
    theme: await page.getAttribute('html', 'data-theme'),
    themeColor: await page.getAttribute('meta[name="theme-color"]', 'content'),
    background: await page.evaluate('getComputedStyle(document.body).backgroundColor'),
  };
}

describe('the language and theme switches', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('switching to Chinese changes every word, <html lang> and the dates at once', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}events/${ISTIO_EVENT}`);
    await interactive(page);
    expect(await page.getByRole('heading', { name: 'Agenda', exact: true, level: 2 }).count()).toBe(
      1,
    );

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page
      .getByRole('heading', { name: '议程', exact: true, level: 2 })
      .waitFor({ timeout: SETTLE_TIMEOUT_MS });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByRole('navigation').innerText()).toContain('我的日程');
    expect(await page.locator('main').innerText()).toContain('2021年7月10日周六');
    // The switch itself is named in the new language now.
    expect(await page.getByRole('combobox', { name: '语言' }).inputValue()).toBe('zh');
    // Content keeps its own language: this event's post is English.
    expect(await page.locator('h1').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('remembers the language on the next visit, painted before the app starts', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await interactive(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.waitForFunction('document.documentElement.lang === "zh-CN"');

    // The next visit, with the app's scripts held back: only the pre-paint script runs.
    const next = await context.newPage();
    await next.route('**/*.js', (route) => route.abort());
    await next.goto(`${app.baseUrl}about`, { waitUntil: 'domcontentloaded' });
    expect(await next.getAttribute('html', 'lang')).toBe('zh-CN');
    // The English words of the prerendered page are not painted while the app is away …
    expect(await next.evaluate('getComputedStyle(document.body).visibility')).toBe('hidden');
    // … and never for long: a page whose app fails still shows.
    await next.waitForFunction(
      'getComputedStyle(document.body).visibility === "visible"',
      undefined,
      {
        timeout: SETTLE_TIMEOUT_MS,
      },
    );
    await next.close();

    const again = await context.newPage();
    await again.goto(`${app.baseUrl}about`);
    await interactive(again);
    expect(await again.evaluate('getComputedStyle(document.body).visibility')).toBe('visible');
    expect(await again.getByRole('heading', { level: 1 }).innerText()).toBe('关于 Sidecar');
    await context.close();
  });

  it('follows the system’s dark scheme, and the browser chrome follows too', async () => {
    const context = await app.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await interactive(page);
    expect(await looks(page)).toMatchObject({
      theme: 'dark',
      themeColor: THEME_COLORS.dark,
      background: BACKGROUNDS.dark,
    });
    await context.close();
  });

  it('a chosen theme overrides the system’s, is remembered, and System follows it again', async () => {
    const context = await app.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await interactive(page);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.waitForFunction('document.documentElement.dataset.theme === "dark"');
    expect(await looks(page)).toMatchObject({
      themeColor: THEME_COLORS.dark,
      background: BACKGROUNDS.dark,
    });

    // The next visit is dark from its first paint, before the app's scripts run.
    const next = await context.newPage();
    await next.route('**/*.js', (route) => route.abort());
    await next.goto(`${app.baseUrl}search`, { waitUntil: 'domcontentloaded' });
    expect(await looks(next)).toMatchObject({
      theme: 'dark',
      themeColor: THEME_COLORS.dark,
      background: BACKGROUNDS.dark,
    });
    await next.close();

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await page.waitForFunction('document.documentElement.dataset.theme === "light"');
    expect(await looks(page)).toMatchObject({ background: BACKGROUNDS.light });
    await context.close();
  });

  it('keeps the choice in IndexedDB: it comes back when the copy in localStorage is gone', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await interactive(page);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.waitForFunction('document.documentElement.lang === "zh-CN"');
    // The worker has stored both once the copy and the page agree; wait for the record.
    await page.waitForFunction(
      `new Promise((resolve) => {
        const open = indexedDB.open('sidecar');
        open.onsuccess = () => {
          const read = open.result.transaction('settings').objectStore('settings').getAll();
          read.onsuccess = () => resolve(read.result.length === 2);
          read.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      })`,
      undefined,
      { timeout: SETTLE_TIMEOUT_MS },
    );

    await page.evaluate('localStorage.clear()');
    await page.reload();
    await interactive(page);
    await page.waitForFunction(
      'document.documentElement.lang === "zh-CN" && document.documentElement.dataset.theme === "dark"',
      undefined,
      { timeout: SETTLE_TIMEOUT_MS },
    );
    const copy = await page.evaluate('JSON.parse(localStorage.getItem("sidecar.settings"))');
    expect(copy).toEqual({ theme: 'dark', language: 'zh' });
    await context.close();
  });
});
