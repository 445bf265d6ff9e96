/**
 * Search in the browser against search in Node: the data worker builds its index from the
 * bundle in Chromium, the test builds one with the same module in Node, and both must rank the
 * same records for queries of every class. It also checks the page's filters and highlighting.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltBundle, startApp, type App } from './harness';
import type { Bundle } from '../../src/lib/schema';
import {
  ContentIndex,
  DEFAULT_SEARCH_LIMIT,
  type SearchKind,
} from '../../src/lib/search/content-index';

const SETTLE_TIMEOUT_MS = 10_000;
/** The line under the search box: a result count, no results, or what else was searched. */
const RESULTS_STATUS = 'div.results[role="status"]';

/** One query per class the seeds can answer: Chinese, Latin, pinyin, folds, glossary, typos. */
const QUERIES = [
  '服务网格',
  '网格',
  '服務網格',
  'kube',
  'ＩＳＴＩＯ',
  'axj',
  'ao xiaojian',
  'hangzhou',
  'service mesh',
  'kuberntes',
  '蚂蚁',
];

const PATHS: Record<SearchKind, string> = {
  events: 'events',
  talks: 'talks',
  speakers: 'speakers',
};

/** The ids of each kind the search page lists, in order, once the results have rendered. */
async function idsOnPage(page: Page): Promise<Record<SearchKind, string[]>> {
  await page.waitForSelector('html[data-app="interactive"]', { timeout: SETTLE_TIMEOUT_MS });
  // A count, or the no-results line: the worker has answered.
  await page
    .locator(RESULTS_STATUS)
    .filter({ hasText: /\d|没有|Nothing/ })
    .waitFor({ timeout: SETTLE_TIMEOUT_MS });
  const ids = {} as Record<SearchKind, string[]>;
  for (const kind of Object.keys(PATHS) as SearchKind[]) {
    const links = page.locator(`section[aria-labelledby="results-${kind}"] li > a`);
    const hrefs: string[] = [];
    for (let at = 0; at < (await links.count()); at += 1) {
      hrefs.push((await links.nth(at).getAttribute('href')) ?? '');
    }
    ids[kind] = hrefs.map((href) => decodeURIComponent(href.split('/').pop() ?? ''));
  }
  return ids;
}

describe('search in the browser', () => {
  let app: App;
  let bundle: Bundle;
  let index: ContentIndex;

  beforeAll(async () => {
    app = await startApp();
    bundle = readBuiltBundle();
    index = ContentIndex.build(bundle);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('ranks exactly as the same index built in Node, for every query class', async () => {
    const page = await app.browser.newPage();
    for (const query of QUERIES) {
      await page.goto(`${app.baseUrl}search?q=${encodeURIComponent(query)}`);
      const inBrowser = await idsOnPage(page);
      const { events, talks, speakers } = index.search(query, { limit: DEFAULT_SEARCH_LIMIT });
      expect(inBrowser, query).toEqual({ events, talks, speakers });
      expect(events.length + talks.length + speakers.length, query).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('marks the Traditional characters a Simplified title matched, and says what else it searched', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}search?q=${encodeURIComponent('服務網格')}`);
    await idsOnPage(page);
    const marks = await page
      .locator('section[aria-labelledby="results-talks"] mark')
      .allInnerTexts();
    expect(marks).toContain('服务网格');
    await page.goto(`${app.baseUrl}search?q=${encodeURIComponent('服务网格')}`);
    await idsOnPage(page);
    expect(await page.locator(RESULTS_STATUS).innerText()).toContain('service mesh');
    await page.close();
  });

  it('narrows results with the filters, and keeps them in the address', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}search?q=mesh`);
    const unfiltered = await idsOnPage(page);
    await page.getByLabel(/Year|年份/).selectOption('2018');
    await page.waitForURL(/q=mesh&year=2018/, { timeout: SETTLE_TIMEOUT_MS });
    const filtered = await idsOnPage(page);
    const expected = index.search('mesh', {
      limit: DEFAULT_SEARCH_LIMIT,
      filters: { year: '2018' },
    });
    const eventsOf = (ids: string[]) =>
      new Set(ids.map((id) => bundle.talks.find((talk) => talk.id === id)?.eventId.slice(0, 4)));
    expect(eventsOf(filtered.talks)).toEqual(new Set(['2018']));
    expect(filtered.talks).toEqual(expected.talks);
    expect(filtered.talks.length).toBeLessThan(unfiltered.talks.length);
    await page.close();
  });

  it('offers the filters before anything is typed, and lists what a filter alone matches', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}search`);
    await page.getByLabel(/Year|年份/).selectOption('2018', { timeout: SETTLE_TIMEOUT_MS });
    await page.waitForURL(/search\?year=2018$/, { timeout: SETTLE_TIMEOUT_MS });
    const listed = await idsOnPage(page);
    const expected = index.search('', { limit: DEFAULT_SEARCH_LIMIT, filters: { year: '2018' } });
    expect(listed.events).toEqual(expected.events);
    expect(listed.events.length).toBeGreaterThan(0);
    await page.close();
  });
});
