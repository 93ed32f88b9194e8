// Some questions read differently after an earlier answer: the certificate question names the
// phone it is about (the old one, in a change), the support question shows the check for the
// platform named. The words are content, under keys with a `_<answer>` suffix
// (questions:certificate.title_change: i18next's context suffix); which earlier answer picks them
// is declared here. A slot with no such key reads the same for every answer.
import type { Answers, QuestionId } from '../machine/questions';
import { i18n } from './i18n';
import { WORDED_BY } from './wordedBy';

/** The content key of a question's slot (`title`, `hint`, `help`, `answers.<id>`) after these answers. */
export function questionKey(question: QuestionId, slot: string, answers: Answers): string {
  const by = WORDED_BY[question];
  const value = by ? answers[by] : undefined;
  const base = `questions:${question}.${slot}`;
  return value !== undefined && i18n.exists(`${base}_${value}`) ? `${base}_${value}` : base;
}
