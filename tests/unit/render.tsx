// Render the whole guide as a user gets it, at a given address.
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../src/app/App';
import { i18n } from '../../src/content/i18n';

export function renderGuide(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  return render(
    <I18nextProvider i18n={i18n}>
      <App search={window.location.search} />
    </I18nextProvider>,
  );
}
