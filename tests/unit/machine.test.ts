import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { initialTransition } from 'xstate';
import { answerEvent, guideMachine } from '../../src/machine/guide';
import { OUTCOMES, QUESTIONS, type Answers } from '../../src/machine/questions';
import { replay } from '../../src/machine/replay';
import { stepOf, type GuideSnapshot } from '../../src/machine/step';
import { allPaths, rawPaths } from './paths';

function outcomeOf(answers: Record<string, string>) {
  const r = replay(answers);
  const step = stepOf(r.snapshot);
  return step.kind === 'outcome' ? step.outcome : `question:${step.question}`;
}

// spec/decision-tree.md, "Routing", one row per line ('*' = any listed value).
const rows: [string, string, string, string, string][] = [
  // situation, certificate, oldPhone, newPhone, outcome
  ['change|handover|repair|lost', 'no', '-', '-', 'no-certificate'],
  ['lost', 'yes|unknown', '-', '-', 'lost-suspend'],
  ['change', 'yes|unknown', 'usable', 'supported', 'change-revoke-old-then-setup'],
  ['change', 'yes|unknown', 'usable', 'unsupported|unknown', 'change-revoke-old-keep-card'],
  ['change', 'yes|unknown', 'reset|gone', 'supported', 'change-old-gone-new-supported'],
  ['change', 'yes|unknown', 'reset|gone', 'unsupported|unknown', 'old-gone-suspend'],
  ['handover', 'yes|unknown', 'usable', '-', 'revoke-before-handover'],
  ['repair', 'yes|unknown', 'usable', '-', 'revoke-before-repair'],
  ['handover|repair', 'yes|unknown', 'reset|gone', '-', 'old-gone-suspend'],
];

describe('routing table (spec/decision-tree.md)', () => {
  for (const [situations, certificates, oldPhones, newPhones, outcome] of rows) {
    const expand = (s: string) => (s === '-' ? [undefined] : s.split('|'));
    for (const situation of expand(situations))
      for (const certificate of expand(certificates))
        for (const oldPlatform of certificates === 'no' || situation === 'lost' ? [undefined] : QUESTIONS.oldPlatform)
          for (const oldPhone of expand(oldPhones))
            for (const newPhone of expand(newPhones)) {
              const answers = Object.fromEntries(
                Object.entries({ situation, certificate, oldPlatform, oldPhone, newPhone }).filter(([, v]) => v !== undefined),
              ) as Record<string, string>;
              it(`${new URLSearchParams(answers)} → ${outcome}`, () => {
                expect(outcomeOf(answers)).toBe(outcome);
                expect(replay(answers).dropped).toEqual([]);
              });
            }
  }
});

describe('questions asked on each path', () => {
  it('asks oldPlatform only when certificate ≠ no and situation ≠ lost', () => {
    expect(outcomeOf({ situation: 'lost', certificate: 'yes' })).toBe('lost-suspend');
    expect(outcomeOf({ situation: 'change', certificate: 'yes' })).toBe('question:oldPlatform');
    expect(outcomeOf({ situation: 'repair', certificate: 'unknown' })).toBe('question:oldPlatform');
  });
  it('asks newPhone only when changing phones, after oldPhone', () => {
    expect(outcomeOf({ situation: 'change', certificate: 'yes', oldPlatform: 'iphone', oldPhone: 'gone' })).toBe(
      'question:newPhone',
    );
    expect(outcomeOf({ situation: 'handover', certificate: 'yes', oldPlatform: 'iphone', oldPhone: 'gone' })).toBe(
      'old-gone-suspend',
    );
  });
  it('treats certificate=unknown exactly like yes', () => {
    for (const p of allPaths().filter((p) => p.answers.certificate === 'yes')) {
      expect(outcomeOf({ ...p.answers, certificate: 'unknown' })).toBe(p.outcome);
    }
  });
  it('refuses an answer the question does not offer, and changes nothing', () => {
    const [start] = initialTransition(guideMachine);
    expect(start.can(answerEvent('situation', 'maybe'))).toBe(false);
    expect(start.can(answerEvent('certificate', 'yes'))).toBe(false);
    expect(start.can(answerEvent('situation', 'lost'))).toBe(true);
  });
});

describe('every path (xstate/graph)', () => {
  const paths = allPaths();

  it('enumerates 66 complete paths, one per combination of answers asked', () => {
    // no: 4 situations; lost: 2 certificates; handover and repair: 2 × 2 × 3 each; change: 2 × 2 × 3 × 3.
    expect(paths).toHaveLength(4 + 2 + 12 + 12 + 36);
    expect(new Set(paths.map((p) => JSON.stringify(p.answers))).size).toBe(paths.length);
  });

  it('has no dead ends: every reachable state is an outcome (final) or offers an answer that moves on', () => {
    const ends = rawPaths().map((p) => p.state as GuideSnapshot);
    expect(ends.length).toBeGreaterThan(66);
    for (const state of ends) {
      const step = stepOf(state);
      if (step.kind === 'outcome') expect(state.status).toBe('done');
      else expect(step.answers.some((a) => state.can(answerEvent(step.question, a))), step.question).toBe(true);
    }
  });

  it('reaches all eight outcomes, and nothing else', () => {
    expect(new Set(paths.map((p) => p.outcome))).toEqual(new Set(OUTCOMES));
  });

  it('gives every question state a way forward for every answer it offers', () => {
    const reached = getShortestPaths(guideMachine, {
      events: (s) => {
        const step = stepOf(s as GuideSnapshot);
        return step.kind === 'question' ? step.answers.map((a) => answerEvent(step.question, a)) : [];
      },
    });
    for (const p of reached) {
      const step = stepOf(p.state as GuideSnapshot);
      if (step.kind !== 'question') continue;
      for (const a of step.answers) expect(p.state.can(answerEvent(step.question, a))).toBe(true);
    }
  });

  it('keeps only the answers in the context', () => {
    for (const p of paths) {
      const keys = Object.keys(p.answers as Answers);
      expect(keys).toEqual(p.steps.map((s) => s.question));
    }
  });
});
