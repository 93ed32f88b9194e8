// The browser entry. The built page already holds the first screen as static HTML (the
// introduction and the first question, in Japanese: scripts/prerender.ts), so the address with no
// query string hydrates it: same tree, same words, no second render, no layout shift.
// Any other address (a deep link, another language, shop mode) shows a different step: the page
// keeps #root hidden (src/views/prerender.css), or shows that step's static copy from the build, while
// what the step needs loads (another language's words, the outcome chunk), then renders it fresh
// in one go and reveals it.
import { StrictMode, startTransition, useLayoutEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { DEFAULT_LANG, ensureLanguage, i18n, langOfSearch } from '../content/i18n';
import { loadOutcome } from './lazyOutcome';
import { stepOf } from '../machine/step';
import { decode } from './url';
import '../views/styles.css';
import '../views/prerender.css';

const container = document.getElementById('root')!;
const search = window.location.search;
const lang = langOfSearch(search);
const app = (
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App search={search} />
    </I18nextProvider>
  </StrictMode>
);

/** The page's inline script stops standing in for the app's taps (scripts/prerender.ts). */
const appHandlesTaps = () => document.documentElement.setAttribute('data-app', '');

/**
 * Shows #root (hidden for deep links by the page's inline script) once this step is committed.
 * Until then the static copy of the step may be on screen, and the inline script still handles
 * its taps.
 */
function Reveal({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    document.documentElement.classList.remove('deeplink');
    appHandlesTaps();
  }, []);
  return children;
}

/** After the first screen: fetch what later steps need, then the service worker. */
function afterFirstScreen(): void {
  const idle: (fn: () => void) => void = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 1));
  idle(() => {
    loadOutcome(lang).catch(() => undefined); // retried when an outcome is reached
  });
  if (import.meta.env.PROD) {
    const start = () => void import('../offline/pwa').then((pwa) => pwa.registerServiceWorker());
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }
}

// Installed from shop mode, the app should open in shop mode: offer that manifest (scripts/manifest.ts).
if (decode(search).settings.mode === 'shop')
  document.querySelector('link[rel="manifest"]')?.setAttribute('href', '/manifest-shop.webmanifest');

if (!search && lang === DEFAULT_LANG && container.hasChildNodes()) {
  // Hydration replays taps made while it runs: from here on they are the app's.
  appHandlesTaps();
  // As a transition, hydration runs in short slices: the static page stays responsive (TBT).
  startTransition(() => {
    hydrateRoot(container, app);
  });
  afterFirstScreen();
} else {
  const waits: Promise<void>[] = [];
  if (lang !== DEFAULT_LANG) waits.push(ensureLanguage(lang) ?? Promise.resolve());
  const { snapshot, settings } = decode(search);
  if (stepOf(snapshot).kind === 'outcome') waits.push(loadOutcome(lang));
  // The overview is a lazy chunk too: load it before the first render, so main is never empty.
  if (settings.view === 'overview') waits.push(import('../views/Overview').then(() => undefined));
  const start = () => {
    // The container still holds static HTML: the first question (hidden), or this step's static
    // copy (shown by the page's inline script). React clears it when it commits this render, so
    // the static copy stays on screen until the app's own is there.
    const root = createRoot(container);
    // Rendered in short slices (a transition); shown in one go when committed.
    startTransition(() => root.render(<Reveal>{app}</Reveal>));
    afterFirstScreen();
  };
  // If something could not load (offline before the service worker is there), render anyway.
  if (waits.length) Promise.all(waits).then(start, start);
  else start();
}
