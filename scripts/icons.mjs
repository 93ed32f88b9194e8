// Generates the app icons in public/icons/ from public/favicon.svg, with Chromium (no network):
//   node scripts/icons.mjs
// - icon-192.png, icon-512.png: the favicon as it is (purpose "any", transparent corners);
// - icon-maskable-512.png, apple-touch-icon.png (180): full-bleed background, the glyph inside
//   the maskable safe zone (the central circle of 80 % diameter), so launchers can crop it to any
//   shape and iOS shows no black corners.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public', 'icons');
fs.mkdirSync(path.join(root, '.tmp', 'icons'), { recursive: true });
process.env.TMPDIR = path.join(root, '.tmp', 'icons');

const svg = fs.readFileSync(path.join(root, 'public', 'favicon.svg'), 'utf8');
// Full bleed: the background fills the square, the glyph (everything after the first <rect>)
// shrinks to 80 % around the centre.
const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
const bg = inner.match(/^<rect[^>]*fill="([^"]+)"[^>]*\/>/);
if (!bg) throw new Error('favicon.svg: expected the background <rect> first');
const glyph = inner.slice(bg[0].length);
const fullBleed =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${bg[1]}"/>` +
  `<g transform="translate(32 32) scale(0.8) translate(-32 -32)">${glyph}</g></svg>`;

const targets = [
  ['icon-192.png', svg, 192, true],
  ['icon-512.png', svg, 512, true],
  ['icon-maskable-512.png', fullBleed, 512, false],
  ['apple-touch-icon.png', fullBleed, 180, false],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const [name, source, size, transparent] of targets) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    await page.screenshot({
      path: path.join(outDir, name),
      omitBackground: transparent,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`public/icons/${name} ${size}×${size}`);
  }
} finally {
  await browser.close();
}
