import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prerender } from './scripts/prerender.ts';
import { webManifests } from './scripts/manifest.ts';
import { inlineFavicon } from './scripts/favicon.ts';
import { freshnessWarning } from './scripts/freshness.ts';
import { staticHost } from './scripts/static-host.ts';
import { phraseBreaks } from './scripts/phrase-breaks.ts';

export default defineConfig({
  plugins: [
    react(),
    // Japanese lines break between phrases: BudouX marks the content's phrase boundaries as the
    // build loads it (scripts/phrase-breaks.ts; the prerender's server build runs it too).
    phraseBreaks(),
    // A warning when the words were last compared with the facts more than 90 days ago.
    freshnessWarning(),
    // The favicon inside the page, so a change of address requests nothing (scripts/favicon.ts).
    inlineFavicon(),
    // Every step as a page of its own (dist/<address>index.html), 404.html, the service worker's
    // shell.html, sitemap.xml and robots.txt, each page with its CSP meta tag (build only).
    prerender(),
    // `vite preview` serves those pages as a static host would, with 404.html for the rest.
    staticHost(),
    // The two web app manifests (normal and shop mode), from the content (scripts/manifest.ts).
    webManifests(),
    // Offline (issue 7): a Workbox service worker that precaches the app: every script and style
    // (all languages, the outcome screen, the overview, shop mode's extras), the first page and
    // shell.html. The other pages (≈450) are not precached: a step opened once the worker is in
    // control gets shell.html, and the app renders the step from its address, online or not.
    // It runs after the prerender, so the precached pages are the prerendered ones. Registered
    // from src/offline/pwa.ts; updates wait for the user (registerType 'prompt', src/offline/pwaUpdate.ts).
    // The web app manifests come from webManifests() above.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['*.{html,js,css,svg,png,ico,txt,webmanifest}', 'assets/**/*.{js,css}', 'icons/*.png'],
        globIgnores: ['404.html'],
        navigateFallback: 'shell.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Browsers without modulepreload simply fetch the chunks when imported; no polyfill needed.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen runs in one chunk (rolldown would otherwise split modules
        // shared with lazy chunks into extra first-load chunks; one file compresses better).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
