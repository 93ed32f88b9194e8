// Every step is a page of its own (scripts/prerender.ts), served as a static host would
// (scripts/static-host.ts). Here, over HTTP and in the browser:
// - with JavaScript off, answers, back and language links are plain links through real pages;
// - old query-string links land on the same step and are rewritten to its path;
// - an address that is no step gets 404 and the not-found page; a missing final slash, a redirect;
// - what a crawler or a link preview reads (no script run): title, h1, description, canonical,
//   hreflang, Open Graph, the sitemap and robots.txt;
// - with JavaScript, the app hydrates the prerendered step (no hydration error, nothing doubled).
// Every page is checked against the machine's words in tests/unit; this covers the HTTP view.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LANGS, plainText } from '../../src/content/i18n';
import type { OutcomeId, QuestionId } from '../../src/machine/questions';
import { siteOrigin } from '../../scripts/prerender';
import {
  PageGuard,
  addressOf,
  appStarted,
  baseURL,
  connect,
  coveringPaths,
  expectedHeading,
  expectedTitle,
  givenOf,
  firstQuestion,
  outcomePaths,
  startOf,
  stepHydrated,
  words,
  type GuidePath,
  type Lang,
  type PathStep,
  newContext,
  SIZES,
} from './helpers';

type Step = { question?: QuestionId; outcome?: OutcomeId };
type PageOf = Step & { lang: Lang; address: string; ja: string; en: string };

/** Words as plain text (ruby keeps its base text, like accessible names and the built head). */
const t = (lang: Lang, key: string) => plainText(words.t(key, { lng: lang }));
const htmlLang = (lang: Lang) => (lang === 'en' ? 'en' : 'ja');
const hook = (s: Step) => (s.question ? `[data-question="${s.question}"]` : `[data-outcome="${s.outcome}"]`);

/** Every step the machine can reach, in every language, from the paths (not from the build). */
function allPages(): Map<string, PageOf> {
  const out = new Map<string, PageOf>();
  for (const p of outcomePaths())
    for (let i = 0; i <= p.answers.length; i++) {
      const given = p.answers.slice(0, i);
      const step: Step = i < p.answers.length ? { question: p.answers[i]!.question } : { outcome: p.outcome };
      for (const lang of LANGS) {
        const address = addressOf(given, { lang });
        out.set(address, { ...step, lang, address, ja: addressOf(given), en: addressOf(given, { lang: 'en' }) });
      }
    }
  return out;
}

/** One path to each outcome (the shortest): every outcome screen, fewer answers than covering. */
function oneToEachOutcome(paths: readonly GuidePath[]): GuidePath[] {
  const best = new Map<OutcomeId, GuidePath>();
  for (const p of paths)
    if ((best.get(p.outcome)?.answers.length ?? Infinity) > p.answers.length) best.set(p.outcome, p);
  return [...best.values()];
}

let browser: Browser;
beforeAll(async () => {
  browser = await connect();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone-sized context with one guarded page (extra: JavaScript off, no service worker…). */
async function phonePage(extra: Parameters<Browser['newContext']>[0]) {
  const context = await newContext(browser, SIZES[0]!, extra);
  const page = await context.newPage();
  return { context, page, guard: new PageGuard(page, new URL(baseURL()).origin) };
}

describe('with JavaScript off', () => {
  let context: BrowserContext;
  let page: Page;
  let guard: PageGuard;
  beforeAll(async () => {
    ({ context, page, guard } = await phonePage({ javaScriptEnabled: false }));
  });
  afterAll(async () => {
    await context?.close();
  });

  /** What the page shows, read in one go (each round trip to the browser costs on two cores). */
  const facts = () =>
    page.evaluate(() => {
      const h1 = [...document.querySelectorAll('h1')].map((h) => {
        const c = h.cloneNode(true) as HTMLElement;
        c.querySelectorAll('rt, .term-meaning').forEach((e) => e.remove());
        return (c.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
      const steps = [...document.querySelectorAll('[data-question], [data-outcome]')].map((e) =>
        e.hasAttribute('data-question')
          ? `question:${e.getAttribute('data-question')}`
          : `outcome:${e.getAttribute('data-outcome')}`,
      );
      // Every answer is a link, with the address it leads to.
      const answers = Object.fromEntries(
        [...document.querySelectorAll('[data-answer]')].map((a) => [
          a.getAttribute('data-answer'),
          a.tagName === 'A' ? a.getAttribute('href') : `<${a.tagName.toLowerCase()}>`,
        ]),
      );
      return {
        address: location.pathname + location.search,
        steps,
        h1,
        title: document.title,
        lang: document.documentElement.lang,
        app: document.documentElement.hasAttribute('data-app'),
        answers,
      };
    });

  /** The page shows `step` in `lang`, at its own address: one step, its h1, title and lang. */
  async function expectStep(step: Step, lang: Lang, address: string) {
    const f = await facts();
    expect({ ...f, answers: undefined }, address).toEqual({
      address,
      steps: [step.question ? `question:${step.question}` : `outcome:${step.outcome}`],
      h1: [expectedHeading(step, lang, givenOf(address))],
      title: expectedTitle(step, lang, givenOf(address)),
      lang: htmlLang(lang),
      app: false, // the prerendered page itself
      answers: undefined,
    });
    return f.answers;
  }

  /**
   * From the language's first page, follow the answers' links down the tree of `paths`, each link
   * once: Back (the browser's own, from its cache) returns to a step with more answers to follow.
   */
  async function walk(paths: readonly GuidePath[], lang: Lang) {
    type Node = { answers: PathStep[]; step: Step; next: Map<string, Node> };
    const root: Node = { answers: [], step: { question: firstQuestion() }, next: new Map() };
    for (const p of paths) {
      let node = root;
      p.answers.forEach((a, i) => {
        const following = p.answers[i + 1];
        const step: Step = following ? { question: following.question } : { outcome: p.outcome };
        if (!node.next.has(a.answer)) node.next.set(a.answer, { answers: [...node.answers, a], step, next: new Map() });
        node = node.next.get(a.answer)!;
      });
    }
    let taps = 0;
    const visit = async (node: Node, address: string) => {
      const links = await expectStep(node.step, lang, address);
      for (const [answer, child] of node.next) {
        const to = addressOf(child.answers, { lang });
        expect(links[answer], `${address} ${answer}`).toBe(to);
        await page.locator(`${hook(node.step)} a[data-answer="${answer}"]`).click();
        await page.waitForURL(`${baseURL()}${to}`);
        taps++;
        await visit(child, to);
        await page.goBack();
        await page.waitForURL(`${baseURL()}${address}`);
      }
    };
    await guard.goto(`${baseURL()}${startOf(lang)}`);
    await visit(root, startOf(lang));
    guard.check(`JavaScript off, ${lang}`);
    return taps;
  }

  // Japanese: every outcome and every answer. English and やさしい日本語 differ from it only in the
  // words (every page of every language is read below, over HTTP): between them, every outcome.
  const all = outcomePaths();
  const toEach = oneToEachOutcome(all);
  const plans: [Lang, GuidePath[]][] = [
    ['ja', coveringPaths(all, false)],
    ['en', toEach.filter((_, i) => i % 2 === 0)],
    ['easy', toEach.filter((_, i) => i % 2 === 1)],
  ];
  it('the plans reach every outcome in Japanese, and between English and やさしい日本語', () => {
    const outcomes = new Set(all.map((p) => p.outcome));
    expect(new Set(plans[0]![1].map((p) => p.outcome))).toEqual(outcomes);
    expect(new Set([...plans[1]![1], ...plans[2]![1]].map((p) => p.outcome))).toEqual(outcomes);
  });
  for (const [lang, paths] of plans)
    it(`${lang}: follows the answers' links from ${startOf(lang)} (${paths.length} paths)`, async () => {
      const distinct = new Set(paths.flatMap((p) => p.answers.map((_, i) => addressOf(p.answers.slice(0, i + 1)))));
      expect(await walk(paths, lang)).toBe(distinct.size);
    });

  it('the language switch, back link and restart link are plain links', async () => {
    const step: Step = { outcome: 'lost-suspend' };
    await guard.goto(`${baseURL()}/lost/yes/`);
    await expectStep(step, 'ja', '/lost/yes/');
    const other = { en: '/en/lost/yes/', easy: '/easy/lost/yes/', ja: '/lost/yes/' } as const;
    for (const lang of ['en', 'easy', 'ja'] as const) {
      const link = page.locator(`nav.lang-switch a[href="${other[lang]}"]`);
      expect(await link.getAttribute('lang')).toBe(htmlLang(lang));
      await link.click();
      await page.waitForURL(`${baseURL()}${other[lang]}`);
      await expectStep(step, lang, other[lang]);
      expect(await page.locator(`nav.lang-switch a[href="${other[lang]}"]`).getAttribute('aria-current')).toBe('true');
    }
    await guard.goto(`${baseURL()}/en/repair/unknown/`);
    await page.getByRole('link', { name: t('en', 'ui:question.back') }).click();
    await page.waitForURL(`${baseURL()}/en/repair/`);
    await expectStep({ question: 'certificate' }, 'en', '/en/repair/');
    await guard.goto(`${baseURL()}/easy/lost/yes/`);
    await page
      .locator('.summary')
      .getByRole('link', { name: t('easy', 'ui:answers.restart') })
      .click();
    await page.waitForURL(`${baseURL()}/easy/`);
    await expectStep({ question: firstQuestion() }, 'easy', '/easy/');
    guard.check('JavaScript off, links');
  });
});

describe('old query-string links', () => {
  let context: BrowserContext;
  let page: Page;
  let guard: PageGuard;
  beforeAll(async () => {
    // No service worker: the first visit, which gets the prerendered pages.
    ({ context, page, guard } = await phonePage({ serviceWorkers: 'block' }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each([
    ['/?situation=lost&certificate=yes', '/lost/yes/', { outcome: 'lost-suspend' }, 'ja', false],
    ['/?situation=lost&certificate=maybe&foo=1', '/lost/', { question: 'certificate' }, 'ja', true],
    [
      '/?situation=change&certificate=yes&oldPlatform=android&lang=en',
      '/en/change/yes/android/',
      { question: 'oldPhone' },
      'en',
      false,
    ],
    ['/?situation=repair&mode=shop', '/repair/?mode=shop', { question: 'certificate' }, 'ja', false],
    ['/?lang=easy', '/easy/', { question: 'situation' }, 'easy', false],
  ] as const)('%s opens that step, rewritten to %s', async (old, address, step, lang, notice) => {
    await guard.goto(`${baseURL()}${old}`);
    await page.locator(hook(step)).waitFor();
    await appStarted(page);
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(address);
    expect(await page.locator('[data-question], [data-outcome]').count()).toBe(1);
    expect(await page.title()).toBe(expectedTitle(step, lang, givenOf(address)));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(htmlLang(lang));
    expect(await page.locator('[data-notice]').count(), 'the notice').toBe(notice ? 1 : 0);
    // Shop mode's controls (a lazy chunk) are there.
    if (address.includes('mode=shop')) await page.getByRole('button', { name: t('ja', 'ui:shop.reset') }).waitFor();
    guard.check(old);
  });
});

describe('addresses that are no step', () => {
  it('get 404 and the not-found page over HTTP; a missing final slash is redirected', async () => {
    for (const address of ['/bogus/', '/lost/yes/extra/', '/en/nothing/', '/lost/maybe/', '/index.php']) {
      const res = await fetch(`${baseURL()}${address}`);
      expect(res.status, address).toBe(404);
      const html = await res.text();
      expect(html, address).toContain('data-not-found');
      expect(html, address).toContain('<meta name="robots" content="noindex" />');
      expect(html, address).toMatch(/<a href="\/">/);
    }
    for (const [address, to] of [
      ['/change/yes', '/change/yes/'],
      ['/en/lost/yes?mode=shop', '/en/lost/yes/?mode=shop'],
    ]) {
      const res = await fetch(`${baseURL()}${address}`, { redirect: 'manual' });
      expect(res.status, address).toBe(301);
      expect(res.headers.get('location'), address).toBe(to);
    }
  });

  it('the browser shows the not-found page, with links to the start and to the step it began with', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', serviceWorkers: 'block' });
    const page = await context.newPage();
    const guard = new PageGuard(page, new URL(baseURL()).origin);
    const res = await page.goto(`${baseURL()}/lost/yes/extra/`);
    expect(res?.status()).toBe(404);
    guard.problems.length = 0; // that 404 is the point
    const notFound = page.locator('[data-not-found]');
    await notFound.waitFor();
    await appStarted(page);
    expect(await notFound.locator('h1').textContent()).toBe(t('ja', 'ui:notFound.title'));
    expect(await page.title()).toBe(t('ja', 'ui:meta.titleNotFound'));
    expect(page.url()).toBe(`${baseURL()}/lost/yes/extra/`); // kept, so the person sees what was wrong
    expect(await notFound.getByRole('link', { name: t('ja', 'ui:notFound.step') }).getAttribute('href')).toBe(
      '/lost/yes/',
    );
    await notFound.getByRole('link', { name: t('ja', 'ui:notFound.start') }).click();
    await page.locator(`[data-question="${firstQuestion()}"]`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // In English under /en/, its links too.
    expect((await page.goto(`${baseURL()}/en/bogus/`))?.status()).toBe(404);
    guard.problems.length = 0;
    await appStarted(page);
    await page.locator('[data-not-found]').waitFor();
    expect(await page.locator('[data-not-found] h1').textContent()).toBe(t('en', 'ui:notFound.title'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('link', { name: t('en', 'ui:notFound.start') }).getAttribute('href')).toBe('/en/');

    // Without JavaScript, the static not-found page and its link to the start.
    const noJs = await browser.newContext({ locale: 'ja-JP', javaScriptEnabled: false });
    const plain = await noJs.newPage();
    expect((await plain.goto(`${baseURL()}/bogus/`))?.status()).toBe(404);
    expect(await plain.locator('[data-not-found] h1').textContent()).toBe(t('ja', 'ui:notFound.title'));
    await plain.getByRole('link', { name: t('ja', 'ui:notFound.start') }).click();
    await plain.waitForURL(`${baseURL()}/`);
    expect(await plain.locator(`[data-question="${firstQuestion()}"]`).count()).toBe(1);
    await noJs.close();

    // The final slash added.
    await page.goto(`${baseURL()}/change/yes`);
    await page.locator('[data-question="oldPlatform"]').waitFor();
    expect(page.url()).toBe(`${baseURL()}/change/yes/`);
    guard.check('not found');
    await context.close();
  });
});

// ---------------------------------------------------------------- the crawler's view

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);

/** Every match of `re` (global) in `html`, group 1, unescaped. */
const matches = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => unescape(m[1]!));

/** The one match: fails (with the count) when there are none or several. */
function one(html: string, re: RegExp, what: string): string {
  const found = matches(html, re);
  if (found.length !== 1) throw new Error(`${what}: ${found.length} found`);
  return found[0]!;
}

const meta = (html: string, attr: 'name' | 'property', key: string) =>
  one(html, new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`, 'g'), `<meta ${attr}="${key}">`);

/** An element's text without its tags (ruby readings left out), as a crawler indexes it. */
const textOf = (html: string) =>
  unescape(html.replace(/<rt\b[^>]*>[\s\S]*?<\/rt>/g, '').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

/** dist/'s pages: every index.html, as an address. */
/** The built step pages (not the redirect pages at retired addresses: tests/e2e/old-addresses.e2e.ts). */
function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
    .filter((f) => !readFileSync(join(dir, f), 'utf8').includes('<body data-moved='))
    .map((f) =>
      `/${relative(dir, join(dir, f, '..'))
        .split(sep)
        .join('/')}/`.replace(/^\/\/$/, '/'),
    );
}

describe("a crawler's view (HTTP only, no script run)", () => {
  const pages = allPages();
  const origin = siteOrigin();

  it(`sitemap.xml lists exactly the built pages, every step in every language; robots.txt names it`, async () => {
    const expected = [...pages.keys()].sort();
    expect(expected.length).toBe(597);
    expect(builtPages(inject('distDir')).sort()).toEqual(expected);
    const res = await fetch(`${baseURL()}/sitemap.xml`);
    expect(res.status).toBe(200);
    const locs = matches(await res.text(), /<loc>([^<]*)<\/loc>/g);
    expect(locs.length).toBe(new Set(locs).size);
    expect(locs.sort()).toEqual(expected.map((a) => origin + a).sort());
    const robots = await (await fetch(`${baseURL()}/robots.txt`)).text();
    expect(robots.split('\n')).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });

  it(`every page (${pages.size}) names itself: title, h1, description, canonical, hreflang, Open Graph`, async () => {
    const queue = [...pages.values()];
    const problems: string[] = [];
    const check = async (p: PageOf) => {
      const res = await fetch(`${baseURL()}${p.address}`);
      const html = await res.text();
      try {
        expect(res.status).toBe(200);
        const step: Step = p.question ? { question: p.question } : { outcome: p.outcome };
        // Nothing inline: every script is a file (the CSP allows 'self' only).
        for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
          expect(attrs).toMatch(/\bsrc="\/assets\//);
          expect(body).toBe('');
        }
        expect(one(html, /<html lang="([^"]*)"/g, '<html lang>')).toBe(htmlLang(p.lang));
        const title = one(html, /<title>([^<]*)<\/title>/g, '<title>');
        expect(title).toBe(expectedTitle(step, p.lang, givenOf(p.address)));
        expect(textOf(one(html, /<h1\b[^>]*>([\s\S]*?)<\/h1>/g, '<h1>'))).toBe(
          expectedHeading(step, p.lang, givenOf(p.address)),
        );
        expect(html).toContain(`<div id="root" data-path="${p.address}">`);
        expect(matches(html, new RegExp(`(${hook(step).slice(1, -1)})`, 'g')).length, hook(step)).toBe(1);

        const description = meta(html, 'name', 'description');
        if (p.outcome) {
          // The start of the outcome's lead (cut at a sentence end, or with an ellipsis).
          const lead = t(p.lang, `outcomes:${p.outcome}.lead`);
          expect(description.length).toBeGreaterThan(10);
          expect(lead.startsWith(description.replace(/…$/, ''))).toBe(true);
        } else expect(description).toBe(t(p.lang, 'ui:meta.description'));

        const canonical = one(html, /<link rel="canonical" href="([^"]*)"/g, 'canonical');
        expect(canonical).toBe(origin + p.address);
        const alternates = Object.fromEntries(
          [...html.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/g)].map((m): [string, string] => [
            m[1]!,
            unescape(m[2]!),
          ]),
        );
        // やさしい日本語 pages (lang="ja") name no alternates (tests/unit/hreflang.test.ts).
        expect(alternates).toEqual(
          p.lang === 'easy' ? {} : { ja: origin + p.ja, en: origin + p.en, 'x-default': origin + p.ja },
        );
        for (const href of Object.values(alternates)) expect(pages.has(href.slice(origin.length)), href).toBe(true);

        expect(meta(html, 'property', 'og:title')).toBe(title);
        expect(meta(html, 'property', 'og:description')).toBe(description);
        expect(meta(html, 'property', 'og:url')).toBe(canonical);
        expect(meta(html, 'property', 'og:type')).toBe('website');
        expect(meta(html, 'property', 'og:site_name')).toBe(t(p.lang, 'ui:names.guide'));
        expect(meta(html, 'property', 'og:locale')).toBe(p.lang === 'en' ? 'en_US' : 'ja_JP');
        expect(meta(html, 'property', 'og:image')).toBe(`${origin}/icons/icon-512.png`);
        expect(meta(html, 'name', 'twitter:card')).toBe('summary');
      } catch (e) {
        problems.push(`${p.address}: ${(e as Error).message.split('\n')[0]}`);
      }
    };
    // A few at a time: the preview server and this process share two cores with the browser.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await check(p);
      }),
    );
    expect(problems.slice(0, 20), `${problems.length} pages`).toEqual([]);
    // The image the previews show is there.
    const image = await fetch(`${baseURL()}/icons/icon-512.png`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});

// ---------------------------------------------------------------- the app takes over

describe('with JavaScript, the app hydrates the prerendered step', () => {
  let context: BrowserContext;
  let page: Page;
  let guard: PageGuard;
  beforeAll(async () => {
    ({ context, page, guard } = await phonePage({ serviceWorkers: 'block' }));
    // Before any script of the page (an init script runs on every navigation of the context): note errors React reports without a console message, and
    // mark the prerendered h1 (a property, not an attribute, so hydration does not see it).
    await context.addInitScript(() => {
      const w = window as unknown as { __errors: string[] };
      w.__errors = [];
      addEventListener('error', (e) => w.__errors.push(`error: ${e.message}`));
      document.addEventListener('securitypolicyviolation', (e) => w.__errors.push(`CSP: ${e.violatedDirective}`));
      document.addEventListener('DOMContentLoaded', () => {
        const h1 = document.querySelector('h1');
        if (h1) Object.assign(h1, { __prerendered: true });
      });
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Opens `address`; returns what shows whether the app hydrated the page it was given. */
  async function open(address: string, step: Step) {
    await guard.goto(`${baseURL()}${address}`);
    await page.locator(hook(step)).waitFor();
    await stepHydrated(page);
    await page.waitForLoadState('networkidle');
    return page.evaluate(() => ({
      errors: (window as unknown as { __errors: string[] }).__errors,
      hydrated: (document.querySelector('h1') as unknown as { __prerendered?: boolean } | null)?.__prerendered === true,
      h1: document.querySelectorAll('h1').length,
      steps: document.querySelectorAll('[data-question], [data-outcome]').length,
      pages: document.querySelectorAll('#root > .page').length,
    }));
  }

  it.each([
    ['/lost/yes/', { outcome: 'lost-suspend' }, 'ja'],
    ['/en/change/yes/android/usable/iphone/supported/', { outcome: 'change-revoke-old-then-setup' }, 'en'],
    ['/easy/moved/', { question: 'certificate' }, 'easy'],
    ['/', { question: 'situation' }, 'ja'],
  ] as const)(
    '%s: no hydration error, the same nodes, nothing doubled, then moves in place',
    async (address, step, lang) => {
      expect(await open(address, step)).toEqual({ errors: [], hydrated: true, h1: 1, steps: 1, pages: 1 });
      expect(await page.title()).toBe(expectedTitle(step, lang, givenOf(address)));
      guard.check(address);
      // The app's own links: a move changes the address without loading a page.
      await page.evaluate(() => Object.assign(window, { __samePage: true }));
      if ('outcome' in step) {
        await page.locator('.summary-action a').first().click();
        await page.locator(`[data-question="${firstQuestion()}"]`).waitFor();
        expect(new URL(page.url()).pathname).toBe(startOf(lang));
      } else {
        const link = page.locator(`${hook(step)} [data-answer]`).first();
        const href = await link.getAttribute('href');
        await link.click();
        await page.waitForURL(`${baseURL()}${href}`);
      }
      expect(await page.evaluate(() => '__samePage' in window)).toBe(true);
      expect(await page.locator('h1').count()).toBe(1);
      guard.check(`${address}, after a move`);
    },
  );

  it('a page whose HTML differs from the app’s render is caught (the checks above can fail)', async () => {
    // The server's HTML with one word changed in the heading: React reports the mismatch and
    // renders afresh, which the checks above would see.
    await page.route(`${baseURL()}/lost/yes/`, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(/(<h1\b[^>]*>)/, '$1X');
      await route.fulfill({ response: res, body });
    });
    const seen = await open('/lost/yes/', { outcome: 'lost-suspend' });
    await page.unroute(`${baseURL()}/lost/yes/`);
    guard.problems.length = 0;
    expect({ hydrated: seen.hydrated, reported: seen.errors.length > 0 }).toEqual({ hydrated: false, reported: true });
  });
});
