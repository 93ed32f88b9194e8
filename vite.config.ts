import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prerender } from './scripts/prerender.ts';
import { webManifests } from './scripts/manifest.ts';
import { inlineFavicon } from './scripts/favicon.ts';
import { freshnessWarning } from './scripts/freshness.ts';
import { staticHost } from './scripts/static-host.ts';
import { leanSources } from './scripts/lean-sources.ts';
import { phraseBreaks } from './scripts/phrase-breaks.ts';

export default defineConfig({
  resolve: {
    // React 19's own hook instead of the polyfill for older Reacts that react-i18next and
    // @xstate/react import (src/app/useSyncExternalStore.ts); the selector variant is the package's
    // own non-shim build, which uses React's hook.
    alias: [
      {
        find: /^use-sync-external-store\/shim$/,
        replacement: fileURLToPath(new URL('./src/app/useSyncExternalStore.ts', import.meta.url)),
      },
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  plugins: [
    // content/sources.json without the register keepers' notes in the built app (scripts/lean-sources.ts).
    leanSources(),
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
        // Only steps get shell.html. A file opened in a tab the worker controls (sitemap.xml,
        // 404.html, sw.js, _headers, an icon: a last path segment with a dot, or starting with _)
        // is itself, from the precache or the network. The query is ignored ([^?]* before the
        // last slash); no step's segment has a dot or a leading _ (tests/e2e/sw-files.e2e.ts).
        navigateFallbackDenylist: [/^[^?]*\/(?:_[^/?]*|[^/?]*\.[^/?]*)(?:\?.*)?$/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Browsers without modulepreload simply fetch the chunks when imported; no polyfill needed.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // use-sync-external-store is CommonJS, so the bundler keeps it even where nothing uses it:
      // @xstate/react imports its selector variant for useSelector, which the guide does not use.
      // The package only defines functions, so it is declared free of side effects.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]use-sync-external-store[\\/]/.test(id) },
      output: {
        // Everything the first screen runs in one chunk (rolldown would otherwise split modules
        // shared with lazy chunks into extra first-load chunks; one file compresses better).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
