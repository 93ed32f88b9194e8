// Keyboard only: a whole path with Tab and Enter (answers are links: Enter follows a link, Space
// scrolls), Space on a disclosure. After each answer, focus is on the new step's heading and a
// polite live region announces the new step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PageGuard,
  addressOf,
  appStarted,
  baseURL,
  expectedTitle,
  openGuardedPage,
  outcomePaths,
  type Size,
} from './helpers';

const KEYBOARD: Size = { name: 'keyboard-1024x768', width: 1024, height: 768, touch: false, mobile: false };

describe('keyboard only', () => {
  let page: Page;
  let guard: PageGuard;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, guard, close } = await openGuardedPage(KEYBOARD));
  });
  afterAll(async () => {
    await close?.();
  });

  /** Presses Tab until `selector` has focus (at most `limit` times); returns the presses used. */
  async function tabTo(selector: string, limit = 40): Promise<number> {
    for (let i = 1; i <= limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    }
    throw new Error(`Tab never reached ${selector} in ${limit} presses`);
  }

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { id: el?.id ?? '', tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '' };
    });

  const liveRegion = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[role="status"][aria-live="polite"]')]
        .filter((el) => !el.hasAttribute('data-notice'))
        .map((el) => el.textContent ?? ''),
    );

  // The longest path: every question is asked.
  const path = outcomePaths().reduce((a, b) => (b.answers.length > a.answers.length ? b : a));

  test(`completes ${path.address} with Tab and Enter`, async () => {
    await guard.goto(`${baseURL()}/`);
    await page.locator('[data-question]').first().waitFor();
    await appStarted(page);
    // The live region is in the page from the start (a region added later is not announced) and is silent.
    expect(await liveRegion()).toEqual(['']);

    // The first Tab reaches the skip link, and it is visible when focused.
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { href: el.getAttribute('href'), visible: r.top >= 0 && r.bottom <= innerHeight && r.width > 0 };
    });
    expect(skip).toEqual({ href: '#main', visible: true });

    let n = 0;
    const given: typeof path.answers = [];
    for (const { question, answer } of path.answers) {
      const selector = `[data-question="${question}"] [data-answer="${answer}"]`;
      await tabTo(selector);
      // A keyboard user sees where focus is.
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      });
      expect(ring, `focus ring on ${selector}`).toBe(true);
      await page.keyboard.press('Enter');
      n++;
      given.push({ question, answer });
      await page.waitForURL((u) => u.pathname === addressOf(given));
      const next = n < path.answers.length ? { question: path.answers[n]!.question } : { outcome: path.outcome };
      const selectorOfNext = next.question ? `[data-question="${next.question}"]` : `[data-outcome="${next.outcome}"]`;
      await page.locator(selectorOfNext).waitFor();
      const title = expectedTitle(next, 'ja', given);
      await expect.poll(() => page.title()).toBe(title);
      const f = await focused();
      expect(f.id, `focus after answering ${question}`).toBe('step-heading');
      expect(f.tag).toBe('H1');
      expect(await page.locator(`${selectorOfNext} h1#step-heading`).count()).toBe(1);
      await expect.poll(liveRegion).toEqual([title]);
      guard.check(`keyboard after ${question}=${answer}`);
    }
  });

  test('goes back a question with the keyboard, focus on its heading', async () => {
    const [first, second] = path.answers;
    await guard.goto(`${baseURL()}${addressOf([first!])}`);
    await page.locator(`[data-question="${second!.question}"]`).waitFor();
    await appStarted(page);
    await tabTo('.back a');
    await page.keyboard.press('Enter');
    await page.locator(`[data-question="${first!.question}"]`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const f = await focused();
    expect(f.id).toBe('step-heading');
    await expect.poll(liveRegion).toEqual([expectedTitle({ question: first!.question }, 'ja', [])]);
    guard.check('keyboard back');
  });

  test('opens and closes a question help with the keyboard', async () => {
    await guard.goto(`${baseURL()}/`);
    await page.locator('[data-question]').first().waitFor();
    await appStarted(page);
    await tabTo('details.help summary');
    const open = () => page.locator('details.help').evaluate((d) => (d as HTMLDetailsElement).open);
    await page.keyboard.press('Enter');
    expect(await open()).toBe(true);
    await page.keyboard.press('Space');
    expect(await open()).toBe(false);
    guard.check('keyboard help');
  });
});
