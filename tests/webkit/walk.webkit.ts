// Walks in WebKit at phone size, in Japanese, English and やさしい日本語: from the first question
// to a lost-phone outcome and to a phone-change outcome by tapping the answers; Back (history)
// and the in-page back link; changing an answer from "your answers". After every tap the new
// step's h1 has focus, and nothing went wrong in the page (no script error, no CSP violation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, firstQuestion, type Lang, type PathStep } from '../e2e/helpers';
import { PHONE, Session, hook, type Step } from './webkit';

const LOST: PathStep[] = [
  { question: 'situation', answer: 'lost' },
  { question: 'certificate', answer: 'yes' },
];
const CHANGE: PathStep[] = [
  { question: 'situation', answer: 'change' },
  { question: 'certificate', answer: 'yes' },
  { question: 'oldPlatform', answer: 'android' },
  { question: 'oldPhone', answer: 'usable' },
  { question: 'newPlatform', answer: 'iphone' },
  { question: 'newPhone', answer: 'supported' },
];

let s: Session;
beforeAll(async () => {
  s = await Session.open(PHONE);
});
afterAll(async () => {
  await s?.close();
  if (s)
    console.log(
      `[webkit] walk: ${s.taps.length} taps, ${(s.taps.reduce((a, b) => a + b, 0) / s.taps.length).toFixed(0)} ms each on average`,
    );
});

/** Taps `answers` from the language's first page; returns at the outcome. */
async function tapThrough(answers: readonly PathStep[], outcome: Step, lang: Lang) {
  await s.goto(addressOf([], { lang }), { question: firstQuestion() });
  for (const [i, { question, answer }] of answers.entries()) {
    const next = answers[i + 1];
    await s.tap(
      `${hook({ question })} a[href][data-answer="${answer}"]`,
      next ? { question: next.question } : outcome,
      addressOf(answers.slice(0, i + 1), { lang }),
      lang,
    );
  }
}

describe.each(['ja', 'en', 'easy'] as const)('%s', (lang) => {
  it('taps to a lost-phone outcome', async () => {
    await tapThrough(LOST, { outcome: 'lost-suspend' }, lang);
    expect(addressOf(LOST, { lang })).toBe({ ja: '/lost/yes/', en: '/en/lost/yes/', easy: '/easy/lost/yes/' }[lang]);
  });

  it('taps to Android → iPhone; Back, the back link and changing an answer', async () => {
    await tapThrough(CHANGE, { outcome: 'change-revoke-old-then-setup' }, lang);
    const at = (n: number) => addressOf(CHANGE.slice(0, n), { lang });
    // Back (the browser's): the question before, at its address.
    const back = await s.back({ question: 'newPhone' }, at(5));
    s.expectStep(back, { question: 'newPhone' }, lang, 'after Back');
    // The page's own back link: one more question back.
    await s.tap(`${hook({ question: 'newPhone' })} .back a`, { question: 'newPlatform' }, at(4), lang);
    // Forward again by tapping, then change the first answer from "your answers": handing the
    // old phone over instead keeps the answers that still apply.
    await s.tap(`${hook({ question: 'newPlatform' })} a[data-answer="iphone"]`, { question: 'newPhone' }, at(5), lang);
    await s.tap(
      `${hook({ question: 'newPhone' })} a[data-answer="supported"]`,
      { outcome: 'change-revoke-old-then-setup' },
      at(6),
      lang,
    );
    await s.tap(`.summary .summary-action a[href="${at(0)}"]`, { question: 'situation' }, at(0), lang);
    const handover = CHANGE.slice(0, 4).map((a, i) => (i === 0 ? { ...a, answer: 'handover' } : a));
    await s.tap(
      `${hook({ question: 'situation' })} a[data-answer="handover"]`,
      { outcome: 'revoke-before-handover' },
      addressOf(handover, { lang }),
      lang,
    );
  });
});
