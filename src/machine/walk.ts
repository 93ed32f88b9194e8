// Every step the machine can reach, found by answering every question it asks with every answer
// it offers: the pages the build writes, the addresses the register records, the tests' walks.
import { initialTransition } from 'xstate';
import { guideMachine } from './guide';
import type { Answers } from './questions';
import { answer } from './replay';
import { stepOf, type GuideSnapshot } from './step';

/** The answers of every step, the first question first, each prefix of every path once. */
export function stepAnswers(): Answers[] {
  const found: Answers[] = [{}];
  const visit = (snapshot: GuideSnapshot, answers: Answers) => {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') return;
    for (const value of step.answers) {
      const next = answer(snapshot, step.question, value);
      if (!next) continue;
      const more = { ...answers, [step.question]: value } as Answers;
      found.push(more);
      visit(next, more);
    }
  };
  visit(initialTransition(guideMachine)[0], {});
  return found;
}
