// `t` (and the i18n instance) for the small components a screen renders many times (each text,
// term, source link, evidence box). react-i18next's useTranslation copies the whole i18n instance
// for every component that mounts it: on an outcome (≈100 of them) that alone cost ≈50 ms per tap
// at 4× CPU. These components follow the language without their own subscription: nothing is
// memoised, so they re-render with the screen, and the screens' own useTranslation (App.tsx,
// OutcomeView, QuestionView…) re-renders on a language change.
import { useContext } from 'react';
import type { i18n as I18n, TFunction } from 'i18next';
import { I18nContext } from 'react-i18next';

export function useWords(): { t: TFunction; i18n: I18n } {
  const { i18n } = useContext(I18nContext);
  return { t: i18n.t.bind(i18n) as TFunction, i18n };
}
