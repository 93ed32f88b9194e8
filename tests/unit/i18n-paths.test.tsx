// Every path through the guide, tapped through the rendered screens in every non-default language
// (Japanese has its own run in guide-ui.test.tsx): each question and outcome is shown in that
// language, answers are found by their visible names (ruby readings are not part of a name), and no
// key, tag or placeholder leaks onto the page.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LANG, HTML_LANG, LANGS, ensureLanguage, i18n, plainText, type Lang } from '../../src/content/i18n';
import { sources } from '../../src/content/sources';
import { encode } from '../../src/app/url';
import { questionKey } from '../../src/content/questionWords';
import type { Answers } from '../../src/machine/questions';
import { allPaths } from './paths';
import { address, renderGuide } from './render';

const OTHER_LANGS = LANGS.filter((l) => l !== DEFAULT_LANG);
const missing: string[] = [];

beforeAll(() => {
  // Record every key asked for that the language does not have (i18next would print the key).
  i18n.options.parseMissingKeyHandler = (key: string) => {
    missing.push(`${i18n.language}: ${key}`);
    return key;
  };
});
afterAll(async () => {
  i18n.options.parseMissingKeyHandler = undefined;
  await ensureLanguage(DEFAULT_LANG);
});
afterEach(() => {
  expect(missing).toEqual([]);
});

const text = (k: string) => plainText(i18n.t(k) as string);
// Accessible names compared without whitespace: a <ruby> may add spaces around its base text.
const squash = (s: string) => s.replace(/\s+/g, '');
const named = (want: string) => (name: string) => squash(name) === squash(want);
const h1 = (name: string) => screen.getByRole('heading', { level: 1, name: named(name) });
/** An element's text as read, without ruby readings. */
function baseText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('rt').forEach((rt) => rt.remove());
  return copy.textContent ?? '';
}

function expectClean() {
  const body = document.body.textContent ?? '';
  expect(body).not.toMatch(/(outcomes|questions|ui|terms):[a-zA-Z]/);
  expect(body).not.toMatch(/<\/?[a-z][a-z0-9]*>|\$t\(|\{\{|\}\}/);
  expect(body).not.toMatch(/[^\s]\|[^\s]/); // an unrendered <r>base|reading</r>
}

async function open(lang: Lang, answers = '') {
  await ensureLanguage(lang);
  renderGuide(`?${answers}${answers ? '&' : ''}lang=${lang}`);
  await act(async () => {});
}

describe.each(OTHER_LANGS)('every path through the screens in %s', (lang) => {
  const paths = allPaths();
  it.each(paths.map((p) => [encode(p.answers), p] as const))('%s', async (_url, p) => {
    await open(lang);
    expect(document.documentElement.lang).toBe(HTML_LANG[lang]);
    const given: Record<string, string> = {};
    const answersSoFar = () => given as Answers;
    for (const { question, answer } of p.steps) {
      const region = document.querySelector<HTMLElement>(`[data-question="${question}"]`);
      expect(region, `question ${question} on screen`).not.toBeNull();
      // hidden: true skips jsdom's slow computed-style walk; nothing in a step is hidden anyway.
      within(region!).getByRole('heading', {
        level: 1,
        name: named(text(questionKey(question, 'title', answersSoFar()))),
        hidden: true,
      });
      fireEvent.click(
        within(region!).getByRole('link', {
          name: named(text(questionKey(question, `answers.${answer}`, answersSoFar()))),
          hidden: true,
        }),
      );
      given[question] = answer;
    }
    const outcome = document.querySelector<HTMLElement>(`[data-outcome="${p.outcome}"]`);
    expect(outcome, `outcome ${p.outcome}`).not.toBeNull();
    within(outcome!).getByRole('heading', { level: 1, name: named(text(`outcomes:${p.outcome}.title`)), hidden: true });
    expect(address()).toBe(encode(p.answers, { lang }));
    expect(document.title).toContain(text(`outcomes:${p.outcome}.title`));
    expect(document.title).not.toMatch(/[<>{}]|\$t\(/);
    expectClean();
  });
});

describe.each(OTHER_LANGS)('the %s page', (lang) => {
  it('opens a deep link in that language, with the page title and <html lang>', async () => {
    await open(lang, 'situation=lost&certificate=yes');
    h1(text('outcomes:lost-suspend.title'));
    expect(document.documentElement.lang).toBe(HTML_LANG[lang]);
    expect(document.title).toBe(
      plainText(i18n.t('ui:meta.titleOutcome', { step: i18n.t('outcomes:lost-suspend.title') })),
    );
    // The lost-phone outcome leads with the foreign-language line.
    const lead = document.querySelector('[data-outcome] .lead') as HTMLElement;
    const firstCall = within(lead).getAllByRole('link')[0]!;
    expect(firstCall.getAttribute('href')).toBe('tel:0120017827');
    expectClean();
  });

  it('explains terms where they appear, in that language', async () => {
    await open(lang, 'situation=handover&certificate=yes&oldPlatform=android&oldPhone=usable');
    const meanings = [...document.querySelectorAll('.term-meaning')].map(baseText);
    expect(meanings.length).toBeGreaterThan(0);
    expect(meanings).toContain(plainText(i18n.t('ui:termMeaning', { meaning: i18n.t('terms:revoke.meaning') })));
    expectClean();
  });
});

describe('the language switch', () => {
  it('is on every screen, names each language in itself and keeps answers and shop mode', async () => {
    await open('ja', 'situation=repair&certificate=yes&mode=shop');
    const nav = screen.getByRole('navigation', { name: i18n.t('ui:languages.label') as string });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('lang')])).toEqual([
      ['日本語', 'ja'],
      ['English', 'en'],
      ['やさしいにほんご', 'ja'],
    ]);
    expect(links[0]!.getAttribute('aria-current')).toBe('true');
    expect(links[1]!.getAttribute('href')).toBe('/en/repair/yes/?mode=shop');
    expect(links[2]!.getAttribute('href')).toBe('/easy/repair/yes/?mode=shop');
  });

  it('switches language in place: same question, answers kept, html lang and title follow', async () => {
    await open('ja', 'situation=change&certificate=unknown');
    const before = window.history.length;
    const nav = () => screen.getByRole('navigation', { name: i18n.t('ui:languages.label') as string });
    await act(async () => {
      fireEvent.click(within(nav()).getByRole('link', { name: 'English' }));
    });
    // The words load first (a lazy chunk), then the page moves.
    await waitFor(() => expect(address()).toBe('/en/change/unknown/'));
    h1(text(questionKey('oldPlatform', 'title', { situation: 'change' })));
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(address()).toBe('/en/change/unknown/');
    expect(window.history.length).toBe(before + 1);
    expect(document.title).toContain(text(questionKey('oldPlatform', 'title', { situation: 'change' })));
    expectClean();

    await act(async () => {
      fireEvent.click(within(nav()).getByRole('link', { name: 'やさしいにほんご' }));
    });
    await waitFor(() => expect(address()).toBe('/easy/change/unknown/'));
    expect(i18n.language).toBe('easy');
    expect(document.documentElement.lang).toBe('ja');
    h1(text(questionKey('oldPlatform', 'title', { situation: 'change' })));
    // Answer in やさしい日本語: the link's name is its text without the ruby readings.
    fireEvent.click(screen.getByRole('link', { name: named(text('questions:oldPlatform.answers.android')) }));
    h1(text(questionKey('oldPhone', 'title', { situation: 'change' })));
    expect(address()).toBe('/easy/change/unknown/android/');
    expect(document.querySelector('[data-question] ruby rt')).not.toBeNull();
    expectClean();

    // Back returns to the previous language's address, and the words follow it.
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    expect(address()).toBe('/en/change/unknown/');
    expect(i18n.language).toBe('en');
    h1(text(questionKey('oldPlatform', 'title', { situation: 'change' })));
  });

  it('in shop mode is an entry of the same customer (Back walks one customer’s steps only)', async () => {
    // Start at the end of the history: entries ahead of it (an earlier test's Back) would make a
    // new entry shorten the history instead of lengthening it.
    window.history.pushState(null, '', '/');
    await open('ja', 'situation=lost&mode=shop');
    const before = window.history.length;
    const customer = (window.history.state as { customer?: string }).customer;
    expect(customer, 'the customer token of the entry').toMatch(/^[a-z0-9]+$/);
    await act(async () => {
      fireEvent.click(screen.getByRole('link', { name: 'English' }));
    });
    await waitFor(() => expect(address()).toBe('/en/lost/?mode=shop'));
    expect(window.history.length).toBe(before + 1);
    expect((window.history.state as { customer?: string }).customer).toBe(customer);
    h1(text(questionKey('certificate', 'title', { situation: 'lost' })));
  });
});

describe('page description', () => {
  it('follows the language', async () => {
    const meta = document.head.appendChild(document.createElement('meta'));
    meta.name = 'description';
    meta.content = i18n.t('ui:meta.description', { lng: 'ja' });
    try {
      await open('en');
      expect(meta.content).toBe(i18n.t('ui:meta.description', { lng: 'en' }));
      expect(meta.content).not.toBe(i18n.t('ui:meta.description', { lng: 'ja' }));
    } finally {
      meta.remove();
    }
  });
});

describe("official pages in the reader's language", () => {
  it('links the English version of a page on English pages, the Japanese one elsewhere', async () => {
    const answers = 'situation=handover&certificate=yes&oldPlatform=android&oldPhone=usable';
    const hrefs = () => [...document.querySelectorAll('a[href^="https://"]')].map((a) => a.getAttribute('href'));
    await open('en', answers);
    expect(hrefs()).toContain(sources.S2!.url);
    expect(hrefs()).not.toContain(sources.S1!.url);
    cleanup();
    await open('ja', answers);
    expect(hrefs()).toContain(sources.S1!.url);
  });
});
