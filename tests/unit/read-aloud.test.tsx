// Read aloud on an outcome (issue 24), through the real UI with a stub of the Web Speech API:
// shown only where the device has a voice for the page's language, reads the title and the
// numbered steps in order with that voice, stops, and starts again from the title.
import { act, fireEvent, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entriesFor } from '../../src/content/outcomes';
import { ensureLanguage, i18n, plainText } from '../../src/content/i18n';
import { I18nextProvider } from 'react-i18next';
import { encode } from '../../src/app/url';
import { ReadAloud } from '../../src/views/ReadAloud';
import { renderGuide } from './render';

const t = (k: string) => i18n.t(k) as string;
const ANSWERS = { situation: 'lost', certificate: 'yes' } as const;
const OUTCOME = 'lost-suspend';

class FakeUtterance {
  lang = '';
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

type Voice = { lang: string; name: string };

function stubSpeech(voices: Voice[]) {
  const spoken: FakeUtterance[] = [];
  const synth = {
    getVoices: () => voices,
    speak: vi.fn((u: FakeUtterance) => spoken.push(u)),
    cancel: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return { synth, spoken };
}

const control = () => document.querySelector('[data-action="read-aloud"]');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('read aloud', () => {
  it('is not there where the device cannot speak', async () => {
    expect('speechSynthesis' in window).toBe(false);
    renderGuide(encode(ANSWERS));
    await screen.findByRole('heading', { level: 1, name: plainText(t(`outcomes:${OUTCOME}.title`)) });
    expect(control()).toBeNull();
  });

  it('is not there when the device has no voice for the page’s language', async () => {
    stubSpeech([{ lang: 'en-US', name: 'English' }]);
    renderGuide(encode(ANSWERS));
    await screen.findByRole('heading', { level: 1, name: plainText(t(`outcomes:${OUTCOME}.title`)) });
    expect(control()).toBeNull();
  });

  it('reads the title and the steps in order with a Japanese voice; stops; starts again', async () => {
    const { synth, spoken } = stubSpeech([
      { lang: 'en-US', name: 'English' },
      { lang: 'ja-JP', name: 'Kyoko' },
    ]);
    renderGuide(encode(ANSWERS));
    const button = await screen.findByRole('button', { name: t('ui:outcome.readAloud') });
    expect(button.getAttribute('data-action')).toBe('read-aloud');
    const steps = entriesFor(OUTCOME, ANSWERS).steps;
    const expected = [
      plainText(t(`outcomes:${OUTCOME}.title`)),
      ...steps.map((s, i) => `${i + 1}. ${plainText(t(`outcomes:${OUTCOME}.steps.${s.id}`))}`),
    ];

    fireEvent.click(button);
    expect(spoken.map((u) => u.text)).toEqual(expected);
    expect(spoken.every((u) => u.lang === 'ja-JP' && (u.voice as Voice).name === 'Kyoko')).toBe(true);
    expect(expected[1]).not.toMatch(/<|\|/); // plain words, no markup read out
    expect(button.textContent).toBe(t('ui:outcome.readAloudStop'));

    // Stop.
    const cancels = synth.cancel.mock.calls.length;
    fireEvent.click(button);
    expect(synth.cancel.mock.calls.length).toBe(cancels + 1);
    expect(button.textContent).toBe(t('ui:outcome.readAloud'));
    // A stopped reading's late end changes nothing.
    act(() => spoken.at(-1)!.onend?.());
    expect(button.textContent).toBe(t('ui:outcome.readAloud'));

    // Start again: from the title, after cancelling anything still queued.
    fireEvent.click(button);
    expect(spoken.slice(expected.length).map((u) => u.text)).toEqual(expected);
    expect(button.textContent).toBe(t('ui:outcome.readAloudStop'));
    // When the last step has been read, the control offers to read again.
    act(() => spoken.at(-1)!.onend?.());
    expect(button.textContent).toBe(t('ui:outcome.readAloud'));
  });

  it('uses an English voice on an English page', async () => {
    const { spoken } = stubSpeech([
      { lang: 'ja-JP', name: 'Kyoko' },
      { lang: 'en-GB', name: 'Daniel' },
    ]);
    await act(async () => {
      await ensureLanguage('en');
      await i18n.changeLanguage('en');
    });
    try {
      renderGuide(encode(ANSWERS, { lang: 'en' }));
      fireEvent.click(await screen.findByRole('button', { name: t('ui:outcome.readAloud') }));
      expect(spoken.length).toBeGreaterThan(1);
      expect(spoken.every((u) => u.lang === 'en-GB' && (u.voice as Voice).name === 'Daniel')).toBe(true);
      expect(spoken[0]!.text).toBe(plainText(t(`outcomes:${OUTCOME}.title`)));
    } finally {
      await act(() => i18n.changeLanguage('ja'));
    }
  });

  it('is never in the static page (it needs the app): nothing to press that cannot work', () => {
    stubSpeech([{ lang: 'ja-JP', name: 'Kyoko' }]);
    const html = renderToString(
      <I18nextProvider i18n={i18n}>
        <ReadAloud lang="ja" keys={[`outcomes:${OUTCOME}.title`]} />
      </I18nextProvider>,
    );
    expect(html).toBe('');
  });
});
