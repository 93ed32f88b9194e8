// Server rendering of the first screen (the introduction and the first question), used at build
// time only (scripts/prerender.ts puts it into dist/index.html). The tree is the one main.tsx
// hydrates: same components, same content, the address with no query string.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { DEFAULT_LANG, HTML_LANG, i18n, plainText } from './i18n';
import { QUESTION_IDS } from './machine/questions';

export function render(): { html: string; title: string; lang: string } {
  const html = renderToString(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App search="" />
      </I18nextProvider>
    </StrictMode>,
  );
  // The title App sets once it runs (the first question's page title), so it does not change.
  const t = i18n.getFixedT(DEFAULT_LANG);
  const title = plainText(t('ui:meta.titleQuestion', { step: t(`questions:${QUESTION_IDS[0]}.title`) }));
  return { html, title, lang: HTML_LANG[DEFAULT_LANG] };
}
