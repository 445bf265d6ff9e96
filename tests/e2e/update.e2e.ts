import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** Appended to one talk title in version B: the change a reader should see after updating. */
const REVISION_MARK = ' (revised)';

/** A property the test sets on the page's window to tell whether the page has reloaded. */
const PAGE_MARK = '__sidecarNotReloaded';

/** The update banner's button, in either interface language. */
const RELOAD_BUTTON = /^(Reload|重新加载)$/;

/** A talk of `talk`'s event, other than `talk`, whose title its post states verbatim, once. */
function talkToRevise(bundle: Bundle, talk: Talk, source: string): Talk {
  const other = bundle.talks.find(
    (candidate) =>
      candidate.eventId === talk.eventId &&
      candidate.id !== talk.id &&
      source.split(candidate.title).length === 2,
  );
  if (!other) throw new Error(`No other talk of ${talk.eventId} has a title to revise.`);
  return other;
}

function isMarked(page: Page): Promise<boolean> {
  return page.evaluate((mark) => mark in window, PAGE_MARK);
}

async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
}

/** Waits until the talk page's star toggle says it is pressed. */
async function untilStarred(page: Page): Promise<void> {
  await page.locator('button[aria-pressed="true"]').first().waitFor();
}

describe('updating to a new version', () => {
  let site: Site;
  let browser: Browser;
  let workDir: string;
  let buildB: string;
  let starred: Talk;
  let revised: { before: string; after: string };

  beforeAll(async () => {
    const bundleA = readBuiltBundle();
    const cniTalk = bundleA.talks.find((talk) => /istio cni/i.test(talk.title));
    if (!cniTalk) throw new Error('The seed content has no Istio CNI talk; the test stars it.');
    starred = cniTalk;
    const event = bundleA.events.find((candidate) => candidate.id === starred.eventId);
    if (!event) throw new Error(`The bundle has no event ${starred.eventId}.`);

    // Version B: a copy of the seed content with one talk of the starred talk's event renamed.
    workDir = mkdtempSync(path.join(os.tmpdir(), 'sidecar-update-'));
    const contentB = path.join(workDir, 'content');
    cpSync(CONTENT_DIR, contentB, { recursive: true });
    const postB = path.join(contentB, event.source);
    const source = readFileSync(postB, 'utf8');
    const other = talkToRevise(bundleA, starred, source);
    writeFileSync(postB, source.replace(other.title, other.title + REVISION_MARK));

    buildB = path.join(workDir, 'build');
    const bundleB = buildSite({ content: contentB, outDir: buildB });
    const after = bundleB.talks.find((talk) => talk.title === other.title + REVISION_MARK);
    expect(after, 'version B renames the talk').toBeDefined();
    expect(bundleB.talks.map((talk) => talk.id)).toContain(starred.id);
    revised = { before: other.title, after: other.title + REVISION_MARK };

    site = await startSite(BUILD_DIR);
    browser = await launchBrowser();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('offers the new version, reloads only when asked, then shows its content offline with the stars kept', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(site.baseUrl);
    await untilControlled(page);

    await page.goto(`${site.baseUrl}talks/${starred.id}`);
    await page.locator('button[aria-pressed="false"]').first().click();
    await untilStarred(page);
    await page.reload();
    await untilStarred(page);

    // Redeploy: the same origin now serves version B.
    site.serve(buildB);
    await page.goto(site.baseUrl);
    // A mark on this page's window: a reload, asked for or not, wipes it.
    await page.evaluate((mark) => Object.assign(window, { [mark]: true }), PAGE_MARK);
    const reload = page.getByRole('status').getByRole('button', { name: RELOAD_BUTTON });
    await reload.waitFor({ timeout: UPDATE_TIMEOUT_MS });
    expect(await isMarked(page), 'the page reloaded before the reader asked').toBe(true);

    // Downloaded on the hotel Wi-Fi, applied in the basement hall: everything version B needs,
    // its content bundle included, must already be in the service worker's cache.
    await context.setOffline(true);
    await reload.click();
    await page.waitForFunction((mark) => !(mark in window), PAGE_MARK);

    await page.goto(`${site.baseUrl}events/${starred.eventId}`);
    await page.getByRole('link', { name: revised.after }).first().waitFor();
    expect(await page.getByRole('link', { name: revised.before, exact: true }).count()).toBe(0);

    await page.goto(`${site.baseUrl}talks/${starred.id}`);
    await page.getByRole('heading', { level: 1, name: starred.title, exact: true }).waitFor();
    await untilStarred(page);
    await page.goto(`${site.baseUrl}my`);
    await page.getByRole('link', { name: starred.title }).first().waitFor();
    await context.close();
  });

  it('checks for a new version when the reader asks on the About page', async () => {
    const words = messagesFor('en').about;
    site.serve(BUILD_DIR);
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}about`);
    await untilControlled(page);
    const check = page.getByRole('button', { name: words.checkForUpdates });
    const answer = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

    await check.click();
    await answer(words.updateState['up-to-date']);

    await context.setOffline(true);
    site.serve(null);
    await check.click();
    await answer(words.updateState.offline);

    await context.setOffline(false);
    site.serve(buildB);
    await check.click();
    await answer(words.updateState.waiting);
    await page.getByRole('status').getByRole('button', { name: RELOAD_BUTTON }).waitFor();
    await context.close();
  });
});
