import { describe, expect, it } from 'vitest';
import { stepOf } from '../../src/machine/step';
import { decode, encode } from '../../src/app/url';
import { allPaths } from './paths';

const where = (search: string) => {
  const d = decode(search);
  const step = stepOf(d.snapshot);
  return step.kind === 'question' ? `question:${step.question}` : step.outcome;
};

describe('URL contract: answers → URL → replay', () => {
  it('lands every path on its outcome from its URL, with nothing dropped', () => {
    const paths = allPaths();
    expect(paths.length).toBe(94);
    for (const p of paths) {
      const url = encode(p.answers);
      const d = decode(url);
      expect(where(url), url).toBe(p.outcome);
      expect(d.partlyUnusable, url).toBe(false);
      expect(d.kept).toEqual(p.answers);
    }
  });

  it('lands every prefix of every path on the next question', () => {
    for (const p of allPaths()) {
      for (let i = 0; i < p.steps.length; i++) {
        const partial = Object.fromEntries(p.steps.slice(0, i).map((s) => [s.question, s.answer]));
        expect(where(encode(partial))).toBe(`question:${p.steps[i]!.question}`);
      }
    }
  });

  it('does not care about parameter order', () => {
    const a = '?situation=repair&certificate=yes&oldPlatform=iphone&oldPhone=usable';
    const b = '?oldPhone=usable&oldPlatform=iphone&certificate=yes&situation=repair';
    expect(where(a)).toBe('revoke-before-repair');
    expect(where(b)).toBe('revoke-before-repair');
  });

  it('shows the first question for no answers, without a notice', () => {
    expect(where('')).toBe('question:situation');
    expect(decode('').partlyUnusable).toBe(false);
    expect(decode('?lang=ja').partlyUnusable).toBe(false);
  });

  it('keeps settings that are not answers', () => {
    const d = decode('?situation=lost&mode=shop');
    expect(d.settings).toEqual({ mode: 'shop' });
    expect(d.partlyUnusable).toBe(false);
    expect(encode(d.kept, d.settings)).toBe('?situation=lost&mode=shop');
  });
});

describe('URL contract: what cannot be used is dropped', () => {
  const cases: [string, string, string, Record<string, string>][] = [
    ['an unknown parameter', '?situation=lost&utm_source=x', 'question:certificate', { situation: 'lost' }],
    ['an unknown value', '?situation=lost&certificate=maybe', 'question:certificate', { situation: 'lost' }],
    ['an empty value', '?situation=&certificate=yes', 'question:situation', {}],
    [
      'an answer not asked on this path',
      '?situation=lost&certificate=yes&oldPhone=gone',
      'lost-suspend',
      { situation: 'lost', certificate: 'yes' },
    ],
    [
      'an answer after a question left open',
      '?situation=change&oldPlatform=android',
      'question:certificate',
      { situation: 'change' },
    ],
    [
      'every value of a repeated parameter',
      '?situation=lost&situation=change&certificate=yes',
      'question:situation',
      {},
    ],
    ['an unknown setting value', '?situation=repair&mode=admin', 'question:certificate', { situation: 'repair' }],
    ['a prototype key', '?__proto__=x&constructor=y&situation=lost', 'question:certificate', { situation: 'lost' }],
    ['broken percent-encoding', '?situation=%E0%A4%A&certificate=yes', 'question:situation', {}],
  ];
  for (const [what, search, lands, kept] of cases) {
    it(`drops ${what}`, () => {
      const d = decode(search);
      expect(where(search)).toBe(lands);
      expect(d.kept).toEqual(kept);
      expect(d.partlyUnusable).toBe(true);
    });
  }
});
