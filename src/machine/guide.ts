// The guide's rules, and the only place they live. Each question is a state; each outcome is a
// final state. The context is the answers given so far and nothing else, so any step can be
// rebuilt from the answers alone (the URL holds them: see replay.ts).
//
// The routing table this encodes is spec/decision-tree.md, "Routing". The outcome id is decided by
// the answers in that table alone; answer-dependent wording inside an outcome is content
// (content/outcomes.json, `when`).
import { and, assign, setup } from 'xstate';
import {
  type AnswerId,
  type Answers,
  type OutcomeId,
  type QuestionId,
  QUESTIONS,
  isAnswerOf,
} from './questions';

export type AnswerEvent = {
  [Q in QuestionId]: { type: `answer.${Q}`; value: AnswerId<Q> };
}[QuestionId];

export type StepMeta =
  | { kind: 'question'; question: QuestionId; answers: readonly string[] }
  | { kind: 'outcome'; outcome: OutcomeId };

export function answerEvent<Q extends QuestionId>(question: Q, value: string): AnswerEvent {
  // The value is checked by the machine's guards, not here: an unknown value is simply refused.
  return { type: `answer.${question}`, value } as AnswerEvent;
}

export function questionOfEvent(event: AnswerEvent): QuestionId {
  return event.type.slice('answer.'.length) as QuestionId;
}

const question = <Q extends QuestionId>(q: Q) => ({
  meta: { kind: 'question', question: q, answers: QUESTIONS[q] } satisfies StepMeta,
});

const outcome = (id: OutcomeId) => ({
  type: 'final' as const,
  meta: { kind: 'outcome', outcome: id } satisfies StepMeta,
});

export const guideMachine = setup({
  types: {
    context: {} as Answers,
    events: {} as AnswerEvent,
    meta: {} as StepMeta,
  },
  guards: {
    // The answer is one that this question offers (anything else, e.g. from a hand-edited link,
    // is refused and changes nothing).
    isOffered: ({ event }) => isAnswerOf(questionOfEvent(event), event.value),
    hasNoCertificate: ({ event }) => event.value === 'no',
    phoneIsLost: ({ context }) => context.situation === 'lost',
    isChangingPhones: ({ context }) => context.situation === 'change',
    isHandingOver: ({ context }) => context.situation === 'handover',
    isRepairing: ({ context }) => context.situation === 'repair',
    // On `oldPhone`: the old phone can still run the app, so it can revoke its own certificate.
    oldPhoneUsable: ({ event }) => event.value === 'usable',
    // On `newPhone`: the old phone is usable (answered before) and the new one can hold it.
    oldPhoneUsableAndNewSupported: ({ context, event }) =>
      context.oldPhone === 'usable' && event.value === 'supported',
    oldPhoneUsableAndNewNotSupported: ({ context }) => context.oldPhone === 'usable',
    // The old phone is reset or gone, but the new phone is supported: registering there revokes it.
    newPhoneSupported: ({ event }) => event.value === 'supported',
  },
  actions: {
    record: assign(({ context, event }) => ({ ...context, [questionOfEvent(event)]: event.value })),
  },
}).createMachine({
  id: 'guide',
  initial: 'situation',
  context: {},
  states: {
    situation: {
      ...question('situation'),
      on: { 'answer.situation': { guard: 'isOffered', target: 'certificate', actions: 'record' } },
    },
    certificate: {
      ...question('certificate'),
      on: {
        'answer.certificate': [
          { guard: and(['isOffered', 'hasNoCertificate']), target: 'no-certificate', actions: 'record' },
          // `unknown` continues exactly like `yes`: the safe assumption.
          { guard: and(['isOffered', 'phoneIsLost']), target: 'lost-suspend', actions: 'record' },
          { guard: 'isOffered', target: 'oldPlatform', actions: 'record' },
        ],
      },
    },
    oldPlatform: {
      ...question('oldPlatform'),
      on: { 'answer.oldPlatform': { guard: 'isOffered', target: 'oldPhone', actions: 'record' } },
    },
    oldPhone: {
      ...question('oldPhone'),
      on: {
        'answer.oldPhone': [
          { guard: and(['isOffered', 'isChangingPhones']), target: 'newPhone', actions: 'record' },
          { guard: and(['isOffered', 'isHandingOver', 'oldPhoneUsable']), target: 'revoke-before-handover', actions: 'record' },
          { guard: and(['isOffered', 'isRepairing', 'oldPhoneUsable']), target: 'revoke-before-repair', actions: 'record' },
          // Handover or repair with the old phone reset or gone.
          { guard: 'isOffered', target: 'old-gone-suspend', actions: 'record' },
        ],
      },
    },
    newPhone: {
      ...question('newPhone'),
      on: {
        'answer.newPhone': [
          { guard: and(['isOffered', 'oldPhoneUsableAndNewSupported']), target: 'change-revoke-old-then-setup', actions: 'record' },
          { guard: and(['isOffered', 'oldPhoneUsableAndNewNotSupported']), target: 'change-revoke-old-keep-card', actions: 'record' },
          { guard: and(['isOffered', 'newPhoneSupported']), target: 'change-old-gone-new-supported', actions: 'record' },
          // Old phone reset or gone, and no supported phone at hand.
          { guard: 'isOffered', target: 'old-gone-suspend', actions: 'record' },
        ],
      },
    },
    'lost-suspend': outcome('lost-suspend'),
    'change-revoke-old-then-setup': outcome('change-revoke-old-then-setup'),
    'change-revoke-old-keep-card': outcome('change-revoke-old-keep-card'),
    'change-old-gone-new-supported': outcome('change-old-gone-new-supported'),
    'old-gone-suspend': outcome('old-gone-suspend'),
    'revoke-before-handover': outcome('revoke-before-handover'),
    'revoke-before-repair': outcome('revoke-before-repair'),
    'no-certificate': outcome('no-certificate'),
  },
});
