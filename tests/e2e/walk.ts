// Walks paths through the built guide by tapping, from the first screen, at one size, and audits
// every distinct step it passes (axe, title, lang, target size, reflow, console/network) once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PageGuard,
  addressOf,
  appStarted,
  axeViolations,
  baseURL,
  expectedTitle,
  firstQuestion,
  keyShapedText,
  layoutProblems,
  measureLayout,
  openGuardedPage,
  screenshot,
  startOf,
  stepName,
  type GuidePath,
  type Lang,
  type PathStep,
  type Size,
} from './helpers';

/**
 * `every: 'url'` audits every distinct address (each path prefix); `every: 'screen'` audits every
 * distinct screen — the step plus its rendered text apart from the "your answers" list, which is
 * the only part that differs between addresses showing the same question or outcome variant.
 * Layout, title and lang are checked at every distinct address either way.
 */
export function defineWalk(size: Size, paths: readonly GuidePath[], every: 'url' | 'screen', lang: Lang = 'ja') {
  const label = `${lang}, ${paths.length} paths tapped, axe on every distinct ${every === 'url' ? 'address' : 'screen'}`;
  const shots = lang === 'ja' ? size.name : `${size.name}-${lang}`;
  describe(`${size.name}: ${label}`, () => {
    let close: () => Promise<void>;
    let page: Page;
    let guard: PageGuard;
    const audited = new Set<string>();
    const screens = new Set<string>();
    // Where the time goes (printed at the end; the run must stay within a few minutes on 2 cores).
    const ms = { axe: 0, screenshot: 0, checks: 0, total: 0 };
    const timed = async <T>(what: keyof typeof ms, f: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      try {
        return await f();
      } finally {
        ms[what] += performance.now() - t0;
      }
    };

    beforeAll(async () => {
      // No service worker: with it in control, every page but / would be its shell page, whose app
      // starts only after a 1.5 s wait for a first paint (offline.e2e.ts covers the shell).
      ({ page, guard, close } = await openGuardedPage(size, { serviceWorkers: 'block' }));
    });

    afterAll(async () => {
      await close?.();
      console.log(
        `[e2e] ${size.name} ${lang}: ${paths.length} paths walked, ${audited.size} distinct addresses checked, ${screens.size} screens audited with axe and saved; ` +
          Object.entries(ms)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
            .join(', '),
      );
    });

    async function audit(
      given: readonly PathStep[],
      step: { question?: PathStep['question']; outcome?: GuidePath['outcome'] },
    ) {
      const { pathname } = new URL(page.url());
      if (audited.has(pathname)) return;
      audited.add(pathname);
      const where = `${size.name} ${pathname}`;
      const layout = await timed('checks', () => measureLayout(page));
      expect(layout.lang, `${where}: <html lang>`).toBe(lang === 'en' ? 'en' : 'ja');
      expect(layout.title, `${where}: <title>`).toBe(expectedTitle(step, lang, given));
      expect(layoutProblems(layout), `${where}: layout`).toEqual([]);
      expect(await timed('checks', () => keyShapedText(page)), `${where}: text shaped like a content key`).toEqual([]);
      const key = every === 'url' ? pathname : await timed('checks', () => screenKey(page));
      if (screens.has(key)) return guard.check(where);
      screens.add(key);
      const violations = await timed('axe', () => axeViolations(page));
      expect(violations, `${where}: axe violations\n${violations.join('\n')}`).toEqual([]);
      await timed('screenshot', () =>
        screenshot(page, shots, stepName(given, step.question ?? `outcome-${step.outcome}`)),
      );
      guard.check(where);
    }

    test.each(paths.map((p) => [addressOf(p.answers, { lang }), p] as const))('tap %s', (_address, path) =>
      timed('total', () => walk(path)),
    );

    async function walk(path: GuidePath) {
      await guard.goto(`${baseURL()}${startOf(lang)}`);
      await page.locator(`[data-question="${firstQuestion()}"]`).waitFor();
      // Tap the app's answers (moved in place), not the prerendered page's plain links.
      await appStarted(page);
      const given: PathStep[] = [];
      for (const { question, answer } of path.answers) {
        const step = page.locator(`[data-question="${question}"]`);
        await step.waitFor();
        await audit(given, { question });
        // A link (<a href>, role link) to the next step's page.
        await step.locator(`a[href][data-answer="${answer}"]`).tap();
        given.push({ question, answer });
        // The address follows every answer: the next step's own page (one history entry each).
        await page.waitForURL((u) => u.pathname === addressOf(given, { lang }) && u.search === '');
      }
      await expect.poll(() => page.locator(`[data-outcome="${path.outcome}"]`).count()).toBe(1);
      await audit(given, { outcome: path.outcome });
      guard.check(`${size.name} ${addressOf(path.answers, { lang })}`);
    }
  });
}

/**
 * What a screen shows, apart from the list of answers given and the note that certificate=unknown
 * adds (the one difference from certificate=yes, a note like every other): so the same outcome
 * reached with yes or unknown is audited once.
 */
function screenKey(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    main.querySelectorAll('.summary dl, [data-note="howToCheckCertificate"]').forEach((el) => el.remove());
    const step = document.querySelector('[data-question], [data-outcome]');
    const id = step?.getAttribute('data-question') ?? `outcome:${step?.getAttribute('data-outcome')}`;
    return `${id}|${main.textContent}`;
  });
}
