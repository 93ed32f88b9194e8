/// <reference types="vite-plugin-pwa/client" />
// Registers the service worker (a lazy chunk, loaded after the page has loaded: main.tsx).
// Workbox precaches every built file, so after one visit the guide works with no network.
// A new release installs in the background and waits; src/offline/pwaUpdate.ts decides when it applies.
import { registerSW } from 'virtual:pwa-register';
import { setPendingUpdate } from './pwaUpdate';

const HOUR = 60 * 60 * 1000;

/** Let the waiting release take over, then reload the page where it is. */
function applyWaiting(registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting;
  if (!waiting) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  // The generated service worker then calls skipWaiting(). Chromium first stops the old worker;
  // a request from the page in that moment starts it again and the switch waits until it idles
  // out, so the page avoids making any (the favicon is inline: scripts/favicon.ts).
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/**
 * Report a waiting release, however it was found: while this page was open, before it
 * registered (another tab, or an update check still running when the page loaded), or by the
 * hourly check. The first install (no controller yet) is not an update.
 */
function watchForUpdates(registration: ServiceWorkerRegistration): void {
  const report = () => {
    if (registration.waiting && navigator.serviceWorker.controller) setPendingUpdate(() => applyWaiting(registration));
  };
  const watch = (sw: ServiceWorker | null) =>
    sw?.addEventListener('statechange', () => {
      if (sw.state === 'installed') report();
    });
  report();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true, // main.tsx calls this after the page's load event already
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      watchForUpdates(registration);
      // A shop tablet may stay open for days: look for a new release every hour and when the
      // page comes back to the foreground (a failed check offline is harmless).
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      };
      setInterval(check, HOUR);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
}
