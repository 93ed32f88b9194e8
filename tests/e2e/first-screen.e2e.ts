// The first screen, for the person in a hurry and the older eye (issue 24), in Chromium:
// - every outcome shows its title and its first numbered step without scrolling, at phone and
//   tablet sizes (the call button too, where there is one);
// - at 200 % zoom (a 195×422 CSS px viewport) the header takes at most a quarter of the screen and
//   the first answer of every question is on the first screen; nothing scrolls sideways at 320 px;
// - a new step opens at its top with focus on its heading, even after a tap low on the page;
// - every control a person taps is at least 44×44 CSS px, in body-size type;
// - axe finds nothing in light and in dark (prefers-color-scheme), and dark is really dark;
// - with JavaScript off there is no button that cannot work.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { entriesFor } from '../../src/content/outcomes';
import { LANGS, type Lang } from '../../src/content/langs';
import {
  addressOf,
  appStarted,
  axeViolations,
  baseURL,
  connect,
  coveringPaths,
  newContext,
  outcomePaths,
  SIZES,
  stepHydrated,
  words,
  type GuidePath,
  type Size,
} from './helpers';

const all = outcomePaths();
const t = (k: string, lng: Lang = 'ja') => words.t(k, { lng }) as string;

/**
 * One path per outcome: the variant whose title and first step are the longest in `lang` (the
 * hardest to fit), with its address in that language.
 */
function onePerOutcome(lang: Lang = 'ja'): GuidePath[] {
  const best = new Map<string, { path: GuidePath; length: number }>();
  for (const p of all) {
    const answers = Object.fromEntries(p.answers.map((a) => [a.question, a.answer]));
    const { steps } = entriesFor(p.outcome, answers);
    const length =
      t(`outcomes:${p.outcome}.title`, lang).length + t(`outcomes:${p.outcome}.steps.${steps[0]!.id}`, lang).length;
    if ((best.get(p.outcome)?.length ?? -1) < length) best.set(p.outcome, { path: p, length });
  }
  return [...best.values()].map((b) =>
    lang === 'ja' ? b.path : { ...b.path, address: addressOf(b.path.answers, { lang }) },
  );
}

const ZOOM200: Size = { name: 'zoom200-195x422', width: 195, height: 422, touch: true, mobile: true };
const NARROW: Size = { name: 'reflow-320x568', width: 320, height: 568, touch: true, mobile: true };

/** Bottom edges (page coordinates) of the first screen's parts, and the viewport height. */
function firstScreen(page: Page) {
  return page.evaluate(() => {
    const bottom = (s: string) => {
      const el = document.querySelector(s);
      return el ? el.getBoundingClientRect().bottom + window.scrollY : null;
    };
    return {
      vh: window.innerHeight,
      scrollY: window.scrollY,
      h1: bottom('h1'),
      step1: bottom('ol.steps > li'),
      call: bottom('.call-now .tel'),
      header: document.querySelector('.site-header')!.getBoundingClientRect().height,
      answer1: bottom('[data-answer]'),
      sideways: document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth,
    };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser?.close();
});

async function open(size: Size, extra: Parameters<typeof newContext>[2] = {}) {
  const context = await newContext(browser, size, { serviceWorkers: 'block', ...extra });
  const page = await context.newPage();
  return { context, page };
}

describe.each(SIZES)('first screen at $name', (size) => {
  test.each([...LANGS])(
    'every outcome shows its title and its first step (and the call button) without scrolling, in %s',
    async (lang) => {
      const { context, page } = await open(size);
      const problems: string[] = [];
      for (const p of onePerOutcome(lang)) {
        await page.goto(`${baseURL()}${p.address}`);
        await page.locator(`[data-outcome="${p.outcome}"] ol.steps > li`).first().waitFor();
        const s = await firstScreen(page);
        if (s.h1! > s.vh) problems.push(`${p.address}: title ends at ${s.h1}`);
        if (s.step1! > s.vh) problems.push(`${p.address}: step 1 ends at ${s.step1} (viewport ${s.vh})`);
        if (s.call !== null && s.call > s.vh) problems.push(`${p.address}: call button ends at ${s.call}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});

describe('shop mode on a 1024×768 tablet', () => {
  test.each([...LANGS])(
    'every outcome shows its title, the QR code and print without scrolling, in %s',
    async (lang) => {
      const { context, page } = await open(SIZES[2]!);
      const problems: string[] = [];
      for (const p of onePerOutcome(lang)) {
        const address = addressOf(p.answers, { lang, mode: 'shop' });
        await page.goto(`${baseURL()}${address}`);
        await page.locator('.handoff .print-button').waitFor();
        const s = await firstScreen(page);
        const qr = await page.evaluate(() => {
          const bottom = (sel: string) => {
            const el = document.querySelector(sel);
            return el ? el.getBoundingClientRect().bottom + window.scrollY : null;
          };
          return { qr: bottom('.handoff-qr'), print: bottom('.handoff .print-button') };
        });
        if (s.h1! > s.vh) problems.push(`${address}: title ends at ${s.h1}`);
        // Step 1 itself is the customer's, on their own phone through the QR code (issue 24 item 8
        // asks for the hand-off and print here); on a tablet it may start below this first screen.
        if (qr.qr === null || qr.qr > s.vh) problems.push(`${address}: QR code ends at ${qr.qr}`);
        if (qr.print! > s.vh) problems.push(`${address}: print button ends at ${qr.print}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});

describe('200 % zoom (195×422 CSS px) and 320 px', () => {
  // Every question, by the first address it is asked at, and one outcome page per outcome.
  const questions = new Map<string, string>();
  for (const p of coveringPaths(all, false))
    p.answers.forEach((a, i) => {
      if (!questions.has(a.question)) questions.set(a.question, addressOf(p.answers.slice(0, i)));
    });

  test('the header takes at most a quarter of the screen; every question’s first answer is on it', async () => {
    const { context, page } = await open(ZOOM200, { deviceScaleFactor: 2 });
    const problems: string[] = [];
    for (const [question, address] of questions) {
      await page.goto(`${baseURL()}${address}`);
      await page.locator(`[data-question="${question}"] [data-answer]`).first().waitFor();
      const s = await firstScreen(page);
      if (s.header > s.vh / 4) problems.push(`${address}: header ${s.header} px of ${s.vh}`);
      if (s.answer1! > s.vh) problems.push(`${address}: first answer ends at ${s.answer1}`);
      if (s.sideways > 0) problems.push(`${address}: scrolls sideways by ${s.sideways}`);
    }
    for (const p of onePerOutcome()) {
      await page.goto(`${baseURL()}${p.address}`);
      await page.locator('[data-outcome]').waitFor();
      const s = await firstScreen(page);
      if (s.header > s.vh / 4) problems.push(`${p.address}: header ${s.header} px of ${s.vh}`);
      if (s.sideways > 0) problems.push(`${p.address}: scrolls sideways by ${s.sideways}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  test('nothing scrolls sideways at 320 px, on every outcome', async () => {
    const { context, page } = await open(NARROW);
    const problems: string[] = [];
    for (const p of onePerOutcome()) {
      await page.goto(`${baseURL()}${p.address}`);
      await page.locator('[data-outcome]').waitFor();
      const s = await firstScreen(page);
      if (s.sideways > 0) problems.push(`${p.address}: scrolls sideways by ${s.sideways}`);
      if (s.step1! > s.vh + 400) problems.push(`${p.address}: step 1 ends at ${s.step1}`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});

describe('moving on', () => {
  test('a new step opens at its top with focus on its heading, after a tap low on the page', async () => {
    const { context, page } = await open(SIZES[0]!);
    await page.goto(`${baseURL()}/`);
    await stepHydrated(page);
    // The last answer of the first question is below the fold: scroll to it and tap.
    const last = page.locator('[data-question] [data-answer]').last();
    await last.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY), 'the tapped answer was low on the page').toBeGreaterThan(100);
    const value = await last.getAttribute('data-answer');
    await last.tap();
    await page.waitForFunction((v) => !document.querySelector(`[data-answer="${v}"]`), value);
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // And on the way back (the browser's Back).
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.goBack();
    await page.locator('[data-question="situation"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });
});

/** Every control a person taps that is under 44×44 CSS px or in type smaller than body size (16 px). */
function smallControls(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll(
      'button, summary, [data-answer], [data-action], .button, .lang-switch a, .back a, .summary-action a, .call-now .tel, .site-name',
    );
    for (const el of controls) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      const size = parseFloat(style.fontSize);
      if (r.width < 44 || r.height < 44 || size < 16)
        out.push(
          `${el.tagName.toLowerCase()}.${(el as HTMLElement).className} "${(el.textContent ?? '').trim().slice(0, 20)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)} ${size}px`,
        );
    }
    return out;
  });
}

describe('targets and type for older hands', () => {
  test.each([
    ['an outcome', '/change/yes/android/usable/iphone/supported/'],
    ['an outcome in shop mode', '/change/yes/android/usable/iphone/supported/?mode=shop'],
    ['a question', '/change/'],
  ])('every control on %s is at least 44×44 px in body-size type', async (_name, address) => {
    for (const size of [SIZES[0]!, SIZES[2]!]) {
      const { context, page } = await open(size);
      await page.goto(`${baseURL()}${address}`);
      await stepHydrated(page);
      if (address.includes('shop')) await page.locator('.handoff .print-button').waitFor();
      else if (address.includes('iphone')) await page.locator('.print-button').waitFor();
      expect(await smallControls(page), `${size.name} ${address}`).toEqual([]);
      await context.close();
    }
  });
});

describe('light and dark', () => {
  const pages = ['/', '/change/yes/', '/lost/yes/', '/change/yes/android/usable/iphone/supported/'];
  test.each(['light', 'dark'] as const)('axe finds nothing in %s, and the page follows the scheme', async (scheme) => {
    for (const size of [SIZES[0]!, SIZES[2]!]) {
      const { context, page } = await open(size, { colorScheme: scheme });
      for (const address of [...pages, `${pages[3]}?mode=shop`]) {
        await page.goto(`${baseURL()}${address}`);
        await appStarted(page);
        if (address.includes('shop')) await page.locator('.handoff .print-button').waitFor();
        // Open every disclosure, so the evidence and help texts are checked too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        if (await page.locator('[data-evidence]').count()) await page.locator('[data-fact]').first().waitFor();
        expect(await axeViolations(page), `${scheme} ${size.name} ${address}`).toEqual([]);
        // The page itself follows the scheme (axe alone would pass a light page in dark mode).
        const lightness = await page.evaluate(() => {
          const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number) as [
            number,
            number,
            number,
          ];
          return (r + g + b) / 3;
        });
        if (scheme === 'dark') expect(lightness, `${address} background`).toBeLessThan(60);
        else expect(lightness, `${address} background`).toBeGreaterThan(200);
      }
      await context.close();
    }
  });

  test('color-scheme is declared (CSS and meta), so form controls and scroll bars follow', async () => {
    const { context, page } = await open(SIZES[0]!, { colorScheme: 'dark' });
    await page.goto(`${baseURL()}/`);
    expect(await page.locator('meta[name="color-scheme"]').getAttribute('content')).toBe('light dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light dark');
    await context.close();
  });
});

describe('without JavaScript', () => {
  test('no button is shown that cannot work', async () => {
    const { context, page } = await open(SIZES[0]!, { javaScriptEnabled: false });
    for (const address of ['/', '/change/yes/android/usable/iphone/supported/', '/lost/yes/']) {
      await page.goto(`${baseURL()}${address}`);
      await page.locator('[data-question], [data-outcome]').first().waitFor();
      const buttons = await page.locator('button:visible').evaluateAll((els) => els.map((e) => e.textContent));
      expect(buttons, address).toEqual([]);
    }
    // The same page with JavaScript does show the print button (the check above can fail).
    await context.close();
    const live = await open(SIZES[0]!);
    await live.page.goto(`${baseURL()}/change/yes/android/usable/iphone/supported/`);
    await appStarted(live.page);
    await live.page.getByRole('button', { name: t('ui:shop.print') }).waitFor();
    await live.context.close();
  });
});
