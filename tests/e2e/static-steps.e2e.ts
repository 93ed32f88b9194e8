// Deep links paint a static copy of their step (dist/s/, scripts/prerender.ts) before the app's
// script has arrived. With that script blocked, the steps of covering paths open on their static
// copy alone (every outcome and every answer, in every language): the right step, its title and
// language, shown (not hidden).
// Then, with the script, the app takes over the same screen with nothing doubled.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/content/i18n';
import type { OutcomeId, QuestionId } from '../../src/machine/questions';
import { baseURL, connect, coveringPaths, expectedTitle, firstQuestion, outcomePaths, searchOf } from './helpers';

let browser: Browser;
let context: BrowserContext;
let page: Page;

type Step = { search: string; question?: QuestionId; outcome?: OutcomeId };

/** Every step after the first: each prefix of each path, with what it must show. */
function steps(paths = outcomePaths()): Step[] {
  const out = new Map<string, Step>();
  for (const p of paths) {
    p.answers.forEach((_, i) => {
      const search = searchOf(p.answers.slice(0, i + 1));
      const next = p.answers[i + 1];
      out.set(search, next ? { search, question: next.question } : { search, outcome: p.outcome });
    });
  }
  return [...out.values()];
}

/**
 * In every language, the first question and the steps of a covering subset (every outcome and
 * every answer); every file is checked against the machine in tests/unit/static-steps.test.ts.
 */
function coveringSteps(lang: string): Step[] {
  const all = [{ search: '', question: firstQuestion() }, ...steps(coveringPaths(outcomePaths(), false))];
  // The other languages' copies differ from Japanese only in the words: their outcomes suffice.
  return lang === 'ja' ? all : all.filter((s) => s.search === '' || s.outcome);
}

beforeAll(async () => {
  browser = await connect();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'ja-JP',
    serviceWorkers: 'block',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('static copies of the steps, before the app has loaded', () => {
  for (const lang of LANGS) {
    it(`the first question and the steps of covering paths open on a static copy alone (${lang})`, async () => {
      await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort('blockedbyclient'));
      const all = coveringSteps(lang);
      for (const step of all) {
        const search = lang === 'ja' ? step.search : `${step.search || '?'}${step.search ? '&' : ''}lang=${lang}`;
        await page.goto(`${baseURL()}/${search}`);
        const hook = step.question ? `[data-question="${step.question}"]` : `[data-outcome="${step.outcome}"]`;
        await page.locator(hook).waitFor({ state: 'visible', timeout: 5000 });
        expect(await page.locator('[data-question], [data-outcome]').count(), search).toBe(1);
        expect(await page.title(), search).toBe(expectedTitle(step, lang));
        expect(await page.evaluate(() => document.documentElement.lang), search).toBe(lang === 'en' ? 'en' : 'ja');
        expect(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), search).toBe(false);
      }
      await page.unroute(/\/assets\/index-[^/]+\.js$/);
      expect(all.length).toBeGreaterThan(lang === 'ja' ? 20 : 10);
    });
  }

  it('then the app takes the screen over, with nothing doubled and no console error', async () => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseURL()}/?situation=lost&certificate=yes`);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
    await page.locator('[data-outcome="lost-suspend"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-outcome]').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    // The app's own screen works: its answer summary's Change link moves to the question.
    await page.locator('[data-outcome] a[href="?situation=lost"]').first().click();
    await page.locator('[data-question="certificate"]').waitFor();
    expect(errors).toEqual([]);
  });
});
