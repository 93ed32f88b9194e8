import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { i18n } from './i18n';
import './styles.css';

const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App search={window.location.search} />
    </I18nextProvider>
  </StrictMode>
);
// The first screen may arrive prerendered; hydrate it when it does.
if (root.hasChildNodes()) hydrateRoot(root, app);
else createRoot(root).render(app);
