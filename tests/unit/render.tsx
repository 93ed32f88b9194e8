// Render the whole guide as a user gets it, at a given address: a path (`/change/yes/`) or an
// old query-string link (`?situation=change`), which the app reads and rewrites.
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../src/app/App';
import { i18n, type Lang } from '../../src/content/i18n';
import { decode } from '../../src/app/url';
import { questionKey } from '../../src/content/questionWords';
import type { QuestionId } from '../../src/machine/questions';

export function renderGuide(address = '/') {
  window.history.replaceState(null, '', address.startsWith('/') ? address : `/${address}`);
  return render(
    <I18nextProvider i18n={i18n}>
      <App path={window.location.pathname} search={window.location.search} />
    </I18nextProvider>,
  );
}

/** The page's address as the user sees it (path and query). */
export const address = () => window.location.pathname + window.location.search;

/**
 * A question's words as the screen shows them now: some questions read differently after an
 * earlier answer (src/content/questionWords.ts), and the answers so far are the address's.
 */
export function questionText(question: QuestionId, slot: string, lang?: Lang): string {
  const given = decode(window.location.pathname, window.location.search).kept;
  return (lang ? i18n.getFixedT(lang) : i18n.t)(questionKey(question, slot, given)) as string;
}
