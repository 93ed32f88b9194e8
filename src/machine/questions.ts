// The questions and their answers, in the order the guide asks them. These ids are part of the
// public URL contract (docs/rules.md, src/app/url.ts): renaming one breaks every shared link.
//
// `situation` lists the urgent answer (a lost phone) first, so it is on screen without scrolling;
// the first four are about the phone, the last five about the card or the passwords
// (SITUATION_GROUPS, for the headings that group them on screen).
export const QUESTIONS = {
  situation: ['lost', 'change', 'handover', 'repair', 'renewal', 'moved', 'cardLost', 'password', 'cardPassword'],
  certificate: ['yes', 'no', 'unknown'],
  oldPlatform: ['android', 'iphone'],
  // `gone` (sold, traded in, lost or broken) was split on 2026-12-04 into `lost` and
  // `soldOrBroken`: a lost phone needs the call at once (src/machine/successors.ts, flow 2).
  oldPhone: ['usable', 'reset', 'lost', 'soldOrBroken'],
  // The new phone's platform comes before its support, so the support question can show the
  // check for that platform (flow 2).
  newPlatform: ['android', 'iphone'],
  newPhone: ['supported', 'unsupported', 'unknown'],
} as const;

/** The first question's answers in two groups, each under a short heading (content: questions.situation.groups). */
export const SITUATION_GROUPS = {
  phone: ['lost', 'change', 'handover', 'repair'],
  card: ['renewal', 'moved', 'cardLost', 'password', 'cardPassword'],
} as const satisfies Record<string, readonly (typeof QUESTIONS.situation)[number][]>;

export type QuestionId = keyof typeof QUESTIONS;
export type AnswerId<Q extends QuestionId = QuestionId> = (typeof QUESTIONS)[Q][number];
export type Answers = { [Q in QuestionId]?: AnswerId<Q> };

export const QUESTION_IDS = Object.keys(QUESTIONS) as QuestionId[];

export const OUTCOMES = [
  'lost-suspend',
  'change-revoke-old-then-setup',
  'change-revoke-old-keep-card',
  'change-reset-new-supported',
  'change-old-gone-new-supported',
  'reset-keep-phone',
  'old-gone-suspend',
  'revoke-before-handover',
  'revoke-before-repair',
  'card-renewal',
  'address-change',
  'card-lost',
  'password-reset',
  'no-certificate',
  'not-registered-check',
  'card-password',
] as const;

export type OutcomeId = (typeof OUTCOMES)[number];

export function isQuestionId(key: string): key is QuestionId {
  return Object.prototype.hasOwnProperty.call(QUESTIONS, key);
}

export function isAnswerOf<Q extends QuestionId>(question: Q, value: string): value is AnswerId<Q> {
  return (QUESTIONS[question] as readonly string[]).includes(value);
}
