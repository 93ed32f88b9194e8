// Once the service worker controls a tab, a step opened in it gets shell.html (the app renders
// the address), but the site's other files open as themselves (vite.config.ts,
// navigateFallbackDenylist): sitemap.xml, robots.txt, the manifests, the icons, 404.html, sw.js,
// _headers, byte for byte the built file, from the precache or the network.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseURL, connect } from './helpers';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await connect();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'ja-JP',
    serviceWorkers: 'allow',
  });
  page = await context.newPage();
  await page.goto(`${baseURL()}/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first page was loaded before the worker existed: a reload puts the tab under its control.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shell = () => fs.readFileSync(path.join(inject('distDir'), 'shell.html'));
/** The ASCII bytes of a file, as text. */
const ascii = (b: Buffer) => b.toString('latin1').replace(/[\x80-\xff]/g, '');

/** Opens an address in the controlled tab as a navigation; its status, origin and bytes. */
async function open(address: string) {
  const response = await page.goto(`${baseURL()}${address}`);
  if (!response) throw new Error(`${address}: no response`);
  return { status: response.status(), fromWorker: response.fromServiceWorker(), body: await response.body() };
}

describe('navigations in a tab the service worker controls', () => {
  it('a step never visited gets the shell (the worker is in control)', async () => {
    const r = await open('/lost/yes/');
    expect(r.fromWorker).toBe(true);
    expect(r.body.equals(shell())).toBe(true);
    await page.locator('[data-outcome="lost-suspend"]').waitFor();
  });

  it.each([
    ['/sitemap.xml', 200],
    ['/robots.txt', 200],
    ['/manifest.webmanifest', 200],
    ['/manifest-shop.webmanifest', 200],
    ['/favicon.svg', 200],
    ['/icons/icon-192.png', 200],
    ['/sw.js', 200],
    ['/404.html', 200],
    ['/_headers', 200],
  ])('%s opens as the file itself, not the shell', async (address, status) => {
    let r: Awaited<ReturnType<typeof open>>;
    try {
      r = await open(address);
    } catch (e) {
      // A file of no type the browser shows (_headers) is a download: then it came from the
      // server, not the shell. Read it the way the download would have.
      if (!/Download is starting/.test(String(e))) throw e;
      const res = await page.request.get(`${baseURL()}${address}`);
      r = { status: res.status(), fromWorker: false, body: await res.body() };
    }
    const file = fs.readFileSync(path.join(inject('distDir'), address.slice(1)));
    expect(r.status, address).toBe(status);
    const where = `${address} (${r.fromWorker ? 'from the worker' : 'from the network'})`;
    expect(r.body.equals(shell()), `${where}: the shell`).toBe(false);
    // _headers has no type: Chromium shows it as text in a guessed encoding, and its body is that
    // text (its one non-ASCII character re-encoded). The other files: byte for byte.
    if (address === '/_headers') expect(ascii(r.body), where).toBe(ascii(file));
    else expect(r.body.equals(file), `${where}: the built file`).toBe(true);
  });
});
