// Addresses in a real browser: a link with unusable parts, Back and Forward, reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PageGuard, SIZES, words, appStarted, baseURL, expectedTitle, givenOf, openGuardedPage } from './helpers';

describe('links and history (phone)', () => {
  let page: Page;
  let guard: PageGuard;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, guard, close } = await openGuardedPage(SIZES[0]!));
  });
  afterAll(async () => {
    await close?.();
  });

  /** Path and query of the current address. */
  const address = () => {
    const u = new URL(page.url());
    return u.pathname + u.search;
  };

  test('an old link with bad parts shows a polite notice and is rewritten to what was kept', async () => {
    await guard.goto(`${baseURL()}/?situation=lost&certificate=maybe&foo=1`);
    const notice = page.locator('[data-notice][role="status"]');
    await notice.waitFor();
    expect((await notice.textContent())?.trim()).not.toBe('');
    expect(await page.locator('[data-question="certificate"]').count()).toBe(1);
    expect(address()).toBe('/lost/');
    expect(await page.title()).toBe(expectedTitle({ question: 'certificate' }, 'ja', givenOf('/lost/')));
    guard.check('bad link');
  });

  test('a step’s own address shows no notice', async () => {
    await guard.goto(`${baseURL()}/lost/yes/`);
    await page.locator('[data-outcome="lost-suspend"]').waitFor();
    await appStarted(page);
    expect(await page.locator('[data-notice]').count()).toBe(0);
    expect(address()).toBe('/lost/yes/');
    guard.check('good link');
  });

  test('Back and Forward move between questions; reload keeps the place', async () => {
    await guard.goto(`${baseURL()}/`);
    await appStarted(page);
    await page.locator('[data-question="situation"] [data-answer="change"]').tap();
    await page.locator('[data-question="certificate"] [data-answer="yes"]').tap();
    await page.locator('[data-question="oldPlatform"]').waitFor();
    expect(address()).toBe('/change/yes/');

    const at = async (question: string, path: string) => {
      await page.locator(`[data-question="${question}"]`).waitFor();
      expect(address()).toBe(path);
      // Generous: on a busy 2-core machine a history step can take more than the default second.
      await expect
        .poll(() => page.title(), { timeout: 5000 })
        .toBe(expectedTitle({ question: question as 'situation' }, 'ja', givenOf(path)));
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('step-heading');
    };
    await page.goBack();
    await at('certificate', '/change/');
    await page.goBack();
    await at('situation', '/');
    await page.goForward();
    await at('certificate', '/change/');
    await page.goForward();
    await at('oldPlatform', '/change/yes/');
    await guard.reload();
    await page.locator('[data-question="oldPlatform"]').waitFor();
    expect(address()).toBe('/change/yes/');
    guard.check('history');
  });

  test('the in-page back link returns to the previous question', async () => {
    await guard.goto(`${baseURL()}/repair/unknown/`);
    await page.locator('[data-question="oldPlatform"]').waitFor();
    await appStarted(page);
    // By its text: Playwright's own accessible-name rules read the phrase breaks (<wbr>) as spaces,
    // which Chromium's, the one screen readers get, does not (tests/e2e/phrase-breaks.e2e.ts).
    await page.locator('.back a', { hasText: words.t('ui:question.back') }).tap();
    await page.locator('[data-question="certificate"]').waitFor();
    expect(address()).toBe('/repair/');
    guard.check('back link');
  });
});
