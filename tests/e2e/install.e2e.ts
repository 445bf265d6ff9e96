import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, launchProfile, startSite, type Profile, type Site } from './harness';

/** The parts of the web app manifest this test reads. */
interface WebAppManifest {
  icons: { src: string; sizes: string; purpose?: string }[];
  shortcuts: { url: string }[];
}

describe('installing the app', () => {
  let site: Site;
  let profile: Profile;

  beforeAll(async () => {
    site = await startSite(BUILD_DIR);
    profile = await launchProfile();
  });

  afterAll(async () => {
    await profile?.close();
    await site?.stop();
  });

  it('is installable: Chromium reports no installability or manifest errors', async () => {
    const page = await profile.context.newPage();
    await page.goto(site.baseUrl);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

    const devtools = await profile.context.newCDPSession(page);
    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    const manifest = await devtools.send('Page.getAppManifest');
    await devtools.detach();

    expect(installabilityErrors).toEqual([]);
    expect(manifest.url).toBe(`${site.baseUrl}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    await page.close();
  });

  it('ships every icon and shortcut target the manifest names', async () => {
    const manifestText = readFileSync(path.join(BUILD_DIR, 'manifest.webmanifest'), 'utf8');
    const manifest = JSON.parse(manifestText) as WebAppManifest;
    const manifestUrl = `${site.baseUrl}manifest.webmanifest`;
    const purposes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(purposes).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );

    const page = await profile.context.newPage();
    const targets = [
      ...manifest.icons.map((icon) => icon.src),
      ...manifest.shortcuts.map((s) => s.url),
    ];
    for (const target of targets) {
      const response = await page.request.get(new URL(target, manifestUrl).href);
      expect(response.status(), target).toBe(200);
    }
    await page.close();
  });
});
