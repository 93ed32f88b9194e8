// Shop counter mode (issue 5), through the real UI: the 次のお客様へ reset, the inactivity
// warning and reset (fake timers; longer on an outcome), history that Back walks within one
// customer and never into the previous one's, the QR code (decoded),
// the 印刷 button, and the print stylesheet hiding every control.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import jsQR from 'jsqr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/content/i18n';
import type { QuestionId } from '../../src/machine/questions';
import { onShopReset } from '../../src/shop/resetHooks';
import { IDLE_TIMEOUT_MS, OUTCOME_IDLE_TIMEOUT_MS, WARNING_SECONDS } from '../../src/shop/useIdleReset';
import { address, questionText, renderGuide } from './render';
import { encode } from '../../src/app/url';

const t = (k: string, o?: Record<string, unknown>) => i18n.t(k, o) as string;
const heading = () => screen.getByRole('heading', { level: 1 });
const resetButton = () => screen.findByRole('button', { name: t('ui:shop.reset') });
const FULL = {
  situation: 'change',
  certificate: 'yes',
  oldPlatform: 'android',
  oldPhone: 'usable',
  newPlatform: 'iphone',
  newPhone: 'supported',
} as const;
const FULL_PATH = encode(FULL);

function tap(question: string, answer: string) {
  const region = document.querySelector(`[data-question="${question}"]`) as HTMLElement;
  expect(region, `question ${question} on screen`).not.toBeNull();
  fireEvent.click(
    within(region).getByRole('link', { name: questionText(question as QuestionId, `answers.${answer}`) }),
  );
}

function answerAll() {
  for (const [q, a] of Object.entries(FULL)) tap(q, a);
}

/** Nothing of a customer anywhere: address, history state, storage, page. */
function expectCleanSlate() {
  expect(address()).toBe('/?mode=shop');
  expect(heading().textContent).toBe(questionText('situation', 'title'));
  expect(document.activeElement).toBe(heading());
  expect(document.querySelector('[data-outcome]')).toBeNull();
  expect(document.querySelector('[data-print-qr]')).toBeNull();
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(screen.queryByText(t('questions:situation.answers.change'), { selector: 'dd' })).toBeNull();
  expect(window.localStorage.length).toBe(0);
  expect(window.sessionStorage.length).toBe(0);
}

/** Decode an SVG QR code drawn as one path of 1×1 module squares, with jsQR on a rendered bitmap. */
function decodeQr(svg: Element): string {
  const [x0, y0, w] = svg.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number];
  const scale = 4;
  const px = w * scale;
  const data = new Uint8ClampedArray(px * px * 4).fill(255);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const mx = Number(m[1]) - x0;
    const my = Number(m[2]) - y0;
    for (let y = my * scale; y < (my + 1) * scale; y++)
      for (let x = mx * scale; x < (mx + 1) * scale; x++) data.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3);
  }
  const code = jsQR(data, px, px);
  expect(code, 'the QR code decodes').not.toBeNull();
  return code!.data;
}

beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.querySelector('style[data-test-print]')?.remove();
});

describe('次のお客様へ (reset)', () => {
  it('is on every step and clears everything, back to the first question in shop mode', async () => {
    renderGuide('?mode=shop');
    await resetButton();
    const button = await resetButton();
    expect(button.getAttribute('data-action')).toBe('reset');
    tap('situation', 'change');
    expect((await resetButton()).getAttribute('data-action')).toBe('reset');
    for (const [q, a] of Object.entries(FULL).slice(1)) tap(q, a);
    expect(document.querySelector('[data-outcome]')).not.toBeNull();
    fireEvent.click(await resetButton());
    expectCleanSlate();
  });

  it('runs registered reset hooks after the page is cleared (e.g. a waiting app update)', async () => {
    const seen: string[] = [];
    const off = onShopReset(() => seen.push(address()));
    renderGuide(`${FULL_PATH}?mode=shop`);
    fireEvent.click(await resetButton());
    off();
    expect(seen).toEqual(['/?mode=shop']);
  });

  it('also clears an answer being changed, and the site name resets in place', async () => {
    renderGuide(`${FULL_PATH}?mode=shop`);
    await resetButton();
    fireEvent.click(
      screen.getByRole('link', {
        name: t('ui:answers.change') + t('ui:answers.changeHidden', { question: t('questions:oldPhone.summary') }),
      }),
    );
    expect(screen.getByText(t('ui:question.changeNotice')).textContent).toBe(t('ui:question.changeNotice'));
    // (changing an answer is a step of this customer's, with its own entry; the reset adds none)
    const before = window.history.length;
    fireEvent.click(screen.getByRole('link', { name: t('ui:names.guide') }));
    expectCleanSlate();
    expect(screen.queryByText(t('ui:question.changeNotice'))).toBeNull();
    expect(window.history.length).toBe(before);
  });

  it('keeps the language the counter was opened in', async () => {
    renderGuide('?situation=lost&lang=en&mode=shop');
    // (by its DOM hook: the English words are another engineer's file)
    await waitFor(() => expect(document.querySelector('[data-action="reset"]')).not.toBeNull());
    fireEvent.click(document.querySelector('[data-action="reset"]')!);
    expect(address()).toBe('/en/?mode=shop');
    await act(() => i18n.changeLanguage('ja'));
  });
});

/** The browser's Back (or Forward), and the app's handling of the popstate it fires. */
async function traverse(delta: -1 | 1) {
  const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  window.history.go(delta);
  await act(async () => {
    await popped;
  });
}

describe('history in shop mode', () => {
  it('answering adds entries for this customer: the tablet’s Back goes to the previous question', async () => {
    renderGuide('?mode=shop');
    await resetButton();
    const length = window.history.length;
    answerAll();
    expect(document.querySelector('[data-outcome]')).not.toBeNull();
    expect(window.history.length).toBe(length + Object.keys(FULL).length);
    await traverse(-1);
    expect(heading().textContent).toBe(questionText('newPhone', 'title'));
    expect(address()).toBe(`${encode({ ...FULL, newPhone: undefined })}?mode=shop`);
    await traverse(1);
    expect(document.querySelector('[data-outcome]')).not.toBeNull();
  });

  it('after 次のお客様へ, Back and Forward never show the previous customer’s answers', async () => {
    renderGuide('?mode=shop');
    await resetButton();
    answerAll();
    fireEvent.click(await resetButton());
    expectCleanSlate();
    const customer = (window.history.state as { customer?: string }).customer;
    // Back, as far as the previous customer's entries go: each is the counter's first question.
    for (let i = 0; i < Object.keys(FULL).length; i++) {
      await traverse(-1);
      expect(address(), `Back ${i + 1}`).toBe('/?mode=shop');
      expect(heading().textContent).toBe(t('questions:situation.title'));
      expect(document.querySelector('[data-outcome]')).toBeNull();
      expect(screen.queryByText(t('questions:situation.answers.change'), { selector: 'dd' })).toBeNull();
      expect((window.history.state as { customer?: string }).customer).toBe(customer);
    }
    // And Forward again.
    await traverse(1);
    expect(address()).toBe('/?mode=shop');
    expect(document.querySelector('[data-outcome]')).toBeNull();
  });

  it('the new customer’s own answers are walked back as usual', async () => {
    renderGuide('?mode=shop');
    await resetButton();
    answerAll();
    fireEvent.click(await resetButton());
    tap('situation', 'repair');
    await traverse(-1);
    expect(address()).toBe('/?mode=shop');
    await traverse(1);
    expect(address()).toBe('/repair/?mode=shop');
  });

  it('the same answers outside shop mode add entries too, and carry no customer', () => {
    renderGuide('');
    const length = window.history.length;
    answerAll();
    expect(window.history.length).toBe(length + Object.keys(FULL).length);
    expect((window.history.state as { customer?: string }).customer).toBeUndefined();
  });

  it('前の質問に戻る never walks into an entry that is not this customer’s', async () => {
    renderGuide('?mode=shop&situation=repair');
    await resetButton();
    // As if the tab had guide entries from before (e.g. a session restored with a deeper state),
    // not marked as this customer's.
    window.history.replaceState({ guide: true, depth: 3 }, '', window.location.href);
    const back = vi.spyOn(window.history, 'back');
    fireEvent.click(screen.getByRole('link', { name: t('ui:question.back') }));
    expect(back).not.toHaveBeenCalled();
    expect(heading().textContent).toBe(questionText('situation', 'title'));
    expect(address()).toBe('/?mode=shop');
  });
});

describe('inactivity', () => {
  async function startIdleSession() {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderGuide('?mode=shop');
    await resetButton();
    tap('situation', 'change');
    tap('certificate', 'yes');
  }
  // act() with a callback that returns nothing is synchronous (returning the advanceTimersByTime
  // result would make it an unawaited promise).
  const advance = (ms: number) =>
    act(() => {
      vi.advanceTimersByTime(ms);
    });

  it(`warns after ${IDLE_TIMEOUT_MS / 60000} minutes, counts down ${WARNING_SECONDS} s, then resets`, async () => {
    await startIdleSession();
    advance(IDLE_TIMEOUT_MS - 1000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    advance(1000);
    const dialog = screen.getByRole('alertdialog', { name: t('ui:shop.idleTitle') });
    expect(within(dialog).getByRole('timer').textContent).toBe(t('ui:shop.idleCount', { seconds: WARNING_SECONDS }));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: t('ui:shop.idleContinue') }));
    advance(10_000);
    expect(within(dialog).getByRole('timer').textContent).toBe(
      t('ui:shop.idleCount', { seconds: WARNING_SECONDS - 10 }),
    );
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
    advance(WARNING_SECONDS * 1000 - 10_000);
    expectCleanSlate();
  });

  it('any touch or key press cancels the warning; the 続ける button extends', async () => {
    await startIdleSession();
    advance(IDLE_TIMEOUT_MS);
    expect(screen.getAllByRole('alertdialog')).toHaveLength(1);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The idle period starts again from the touch.
    advance(IDLE_TIMEOUT_MS - 1000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'Shift' });
    advance(IDLE_TIMEOUT_MS);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: t('ui:shop.idleContinue') }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    advance(WARNING_SECONDS * 1000 + 1000);
    expect(heading().textContent).toBe(questionText('oldPlatform', 'title'));
    expect(address()).toContain('/change/');
  });

  it('on an outcome it waits 10 minutes (the customer works on their own phone), then still resets', async () => {
    expect(OUTCOME_IDLE_TIMEOUT_MS).toBeGreaterThanOrEqual(10 * 60 * 1000);
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderGuide(`${FULL_PATH}?mode=shop`);
    await resetButton();
    expect(document.querySelector('[data-outcome]')).not.toBeNull();
    advance(IDLE_TIMEOUT_MS);
    expect(screen.queryByRole('alertdialog'), 'no warning at the questions’ timeout').toBeNull();
    advance(OUTCOME_IDLE_TIMEOUT_MS - IDLE_TIMEOUT_MS - 1000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    advance(1000);
    const dialog = screen.getByRole('alertdialog', { name: t('ui:shop.idleTitle') });
    expect(within(dialog).getByRole('timer').textContent).toBe(t('ui:shop.idleCount', { seconds: WARNING_SECONDS }));
    advance(WARNING_SECONDS * 1000);
    expectCleanSlate();
  });

  it('an empty counter (nothing answered) never shows the warning', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderGuide('?mode=shop');
    await resetButton();
    advance(IDLE_TIMEOUT_MS * 5);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('outside shop mode there is no timer at all', () => {
    vi.useFakeTimers();
    renderGuide('?situation=change');
    advance(IDLE_TIMEOUT_MS * 2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(address()).toBe('/change/');
  });
});

describe('QR code and printing', () => {
  it('shop mode shows a QR code named "QR" that encodes the outcome without mode=shop', async () => {
    renderGuide(`${FULL_PATH}?mode=shop`);
    const qr = await screen.findByRole('img', { name: /QR/ });
    expect(decodeQr(qr)).toBe(`${window.location.origin}${FULL_PATH}`);
    fireEvent.click(await resetButton());
    expect(screen.queryByRole('img', { name: /QR/ })).toBeNull();
  });

  it('there is no QR code outside shop mode; 印刷 prints with a QR code added for the paper only', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderGuide(FULL_PATH);
    expect(screen.queryByRole('img', { name: /QR/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /印刷/ }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const figure = document.querySelector('[data-print-qr]') as HTMLElement;
    expect(getComputedStyle(figure).display, 'never on screen').toBe('none');
    expect(decodeQr(figure.querySelector('svg[role="img"]')!)).toBe(`${window.location.origin}${FULL_PATH}`);
    // The day it was printed, and room for the shop's note: on paper only.
    const today = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(new Date());
    expect(figure.querySelector('[data-print-date]')!.textContent).toBe(t('ui:shop.printedOn', { date: today }));
    const note = document.querySelector('[data-print-note]') as HTMLElement;
    expect(note.textContent).toBe(t('ui:shop.printNote'));
    expect(getComputedStyle(note).display, 'never on screen').toBe('none');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector('[data-print-qr], [data-print-note]')).toBeNull();
  });

  it('a shop reset removes a printout QR code that is still in the page', async () => {
    vi.spyOn(window, 'print').mockImplementation(() => {});
    renderGuide(`${FULL_PATH}?mode=shop`);
    fireEvent.click(await screen.findByRole('button', { name: /印刷/ }));
    await waitFor(() => expect(document.querySelector('[data-print-qr]')).not.toBeNull());
    fireEvent.click(await resetButton());
    expectCleanSlate();
  });

  it('the print stylesheet is linked for print media only', () => {
    renderGuide('');
    const link = document.querySelector('link[data-print-css]') as HTMLLinkElement;
    expect(link.media).toBe('print');
  });
});

describe('print stylesheet (src/shop/print.css applied as the printed page)', () => {
  // jsdom does not evaluate media queries: apply print.css's rules directly, as print media does.
  const printCss = readFileSync(resolve(__dirname, '../../src/shop/print.css'), 'utf8');
  const hidden = (el: Element | null): boolean => {
    for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return true;
    return false;
  };

  it.each([
    ['normal mode', FULL_PATH],
    ['shop mode', `${FULL_PATH}?mode=shop`],
  ])('hides controls and keeps the checklist (%s)', async (_name, search) => {
    vi.spyOn(window, 'print').mockImplementation(() => {});
    renderGuide(search);
    fireEvent.click(await screen.findByRole('button', { name: /印刷/ }));
    await waitFor(() => expect(document.querySelector('[data-print-qr]')).not.toBeNull());
    const style = document.createElement('style');
    style.dataset.testPrint = '';
    style.textContent = printCss;
    document.head.append(style);

    // Nothing to press on paper.
    const controls = [
      ...screen.getAllByRole('button', { hidden: true }),
      ...screen.getAllByRole('link', { name: new RegExp(t('ui:answers.change')), hidden: true }),
      screen.getByRole('link', { name: t('ui:answers.restart'), hidden: true }),
      screen.getByRole('navigation', { hidden: true }),
      screen.getByRole('contentinfo', { hidden: true }),
    ];
    for (const el of controls) expect(hidden(el), `${el.tagName} ${el.textContent} hidden`).toBe(true);

    // The checklist stays: headline, numbered steps, hotlines, sources, date, QR code.
    const outcome = document.querySelector('[data-outcome]') as HTMLElement;
    const kept = [
      heading(),
      ...outcome.querySelectorAll('ol > li'),
      ...screen.getAllByRole('link', { name: /0120-95-0178|0120-0178-27/ }),
      ...within(screen.getByRole('region', { name: t('ui:outcome.officialHeading') })).getAllByRole('link'),
      screen.getByText(/2026年/, { selector: '.checked' }),
      document.querySelector('[data-print-qr]')!,
      document.querySelector('[data-print-date]')!,
      document.querySelector('[data-print-note]')!,
    ];
    for (const el of kept) expect(hidden(el), `${el.tagName} ${el.textContent?.slice(0, 30)} shown`).toBe(false);
  });
});
