// The evidence register (content/facts.json) against the sources (content/sources.json) and the
// outcomes (content/outcomes.json): src/content/schema.ts checkFacts. docs/evidence.md explains the
// files. Each rule is its own test, so a failure names the rule and lists "file → key: what to fix".
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkFacts,
  formatProblem,
  isLinkable,
  leaves,
  sourcesSchema,
  tagsIn,
  type FactProblem,
  type FactRule,
} from '../../src/content/schema';
import { sources as linkable } from '../../src/content/sources';

const root = join(import.meta.dirname, '../..');
const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(root, rel), 'utf8'));

const facts = readJson('content/facts.json');
const sources = readJson('content/sources.json') as Record<string, { tier?: string; title?: string }>;
const outcomes = readJson('content/outcomes.json');

/** Source ids that some string links with a tag (<s1>…</s1>), in any language. */
function taggedSources(): Set<string> {
  const byTag = new Map(Object.keys(sources).map((id) => [id.toLowerCase(), id]));
  const out = new Set<string>();
  for (const lang of readdirSync(join(root, 'content'))) {
    if (!statSync(join(root, 'content', lang)).isDirectory()) continue;
    for (const f of readdirSync(join(root, 'content', lang)))
      if (f.endsWith('.json'))
        for (const text of leaves(readJson(`content/${lang}/${f}`)).values())
          for (const tag of tagsIn(text)) if (byTag.has(tag.name)) out.add(byTag.get(tag.name)!);
  }
  return out;
}

const problems = checkFacts(facts, sources, outcomes, { tagged: taggedSources() });
const broken = (...rules: FactRule[]) => problems.filter((p) => rules.includes(p.rule)).map(formatProblem);

describe('the evidence register in content/facts.json (each line names the file and key to fix)', () => {
  it('fits its shape: source, quotes, rating, seen, date, says for every fact', () => {
    expect(broken('shape')).toEqual([]);
  });

  it('every fact id that content/outcomes.json cites is in the register', () => {
    expect(broken('unknown-fact')).toEqual([]);
  });

  it('every fact in the register is cited by a step or note', () => {
    expect(broken('unused-fact')).toEqual([]);
  });

  it('no step or note is more confident than the best fact it cites (no confidence = high)', () => {
    expect(broken('confidence')).toEqual([]);
  });

  it('every fact’s source is in content/sources.json, and only official sources are linked', () => {
    expect(broken('source', 'linked-evidence')).toEqual([]);
  });

  it('quotes are the page’s own short words: not empty, 200 characters at most, none from a page seen by title only', () => {
    expect(broken('quote')).toEqual([]);
  });

  it('every source in content/sources.json is used: linked, or the source of a fact', () => {
    expect(broken('unused-source')).toEqual([]);
  });

  it('src/content/sources.ts LINKABLE names exactly the official sources with a title', () => {
    const official = Object.keys(sources).filter((id) => isLinkable(sources[id]));
    expect(
      new Set(Object.keys(linkable)),
      'src/content/sources.ts → LINKABLE (and its import list): name every official source of content/sources.json that has a title, and no other',
    ).toEqual(new Set(official));
  });
});

// ---------------------------------------------------------------------------------------------
// Each rule can fail: small broken copies, in memory (the real files are never edited).

type Mutable = Record<string, any>; // oxlint-disable-line typescript/no-explicit-any -- tests edit deep copies of the JSON files at any depth

const fixture = () => ({
  facts: {
    facts: {
      OFF: {
        source: 'OFF',
        quotes: ['公式の言葉'],
        rating: 'high',
        seen: 'stored-copy',
        date: '2026-11-25',
        says: 'an official fact',
      },
      PRS: {
        source: 'PRS',
        quotes: ['報道の言葉'],
        rating: 'medium',
        seen: 'stored-copy',
        date: '2026-11-25',
        says: 'a press fact',
      },
      BLG: { source: 'BLG', quotes: [], rating: 'low', seen: 'title-only', date: '2026-12-01', says: 'a blog fact' },
    },
  } as Mutable,
  sources: {
    OFF: {
      publisher: 'デジタル庁',
      title: 'ページ',
      url: 'https://www.digital.go.jp/x',
      tier: 'official',
      checked: '2026-12-01',
      seen: 'stored-copy',
    },
    PRS: {
      publisher: 'ITmedia',
      url: 'https://www.itmedia.co.jp/x',
      tier: 'press',
      checked: '2026-12-01',
      seen: 'stored-copy',
    },
    BLG: {
      publisher: 'a blog',
      where: 'page source on GitHub',
      tier: 'blog',
      checked: '2026-12-01',
      seen: 'title-only',
    },
  } as Mutable,
  outcomes: {
    common: { notes: [{ id: 'general', sources: ['OFF'], facts: ['OFF'] }] },
    outcomes: {
      done: {
        head: { sources: [], facts: ['PRS'], confidence: 'medium' },
        steps: [{ id: 'first', sources: ['OFF'], facts: ['OFF', 'BLG'] }],
        notes: [{ id: 'maybe', sources: [], facts: ['BLG'], confidence: 'low' }],
      },
    },
  } as Mutable,
});

function check(edit: (c: ReturnType<typeof fixture>) => void = () => {}): string[] {
  const c = fixture();
  edit(c);
  return checkFacts(c.facts, c.sources, c.outcomes, { today: '2026-12-01' }).map(
    (p: FactProblem) => `${p.rule}: ${formatProblem(p)}`,
  );
}

describe('checkFacts catches each kind of mistake (so the tests above can fail)', () => {
  it('passes the sound fixture', () => {
    expect(check()).toEqual([]);
  });

  it('1. a step or note cites a fact id the register lacks', () => {
    expect(check((c) => c.outcomes.outcomes.done.steps[0].facts.push('OF'))).toEqual([
      'unknown-fact: content/outcomes.json → outcomes.done.steps[0] (id "first").facts: cites the fact "OF", which is not in content/facts.json (add it to the register, or fix the id)',
    ]);
    expect(check((c) => (c.outcomes.outcomes.done.head.facts = ['PRS', 'XX1']))).toEqual([
      'unknown-fact: content/outcomes.json → outcomes.done.head.facts: cites the fact "XX1", which is not in content/facts.json (add it to the register, or fix the id)',
    ]);
  });

  it('2. a fact in the register that no step or note cites', () => {
    expect(check((c) => (c.outcomes.outcomes.done.notes = []))).toEqual([
      // BLG is still cited by the step; only a fact nobody cites is reported.
    ]);
    expect(check((c) => (c.facts.facts.NEW = { ...c.facts.facts.OFF, says: 'nobody cites me' }))).toEqual([
      'unused-fact: content/facts.json → facts.NEW: is cited by no step or note ("facts" in content/outcomes.json); cite it where it backs the words, or remove it if nothing in the guide rests on it',
    ]);
  });

  it('3. a step or note more confident than the best fact it cites', () => {
    // No "confidence" means high; the head cites only a medium fact.
    expect(check((c) => delete c.outcomes.outcomes.done.head.confidence)).toEqual([
      'confidence: content/outcomes.json → outcomes.done.head.confidence: is "high" (left out, which means high), but the best fact it cites is rated "medium" in content/facts.json (PRS medium); set "confidence" to "medium", or cite a fact rated "high"',
    ]);
    expect(check((c) => (c.outcomes.outcomes.done.notes[0].confidence = 'medium'))).toEqual([
      'confidence: content/outcomes.json → outcomes.done.notes[0] (id "maybe").confidence: is "medium", but the best fact it cites is rated "low" in content/facts.json (BLG low); set "confidence" to "low", or cite a fact rated "medium"',
    ]);
    // The best fact counts: OFF (high) lets the step stay high although BLG is low.
    expect(check((c) => (c.facts.facts.OFF.rating = 'medium'))).toEqual([
      'confidence: content/outcomes.json → common.notes[0] (id "general").confidence: is "high" (left out, which means high), but the best fact it cites is rated "medium" in content/facts.json (OFF medium); set "confidence" to "medium", or cite a fact rated "high"',
      'confidence: content/outcomes.json → outcomes.done.steps[0] (id "first").confidence: is "high" (left out, which means high), but the best fact it cites is rated "medium" in content/facts.json (OFF medium, BLG low); set "confidence" to "medium", or cite a fact rated "high"',
    ]);
  });

  it('4. a fact whose source is missing, or a non-official source linked by a step', () => {
    expect(check((c) => (c.facts.facts.PRS.source = 'PRX'))).toEqual([
      'source: content/facts.json → facts.PRS.source: names "PRX", which is not in content/sources.json (add the page there, or fix the id)',
      'unused-source: content/sources.json → PRS: is used nowhere: no fact in content/facts.json names it as "source", no step or note links it and no string links it with a tag; remove it, or add the fact it backs',
    ]);
    expect(check((c) => c.outcomes.outcomes.done.steps[0].sources.push('PRS'))).toEqual([
      'linked-evidence: content/outcomes.json → outcomes.done.steps[0] (id "first").sources: links "PRS", which is a press source in content/sources.json: only official sources are linked; list its fact under "facts" instead',
    ]);
    expect(check((c) => (c.facts.facts.OFF.seen = 'partly-read'))).toEqual([
      'source: content/facts.json → facts.OFF.seen: is "partly-read", but content/sources.json says OFF was seen "stored-copy"; both describe the same reading of the page, so make them agree',
    ]);
  });

  it('5. an empty quote, a quote longer than 200 characters, a quote from a page seen by title only', () => {
    expect(check((c) => (c.facts.facts.OFF.quotes = ['  ']))).toEqual([
      "quote: content/facts.json → facts.OFF.quotes[0]: a quote is empty: copy the page's own words, or remove it",
    ]);
    expect(check((c) => (c.facts.facts.PRS.quotes = ['報道の言葉', 'あ'.repeat(201)]))).toEqual([
      'quote: content/facts.json → facts.PRS.quotes[1]: a quote is 201 characters long; keep each quote to 200 at most (the words that back the fact)',
    ]);
    expect(check((c) => (c.facts.facts.PRS.quotes = ['あ'.repeat(200)]))).toEqual([]);
    expect(check((c) => (c.facts.facts.BLG.quotes = ['見ていない言葉']))).toEqual([
      'quote: content/facts.json → facts.BLG.quotes: quotes words of BLG, which was seen by title only: a page nobody read has no words to quote',
    ]);
  });

  it('a fact without a rating, with a made-up rating, or with a key the register does not use', () => {
    expect(check((c) => delete c.facts.facts.OFF.rating)).toEqual([
      'shape: content/facts.json → facts.OFF.rating: needs "rating": high, medium or low (how far the research trusts this source for what it is cited for)',
    ]);
    expect(check((c) => (c.facts.facts.OFF.rating = 'official'))).toHaveLength(1);
    expect(check((c) => (c.facts.facts.OFF.quote = 'x'))).toEqual([
      'shape: content/facts.json → facts.OFF: has "quote", which the guide does not use (a typo?)',
    ]);
  });

  it('a source nothing uses', () => {
    expect(
      check(
        (c) =>
          (c.sources.EXTRA = {
            publisher: 'x',
            url: 'https://example.com/',
            tier: 'blog',
            checked: '2026-12-01',
            seen: 'stored-copy',
          }),
      ),
    ).toEqual([
      'unused-source: content/sources.json → EXTRA: is used nowhere: no fact in content/facts.json names it as "source", no step or note links it and no string links it with a tag; remove it, or add the fact it backs',
    ]);
    // A link by tag (<extra>…</extra>) or as another language's page counts as use.
    expect(
      checkFacts(fixture().facts, { ...fixture().sources, EXTRA: {} }, fixture().outcomes, {
        tagged: ['EXTRA'],
        today: '2026-12-01',
      }),
    ).toEqual([]);
  });
});

describe('content/sources.json: tiers (src/content/schema.ts sourceSchema)', () => {
  const issues = (id: string, source: Mutable) =>
    (sourcesSchema.safeParse({ [id]: source }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
  const { OFF, PRS, BLG } = fixture().sources;

  it('accepts an official page, a press page with a URL and a blog seen elsewhere (with "where")', () => {
    expect(issues('OFF', OFF)).toEqual([]);
    expect(issues('PRS', PRS)).toEqual([]);
    expect(issues('BLG', BLG)).toEqual([]);
    expect(issues('PRS', { ...PRS, url: 'http://www.town.example.jp/page.html' })).toEqual([]);
  });

  it('refuses a source without a tier', () => {
    expect(issues('PRS', { ...PRS, tier: undefined })).toEqual([
      'PRS.tier: needs "tier": official, municipal, carrier, press, blog or third-party (who publishes the page; only official pages are linked)',
    ]);
  });

  it('keeps official sources on the allowlist, over https', () => {
    expect(issues('OFF', { ...OFF, url: 'https://www.itmedia.co.jp/x' })).toEqual([
      'OFF.url: the "url" https://www.itmedia.co.jp/x is not on an official site the guide may link to (digital.go.jp, jpki.go.jp, myna.go.jp, kojinbango-card.go.jp, j-lis.go.jp, support.apple.com, emb-japan.go.jp, or a subdomain of one)',
    ]);
    expect(issues('OFF', { ...OFF, url: undefined, where: 'a leaflet' })).toEqual([
      'OFF.url: needs a "url": an official source is a page the guide may link to',
    ]);
  });

  it('lets evidence have any web address or none, but then a "where"; never alternates', () => {
    expect(issues('BLG', { ...BLG, where: undefined })).toEqual([
      'BLG: needs a "url", or a "where" saying where the page was seen (e.g. "page source published on GitHub")',
    ]);
    expect(issues('PRS', { ...PRS, url: 'ftp://example.com/x' })).toEqual([
      'PRS.url: the "url" ftp://example.com/x must be a web address starting with https:// or http://',
    ]);
    expect(issues('PRS', { ...PRS, alternates: { en: 'OFF' } })).toEqual([
      'PRS.alternates: has "alternates", but only official sources are links; a press source is evidence only',
    ]);
  });
});
