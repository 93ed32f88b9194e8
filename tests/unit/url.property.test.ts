// Hostile URLs (issue 9): property-based, with fast-check. Whatever the query string holds,
// decode() never throws, lands on a step the machine accepts, says when it dropped something, and
// its canonical re-encoding is stable. Then the page itself: a hostile link never renders blank.
import fc from 'fast-check';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/content/i18n';
import { QUESTIONS, QUESTION_IDS, isAnswerOf, isQuestionId } from '../../src/machine/questions';
import { stepOf } from '../../src/machine/step';
import { decode, encode, type Settings } from '../../src/app/url';
import { renderGuide } from './render';

const RUNS = 10_000;

const SETTINGS: Record<keyof Settings, readonly string[]> = { lang: LANGS, mode: ['shop'], view: ['overview'] };
const ALL_ANSWERS = [...new Set(Object.values(QUESTIONS).flat())];
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '',
];
const BROKEN = ['%E0%A4%A', '%', '%%', '%G1', '%C3', '%FF', '%ED%A0%80', '%00', '%u0041', '%2', '%F0%9F%98'];

const known = fc.constantFrom(...QUESTION_IDS, ...(Object.keys(SETTINGS) as (keyof Settings)[]));
const rawText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const keyArb = fc.oneof(
  { weight: 6, arbitrary: known },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: known.map((k) => k.toUpperCase()) },
  { weight: 1, arbitrary: known.map((k) => `${k}[]`) },
  { weight: 2, arbitrary: rawText },
);

const valueArb = fc.oneof(
  { weight: 18, arbitrary: fc.constantFrom(...ALL_ANSWERS, ...LANGS, 'shop', 'overview') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('', ' ', 'YES', 'yes ', 'null', 'undefined', '__proto__', 'constructor', '0'),
  },
  { weight: 6, arbitrary: fc.constantFrom(...BROKEN) },
  { weight: 6, arbitrary: rawText },
  // Huge values, cheap to build: one character repeated (1 in 10 of them 200 kB). About one link
  // in 15 carries one: enough to matter, not so many that they fill the test's time.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', '%', '&', '=', 'あ', 'yes'),
        fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 1_000, max: 10_000 }) },
          { weight: 1, arbitrary: fc.constant(200_000) },
        ),
      )
      .map(([c, n]) => c.repeat(Math.ceil(n / c.length))),
  },
);

/** How a key or value is written into the query: raw (may contain & = # %), encoded, or half-broken. */
const written = (arb: fc.Arbitrary<string>) =>
  fc
    .tuple(arb, fc.constantFrom('raw', 'encoded', 'encoded', 'broken'))
    .map(([s, how]) =>
      how === 'raw'
        ? s
        : how === 'encoded'
          ? encodeURIComponent(s)
          : `${encodeURIComponent(s)}${BROKEN[s.length % BROKEN.length]}`,
    );

const pairArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(written(keyArb), written(valueArb)).map(([k, v]) => `${k}=${v}`) },
  { weight: 1, arbitrary: written(keyArb) }, // a key without "="
  { weight: 1, arbitrary: fc.constantFrom('', '=', '==', '&', '#', '?', '+', '=yes') },
);

/** A value for this key: mostly one it accepts, sometimes any value at all. */
const valueFor = (key: string): fc.Arbitrary<string> => {
  const own = isQuestionId(key) ? QUESTIONS[key] : SETTINGS[key as keyof Settings];
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: valueArb });
};

/** Every question and setting (or most of them), each with a known or random value, in any order, some repeated. */
const fullSetArb = fc
  .tuple(
    fc.shuffledSubarray([...QUESTION_IDS, 'lang', 'mode', 'view'], { minLength: 4 }),
    fc.array(fc.constantFrom(...QUESTION_IDS, 'lang'), { maxLength: 2 }),
    fc.boolean(),
  )
  .chain(([keys, repeats, withRepeats]) => {
    const all = withRepeats ? [...keys, ...repeats] : keys;
    return fc
      .tuple(...all.map((k) => valueFor(k).map((v) => `${k}=${encodeURIComponent(v)}`)))
      .map((ps) => ps.join('&'));
  });

const queryArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('?', '', '??', '?&'),
    fc.oneof(
      { weight: 5, arbitrary: fc.array(pairArb, { maxLength: 10 }).map((ps) => ps.join('&')) },
      { weight: 3, arbitrary: fullSetArb },
      { weight: 1, arbitrary: rawText },
    ),
    fc.constantFrom('', '', '#x', '&', '#situation=lost'),
  )
  .map(([a, b, c]) => a + b + c);

/** Which pairs of the query string the decoded result does not use (the independent oracle). */
function unusedPairs(search: string, d: ReturnType<typeof decode>): [string, string][] {
  const pairs = [...new URLSearchParams(search)];
  const count = new Map<string, number>();
  for (const [k] of pairs) count.set(k, (count.get(k) ?? 0) + 1);
  return pairs.filter(([k, v]) => {
    if (count.get(k)! > 1) return true;
    if (isQuestionId(k)) return (d.kept as Record<string, string>)[k] !== v;
    if (Object.prototype.hasOwnProperty.call(SETTINGS, k)) return (d.settings as Record<string, string>)[k] !== v;
    return true;
  });
}

function checkDecoded(search: string): ReturnType<typeof decode> {
  const d = decode(search); // 1. never throws (fast-check reports the input if it does)
  // 2. lands on a step the machine accepts
  const step = stepOf(d.snapshot);
  if (step.kind === 'question') expect(QUESTION_IDS).toContain(step.question);
  else expect(d.snapshot.status).toBe('done');
  // 3. kept answers are real answers (they replay to the same step: see 6)
  for (const [q, a] of Object.entries(d.kept))
    if (!(isQuestionId(q) && isAnswerOf(q, a))) expect.fail(`kept ${q}=${a}`);
  // 4. the notice: partlyUnusable exactly when some pair of the link was not used
  const unused = unusedPairs(search, d);
  if (d.partlyUnusable !== unused.length > 0)
    expect.fail(`partlyUnusable is ${d.partlyUnusable}, but unused pairs are ${JSON.stringify(unused).slice(0, 200)}`);
  // 5. settings hold only known values
  for (const [k, v] of Object.entries(d.settings)) expect(SETTINGS[k as keyof Settings]).toContain(v);
  // 6. the canonical address (the kept answers, replayed) decodes to the same step, with nothing to drop
  const canonical = encode(d.kept, d.settings);
  const c = decode(canonical);
  expect(c.snapshot.value).toEqual(d.snapshot.value);
  expect(c.snapshot.context).toEqual(d.snapshot.context);
  expect(c.dropped).toEqual([]);
  expect(c.kept).toEqual(d.kept);
  expect(c.settings).toEqual(d.settings.lang === 'ja' ? { ...d.settings, lang: undefined } : d.settings);
  expect(c.partlyUnusable).toBe(false);
  expect(encode(c.kept, c.settings)).toBe(canonical);
  return d;
}

describe('decode() on hostile query strings', () => {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it('handles the known nasty cases', () => {
    for (const s of [
      '?__proto__=yes',
      '?__proto__[situation]=lost',
      '?constructor=change&situation=lost',
      '?toString=1&valueOf=2&hasOwnProperty=3',
      '?situation=%E0%A4%A',
      '?situation=lost&situation=lost',
      '?situation=lost&certificate=yes&situation=change',
      `?situation=${'x'.repeat(500_000)}`,
      '?situation=change&oldPhone=usable', // an answer after an open question
      '?situation=lost&certificate=yes&oldPlatform=android', // a question not asked on this path
      '?lang=xx&mode=kiosk&view=map',
      '%',
      '?&&&==&',
      '?situation=lo%73t&certificate=y%65s',
    ])
      checkDecoded(s);
    expect(decode('?__proto__=yes').partlyUnusable).toBe(true);
    expect(decode('?situation=lo%73t&certificate=y%65s').partlyUnusable).toBe(false);
  });

  it(`never throws and always lands on a state the machine accepts (${RUNS.toLocaleString('en')} generated links)`, () => {
    let outcomes = 0;
    let dropped = 0;
    fc.assert(
      fc.property(queryArb, (search) => {
        const d = checkDecoded(search);
        if (stepOf(d.snapshot).kind === 'outcome') outcomes++;
        if (d.partlyUnusable) dropped++;
      }),
      { numRuns: RUNS },
    );
    // The generator must reach both kinds of result, or the property proves little.
    expect(outcomes).toBeGreaterThan(RUNS / 50);
    expect(dropped).toBeGreaterThan(RUNS / 10);
    expect(RUNS - dropped).toBeGreaterThan(RUNS / 50);
  }, 120_000);

  it('leaves Object.prototype alone', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).situation).toBeUndefined();
  });
});

describe('a hostile link, opened in the page', () => {
  it('always shows a question, an outcome or the overview — never a blank page — with the notice when something was dropped', async () => {
    const samples = [
      '?__proto__=yes&situation=lost&certificate=yes',
      '?constructor=change',
      '?situation=%E0%A4%A&certificate=yes',
      `?situation=lost&certificate=yes&oldPhone=${'a'.repeat(100_000)}`,
      '?situation=lost&situation=change',
      ...fc.sample(queryArb, { numRuns: 25, seed: 42 }),
    ];
    for (const sample of samples) {
      // As the browser holds it: a query string that starts with "?", without the #fragment.
      const search = new URL(`http://guide.test/${sample.startsWith('?') ? '' : '?'}${sample}`).search;
      const d = decode(search);
      const { unmount } = renderGuide(search);
      await waitFor(
        () =>
          expect(
            document.querySelector('[data-question], [data-outcome], [data-overview]'),
            search.slice(0, 200),
          ).not.toBeNull(),
        { timeout: 15_000 },
      );
      const notice = document.querySelector('[data-notice]');
      expect(notice !== null, search.slice(0, 200)).toBe(d.partlyUnusable);
      if (notice) expect(notice.getAttribute('role')).toBe('status');
      // The address is rewritten to what was kept.
      if (d.partlyUnusable) expect(window.location.search).toBe(encode(d.kept, d.settings));
      unmount();
    }
  }, 120_000);
});
