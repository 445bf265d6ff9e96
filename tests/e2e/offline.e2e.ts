import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Bundle, Speaker, Talk } from '../../src/lib/schema';
import { BUILD_DIR, launchBrowser, readBuiltBundle, startSite, type Site } from './harness';

/** Resolves once a service worker controls `page`: from then on it answers the page's requests. */
async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
}

/** Waits for a level-1 heading with exactly `text`; fails (times out) when it never shows. */
async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/** Waits for a link whose text contains `text`, as search results and lists are. */
async function expectLink(page: Page, text: string): Promise<void> {
  await page.getByRole('link', { name: text }).first().waitFor();
}

/** Types `query` into the search page's search box, as a reader would. */
async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox').fill(query);
}

function findTalk(bundle: Bundle, test: (talk: Talk) => boolean, what: string): Talk {
  const talk = bundle.talks.find(test);
  if (!talk) throw new Error(`The seed content has no ${what}; the test needs one.`);
  return talk;
}

function findSpeaker(bundle: Bundle, name: string): Speaker {
  const speaker = bundle.speakers.find((candidate) => candidate.name === name);
  if (!speaker) throw new Error(`The seed content has no speaker ${name}; the test needs them.`);
  return speaker;
}

describe('the app offline after the first visit', () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite(BUILD_DIR);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('reloads, opens talk and speaker pages never visited, and searches in Chinese, English and pinyin', async () => {
    const bundle = readBuiltBundle();
    const event = bundle.events.find((candidate) => candidate.title === 'Istio Meetup China');
    const cniTalk = findTalk(bundle, (talk) => /istio cni/i.test(talk.title), 'Istio CNI talk');
    const meshTalk = findTalk(bundle, (talk) => talk.title.includes('服务网格'), '服务网格 talk');
    const aoXiaojian = findSpeaker(bundle, '敖小剑');
    expect(event, 'the seed content has the Istio Meetup China event').toBeDefined();

    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(site.baseUrl);
    await untilControlled(page);
    const requestsWhileOnline = site.requests.length;

    // Phones evict the HTTP cache; what the app needs offline must come from the service worker.
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.clearBrowserCache');
    await devtools.detach();
    await context.setOffline(true);
    await page.reload();
    await expectLink(page, event?.title ?? '');

    // Full page loads, not in-app navigation: only the service worker can answer them.
    await page.goto(`${site.baseUrl}talks/${cniTalk.id}`);
    await expectHeading(page, cniTalk.title);
    await page.goto(`${site.baseUrl}speakers/${aoXiaojian.id}`);
    await expectHeading(page, aoXiaojian.name);

    await page.goto(`${site.baseUrl}search`);
    await search(page, '服务网格');
    await expectLink(page, meshTalk.title);
    await search(page, 'istio cni');
    await expectLink(page, cniTalk.title);
    await search(page, 'axj');
    await expectLink(page, aoXiaojian.name);

    // Chromium's own update checks of the worker script bypass offline emulation; nothing else may.
    const reachedServer = site.requests
      .slice(requestsWhileOnline)
      .filter((url) => url !== '/service-worker.js');
    expect(reachedServer, 'requests that reached the server while offline').toEqual([]);
    await context.close();
  });

  it('sends no request to another origin', async () => {
    const bundle = readBuiltBundle();
    const talk = findTalk(bundle, (candidate) => candidate.speakers.length > 0, 'talk');
    const context = await browser.newContext();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();

    await page.goto(site.baseUrl);
    await untilControlled(page);
    for (const path of [`talks/${talk.id}`, `events/${talk.eventId}`, 'search?q=istio', 'my']) {
      await page.goto(site.baseUrl + path);
      await page.getByRole('heading', { level: 1 }).waitFor();
    }

    const origin = new URL(site.baseUrl).origin;
    const elsewhere = requested.filter(
      (url) =>
        !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
    );
    expect(requested.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
    await context.close();
  });
});
