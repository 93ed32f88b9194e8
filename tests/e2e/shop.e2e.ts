// Shop counter mode in Chromium at both tablet sizes: a whole counter session by touch (taps
// counted), axe and layout checks in shop mode, the QR code decoded with jsQR from a real
// screenshot and opened on a "phone", the reset that leaves nothing in the page, the history or
// storage, and the printout: one A4 page per outcome with controls hidden.
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesFor } from '../../src/content/outcomes';
import {
  addressOf,
  appStarted,
  axeViolations,
  baseURL,
  connect,
  layoutProblems,
  measureLayout,
  newContext,
  outcomePaths,
  PageGuard,
  screenshot,
  SIZES,
  words,
  type GuidePath,
} from './helpers';

const t = (k: string, o?: Record<string, unknown>) => words.t(k, { lng: 'ja', ...o }) as string;
const TABLETS = SIZES.filter((s) => s.name.startsWith('tablet'));
const all = outcomePaths();

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser?.close();
});

/** Decode the QR code in a PNG screenshot: the browser decodes the PNG, jsQR reads the pixels. */
async function decodeScreenshot(page: Page, png: Buffer): Promise<string | null> {
  const { width, height, data } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

async function tapAnswer(page: Page, question: string, answer: string) {
  await page
    .locator(`[data-question="${question}"]`)
    .getByRole('link', { name: t(`questions:${question}.answers.${answer}`), exact: true })
    .tap();
}

/** Path and query of the page's address. */
function address(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe.each(TABLETS)('shop mode at $name', (size) => {
  it('a whole counter session by touch: answer, hand off by QR, reset; nothing of the customer is left', async () => {
    const context = await newContext(browser, size);
    const page = await context.newPage();
    const guard = new PageGuard(page, new URL(baseURL()).origin);
    const path = all.find(
      (p) => p.outcome === 'change-revoke-old-then-setup' && p.answers.some((a) => a.answer === 'android'),
    )!;
    await guard.goto(`${baseURL()}/?mode=shop`);
    const reset = page.getByRole('button', { name: t('ui:shop.reset') });
    await reset.waitFor();
    await appStarted(page);
    const historyAtStart = await page.evaluate(() => history.length);
    expect(await axeViolations(page)).toEqual([]);
    expect(layoutProblems(await measureLayout(page))).toEqual([]);
    await screenshot(page, `shop-${size.name}`, 'start');

    let taps = 0;
    for (const { question, answer } of path.answers) {
      // Counter-sized touch targets: every answer at least 56 px tall.
      for (const box of await page
        .locator('[data-answer]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
        expect(box).toBeGreaterThanOrEqual(56);
      await tapAnswer(page, question, answer);
      taps++;
    }
    await page.locator(`[data-outcome="${path.outcome}"]`).waitFor();
    expect(await page.evaluate(() => history.length), 'each answer is an entry of this customer').toBe(
      historyAtStart + path.answers.length,
    );
    expect(address(page)).toBe(addressOf(path.answers, { mode: 'shop' }));
    // The tablet's Back goes to the previous question of the same customer, Forward returns.
    await page.goBack();
    await page.locator(`[data-question="${path.answers.at(-1)!.question}"]`).waitFor();
    expect(address(page)).toBe(addressOf(path.answers.slice(0, -1), { mode: 'shop' }));
    await page.goForward();
    await page.locator(`[data-outcome="${path.outcome}"]`).waitFor();

    // The hand-off: the QR code, read from a real screenshot.
    const qr = page.getByRole('img', { name: /QR/ });
    await qr.waitFor();
    const qrBox = (await qr.boundingBox())!;
    expect(qrBox.width, 'QR code large enough to scan across the counter').toBeGreaterThanOrEqual(240);
    expect(await axeViolations(page)).toEqual([]);
    expect(layoutProblems(await measureLayout(page))).toEqual([]);
    await screenshot(page, `shop-${size.name}`, 'outcome');
    const decoded = await decodeScreenshot(page, await qr.screenshot());
    expect(decoded).toBe(`${baseURL()}${path.address}`);

    // The customer's phone opens it: the same outcome, not in shop mode.
    const phone = await newContext(browser, SIZES[0]!);
    const phonePage = await phone.newPage();
    await phonePage.goto(decoded!);
    await phonePage.locator(`[data-outcome="${path.outcome}"]`).waitFor();
    expect(await phonePage.locator('.shop, [data-action="reset"]').count()).toBe(0);
    await phone.close();

    // Next customer.
    await reset.tap();
    taps++;
    await page.locator('[data-question="situation"]').waitFor();
    expect(address(page)).toBe('/?mode=shop');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    const text = await page.locator('body').innerText();
    for (const { question, answer } of path.answers.slice(1))
      expect(text, 'no previous answer on the page').not.toContain(t(`questions:${question}.answers.${answer}`));
    expect(text).not.toContain(t(`outcomes:${path.outcome}.title`));
    expect(await page.locator('[data-print-qr], svg[role="img"]').count()).toBe(0);
    // Back reaches the previous customer's entries only as the counter's first question: never an answer.
    for (let i = 0; i < path.answers.length; i++) {
      await page.goBack();
      await expect.poll(() => address(page)).toBe('/?mode=shop');
      await page.locator('[data-question="situation"]').waitFor();
      const after = await page.locator('body').innerText();
      expect(after).not.toContain(t(`outcomes:${path.outcome}.title`));
      for (const { question, answer } of path.answers.slice(1))
        expect(after, 'no previous answer after Back').not.toContain(t(`questions:${question}.answers.${answer}`));
    }
    expect(taps).toBe(path.answers.length + 1);
    console.log(
      `${size.name}: a full counter session took ${taps} taps (${path.answers.length} answers + 次のお客様へ)`,
    );
    guard.check(`shop session at ${size.name}`);
    await context.close();
  });

  it('on an outcome the hand-off is on the first screen of a landscape tablet; the clerk sees when to stop', async () => {
    const context = await newContext(browser, size);
    const page = await context.newPage();
    // Android -> iPhone at the counter: the trade-in the issue was about.
    await page.goto(`${baseURL()}/change/yes/android/usable/iphone/supported/?mode=shop`);
    const handoff = page.getByRole('region', { name: t('ui:shop.handoffHeading') });
    await handoff.waitFor();
    const top = (l: ReturnType<Page['locator']>) => l.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const lastStep = page.locator('[data-step]').last();
    expect(await page.locator('[data-step]').first().getAttribute('data-step')).toBe('revokeOnOldAndroid');
    if (size.width >= 900) {
      // A panel beside the steps: the QR code and 印刷 are on the first screen, next to step 1.
      const bottom = (l: ReturnType<Page['locator']>) => l.evaluate((el) => el.getBoundingClientRect().bottom);
      const print = handoff.getByRole('button', { name: t('ui:shop.print') });
      expect(await bottom(page.getByRole('img', { name: /QR/ }))).toBeLessThanOrEqual(size.height);
      expect(await bottom(print)).toBeLessThanOrEqual(size.height);
      expect(await top(handoff)).toBeLessThan(await bottom(page.locator('[data-step]').first()));
    } else {
      // Portrait: after the steps.
      expect(await top(lastStep)).toBeLessThan(await top(handoff));
    }
    // The stop rule is above the steps, where the clerk reads first.
    const stop = page.locator('[data-shop-stop="revoke"]');
    expect(await top(stop)).toBeLessThan(await top(page.locator('[data-step]').first()));
    expect(await handoff.innerText()).toContain(t('ui:shop.handoffBody').slice(0, 12));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `shop-${size.name}`, 'android-to-iphone');
    await context.close();
  });

  it('the inactivity warning is accessible and looks right', async () => {
    const context = await newContext(browser, size);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${baseURL()}/repair/?mode=shop`);
    await page.getByRole('button', { name: t('ui:shop.reset') }).waitFor();
    await page.clock.fastForward('03:00');
    const dialog = page.getByRole('alertdialog', { name: t('ui:shop.idleTitle') });
    await dialog.waitFor();
    await page.clock.fastForward(5_000);
    await expect.poll(() => dialog.getByRole('timer').innerText()).toBe(t('ui:shop.idleCount', { seconds: 25 }));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `shop-${size.name}`, 'idle-warning');
    await page.clock.fastForward(26_000);
    await page.locator('[data-question="situation"]').waitFor();
    expect(address(page)).toBe('/?mode=shop');
    await context.close();
  });
});

describe('printing', () => {
  /**
   * For each outcome, the variant with the most words (its shown title, lead, steps and notes in
   * Japanese, counted from the content without a browser), then the five wordiest of those: the
   * ones most likely to need a second page. Every path was checked once by hand with page.pdf in
   * both modes; this keeps the run short.
   */
  function longestPerOutcome(): GuidePath[] {
    const longest = new Map<string, { path: GuidePath; length: number }>();
    for (const p of all) {
      const answers = Object.fromEntries(p.answers.map((a) => [a.question, a.answer]));
      const { steps, notes, commonNotes } = entriesFor(p.outcome, answers);
      const keys = [
        `outcomes:${p.outcome}.title`,
        `outcomes:${p.outcome}.lead`,
        ...steps.map((e) => `outcomes:${p.outcome}.steps.${e.id}`),
        ...notes.map((e) => `outcomes:${p.outcome}.notes.${e.id}`),
        ...commonNotes.map((e) => `outcomes:common.notes.${e.id}`),
      ];
      const length = keys.reduce((n, k) => n + t(k).length, 0) + p.answers.length * 20;
      if ((longest.get(p.outcome)?.length ?? 0) < length) longest.set(p.outcome, { path: p, length });
    }
    // The five wordiest across all outcomes: the ones that could need a second page.
    return [...longest.values()]
      .sort((a, b) => b.length - a.length)
      .slice(0, 5)
      .map((v) => v.path);
  }

  it('the wordiest outcomes print on one A4 page, with the QR code and no controls', async () => {
    const context = await newContext(browser, TABLETS[0]!);
    const page = await context.newPage();
    const paths = longestPerOutcome();
    for (const [i, p] of paths.entries()) {
      const mode = i % 2 === 0 ? '?mode=shop' : '';
      await page.goto(`${baseURL()}${p.address}${mode}`);
      await appStarted(page);
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', '');
      });
      await page.getByRole('button', { name: /印刷/ }).click();
      await page.locator('body[data-printed]').waitFor({ state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('button:visible, .summary-action a:visible, footer:visible, nav:visible').count()).toBe(
        0,
      );
      await expect.poll(() => page.locator('[data-print-qr] svg').isVisible()).toBe(true);
      // A checklist: a box to tick beside each step, the day it was printed, room for the shop's note.
      const boxes = await page.locator('ol.steps > li').evaluateAll((lis) =>
        lis.map((li) => {
          const after = getComputedStyle(li, '::after');
          return parseFloat(after.width) > 10 && parseFloat(after.borderTopWidth) > 0;
        }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.every(Boolean), 'a tick box beside every step').toBe(true);
      expect(await page.locator('[data-print-date]').isVisible()).toBe(true);
      expect(await page.locator('[data-print-date]').innerText()).toMatch(/印刷した日：\d{4}年/);
      expect(await page.locator('[data-print-note]').isVisible()).toBe(true);
      expect(
        await page
          .locator('.official a[href^="http"]')
          .first()
          .evaluate((a) => getComputedStyle(a, '::after').content),
      ).toContain('http');
      if (i === 0) {
        // (before page.pdf(): its afterprint event removes the printout's QR code)
        await page.setViewportSize({ width: 794, height: 1123 });
        await screenshot(page, 'print', p.outcome);
        await page.setViewportSize({ width: TABLETS[0]!.width, height: TABLETS[0]!.height });
      }
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(pdf), `${p.address}${mode} fits one A4 page`).toBe(1);
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });
});
