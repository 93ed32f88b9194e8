// Server rendering, used at build time only (scripts/prerender.ts):
// - render(): the first screen (the introduction and the first question) that dist/index.html
//   carries and main.tsx hydrates: same components, same content, the address with no query string;
// - steps() and renderStep(): every step a link can lead to (every question and outcome the
//   machine can reach, in every language), as static HTML the page shows for a deep link until
//   the app has started (scripts/prerender.ts writes them to dist/s/).
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { initialTransition } from 'xstate';
import { App } from './App';
import { DEFAULT_LANG, ensureLanguage, HTML_LANG, i18n, langOf } from '../content/i18n';
import { loadOutcome } from './lazyOutcome';
import { guideMachine } from '../machine/guide';
import type { Answers } from '../machine/questions';
import { answer } from '../machine/replay';
import { stepOf, type GuideSnapshot } from '../machine/step';
import { pageTitle } from '../content/title';
import { decode, encode } from './url';

export type Rendered = { html: string; title: string; lang: string };

function renderApp(search: string): string {
  return renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App search={search} />
      </I18nextProvider>
    </StrictMode>,
  );
}

export function render(): Rendered {
  const html = renderApp('');
  // The title App sets once it runs, so it does not change.
  const title = pageTitle(i18n.getFixedT(DEFAULT_LANG), stepOf(initialTransition(guideMachine)[0]));
  return { html, title, lang: HTML_LANG[DEFAULT_LANG] };
}

/**
 * The canonical query string (without "?" and language) of every step after the first, found by
 * answering every question the machine asks with every answer it offers.
 */
export function steps(): string[] {
  const found: string[] = [];
  const visit = (snapshot: GuideSnapshot, answers: Answers) => {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') return;
    for (const value of step.answers) {
      const next = answer(snapshot, step.question, value);
      if (!next) continue;
      const more = { ...answers, [step.question]: value } as Answers;
      found.push(encode(more).slice(1));
      visit(next, more);
    }
  };
  visit(initialTransition(guideMachine)[0], {});
  return found;
}

/** One step as static HTML, in the language its address asks for (words loaded first). */
export async function renderStep(search: string): Promise<Rendered> {
  const { snapshot, settings } = decode(search);
  const lang = langOf(settings);
  await ensureLanguage(lang);
  const step = stepOf(snapshot);
  if (step.kind === 'outcome') await loadOutcome(lang);
  const html = renderApp(search);
  const title = pageTitle(i18n.getFixedT(lang), step);
  return { html, title, lang: HTML_LANG[lang] };
}

export { QUESTION_IDS } from '../machine/questions';
export { LANGS } from '../content/i18n';
