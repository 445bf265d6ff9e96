import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltBundle, startApp, type App } from './harness';

/** The narrowest phone the layout must fit without sideways scrolling. */
const NARROW_VIEWPORT = { width: 360, height: 740 };

/** Collapses runs of white space, as HTML rendering does. */
function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('the home page', () => {
  let app: App;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('links every compiled event by its title', async () => {
    const bundle = readBuiltBundle();
    expect(bundle.events.length, 'the compiled bundle holds no events').toBeGreaterThan(0);

    const page = await app.browser.newPage();
    await page.goto(app.baseUrl);
    const listed = (await page.locator('main').getByRole('link').allTextContents()).map(
      normalizeSpace,
    );

    expect(listed).toHaveLength(bundle.events.length);
    for (const event of bundle.events) expect(listed).toContain(normalizeSpace(event.title));
    await page.close();
  });

  it('puts past events under their year, newest year first, and undated events last', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.baseUrl);
    const headings = (await page.locator('main').getByRole('heading').allTextContents()).map(
      normalizeSpace,
    );
    // The seed events all happened in 2018–2022; one deck has no date at all.
    expect(headings).toEqual([
      'Events',
      'Upcoming',
      'Past events',
      '2022',
      '2021',
      '2018',
      'Date unknown',
    ]);
    const years = page.getByRole('list', { name: 'Events: 2021' });
    expect(normalizeSpace(await years.innerText())).toContain('Istio Meetup China');
    await page.close();
  });

  it('gives each event its date, city, format and number of talks', async () => {
    const page = await app.browser.newPage();
    await page.goto(app.baseUrl);
    const istio = page.getByRole('listitem').filter({ hasText: 'Istio Meetup China' });
    expect(normalizeSpace(await istio.innerText())).toBe(
      'Istio Meetup China Sat, 10 Jul 2021 Beijing Offline 7 talks',
    );
    await page.close();
  });

  it('fits a 360px wide screen without horizontal scrolling', async () => {
    const context = await app.browser.newContext({ viewport: NARROW_VIEWPORT });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(NARROW_VIEWPORT.width);
    await context.close();
  });
});
