// The guide's rules, and the only place they live. Each question is a state; each outcome is a
// final state. The context is the answers given so far and nothing else, so any step can be
// rebuilt from the answers alone (the URL holds them: see replay.ts).
//
// The routing table this encodes is written out in docs/rules.md (with why each row is so). The
// outcome id is decided by the answers alone; answer-dependent wording inside an outcome is content
// (content/outcomes.json, `when`): for example the steps for each old → new platform pair.
import { and, assign, setup } from 'xstate';
import { type AnswerId, type Answers, type OutcomeId, type QuestionId, QUESTIONS, isAnswerOf } from './questions';

export type AnswerEvent = {
  [Q in QuestionId]: { type: `answer.${Q}`; value: AnswerId<Q> };
}[QuestionId];

export type StepMeta =
  { kind: 'question'; question: QuestionId; answers: readonly string[] } | { kind: 'outcome'; outcome: OutcomeId };

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
    // Only the plastic card is lost, or only its passwords are forgotten: the card is the subject,
    // so whether a phone holds a certificate is not asked.
    onlyCardLost: ({ event }) => event.value === 'cardLost',
    onlyCardPassword: ({ event }) => event.value === 'cardPassword',
    phoneIsLost: ({ context }) => context.situation === 'lost',
    isChangingPhones: ({ context }) => context.situation === 'change',
    isHandingOver: ({ context }) => context.situation === 'handover',
    isRepairing: ({ context }) => context.situation === 'repair',
    isRenewing: ({ context }) => context.situation === 'renewal',
    hasMoved: ({ context }) => context.situation === 'moved',
    // The card's side of life (renewal, a move, passwords) asks only which phone holds it.
    isAboutThePhone: ({ context }) => ['change', 'handover', 'repair'].includes(context.situation ?? ''),
    oldPhoneUsable: ({ event }) => event.value === 'usable',
    // A reset phone is still in hand and still holds its certificate: it is never routed like a
    // gone one (it can still be dealt with, and must be kept until it is).
    oldPhoneReset: ({ event }) => event.value === 'reset',
    // A lost or stolen old phone is a loss, whatever else is going on: the call, at once (S3).
    oldPhoneLost: ({ event }) => event.value === 'lost',
    // A supported new phone, or an iPhone whose support is not known yet: the iPhone paths revoke
    // or stop the old certificate first whatever the new phone turns out to be, so they are safe
    // with a check of the new iPhone first (content `when`); an Android of unknown support is
    // not (registering there is how Android → Android revokes the old one).
    newPhoneUsable: ({ context, event }) =>
      event.value === 'supported' || (event.value === 'unknown' && context.newPlatform === 'iphone'),
    wasUsable: ({ context }) => context.oldPhone === 'usable',
    wasReset: ({ context }) => context.oldPhone === 'reset',
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
      on: {
        'answer.situation': [
          { guard: and(['isOffered', 'onlyCardLost']), target: 'card-lost', actions: 'record' },
          { guard: and(['isOffered', 'onlyCardPassword']), target: 'card-password', actions: 'record' },
          { guard: 'isOffered', target: 'certificate', actions: 'record' },
        ],
      },
    },
    certificate: {
      ...question('certificate'),
      on: {
        'answer.certificate': [
          // "Not registered" about a phone about to leave the person's hands: be sure first.
          {
            guard: and(['isOffered', 'hasNoCertificate', 'isAboutThePhone']),
            target: 'not-registered-check',
            actions: 'record',
          },
          { guard: and(['isOffered', 'hasNoCertificate']), target: 'no-certificate', actions: 'record' },
          // `unknown` continues exactly like `yes`: the safe assumption.
          { guard: and(['isOffered', 'phoneIsLost']), target: 'lost-suspend', actions: 'record' },
          { guard: 'isOffered', target: 'oldPlatform', actions: 'record' },
        ],
      },
    },
    oldPlatform: {
      ...question('oldPlatform'),
      on: {
        'answer.oldPlatform': [
          { guard: and(['isOffered', 'isAboutThePhone']), target: 'oldPhone', actions: 'record' },
          { guard: and(['isOffered', 'isRenewing']), target: 'card-renewal', actions: 'record' },
          { guard: and(['isOffered', 'hasMoved']), target: 'address-change', actions: 'record' },
          // situation = password
          { guard: 'isOffered', target: 'password-reset', actions: 'record' },
        ],
      },
    },
    oldPhone: {
      ...question('oldPhone'),
      on: {
        'answer.oldPhone': [
          { guard: and(['isOffered', 'oldPhoneLost']), target: 'lost-suspend', actions: 'record' },
          { guard: and(['isOffered', 'isChangingPhones']), target: 'newPlatform', actions: 'record' },
          {
            guard: and(['isOffered', 'isHandingOver', 'oldPhoneUsable']),
            target: 'revoke-before-handover',
            actions: 'record',
          },
          {
            guard: and(['isOffered', 'isRepairing', 'oldPhoneUsable']),
            target: 'revoke-before-repair',
            actions: 'record',
          },
          { guard: and(['isOffered', 'oldPhoneReset']), target: 'reset-keep-phone', actions: 'record' },
          // Handover or repair with the old phone sold, traded in or broken.
          { guard: 'isOffered', target: 'old-gone-suspend', actions: 'record' },
        ],
      },
    },
    newPlatform: {
      ...question('newPlatform'),
      on: {
        'answer.newPlatform': [{ guard: 'isOffered', target: 'newPhone', actions: 'record' }],
      },
    },
    newPhone: {
      ...question('newPhone'),
      on: {
        'answer.newPhone': [
          // The platform pair decides the order of the steps (content `when`).
          {
            guard: and(['isOffered', 'newPhoneUsable', 'wasUsable']),
            target: 'change-revoke-old-then-setup',
            actions: 'record',
          },
          {
            guard: and(['isOffered', 'newPhoneUsable', 'wasReset']),
            target: 'change-reset-new-supported',
            actions: 'record',
          },
          { guard: and(['isOffered', 'newPhoneUsable']), target: 'change-old-gone-new-supported', actions: 'record' },
          { guard: and(['isOffered', 'wasUsable']), target: 'change-revoke-old-keep-card', actions: 'record' },
          { guard: and(['isOffered', 'wasReset']), target: 'reset-keep-phone', actions: 'record' },
          // Old phone sold or broken, and no phone that can take the certificate at hand.
          { guard: 'isOffered', target: 'old-gone-suspend', actions: 'record' },
        ],
      },
    },
    'lost-suspend': outcome('lost-suspend'),
    'change-revoke-old-then-setup': outcome('change-revoke-old-then-setup'),
    'change-revoke-old-keep-card': outcome('change-revoke-old-keep-card'),
    'change-reset-new-supported': outcome('change-reset-new-supported'),
    'change-old-gone-new-supported': outcome('change-old-gone-new-supported'),
    'reset-keep-phone': outcome('reset-keep-phone'),
    'old-gone-suspend': outcome('old-gone-suspend'),
    'revoke-before-handover': outcome('revoke-before-handover'),
    'revoke-before-repair': outcome('revoke-before-repair'),
    'card-renewal': outcome('card-renewal'),
    'address-change': outcome('address-change'),
    'card-lost': outcome('card-lost'),
    'password-reset': outcome('password-reset'),
    'no-certificate': outcome('no-certificate'),
    'not-registered-check': outcome('not-registered-check'),
    'card-password': outcome('card-password'),
  },
});
