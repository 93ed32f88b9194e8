// Screenshots from WebKit at phone and tablet sizes, of the first question and an outcome, saved
// under .tmp/webkit/screens/ for people to look at beside Chromium's (the viewport, and the
// next two screens scrolled). What a screenshot would show going wrong is
// asserted: nothing wider than the screen, answers at least 44×44, the h1 on the first screen.
// With WEBKIT_COMPARE=1, Chromium (playwright-core) takes the same screens at the same size and
// device pixel ratio (1, as MiniBrowser's) into .tmp/webkit/chromium/, and the boxes of the
// main parts are printed side by side: what differs between the engines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser';
import { PHONE, SHOTS_DIR, Session, TABLET, baseURL, type Step } from './webkit';

const COMPARE = process.env.WEBKIT_COMPARE === '1';
const CHROMIUM_DIR = resolve('.tmp/webkit/chromium');

const PAGES: [string, string, Step][] = [
  ['start', '/', { question: 'situation' }],
  [
    'outcome-android-to-iphone',
    '/change/yes/android/usable/iphone/supported/',
    { outcome: 'change-revoke-old-then-setup' },
  ],
];

/** Layout facts, measured in the page (the same measures tests/webkit/chromium-screens.mjs takes). */
function measure() {
  const box = (sel: string) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)];
  };
  const vw = document.documentElement.clientWidth;
  const small: string[] = [];
  for (const el of document.querySelectorAll('[data-answer], [data-action]')) {
    const r = el.getBoundingClientRect();
    if (r.width < 44 || r.height < 44) small.push(`${el.getAttribute('data-answer')} ${r.width}×${r.height}`);
  }
  const wide: string[] = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .skip-link, [hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) wide.push(`${el.tagName.toLowerCase()}.${el.className}`);
  }
  const h1 = document.querySelector('h1')!.getBoundingClientRect();
  return {
    scroll: [document.scrollingElement!.scrollWidth, document.scrollingElement!.clientWidth],
    height: document.scrollingElement!.scrollHeight,
    small,
    wide: wide.slice(0, 10),
    h1OnFirstScreen: h1.top >= 0 && h1.bottom <= innerHeight,
    boxes: {
      header: box('.site-header'),
      h1: box('h1'),
      firstAnswer: box('[data-answer]'),
      help: box('details.help'),
      firstStep: box('[data-step]'),
      summary: box('.summary'),
      footer: box('.site-footer'),
    },
    font: getComputedStyle(document.querySelector('h1')!).fontFamily,
  };
}

let browser: Browser | undefined;
beforeAll(async () => {
  if (COMPARE) browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** The same page in Chromium: the same screenshots and measures; returns the measures. */
async function inChromium(size: typeof PHONE, name: string, address: string) {
  const context = await browser!.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1,
    locale: 'ja-JP',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${baseURL()}${address}`);
  await page.locator('html[data-app]').waitFor({ state: 'attached' });
  const dir = resolve(CHROMIUM_DIR, size.name);
  mkdirSync(dir, { recursive: true });
  const m = await page.evaluate(measure);
  for (let i = 0; i < 3; i++) {
    await page.evaluate((y) => scrollTo(0, y), i * size.height);
    await page.screenshot({ path: resolve(dir, `${i === 0 ? name : `${name}-${i}`}.png`), animations: 'disabled' });
  }
  await context.close();
  return m;
}

describe.each([PHONE, TABLET])('screens at $name', (size) => {
  let s: Session;
  beforeAll(async () => {
    s = await Session.open(size);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(PAGES)('%s', async (name, address, step) => {
    await s.goto(address, step);
    await s.js(() => scrollTo(0, 0));
    const m = await s.js(measure);
    mkdirSync(resolve(SHOTS_DIR, size.name), { recursive: true });
    writeFileSync(resolve(SHOTS_DIR, size.name, `${name}.json`), JSON.stringify(m, null, 2));
    // WebDriver's screenshots are of the viewport (WebKitGTK's of <html> too): the first screen,
    // and the next two scrolled a screen further each.
    for (let i = 0; i < 3; i++) {
      await s.js((y: number) => scrollTo(0, y), i * size.height);
      await s.screenshot(i === 0 ? name : `${name}-${i}`);
    }
    expect(m.scroll[0], `${address}: nothing wider than the screen`).toBeLessThanOrEqual(m.scroll[1]!);
    expect(m.wide, `${address}: outside the viewport`).toEqual([]);
    expect(m.small, `${address}: answers smaller than 44×44`).toEqual([]);
    expect(m.h1OnFirstScreen, `${address}: the h1 on the first screen`).toBe(true);
    await s.check(address);
    if (!COMPARE) return;
    const c = await inChromium(size, name, address);
    const rows = Object.keys(m.boxes).map((k) => {
      const [w, b] = [m.boxes[k as keyof typeof m.boxes], c.boxes[k as keyof typeof c.boxes]];
      return `  ${k.padEnd(12)} webkit ${JSON.stringify(w)}  chromium ${JSON.stringify(b)}`;
    });
    console.log(
      `[webkit] ${size.name} ${address}: page height webkit ${m.height}, chromium ${c.height}\n${rows.join('\n')}\n  h1 font webkit ${m.font} | chromium ${c.font}`,
    );
  });
});
