// A new release replaces the old one without a stuck cache (issue 7). Two builds of the guide
// that differ only in a release.txt file (so their service workers differ) are served one after
// the other on the same origin (loopback, port 4316). The page under release A learns that B
// is installed and waiting:
// - normally it shows a polite notice, and its button switches to B (new service worker, page
//   reloaded, B's files served even offline);
// - in shop mode it shows nothing and keeps A for the current customer; the reset for the next
//   customer applies B.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ui from '../../content/ja/ui.json';
import { staticHost } from '../../scripts/static-host';
import { appStarted, connect } from './helpers';

const PORT = 4316;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const root = path.resolve('.');
const work = path.join(root, '.tmp', 'e2e-update');

async function buildRelease(name: string): Promise<string> {
  const outDir = path.join(work, name);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // Vitest sets test, which would bundle development React
  try {
    await build({
      root,
      mode: 'production',
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
      plugins: [
        {
          name: 'e2e:release-marker',
          generateBundle() {
            this.emitFile({ type: 'asset', fileName: 'release.txt', source: name });
          },
        },
      ],
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

let releases: Record<'a' | 'b', string>;
let server: PreviewServer | undefined;
let browser: Browser;

async function serve(dir: string): Promise<void> {
  await server?.close();
  server = await preview({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [staticHost()], // each step's own page, as in global-setup.ts
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: PORT, strictPort: true },
  });
}

/** The release the page's service worker serves (release.txt comes from its precache). */
const release = (page: Page) => page.evaluate(() => fetch('/release.txt').then((r) => r.text()));

async function installedRelease(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first service worker does not control the page that installed it: reload once.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
}

async function publishB(page: Page): Promise<void> {
  await serve(releases.b);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)));
}

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  releases = { a: await buildRelease('a'), b: await buildRelease('b') };
  browser = await connect();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A new visitor on release A at `address`, once A's service worker controls the page. */
async function visitReleaseA(address: string): Promise<{ context: BrowserContext; page: Page }> {
  await serve(releases.a);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'ja-JP',
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}${address}`);
  await installedRelease(page);
  await appStarted(page);
  return { context, page };
}

describe('a new release', () => {
  it('is announced politely, and the button switches to it with no stale files', async () => {
    const { context, page } = await visitReleaseA('/change/');
    expect(await release(page)).toBe('a');

    await publishB(page);
    await page.getByText(ui.update.ready).waitFor(); // visible, fixed at the bottom of the screen
    const notice = page.locator('[data-update-notice="ready"]');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toContain(ui.update.ready);
    // Still on the same step, nothing lost while the notice is shown.
    expect(await page.locator('[data-question="certificate"]').count()).toBe(1);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: ui.update.apply }).click()]);
    await page.locator('[data-question="certificate"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/change/');
    expect(await release(page)).toBe('b');
    expect(await page.locator('[data-update-notice="ready"]').count()).toBe(0);

    // The new release works offline on its own files, also on a step not visited under it.
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-question="certificate"]').waitFor();
    expect(await release(page)).toBe('b');
    await page.goto(`${ORIGIN}/en/change/yes/`);
    await page.locator('[data-question="oldPlatform"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await release(page)).toBe('b');
    await context.close();
  });

  it('in shop mode, waits silently and applies at the reset for the next customer', async () => {
    const { context, page } = await visitReleaseA('/?mode=shop');
    await page.locator('[data-question="situation"] [data-answer="lost"]').click();
    await page.locator('[data-question="certificate"]').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/lost/?mode=shop');

    await publishB(page);
    await page.waitForTimeout(500); // time for a notice to appear, if it wrongly would
    expect(await page.locator('[data-update-notice="ready"]').count()).toBe(0);
    expect(await release(page)).toBe('a'); // the customer in front of the counter keeps this release
    expect(await page.locator('[data-question="certificate"]').count()).toBe(1);

    // Until the new release has taken over, the page must request nothing: any request starts
    // the old service worker again, which holds the switch until it idles out (30 s or more).
    // (It was the favicon, fetched again by Chromium on each change of address.)
    const requests: string[] = [];
    let reloading = false;
    page.on('request', (r) => {
      if (r.resourceType() === 'document') reloading = true;
      else if (!reloading) requests.push(r.url());
    });
    const reloaded = page.waitForEvent('load', { timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    await page.getByRole('button', { name: ui.shop.reset }).click();
    const applied = await reloaded;
    expect(requests).toEqual([]);
    expect(applied).toBe(true);
    await page.locator('[data-question="situation"]').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/?mode=shop');
    expect(await release(page)).toBe('b');
    await context.close();
  });
});
