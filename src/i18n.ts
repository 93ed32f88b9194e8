// i18next, initialised synchronously with the Japanese content bundled, so the first screen (and
// the prerendered HTML) never waits for a request.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ui from '../content/ja/ui.json';
import questions from '../content/ja/questions.json';
import outcomes from '../content/ja/outcomes.json';
import terms from '../content/ja/terms.json';

export const NAMESPACES = ['ui', 'questions', 'outcomes', 'terms'] as const;
export const DEFAULT_LANG = 'ja';

export const i18n = i18next.createInstance();
i18n.use(initReactI18next).init({
  lng: DEFAULT_LANG,
  fallbackLng: false,
  ns: [...NAMESPACES],
  defaultNS: 'ui',
  resources: { ja: { ui, questions, outcomes, terms } },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
