// The page's <title> for a step: the question or the outcome, then the guide's name. One function
// for the app (App.tsx) and the static pages of the build (entry-server.tsx).
import type { TFunction } from 'i18next';
import { plainText } from './i18n';
import type { StepMeta } from '../machine/guide';

/** `step` null: the not-found page. */
export function pageTitle(t: TFunction, step: StepMeta | null, overview = false): string {
  if (!step) return plainText(t('ui:meta.titleNotFound'));
  if (overview) return plainText(t('ui:meta.titleOverview'));
  return plainText(
    step.kind === 'question'
      ? t('ui:meta.titleQuestion', { step: t(`questions:${step.question}.title`) })
      : t('ui:meta.titleOutcome', { step: t(`outcomes:${step.outcome}.title`) }),
  );
}
