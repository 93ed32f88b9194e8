// The service worker's update, as app state (tiny, in the first-load chunk; the registration
// itself is src/offline/pwa.ts, a lazy chunk). A new release waits until it is applied:
// - normally the page shows a polite notice with a button (src/offline/pwaNotice.tsx);
// - in shop mode nothing is shown and nothing is asked: it is applied at the next reset for the
//   next customer (src/shop/resetHooks.ts runs applyPendingUpdate), never in the middle of one.
import { onShopReset } from '../shop/resetHooks';

let apply: (() => void) | undefined;
const listeners = new Set<() => void>();

/** Called by src/offline/pwa.ts when a new release is installed and waiting. */
export function setPendingUpdate(fn: () => void): void {
  apply = fn;
  for (const l of listeners) l();
}

export function updateReady(): boolean {
  return apply !== undefined;
}

export function subscribeUpdate(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Apply a waiting release now (the page reloads at its current address). Returns false when
 * there is none. Shop mode calls it on each reset.
 */
export function applyPendingUpdate(): boolean {
  if (!apply) return false;
  const fn = apply;
  apply = undefined;
  fn();
  return true;
}

onShopReset(() => {
  applyPendingUpdate();
});
