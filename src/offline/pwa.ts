/// <reference types="vite-plugin-pwa/client" />
// Registers the service worker (a lazy chunk, loaded after the page has loaded: main.tsx).
// Workbox precaches every built file, so after one visit the guide works with no network.
// A new release installs in the background and waits; src/offline/pwaUpdate.ts decides when it applies.
import { registerSW } from 'virtual:pwa-register';
import { setPendingUpdate } from './pwaUpdate';

const HOUR = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // vite-plugin-pwa's prompt flow (Workbox's window library underneath): onNeedRefresh whenever a
  // release is installed and waiting (found while this page was open, before it registered, or by
  // the hourly check below); updateSW() lets it take over and reloads the page where it is.
  const updateSW = registerSW({
    immediate: true, // main.tsx calls this after the page's load event already
    onNeedRefresh() {
      setPendingUpdate(() => void updateSW(true));
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
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
