// The build's phrase breaks (scripts/phrase-breaks.ts, issue 28) change where a line may break,
// never what a reader, a screen reader or copy-paste gets: the marked strings are the written ones
// plus <wbr/> and <nowrap> tags in allowed places, and the rendered steps have the same text and the
// same accessible names with the marks as without. (The plugin is off under Vitest: this test
// marks the words itself, as the build does.) Chromium's own accessible names and the rendered
// lines are checked in tests/e2e/phrase-breaks.e2e.ts.
import fs from 'node:fs';
import path from 'node:path';
import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markFile, markString, resolverFor, PHRASE_LANGS } from '../../scripts/phrase-breaks';
import { ensureLanguage, i18n, plainText } from '../../src/content/i18n';
import { OUTCOMES, type OutcomeId } from '../../src/machine/questions';
import { encode } from '../../src/app/url';
import { allPaths } from './paths';
import { renderGuide } from './render';

const NAMESPACES = ['ui', 'questions', 'outcomes'] as const;
const contentDir = path.resolve(__dirname, '../../content');

function filesOf(lang: string): Record<string, unknown> {
  return Object.fromEntries(
    NAMESPACES.map((ns) => [ns, JSON.parse(fs.readFileSync(path.join(contentDir, lang, `${ns}.json`), 'utf8'))]),
  );
}

function marked(lang: string): Record<string, unknown> {
  const files = filesOf(lang);
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, markFile(ns, files[ns], resolverFor(files))]));
}

/** Every string of a content file, with its key. */
function strings(data: unknown, key = ''): [string, string][] {
  if (typeof data === 'string') return [[key, data]];
  if (data && typeof data === 'object')
    return Object.entries(data).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
  return [];
}

const unmark = (s: string) => s.replace(/<wbr\/>|<\/?nowrap>/g, '');
const noResolve = () => undefined;

describe('marking a string', () => {
  it('puts <wbr/> between the phrases of a heading, and the text stays the same', () => {
    const out = markString('どんなときの手続きですか？', noResolve);
    expect(out).toBe('どんな<wbr/>ときの<wbr/>手続きですか？');
    expect(plainText(out)).toBe('どんなときの手続きですか？');
  });

  it('never inside a $t() reference, a tag or a ruby group', () => {
    const resolve = resolverFor({ ui: { names: { hotline: '0120-95-0178' } } });
    expect(markString('<tel>$t(ui:names.hotline) に電話する</tel>', resolve)).toBe(
      '<tel>$t(ui:names.hotline) に<wbr/>電話する</tel>',
    );
    const easy = markString('<r>電子証明書|でんししょうめいしょ</r>の<r>更新|こうしん</r>をします', noResolve);
    expect(unmark(easy)).toBe('<r>電子証明書|でんししょうめいしょ</r>の<r>更新|こうしん</r>をします');
    expect(easy).not.toMatch(/<r>[^<]*<wbr/);
    expect(easy).toContain('<wbr/>');
  });

  it('keeps a Latin name with its number, and a number with its unit, on one line', () => {
    expect(markString('iPhoneは、iOS 18.5以降のiPhone XS以降が対応です', noResolve, { phrases: false })).toBe(
      'iPhoneは、<nowrap>iOS 18.5</nowrap>以降の<nowrap>iPhone XS</nowrap>以降が対応です',
    );
    expect(markString('24時間・365日受け付けています', noResolve, { phrases: false })).toBe(
      '<nowrap>24時間</nowrap>・<nowrap>365日</nowrap>受け付けています',
    );
    expect(markString('平日9時30分〜20時', noResolve, { phrases: false })).toBe(
      '平日<nowrap>9時30分</nowrap>〜<nowrap>20時</nowrap>',
    );
  });

  it('never breaks a phone number, a URL, a Latin word or an interpolation', () => {
    for (const text of [
      '0120-95-0178に電話してください',
      'https://www.digital.go.jp/policies/mynumber/smartphone-certification を開きます',
      'Androidスマホ用電子証明書に対応しているスマートフォン',
      '質問{{current}}の答えを選んでください',
    ]) {
      const out = markString(text, noResolve);
      expect(unmark(out)).toBe(text);
      for (const kept of [
        '0120-95-0178',
        'https://www.digital.go.jp/policies/mynumber/smartphone-certification',
        'Android',
        '{{current}}',
      ])
        if (text.includes(kept)) expect(out).toContain(kept);
    }
  });
});

describe.each(PHRASE_LANGS)('the content in %s, as the build marks it', (lang) => {
  const before = filesOf(lang);
  const after = marked(lang);

  it('is the written content plus <wbr/> and <nowrap> tags, nowhere inside a tag, reference or ruby', () => {
    let wbr = 0;
    let nowrap = 0;
    for (const ns of NAMESPACES) {
      const written = new Map(strings(before[ns]));
      for (const [key, value] of strings(after[ns])) {
        expect(unmark(value), `${lang}:${ns}:${key}`).toBe(written.get(key));
        expect(value, `${lang}:${ns}:${key}`).not.toMatch(/\$t\([^)]*<|\{\{[^}]*<|<r>[^<]*<(wbr|nowrap)/);
        expect(value.match(/<nowrap>/g)?.length ?? 0).toBe(value.match(/<\/nowrap>/g)?.length ?? 0);
        wbr += value.match(/<wbr\/>/g)?.length ?? 0;
        nowrap += value.match(/<nowrap>/g)?.length ?? 0;
      }
    }
    // Not vacuous: the content has phrases to break and numbers to keep whole.
    expect(wbr).toBeGreaterThan(10);
    expect(nowrap).toBeGreaterThan(5);
  });
});

// The first question and three outcomes: the call button, the longest title, a warning box
// (every outcome, in Chromium: tests/e2e/phrase-breaks.e2e.ts; jsdom names are slow to compute).
const SAMPLE: readonly OutcomeId[] = ['lost-suspend', 'no-certificate', 'change-reset-new-supported'];
const outcomePaths = new Map<string, ReturnType<typeof allPaths>[number]>();
for (const p of allPaths()) if (!outcomePaths.has(p.outcome)) outcomePaths.set(p.outcome, p);
const addressesIn = (lang: string) => {
  const settings = lang === 'ja' ? {} : { lang };
  return [encode({}, settings), ...SAMPLE.map((o) => encode(outcomePaths.get(o)!.answers, settings))];
};

type Seen = { names: string[]; text: string; wbr: number };

/** The accessible names of the headings, links and buttons, and the text of the page. */
function look(address: string): Seen {
  const { container, unmount } = renderGuide(address);
  const names: string[] = [];
  for (const role of ['heading', 'link', 'button'])
    // hidden: true skips the slow visibility checks (a closed disclosure's links are named too).
    screen.queryAllByRole(role, { hidden: true, name: (name) => (names.push(`${role}: ${name}`), true) });
  const seen = { names, text: container.textContent ?? '', wbr: container.querySelectorAll('wbr').length };
  unmount();
  return seen;
}

describe.each(PHRASE_LANGS)('the steps in %s, rendered with the marked words', (lang) => {
  const originals = filesOf(lang);
  beforeAll(async () => {
    await ensureLanguage(lang);
  });
  afterAll(() => {
    for (const ns of NAMESPACES) i18n.addResourceBundle(lang, ns, originals[ns], true, true);
  });

  it('have the same text and accessible names as with the written words', async () => {
    for (const o of SAMPLE) expect(OUTCOMES).toContain(o);
    const addresses = addressesIn(lang);
    const plain = addresses.map((a) => look(a));
    const words = marked(lang);
    for (const ns of NAMESPACES) i18n.addResourceBundle(lang, ns, words[ns], true, true);
    await ensureLanguage(lang);
    const withBreaks = addresses.map((a) => look(a));
    for (const [i, a] of addresses.entries()) {
      expect(withBreaks[i]!.names, `${lang} ${a}`).toEqual(plain[i]!.names);
      expect(withBreaks[i]!.text, `${lang} ${a}`).toBe(plain[i]!.text);
      expect(plain[i]!.wbr, `${lang} ${a}`).toBe(0);
      expect(withBreaks[i]!.wbr, `${lang} ${a}: the marks are rendered`).toBeGreaterThan(0);
      expect(withBreaks[i]!.text, `${lang} ${a}`).not.toMatch(/<\/?(wbr|nowrap)|&lt;/);
    }
  }, 90_000);
});
