import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { loadOutcome } from '../../src/lazyOutcome';

// The outcome screen and its words are a lazy chunk in the app (main.tsx preloads them after the
// first screen); load them up front so a test can render any step synchronously.
beforeAll(() => loadOutcome('ja'));

afterEach(() => {
  if (typeof window === 'undefined') return; // tests in the node environment (// @vitest-environment node)
  cleanup();
  window.history.replaceState(null, '', '/');
});
