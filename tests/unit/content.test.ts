// The content is checked against its schema (src/content/schema.ts) and against the machine: a
// content editor who breaks a rule gets a list of "file → key: what to fix" lines.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesFor } from '../../src/content/outcomes';
import {
  FORMAT_TAGS,
  checkContent,
  formatProblem,
  isAllowedUrl,
  scanUiKeys,
  type ContentFiles,
  type UiUsage,
} from '../../src/content/schema';
import { OUTCOMES } from '../../src/machine/questions';
import { allPaths } from './paths';

const root = join(import.meta.dirname, '../..');
const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(root, rel), 'utf8'));

function loadContent(): ContentFiles {
  const locales: ContentFiles['locales'] = {};
  for (const lang of readdirSync(join(root, 'content'))) {
    if (!statSync(join(root, 'content', lang)).isDirectory()) continue;
    locales[lang] = {};
    for (const f of readdirSync(join(root, 'content', lang)))
      if (f.endsWith('.json')) locales[lang]![f.replace(/\.json$/, '')] = readJson(`content/${lang}/${f}`);
  }
  return {
    outcomes: readJson('content/outcomes.json'),
    sources: readJson('content/sources.json'),
    meta: readJson('content/meta.json'),
    locales,
  };
}

function codeTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(join(root, dir))) {
      const rel = `${dir}/${f}`;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      // The checker itself only names keys in its messages.
      else if (/\.(tsx?|mts|mjs|js|html)$/.test(f) && rel !== 'src/content/schema.ts')
        out.push(readFileSync(join(root, rel), 'utf8'));
    }
  };
  walk('src');
  walk('scripts');
  out.push(readFileSync(join(root, 'index.html'), 'utf8'));
  return out;
}

// index.html carries the description for the first paint (before any script): it must be the
// words of ui:meta.description, which is therefore used.
const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
const htmlDescription = /<meta name="description" content="([^"]*)"/.exec(indexHtml)?.[1];

const paths = allPaths().map((p) => ({ answers: p.answers, outcome: p.outcome }));
const uiUsage: UiUsage = scanUiKeys(codeTexts());
if (htmlDescription !== undefined) uiUsage.exact.add('meta.description');
const check = (files: ContentFiles) => checkContent(files, { paths, uiUsage }).map(formatProblem);
const clone = <T>(x: T): T => structuredClone(x);

describe('the content in content/', () => {
  const files = loadContent();

  it('follows every rule (each line below names the file and key to fix)', () => {
    expect(check(files)).toEqual([]);
  });

  it('knows every inline tag that src/views/Rich.tsx renders (FORMAT_TAGS in src/content/schema.ts)', () => {
    const rich = readFileSync(join(root, 'src/views/Rich.tsx'), 'utf8');
    const block = /const components[^{]*\{([\s\S]*?)\n\};/.exec(rich)?.[1] ?? '';
    const tags = [...block.matchAll(/^\s+([a-z][a-z0-9]*): </gm)].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags), 'src/content/schema.ts → FORMAT_TAGS: list the same tags as Rich.tsx').toEqual(
      new Set(FORMAT_TAGS),
    );
  });

  it('index.html has the same description as content/ja/ui.json meta.description', () => {
    const ui = files.locales.ja!.ui as { meta: { description: string } };
    expect(
      htmlDescription,
      'index.html → <meta name="description">: copy the words of content/ja/ui.json meta.description',
    ).toBe(ui.meta.description);
  });

  it('shows at least one step on every one of the machine’s paths (content.ts entriesFor)', () => {
    expect(paths.length).toBe(131);
    for (const p of paths) {
      const { steps } = entriesFor(p.outcome, p.answers);
      expect(steps.length, `${p.outcome} for ${JSON.stringify(p.answers)}`).toBeGreaterThan(0);
    }
    expect(new Set(paths.map((p) => p.outcome))).toEqual(new Set(OUTCOMES));
  });
});

describe('the checker catches each kind of mistake (so the test above can fail)', () => {
  // Japanese only (other languages have their own test below).
  const all = loadContent();
  const good: ContentFiles = { ...all, locales: { ja: all.locales.ja! } };
  // Only the problems an edit adds count here, so these tests do not depend on the real content.
  const baseline = new Set(check(good));
  type Mutable = Record<string, any>; // oxlint-disable-line typescript/no-explicit-any -- tests edit deep copies of the JSON files at any depth
  const edit = (f: (c: { outcomes: Mutable; sources: Mutable; meta: Mutable; ja: Mutable }) => void) => {
    const c = clone(good);
    f({
      outcomes: c.outcomes as Mutable,
      sources: c.sources as Mutable,
      meta: c.meta as Mutable,
      ja: c.locales.ja as Mutable,
    });
    return check(c).filter((p) => !baseline.has(p));
  };

  it('a step without a source, or citing an unknown source', () => {
    expect(edit((c) => (c.outcomes.outcomes['lost-suspend'].steps[0].sources = []))).toContain(
      'content/outcomes.json → outcomes.lost-suspend.steps[0] (id "call").sources: cites no official page, so it cannot read as official: cite one from content/sources.json, or set "confidence" to "medium" or "low"',
    );
    expect(edit((c) => (c.outcomes.outcomes['lost-suspend'].steps[0].sources = ['S99']))).toContain(
      'content/outcomes.json → outcomes.lost-suspend.steps[0] (id "call").sources: cites "S99", which is not in content/sources.json (add the source there, or fix the id)',
    );
  });

  it('a source off the allowlist, over http, or without a checked date', () => {
    expect(edit((c) => (c.sources.S1.url = 'https://example.com/page'))).toContain(
      'content/sources.json → S1.url: the "url" https://example.com/page is not on an official site the guide may link to (digital.go.jp, jpki.go.jp, myna.go.jp, kojinbango-card.go.jp, j-lis.go.jp, support.apple.com, emb-japan.go.jp, or a subdomain of one)',
    );
    expect(edit((c) => (c.sources.S1.url = 'http://www.digital.go.jp/'))).toContain(
      'content/sources.json → S1.url: the "url" must start with https://',
    );
    expect(edit((c) => (c.sources.S1.url = 'https://digital.go.jp.evil.example/'))).toHaveLength(1);
    expect(edit((c) => delete c.sources.S3.checked)).toContain(
      'content/sources.json → S3.checked: needs "checked": the date the guide\'s wording was last compared with what is known of this page, written YYYY-MM-DD',
    );
    expect(edit((c) => (c.sources.S1.alternates = { fr: 'S2', en: 'S99' }))).toEqual(
      expect.arrayContaining([
        'content/sources.json → S1.alternates.fr: there is no language "fr" in content/',
        'content/sources.json → S1.alternates.en: names "S99", which is not in content/sources.json',
      ]),
    );
    expect(edit((c) => (c.sources.S3.seen = 'skimmed'))).toContain(
      'content/sources.json → S3.seen: needs "seen": live, stored-copy, partly-read or title-only (how much of the page was read)',
    );
    expect(edit((c) => (c.sources.S3.checked = '2026/11/25'))).toHaveLength(1);
    expect(edit((c) => (c.sources.S3.checked = '2999-01-01'))).toContain(
      'content/sources.json → S3.checked: the date 2999-01-01 is in the future',
    );
  });

  it('a "when" that names a question or answer the guide does not have', () => {
    expect(
      edit((c) => (c.outcomes.outcomes['revoke-before-handover'].steps[0].when = { oldPlatfrom: 'android' })),
    ).toContain(
      'content/outcomes.json → outcomes.revoke-before-handover.steps[0] (id "revokeOnOldAndroid").when.oldPlatfrom: "when" names a question "oldPlatfrom" that the guide does not ask (questions: situation, certificate, oldPlatform, oldPhone, newPlatform, newPhone)',
    );
    expect(
      edit((c) => (c.outcomes.outcomes['revoke-before-handover'].steps[0].when = { oldPlatform: 'windows' })),
    ).toContain(
      'content/outcomes.json → outcomes.revoke-before-handover.steps[0] (id "revokeOnOldAndroid").when.oldPlatform: "when" uses the answer "windows", but question "oldPlatform" only has the answers android, iphone',
    );
  });

  it('a confidence that is not high, medium or low', () => {
    expect(edit((c) => (c.outcomes.outcomes['lost-suspend'].steps[1].confidence = 'med'))).toContain(
      'content/outcomes.json → outcomes.lost-suspend.steps[1] (id "askIfNotFound").confidence: "confidence" must be "high", "medium" or "low" (or left out, which means high)',
    );
  });

  it('an outcome with no step for a path that reaches it, and a step that is never shown', () => {
    // no-certificate: only the situation-specific steps, and lost has none of its own.
    const problems = edit((c) => {
      const steps = c.outcomes.outcomes['no-certificate'].steps as { id: string }[];
      c.outcomes.outcomes['no-certificate'].steps = steps.filter((s) => s.id !== 'notSure' && s.id !== 'lostCardToo');
      delete c.ja.outcomes['no-certificate'].steps.notSure;
      delete c.ja.outcomes['no-certificate'].steps.lostCardToo;
    });
    expect(problems).toEqual([
      'content/outcomes.json → outcomes.no-certificate.steps: shows no step for the answers ?situation=lost&certificate=no: add a step without "when", or widen a "when"',
    ]);
    expect(edit((c) => (c.outcomes.outcomes['lost-suspend'].steps[0].when = { situation: 'renewal' }))).toContain(
      'content/outcomes.json → outcomes.lost-suspend.steps[0] (id "call").when: is never shown: no set of answers that leads here matches its "when"',
    );
  });

  it('an outcome missing from the content, or one the machine does not have', () => {
    const problems = edit((c) => {
      c.outcomes.outcomes['lost-suspends'] = c.outcomes.outcomes['lost-suspend'];
      delete c.outcomes.outcomes['lost-suspend'];
    });
    expect(problems).toContain(
      'content/outcomes.json → outcomes.lost-suspend: is missing: the guide can end on the outcome "lost-suspend", so it needs steps here',
    );
    expect(
      problems.some((p) =>
        p.startsWith('content/outcomes.json → outcomes.lost-suspends: is not an outcome of the guide'),
      ),
    ).toBe(true);
  });

  it('missing Japanese words and unused keys', () => {
    expect(edit((c) => delete c.ja.outcomes['lost-suspend'].notes.abroad)).toEqual([
      'content/ja/outcomes.json → lost-suspend.notes.abroad: is missing: write the Japanese words for it',
    ]);
    expect(edit((c) => (c.ja.outcomes['lost-suspend'].steps.abraod = '…'))).toEqual([
      'content/ja/outcomes.json → lost-suspend.steps.abraod: is not a title, lead, step or note of content/outcomes.json, so it is never shown; remove it or fix the id',
    ]);
    expect(edit((c) => (c.ja.questions.oldPhone.answers.broken = '…'))).toEqual([
      'content/ja/questions.json → oldPhone.answers.broken: is not a question or answer the guide asks, so it is never shown; remove it or fix the key',
    ]);
    expect(edit((c) => (c.ja.ui.footer.unusedThing = '…'))).toEqual([
      'content/ja/ui.json → footer.unusedThing: is not used by the app (no t("ui:…") in src/ and no $t(ui:…) in the content refers to it); remove it or fix the key',
    ]);
    expect(edit((c) => delete c.ja.ui.outcome.confidenceLegend)).toEqual([
      'content/ja/ui.json → outcome.confidenceLegend: is used by the app but missing here: write the words for it',
    ]);
  });

  it('an unknown or unclosed tag, a term nobody uses, a broken $t() reference', () => {
    expect(edit((c) => (c.ja.outcomes['lost-suspend'].lead += '<s99>公式</s99>'))).toEqual([
      'content/ja/outcomes.json → lost-suspend.lead: uses the tag <s99>, which is not a term in content/ja/terms.json, not a source in content/sources.json (in lower case, e.g. <s1>) and not one of <tel> <strong> <r> <ja>',
    ]);
    expect(edit((c) => (c.ja.outcomes['lost-suspend'].lead += '<revoke>失効'))).toEqual([
      'content/ja/outcomes.json → lost-suspend.lead: opens <revoke> but never closes it with </revoke>',
    ]);
    expect(edit((c) => (c.ja.terms.unusedterm = { word: '語', meaning: '意味' }))).toEqual([
      'content/ja/terms.json → unusedterm: is never used: no string has a <unusedterm>…</unusedterm> tag; remove it or use it',
    ]);
    expect(edit((c) => (c.ja.outcomes['lost-suspend'].lead += '$t(ui:names.appp)'))).toEqual([
      'content/ja/outcomes.json → lost-suspend.lead: refers to $t(ui:names.appp), but content/ja/ui.json has no "names.appp"',
    ]);
  });

  it('a name that may change (the app’s name) written directly instead of $t(ui:names.app)', () => {
    expect(
      edit(
        (c) => (c.ja.outcomes['lost-suspend'].notes.ifFound = 'マイナアプリ（旧マイナポータルアプリ）で解除します。'),
      ),
    ).toEqual([
      'content/ja/outcomes.json → lost-suspend.notes.ifFound: writes "マイナアプリ（旧マイナポータルアプリ）" directly; write $t(ui:names.app) instead, so that a change of name is one edit in content/ja/ui.json',
    ]);
  });

  it('a key in another language that the Japanese content does not have', () => {
    const c = clone(good);
    c.locales.xx = { ui: { footer: { about: 'x', typo: 'y' } } };
    expect(check(c).filter((p) => !baseline.has(p))).toEqual([
      'content/xx/ui.json → footer.typo: is not in content/ja/ui.json, so the guide never uses it; remove it or fix the key',
    ]);
  });
});

describe('isAllowedUrl', () => {
  it.each([
    ['https://www.digital.go.jp/policies/', true],
    ['https://digital.go.jp/', true],
    ['https://img.myna.go.jp/manual/04-07/0220.html', true],
    ['https://support.apple.com/ja-jp/122113', true],
    ['https://www2.jpki.go.jp/procedure/lost.html', true],
    ['http://www.digital.go.jp/', false],
    ['https://evil-digital.go.jp/', false],
    ['https://digital.go.jp.example.com/', false],
    ['https://apple.com/', false],
    ['https://user@digital.go.jp/', false],
    ['https://digital.go.jp:8443/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isAllowedUrl(url)).toBe(ok);
  });
});
