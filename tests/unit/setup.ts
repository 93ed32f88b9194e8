import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { ensureLanguage, i18n } from '../../src/content/i18n';
import { loadOutcome } from '../../src/app/lazyOutcome';

// The outcome screen and its words are a lazy chunk in the app (main.tsx preloads them after the
// first screen); load them up front so a test can render any step synchronously.
beforeAll(() => loadOutcome('ja'));

afterEach(async () => {
  if (typeof window === 'undefined') return; // tests in the node environment (// @vitest-environment node)
  cleanup();
  window.history.replaceState(null, '', '/');
  // A test that switched language must not leave the next one in it (the switch is async).
  await ensureLanguage('ja');
  if (i18n.language !== 'ja') await i18n.changeLanguage('ja');
});
