import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prerender } from './scripts/prerender.ts';
import { webManifests } from './scripts/manifest.ts';
import { inlineFavicon } from './scripts/favicon.ts';
import { freshnessWarning } from './scripts/freshness.ts';

export default defineConfig({
  plugins: [
    react(),
    // A warning when the words were last compared with the facts more than 90 days ago.
    freshnessWarning(),
    // The favicon inside the page, so a change of address requests nothing (scripts/favicon.ts).
    inlineFavicon(),
    // The first screen as static HTML in dist/index.html, and the CSP meta tag (build only).
    prerender(),
    // The two web app manifests (normal and shop mode), from the content (scripts/manifest.ts).
    webManifests(),
    // Offline (issue 7): a Workbox service worker that precaches every built file: all languages,
    // the outcome screen, the overview, shop mode's extras. It runs after the prerender, so the
    // precached index.html is the prerendered one. Registered from src/offline/pwa.ts (no inline script:
    // the CSP blocks it); updates wait for the user (registerType 'prompt', src/offline/pwaUpdate.ts).
    // The web app manifests come from webManifests() above.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,ico,txt,webmanifest}'],
        navigateFallback: 'index.html',
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
