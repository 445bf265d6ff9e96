import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Talk } from '../../src/lib/schema';
import { agendaFragment } from '../../src/lib/share/agenda-link';
import { qrCodeSvg } from '../../src/lib/share/qr-code';
import { readCalendar } from '../calendar/read-calendar';
import { BUILD_DIR, launchBrowser, readBuiltBundle, startSite, type Site } from './harness';

const ISTIO_EVENT = '2021-istio-meetup-china-beijing';
/** On the programme at 16:45–17:15 China Standard Time (UTC+8). */
const CNI_TALK_TITLE = 'Securing workload deployment with Istio CNI';
/** The seed content's talk whose event has no date: it cannot be in a calendar. */
const UNDATED_TALK_TITLE = '长路漫漫踏歌而行：蚂蚁金服Service Mesh实践探索';
/** Dated, with no time on the agenda: an all-day entry. */
const UNTIMED_TALK_TITLE = '服务网格在企业落地的典型场景与实践';

function findTalk(bundle: Bundle, title: string): Talk {
  const talk = bundle.talks.find((candidate) => candidate.title === title);
  if (!talk) throw new Error(`The seed content has no talk titled ${title}; the test needs it.`);
  return talk;
}

/** Waits until the page is hydrated and answers clicks. */
async function interactive(page: Page): Promise<void> {
  await page.waitForSelector('html[data-app="interactive"]');
}

/** Resolves once a service worker controls `page`: from then on it answers the page's requests. */
async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
}

/** The first visit, online, as on the way to the meetup; then the network goes away. */
async function visitThenGoOffline(context: BrowserContext, site: Site): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.baseUrl);
  await untilControlled(page);
  await interactive(page);
  await context.setOffline(true);
  return page;
}

async function star(page: Page, site: Site, talk: Talk): Promise<void> {
  await page.goto(`${site.baseUrl}talks/${talk.id}`);
  await interactive(page);
  const button = page.getByRole('button', { name: `Star: ${talk.title}`, exact: true });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page: Page, name: string): Promise<{ filename: string; text: string }> {
  const button = page.getByRole('button', { name });
  await expect.poll(() => button.isEnabled()).toBe(true);
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { filename: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The `href` of every element `locator` matches, in document order. */
async function hrefsOf(locator: Locator): Promise<string[]> {
  const links = await locator.all();
  return Promise.all(links.map(async (link) => (await link.getAttribute('href')) ?? ''));
}

/** The talk ids the /my page lists (its agenda, not a shared agenda on offer). */
async function listedTalkIds(page: Page): Promise<string[]> {
  const hrefs = await hrefsOf(
    page.locator('main section:not([aria-labelledby]) a[href*="/talks/"]'),
  );
  return hrefs.map((href) => href.replace(/^.*\/talks\//, '')).sort();
}

describe('calendar files, sharing, QR codes and map links', () => {
  let site: Site;
  let browser: Browser;
  let bundle: Bundle;

  beforeAll(async () => {
    site = await startSite(BUILD_DIR);
    browser = await launchBrowser();
    bundle = readBuiltBundle();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('downloads a talk’s .ics offline, timed in the venue’s zone, with an alarm and a stable UID', async () => {
    const talk = findTalk(bundle, CNI_TALK_TITLE);
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
    const page = await visitThenGoOffline(context, site);
    await page.goto(`${site.baseUrl}talks/${talk.id}`);
    await interactive(page);

    const file = await download(page, 'Add to calendar (.ics)');
    expect(file.filename).toBe(`${talk.id}.ics`);
    expect(file.text).toContain('\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n');
    const { events } = readCalendar(file.text);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.uid).toBe(`talk-${talk.id}@${new URL(site.baseUrl).host}`);
    expect(event?.summary).toBe(talk.title);
    expect(event?.start).toEqual({
      instant: '2021-07-10T08:45:00.000Z',
      tzid: 'Asia/Shanghai',
      isDate: false,
    });
    expect(event?.end?.instant).toBe('2021-07-10T09:15:00.000Z');
    expect(event?.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT10M' }]);
    expect(event?.url).toBe(`${site.baseUrl}talks/${talk.id}`);
    expect(event?.description).toContain('Zhang Zhihan');

    // A second download of the unchanged talk is the same entry, not a newer one.
    const again = readCalendar((await download(page, 'Add to calendar (.ics)')).text).events[0];
    expect(again?.uid).toBe(event?.uid);
    expect(again?.sequence).toBe(event?.sequence);
    await context.close();
  });

  it('downloads the starred talks of /my offline, and says which ones have no date', async () => {
    const timed = findTalk(bundle, CNI_TALK_TITLE);
    const untimed = findTalk(bundle, UNTIMED_TALK_TITLE);
    const undated = findTalk(bundle, UNDATED_TALK_TITLE);
    const context = await browser.newContext();
    const page = await visitThenGoOffline(context, site);
    for (const talk of [timed, untimed, undated]) await star(page, site, talk);

    await page.goto(`${site.baseUrl}my`);
    await interactive(page);
    await page
      .getByText('1 starred talk has no date and is not in the calendar file.', { exact: true })
      .waitFor();
    const file = await download(page, 'Download starred talks (.ics)');
    expect(file.filename).toBe('sidecar-my-agenda.ics');
    const { events, timezones } = readCalendar(file.text);
    const host = new URL(site.baseUrl).host;
    expect(events.map((event) => event.uid).sort()).toEqual(
      [`talk-${timed.id}@${host}`, `talk-${untimed.id}@${host}`].sort(),
    );
    expect(timezones).toEqual(['Asia/Shanghai']);
    const cni = events.find((event) => event.summary === timed.title);
    expect(cni?.start).toMatchObject({
      instant: '2021-07-10T08:45:00.000Z',
      tzid: 'Asia/Shanghai',
    });
    expect(cni?.alarms).toEqual([{ action: 'DISPLAY', trigger: '-PT10M' }]);
    const allDay = events.find((event) => event.summary === untimed.title);
    expect(allDay?.start).toEqual({ instant: '2021-04-24', tzid: null, isDate: true });
    expect(allDay?.summaryLanguage).toBe('zh');
    await context.close();
  });

  it('copies the link, and says so to screen readers, where the browser has no share sheet', async () => {
    const speaker = bundle.speakers.find((candidate) => candidate.name === '敖小剑');
    if (!speaker) throw new Error('The seed content has no speaker 敖小剑; the test needs them.');
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(site.baseUrl).origin,
    });
    await context.addInitScript(
      'delete Navigator.prototype.share; delete Navigator.prototype.canShare;',
    );
    const page = await context.newPage();
    const url = `${site.baseUrl}speakers/${speaker.id}`;
    await page.goto(url);
    await interactive(page);

    const copy = page.getByRole('button', { name: `Copy link: ${speaker.name}` });
    await expect.poll(() => copy.isEnabled()).toBe(true);
    await copy.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await context.close();
  });

  it('opens the share sheet with the page’s link where the browser has one', async () => {
    const talk = findTalk(bundle, CNI_TALK_TITLE);
    const context = await browser.newContext();
    await context.addInitScript(
      'Navigator.prototype.share = async function (data) { window.sharedWith = data; };',
    );
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}talks/${talk.id}`);
    await interactive(page);
    const share = page.getByRole('button', { name: `Share: ${talk.title}` });
    await expect.poll(() => share.isEnabled()).toBe(true);
    await share.click();
    await expect
      .poll(() => page.evaluate('window.sharedWith'))
      .toEqual({ title: talk.title, url: `${site.baseUrl}talks/${talk.id}` });
    await context.close();
  });

  it('draws a QR code of the page’s URL as an SVG, made offline', async () => {
    const context = await browser.newContext();
    const page = await visitThenGoOffline(context, site);
    const url = `${site.baseUrl}events/${ISTIO_EVENT}`;
    await page.goto(url);
    await interactive(page);

    const toggle = page.getByRole('button', { name: 'QR code' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const image = page.getByRole('img', { name: /^QR code of the link to / });
    await image.waitFor();
    const modules = await image.locator('svg path').getAttribute('d');
    // The same encoder in Node, fed the page's URL, draws exactly the same modules.
    const expected = /<path[^>]* d="([^"]+)"/.exec(qrCodeSvg(url) ?? '')?.[1];
    expect(expected).toBeTruthy();
    expect(modules).toBe(expected);
    await page.getByText(url, { exact: true }).waitFor();
    await context.close();
  });

  it('imports a shared agenda link on a fresh browser with the network off, reporting unknown ids', async () => {
    const timed = findTalk(bundle, CNI_TALK_TITLE);
    const untimed = findTalk(bundle, UNTIMED_TALK_TITLE);
    const origin = new URL(site.baseUrl).origin;

    // One reader shares their agenda: the link the /my page copies.
    const sharer = await browser.newContext();
    await sharer.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await sharer.addInitScript('delete Navigator.prototype.share;');
    const sharerPage = await visitThenGoOffline(sharer, site);
    await star(sharerPage, site, timed);
    await star(sharerPage, site, untimed);
    await sharerPage.goto(`${site.baseUrl}my`);
    await interactive(sharerPage);
    const shareButton = sharerPage.getByRole('button', { name: 'Share my agenda' });
    await expect.poll(() => shareButton.isEnabled()).toBe(true);
    await shareButton.click();
    await sharerPage.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = String(await sharerPage.evaluate('navigator.clipboard.readText()'));
    expect(link).toBe(`${site.baseUrl}my#${agendaFragment([timed.id, untimed.id])}`);
    await sharer.close();

    // Another reader, whose content is older or different, opens it offline.
    const fragment = agendaFragment([timed.id, untimed.id, 'a-talk-that-was-removed']);
    const reader = await browser.newContext();
    const page = await visitThenGoOffline(reader, site);
    const requestsOffline = site.requests.length;
    await page.goto(`${site.baseUrl}my#${fragment}`);
    await interactive(page);
    const offer = page.getByRole('region', { name: 'A shared agenda: 3 talks' });
    await offer.waitFor();
    await offer.getByRole('link', { name: timed.title }).waitFor();
    await offer.getByRole('link', { name: untimed.title }).waitFor();
    await offer.getByText('1 talk in the link is not in this agenda', { exact: false }).waitFor();
    await offer.getByText('a-talk-that-was-removed', { exact: true }).waitFor();
    expect(await listedTalkIds(page)).toEqual([]);

    await offer.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: '2 talks added to your stars.' }).waitFor();
    await expect.poll(() => listedTalkIds(page)).toEqual([timed.id, untimed.id].sort());
    expect(new URL(page.url()).hash).toBe('');

    // The stars were stored: a reload offline still lists them, and offers nothing.
    await page.reload();
    await interactive(page);
    await expect.poll(() => listedTalkIds(page)).toEqual([timed.id, untimed.id].sort());
    expect(await offer.count()).toBe(0);

    const reachedServer = site.requests
      .slice(requestsOffline)
      .filter((path) => path !== '/service-worker.js');
    expect(reachedServer).toEqual([]);
    await reader.close();
  });

  it('leaves the stars untouched when a shared agenda is dismissed', async () => {
    const timed = findTalk(bundle, CNI_TALK_TITLE);
    const context = await browser.newContext();
    const page = await visitThenGoOffline(context, site);
    await page.goto(`${site.baseUrl}my#${agendaFragment([timed.id])}`);
    await interactive(page);
    const offer = page.getByRole('region', { name: 'A shared agenda: 1 talk' });
    await offer.getByRole('link', { name: timed.title }).waitFor();
    await offer.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => offer.count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await interactive(page);
    await page.getByText('No starred talks yet.', { exact: false }).waitFor();
    await context.close();
  });

  it('links the venue to Amap, Baidu Maps and OpenStreetMap, and asks none of them anything on load', async () => {
    const context = await browser.newContext();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}events/${ISTIO_EVENT}`);
    await interactive(page);

    const maps = page.getByRole('list', { name: /^Find .* on a map$/ });
    const hrefs = await hrefsOf(maps.getByRole('link'));
    expect(hrefs.map((href) => new URL(href).host)).toEqual([
      'uri.amap.com',
      'api.map.baidu.com',
      'www.openstreetmap.org',
    ]);
    for (const href of hrefs) {
      const searched = [...new URL(href).searchParams.values()].join(' ');
      expect(searched).toContain('Industrial Internet Exhibition Hall');
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
