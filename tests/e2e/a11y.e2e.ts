/**
 * Accessibility: axe-core finds no violation on any page, in either language or colour scheme;
 * controls are large enough to touch; and the main tasks can be done with the keyboard alone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/lib/client/i18n';
import type { Bundle } from '../../src/lib/schema';
import { agendaFragment } from '../../src/lib/share/agenda-link';
import { readBuiltBundle, startApp, type App } from './harness';

/** How long a change may take to show (worker round trips, the search box's typing pause). */
const SETTLE_TIMEOUT_MS = 10_000;
/** The smallest a control may be to touch, in CSS pixels. */
const TOUCH_TARGET_PX = 44;
/** Seven pages and two panels, each waited for and checked by axe: longer than one page test. */
const AXE_RUN_TIMEOUT_MS = 180_000;
/** More Tab presses than any page needs to reach what a test looks for. */
const MOST_TABS = 60;

const ISTIO_EVENT = '2021-istio-meetup-china-beijing';
/** A talk with an abstract, in a Chinese post. */
const TALK_WITH_ABSTRACT = '2021-sofastack-3rd-anniversary-beijing--fu-wu-wang-ge-zai-qi-1287';
/** A timed talk, in an English post. */
const ISTIO_TALK =
  '2021-istio-meetup-china-beijing--securing-workload-deployment-with-istio-cni-f8d7';

/** 14:40 in Beijing during the Istio meetup: the home page leads with the talk on now. */
const DURING_THE_MEETUP = new Date('2021-07-10T14:40:00+08:00');
/** How long before that moment the browser's clock starts: the page loads meanwhile. */
const CLOCK_LEAD_MS = 5 * 60_000;

/** The two interface languages, as a browser announces them, and the `<html lang>` they get. */
const LANGUAGES = [
  { browserLocale: 'en-US', htmlLang: 'en', locale: 'en' },
  { browserLocale: 'zh-CN', htmlLang: 'zh-CN', locale: 'zh' },
] as const;
const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Waits until the page is hydrated and answers clicks and typing. */
async function interactive(page: Page): Promise<void> {
  await page.waitForSelector('html[data-app="interactive"]', { timeout: SETTLE_TIMEOUT_MS });
}

function speakerId(bundle: Bundle, name: string): string {
  const speaker = bundle.speakers.find((candidate) => candidate.name === name);
  if (!speaker) throw new Error(`The seed content has no speaker named ${name}`);
  return speaker.id;
}

/** A page to check, and what shows that its content (not only its shell) is there. */
interface Checked {
  path: string;
  ready: string;
  /** Brings the page into a state worth checking too (a panel opened). */
  open?: string;
}

function pagesToCheck(bundle: Bundle): Checked[] {
  return [
    { path: '', ready: 'main a[href*="events/"]' },
    { path: `events/${ISTIO_EVENT}`, ready: 'main .agenda' },
    { path: `talks/${TALK_WITH_ABSTRACT}`, ready: 'main h1' },
    // The QR code panel open.
    {
      path: `events/${ISTIO_EVENT}`,
      ready: 'main button[aria-controls]:not([disabled])',
      open: 'main button[aria-controls]',
    },
    { path: `speakers/${speakerId(bundle, '敖小剑')}`, ready: 'main a[href*="talks/"]' },
    { path: 'search?q=istio', ready: 'main [aria-labelledby="results-talks"]' },
    { path: 'my', ready: 'main a[href*="talks/"]' },
    { path: 'about', ready: 'main dl' },
    // A shared agenda offered for import: one talk this content has, one it lacks.
    {
      path: `my#${agendaFragment([ISTIO_TALK, 'a-talk-that-was-removed'])}`,
      ready: 'main section[aria-labelledby] button',
    },
  ];
}

/** Stars a talk through its page, so My agenda has something to show. */
async function starTalk(context: BrowserContext, baseUrl: string, talkId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}talks/${talkId}`);
  await interactive(page);
  const star = page.locator('main button[aria-pressed]').first();
  await star.click();
  await page.waitForSelector('main button[aria-pressed="true"]', { timeout: SETTLE_TIMEOUT_MS });
  await page.close();
}

/**
 * Every visible link and control smaller than a fingertip's 44 × 44 pixels. Links inside the
 * organiser's post are words in running text, which WCAG exempts. A radio button or checkbox is
 * measured by its label, which a tap anywhere on selects it.
 */
async function smallControls(page: Page): Promise<string[]> {
  const sizes: [string, number, number][] = await page.evaluate(`
    [...document.querySelectorAll('a[href], button, select, input')]
      .filter((element) => !element.closest('.post'))
      .map((element) => {
        const target = element.matches('[type="radio"], [type="checkbox"]')
          ? (element.closest('label') ?? element)
          : element;
        const box = target.getBoundingClientRect();
        const name = element.tagName + ' ' + (element.textContent ?? '').trim().slice(0, 40);
        return [name, Math.round(box.width), Math.round(box.height)];
      })
      .filter(([, width, height]) => width > 0 && height > 0)`);
  return sizes
    .filter(([, width, height]) => width < TOUCH_TARGET_PX || height < TOUCH_TARGET_PX)
    .map(([name, width, height]) => `${name} is ${width} × ${height}`);
}

/** True when the focused element matches `selector`. */
function focusIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);
}

/** Presses Tab until the focused element matches `selector`, as a keyboard user would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < MOST_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    if (await focusIs(page, selector)) return;
  }
  throw new Error(`${MOST_TABS} presses of Tab never reached ${selector} on ${page.url()}`);
}

/** Axe's violations on the page, one readable line per rule, with the elements it names. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`.trim())
        .join(' | '),
  );
}

describe('accessibility', () => {
  let app: App;
  let bundle: Bundle;

  beforeAll(async () => {
    app = await startApp();
    bundle = readBuiltBundle();
  });

  afterAll(async () => {
    await app?.stop();
  });

  for (const { browserLocale, htmlLang } of LANGUAGES) {
    for (const colorScheme of COLOR_SCHEMES) {
      it(
        `axe finds no violations on any page in ${browserLocale}, ${colorScheme} scheme`,
        async () => {
          const context = await app.browser.newContext({ locale: browserLocale, colorScheme });
          await starTalk(context, app.baseUrl, TALK_WITH_ABSTRACT);
          const page = await context.newPage();
          const found: string[] = [];
          for (const { path, ready, open } of pagesToCheck(bundle)) {
            await page.goto(`${app.baseUrl}${path}`);
            await interactive(page);
            await page.waitForSelector(ready, { timeout: SETTLE_TIMEOUT_MS });
            if (open) {
              await page.click(open);
              await page.waitForSelector(`${open}[aria-expanded="true"]`);
            }
            expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
            expect(await page.getAttribute('html', 'data-theme')).toBe(colorScheme);
            for (const line of await violations(page)) found.push(`/${path}: ${line}`);
          }
          expect(found).toEqual([]);
          await context.close();
        },
        AXE_RUN_TIMEOUT_MS,
      );
    }
  }

  for (const { browserLocale } of LANGUAGES) {
    for (const colorScheme of COLOR_SCHEMES) {
      it(`axe finds no violations in now and next during an event, ${browserLocale}, ${colorScheme}`, async () => {
        const context = await app.browser.newContext({ locale: browserLocale, colorScheme });
        await context.clock.install({ time: DURING_THE_MEETUP.getTime() - CLOCK_LEAD_MS });
        const page = await context.newPage();
        await page.goto(app.baseUrl);
        await interactive(page);
        await page.clock.pauseAt(DURING_THE_MEETUP);
        await page.waitForSelector('main .card.now a', { timeout: SETTLE_TIMEOUT_MS });
        // axe waits on timers of its own: let the clock run again from the meetup's afternoon.
        await page.clock.resume();
        expect(await violations(page)).toEqual([]);
        expect(await smallControls(page)).toEqual([]);
        await context.close();
      });
    }
  }

  it(
    'the error page has no violations, in both languages and schemes',
    async () => {
      const found: string[] = [];
      for (const { browserLocale, htmlLang, locale } of LANGUAGES) {
        for (const colorScheme of COLOR_SCHEMES) {
          const context = await app.browser.newContext({ locale: browserLocale, colorScheme });
          const page = await context.newPage();
          await page.goto(app.baseUrl);
          await interactive(page);
          // A link to an event this content does not have, followed inside the app: a stale link.
          await page.evaluate(`(() => {
          const link = document.createElement('a');
          link.href = 'events/no-such-event';
          link.id = 'stale-link';
          link.textContent = 'stale';
          document.querySelector('main').append(link);
        })()`);
          await page.click('#stale-link');
          await page.waitForSelector('main h1 + p', { timeout: SETTLE_TIMEOUT_MS });
          expect(await page.getAttribute('html', 'lang')).toBe(htmlLang);
          expect(await page.locator('main h1').innerText()).toBe(
            messagesFor(locale).errors.notFound,
          );
          const label = `${browserLocale} ${colorScheme}`;
          for (const line of await violations(page)) found.push(`error page, ${label}: ${line}`);
          await context.close();
        }
      }
      expect(found).toEqual([]);
    },
    AXE_RUN_TIMEOUT_MS,
  );

  it('every control is at least 44 × 44 pixels on a phone', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    await starTalk(context, app.baseUrl, TALK_WITH_ABSTRACT);
    const page = await context.newPage();
    const tooSmall: string[] = [];
    for (const { path, ready, open } of pagesToCheck(bundle)) {
      await page.goto(`${app.baseUrl}${path}`);
      await interactive(page);
      await page.waitForSelector(ready, { timeout: SETTLE_TIMEOUT_MS });
      if (open) await page.click(open);
      for (const line of await smallControls(page)) tooSmall.push(`/${path}: ${line}`);
    }
    expect(tooSmall).toEqual([]);
    await context.close();
  });

  it('shows a focus ring on everything the keyboard reaches', async () => {
    const page = await app.browser.newPage();
    const unringed: string[] = [];
    for (const path of [`events/${ISTIO_EVENT}`, 'search?q=istio']) {
      await page.goto(`${app.baseUrl}${path}`);
      await interactive(page);
      await page.waitForSelector('main button[aria-pressed]:not([disabled]), main section', {
        timeout: SETTLE_TIMEOUT_MS,
      });
      const seen = new Set<string>();
      for (let presses = 0; presses < MOST_TABS * 2; presses += 1) {
        await page.keyboard.press('Tab');
        const focused: { key: string; outline: string } | null = await page.evaluate(`(() => {
          const element = document.activeElement;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          const key = element.tagName + ' ' + (element.getAttribute('href') ?? element.textContent ?? '').trim().slice(0, 60);
          return { key, outline: style.outlineStyle + ' ' + style.outlineWidth };
        })()`);
        if (!focused || seen.has(focused.key)) break;
        seen.add(focused.key);
        const [style, width] = focused.outline.split(' ');
        if (style === 'none' || parseFloat(width ?? '0') < 2) {
          unringed.push(`/${path}: ${focused.key} (${focused.outline})`);
        }
      }
      expect(seen.size).toBeGreaterThan(5);
    }
    expect(unringed).toEqual([]);
    await page.close();
  });

  it('a keyboard alone can search, reach a result and open it', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.baseUrl);
    await interactive(page);
    await tabTo(page, 'header a[href$="search"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search$/, { timeout: SETTLE_TIMEOUT_MS });
    await tabTo(page, 'input[type="search"]');
    await page.keyboard.type('istio cni');
    await page.waitForSelector('main [aria-labelledby="results-talks"] a', {
      timeout: SETTLE_TIMEOUT_MS,
    });
    await tabTo(page, 'main section a');
    const href = await page.evaluate('document.activeElement.getAttribute("href")');
    const title = await page.evaluate('document.activeElement.textContent.trim()');
    expect(href).toMatch(/talks\//);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith(String(href).replace(/^\.+/, '')), {
      timeout: SETTLE_TIMEOUT_MS,
    });
    expect((await page.locator('h1').innerText()).trim()).toBe(title);
    await page.close();
  });

  it('a keyboard alone can star a talk, and it appears on My agenda', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}events/${ISTIO_EVENT}`);
    await interactive(page);
    await page.waitForSelector('main button[aria-pressed]:not([disabled])', {
      timeout: SETTLE_TIMEOUT_MS,
    });
    await tabTo(page, 'main button[aria-pressed="false"]');
    const label = await page.evaluate('document.activeElement.getAttribute("aria-label")');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      'document.activeElement?.getAttribute("aria-pressed") === "true"',
      undefined,
      { timeout: SETTLE_TIMEOUT_MS },
    );
    await tabTo(page, 'header a[href$="my"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/my$/, { timeout: SETTLE_TIMEOUT_MS });
    const star = page.locator(`main button[aria-label=${JSON.stringify(label)}]`);
    await star.waitFor({ timeout: SETTLE_TIMEOUT_MS });
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('a keyboard alone reaches and uses the calendar, share and QR code controls', async () => {
    const context = await app.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}talks/${ISTIO_TALK}`);
    await interactive(page);
    await page.waitForSelector('main button[aria-controls]:not([disabled])', {
      timeout: SETTLE_TIMEOUT_MS,
    });

    await tabTo(page, 'main .calendar button');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: SETTLE_TIMEOUT_MS }),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe(`${ISTIO_TALK}.ics`);

    // Sharing copies the link here (no Web Share in headless Chromium), or offers it to copy.
    await tabTo(page, 'main .share button:not([aria-controls])');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      `(document.querySelector('main .share [role="status"]')?.textContent ?? '').trim() !== ''`,
      undefined,
      { timeout: SETTLE_TIMEOUT_MS },
    );

    await tabTo(page, 'main .share button[aria-controls]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('main .share button[aria-expanded="true"]');
    expect(await page.locator('main [role="img"] svg').isVisible()).toBe(true);
    await context.close();
  });
});
