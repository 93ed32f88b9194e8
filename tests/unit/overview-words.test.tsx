// The overview map names every outcome by its title, also when the outcome words are not there yet
// (issue 29). In the app, Japanese `outcomes` words are a lazy chunk that arrives after the first
// screen (src/app/lazyOutcome.tsx); the test setup loads them up front, so here they are taken
// away again before the overview renders, as on a first visit. The setup's missing-key handler
// fails any test here that renders a key (tests/unit/setup.ts).
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { i18n, loadLanguage, plainText } from '../../src/content/i18n';
import jaUi from '../../content/ja/ui.json';
import jaOutcomes from '../../content/ja/outcomes.json';
import { allPaths } from './paths';
import { renderGuide } from './render';
import { keyShaped } from './keys';

beforeEach(() => {
  i18n.removeResourceBundle('ja', 'outcomes');
  // …and i18next forgets it read them (in the app they are never taken away once there).
  delete (i18n.services.backendConnector as unknown as { state: Record<string, number> }).state['ja|outcomes'];
  expect(i18n.hasResourceBundle('ja', 'outcomes')).toBe(false);
});

afterAll(() => loadLanguage('ja'));

// The expected words, straight from content/ja (its own instance, with every namespace).
const words = i18next.createInstance();
void words.init({
  lng: 'ja',
  fallbackLng: false,
  resources: { ja: { ui: jaUi, outcomes: jaOutcomes } },
  initAsync: false,
  interpolation: { escapeValue: false },
});
const title = (outcome: string) => plainText(words.t(`outcomes:${outcome}.title`));

async function settledLeaves(): Promise<{ outcome: string; text: string }[]> {
  await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 });
  const leaves = () => [...document.querySelectorAll<HTMLElement>('[data-overview-outcome]')];
  await waitFor(() => expect(leaves()).toHaveLength(allPaths().length));
  // Let whatever is on its way arrive: the words, and React's render after them.
  await new Promise((r) => setTimeout(r, 200));
  return leaves().map((leaf) => ({
    outcome: leaf.dataset.overviewOutcome!,
    text: leaf.querySelector('a')?.textContent ?? '',
  }));
}

describe('the overview before the outcome words have loaded', () => {
  for (const address of ['/?view=overview', '/change/?view=overview']) {
    it(`${address}: every outcome by its title, and no key`, async () => {
      renderGuide(address);
      const leaves = await settledLeaves();
      expect(leaves.map((l) => l.text)).toEqual(leaves.map((l) => title(l.outcome)));
      expect(keyShaped(document.body.textContent ?? '')).toEqual([]);
    }, 30_000);
  }
});
