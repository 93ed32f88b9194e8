// The page's <title> and description for a step. The <title>: the question or the outcome, then the guide's name. One function
// for the app (App.tsx) and the static pages of the build (entry-server.tsx).
import type { TFunction } from 'i18next';
import { plainText } from './i18n';
import type { StepMeta } from '../machine/guide';
import type { Answers } from '../machine/questions';
import { questionKey } from './questionWords';

/** `step` null: the not-found page. */
export function pageTitle(t: TFunction, step: StepMeta | null, overview = false, answers: Answers = {}): string {
  if (!step) return plainText(t('ui:meta.titleNotFound'));
  if (overview) return plainText(t('ui:meta.titleOverview'));
  return plainText(
    step.kind === 'question'
      ? t('ui:meta.titleQuestion', { step: t(questionKey(step.question, 'title', answers)) })
      : t('ui:meta.titleOutcome', { step: t(`outcomes:${step.outcome}.title`) }),
  );
}

/** The first words of a text, cut at a sentence end when one comes early enough. */
function summary(text: string, max = 120): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '));
  return end > max / 2 ? cut.slice(0, end + 1) : `${cut.slice(0, max - 1)}…`;
}

/**
 * The page's description (and a shared link's og:description): an outcome's is the start of its
 * lead, any other page's the guide's own. `step` null: the not-found page.
 */
export function pageDescription(t: TFunction, step: StepMeta | null): string {
  if (!step) return plainText(t('ui:notFound.body'));
  if (step.kind === 'outcome') return summary(plainText(t(`outcomes:${step.outcome}.lead`)));
  return plainText(t('ui:meta.description'));
}
