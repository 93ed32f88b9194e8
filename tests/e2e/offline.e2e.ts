// Works without a network (issue 7): visit once, wait for the service worker, cut the network
// (context.setOffline), reload, and walk to an outcome in every language; steps never visited
// (the worker serves them shell.html, the app renders the address), old links and the shop-mode
// page also open offline. Along the way: no request to another origin, no CSP violation, no
// console error. Also checks the two web app manifests and their icons.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/content/i18n';
import ui from '../../content/ja/ui.json';
import { appStarted, baseURL, connect, expectedTitle, PageGuard } from './helpers';

const WALK: [string, string][] = [
  ['situation', 'change'],
  ['certificate', 'yes'],
  ['oldPlatform', 'android'],
  ['oldPhone', 'usable'],
  ['newPlatform', 'iphone'],
  ['newPhone', 'supported'],
];
const WALK_OUTCOME = 'change-revoke-old-then-setup';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let guard: PageGuard;

async function walkToOutcome(p: Page): Promise<string | null> {
  await appStarted(p);
  for (const [q, a] of WALK) {
    const link = p.locator(`[data-question="${q}"] [data-answer="${a}"]`);
    await link.waitFor();
    await link.click();
  }
  const outcome = p.locator('[data-outcome]');
  await outcome.waitFor();
  return outcome.getAttribute('data-outcome');
}

async function cspViolations(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

beforeAll(async () => {
  browser = await connect();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'ja-JP',
    serviceWorkers: 'allow',
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  page = await context.newPage();
  guard = new PageGuard(page, new URL(baseURL()).origin);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('offline after one visit', () => {
  it('installs the service worker on the first visit, which precaches every file', async () => {
    await guard.goto(`${baseURL()}/`);
    await page.locator('[data-question="situation"]').waitFor();
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const keys = await caches.keys();
      let urls: string[] = [];
      for (const k of keys)
        urls = urls.concat((await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname));
      return { script: reg.active?.scriptURL ?? '', urls };
    });
    expect(sw.script).toMatch(/\/sw\.js$/);
    expect(sw.urls).toContain('/index.html');
    // The page for every other step, offline (navigateFallback); not 597 prerendered pages.
    expect(sw.urls).toContain('/shell.html');
    expect(sw.urls.filter((u) => u.endsWith('.html')).sort()).toEqual(['/index.html', '/shell.html']);
    // Every language's words and the lazy screens are in the cache, not only what was visited.
    const chunks = sw.urls.filter((u) => u.startsWith('/assets/'));
    expect(chunks.filter((u) => /\/outcomes-[^/]+\.js$/.test(u)).length).toBe(LANGS.length);
    expect(chunks.some((u) => /\/OutcomeView-[^/]+\.js$/.test(u))).toBe(true);
    expect(chunks.some((u) => /\/Overview-[^/]+\.js$/.test(u))).toBe(true);
    expect(chunks.some((u) => /\/ShopControls-[^/]+\.js$/.test(u))).toBe(true);
    guard.check('first visit');
  });

  it('reloads with no network and walks to an outcome in Japanese', async () => {
    await context.setOffline(true);
    await guard.reload();
    await page.locator('[data-question="situation"]').waitFor();
    expect(await walkToOutcome(page)).toBe(WALK_OUTCOME);
    expect(new URL(page.url()).pathname).toBe(`/${WALK.map(([, a]) => `${a}/`).join('')}`);
    expect(await cspViolations(page)).toEqual([]);
    guard.check('offline, ja');
  });

  for (const lang of LANGS.filter((l) => l !== 'ja')) {
    it(`walks to an outcome in /${lang}/ with no network`, async () => {
      await guard.goto(`${baseURL()}/${lang}/`);
      await page.locator('[data-question="situation"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'en' ? 'en' : 'ja');
      expect(await walkToOutcome(page)).toBe(WALK_OUTCOME);
      expect(await cspViolations(page)).toEqual([]);
      guard.check(`offline, ${lang}`);
    });
  }

  it('opens steps never visited, a question and an outcome in other languages, with no network', async () => {
    const steps = [
      { address: '/easy/moved/', lang: 'easy', question: 'certificate' },
      { address: '/en/repair/unknown/iphone/', lang: 'en', question: 'oldPhone' },
      { address: '/en/lost/yes/', lang: 'en', outcome: 'lost-suspend' },
      { address: '/easy/cardLost/', lang: 'easy', outcome: 'card-lost' },
    ] as const;
    for (const step of steps) {
      const response = await page.goto(`${baseURL()}${step.address}`);
      expect(response?.fromServiceWorker(), step.address).toBe(true);
      const hook = 'question' in step ? `[data-question="${step.question}"]` : `[data-outcome="${step.outcome}"]`;
      await page.locator(hook).waitFor();
      await appStarted(page);
      // The worker's shell page (no prerendered step in it), rendered by the app from the address.
      expect(await page.locator('#root').getAttribute('data-path'), step.address).toBeNull();
      expect(new URL(page.url()).pathname).toBe(step.address);
      expect(await page.locator('[data-question], [data-outcome]').count()).toBe(1);
      await expect.poll(() => page.title()).toBe(expectedTitle(step, step.lang));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(step.lang === 'en' ? 'en' : 'ja');
      expect(await cspViolations(page)).toEqual([]);
    }
    guard.check('offline steps never visited');
  });

  it('opens an old query-string link offline, rewritten to its step', async () => {
    await guard.goto(`${baseURL()}/?situation=lost&certificate=yes&lang=en`);
    await page.locator('[data-outcome="lost-suspend"]').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/en/lost/yes/');
    expect(await cspViolations(page)).toEqual([]);
    guard.check('offline old link');
  });

  it('opens shop mode and the overview with no network', async () => {
    await guard.goto(`${baseURL()}/?mode=shop`);
    await page.locator('[data-question="situation"]').waitFor();
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest-shop.webmanifest');
    await guard.goto(`${baseURL()}/?view=overview`);
    await page.locator('main h1').first().waitFor();
    expect(await cspViolations(page)).toEqual([]);
    guard.check('offline shop mode and overview');
    await context.setOffline(false);
  });
});

describe('installable', () => {
  it.each([
    ['manifest.webmanifest', '/'],
    ['manifest-shop.webmanifest', '/?mode=shop'],
  ])('%s starts at %s and has PNG icons 192, 512 and maskable', async (file, start) => {
    const res = await page.request.get(`${baseURL()}/${file}`);
    expect(res.ok()).toBe(true);
    const m = (await res.json()) as {
      start_url: string;
      id: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(m.start_url).toBe(start);
    expect(m.id).toBe(start);
    expect(m.display).toBe('standalone');
    const has = (sizes: string, purpose: string) => m.icons.some((i) => i.sizes === sizes && i.purpose === purpose);
    expect(has('192x192', 'any') && has('512x512', 'any') && has('512x512', 'maskable')).toBe(true);
    for (const icon of m.icons) {
      const img = await page.request.get(`${baseURL()}${icon.src}`);
      expect(img.headers()['content-type'], icon.src).toMatch(/^image\/png/);
      const png = await img.body();
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
    }
  });
});

describe('with no network and no service worker yet', () => {
  it('says the outcome could not be loaded and offers a reload, never a blank page', async () => {
    const fresh = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ja-JP',
      serviceWorkers: 'block',
    });
    const p = await fresh.newPage();
    // The outcome chunks cannot be fetched (as when the network drops before they arrive).
    await p.route(/\/assets\/(OutcomeView|outcomes)-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await p.goto(`${baseURL()}/`);
    await appStarted(p);
    await p.locator('[data-question="situation"] [data-answer="lost"]').click();
    await p.locator('[data-question="certificate"] [data-answer="yes"]').click();
    const failed = p.locator('[data-load-failed]');
    await failed.waitFor();
    expect(await failed.getByRole('heading', { level: 1 }).textContent()).toBe(ui.loadFailed.body);
    expect(await failed.getByRole('button', { name: ui.loadFailed.retry }).isVisible()).toBe(true);
    await fresh.close();
  });

  it('follows the link of an answer tapped on a prerendered step before the app has started', async () => {
    const fresh = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'ja-JP',
      serviceWorkers: 'block',
    });
    const p = await fresh.newPage();
    // The app's script is slow to arrive (as on a cheap phone on a slow line), long enough for
    // the taps below to come first even on a busy machine.
    await p.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    // A mark on the window: gone after a page load, kept if the app moved in place.
    const mark = () => p.evaluate(() => Object.assign(window, { __samePage: true }));
    const samePage = () => p.evaluate(() => '__samePage' in window);
    await p.goto(`${baseURL()}/`, { waitUntil: 'commit' });
    await p.locator('[data-question="situation"] [data-answer="lost"]').waitFor();
    await mark();
    await p.locator('[data-question="situation"] [data-answer="lost"]').click();
    // The tap is not lost: the page opens that answer's address, the next step's own page.
    await p.locator('[data-question="certificate"]').waitFor();
    expect(new URL(p.url()).pathname).toBe('/lost/');
    expect(await samePage()).toBe(false);
    // The same on a deeper step, in English.
    await p.goto(`${baseURL()}/en/change/`, { waitUntil: 'commit' });
    await p.locator('[data-question="certificate"] [data-answer="yes"]').waitFor();
    await mark();
    await p.locator('[data-question="certificate"] [data-answer="yes"]').click();
    await p.locator('[data-question="oldPlatform"]').waitFor();
    expect(new URL(p.url()).pathname).toBe('/en/change/yes/');
    expect(await samePage()).toBe(false);
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
    await fresh.close();
  });
});
