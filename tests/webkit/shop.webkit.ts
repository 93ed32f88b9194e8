// Shop mode in WebKit at tablet size (an iPad at the counter): taps to an outcome, the QR code
// to hand it over, the print button (window.print stubbed: it would open a dialog), the next
// customer, and Back, which never brings the previous customer back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, words, type PathStep } from '../e2e/helpers';
import { Session, TABLET, baseURL, hook, poll } from './webkit';

const ANSWERS: PathStep[] = [
  { question: 'situation', answer: 'change' },
  { question: 'certificate', answer: 'yes' },
  { question: 'oldPlatform', answer: 'android' },
  { question: 'oldPhone', answer: 'usable' },
  { question: 'newPlatform', answer: 'iphone' },
  { question: 'newPhone', answer: 'supported' },
];
const OUTCOME = 'change-revoke-old-then-setup';

let s: Session;
beforeAll(async () => {
  s = await Session.open(TABLET);
});
afterAll(async () => {
  await s?.close();
});

describe('shop mode', () => {
  it('a counter session: answers, QR, print, next customer; Back shows nobody', async () => {
    await s.goto('/?mode=shop', { question: 'situation' });
    await poll(
      () => s.count('[data-action="reset"]'),
      (n) => n === 1,
    );
    const historyAtStart = await s.js(() => history.length);
    for (const [i, { question, answer }] of ANSWERS.entries()) {
      const next = ANSWERS[i + 1];
      await s.tap(
        `${hook({ question })} a[data-answer="${answer}"]`,
        next ? { question: next.question } : { outcome: OUTCOME },
        addressOf(ANSWERS.slice(0, i + 1), { mode: 'shop' }),
        'ja',
      );
    }
    // One history entry per answer, all of this customer's (the tablet's Back walks them).
    expect(await s.js(() => history.length), 'answering at the counter adds an entry per answer').toBe(
      historyAtStart + ANSWERS.length,
    );

    // The hand-off: a QR code big enough to scan across the counter, and the print button.
    const qr = await poll(
      () =>
        s.js(() => {
          const svg = document.querySelector('.handoff svg[role="img"]');
          const r = svg?.getBoundingClientRect();
          return r
            ? {
                width: Math.round(r.width),
                height: Math.round(r.height),
                rects: svg!.querySelectorAll('path, rect').length,
              }
            : null;
        }),
      (v) => v !== null,
    );
    expect(qr, 'the QR code').not.toBeNull();
    expect(qr!.width).toBeGreaterThanOrEqual(240);
    expect(qr!.height).toBe(qr!.width);
    expect(qr!.rects).toBeGreaterThan(0);
    await s.js(() => {
      window.print = () => document.body.setAttribute('data-printed', '');
    });
    await (await s.find('.handoff .print-button')).click();
    expect(
      await poll(
        () => s.js(() => document.body.hasAttribute('data-printed')),
        (v) => v,
      ),
      'the print button calls print()',
    ).toBe(true);
    await s.check('shop outcome');

    // Next customer.
    await s.tap('[data-action="reset"]', { question: 'situation' }, '/?mode=shop', 'ja');
    const text = await s.js(() => document.body.innerText);
    expect(text).not.toContain(words.t(`outcomes:${OUTCOME}.title`, { lng: 'ja' }));
    expect(await s.count('.summary, .handoff, [data-outcome]')).toBe(0);
    // The reset replaces the entry: it adds none.
    expect(await s.js(() => history.length)).toBe(historyAtStart + ANSWERS.length);

    // Back reaches the previous customer's entries, and shows each as the counter's first
    // question: no answer, no outcome.
    await s.driver.navigate().back();
    const after = await poll(
      () => s.js(() => ({ url: location.href, outcome: document.querySelectorAll('[data-outcome], .summary').length })),
      (v) => v.url !== `${baseURL()}/?mode=shop`,
      3000,
    );
    console.log(`[webkit] shop: Back after the next customer went to ${after.url}`);
    expect(after.url, 'Back after the next customer').not.toContain('/change/');
    expect(after.outcome).toBe(0);
  });
});
