/**
 * At the venue: the home page's now-and-next on seed 003's day (Istio Meetup China, Beijing,
 * 10 July 2021, CST), with the network off; times in the event's or the device's zone; "My
 * agenda" by day with clashes marked; and what a content update changed about starred talks.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { messagesFor } from '../../src/lib/client/i18n';
import type { Bundle, Talk } from '../../src/lib/schema';
import {
  BUILD_DIR,
  CONTENT_DIR,
  buildSite,
  launchBrowser,
  readBuiltBundle,
  startSite,
  type Site,
} from './harness';

/** `beforeAll` runs a whole second `npm run build` (tens of seconds on two cores). */
const BUILD_TIMEOUT_MS = 300_000;

/** Installing the new version precaches all of it before the page hears of it. */
const UPDATE_TIMEOUT_MS = 60_000;

const ISTIO_EVENT = '2021-istio-meetup-china-beijing';
const ISTIO_POST = '2021/istio-meetup-china-beijing/index.md';

/** 14:40 in Beijing: the data-plane talk (14:30–15:00) is on, Envoy (15:00) is next. */
const DURING_THE_MEETUP = new Date('2021-07-10T14:40:00+08:00');

/** How long before the moment under test the browser's clock starts: the page loads meanwhile. */
const CLOCK_LEAD_MS = 5 * 60_000;

/** A device far from the venue: Berlin is six hours behind Beijing in July (CEST). */
const DEVICE_ZONE = 'Europe/Berlin';

const words = messagesFor('en');

/**
 * Version B of seed 003's post, as an organizer might edit it after readers starred talks: the
 * welcome loses a speaker, the data-plane talk is retitled (so it gets a new id), the Envoy talk
 * moves to 14:45 (now overlapping the data-plane talk) and the eBPF talk is dropped.
 */
const EDITS: [before: string, after: string][] = [
  [
    'Welcome speech-Craig Box (Istio steering committee member), Ding Shaojun',
    'Welcome speech-Ding Shaojun',
  ],
  [
    'Service Grid Data Plane Hot Upgrade Technology Sharing Shi Zehuan',
    'Hot Upgrades of the Service Grid Data Plane Shi Zehuan',
  ],
  ['| 15:00 - 15:30 | "Envoy', '| 14:45 - 15:15 | "Envoy'],
  ['| 15:45 - 16:15 | Use eBPF to accelerate Istio/Envoy network - Zhong Luyao Intel |\n', ''],
];

function talkTitled(bundle: Bundle, pattern: RegExp): Talk {
  const found = bundle.talks.find(
    (talk) => talk.eventId === ISTIO_EVENT && pattern.test(talk.title),
  );
  if (!found) throw new Error(`Seed 003 has no talk matching ${pattern}`);
  return found;
}

async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
}

async function untilInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'interactive');
}

/** Collapses runs of white space, as HTML rendering does. */
function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Stars `talk` from its page and waits until the worker has stored it. */
async function star(page: Page, baseUrl: string, talk: Talk): Promise<void> {
  await page.goto(`${baseUrl}talks/${talk.id}`);
  const button = page.getByRole('button', { name: words.star.label(talk.title) });
  await button.and(page.locator('[aria-pressed="false"]:not([disabled])')).click();
  await button.and(page.locator('[aria-pressed="true"]')).waitFor();
}

describe('at the venue', () => {
  let site: Site;
  let browser: Browser;
  let workDir: string;
  let buildB: string;
  let welcome: Talk;
  let dataPlane: Talk;
  let envoy: Talk;
  let ebpf: Talk;
  let hangzhou: Talk;
  /** The data-plane talk in version B: retitled, under a new id. */
  let dataPlaneB: Talk;

  beforeAll(async () => {
    const bundleA = readBuiltBundle();
    welcome = talkTitled(bundleA, /^Welcome speech$/);
    dataPlane = talkTitled(bundleA, /Data Plane Hot Upgrade/);
    envoy = talkTitled(bundleA, /^Envoy Principle/);
    ebpf = talkTitled(bundleA, /eBPF/);
    const first = bundleA.talks.find(
      (talk) => talk.eventId === '2018-servicemesher-meetup-hangzhou',
    );
    if (!first) throw new Error('Seed 001 (Hangzhou, 2018) has no talks');
    hangzhou = first;

    workDir = mkdtempSync(path.join(os.tmpdir(), 'sidecar-venue-'));
    const contentB = path.join(workDir, 'content');
    cpSync(CONTENT_DIR, contentB, { recursive: true });
    const postB = path.join(contentB, ISTIO_POST);
    let source = readFileSync(postB, 'utf8');
    for (const [before, after] of EDITS) {
      if (!source.includes(before)) throw new Error(`Seed 003 no longer contains “${before}”`);
      source = source.replace(before, after);
    }
    writeFileSync(postB, source);
    buildB = path.join(workDir, 'build');
    const bundleB = buildSite({ content: contentB, outDir: buildB });
    dataPlaneB = talkTitled(bundleB, /^Hot Upgrades of the Service Grid Data Plane$/);
    expect(talkTitled(bundleB, /^Envoy Principle/)).toMatchObject({ id: envoy.id, start: '14:45' });
    expect(bundleB.talks.some((talk) => talk.id === ebpf.id)).toBe(false);

    site = await startSite(BUILD_DIR);
    browser = await launchBrowser();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /**
   * A fresh browser profile on a device in Berlin whose clock runs from a few minutes before
   * `time`, so the test can pause it at `time` once the page has loaded.
   */
  async function visitorAt(time: Date): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: DEVICE_ZONE });
    await context.clock.install({ time: time.getTime() - CLOCK_LEAD_MS });
    const page = await context.newPage();
    return { context, page };
  }

  it('leads the home page with the talk on now, the next one and the day’s progress, offline', async () => {
    site.serve(BUILD_DIR);
    const { context, page } = await visitorAt(DURING_THE_MEETUP);
    await page.goto(site.baseUrl);
    await untilControlled(page);
    await context.setOffline(true);
    await page.reload();
    await untilInteractive(page);
    await page.clock.pauseAt(DURING_THE_MEETUP);

    const lead = page.getByRole('region', { name: /Istio Meetup China/ });
    const now = lead.locator('.card.now');
    const next = lead.locator('.card.next');
    await now.getByRole('link', { name: dataPlane.title }).waitFor();
    expect(normalizeSpace(await now.innerText())).toContain('14:30–15:00 CST');
    expect(normalizeSpace(await next.innerText())).toContain(`Next · in 20 min ${envoy.title}`);

    const progress = lead.getByRole('list', { name: words.venue.progress });
    const steps = (await progress.getByRole('listitem').allTextContents()).map(normalizeSpace);
    expect(steps.map((step) => step.split(':')[0])).toEqual([
      'Done',
      'Done',
      'Now',
      'Upcoming',
      'Upcoming',
      'Upcoming',
      'Upcoming',
    ]);
    expect(steps[2]).toBe(`Now: 14:30 ${dataPlane.title}`);
    await lead.getByText(words.venue.progressCount(2, 7)).waitFor();

    // Twenty minutes later the minute timer has turned the block over to the Envoy talk.
    await page.clock.runFor(20 * 60_000);
    await now.getByRole('link', { name: envoy.title }).waitFor();
    expect(normalizeSpace(await next.innerText())).toContain(`Next · in 45 min ${ebpf.title}`);
    await lead.getByText(words.venue.progressCount(3, 7)).waitFor();
    await context.close();
  });

  it('shows nothing of the kind on a day without an event', async () => {
    site.serve(BUILD_DIR);
    const { context, page } = await visitorAt(new Date('2021-07-11T14:40:00+08:00'));
    await page.goto(site.baseUrl);
    await untilInteractive(page);
    await page.getByRole('heading', { name: words.home.past }).waitFor();
    expect(await page.getByRole('region', { name: /Istio Meetup China/ }).count()).toBe(0);
    await context.close();
  });

  it('shows times on the device’s clock beside the event’s when asked, and remembers it', async () => {
    site.serve(BUILD_DIR);
    const context = await browser.newContext({ locale: 'en-US', timezoneId: DEVICE_ZONE });
    const page = await context.newPage();
    const welcomeTime = page
      .locator('article.talk', {
        has: page.getByRole('link', { name: welcome.title, exact: true }),
      })
      .locator('time');
    const openEvent = async () => {
      await page.goto(`${site.baseUrl}events/${ISTIO_EVENT}`);
      await untilInteractive(page);
    };
    const choose = async (name: string) => {
      await page.goto(`${site.baseUrl}my`);
      const radio = page.getByRole('radio', { name });
      await radio.and(page.locator(':not([disabled])')).check();
      await expect.poll(() => radio.isChecked()).toBe(true);
    };

    await openEvent();
    expect(normalizeSpace(await welcomeTime.innerText())).toBe('13:50–14:00 CST');

    await choose(words.venue.deviceZone(DEVICE_ZONE));
    await openEvent();
    await expect
      .poll(async () => normalizeSpace(await welcomeTime.innerText()))
      .toBe('07:50–08:00 CEST (13:50–14:00 CST)');
    await page.reload();
    await untilInteractive(page);
    await expect
      .poll(async () => normalizeSpace(await welcomeTime.innerText()))
      .toBe('07:50–08:00 CEST (13:50–14:00 CST)');

    await choose(words.venue.eventZone);
    await page.reload();
    await expect
      .poll(() => page.getByRole('radio', { name: words.venue.eventZone }).isChecked())
      .toBe(true);
    await openEvent();
    await expect
      .poll(async () => normalizeSpace(await welcomeTime.innerText()))
      .toBe('13:50–14:00 CST');
    await context.close();
  });

  it('lists what an update changed about starred talks, and keeps removed ones as tombstones', async () => {
    site.serve(BUILD_DIR);
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(site.baseUrl);
    await untilControlled(page);
    for (const talk of [welcome, dataPlane, envoy, ebpf]) await star(page, site.baseUrl, talk);

    // Redeploy version B, take the update the page offers, and look at "My agenda".
    site.serve(buildB);
    await page.goto(site.baseUrl);
    const reload = page.getByRole('status').getByRole('button', { name: words.update.reload });
    await reload.waitFor({ timeout: UPDATE_TIMEOUT_MS });
    // A mark on this page's window: the reload wipes it.
    await page.evaluate('window.__sidecarBeforeUpdate = true');
    await reload.click();
    await page.waitForFunction('!("__sidecarBeforeUpdate" in window)');
    await page.goto(`${site.baseUrl}my`);

    const changes = page.getByRole('region', { name: words.venue.changesTitle });
    await changes.waitFor();
    const notices = changes.getByRole('listitem');
    const text = (await notices.allInnerTexts()).map(normalizeSpace);
    expect(text).toHaveLength(4);
    const about = (pattern: RegExp) => text.find((notice) => pattern.test(notice)) ?? '';
    expect(about(/Welcome speech/)).toMatch(
      /New speakers Ding Shaojun \(was Craig Box, Ding Shaojun\)/,
    );
    expect(about(/Hot Upgrades/)).toContain(
      `New title ${dataPlaneB.title} (was ${dataPlane.title})`,
    );
    expect(about(/Envoy/)).toContain(
      'New time Sat, 10 Jul 2021 14:45–15:15 CST (was Sat, 10 Jul 2021 15:00–15:30 CST)',
    );
    expect(about(/eBPF/)).toMatch(
      /^Removed from the agenda Use eBPF.*Istio Meetup China · Sat, 10 Jul 2021 15:45–16:15 CST/,
    );

    // The star followed the retitled talk to its new id; the removed talk's star is still there.
    await page.getByRole('link', { name: dataPlaneB.title }).first().waitFor();

    // Dismiss a change and remove the tombstone, from the keyboard.
    await changes.getByRole('button', { name: words.venue.dismissLabel(envoy.title) }).focus();
    await page.keyboard.press('Enter');
    await changes.getByRole('button', { name: words.venue.forgetLabel(ebpf.title) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => notices.count()).toBe(2);
    expect(await page.evaluate('document.activeElement?.id')).toBe('changes-heading');

    await page.reload();
    await changes.waitFor();
    const kept = (await changes.getByRole('listitem').allInnerTexts()).map(normalizeSpace);
    expect(kept.some((notice) => notice.includes('Envoy'))).toBe(false);
    expect(kept.some((notice) => notice.includes('eBPF'))).toBe(false);
    expect(kept).toHaveLength(2);
    await context.close();
  });

  it('groups My agenda by day and marks two overlapping talks as a clash', async () => {
    site.serve(buildB);
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await untilControlled(page);
    await star(page, site.baseUrl, hangzhou);
    await star(page, site.baseUrl, dataPlaneB);
    await star(page, site.baseUrl, { ...envoy, start: '14:45' });

    await page.goto(`${site.baseUrl}my`);
    const main = page.locator('main');
    await main.getByRole('heading', { level: 2, name: 'Sat, 10 Jul 2021' }).waitFor();
    const days = (await main.getByRole('heading', { level: 2 }).allTextContents()).map(
      normalizeSpace,
    );
    expect(days).toEqual(['Sat, 30 Jun 2018', 'Sat, 10 Jul 2021']);

    const clashes = (await main.locator('.overlaps').allInnerTexts()).map(normalizeSpace);
    expect(clashes).toEqual([
      expect.stringMatching(new RegExp(`${words.venue.overlaps} ${envoy.title}$`)),
      expect.stringMatching(new RegExp(`${words.venue.overlaps} ${dataPlaneB.title}$`)),
    ]);
    await context.close();
  });
});
