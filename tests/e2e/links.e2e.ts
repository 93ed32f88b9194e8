// Addresses in a real browser: a link with unusable parts, Back and Forward, reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PageGuard, SIZES, words, baseURL, expectedTitle, openGuardedPage } from './helpers';

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

  const search = () => new URL(page.url()).search;

  test('a link with bad parts shows a polite notice and is rewritten to what was kept', async () => {
    await guard.goto(`${baseURL()}/?situation=lost&certificate=maybe&foo=1`);
    const notice = page.locator('[data-notice][role="status"]');
    await notice.waitFor();
    expect((await notice.textContent())?.trim()).not.toBe('');
    expect(await page.locator('[data-question="certificate"]').count()).toBe(1);
    expect(search()).toBe('?situation=lost');
    expect(await page.title()).toBe(expectedTitle({ question: 'certificate' }));
    guard.check('bad link');
  });

  test('a good link shows no notice', async () => {
    await guard.goto(`${baseURL()}/?situation=lost&certificate=yes`);
    await page.locator('[data-outcome="lost-suspend"]').waitFor();
    expect(await page.locator('[data-notice]').count()).toBe(0);
    guard.check('good link');
  });

  test('Back and Forward move between questions; reload keeps the place', async () => {
    await guard.goto(`${baseURL()}/`);
    await page.locator('[data-question="situation"] [data-answer="change"]').tap();
    await page.locator('[data-question="certificate"] [data-answer="yes"]').tap();
    await page.locator('[data-question="oldPlatform"]').waitFor();
    expect(search()).toBe('?situation=change&certificate=yes');

    const at = async (question: string, query: string) => {
      await page.locator(`[data-question="${question}"]`).waitFor();
      expect(search()).toBe(query);
      // Generous: on a busy 2-core machine a history step can take more than the default second.
      await expect
        .poll(() => page.title(), { timeout: 5000 })
        .toBe(expectedTitle({ question: question as 'situation' }));
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5000 }).toBe('step-heading');
    };
    await page.goBack();
    await at('certificate', '?situation=change');
    await page.goBack();
    await at('situation', '');
    await page.goForward();
    await at('certificate', '?situation=change');
    await page.goForward();
    await at('oldPlatform', '?situation=change&certificate=yes');
    await guard.reload();
    await page.locator('[data-question="oldPlatform"]').waitFor();
    expect(search()).toBe('?situation=change&certificate=yes');
    guard.check('history');
  });

  test('the in-page back link returns to the previous question', async () => {
    await guard.goto(`${baseURL()}/?situation=repair&certificate=unknown`);
    await page.locator('[data-question="oldPlatform"]').waitFor();
    await page.getByRole('link', { name: words.t('ui:question.back') }).tap();
    await page.locator('[data-question="certificate"]').waitFor();
    expect(search()).toBe('?situation=repair');
    guard.check('back link');
  });
});
