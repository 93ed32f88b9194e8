// The overview map (?view=overview) names every outcome by its title, never by its content key
// (issue 29), whichever way it is opened: at the start, at a question's or an outcome's address,
// by the footer link, after a language switch, and offline after one visit; in every language.
// The outcome words are a lazy chunk that Japanese pages load after the first screen; the
// network here is slow for them (as on a phone), so a map drawn before they arrive is caught.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, plainText } from '../../src/content/i18n';
import {
  addressOf,
  appStarted,
  baseURL,
  keyShapedText,
  openGuardedPage,
  outcomePaths,
  PageGuard,
  screenshot,
  SIZES,
  words,
  type Lang,
} from './helpers';

const SIZE = SIZES[0]!;
const PATHS = outcomePaths();
// A path with a question after the first: its first answer is a question's address, its end an
// outcome's (the lost phone, as in the issue, when it is one).
const PATH =
  PATHS.find((p) => p.outcome === 'lost-suspend' && p.answers.length >= 2) ?? PATHS.find((p) => p.answers.length >= 2)!;
const OUTCOME_CHUNK = /\/assets\/outcomes-[^/]+\.js$/;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const overviewAt = (answers: typeof PATH.answers, lang: Lang) => addressOf(answers, { lang, view: 'overview' });

/** Each outcome leaf of the map: its outcome id and its link's text (ruby readings left out). */
function leaves(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-overview-outcome]')].map((leaf) => {
      const link = (leaf.querySelector('a')?.cloneNode(true) ?? document.createElement('a')) as HTMLElement;
      link.querySelectorAll('rt, rp').forEach((r) => r.remove());
      return [leaf.getAttribute('data-overview-outcome') ?? '', link.textContent ?? ''] as [string, string];
    }),
  );
}

/** Leaves whose text is not their outcome's title in `lang` (empty when the map is right). */
async function wrongLeaves(page: Page, lang: Lang): Promise<string[]> {
  const t = words.getFixedT(lang);
  return (await leaves(page))
    .filter(([outcome, text]) => norm(text) !== norm(plainText(t(`outcomes:${outcome}.title`))))
    .map(([outcome, text]) => `${outcome}: ${JSON.stringify(text)}`);
}

/** Waits for the map in `lang` to settle, then checks every leaf and that no key shows. */
async function expectMap(page: Page, lang: Lang, where: string): Promise<void> {
  await page.waitForURL((u) => u.searchParams.get('view') === 'overview');
  await appStarted(page);
  await page.locator('[data-overview]').waitFor();
  await expect
    .poll(() => page.locator('[data-overview-outcome]').count(), { message: `${where}: leaves` })
    .toBe(PATHS.length);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang), { message: `${where}: <html lang>` })
    .toBe(lang === 'en' ? 'en' : 'ja');
  // Settled: nothing more on its way, and the words stay right.
  await page.waitForLoadState('networkidle');
  await expect.poll(() => wrongLeaves(page, lang), { message: `${where}: outcome titles`, timeout: 5_000 }).toEqual([]);
  expect(await keyShapedText(page), `${where}: text shaped like a content key`).toEqual([]);
}

describe.each(LANGS)('the overview in %s, the outcome words slow to arrive', (lang) => {
  let page: Page;
  let guard: PageGuard;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // No service worker (the offline case is below): every address is the server's page.
    ({ page, guard, close } = await openGuardedPage(SIZE, { serviceWorkers: 'block' }));
    await page.route(OUTCOME_CHUNK, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
  });
  afterAll(() => close?.());

  const open = async (address: string) => {
    await guard.goto(`${baseURL()}${address}`);
    await expectMap(page, lang, address);
    guard.check(address);
  };

  it('at the start (/?view=overview)', async () => {
    await open(overviewAt([], lang));
    await screenshot(page, `${SIZE.name}-overview`, lang);
  });

  it("at a question's address", () => open(overviewAt(PATH.answers.slice(0, 1), lang)));

  it("at an outcome's address", () => open(overviewAt(PATH.answers, lang)));

  it('by the footer link, from an outcome', async () => {
    const outcome = addressOf(PATH.answers, { lang });
    await guard.goto(`${baseURL()}${outcome}`);
    await page.locator(`[data-outcome="${PATH.outcome}"]`).waitFor();
    await appStarted(page);
    await page.waitForLoadState('networkidle');
    const name = plainText(words.getFixedT(lang)('ui:footer.overview'));
    await page.locator('footer').getByRole('link', { name, exact: true }).click();
    await expectMap(page, lang, `${outcome} → footer link`);
    guard.check(`${outcome} → footer link`);
  });

  it('after a language switch', async () => {
    // From the language before it (ja ← easy, en ← ja, easy ← en), its map settled first.
    const from = LANGS[(LANGS.indexOf(lang) + LANGS.length - 1) % LANGS.length]!;
    await guard.goto(`${baseURL()}${overviewAt([], from)}`);
    await expectMap(page, from, `${from} overview`);
    await page.locator(`nav.lang-switch a[href="${overviewAt([], lang)}"]`).click();
    await page.waitForURL((u) => u.pathname === addressOf([], { lang }) && u.searchParams.get('view') === 'overview');
    await expectMap(page, lang, `${from} → ${lang} overview`);
    guard.check(`${from} → ${lang} overview`);
  });
});

describe('the overview offline, after one visit', () => {
  let page: Page;
  let guard: PageGuard;
  let close: () => Promise<void>;
  let context: Awaited<ReturnType<typeof openGuardedPage>>['context'];

  beforeAll(async () => {
    ({ page, guard, close, context } = await openGuardedPage(SIZE, { serviceWorkers: 'allow' }));
    await guard.goto(`${baseURL()}/`);
    await appStarted(page);
    // An active worker has precached every file (it installs before it activates); the pages
    // opened from now on are its.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
  });
  afterAll(async () => {
    await context?.setOffline(false);
    await close?.();
  });

  for (const lang of LANGS) {
    it(`${lang}: at the start and at a question's address`, async () => {
      for (const address of [overviewAt([], lang), overviewAt(PATH.answers.slice(0, 1), lang)]) {
        await guard.goto(`${baseURL()}${address}`);
        await expectMap(page, lang, `offline ${address}`);
        guard.check(`offline ${address}`);
      }
    });
  }
});
