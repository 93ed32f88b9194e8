// Vite plugin (issue 28): Japanese that breaks between phrases, decided at build time.
//
// Browsers break Japanese between any two characters, so a heading reads 「手／続き」 and an answer
// 「変／わった」. BudouX (Google's phrase segmenter) finds the phrases (文節); this plugin runs it on
// the content JSON of Japanese and やさしい日本語 as the build loads it (the i18next resources that
// src/content/i18n.ts bundles and the lazy language chunks, in the client build and in the
// prerender's server build alike) and marks:
// - a `<wbr/>` tag at each phrase boundary, in the strings shown as headings, answers, buttons,
//   the call button, the site name and short labels (PHRASED); the content renderer
//   (src/views/Rich.tsx) turns it into a <wbr> element, and the CSS (styles.css, the block
//   "Phrase breaks") stops those elements breaking anywhere else (`word-break: keep-all`);
// - a `<nowrap>…</nowrap>` tag around what must never break, in those strings and in the body
//   text (NOWRAP): a Latin word with the number or short name after its space (iOS 18.5,
//   iPhone XS) and a number with its unit (24時間, 365日, 2023年). Phone numbers are kept whole by
//   Rich.tsx itself.
// The content files stay as they are: only the build's copy is marked, so whatever words are there
// at build time get their breaks, and the browser gets no segmenter (no model, no extra script).
// `<wbr>` is an element, not a character: screen readers, copy-paste and plainText() (the page
// <title>, og:description) see the same text as before.
//
// Never marked: inside a tag, a ruby group (<r>電話|でんわ</r>), a `$t(...)` reference (the name it
// points to is marked in its own string), an `{{interpolation}}`, an entity, a URL, a Latin word,
// a number (phone numbers too) or a number with its unit; and next to a space, where a line may
// break anyway. Not under Vitest (the content tests read the words as written).
import fs from 'node:fs';
import path from 'node:path';
import { loadDefaultJapaneseParser } from 'budoux';
import type { Plugin } from 'vite';
import { tokens } from '../src/content/markup';

/** The languages written in Japanese: the folders under content/ this plugin marks. */
export const PHRASE_LANGS = ['ja', 'easy'] as const;

type Rules = Record<string, readonly RegExp[]>;

/** Strings shown as headings, answers, buttons, the call button, the site name and short labels. */
export const PHRASED: Rules = {
  questions: [/^[^.]+\.(title|summary)$/, /^[^.]+\.(answers|groups)\.[^.]+$/],
  outcomes: [/^[^.]+\.title$/],
  ui: [
    /^names\./,
    /^header\.tagline$/,
    /^outcome\.(label|[a-zA-Z]+Heading|callNow|callNowGeneral)$/,
    /^outcome\.confidence\./,
    /^evidence\.summary$/,
    /^shop\.(stopHeading|badge|reset|handoffHeading|print|idleTitle|idleContinue)$/,
    /^notFound\.(title|start|step)$/,
    /^overview\.heading$/,
    /^answers\.(heading|restart)$/,
    /^question\.(back|help)$/,
  ],
};

/**
 * Strings whose numbers with units and Latin names are kept on one line: the phrased ones, and
 * the body text rendered by Rich or withRuby (never a string used as plain text: a tag there would
 * show). ui:names.* stay unwrapped: they are nested into other strings, where Rich wraps numbers.
 */
export const NOWRAP: Rules = {
  questions: [/./],
  outcomes: [/./],
  ui: [
    ...PHRASED.ui!.filter((r) => r.source !== '^names\\.'),
    /^outcome\.(warning|warningReset|helpBody|helpForeign|stale|callNowNote|callNowNoteGeneral|confidenceLegend|checkedNote|titleOnly)$/,
    /^shop\.stop\./,
    /^overview\.intro$/,
  ],
};

const parser = loadDefaultJapaneseParser();

/** A piece of a content string: `plain` is what a reader sees of it ('' for a tag). */
type Atom = { src: string; plain: string; kind: 'char' | 'tag' | 'close' | 'unit' };

// Inside the text between tags (src/content/markup.ts reads the tags): $t(…) references,
// {{interpolations}}, entities and URLs are never split either.
const ATOM = /\$t\(([^)]*)\)|\{\{[^}]*\}\}|&(?:amp|lt|gt|quot|#39|nbsp);|https?:\/\/[^\s<）」、。]+/g;

const ENTITY: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': '\u00a0',
};

/** The string a `$t(ns:key)` reference stands for, unmarked (undefined when unknown). */
export type Resolve = (ref: string) => string | undefined;

function atomsOf(text: string, resolve: Resolve, depth = 0): Atom[] {
  const out: Atom[] = [];
  const chars = (s: string) => {
    for (const c of s) out.push({ src: c, plain: c, kind: 'char' });
  };
  const inText = (segment: string) => {
    let last = 0;
    for (const m of segment.matchAll(ATOM)) {
      chars(segment.slice(last, m.index));
      const src = m[0];
      let plain: string;
      if (src.startsWith('$t(')) {
        const target = depth < 4 ? resolve(m[1]!.split(',')[0]!.trim()) : undefined;
        plain =
          target === undefined
            ? 'X'
            : atomsOf(target, resolve, depth + 1)
                .map((a) => a.plain)
                .join('');
      } else if (src.startsWith('{{')) plain = 'X';
      else if (src.startsWith('&')) plain = ENTITY[src]!;
      else plain = src; // a URL
      out.push({ src, plain, kind: 'unit' });
      last = m.index + src.length;
    }
    chars(segment.slice(last));
  };
  const list = tokens(text);
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const next = list[i + 1];
    // A ruby group (<r>base|reading</r>) is one piece that reads as its base.
    if (token.kind === 'open' && token.name === 'r' && next?.kind === 'text' && next.text.includes('|')) {
      const end = list[i + 2];
      if (end?.kind === 'close' && end.name === 'r') {
        out.push({ src: `<r>${next.text}</r>`, plain: next.text.split('|')[0]!, kind: 'unit' });
        i += 2;
        continue;
      }
    }
    if (token.kind === 'text') inText(token.text);
    else if (token.kind === 'close') out.push({ src: `</${token.name}>`, plain: '', kind: 'close' });
    else out.push({ src: token.kind === 'empty' ? `<${token.name}/>` : `<${token.name}>`, plain: '', kind: 'tag' });
  }
  return out;
}

/**
 * What no line may break inside, in the text a reader sees: a Latin word (with the number or short
 * capitalised name after its space: iOS 18.5, iPhone XS), a number (phone numbers too), a number
 * with its unit (24時間, 365日, 2023年, 5年).
 */
const UNIT = '(?:時間|か月|ヶ月|カ月|週間|分間|秒間|日間|年間|[時日分秒円歳年月週回件桁%％])';
export const UNBREAKABLE = new RegExp(
  `[A-Za-z][A-Za-z0-9.+'’-]*(?:[ \u00a0](?:\\d[\\d.]*|[A-Z]{1,3}(?![A-Za-z])))*|(?:\\d[\\d,.]*${UNIT})+|\\d[\\d,.]*(?:-\\d+)*`,
  'g',
);

const NO_START =
  /[、。，．,.・：:；;！!？?）)」』】〕〉》”’…ー〜~ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ]/;
const NO_END = /[（(「『【〔〈《“‘]/;
const BREAKS_AFTER = /[、。，．！？）」』】]/;
const HIRAGANA = /\p{Script=Hiragana}/u;

/** The spans of `plain` that need a <nowrap> (those a browser could break: a space, a unit). */
function nowrapSpans(plain: string): [number, number][] {
  return [...plain.matchAll(UNBREAKABLE)]
    .filter((m) => /[ \u00a0]/.test(m[0]) || /^\d[\d,.]*[^\d,.-]/.test(m[0]))
    .map((m) => [m.index, m.index + m[0].length]);
}

/**
 * One content string, marked: `<wbr/>` between its phrases (when `phrases`) and `<nowrap>` around
 * what must not break (when `nowrap`). The reader sees the same characters.
 */
export function markString(text: string, resolve: Resolve, { phrases = true, nowrap = true } = {}): string {
  if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return text;
  const atoms = atomsOf(text, resolve);
  // Where each atom's plain text starts in the whole plain text.
  const starts: number[] = [];
  let plain = '';
  for (const a of atoms) {
    starts.push(plain.length);
    plain += a.plain;
  }
  /** The atom index whose plain text begins exactly at plain offset `at` (after its zero-width tags), or -1. */
  const atomAt = (at: number): number => {
    for (let i = 0; i < atoms.length; i++) if (starts[i] === at && atoms[i]!.plain !== '') return i;
    return -1;
  };
  const before = new Map<number, string[]>(); // atom index → tags to put before it
  const after = new Map<number, string[]>(); // atom index → tags to put after it
  const add = (map: Map<number, string[]>, i: number, tag: string) => map.set(i, [...(map.get(i) ?? []), tag]);

  const keep = [...plain.matchAll(UNBREAKABLE)].map((m) => [m.index, m.index + m[0].length] as const);
  const insideKept = (at: number) => keep.some(([from, to]) => from < at && at < to);

  const wrapped: [number, number][] = [];
  if (nowrap) {
    for (const [from, to] of nowrapSpans(plain)) {
      const first = atoms.findIndex((_, i) => starts[i]! <= from && from < starts[i]! + atoms[i]!.plain.length);
      let last = first;
      while (last < atoms.length && starts[last]! + atoms[last]!.plain.length < to) last++;
      if (first < 0 || last >= atoms.length) continue;
      const inner = atoms.slice(first, last + 1);
      // Only around plain characters and ruby groups: never across a tag or inside <tel>.
      if (inner.some((a) => a.kind === 'tag' || a.kind === 'close' || a.src.startsWith('$t('))) continue;
      const open = atoms.slice(0, first).filter((a) => a.src === '<tel>').length;
      const closed = atoms.slice(0, first).filter((a) => a.src === '</tel>').length;
      if (open > closed) continue;
      add(before, first, '<nowrap>');
      add(after, last, '</nowrap>');
      wrapped.push([starts[first]!, starts[last]! + atoms[last]!.plain.length]);
    }
  }

  if (phrases) {
    let at = 0;
    const chunks = parser.parse(plain);
    const spaced =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}] [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(
        plain,
      );
    for (const chunk of chunks.slice(0, -1)) {
      at += chunk.length;
      const [prev, next] = [plain[at - 1]!, plain[at]!];
      if (/\s/.test(prev) || /\s/.test(next)) continue;
      // Never before closing punctuation, a small kana or a long-vowel mark, nor after an opening bracket.
      if (NO_START.test(next) || NO_END.test(prev)) continue;
      // After a comma, a full stop or a closing bracket a line may end anyway.
      if (BREAKS_AFTER.test(prev)) continue;
      // やさしい日本語 is written with spaces between its phrases; inside one, BudouX splits words
      // written in kana (「も／どる」, 「じ／ゅんばん」): there, only where the script changes.
      if (spaced && HIRAGANA.test(prev) && HIRAGANA.test(next)) continue;
      if (insideKept(at) || wrapped.some(([from, to]) => from < at && at < to)) continue;
      const i = atomAt(at);
      if (i <= 0) continue; // inside a ruby group, a reference, a URL
      // After the closing tags that end the phrase before, before the tags that open the next one.
      let j = i;
      while (j > 0 && atoms[j - 1]!.kind === 'tag') j--;
      before.set(j, ['<wbr/>', ...(before.get(j) ?? [])]); // outside a <nowrap> that starts here
    }
  }

  if (before.size === 0 && after.size === 0) return text;
  return atoms.map((a, i) => [...(before.get(i) ?? []), a.src, ...(after.get(i) ?? [])].join('')).join('');
}

function matches(rules: Rules, ns: string, key: string): boolean {
  return (rules[ns] ?? []).some((r) => r.test(key));
}

/** A language's content file, marked: every string that PHRASED or NOWRAP names. */
// やさしい日本語 writes a space between its phrases, and a browser may also break just before a
// ruby box (「スマホ／<r>用|よう</r>の」 in a heading at 200 % zoom). A phrase of a heading or label
// that holds ruby, and nothing but words and ruby, is kept on one line when it is short.
const RUBY_PHRASE = /(?<=^|\s)[^\s<>]*(?:<r>[^<]*<\/r>[^\s<>]*)+(?=\s|$)/g;

function keepRubyPhrases(text: string): string {
  if (!SPACED_PHRASES.test(text)) return text;
  // Only a short phrase (up to 6 characters as read): a longer one could be wider than a narrow
  // line, and must then break rather than run off the screen.
  return text.replace(RUBY_PHRASE, (phrase) =>
    phrase.replace(/<r>([^|<]*)\|[^<]*<\/r>/g, '$1').length <= 6 ? `<nowrap>${phrase}</nowrap>` : phrase,
  );
}

const SPACED_PHRASES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}>] [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}<]/u;

export function markFile(ns: string, data: unknown, resolve: Resolve): unknown {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      const phrases = matches(PHRASED, ns, key);
      const nowrap = matches(NOWRAP, ns, key);
      if (!phrases && !nowrap) return value;
      const marked = markString(value, resolve, { phrases, nowrap });
      return phrases ? keepRubyPhrases(marked) : marked;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, key ? `${key}.${i}` : String(i)));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, key ? `${key}.${k}` : k)]));
    return value;
  };
  return walk(data, '');
}

/** `$t(ns:key)` resolved from a language's content files as written (`files`: namespace → data). */
export function resolverFor(files: Record<string, unknown>): Resolve {
  return (ref) => {
    const [ns, key] = ref.includes(':') ? (ref.split(':', 2) as [string, string]) : ['ui', ref];
    let node: unknown = files[ns];
    for (const part of key.split('.'))
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
}

const FILE = /[\\/]content[\\/](ja|easy)[\\/](ui|questions|outcomes)\.json$/;

/** The Vite plugin: marks content/{ja,easy}/{ui,questions,outcomes}.json as the build loads them. */
export function phraseBreaks(): Plugin {
  return {
    name: 'myna:phrase-breaks',
    enforce: 'pre',
    // The build (client and prerender) and the dev server; not Vitest, whose content tests compare
    // the words as written (tests/unit/phrase-breaks.test.tsx marks them itself).
    apply: (_config, env) => env.command === 'build' || !process.env.VITEST,
    transform(code, id) {
      const m = FILE.exec(id.split('?')[0]!);
      if (!m) return null;
      const ns = m[2]!;
      const dir = path.dirname(id.split('?')[0]!);
      const files: Record<string, unknown> = { [ns]: JSON.parse(code) as unknown };
      for (const other of ['ui', 'questions', 'outcomes'])
        if (!(other in files)) files[other] = JSON.parse(fs.readFileSync(path.join(dir, `${other}.json`), 'utf8'));
      return { code: JSON.stringify(markFile(ns, files[ns], resolverFor(files))), map: null };
    },
  };
}
