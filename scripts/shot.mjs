// Ad-hoc screenshots for looking at screens: node scripts/shot.mjs "<query>" out.png [width] [height]
import { chromium } from 'playwright-core';
import { preview } from 'vite';
const [query = '', out = 'artifacts/shot.png', w = '390', h = '844'] = process.argv.slice(2);
const port = Number(process.env.PORT ?? 4180);
const server = await preview({
  build: { outDir: process.env.DIST ?? 'dist' },
  preview: { port, host: '127.0.0.1' },
  logLevel: 'silent',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`http://127.0.0.1:${port}/${query}`);
if (process.env.WAIT) await page.locator(process.env.WAIT).first().waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: !process.env.CLIP });
if (process.env.CLIP)
  for (let i = 1; i < Number(process.env.CLIP); i++) {
    await page.mouse.wheel(0, +h - 80);
    await page.waitForTimeout(100);
    await page.screenshot({ path: out.replace('.png', `-${i}.png`) });
  }
await browser.close();
await server.close();
