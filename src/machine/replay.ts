// Rebuild a step from answers by replaying them through the machine (pure transitions, no actor).
// This is how shared links, Back/Forward and reload all work: the answers are the state.
import { initialTransition, transition } from 'xstate';
import { answerEvent, guideMachine } from './guide';
import type { Answers, QuestionId } from './questions';
import { stepOf, type GuideSnapshot } from './step';

export type Replay = {
  snapshot: GuideSnapshot;
  /** The answers the machine accepted, in the order asked. */
  kept: Answers;
  /** Question ids whose given value could not be used on this path. */
  dropped: string[];
};

/**
 * Walk from the first question, taking each question's answer from `given` while the machine
 * accepts it. Stops at the first question left open or refused; everything not used is dropped
 * (an answer after an open question is not kept for later).
 */
export function replay(given: Readonly<Record<string, string>>): Replay {
  let [snapshot] = initialTransition(guideMachine);
  const kept: Answers = {};
  const used = new Set<string>();
  for (;;) {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') break;
    const q: QuestionId = step.question;
    if (!Object.prototype.hasOwnProperty.call(given, q)) break;
    const event = answerEvent(q, given[q]!);
    if (!snapshot.can(event)) break;
    [snapshot] = transition(guideMachine, snapshot, event);
    used.add(q);
    (kept as Record<string, string>)[q] = given[q]!;
  }
  const dropped = Object.keys(given).filter((k) => !used.has(k));
  return { snapshot, kept, dropped };
}

/** The snapshot after answering `question` with `value` from `snapshot`, or null if refused. */
export function answer(snapshot: GuideSnapshot, question: QuestionId, value: string): GuideSnapshot | null {
  const event = answerEvent(question, value);
  if (!snapshot.can(event)) return null;
  return transition(guideMachine, snapshot, event)[0];
}
