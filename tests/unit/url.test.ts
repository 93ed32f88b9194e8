// The URL contract (src/app/url.ts): every step is an address of its own, the answers as path
// segments in the order the machine asks them (`/change/yes/`), the language as a prefix (`/en/…`,
// `/easy/…`; Japanese at the root), settings that are not answers in the query (`?mode=shop`).
// Old links, with the answers in the query (`/?situation=change&lang=en`), are read as they always
// were and rewritten to the new address.
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/content/i18n'; // importing it registers the languages with url.ts
import type { Answers } from '../../src/machine/questions';
import { stepOf } from '../../src/machine/step';
import { decode, encode, pathOf, type Decoded } from '../../src/app/url';
import { allPaths, type GuidePath } from './paths';

const PATHS = allPaths();

/**
 * Every step on the way, once (paths share their beginnings): the first `n` steps of a path, and
 * where they land. Replaying answers costs about a millisecond, so each prefix is checked once.
 */
const PREFIXES = [
  ...new Map(
    PATHS.flatMap((p) =>
      p.steps.map(
        (_, n) =>
          [
            p.steps
              .slice(0, n)
              .map((s) => s.answer)
              .join('/'),
            { path: p, n },
          ] as const,
      ),
    ),
  ).values(),
];

/** An address (path and query) split as the browser splits it into pathname and search. */
function split(address: string): [string, string] {
  const i = address.indexOf('?');
  return i < 0 ? [address, ''] : [address.slice(0, i), address.slice(i)];
}
const open = (address: string): Decoded => decode(...split(address));

/** The step a decoded address shows: `question:<id>` or the outcome id. */
function where(d: Decoded): string {
  const step = stepOf(d.snapshot);
  return step.kind === 'question' ? `question:${step.question}` : step.outcome;
}

/** The language's path prefix, written out here rather than taken from url.ts. */
const prefix = (lang: string) => (lang === 'ja' ? '/' : `/${lang}/`);
/** The settings a language's address decodes to (Japanese is the default: no setting). */
const langSettings = (lang: string) => (lang === 'ja' ? {} : { lang });
/** The answers of the first `n` steps of a path. */
const firstSteps = (p: GuidePath, n: number) =>
  Object.fromEntries(p.steps.slice(0, n).map((s) => [s.question, s.answer])) as Answers;
/** A path's address, built from its steps in the order they were asked. */
const addressOf = (p: GuidePath, n: number, lang: string) =>
  prefix(lang) +
  p.steps
    .slice(0, n)
    .map((s) => `${s.answer}/`)
    .join('');

/** The flags of a decoded address, for one readable comparison. */
const flags = (d: Decoded) => ({ notFound: d.notFound, partlyUnusable: d.partlyUnusable, rewrite: d.rewrite });
const CLEAN = { notFound: false, partlyUnusable: false, rewrite: false };

describe('URL contract: answers as path segments', () => {
  it('knows the languages: Japanese at the root, English and やさしい日本語 under a prefix', () => {
    expect(LANGS).toEqual(['ja', 'en', 'easy']);
  });

  it('lands every path on its outcome from its address, in every language, with nothing to rewrite', () => {
    expect(PATHS.length).toBe(131);
    for (const lang of LANGS) {
      for (const p of PATHS) {
        const url = encode(p.answers, langSettings(lang));
        expect(url).toBe(addressOf(p, p.steps.length, lang));
        expect(pathOf(p.answers, lang)).toBe(url);
        const d = decode(url, '');
        expect(where(d), url).toBe(p.outcome);
        expect(d.kept, url).toEqual(p.answers);
        expect(d.dropped, url).toEqual([]);
        expect(d.settings, url).toEqual(langSettings(lang));
        expect(flags(d), url).toEqual(CLEAN);
      }
    }
  });

  it('lands every prefix of every path on the next question, in every language', () => {
    expect(PREFIXES.length).toBeGreaterThan(PATHS.length / 2);
    for (const lang of LANGS) {
      for (const { path: p, n } of PREFIXES) {
        const partial = firstSteps(p, n);
        const url = encode(partial, langSettings(lang));
        expect(url).toBe(addressOf(p, n, lang));
        const d = decode(url, '');
        expect(where(d), url).toBe(`question:${p.steps[n]!.question}`);
        expect(d.kept, url).toEqual(partial);
        expect(d.settings, url).toEqual(langSettings(lang));
        expect(flags(d), url).toEqual(CLEAN);
      }
    }
  });

  it('writes the addresses the contract names', () => {
    expect(encode({})).toBe('/');
    expect(encode({ situation: 'change' })).toBe('/change/');
    expect(encode({ situation: 'change' }, { lang: 'en' })).toBe('/en/change/');
    expect(encode({ situation: 'change' }, { lang: 'easy' })).toBe('/easy/change/');
    expect(encode({ situation: 'change' }, { lang: 'ja' })).toBe('/change/');
    expect(encode({}, { lang: 'en' })).toBe('/en/');
    const full: Answers = {
      situation: 'change',
      certificate: 'yes',
      oldPlatform: 'android',
      oldPhone: 'usable',
      newPlatform: 'iphone',
      newPhone: 'supported',
    };
    expect(encode(full)).toBe('/change/yes/android/usable/iphone/supported/');
    const d = decode('/change/yes/android/usable/iphone/supported/', '');
    expect(d.kept).toEqual(full);
    expect(where(d)).toBe('change-revoke-old-then-setup');
    expect(flags(d)).toEqual(CLEAN);
  });

  it('reads a segment as the answer to the question asked at that point (shared values are never ambiguous)', () => {
    // A path on which one value answers two questions (android, unknown, yes…).
    const shared = PATHS.find((p) => new Set(p.steps.map((s) => s.answer)).size < p.steps.length);
    expect(shared).toBeDefined();
    const d = decode(encode(shared!.answers), '');
    expect(d.kept).toEqual(shared!.answers);
    expect(where(d)).toBe(shared!.outcome);
    // unknown answers two questions here: whether there is a certificate, and whether the new phone supports it.
    const unknowns = decode('/change/unknown/android/usable/android/unknown/', '');
    expect(unknowns.kept).toEqual({
      situation: 'change',
      certificate: 'unknown',
      oldPlatform: 'android',
      oldPhone: 'usable',
      newPlatform: 'android',
      newPhone: 'unknown',
    });
    expect(flags(unknowns)).toEqual(CLEAN);
    // android then iphone, and iphone then android: the position decides which platform is which.
    const a = decode('/change/yes/android/usable/iphone/supported/', '');
    const b = decode('/change/yes/iphone/usable/android/supported/', '');
    expect(a.kept).toMatchObject({ oldPlatform: 'android', newPlatform: 'iphone' });
    expect(b.kept).toMatchObject({ oldPlatform: 'iphone', newPlatform: 'android' });
    expect(flags(a)).toEqual(CLEAN);
    expect(flags(b)).toEqual(CLEAN);
  });

  it('keeps settings that are not answers in the query, mode before view', () => {
    expect(encode({ situation: 'lost' }, { mode: 'shop' })).toBe('/lost/?mode=shop');
    expect(encode({}, { view: 'overview' })).toBe('/?view=overview');
    expect(encode({ situation: 'change' }, { view: 'overview', mode: 'shop', lang: 'en' })).toBe(
      '/en/change/?mode=shop&view=overview',
    );
    for (const [address, settings] of [
      ['/lost/?mode=shop', { mode: 'shop' }],
      ['/?view=overview', { view: 'overview' }],
      ['/en/change/?mode=shop&view=overview', { lang: 'en', mode: 'shop', view: 'overview' }],
      ['/easy/?mode=shop', { lang: 'easy', mode: 'shop' }],
    ] as const) {
      const d = open(address);
      expect(d.settings, address).toEqual(settings);
      expect(flags(d), address).toEqual(CLEAN);
      expect(encode(d.kept, d.settings)).toBe(address);
    }
  });

  it('shows the first question at the root, without a notice', () => {
    for (const lang of LANGS) {
      const d = decode(prefix(lang), '');
      expect(where(d)).toBe('question:situation');
      expect(d.kept).toEqual({});
      expect(d.settings).toEqual(langSettings(lang));
      expect(flags(d)).toEqual(CLEAN);
    }
  });
});

describe('URL contract: a path that is no step is not found', () => {
  // [what, path, where it lands (the kept part), kept]
  const cases: [string, string, string, Answers][] = [
    ['a wrong value', '/change/maybe/', 'question:certificate', { situation: 'change' }],
    ["another question's answer", '/change/android/', 'question:certificate', { situation: 'change' }],
    ['answers out of order', '/change/android/yes/', 'question:certificate', { situation: 'change' }],
    ['a wrong first value', '/maybe/', 'question:situation', {}],
    ['a value in the wrong case', '/Change/', 'question:situation', {}],
    ['a segment after an outcome', '/cardLost/yes/', 'card-lost', { situation: 'cardLost' }],
    ['a segment after a full path', '/lost/yes/android/', 'lost-suspend', { situation: 'lost', certificate: 'yes' }],
    ['an old parameter name as a segment', '/situation/change/', 'question:situation', {}],
    ['a value after a wrong one', '/change/maybe/yes/', 'question:certificate', { situation: 'change' }],
    ['/ja/ (Japanese has no prefix)', '/ja/', 'question:situation', {}],
    ['/ja/ before answers', '/ja/change/', 'question:situation', {}],
    ['a language prefix twice', '/en/en/', 'question:situation', {}],
    ['a language prefix after the answers', '/change/en/', 'question:certificate', { situation: 'change' }],
    ['a language prefix in capitals', '/EN/change/', 'question:situation', {}],
    ['index.html inside the path', '/index.html/change/', 'question:situation', {}],
    ['a prototype key', '/__proto__/', 'question:situation', {}],
    ['a prototype key after an answer', '/change/constructor/', 'question:certificate', { situation: 'change' }],
    ['an encoded slash', '/change%2Fyes/', 'question:situation', {}],
    ['broken percent-encoding', '/change/%E0%A4%A/', 'question:certificate', { situation: 'change' }],
    [
      'an empty segment (//) inside',
      '/change//yes/',
      'question:oldPlatform',
      { situation: 'change', certificate: 'yes' },
    ],
    ['an empty segment (//) at the start', '//change/', 'question:certificate', { situation: 'change' }],
    ['an empty segment (//) at the end', '/change//', 'question:certificate', { situation: 'change' }],
    ['only //', '//', 'question:situation', {}],
  ];
  for (const [what, path, lands, kept] of cases) {
    it(`for ${what}: ${path}`, () => {
      const d = decode(path, '');
      expect(d.notFound).toBe(true);
      expect(d.partlyUnusable).toBe(false);
      expect(where(d)).toBe(lands);
      expect(d.kept).toEqual(kept);
      // The step it was on its way to is a real address.
      expect(flags(decode(encode(d.kept, d.settings), ''))).toEqual(CLEAN);
    });
  }

  it('keeps the language of an address that is not found', () => {
    for (const lang of ['en', 'easy']) {
      const d = decode(`/${lang}/change/maybe/`, '');
      expect(d.notFound).toBe(true);
      expect(d.kept).toEqual({ situation: 'change' });
      expect(d.settings).toEqual({ lang });
    }
  });

  it('finds no step after any outcome, in any language', () => {
    for (const lang of LANGS) {
      for (const p of PATHS) {
        const d = decode(`${addressOf(p, p.steps.length, lang)}yes/`, '');
        expect(d.notFound).toBe(true);
        expect(d.kept).toEqual(p.answers);
        expect(where(d)).toBe(p.outcome);
      }
    }
  });
});

describe('URL contract: an address that is not the canonical one is rewritten', () => {
  it('rewrites an address written another way: settings out of order, an encoded letter', () => {
    for (const [path, search, to] of [
      ['/', '?view=overview&mode=shop', '/?mode=shop&view=overview'],
      ['/change/', '?mode=shop&', '/change/?mode=shop'],
      ['/ch%61nge/', '', '/change/'],
      ['/%65n/change/', '', '/en/change/'],
    ] as const) {
      const d = decode(path, search);
      expect(flags(d), path + search).toEqual({ notFound: false, partlyUnusable: false, rewrite: true });
      expect(encode(d.kept, d.settings)).toBe(to);
    }
  });

  it("reads an old link's language on a path without a language prefix", () => {
    const d = decode('/change/', '?lang=en');
    expect(d.settings).toEqual({ lang: 'en' });
    expect(flags(d)).toEqual({ notFound: false, partlyUnusable: false, rewrite: true });
    expect(encode(d.kept, d.settings)).toBe('/en/change/');
    expect(decode('/en/change/', '?lang=easy').partlyUnusable).toBe(true); // the path's language wins
  });

  it('rewrites a path without its trailing slash (every path, every language)', () => {
    for (const lang of LANGS) {
      for (const p of PATHS) {
        const canonical = addressOf(p, p.steps.length, lang);
        const d = decode(canonical.slice(0, -1), '');
        expect(flags(d), canonical).toEqual({ notFound: false, partlyUnusable: false, rewrite: true });
        expect(d.kept).toEqual(p.answers);
        expect(encode(d.kept, d.settings)).toBe(canonical);
      }
    }
    const d = decode('/en', '');
    expect(d.settings).toEqual({ lang: 'en' });
    expect(d.rewrite).toBe(true);
    expect(d.notFound).toBe(false);
  });

  it('rewrites a trailing index.html', () => {
    for (const [path, canonical] of [
      ['/index.html', '/'],
      ['/change/index.html', '/change/'],
      ['/en/index.html', '/en/'],
      ['/easy/change/yes/index.html', '/easy/change/yes/'],
      ['/cardLost/index.html', '/cardLost/'],
    ]) {
      const d = decode(path!, '');
      expect(flags(d), path).toEqual({ notFound: false, partlyUnusable: false, rewrite: true });
      expect(encode(d.kept, d.settings), path).toBe(canonical);
    }
  });

  it('says unknown query parameters or values on a path could not be used, and rewrites them away', () => {
    for (const search of [
      '?utm_source=x',
      '?mode=admin',
      '?view=map',
      '?mode=shop&mode=shop',
      '?__proto__=x',
      '?Mode=shop',
      '?mode=',
    ]) {
      const d = decode('/change/', search);
      expect(flags(d), search).toEqual({ notFound: false, partlyUnusable: true, rewrite: true });
      expect(d.kept).toEqual({ situation: 'change' });
      expect(d.settings, search).toEqual({});
      expect(encode(d.kept, d.settings)).toBe('/change/');
    }
    // The usable settings stay.
    const d = decode('/en/change/', '?mode=shop&utm_source=x');
    expect(d.settings).toEqual({ lang: 'en', mode: 'shop' });
    expect(d.partlyUnusable).toBe(true);
    expect(encode(d.kept, d.settings)).toBe('/en/change/?mode=shop');
  });

  it('lets the path win over answers in the query', () => {
    for (const search of [
      '?situation=lost',
      '?situation=change',
      '?certificate=yes',
      '?situation=lost&certificate=yes',
    ]) {
      const d = decode('/change/', search);
      expect(d.kept, search).toEqual({ situation: 'change' });
      expect(where(d)).toBe('question:certificate');
      expect(flags(d), search).toEqual({ notFound: false, partlyUnusable: true, rewrite: true });
    }
  });

  it("lets the path's language win over lang= in the query", () => {
    const d = decode('/en/', '?lang=easy');
    expect(d.settings).toEqual({ lang: 'en' });
    expect(d.partlyUnusable).toBe(true);
    expect(d.rewrite).toBe(true);
  });
});

describe('URL contract: old query-string links are read and rewritten', () => {
  it('lands the old link of every path (and every prefix) on the same step, and rewrites it to the new path', () => {
    const steps = [...PATHS.map((p) => ({ path: p, n: p.steps.length })), ...PREFIXES];
    for (const lang of LANGS) {
      for (const [i, { path: p, n }] of steps.entries()) {
        if (n === 0 && lang === 'ja') continue; // `/` alone is no old link: it is the new address
        const answers = firstSteps(p, n);
        const params = new URLSearchParams(answers as Record<string, string>);
        if (lang !== 'ja' || i % 2 === 1) params.set('lang', lang); // lang=ja in every other one, as old links had it
        const search = `?${params.toString()}`;
        const d = decode('/', search);
        expect(where(d), search).toBe(n === p.steps.length ? p.outcome : `question:${p.steps[n]!.question}`);
        expect(d.kept, search).toEqual(answers);
        expect(d.settings, search).toEqual(langSettings(lang));
        expect(flags(d), search).toEqual({ notFound: false, partlyUnusable: false, rewrite: true });
        expect(encode(d.kept, d.settings), search).toBe(addressOf(p, n, lang));
      }
    }
  });

  it('reads an old link at /index.html too', () => {
    const d = decode('/index.html', '?situation=lost&certificate=yes&lang=en');
    expect(where(d)).toBe('lost-suspend');
    expect(flags(d)).toEqual({ notFound: false, partlyUnusable: false, rewrite: true });
    expect(encode(d.kept, d.settings)).toBe('/en/lost/yes/');
  });

  it('does not care about parameter order', () => {
    const a = decode('/', '?situation=repair&certificate=yes&oldPlatform=iphone&oldPhone=usable&lang=en');
    const b = decode('/', '?lang=en&oldPhone=usable&oldPlatform=iphone&certificate=yes&situation=repair');
    expect(where(a)).toBe('revoke-before-repair');
    expect(where(b)).toBe('revoke-before-repair');
    expect(b.kept).toEqual(a.kept);
    expect(encode(a.kept, a.settings)).toBe('/en/repair/yes/iphone/usable/');
    expect(encode(b.kept, b.settings)).toBe('/en/repair/yes/iphone/usable/');
  });

  it('shows the first question for no answers, without a notice', () => {
    expect(where(decode('/', ''))).toBe('question:situation');
    const ja = decode('/', '?lang=ja');
    expect(ja.kept).toEqual({});
    expect(ja.settings).toEqual({});
    expect(ja.partlyUnusable).toBe(false);
    expect(ja.rewrite).toBe(true);
    expect(encode(ja.kept, ja.settings)).toBe('/');
    const en = decode('/', '?lang=en');
    expect(en.settings).toEqual({ lang: 'en' });
    expect(en.partlyUnusable).toBe(false);
    expect(encode(en.kept, en.settings)).toBe('/en/');
  });

  it('keeps settings that are not answers', () => {
    const d = decode('/', '?situation=lost&mode=shop');
    expect(d.settings).toEqual({ mode: 'shop' });
    expect(d.partlyUnusable).toBe(false);
    expect(d.rewrite).toBe(true);
    expect(encode(d.kept, d.settings)).toBe('/lost/?mode=shop');
    const e = decode('/', '?view=overview&lang=easy&mode=shop');
    expect(e.settings).toEqual({ lang: 'easy', mode: 'shop', view: 'overview' });
    expect(encode(e.kept, e.settings)).toBe('/easy/?mode=shop&view=overview');
  });
});

describe('URL contract: what cannot be used in an old link is dropped', () => {
  // [what, search, where it lands, kept, settings]
  const cases: [string, string, string, Answers, Record<string, string>][] = [
    ['an unknown parameter', '?situation=lost&utm_source=x', 'question:certificate', { situation: 'lost' }, {}],
    ['an unknown value', '?situation=lost&certificate=maybe', 'question:certificate', { situation: 'lost' }, {}],
    ['an empty value', '?situation=&certificate=yes', 'question:situation', {}, {}],
    [
      'an answer not asked on this path',
      '?situation=lost&certificate=yes&oldPhone=usable',
      'lost-suspend',
      { situation: 'lost', certificate: 'yes' },
      {},
    ],
    [
      'an answer after a question left open',
      '?situation=change&oldPlatform=android',
      'question:certificate',
      { situation: 'change' },
      {},
    ],
    [
      'every value of a repeated parameter',
      '?situation=lost&situation=change&certificate=yes',
      'question:situation',
      {},
      {},
    ],
    ['a repeated parameter, even with one value', '?situation=lost&situation=lost', 'question:situation', {}, {}],
    ['an unknown setting value', '?situation=repair&mode=admin', 'question:certificate', { situation: 'repair' }, {}],
    ['an unknown language', '?situation=lost&lang=fr', 'question:certificate', { situation: 'lost' }, {}],
    ['a repeated language', '?situation=lost&lang=en&lang=en', 'question:certificate', { situation: 'lost' }, {}],
    ['a prototype key', '?__proto__=x&constructor=y&situation=lost', 'question:certificate', { situation: 'lost' }, {}],
    ['broken percent-encoding', '?situation=%E0%A4%A&certificate=yes', 'question:situation', {}, {}],
    [
      'an unknown parameter, keeping the settings',
      '?situation=lost&lang=en&mode=shop&x=1',
      'question:certificate',
      { situation: 'lost' },
      { lang: 'en', mode: 'shop' },
    ],
  ];
  for (const [what, search, lands, kept, settings] of cases) {
    it(`drops ${what}`, () => {
      const d = decode('/', search);
      expect(where(d)).toBe(lands);
      expect(d.kept).toEqual(kept);
      expect(d.settings).toEqual(settings);
      expect(d.partlyUnusable).toBe(true);
      expect(d.notFound).toBe(false);
      expect(d.rewrite).toBe(true);
      const canonical = open(encode(d.kept, d.settings));
      expect(canonical.kept).toEqual(kept);
      expect(flags(canonical)).toEqual(CLEAN);
    });
  }

  it('reads percent-encoded values', () => {
    const d = decode('/', '?situation=lo%73t&certificate=y%65s');
    expect(where(d)).toBe('lost-suspend');
    expect(d.partlyUnusable).toBe(false);
    expect(encode(d.kept, d.settings)).toBe('/lost/yes/');
  });
});
