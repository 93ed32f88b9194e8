import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, expect } from 'vitest';
import { ensureLanguage, i18n } from '../../src/content/i18n';
import { loadOutcome } from '../../src/app/lazyOutcome';

// The outcome screen and its words are a lazy chunk in the app (main.tsx preloads them after the
// first screen); load them up front so a test can render any step synchronously.
beforeAll(() => loadOutcome('ja'));

// A missing key must never reach a reader unnoticed (issue 29): i18next reports every key it
// cannot find (saveMissing + missingKeyHandler), and the test that asked for it fails, naming the
// key, the language and the screen (the address at the time).
const missing: string[] = [];
i18n.options.saveMissing = true;
i18n.options.missingKeyHandler = (lngs, ns, key) => {
  const where = typeof window === 'undefined' ? '' : ` at ${window.location.pathname}${window.location.search}`;
  missing.push(`${ns}:${key} (${[lngs].flat().join(', ')})${where}`);
};

afterEach(async () => {
  const found = [...new Set(missing.splice(0))];
  // Tests in the node environment (// @vitest-environment node) have no page to clean up.
  if (typeof window !== 'undefined') {
    cleanup();
    window.history.replaceState(null, '', '/');
    // A test that switched language must not leave the next one in it (the switch is async).
    await ensureLanguage('ja');
    if (i18n.language !== 'ja') await i18n.changeLanguage('ja');
  }
  if (found.length) throw new Error(`${expect.getState().currentTestName}: missing words for\n  ${found.join('\n  ')}`);
});
