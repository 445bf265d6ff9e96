import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltBundle, startApp, type App } from './harness';
import type { Bundle } from '../../src/lib/schema';

/** The narrowest phone every page must fit without sideways scrolling. */
const NARROW_VIEWPORT = { width: 360, height: 740 };
/** How long a change may take to show (worker round trips, the search box's typing pause). */
const SETTLE_TIMEOUT_MS = 10_000;

const ISTIO_EVENT = '2021-istio-meetup-china-beijing';

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Waits until the page is hydrated and answers clicks and typing. */
async function interactive(page: Page): Promise<void> {
  await page.waitForSelector('html[data-app="interactive"]', { timeout: SETTLE_TIMEOUT_MS });
}

function findSpeaker(bundle: Bundle, name: string) {
  const speaker = bundle.speakers.find((candidate) => candidate.name === name);
  if (!speaker) throw new Error(`The seed content has no speaker named ${name}`);
  return speaker;
}

function findTalk(bundle: Bundle, title: string) {
  const talk = bundle.talks.find((candidate) => candidate.title === title);
  if (!talk) throw new Error(`The seed content has no talk titled ${title}`);
  return talk;
}

describe('the pages, on the seed content', () => {
  let app: App;
  let bundle: Bundle;

  beforeAll(async () => {
    app = await startApp();
    bundle = readBuiltBundle();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('an event page shows times on the venue clock, labelled with its zone', async () => {
    // A reader in California still sees Beijing's programme times, as printed at the venue.
    const context = await app.browser.newContext({ timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}events/${ISTIO_EVENT}`);
    await interactive(page);
    const main = normalizeSpace(await page.locator('main').innerText());
    expect(main).toContain('13:30–17:30 CST');
    expect(main).toContain('14:00–14:30 CST');
    expect(main).not.toMatch(/PDT|PST/);
    await context.close();
  });

  it('an event page lists its talks as links to their pages, with speakers and venue', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}events/${ISTIO_EVENT}`);
    const title = 'Securing workload deployment with Istio CNI';
    const link = page.getByRole('link', { name: title, exact: true });
    expect(await link.getAttribute('href')).toContain(`talks/${findTalk(bundle, title).id}`);
    const main = normalizeSpace(await page.locator('main').innerText());
    expect(main).toContain('Zhang Zhihan, Tetrate');
    expect(main).toContain('Industrial Internet Exhibition Hall');
    expect(main).toContain('Offline');
    await page.close();
  });

  it('a talk page names the talk in its h1 and links its speakers to their pages', async () => {
    const talk = findTalk(bundle, '大规模微服务架构下的 Service Mesh 探索之路');
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}talks/${talk.id}`);
    await interactive(page);
    expect(normalizeSpace(await page.locator('h1').innerText())).toBe(talk.title);
    expect(normalizeSpace(await page.locator('main').innerText())).toContain(
      'Other talks at this event',
    );

    await page.locator('main').getByRole('link', { name: '敖小剑', exact: true }).click();
    await page.waitForURL(/\/speakers\//);
    expect(normalizeSpace(await page.locator('h1').innerText())).toBe('敖小剑');
    await page.close();
  });

  it('敖小剑’s speaker page lists both his Hangzhou talk and his QCon deck', async () => {
    const speaker = findSpeaker(bundle, '敖小剑');
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}speakers/${speaker.id}`);
    expect(normalizeSpace(await page.locator('h1').innerText())).toBe('敖小剑');
    const talkLinks = page.locator('main a[href*="talks/"]');
    const titles = (await talkLinks.allTextContents()).map(normalizeSpace);
    expect(titles).toHaveLength(2);
    expect(titles).toContain('大规模微服务架构下的 Service Mesh 探索之路');
    expect(titles).toContain('长路漫漫踏歌而行：蚂蚁金服Service Mesh实践探索');
    await page.close();
  });

  it('typing in the search box updates the URL and shows grouped, highlighted results', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}search`);
    await interactive(page);
    const box = page.getByRole('searchbox', { name: 'Search events, talks and speakers' });
    await box.pressSequentially('istio', { delay: 40 });

    await page.waitForURL(/\/search\?q=istio$/, { timeout: SETTLE_TIMEOUT_MS });
    const main = page.locator('main');
    await main.getByRole('heading', { name: 'Talks' }).waitFor({ timeout: SETTLE_TIMEOUT_MS });
    expect(await main.getByRole('heading', { name: 'Events' }).count()).toBe(1);
    await main
      .getByRole('link', { name: 'Istio Meetup China', exact: true })
      .waitFor({ timeout: SETTLE_TIMEOUT_MS });
    const marks = (await main.locator('mark').allTextContents()).map((text) => text.toLowerCase());
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['istio']));
    expect(await box.inputValue()).toBe('istio');
    await page.close();
  });

  it('finds a speaker by pinyin initials', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.baseUrl}search?q=axj`);
    const speakers = page.locator('section', {
      has: page.getByRole('heading', { name: 'Speakers' }),
    });
    await speakers
      .getByRole('link', { name: '敖小剑', exact: true })
      .waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await page.close();
  });

  it('a starred talk is pressed and appears on My agenda after a reload', async () => {
    const talk = findTalk(bundle, 'Use eBPF to accelerate Istio/Envoy network');
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}talks/${talk.id}`);
    await interactive(page);
    const star = page.getByRole('button', { name: `Star: ${talk.title}` });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    expect(await star.getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${app.baseUrl}my`);
    const link = page.getByRole('link', { name: talk.title, exact: true });
    await link.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await page.reload();
    await link.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    await interactive(page);
    const starOnMy = page.getByRole('button', { name: `Star: ${talk.title}` });
    await page.waitForFunction(
      (name) =>
        document.querySelector(`button[aria-label="${name}"]`)?.getAttribute('aria-pressed') ===
        'true',
      `Star: ${talk.title}`,
      { timeout: SETTLE_TIMEOUT_MS },
    );
    expect(await starOnMy.getAttribute('aria-pressed')).toBe('true');
    // Another talk was never starred, so it is not on the list.
    expect(await page.locator('main a[href*="talks/"]').count()).toBe(1);
    await context.close();
  });

  it('speaks Chinese to a browser set to zh-CN', async () => {
    const context = await app.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}events/${ISTIO_EVENT}`);
    await interactive(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const nav = page.getByRole('navigation');
    expect(normalizeSpace(await nav.innerText())).toBe('Sidecar 搜索 我的日程 关于');
    expect(await page.getByRole('heading', { name: '议程' }).count()).toBe(1);
    expect(normalizeSpace(await page.locator('main').innerText())).toContain('2021年7月10日周六');
    await context.close();
  });

  it('every page fits a 360px wide phone without horizontal scrolling', async () => {
    const talk = findTalk(
      bundle,
      'Full-stack service grid-Aeraki helps you manage any seven-tier traffic in Istio',
    );
    const paths = [
      '',
      `events/${ISTIO_EVENT}`,
      `talks/${talk.id}`,
      `speakers/${findSpeaker(bundle, 'Yin Xia Mengxue').id}`,
      'search?q=service',
      'my',
      'about',
    ];
    const context = await app.browser.newContext({ viewport: NARROW_VIEWPORT });
    const page = await context.newPage();
    const tooWide: string[] = [];
    for (const path of paths) {
      await page.goto(`${app.baseUrl}${path}`);
      await interactive(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > NARROW_VIEWPORT.width) tooWide.push(`/${path} is ${width}px wide`);
    }
    expect(tooWide).toEqual([]);
    await context.close();
  });

  it('shows pages without console errors or requests to other origins', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    const origin = new URL(app.baseUrl).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) problems.push(`request: ${request.url()}`);
    });
    for (const path of ['', `events/${ISTIO_EVENT}`, 'search?q=mesh', 'my', 'about']) {
      await page.goto(`${app.baseUrl}${path}`);
      await interactive(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
