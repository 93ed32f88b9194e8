// The questions and their answers, in the order the guide asks them. These ids are part of the
// public URL contract (spec/decision-tree.md): renaming one breaks every shared link.
export const QUESTIONS = {
  situation: ['change', 'handover', 'repair', 'lost'],
  certificate: ['yes', 'no', 'unknown'],
  oldPlatform: ['android', 'iphone'],
  oldPhone: ['usable', 'reset', 'gone'],
  newPhone: ['supported', 'unsupported', 'unknown'],
} as const;

export type QuestionId = keyof typeof QUESTIONS;
export type AnswerId<Q extends QuestionId = QuestionId> = (typeof QUESTIONS)[Q][number];
export type Answers = { [Q in QuestionId]?: AnswerId<Q> };

export const QUESTION_IDS = Object.keys(QUESTIONS) as QuestionId[];

export const OUTCOMES = [
  'lost-suspend',
  'change-revoke-old-then-setup',
  'change-revoke-old-keep-card',
  'change-old-gone-new-supported',
  'old-gone-suspend',
  'revoke-before-handover',
  'revoke-before-repair',
  'no-certificate',
] as const;

export type OutcomeId = (typeof OUTCOMES)[number];

export function isQuestionId(key: string): key is QuestionId {
  return Object.prototype.hasOwnProperty.call(QUESTIONS, key);
}

export function isAnswerOf<Q extends QuestionId>(question: Q, value: string): value is AnswerId<Q> {
  return (QUESTIONS[question] as readonly string[]).includes(value);
}
