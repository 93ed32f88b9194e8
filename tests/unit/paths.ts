// Every path through the guide machine, enumerated with xstate/graph. Tests replay these in the
// machine, through the URL and through the rendered UI.
import { getSimplePaths } from 'xstate/graph';
import { answerEvent, guideMachine, questionOfEvent, type AnswerEvent } from '../../src/machine/guide';
import type { Answers, OutcomeId, QuestionId } from '../../src/machine/questions';
import { stepOf, type GuideSnapshot } from '../../src/machine/step';

export type GuidePath = {
  /** The answers in the order they were given. */
  steps: { question: QuestionId; answer: string }[];
  answers: Answers;
  outcome: OutcomeId;
};

function eventsFor(snapshot: GuideSnapshot): AnswerEvent[] {
  const step = stepOf(snapshot);
  return step.kind === 'question' ? step.answers.map((a) => answerEvent(step.question, a)) : [];
}

export function allPaths(): GuidePath[] {
  const paths = getSimplePaths(guideMachine, { events: eventsFor });
  return paths
    .filter((p) => p.state.status === 'done')
    .map((p) => {
      const steps = p.steps
        .map((s) => s.event as AnswerEvent | { type: 'xstate.init' })
        .filter((e): e is AnswerEvent => e.type.startsWith('answer.'))
        .map((e) => ({ question: questionOfEvent(e), answer: e.value as string }));
      const step = stepOf(p.state as GuideSnapshot);
      if (step.kind !== 'outcome') throw new Error('a finished path must end on an outcome');
      return { steps, answers: p.state.context as Answers, outcome: step.outcome };
    });
}

export function rawPaths() {
  return getSimplePaths(guideMachine, { events: eventsFor });
}
