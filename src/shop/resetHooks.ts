// Things to do when the counter is reset for the next customer, registered from elsewhere
// (for example: apply a waiting service-worker update, so the next customer gets the new release).
// Hooks run after the page has already been cleared and the URL replaced, so a reload is safe.
const hooks = new Set<() => void>();

/** Run `fn` on every shop reset; returns a function that unregisters it. */
export function onShopReset(fn: () => void): () => void {
  hooks.add(fn);
  return () => hooks.delete(fn);
}

export function runShopResetHooks(): void {
  for (const fn of hooks) {
    try {
      fn();
    } catch {
      // A failing hook must never keep the previous customer's answers on screen.
    }
  }
}
