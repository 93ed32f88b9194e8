// The guide as a user meets it: every path tapped through the rendered UI, by role and name.
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { QuestionId } from '../../src/machine/questions';
import { describe, expect, it } from 'vitest';
import { i18n, plainText } from '../../src/content/i18n';
import { encode } from '../../src/app/url';
import { allPaths } from './paths';
import { address, questionText, renderGuide } from './render';

const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o) as string;
const heading = () => screen.getByRole('heading', { level: 1 });

function tap(question: string, answer: string) {
  const region = document.querySelector(`[data-question="${question}"]`) as HTMLElement;
  expect(region, `question ${question} on screen`).not.toBeNull();
  // Find the answer the way a person does: by its visible label.
  fireEvent.click(
    within(region).getByRole('link', { name: questionText(question as QuestionId, `answers.${answer}`) }),
  );
}

describe('every path through the screens', () => {
  const paths = allPaths();
  it.each(paths.map((p) => [encode(p.answers), p] as const))('%s', (_url, p) => {
    renderGuide('');
    for (const { question, answer } of p.steps) {
      expect(heading()).toHaveProperty('textContent', questionText(question as QuestionId, 'title'));
      expect(document.activeElement === heading() || question === 'situation').toBe(true);
      tap(question, answer);
    }
    const outcome = document.querySelector(`[data-outcome="${p.outcome}"]`);
    expect(outcome).not.toBeNull();
    expect(heading().textContent).toBe(t(`outcomes:${p.outcome}.title`));
    expect(document.activeElement).toBe(heading());
    expect(address()).toBe(encode(p.answers));
    expect(document.title).toContain(t(`outcomes:${p.outcome}.title`));
    // Numbered steps, each with an official link or a label saying it rests on other sources;
    // no raw keys leak.
    const steps = within(outcome as HTMLElement)
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('data-step'));
    expect(steps.length).toBeGreaterThan(0);
    for (const li of steps)
      expect(
        within(li).queryAllByRole('link').length > 0 || li.querySelector('[data-confidence]') !== null,
        li.dataset.step,
      ).toBe(true);
    expect(document.body.textContent).not.toMatch(/(outcomes|questions|ui|terms):[a-zA-Z]/);
    // Each term is explained once, at its first appearance on the screen.
    const bare = (outcome as HTMLElement).cloneNode(true) as HTMLElement;
    bare.querySelectorAll('.term-meaning').forEach((n) => n.remove()); // a meaning may use another term
    for (const id of ['revoke', 'suspend', 'erase', 'unsuspend']) {
      const explained = (outcome as HTMLElement).textContent!.split(t(`terms:${id}.meaning`)).length - 1;
      expect(explained, `${id} explained at most once`).toBeLessThanOrEqual(1);
      if (bare.textContent!.includes(t(`terms:${id}.word`))) expect(explained, `${id} explained`).toBe(1);
    }
    // A hotline is always on offer, as a tap-to-call link.
    expect(screen.getAllByRole('link', { name: /0120-95-0178/ })[0]!.getAttribute('href')).toBe('tel:0120950178');
  });
});

describe('history and links', () => {
  it('adds a history entry per answer and follows Back and Forward', async () => {
    renderGuide('');
    const before = window.history.length;
    tap('situation', 'repair');
    tap('certificate', 'yes');
    expect(window.history.length).toBe(before + 2);
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
    await act(async () => {
      window.history.back();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    expect(heading().textContent).toBe(questionText('certificate', 'title'));
    await act(async () => {
      window.history.forward();
      await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    });
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
  });

  it('goes back one question with the back link, even on a deep link', () => {
    renderGuide('?situation=change&certificate=yes&oldPlatform=iphone');
    expect(heading().textContent).toBe(questionText('oldPhone', 'title'));
    fireEvent.click(screen.getByRole('link', { name: t('ui:question.back') }));
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
    expect(address()).toBe('/change/yes/');
  });

  it('leaves Ctrl-click on a guide link to the browser (new tab), moving only on a plain click', () => {
    renderGuide('/change/yes/');
    const back = screen.getByRole('link', { name: t('ui:question.back') });
    expect(back.getAttribute('href')).toBe('/change/');
    fireEvent.click(back, { ctrlKey: true });
    expect(address()).toBe('/change/yes/');
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
    fireEvent.click(back);
    expect(heading().textContent).toBe(questionText('certificate', 'title'));
  });

  it('opens a shared outcome link on the outcome', () => {
    renderGuide('/lost/unknown/');
    expect(document.querySelector('[data-outcome="lost-suspend"]')).not.toBeNull();
    expect(document.querySelector('[data-notice]')).toBeNull();
    expect(address()).toBe('/lost/unknown/');
    // certificate=unknown adds how to check.
    expect(document.querySelector('[data-note="howToCheckCertificate"]')).not.toBeNull();
  });

  it('says politely when part of a link could not be used, and rewrites the address', () => {
    renderGuide('?situation=change&certificate=maybe&foo=bar');
    const notice = document.querySelector('[data-notice]');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.textContent).toBe(t('ui:notice.partlyUnusable'));
    expect(heading().textContent).toBe(questionText('certificate', 'title'));
    expect(address()).toBe('/change/');
    tap('certificate', 'yes');
    expect(document.querySelector('[data-notice]')).toBeNull();
  });

  it('opens an old query-string link on the same step, rewritten to its address (no notice, no new entry)', () => {
    const before = window.history.length;
    renderGuide('?situation=lost&certificate=unknown');
    expect(document.querySelector('[data-outcome="lost-suspend"]')).not.toBeNull();
    expect(document.querySelector('[data-notice]')).toBeNull();
    expect(address()).toBe('/lost/unknown/');
    expect(window.history.length).toBe(before);
  });

  it('says an address that is no step was not found, keeps it, and offers the start and the usable part', () => {
    renderGuide('/lost/maybe/');
    expect(heading().textContent).toBe(t('ui:notFound.title'));
    expect(document.title).toBe(plainText(t('ui:meta.titleNotFound')));
    expect(address()).toBe('/lost/maybe/');
    expect(screen.getByRole('link', { name: t('ui:notFound.start') }).getAttribute('href')).toBe('/');
    fireEvent.click(screen.getByRole('link', { name: t('ui:notFound.step') }));
    expect(heading().textContent).toBe(questionText('certificate', 'title'));
    expect(address()).toBe('/lost/');
  });

  it('keeps the page description that of the step on screen, as the built page has it', () => {
    const meta = document.head.appendChild(document.createElement('meta'));
    meta.name = 'description';
    try {
      renderGuide('/lost/yes/');
      const lead = plainText(t('outcomes:lost-suspend.lead'));
      expect(meta.content.length).toBeGreaterThan(20);
      expect(lead.startsWith(meta.content.replace(/…$/, ''))).toBe(true);
      fireEvent.click(screen.getByRole('link', { name: t('ui:answers.restart') }));
      expect(meta.content).toBe(plainText(t('ui:meta.description')));
    } finally {
      meta.remove();
    }
  });

  it('has no "usable part" link when nothing of the address is a step', () => {
    renderGuide('/en/nothing/here/');
    expect(heading().textContent).toBe(t('ui:notFound.title'));
    expect(screen.queryByRole('link', { name: t('ui:notFound.step') })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: t('ui:notFound.start') }));
    expect(address()).toBe('/en/');
  });
});

describe('your answers: change one, keep the rest that still apply', () => {
  it('changing situation from change to handover drops only newPhone and newPlatform', () => {
    renderGuide(
      '?situation=change&certificate=yes&oldPlatform=android&oldPhone=usable&newPhone=supported&newPlatform=iphone',
    );
    const summary = screen.getByRole('region', { name: t('ui:answers.heading') });
    fireEvent.click(within(summary).getByRole('link', { name: new RegExp(t('questions:situation.summary')) }));
    expect(heading().textContent).toBe(questionText('situation', 'title'));
    tap('situation', 'handover');
    expect(document.querySelector('[data-outcome="revoke-before-handover"]')).not.toBeNull();
    expect(address()).toBe('/handover/yes/android/usable/');
  });

  it('changing the new phone answer keeps everything before it', () => {
    renderGuide(
      '?situation=change&certificate=yes&oldPlatform=iphone&oldPhone=usable&newPlatform=android&newPhone=unknown',
    );
    expect(document.querySelector('[data-outcome="change-revoke-old-keep-card"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('link', { name: new RegExp(t('questions:newPhone.summary')) }));
    tap('newPhone', 'supported');
    // A supported new phone: the platform answered before decides the order of the steps.
    expect(document.querySelector('[data-outcome="change-revoke-old-then-setup"]')).not.toBeNull();
    expect(address()).toBe('/change/yes/iphone/usable/android/supported/');
    const first = document.querySelector('[data-step]') as HTMLElement;
    expect(first.dataset.step).toBe('removeOnOldIphone');
  });

  it('changing an answer to one that opens a new question asks it', () => {
    renderGuide('?situation=lost&certificate=yes');
    fireEvent.click(screen.getByRole('link', { name: new RegExp(t('questions:situation.summary')) }));
    tap('situation', 'repair');
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
  });

  it('starts again from the first question', () => {
    renderGuide('?situation=lost&certificate=yes');
    fireEvent.click(screen.getByRole('link', { name: t('ui:answers.restart') }));
    expect(heading().textContent).toBe(questionText('situation', 'title'));
    expect(address()).toBe('/');
  });
});

describe('words where they appear', () => {
  it('explains 失効 and 一時利用停止 inline, and marks less certain steps', () => {
    renderGuide('?situation=handover&certificate=yes&oldPlatform=android&oldPhone=usable');
    const outcome = document.querySelector('[data-outcome]') as HTMLElement;
    expect(outcome.textContent).toContain(t('terms:revoke.meaning'));
    const medium = outcome.querySelector('[data-step="revokeOnOldAndroid"]') as HTMLElement;
    expect(medium.querySelector('[data-confidence="medium"]')?.textContent).toBe(t('ui:outcome.confidence.medium'));
    const high = outcome.querySelector('[data-step="thenHandOver"]') as HTMLElement;
    expect(high.querySelector('[data-confidence]')).toBeNull();
    // What the label means is said once on the screen, not under every step.
    expect(outcome.textContent!.split(t('ui:outcome.confidenceLegend')).length - 1).toBe(1);
  });

  it('warns before the irreversible mistake on outcomes where the old phone still works', () => {
    renderGuide(
      '?situation=change&certificate=yes&oldPlatform=android&oldPhone=usable&newPlatform=android&newPhone=unsupported',
    );
    const warning = screen.getByRole('complementary', { name: t('ui:outcome.warningHeading') });
    expect(warning.textContent).toContain(
      t('ui:outcome.warning')
        .replace(/<[^>]+>/g, '')
        .slice(0, 20),
    );
  });
});

describe('a reset phone is not a lost one', () => {
  it.each([
    ['?situation=handover&certificate=yes&oldPlatform=android&oldPhone=reset', 'reset-keep-phone'],
    ['?situation=repair&certificate=unknown&oldPlatform=iphone&oldPhone=reset', 'reset-keep-phone'],
    [
      '?situation=change&certificate=yes&oldPlatform=android&oldPhone=reset&newPlatform=android&newPhone=unknown',
      'reset-keep-phone',
    ],
    [
      '?situation=change&certificate=yes&oldPlatform=iphone&oldPhone=reset&newPhone=supported&newPlatform=iphone',
      'change-reset-new-supported',
    ],
  ])('%s tells them to keep the phone, with the warning box', (url, outcome) => {
    renderGuide(url);
    const el = document.querySelector(`[data-outcome="${outcome}"]`) as HTMLElement;
    expect(el).not.toBeNull();
    const warning = screen.getByRole('complementary', { name: t('ui:outcome.warningHeading') });
    expect(warning.textContent).toContain(
      t('ui:outcome.warningReset')
        .replace(/<[^>]+>/g, '')
        .slice(0, 15),
    );
    // Never "can no longer be revoked" on a phone that is still in hand.
    expect(el.textContent).not.toContain('もう失効の手続きができません');
    expect(el.textContent).not.toContain('そのスマホでは失効できません');
  });
});
