// Every language has exactly the Japanese keys, and each translated string keeps the Japanese
// string's inline tags (<tel>, term and source tags), `$t(ui:names.x)` references and
// {{placeholders}}, and mentions no number the Japanese does not. Ruby markup is well formed.
import { describe, expect, it } from 'vitest';
import sources from '../../content/sources.json';
import termsJa from '../../content/ja/terms.json';
import { DEFAULT_LANG, LANGS, NAMESPACES, ensureLanguage, i18n, loadLanguage, plainText } from '../../src/content/i18n';
import { decode } from '../../src/app/url';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const files = import.meta.glob<Json>('../../content/*/*.json', { eager: true, import: 'default' });
const content: Record<string, Record<string, Json>> = {};
for (const [path, data] of Object.entries(files)) {
  const [, lang, ns] = /content\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  (content[lang!] ??= {})[ns!] = data;
}
const OTHER_LANGS = LANGS.filter((l) => l !== DEFAULT_LANG);

function flatten(value: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    // An empty object (an outcome with no notes) is a key too, so its absence is noticed.
    if (entries.length === 0) out.set(prefix, '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

const KNOWN_TAGS = new Set([
  'tel',
  'strong',
  'r',
  'ja',
  ...Object.keys(termsJa),
  ...Object.keys(sources).map((s) => s.toLowerCase()),
]);

const openTags = (s: string) => [...s.matchAll(/<([a-z][a-z0-9]*)>/g)].map((m) => m[1]!);
const closeTags = (s: string) => [...s.matchAll(/<\/([a-z][a-z0-9]*)>/g)].map((m) => m[1]!);
const nestings = (s: string) => [...s.matchAll(/\$t\(([^)]+)\)/g)].map((m) => m[1]!);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
const numbers = (s: string) =>
  [...s.replace(/\$t\([^)]*\)|\{\{[^}]*\}\}|<[^>]*>/g, ' ').matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
const sorted = (xs: string[]) => [...xs].sort();
const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;

/**
 * Deliberate differences from the Japanese string, each with its reason. English and やさしい日本語
 * readers are the people the foreign-language line is for, so the lost-phone outcome puts it first
 * (the claim itself is the Japanese outcome's own note "foreignLanguage"), and in English the
 * call-now button dials it (the note under it still gives the Japanese line). Not for a lost card:
 * at night that line takes only a lost phone (S8, audit M2), so English card-lost dials the
 * Japanese 24-hour line and names the English one in its note.
 */
const EXTRA: Record<string, { tags?: string[]; refs?: string[]; dropRefs?: string[] }> = {
  'en outcomes:lost-suspend.title': { refs: ['ui:names.hotlineForeign'] },
  'en outcomes:lost-suspend.lead': { tags: ['tel'], refs: ['ui:names.hotlineForeign', 'ui:names.hotline'] },
  'easy outcomes:lost-suspend.lead': { tags: ['tel'], refs: ['ui:names.hotlineForeign'] },
  'en ui:outcome.callNow': { refs: ['ui:names.hotlineForeign'], dropRefs: ['ui:names.hotline'] },
  'en ui:outcome.callNowNote': { refs: ['ui:names.hotline'] },
};

describe('languages', () => {
  it('has one content folder per language, each with every namespace', () => {
    expect(sorted(Object.keys(content))).toEqual(sorted([...LANGS]));
    for (const lang of LANGS) expect(sorted(Object.keys(content[lang]!)), lang).toEqual(sorted([...NAMESPACES]));
  });

  it('accepts each language in the URL and nothing else', () => {
    for (const lang of OTHER_LANGS) {
      const d = decode(`/${lang}/`);
      expect(d.settings.lang).toBe(lang);
      expect(d.notFound).toBe(false);
      expect(decode(`/${lang}/lost/`).settings.lang).toBe(lang);
      // An old link's language is still read (and the address rewritten).
      const old = decode('/', `?situation=lost&lang=${lang}`);
      expect(old.settings.lang).toBe(lang);
      expect(old.partlyUnusable).toBe(false);
      expect(old.rewrite).toBe(true);
    }
    expect(decode('/fr/').notFound).toBe(true);
    expect(decode('/ja/').notFound).toBe(true); // Japanese lives at the root
    expect(decode('/', '?lang=fr').partlyUnusable).toBe(true);
    expect(decode('/', '?lang=en&lang=en').settings.lang).toBeUndefined(); // a repeated parameter is dropped
  });

  it('loads a language lazily, all namespaces at once, and switches to it', async () => {
    await loadLanguage('ja'); // whatever part of Japanese is not bundled (the outcome words)
    for (const ns of NAMESPACES) expect(i18n.hasResourceBundle('ja', ns), `ja/${ns}`).toBe(true);
    for (const lang of OTHER_LANGS) {
      await loadLanguage(lang);
      for (const ns of NAMESPACES) expect(i18n.hasResourceBundle(lang, ns), `${lang}/${ns}`).toBe(true);
      expect(ensureLanguage(lang)).toBeUndefined(); // loaded: switches synchronously
      expect(i18n.language).toBe(lang);
    }
    expect(ensureLanguage('ja')).toBeUndefined();
    expect(i18n.language).toBe('ja');
  });

  it('names each language in that language, the same in every language', () => {
    const ja = flatten(content.ja!.ui!);
    for (const lang of LANGS)
      for (const l of LANGS)
        expect(flatten(content[lang]!.ui!).get(`languages.${l}`), `${lang} languages.${l}`).toBe(
          ja.get(`languages.${l}`),
        );
  });
});

describe.each(OTHER_LANGS)('%s has the same keys as Japanese', (lang) => {
  it.each([...NAMESPACES])('%s', (ns) => {
    const ja = [...flatten(content.ja![ns]!).keys()];
    const other = [...flatten(content[lang]![ns]!).keys()];
    const missing = ja.filter((k) => !other.includes(k));
    const extra = other.filter((k) => !ja.includes(k));
    expect({ missing, extra }, `${lang}/${ns}.json`).toEqual({ missing: [], extra: [] });
  });
});

describe.each(OTHER_LANGS)('%s strings keep the Japanese markup', (lang) => {
  const cases = NAMESPACES.flatMap((ns) => {
    const ja = flatten(content.ja![ns]!);
    const other = flatten(content[lang]![ns]!);
    return [...ja].filter(([k]) => other.has(k)).map(([k, jaText]) => [`${ns}:${k}`, jaText, other.get(k)!] as const);
  });

  it.each(cases)('%s', (key, jaText, text) => {
    const extra = EXTRA[`${lang} ${key}`] ?? {};
    // <r> (ruby) and <ja> (a Japanese name inside English) only mark up the words themselves.
    const own = (t: string) => t !== 'r' && t !== 'ja';
    const tags = openTags(text).filter(own);
    const want = [...openTags(jaText).filter(own), ...(extra.tags ?? [])];
    // Same tags (tap-to-call numbers, term explanations, source links), <tel> as often as in Japanese.
    expect(sorted([...new Set(tags)]), 'tags').toEqual(sorted([...new Set(want)]));
    expect(count(tags, 'tel'), '<tel> count').toBe(count(want, 'tel'));
    for (const t of openTags(text)) expect(KNOWN_TAGS.has(t), `<${t}> is rendered by Rich`).toBe(true);
    expect(sorted(closeTags(text)), 'every tag is closed').toEqual(sorted(openTags(text)));
    // Names come from one place: the same $t(ui:names.x) references; the same placeholders.
    expect(sorted([...new Set(nestings(text))]), '$t() references').toEqual(
      sorted([...new Set([...nestings(jaText), ...(extra.refs ?? [])])].filter((r) => !extra.dropRefs?.includes(r))),
    );
    expect(sorted(placeholders(text)), '{{placeholders}}').toEqual(sorted(placeholders(jaText)));
    // A translation never says more: no number (hours, digits, versions, years) that the Japanese lacks.
    const jaNumbers = new Set(numbers(jaText));
    for (const n of numbers(text)) expect(jaNumbers.has(n), `number ${n} is not in the Japanese`).toBe(true);
  });
});

describe('language of parts', () => {
  it('marks every Japanese word in English with <ja> (read in Japanese by screen readers)', () => {
    const problems: string[] = [];
    for (const ns of NAMESPACES)
      for (const [k, v] of flatten(content.en![ns]!)) {
        if (ns === 'ui' && k.startsWith('languages.')) continue; // the switch sets lang on each name
        const rest = v.replace(/<ja>[^<]*<\/ja>/g, '').replace(/\$t\([^)]*\)/g, '');
        if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(rest)) problems.push(`${ns}:${k}`);
      }
    expect(problems).toEqual([]);
  });

  it('uses <ja> only in English', () => {
    for (const lang of LANGS.filter((l) => l !== 'en'))
      for (const ns of NAMESPACES)
        for (const [k, v] of flatten(content[lang]![ns]!)) expect(v, `${lang} ${ns}:${k}`).not.toContain('<ja>');
  });
});

describe('ruby (furigana) markup', () => {
  const all = LANGS.flatMap((lang) =>
    NAMESPACES.flatMap((ns) => [...flatten(content[lang]![ns]!)].map(([k, v]) => [lang, `${ns}:${k}`, v] as const)),
  );

  it('is used only in やさしい日本語, always as <r>base|reading</r> with a kana reading', () => {
    let rubies = 0;
    for (const [lang, key, text] of all) {
      const tags = [...text.matchAll(/<r>(.*?)<\/r>/g)];
      if (lang !== 'easy') expect(tags, `${lang} ${key}`).toEqual([]);
      for (const [, inner] of tags) {
        rubies++;
        expect(inner, `${key}: ${inner}`).toMatch(/^[^|<>]+\|[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u);
      }
    }
    expect(rubies).toBeGreaterThan(100);
  });

  it('gives kanji beyond the first school grades a reading in every やさしい日本語 string', () => {
    // Kanji taught in grades 1–2 may stand alone; any other kanji must sit inside <r>…</r>,
    // or inside a quoted official label or page title (「…」 or a source link) kept as the user sees it.
    const EARLY =
      '一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕石赤千川先早草足村大男竹中虫町天田土二日入年白八百文木本名目立力林六' +
      '引羽雲園遠何科夏家歌画回会海絵外角楽活間丸岩顔汽記帰弓牛魚京強教近兄形計元言原戸古午後語工公広交光考行高黄合谷国黒今才細作算止市矢姉思紙寺自時室社弱首秋週春書少場色食心新親図数西声星晴切雪船線前組走多太体台地池知茶昼長鳥朝直通弟店点電刀冬当東答頭同道読内南肉馬売買麦半番父風分聞米歩母方北毎妹万明鳴毛門夜野友用曜来里理話';
    const problems: string[] = [];
    for (const [lang, key, text] of all) {
      // Each language's own name (简体中文) is written as that language writes it, in every language.
      if (lang !== 'easy' || key.startsWith('ui:languages.')) continue;
      const bare = text
        .replace(/<r>.*?<\/r>/g, '')
        .replace(/「[^」]*」/g, '')
        .replace(/<(s\d+|l\d+|m\d+)>.*?<\/\1>/g, '');
      for (const ch of bare.match(/\p{Script=Han}/gu) ?? []) if (!EARLY.includes(ch)) problems.push(`${key}: ${ch}`);
    }
    expect(problems).toEqual([]);
  });

  it('reads as its base text in titles and labels', () => {
    expect(plainText('<r>電話|でんわ</r>を <revoke><r>失効|しっこう</r></revoke>する')).toBe('電話を 失効する');
  });
});
