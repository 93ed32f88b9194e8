// The browser entry. Every address of the guide is a page of the built site that already holds
// its step as static HTML (scripts/prerender.ts), so the app hydrates it: same tree, same words,
// no second render, no layout shift. Before that it loads what the step needs (another
// language's words, the outcome screen), which the server render had too.
// When the page does not hold this address's step (the service worker's shell page for a step
// opened offline, shop mode or the overview, an old query-string link, the not-found page) the
// app renders the step fresh; whatever static HTML is there stays on screen until it commits.
import { StrictMode, startTransition, useLayoutEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { DEFAULT_LANG, ensureLanguage, i18n, langOf } from '../content/i18n';
import { loadOutcome } from './lazyOutcome';
import { stepOf } from '../machine/step';
import { decode } from './url';
import '../views/styles.css';

const container = document.getElementById('root')!;
const { pathname, search } = window.location;
const decoded = decode(pathname, search);
const lang = langOf(decoded.settings);
const app = (
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Live>
        <App path={pathname} search={search} />
      </Live>
    </I18nextProvider>
  </StrictMode>
);

/** Marks the page as the app's (html[data-app]) once its first render is committed. */
function Live({ children }: { children: ReactNode }) {
  useLayoutEffect(() => {
    document.documentElement.setAttribute('data-app', '');
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
if (decoded.settings.mode === 'shop')
  document.querySelector('link[rel="manifest"]')?.setAttribute('href', '/manifest-shop.webmanifest');

// The page was prerendered for exactly this address (scripts/prerender.ts writes data-path).
const prerendered = container.dataset.path === pathname && !search && container.hasChildNodes();

const waits: Promise<void>[] = [];
// Japanese words are bundled, but for the outcomes' (with the outcome chunk, below): asking for
// all of Japanese here would load those on every page, before hydration.
if (lang !== DEFAULT_LANG) waits.push(ensureLanguage(lang) ?? Promise.resolve());
if (!decoded.notFound && stepOf(decoded.snapshot).kind === 'outcome') waits.push(loadOutcome(lang));
// The overview is a lazy chunk too: load it before the first render, so main is never empty.
if (decoded.settings.view === 'overview') waits.push(import('../views/Overview').then(() => undefined));

const start = () => {
  // As a transition, the first render runs in short slices: the static page stays responsive.
  if (prerendered) startTransition(() => void hydrateRoot(container, app));
  else {
    // React clears the container when it commits: the static HTML stays on screen until then.
    const root = createRoot(container);
    startTransition(() => root.render(app));
  }
  afterFirstScreen();
};
// If something could not load (offline before the service worker is there), render anyway:
// hydration then falls back to a client render, and the page stays usable.
Promise.all(waits).then(start, start);
