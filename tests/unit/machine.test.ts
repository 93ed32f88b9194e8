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

// The routing table (docs/rules.md), one row per line ('-' = not asked, '|' = any of these).
// A reset phone is never routed like a sold or broken one: it is still in hand and still holds its
// certificate, so it gets its own outcomes. A lost old phone is a loss: the call, at once.
const rows: [string, string, string, string, string, string][] = [
  // situation, certificate, oldPhone, newPlatform, newPhone, outcome
  ['lost|renewal|moved|password', 'no', '-', '-', '-', 'no-certificate'],
  ['change|handover|repair', 'no', '-', '-', '-', 'not-registered-check'],
  ['lost', 'yes|unknown', '-', '-', '-', 'lost-suspend'],
  ['change|handover|repair', 'yes|unknown', 'lost', '-', '-', 'lost-suspend'],
  ['change', 'yes|unknown', 'usable', 'android', 'supported', 'change-revoke-old-then-setup'],
  ['change', 'yes|unknown', 'usable', 'iphone', 'supported|unknown', 'change-revoke-old-then-setup'],
  ['change', 'yes|unknown', 'usable', 'android', 'unsupported|unknown', 'change-revoke-old-keep-card'],
  ['change', 'yes|unknown', 'usable', 'iphone', 'unsupported', 'change-revoke-old-keep-card'],
  ['change', 'yes|unknown', 'reset', 'android', 'supported', 'change-reset-new-supported'],
  ['change', 'yes|unknown', 'reset', 'iphone', 'supported|unknown', 'change-reset-new-supported'],
  ['change', 'yes|unknown', 'reset', 'android', 'unsupported|unknown', 'reset-keep-phone'],
  ['change', 'yes|unknown', 'reset', 'iphone', 'unsupported', 'reset-keep-phone'],
  ['change', 'yes|unknown', 'soldOrBroken', 'android', 'supported', 'change-old-gone-new-supported'],
  ['change', 'yes|unknown', 'soldOrBroken', 'iphone', 'supported|unknown', 'change-old-gone-new-supported'],
  ['change', 'yes|unknown', 'soldOrBroken', 'android', 'unsupported|unknown', 'old-gone-suspend'],
  ['change', 'yes|unknown', 'soldOrBroken', 'iphone', 'unsupported', 'old-gone-suspend'],
  ['handover', 'yes|unknown', 'usable', '-', '-', 'revoke-before-handover'],
  ['repair', 'yes|unknown', 'usable', '-', '-', 'revoke-before-repair'],
  ['handover|repair', 'yes|unknown', 'reset', '-', '-', 'reset-keep-phone'],
  ['handover|repair', 'yes|unknown', 'soldOrBroken', '-', '-', 'old-gone-suspend'],
  ['renewal', 'yes|unknown', '-', '-', '-', 'card-renewal'],
  ['moved', 'yes|unknown', '-', '-', '-', 'address-change'],
  ['password', 'yes|unknown', '-', '-', '-', 'password-reset'],
];

function expectRow(answers: Record<string, string>, outcome: string) {
  it(`${new URLSearchParams(answers)} → ${outcome}`, () => {
    expect(outcomeOf(answers)).toBe(outcome);
    expect(replay(answers).dropped).toEqual([]);
  });
}

describe('routing table (docs/rules.md)', () => {
  const expand = (s: string) => (s === '-' ? [undefined] : s.split('|'));
  for (const [situations, certificates, oldPhones, newPlatforms, newPhones, outcome] of rows) {
    for (const situation of expand(situations))
      for (const certificate of expand(certificates))
        for (const oldPlatform of certificates === 'no' || situation === 'lost' ? [undefined] : QUESTIONS.oldPlatform)
          for (const oldPhone of expand(oldPhones))
            for (const newPhone of expand(newPhones))
              for (const newPlatform of expand(newPlatforms)) {
                const answers = Object.fromEntries(
                  Object.entries({ situation, certificate, oldPlatform, oldPhone, newPlatform, newPhone }).filter(
                    ([, v]) => v !== undefined,
                  ),
                ) as Record<string, string>;
                expectRow(answers, outcome);
              }
  }
  // Only the card is lost, or only its passwords forgotten: the card is the subject, so nothing else is asked.
  expectRow({ situation: 'cardLost' }, 'card-lost');
  expectRow({ situation: 'cardPassword' }, 'card-password');

  it('covers every path of the machine with exactly one row', () => {
    let covered = 0;
    for (const [situations, certificates, oldPhones, newPlatforms, newPhones] of rows) {
      const n = (s: string) => expand(s).length;
      const platforms = certificates === 'no' || situations === 'lost' ? 1 : 2;
      covered += n(situations) * n(certificates) * platforms * n(oldPhones) * n(newPhones) * n(newPlatforms);
    }
    expect(covered + 2).toBe(allPaths().length);
  });
});

describe('questions asked on each path', () => {
  it('asks oldPlatform only when certificate ≠ no and situation ≠ lost', () => {
    expect(outcomeOf({ situation: 'lost', certificate: 'yes' })).toBe('lost-suspend');
    expect(outcomeOf({ situation: 'change', certificate: 'yes' })).toBe('question:oldPlatform');
    expect(outcomeOf({ situation: 'repair', certificate: 'unknown' })).toBe('question:oldPlatform');
  });
  it('asks the new phone only when changing phones, its platform first, then its support', () => {
    const base = { situation: 'change', certificate: 'yes', oldPlatform: 'iphone' };
    expect(outcomeOf({ ...base, oldPhone: 'soldOrBroken' })).toBe('question:newPlatform');
    expect(outcomeOf({ ...base, oldPhone: 'soldOrBroken', newPlatform: 'iphone' })).toBe('question:newPhone');
    expect(outcomeOf({ ...base, situation: 'handover', oldPhone: 'soldOrBroken' })).toBe('old-gone-suspend');
    for (const oldPhone of ['usable', 'reset', 'soldOrBroken'])
      expect(outcomeOf({ situation: 'change', certificate: 'yes', oldPlatform: 'android', oldPhone })).toBe(
        'question:newPlatform',
      );
  });
  it('a lost old phone is a loss in every situation about the phone: the call at once, nothing more asked', () => {
    for (const situation of ['change', 'handover', 'repair'])
      for (const oldPlatform of QUESTIONS.oldPlatform)
        expect(outcomeOf({ situation, certificate: 'yes', oldPlatform, oldPhone: 'lost' })).toBe('lost-suspend');
  });
  it('a new iPhone of unknown support never gets the unsupported-phone outcome', () => {
    for (const p of allPaths().filter((p) => p.answers.newPlatform === 'iphone' && p.answers.newPhone === 'unknown'))
      expect(['change-revoke-old-then-setup', 'change-reset-new-supported', 'change-old-gone-new-supported']).toContain(
        p.outcome,
      );
  });
  it('"not registered" before a change, hand-over or repair says how to be sure, never "nothing to do"', () => {
    for (const situation of ['change', 'handover', 'repair'])
      expect(outcomeOf({ situation, certificate: 'no' })).toBe('not-registered-check');
  });
  it('an old query link with the retired answer oldPhone=gone asks the old phone again, earlier answers kept', () => {
    const old = {
      situation: 'change',
      certificate: 'yes',
      oldPlatform: 'android',
      oldPhone: 'gone',
      newPhone: 'supported',
    };
    expect(outcomeOf(old)).toBe('question:oldPhone');
  });
  it('asks nothing after cardLost, and asks the platform for the card-side answers', () => {
    expect(outcomeOf({ situation: 'cardLost' })).toBe('card-lost');
    expect(replay({ situation: 'cardLost', certificate: 'yes' }).dropped).toEqual(['certificate']);
    for (const situation of ['renewal', 'moved', 'password'])
      expect(outcomeOf({ situation, certificate: 'yes' })).toBe('question:oldPlatform');
    expect(outcomeOf({ situation: 'cardPassword' })).toBe('card-password');
  });
  it('never routes a reset phone to an outcome that says it can no longer be revoked', () => {
    for (const p of allPaths().filter((p) => p.answers.oldPhone === 'reset'))
      expect(['reset-keep-phone', 'change-reset-new-supported']).toContain(p.outcome);
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

  it('enumerates 131 complete paths, one per combination of answers asked', () => {
    // no: 7 situations (not cardLost, cardPassword); lost: 2; cardLost, cardPassword: 1 each;
    // renewal, moved, password: 2 × 2 each; handover and repair: 2 × 2 × 4 (usable, reset, lost,
    // soldOrBroken) each; change: 2 × 2 × (lost + 3 phones × 2 new platforms × 3 supports) = 76.
    expect(paths).toHaveLength(7 + 2 + 1 + 1 + 12 + 32 + 76);
    expect(new Set(paths.map((p) => JSON.stringify(p.answers))).size).toBe(paths.length);
  });

  it('has no dead ends: every reachable state is an outcome (final) or offers an answer that moves on', () => {
    const ends = rawPaths().map((p) => p.state as GuideSnapshot);
    expect(ends.length).toBeGreaterThan(131);
    for (const state of ends) {
      const step = stepOf(state);
      if (step.kind === 'outcome') expect(state.status).toBe('done');
      else
        expect(
          step.answers.some((a) => state.can(answerEvent(step.question, a))),
          step.question,
        ).toBe(true);
    }
  });

  it('reaches every outcome, and nothing else', () => {
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
