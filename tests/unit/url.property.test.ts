// Hostile addresses (issue 9): property-based, with fast-check. Whatever the path and the query
// string hold, decode() never throws, lands on a step the machine accepts, says when it could not
// use something or when the path is no step, and the canonical address of what it kept is stable.
// Valid walks through the machine round-trip through their address, and each way an address can
// stray from the canonical one has exactly its documented effect. Then the page itself: a hostile
// address never renders blank.
import fc from 'fast-check';
import { waitFor } from '@testing-library/react';
import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/content/i18n'; // importing it registers the languages with url.ts
import { guideMachine } from '../../src/machine/guide';
import { QUESTIONS, QUESTION_IDS, isAnswerOf, isQuestionId, type Answers } from '../../src/machine/questions';
import { answer, replay } from '../../src/machine/replay';
import { stepOf, type GuideSnapshot } from '../../src/machine/step';
import { decode, encode, type Decoded, type Settings } from '../../src/app/url';
import { renderGuide } from './render';

// Runs per property, so the file stays fast (replaying answers through the machine costs about a
// millisecond). Exploring further once: FC_RUNS=20 npx vitest run tests/unit/url.property.test.ts
const SCALE = Number(process.env.FC_RUNS ?? 1);
const RUNS = { hostile: 500 * SCALE, old: 250 * SCALE, walks: 150 * SCALE, strays: 250 * SCALE };

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

/** An address split as the browser splits it into pathname and search. */
function split(address: string): [string, string] {
  const i = address.indexOf('?');
  return i < 0 ? [address, ''] : [address.slice(0, i), address.slice(i)];
}

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
  // Huge values, cheap to build: one character repeated (1 in 10 of them 200 kB).
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', '%', '&', '=', 'あ', 'yes', '/'),
        fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 1_000, max: 10_000 }) },
          { weight: 1, arbitrary: fc.constant(200_000) },
        ),
      )
      .map(([c, n]) => c.repeat(Math.ceil(n / c.length))),
  },
);

/** How a string is written into the address: raw (may contain & = # % /), encoded, or half-broken. */
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

/** A query string, as an old link, a hand-edited one or a hostile one holds it. */
const queryArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('?', '?', '?', '', '??', '?&'),
    fc.oneof(
      { weight: 5, arbitrary: fc.array(pairArb, { maxLength: 10 }).map((ps) => ps.join('&')) },
      { weight: 3, arbitrary: fullSetArb },
      { weight: 1, arbitrary: rawText },
    ),
    fc.constantFrom('', '', '#x', '&', '#situation=lost'),
  )
  .map(([a, b, c]) => a + b + c);

/** A path segment: mostly an answer or a language, sometimes anything at all. */
const segmentArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...ALL_ANSWERS) },
  { weight: 3, arbitrary: fc.constantFrom(...LANGS, 'index.html', 'EN', 'Change') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS, ...QUESTION_IDS, '.', '..') },
  { weight: 2, arbitrary: fc.constantFrom(...BROKEN, '%2F', '%2f', '%00', '%20') },
  { weight: 2, arbitrary: rawText },
  { weight: 1, arbitrary: valueArb },
);

/** A path: segments joined by slashes, with or without the leading or trailing one, `//` now and then. */
const pathArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('/', '/', '/', '', '//'),
    fc.array(written(segmentArb), { maxLength: 8 }),
    fc.array(fc.constantFrom('/', '/', '/', '/', '//'), { minLength: 8, maxLength: 8 }),
    fc.constantFrom('/', '/', '', '//', '/index.html', 'index.html'),
  )
  .map(([start, segs, seps, end]) => start + segs.map((s, i) => (i ? seps[i]! : '') + s).join('') + end);

/** Any address a browser (or a person typing one) could send: pathname and search. */
const addressArb: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(pathArb, fc.oneof(fc.constant(''), queryArb)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('/', '/index.html', '/en/', '/easy/'), queryArb) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })) },
);

/** A walk through the machine: at each question, one of its answers, until an outcome or the walk ends. */
type Walk = { steps: [string, string][]; answers: Answers; snapshot: GuideSnapshot };
/** The machine's step after each walk taken so far (by its answers): a walk is taken once, then looked up. */
const walked = new Map<string, GuideSnapshot>();
const walkArb: fc.Arbitrary<Walk> = fc.array(fc.nat(), { maxLength: 7 }).map((choices) => {
  let [snapshot] = initialTransition(guideMachine);
  const steps: [string, string][] = [];
  for (const c of choices) {
    const step = stepOf(snapshot);
    if (step.kind !== 'question') break;
    const a = step.answers[c % step.answers.length]!;
    steps.push([step.question, a]);
    const key = steps.map(([, v]) => v).join('/');
    const next = walked.get(key) ?? answer(snapshot, step.question, a);
    if (!next) throw new Error(`the machine refused its own answer ${step.question}=${a}`);
    walked.set(key, next);
    snapshot = next;
  }
  return { steps, answers: Object.fromEntries(steps) as Answers, snapshot };
});

/** Settings as a page can carry them: any language, shop mode or not, the overview or not. */
const settingsArb: fc.Arbitrary<Settings> = fc
  .tuple(fc.constantFrom(...LANGS), fc.boolean(), fc.boolean())
  .map(([lang, shop, overview]) => ({
    ...(lang === 'ja' ? {} : { lang }),
    ...(shop ? { mode: 'shop' as const } : {}),
    ...(overview ? { view: 'overview' as const } : {}),
  }));

/** An old link as the guide used to write them: the answers and settings in the query, in any order. */
const oldLinkArb: fc.Arbitrary<string> = fc
  .tuple(walkArb, settingsArb, fc.boolean())
  .chain(([walk, settings, withJa]) => {
    // Japanese is no setting, but an old link may say lang=ja.
    const pairs = [...walk.steps, ...Object.entries(settings), ...(withJa && !settings.lang ? [['lang', 'ja']] : [])];
    return fc.shuffledSubarray(pairs as [string, string][], { minLength: pairs.length });
  })
  .map((pairs) => `?${new URLSearchParams(pairs).toString()}`);

/** The canonical address, written out here from the contract rather than taken from url.ts. */
function canonicalOf(steps: readonly [string, string][], settings: Settings): string {
  const path = (settings.lang ? `/${settings.lang}/` : '/') + steps.map(([, a]) => `${a}/`).join('');
  const query = [settings.mode && `mode=${settings.mode}`, settings.view && `view=${settings.view}`].filter(Boolean);
  return query.length ? `${path}?${query.join('&')}` : path;
}

const flagsOf = (d: Decoded) => ({ notFound: d.notFound, partlyUnusable: d.partlyUnusable, rewrite: d.rewrite });
const CLEAN = { notFound: false, partlyUnusable: false, rewrite: false };

const sameStep = (a: GuideSnapshot, b: GuideSnapshot) => {
  expect(a.value).toEqual(b.value);
  expect(a.context).toEqual(b.context);
};

/**
 * Canonical addresses already checked, with what they decode to. decode() is pure and replaying
 * answers through the machine costs about a millisecond, while generated addresses keep landing on
 * the same few hundred steps: each canonical address is checked once, and compared with after that.
 */
const checkedCanonical = new Map<string, Decoded>();

/** The canonical address decodes cleanly, to what replaying its answers gives, and re-encodes to itself. */
function checkCanonical(canonical: string): Decoded {
  const known = checkedCanonical.get(canonical);
  if (known) return known;
  expect(canonical.startsWith('/')).toBe(true);
  const c = decode(...split(canonical));
  expect(flagsOf(c), canonical).toEqual(CLEAN);
  expect(c.dropped).toEqual([]);
  expect(encode(c.kept, c.settings)).toBe(canonical);
  const r = replay(c.kept as Record<string, string>);
  expect(r.kept).toEqual(c.kept);
  sameStep(r.snapshot, c.snapshot);
  checkedCanonical.set(canonical, c);
  return c;
}

/** What holds of every decoded address, whatever it was. Returns the decoded result. */
function checkDecoded(pathname: string, search: string): Decoded {
  const d = decode(pathname, search); // 1. never throws (fast-check reports the input if it does)
  // 2. lands on a step the machine accepts
  const step = stepOf(d.snapshot);
  if (step.kind === 'question') expect(QUESTION_IDS).toContain(step.question);
  else expect(d.snapshot.status).toBe('done');
  for (const flag of [d.notFound, d.partlyUnusable, d.rewrite]) expect(typeof flag).toBe('boolean');
  // 3. kept answers are real answers
  for (const [q, a] of Object.entries(d.kept))
    if (!(isQuestionId(q) && isAnswerOf(q, a))) expect.fail(`kept ${q}=${a}`);
  // 4. settings hold only known values, and Japanese is no setting (it is the root)
  for (const [k, v] of Object.entries(d.settings)) expect(SETTINGS[k as keyof Settings]).toContain(v);
  expect(d.settings.lang).not.toBe('ja');
  // 5. encode∘decode is idempotent: the canonical address of what was kept decodes to the same
  //    answers, settings and step (the one replaying the answers gives), with nothing to drop or
  //    rewrite. For an address that is no step too: the not-found page links to it.
  const c = checkCanonical(encode(d.kept, d.settings));
  expect(c.kept).toEqual(d.kept);
  expect(c.settings).toEqual(d.settings);
  sameStep(c.snapshot, d.snapshot);
  return d;
}

/** Which pairs of an old link's query string the decoded result does not use (the independent oracle). */
function unusedPairs(search: string, d: Decoded): [string, string][] {
  const pairs = [...new URLSearchParams(search)];
  const count = new Map<string, number>();
  for (const [k] of pairs) count.set(k, (count.get(k) ?? 0) + 1);
  return pairs.filter(([k, v]) => {
    if (count.get(k)! > 1) return true;
    if (isQuestionId(k)) return (d.kept as Record<string, string>)[k] !== v;
    if (k === 'lang') return (d.settings.lang ?? 'ja') !== v;
    if (k === 'mode' || k === 'view') return d.settings[k] !== v;
    return true;
  });
}

describe('decode() on hostile addresses', () => {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  it('handles the known nasty cases', () => {
    for (const [p, s] of [
      ['/', '?__proto__=yes'],
      ['/', '?__proto__[situation]=lost'],
      ['/', '?constructor=change&situation=lost'],
      ['/', '?toString=1&valueOf=2&hasOwnProperty=3'],
      ['/', '?situation=%E0%A4%A'],
      ['/', '?situation=lost&situation=lost'],
      ['/', `?situation=${'x'.repeat(500_000)}`],
      ['/', '?lang=xx&mode=kiosk&view=map'],
      ['/', '%'],
      ['/', '?&&&==&'],
      ['/__proto__/', ''],
      ['/constructor/prototype/', '?__proto__=x'],
      ['/change/%E0%A4%A/', ''],
      ['/%/', ''],
      [`/${'change/'.repeat(50_000)}`, ''],
      [`/${'x'.repeat(500_000)}/`, ''],
      ['', ''],
      ['//', '//'],
      ['/../', ''],
      ['/en/../change/', ''],
      ['index.html', '?situation=lost'],
      ['/\u0000/', '?\u0000=\u0000'],
      ['/\uD800/', '?situation=\uD800'],
    ])
      checkDecoded(p!, s!);
    expect(decode('/', '?__proto__=yes').partlyUnusable).toBe(true);
    expect(decode('/__proto__/', '').notFound).toBe(true);
    expect(decode('/', '?situation=lo%73t&certificate=y%65s').partlyUnusable).toBe(false);
  });

  it(`never throws, lands on a step and re-encodes stably (${RUNS.hostile.toLocaleString('en')} generated addresses)`, () => {
    let found = 0;
    let notFound = 0;
    let outcomes = 0;
    fc.assert(
      fc.property(addressArb, ([p, s]) => {
        const d = checkDecoded(p, s);
        if (d.notFound) notFound++;
        else found++;
        if (stepOf(d.snapshot).kind === 'outcome') outcomes++;
      }),
      { numRuns: RUNS.hostile },
    );
    // The generator must reach both kinds of result, or the property proves little.
    expect(found).toBeGreaterThan(RUNS.hostile / 5);
    expect(notFound).toBeGreaterThan(RUNS.hostile / 10);
    expect(outcomes).toBeGreaterThan(RUNS.hostile / 200);
  });

  it(`reads old links at / as it always did: a notice exactly when some pair was not used (${RUNS.old.toLocaleString('en')} generated links)`, () => {
    let outcomes = 0;
    let dropped = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: queryArb }, { weight: 1, arbitrary: oldLinkArb }), (search) => {
        const d = checkDecoded('/', search);
        expect(d.notFound).toBe(false);
        const unused = unusedPairs(search, d);
        if (d.partlyUnusable !== unused.length > 0)
          expect.fail(
            `partlyUnusable is ${d.partlyUnusable}, but unused pairs are ${JSON.stringify(unused).slice(0, 200)}`,
          );
        // Rewritten exactly when it was an old link (answers or a language in the query), held
        // something unusable, or was not written the canonical way (settings in another order…).
        const old = [...new URLSearchParams(search)].some(([k]) => isQuestionId(k) || k === 'lang');
        const written = `/${search.length > 1 ? search : ''}`;
        expect(d.rewrite).toBe(old || d.partlyUnusable || encode(d.kept, d.settings) !== written);
        if (stepOf(d.snapshot).kind === 'outcome') outcomes++;
        if (d.partlyUnusable) dropped++;
      }),
      { numRuns: RUNS.old },
    );
    expect(outcomes).toBeGreaterThan(RUNS.old / 50);
    expect(dropped).toBeGreaterThan(RUNS.old / 10);
    expect(RUNS.old - dropped).toBeGreaterThan(RUNS.old / 50);
  });

  it('leaves Object.prototype alone', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).situation).toBeUndefined();
  });
});

describe('valid walks through the machine', () => {
  it('round-trip through their address, and through their old query-string link', () => {
    let outcomes = 0;
    fc.assert(
      fc.property(walkArb, settingsArb, (walk, settings) => {
        const address = canonicalOf(walk.steps, settings);
        expect(encode(walk.answers, settings)).toBe(address);
        const d = decode(...split(address));
        expect(d.kept).toEqual(walk.answers);
        expect(d.settings).toEqual(settings);
        sameStep(d.snapshot, walk.snapshot);
        expect(flagsOf(d)).toEqual(CLEAN);
        // The old link: the answers and settings in the query, in any order (here: reversed).
        const params = new URLSearchParams([
          ...(settings.view ? [['view', settings.view]] : []),
          ...(settings.lang ? [['lang', settings.lang]] : []),
          ...[...walk.steps].reverse(),
          ...(settings.mode ? [['mode', settings.mode]] : []),
        ]);
        const old = decode('/', `?${params.toString()}`);
        expect(old.kept).toEqual(walk.answers);
        expect(old.settings).toEqual(settings);
        sameStep(old.snapshot, walk.snapshot);
        expect(old.partlyUnusable).toBe(false);
        expect(encode(old.kept, old.settings)).toBe(address);
        if (stepOf(walk.snapshot).kind === 'outcome') outcomes++;
      }),
      { numRuns: RUNS.walks },
    );
    expect(outcomes).toBeGreaterThan(RUNS.walks / 10);
  });

  /** Ways an address can stray from the canonical one, each with its own documented effect. */
  type Strays = {
    tail: 'slash' | 'noSlash' | 'index';
    /** A segment that is no answer at this point, inserted before the answer at this index. */
    junk?: { at: number; segment: string };
    /** An empty segment (`//`) before the answer at this index. */
    doubleSlash?: number;
    unknownParam?: string;
    badSetting?: string;
    repeatMode: boolean;
    queryAnswer?: string;
  };
  const JUNK = ['maybe', 'ja', 'Lost', 'YES', '__proto__', 'constructor', '%E0%A4%A', '%2F', 'situation', 'lost%20'];
  /** Mostly nothing, now and then a value: so that many addresses stray in one way only, or not at all. */
  const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
    fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
  const straysArb = (walk: Walk, settings: Settings): fc.Arbitrary<Strays> => {
    const badSettings = [...(settings.mode ? [] : ['mode=admin', 'mode=']), ...(settings.view ? [] : ['view=map'])];
    return fc.record({
      // A path without its trailing slash: not for `/`, whose pathname is never empty.
      tail:
        walk.steps.length || settings.lang
          ? fc.constantFrom<Strays['tail']>('slash', 'slash', 'noSlash', 'index')
          : fc.constantFrom<Strays['tail']>('slash', 'slash', 'index'),
      junk: rarely(fc.record({ at: fc.nat({ max: walk.steps.length }), segment: fc.constantFrom(...JUNK) })),
      doubleSlash: walk.steps.length ? rarely(fc.nat({ max: walk.steps.length - 1 })) : fc.constant(undefined),
      unknownParam: rarely(fc.constantFrom('utm_source=x', '__proto__=1', 'Mode=shop', 'x', 'lang%00=en')),
      badSetting: badSettings.length ? rarely(fc.constantFrom(...badSettings)) : fc.constant(undefined),
      repeatMode: settings.mode ? fc.boolean() : fc.constant(false),
      queryAnswer: rarely(fc.constantFrom('situation=lost', 'certificate=yes', 'oldPhone=gone')),
    });
  };

  it('each way an address strays from the canonical one has exactly its effect', () => {
    const seen = { notFound: 0, partlyUnusable: 0, rewrite: 0, clean: 0 };
    fc.assert(
      fc.property(
        fc
          .tuple(walkArb, settingsArb)
          .chain(([walk, settings]) => fc.tuple(fc.constant(walk), fc.constant(settings), straysArb(walk, settings))),
        ([walk, settings, strays]) => {
          const segments: string[] = walk.steps.map(([, a]) => a);
          let keptSteps = walk.steps;
          if (strays.junk) {
            segments.splice(strays.junk.at, 0, strays.junk.segment);
            keptSteps = walk.steps.slice(0, strays.junk.at);
          }
          if (strays.doubleSlash !== undefined) {
            // Before a real segment, so the path never merely ends in an extra slash.
            const before = strays.doubleSlash + (strays.junk && strays.junk.at <= strays.doubleSlash ? 1 : 0);
            segments.splice(before, 0, '');
          }
          const hasSegments = segments.length > 0;
          let path = (settings.lang ? `/${settings.lang}/` : '/') + segments.map((s) => `${s}/`).join('');
          if (strays.tail === 'noSlash') path = path.slice(0, -1);
          if (strays.tail === 'index') path += 'index.html';
          const params: string[] = [];
          if (settings.mode) params.push(`mode=${settings.mode}`);
          if (strays.repeatMode) params.push('mode=shop');
          if (settings.view) params.push(`view=${settings.view}`);
          if (strays.unknownParam) params.push(strays.unknownParam);
          if (strays.badSetting) params.push(strays.badSetting);
          // Answers in the query of a path without answers would be an old link: only on a path with some.
          const queryAnswer = hasSegments ? strays.queryAnswer : undefined;
          if (queryAnswer) params.push(queryAnswer);
          const search = params.length ? `?${params.join('&')}` : '';

          const d = checkDecoded(path, search);
          const notFound = strays.junk !== undefined || strays.doubleSlash !== undefined;
          const partlyUnusable =
            strays.unknownParam !== undefined ||
            strays.badSetting !== undefined ||
            strays.repeatMode ||
            queryAnswer !== undefined;
          const expected = {
            notFound,
            partlyUnusable,
            // A not-found address is never rewritten by the page (it says it was not found), but
            // it is not canonical either.
            rewrite: strays.tail !== 'slash' || partlyUnusable || notFound,
          };
          expect(flagsOf(d)).toEqual(expected);
          const keptSettings: Settings = { ...settings };
          if (strays.repeatMode) delete keptSettings.mode;
          expect(d.kept).toEqual(Object.fromEntries(keptSteps));
          expect(d.settings).toEqual(keptSettings);
          // The address to rewrite to (or, when not found, the step it was on its way to).
          expect(encode(d.kept, d.settings)).toBe(canonicalOf(keptSteps, keptSettings));
          if (notFound) seen.notFound++;
          if (partlyUnusable) seen.partlyUnusable++;
          if (expected.rewrite) seen.rewrite++;
          if (!notFound && !expected.rewrite) seen.clean++;
        },
      ),
      { numRuns: RUNS.strays },
    );
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(RUNS.strays / 20);
  });
});

describe('a hostile address, opened in the page', () => {
  it('always shows a question, an outcome, the overview or the not-found page — never a blank page — with the notice when something was dropped', async () => {
    const samples: [string, string][] = [
      ['/', '?__proto__=yes&situation=lost&certificate=yes'],
      ['/', '?situation=%E0%A4%A&certificate=yes'],
      ['/', '?situation=lost&situation=change'],
      ['/change/maybe/', ''],
      ['/en/change/', '?utm_source=x'],
      ['/change', '?situation=lost'],
      ['/ja/', ''],
      ...fc.sample(addressArb, { numRuns: 3, seed: 42 }),
    ];
    for (const [p, s] of samples) {
      // As the browser holds it: a pathname that starts with "/", a query string without the #fragment.
      const url = new URL(
        `${window.location.origin}${p.startsWith('/') ? '' : '/'}${p}${s && !s.startsWith('?') ? '?' : ''}${s}`,
      );
      const d = decode(url.pathname, url.search);
      const address = `${url.pathname}${url.search}`;
      const shown = address.slice(0, 200);
      // `//x/` alone would be read as another host's address: `/.//x/` is the same pathname.
      const { unmount } = renderGuide(address.startsWith('//') ? `/.${address}` : address);
      await waitFor(
        () =>
          expect(
            document.querySelector('[data-question], [data-outcome], [data-overview], [data-not-found]'),
            shown,
          ).not.toBeNull(),
        { timeout: 5_000 },
      );
      expect(document.querySelector('[data-not-found]') !== null, shown).toBe(d.notFound);
      const notice = document.querySelector('[data-notice]');
      expect(notice !== null, shown).toBe(d.partlyUnusable);
      if (notice) expect(notice.getAttribute('role')).toBe('status');
      // An address to rewrite is replaced by what was kept; one that is no step is left as it is.
      const rewritten = d.rewrite && !d.notFound ? encode(d.kept, d.settings) : address;
      expect(`${window.location.pathname}${window.location.search}`, shown).toBe(rewritten);
      unmount();
    }
  });
});
