// Links that never break, in the browser: an address the guide published before a change to the
// flow (src/machine/published-addresses.json, src/machine/successors.ts) opens the step it leads
// to now, with JavaScript off (the build's redirect page: meta refresh, no script) and on, and in
// every language. tests/unit/links-register.test.ts follows every registered address on the files.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, successorOf } from '../../src/app/published';
import '../../src/content/langs';
import { baseURL, connect, newContext, SIZES } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser?.close();
});

/** One retired address per language and per kind of change (a split answer, a reordered question, a reroute). */
function samples() {
  const picked = new Map<string, { path: string; next: string; step: string }>();
  for (const e of PUBLISHED) {
    const next = successorOf(e);
    if (next.path === e.path) continue;
    const kind = e.answers.oldPhone === 'gone' ? 'gone' : e.step !== next.step ? 'reroute' : 'reorder';
    const key = `${e.lang} ${kind}`;
    if (!picked.has(key)) picked.set(key, { path: e.path, next: next.path, step: next.step });
  }
  return [...picked.entries()];
}

describe('a published address that is no longer a step', () => {
  it('the register has retired addresses of each kind in each language (the checks below can fail)', () => {
    expect(samples().length).toBeGreaterThanOrEqual(9);
  });

  it.each(samples())('%s: %o opens its successor, with JavaScript off and on', async (_kind, s) => {
    for (const javaScriptEnabled of [false, true]) {
      const context = await newContext(browser, SIZES[0]!, { javaScriptEnabled, serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        const res = await page.goto(`${baseURL()}${s.path}`);
        expect(res?.status(), s.path).toBe(200);
        await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(s.next);
        const [kind, id] = s.step.split(':');
        await page.locator(`[data-${kind}="${id}"]`).waitFor();
        expect(await page.locator('[data-not-found]').count()).toBe(0);
      } finally {
        await context.close();
      }
    }
  });
});
