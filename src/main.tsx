import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { DEFAULT_LANG, ensureLanguage, i18n, langOfSearch } from './i18n';
import './styles.css';

const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App search={window.location.search} />
    </I18nextProvider>
  </StrictMode>
);
// The first screen may arrive prerendered (in Japanese); hydrate it when it does. A link in
// another language waits for that language's words (a lazy chunk), then renders it fresh.
const lang = langOfSearch(window.location.search);
const start = () => {
  if (root.hasChildNodes() && lang === DEFAULT_LANG) hydrateRoot(root, app);
  else createRoot(root).render(app);
};
const pending = ensureLanguage(lang);
if (pending) pending.then(start, start);
else start();
