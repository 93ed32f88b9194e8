// Pages opened by address in WebKit: a deep link opened cold (the session's first page, before any
// service worker), the not-found page, the overview, and the language switch keeping the step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/content/i18n';
import { firstQuestion, words, type Lang } from '../e2e/helpers';
import { PHONE, Session, baseURL, poll } from './webkit';

const t = (lang: Lang, key: string) =>
  plainText(words.t(key, { lng: lang }))
    .replace(/\s+/g, ' ')
    .trim();

let s: Session;
beforeAll(async () => {
  s = await Session.open(PHONE);
});
afterAll(async () => {
  await s?.close();
});

describe('by address', () => {
  it('a deep link opened cold: the outcome, hydrated, in English', async () => {
    const address = '/en/change/yes/android/usable/iphone/supported/';
    const facts = await s.goto(address, { outcome: 'change-revoke-old-then-setup' });
    s.expectStep(facts, { outcome: 'change-revoke-old-then-setup' }, 'en', 'deep link');
    expect(facts.address).toBe(address);
    expect(await s.js(() => navigator.serviceWorker?.controller ?? null), 'no service worker yet').toBeNull();
    // The steps of the outcome, in order, and your answers: the whole screen is there.
    expect(await s.count('[data-step]')).toBeGreaterThan(2);
    expect(await s.count('.summary .summary-row')).toBe(6);
    await s.check('deep link');
  });

  it.each([
    ['/lost/yes/extra/', 'ja', '/', '/lost/yes/'],
    ['/en/bogus/', 'en', '/en/', undefined],
  ] as const)('%s: the not-found page, its links', async (address, lang, start, step) => {
    expect((await fetch(`${baseURL()}${address}`)).status, 'the status the browser got').toBe(404);
    const facts = await s.goto(address, { notFound: true });
    expect({ heading: facts.heading, address: facts.address, lang: facts.lang }).toEqual({
      heading: t(lang, 'ui:notFound.title'),
      address,
      lang: lang === 'en' ? 'en' : 'ja',
    });
    // (The title follows in an effect after the app's first commit.)
    expect(
      await poll(
        () => s.driver.getTitle(),
        (v) => v === t(lang, 'ui:meta.titleNotFound'),
      ),
    ).toBe(t(lang, 'ui:meta.titleNotFound'));
    const links = await s.js(() =>
      [...document.querySelectorAll('.not-found-links a')].map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(step ? [start, step] : [start]);
    await s.check(address);
    // Its link to the start, tapped.
    await s.tap('.not-found-links a', { question: firstQuestion() }, start, lang);
  });

  it('the overview, from the footer link, and back to the guide', async () => {
    await s.goto('/easy/', { question: firstQuestion() });
    await (await s.find('footer a[href="/easy/?view=overview"]')).click();
    const facts = await s.until({ overview: true }, '/easy/?view=overview');
    expect(facts.heading).toBe(t('easy', 'ui:overview.heading'));
    expect(await s.count('[data-overview-outcome]')).toBeGreaterThan(5);
    expect(await s.count('[data-overview-question]')).toBeGreaterThan(5);
    await s.check('overview');
    await (await s.find('.overview-back a')).click();
    await s.until({ question: firstQuestion() }, '/easy/');
    await s.check('overview, back to the guide');
  });

  it('the language switch keeps the step: ja → en → やさしい日本語 → ja', async () => {
    await s.goto('/lost/yes/', { outcome: 'lost-suspend' });
    for (const [lang, address] of [
      ['en', '/en/lost/yes/'],
      ['easy', '/easy/lost/yes/'],
      ['ja', '/lost/yes/'],
    ] as const) {
      await s.tap(`nav.lang-switch a[href="${address}"]`, { outcome: 'lost-suspend' }, address, lang);
      expect(await (await s.find(`nav.lang-switch a[href="${address}"]`)).getAttribute('aria-current')).toBe('true');
    }
    // On a question too, with the answers given so far.
    await s.goto('/change/yes/', { question: 'oldPlatform' });
    await s.tap('nav.lang-switch a[href="/en/change/yes/"]', { question: 'oldPlatform' }, '/en/change/yes/', 'en');
  });

  it('the guard sees an inline script the CSP blocks and a script error (so the checks above can fail)', async () => {
    await s.goto('/', { question: firstQuestion() });
    await s.js(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
      setTimeout(() => {
        throw new Error('thrown on purpose');
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const error = await s.check('on purpose').then(
      () => '',
      (e: Error) => e.message,
    );
    expect(error).toMatch(/CSP violation: script-src/);
    expect(error).toMatch(/script error: .*thrown on purpose/);
    expect(await s.js(() => '__inline' in window), 'the inline script did not run').toBe(false);
  });
});
