// People's stories, tapped through the screens by role and name: the card's side of the
// certificate's life (issue 13) and the order of a person's task (issue 17).
import { fireEvent, screen } from '@testing-library/react';
import type { QuestionId } from '../../src/machine/questions';
import { describe, expect, it } from 'vitest';
import { entriesFor } from '../../src/content/outcomes';
import { i18n } from '../../src/content/i18n';
import { allPaths } from './paths';
import { questionText, renderGuide } from './render';

const t = (k: string) => (i18n.t(k) as string).replace(/<[^>]+>/g, '');
const heading = () => screen.getByRole('heading', { level: 1 });
const tap = (question: string, answer: string) =>
  fireEvent.click(screen.getByRole('link', { name: questionText(question as QuestionId, `answers.${answer}`) }));
const stepIds = () => [...document.querySelectorAll<HTMLElement>('[data-step]')].map((li) => li.dataset.step);

describe('the card’s side of the certificate’s life', () => {
  it('a lost card: one tap to the call, what to say right after calling (step 1), then the city office', () => {
    renderGuide('');
    tap('situation', 'cardLost');
    expect(heading().textContent).toBe(t('outcomes:card-lost.title'));
    const call = screen.getAllByRole('link', { name: /0120-95-0178/ })[0]!;
    expect(call.getAttribute('href')).toBe('tel:0120950178');
    const say = document.querySelector<HTMLElement>('[data-call-say]')!;
    expect(say.textContent).toContain(t('outcomes:card-lost.callSay').slice(0, 12));
    // What to say comes right after step 1 (the call), before the next step: the call button and
    // step 1 share the first screen with the title.
    const follows = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    expect(follows(document.querySelector('[data-step="call"]')!, say)).toBe(true);
    expect(follows(say, document.querySelector('[data-step="reportToCity"]')!)).toBe(true);
    expect(stepIds()).toEqual(['call', 'reportToCity']);
    // Whether the phone's certificate stops too is not known: the guide says so.
    expect(say.textContent).toContain('確認できていない');
  });

  it('renewal on Android: the counter first, then the phone again in the app, then check', () => {
    renderGuide('');
    tap('situation', 'renewal');
    tap('certificate', 'yes');
    tap('oldPlatform', 'android');
    expect(heading().textContent).toBe(t('outcomes:card-renewal.title'));
    expect(stepIds()).toEqual(['renewAtCounter', 'registerAgainAndroid', 'checkValidityAndroid']);
  });

  it('renewal on iPhone: what is not confirmed is said plainly, with the official page', () => {
    renderGuide('?situation=renewal&certificate=yes&oldPlatform=iphone');
    expect(stepIds()).toEqual(['renewAtCounter', 'iphoneAfterRenewal']);
    const step = document.querySelector<HTMLElement>('[data-step="iphoneAfterRenewal"]')!;
    expect(step.textContent).toContain('確認できていません');
  });

  it('a move: the counter for a new signing certificate; the phone side is not confirmed', () => {
    renderGuide('?situation=moved&certificate=unknown&oldPlatform=android');
    expect(heading().textContent).toBe(t('outcomes:address-change.title'));
    expect(stepIds()).toEqual(['applyAtCounter', 'registerAgainAndroid']);
    expect(document.querySelector('[data-note="phoneUnknown"]')!.textContent).toContain('確認できていません');
    // Resting on municipal pages, the lead says so with its label.
    expect(document.querySelector('.lead [data-confidence="medium"]')).not.toBeNull();
  });

  it('a forgotten password on Android: reset with the card, and the card’s own passwords have their route', () => {
    renderGuide('?situation=password&certificate=yes&oldPlatform=android');
    expect(stepIds()).toEqual(['whichPassword', 'resetPhoneAndroid']);
    const reset = document.querySelector<HTMLElement>('[data-step="resetPhoneAndroid"]')!;
    expect(reset.textContent).toContain('カードの署名用パスワード');
    const card = document.querySelector<HTMLElement>('[data-note="cardPasswords"]')!;
    expect(card.textContent).toMatch(/5回.*3回/);
    expect(card.textContent).toContain('コンビニ');
    expect(card.textContent).toContain('窓口');
  });

  it('a forgotten password on iPhone: never the Android reset, "not confirmed" and the official page', () => {
    renderGuide('?situation=password&certificate=yes&oldPlatform=iphone');
    expect(stepIds()).toEqual(['whichPassword', 'resetPhoneIphone']);
    expect(document.querySelector('[data-step="resetPhoneAndroid"], [data-note="lockAndroid"]')).toBeNull();
    const step = document.querySelector<HTMLElement>('[data-step="resetPhoneIphone"]')!;
    expect(step.textContent).toContain('確認できていません');
  });
});

describe('the order of the task', () => {
  const pair = (oldPlatform: string, newPlatform: string) =>
    `?situation=change&certificate=yes&oldPlatform=${oldPlatform}&oldPhone=usable&newPhone=supported&newPlatform=${newPlatform}`;

  it('a clerk takes an Android in trade for a new iPhone: revoke on the old phone is step 1', () => {
    renderGuide('?mode=shop');
    for (const [q, a] of [
      ['situation', 'change'],
      ['certificate', 'yes'],
      ['oldPlatform', 'android'],
      ['oldPhone', 'usable'],
      ['newPlatform', 'iphone'],
      ['newPhone', 'supported'],
    ])
      tap(q!, a!);
    expect(stepIds()).toEqual(['revokeOnOldAndroid', 'setupNewIphone', 'confirmRevokedAndroid', 'thenHandOver']);
    // The clerk's stop rule, sourced and labelled like a step.
    const stop = screen.getByRole('complementary', { name: t('ui:shop.stopHeading') });
    expect(stop.textContent).toContain(t('ui:shop.stop.revoke').slice(0, 20));
    expect(stop.querySelector('[data-confidence]')?.textContent).toBe(t('ui:outcome.confidence.medium'));
  });

  it.each([
    ['android', 'android', ['keepOldOnline', 'setupNewFromAndroid', 'confirmRevokedAndroid', 'thenHandOver']],
    ['android', 'iphone', ['revokeOnOldAndroid', 'setupNewIphone', 'confirmRevokedAndroid', 'thenHandOver']],
    ['iphone', 'iphone', ['removeOnOldIphone', 'setupNewIphone', 'confirmRevokedIphone', 'thenHandOver']],
    ['iphone', 'android', ['removeOnOldIphone', 'setupNewAndroid', 'confirmRevokedIphone', 'thenHandOver']],
  ])('%s → %s: the steps in the order of the task', (from, to, order) => {
    renderGuide(pair(from, to));
    expect(stepIds()).toEqual(order);
  });

  it('on every path that ends in handing a phone over, the validity check is the step just before', () => {
    const handOver = ['thenHandOver', 'thenHandOverReset', 'thenRepair'];
    let checked = 0;
    for (const p of allPaths()) {
      const ids = entriesFor(p.outcome, p.answers).steps.map((s) => s.id);
      const last = ids.at(-1)!;
      if (!handOver.includes(last)) continue;
      expect(ids.at(-2), `${p.outcome} ${JSON.stringify(p.answers)}`).toMatch(
        /^(confirmRevoked(Android|ResetAndroid|Iphone)|check(Android|Iphone))$/,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('numbered steps hold no "if …" advice: conditionals are notes', () => {
    for (const p of allPaths())
      for (const s of entriesFor(p.outcome, p.answers).steps)
        expect(t(`outcomes:${p.outcome}.steps.${s.id}`), `${p.outcome}.${s.id}`).not.toMatch(
          /^(外国語で話したいとき|海外で|パスワードを忘れたとき)/,
        );
  });

  it('the first question says a trade-in when buying a new phone is 「買い替える」', () => {
    renderGuide('');
    expect(screen.getByRole('link', { name: t('questions:situation.answers.change') }).textContent).toContain('下取り');
    expect(screen.getByRole('link', { name: t('questions:situation.answers.handover') }).textContent).not.toContain(
      '下取り',
    );
  });
});
