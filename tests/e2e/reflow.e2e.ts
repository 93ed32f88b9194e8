// Reflow: at 320 CSS px width (WCAG 1.4.10) and at 200 % zoom (1.4.4) nothing scrolls sideways
// and nothing is clipped, on every kind of step, with every question's help opened.
//
// 200 % zoom: browser zoom halves the CSS viewport and doubles the device pixels per CSS px, so a
// 1280×800 window at 200 % is exactly a 640×400 CSS px viewport at deviceScaleFactor 2 — which is
// what we emulate (CSS `zoom` on the root would also change how media queries and vw resolve).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PageGuard,
  addressOf,
  baseURL,
  coveringPaths,
  layoutProblems,
  measureLayout,
  openGuardedPage,
  outcomePaths,
  screenshot,
  stepHydrated,
  stepName,
  type Size,
} from './helpers';

const NARROW: readonly Size[] = [
  { name: 'reflow-320x568', width: 320, height: 568, touch: true, mobile: true },
  { name: 'zoom200-1280x800', width: 640, height: 400, touch: false, mobile: false },
];

// Every address on a covering subset of paths (every outcome, every answer — so every label in the
// list of answers given — and every answer-dependent variant of an outcome).
const steps = new Map<string, string>();
for (const p of coveringPaths(outcomePaths(), false)) {
  for (let i = 0; i <= p.answers.length; i++) {
    const given = p.answers.slice(0, i);
    const end = i < p.answers.length ? p.answers[i]!.question : `outcome-${p.outcome}`;
    steps.set(addressOf(given), stepName(given, end));
  }
}

describe.each(NARROW)('$name', (size) => {
  let page: Page;
  let guard: PageGuard;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // No service worker: each step's prerendered page, as a first visit gets it (with the worker in
    // control, steps get its shell page, which the offline suite covers).
    ({ page, guard, close } = await openGuardedPage(size, {
      serviceWorkers: 'block',
      ...(size.mobile ? {} : { deviceScaleFactor: 2 }),
    }));
  });
  afterAll(async () => {
    await close?.();
  });

  test(`no sideways scroll or clipping on ${steps.size} steps`, async () => {
    const problems: string[] = [];
    const shot = new Set<string>();
    for (const [address, name] of steps) {
      await guard.goto(`${baseURL()}${address}`);
      await page.locator('[data-question], [data-outcome]').first().waitFor();
      // The app first (opened evidence renders its quotes only once the step is hydrated), then
      // open every disclosure.
      await stepHydrated(page);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      // Opened evidence loads its chunk and renders the quotes; measure once they are on the page.
      if (await page.locator('[data-evidence]').count()) await page.locator('[data-fact]').first().waitFor();
      const l = await measureLayout(page);
      expect(l.clientWidth).toBe(size.width);
      problems.push(...layoutProblems(l).map((p) => `${address}: ${p}`));
      // One screenshot per kind of step, to look at.
      const kind = name.split('__')[1]!;
      if (!shot.has(kind)) {
        shot.add(kind);
        await screenshot(page, size.name, name);
      }
      guard.check(`${size.name} ${address}`);
    }
    expect(problems).toEqual([]);
  });
});
