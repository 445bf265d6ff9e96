/**
 * `npm run icons` — renders the app icon, `static/icons/icon.svg`, into the PNGs the web app
 * manifest and iOS need, with the same headless Chromium the end-to-end tests use (no image
 * library, no download). Run it after editing the SVG and commit the PNGs it writes.
 *
 * - `icon-192.png`, `icon-512.png`: the icon as drawn, rounded corners transparent.
 * - `maskable-512.png`: full-bleed background, the glyph scaled into the maskable safe zone (a
 *   centred circle of 40 % of the size), so any launcher mask (circle, squircle) keeps all of it.
 * - `apple-touch-icon.png` (180 px): opaque and square; iOS rounds the corners itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'static',
  'icons',
);
const SOURCE = path.join(ICONS_DIR, 'icon.svg');

/** The SVG's coordinate system: `viewBox="0 0 512 512"`. */
const VIEWBOX_SIZE = 512;
/** The glyph's farthest corner is ~180 units from the centre; ×0.85 keeps it inside 204.8. */
const MASKABLE_GLYPH_SCALE = 0.85;
/** iOS shows the icon on its own background, with no mask to leave room for. */
const APPLE_GLYPH_SCALE = 0.95;

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

interface Output {
  file: string;
  size: number;
  svg: string;
}

/** The parts of `icon.svg` the variants are made of; fails when the drawing lost its ids. */
function readParts(svg: string): { background: string; glyph: string } {
  const background = /<rect id="background"[^>]*\/>/.exec(svg)?.[0];
  const glyph = /<g id="glyph">[\s\S]*?<\/g>/.exec(svg)?.[0];
  if (!background || !glyph) {
    throw new Error(
      `${SOURCE} must contain <rect id="background" … /> and <g id="glyph">…</g>; ` +
        'keep those ids when editing the drawing.',
    );
  }
  return { background, glyph };
}

/** A square, full-bleed variant: the background without its rounded corners, the glyph scaled. */
function fullBleed(parts: { background: string; glyph: string }, scale: number): string {
  const centre = VIEWBOX_SIZE / 2;
  const background = parts.background.replace(/\srx="[^"]*"/, '');
  const glyph = parts.glyph.replace(
    '<g id="glyph">',
    `<g id="glyph" transform="translate(${centre} ${centre}) scale(${scale}) translate(${-centre} ${-centre})">`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEWBOX_SIZE} ${VIEWBOX_SIZE}">${background}${glyph}</svg>`;
}

function outputs(svg: string): Output[] {
  const parts = readParts(svg);
  return [
    { file: 'icon-192.png', size: 192, svg },
    { file: 'icon-512.png', size: 512, svg },
    { file: 'maskable-512.png', size: 512, svg: fullBleed(parts, MASKABLE_GLYPH_SCALE) },
    { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(parts, APPLE_GLYPH_SCALE) },
  ];
}

async function main(): Promise<void> {
  const svg = await readFile(SOURCE, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || DEFAULT_CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const output of outputs(svg)) {
      const page = await browser.newPage({
        viewport: { width: output.size, height: output.size },
        deviceScaleFactor: 1,
      });
      const sized = output.svg.replace(
        '<svg ',
        `<svg width="${output.size}" height="${output.size}" `,
      );
      await page.setContent(`<!doctype html><body style="margin:0">${sized}</body>`);
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      await writeFile(path.join(ICONS_DIR, output.file), png);
      await page.close();
      process.stdout.write(`static/icons/${output.file} (${output.size}×${output.size})\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
