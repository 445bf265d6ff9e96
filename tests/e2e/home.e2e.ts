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

  it('lists every compiled event', async () => {
    const bundle = readBuiltBundle();
    expect(bundle.events.length, 'the compiled bundle holds no events').toBeGreaterThan(0);

    const page = await app.browser.newPage();
    await page.goto(app.baseUrl);
    const listed = (
      await page.getByRole('list', { name: 'Events' }).getByRole('heading').allTextContents()
    ).map(normalizeSpace);

    expect(listed).toHaveLength(bundle.events.length);
    for (const event of bundle.events) expect(listed).toContain(normalizeSpace(event.title));
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
