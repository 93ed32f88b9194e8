// Offline after one visit, in WebKit: the first visit installs the service worker, which
// precaches the app; then the server is gone (closed, as if the network were), and a reload
// and a walk to an outcome still work. The site is served here by a preview server of this
// file's own (its own origin, so no other file's worker is in the way), stopped half-way.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { startPreview } from './global-setup';
import { PHONE, Session, hook, poll } from './webkit';

const WALK: [string, string][] = [
  ['situation', 'lost'],
  ['certificate', 'yes'],
];

let s: Session;
let server: PreviewServer | undefined;
let origin: string;
beforeAll(async () => {
  ({ server, url: origin } = await startPreview(inject('distDir'), [4320, 4329]));
  s = await Session.open(PHONE, origin);
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('offline after one visit', () => {
  it('the service worker installs, and with the server gone the guide still opens and walks', async (ctx) => {
    await s.goto('/', { question: 'situation' });
    const sw = await s.driver.executeScript<{ supported: boolean; active: string; cached: number } | null>(`
      if (!('serviceWorker' in navigator)) return { supported: false, active: '', cached: 0 };
      const ready = navigator.serviceWorker.ready.then(async (reg) => {
        let cached = 0;
        for (const k of await caches.keys()) cached += (await (await caches.open(k)).keys()).length;
        return { supported: true, active: reg.active ? reg.active.scriptURL : '', cached };
      });
      return Promise.race([ready, new Promise((r) => setTimeout(() => r(null), 15000))]);
    `);
    if (!sw?.supported || !sw.active) {
      const why = !sw ? 'navigator.serviceWorker.ready did not settle in 15 s' : 'no navigator.serviceWorker';
      console.warn(`[webkit] SKIPPED offline: the service worker does not run in MiniBrowser (${why})`);
      ctx.skip(`the service worker does not run in MiniBrowser (${why})`);
      return;
    }
    expect(sw.active).toMatch(/\/sw\.js$/);
    // Precached: every script and style, the first page, shell.html (vite.config.ts).
    expect(sw.cached).toBeGreaterThan(10);
    // The worker controls the page once it has claimed it (after a reload at the latest).
    await s.driver.navigate().refresh();
    await s.until({ question: 'situation' });
    expect(
      await poll(
        () => s.js(() => navigator.serviceWorker.controller !== null),
        (v) => v,
      ),
      'the worker controls the page',
    ).toBe(true);

    // No network: the server is gone.
    await server!.close();
    server = undefined;
    expect(
      await fetch(`${origin}/`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
    await s.driver.navigate().refresh();
    await s.until({ question: 'situation' }, '/');
    await s.collect();
    for (const [i, [question, answer]] of WALK.entries()) {
      const next = WALK[i + 1];
      await s.tap(
        `${hook({ question: question as 'situation' })} a[data-answer="${answer}"]`,
        next ? { question: next[0] as 'certificate' } : { outcome: 'lost-suspend' },
        i === 0 ? '/lost/' : '/lost/yes/',
        'ja',
      );
    }
    // A step never visited, opened by address: the worker's shell page, the app renders it.
    await s.goto('/en/repair/', { question: 'certificate' });
    expect(
      await s.js(() => document.getElementById('root')!.hasAttribute('data-path')),
      "the worker answered (shell.html), not a server (the step's own page)",
    ).toBe(false);
    await s.check('offline');
  });
});
