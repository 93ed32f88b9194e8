// @vitest-environment node
// hreflang on the built pages (scripts/prerender.ts): every alternate a page names is returned.
// Japanese and English pages name each other and themselves (ja, en, x-default → Japanese), each
// link reciprocal. やさしい日本語 pages are lang="ja": hreflang allows one page per language, so
// they name no alternates, and no page names them; each is canonical to itself.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageFile } from '../../scripts/prerender';
import { stepAnswers } from '../../src/machine/walk';
import { built } from './built';

const ORIGIN = 'http://127.0.0.1:4173';
let dir: string;
/** Every page of the sitemap: its address, lang, canonical and alternates (hreflang → address). */
let pages: Map<string, { lang: string; canonical: string; alternates: Record<string, string> }>;

beforeAll(async () => {
  ({ dir } = await built());
  const sitemap = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
  pages = new Map();
  for (const [, loc] of sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)) {
    const address = loc!.slice(ORIGIN.length);
    const html = fs.readFileSync(path.join(dir, pageFile(address)), 'utf8');
    const alternates: Record<string, string> = {};
    for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)" \/>/g)) {
      expect(alternates[m[1]!], `${address}: hreflang="${m[1]}" twice`).toBeUndefined();
      alternates[m[1]!] = m[2]!.slice(ORIGIN.length);
    }
    pages.set(address, {
      lang: /<html lang="([^"]*)"/.exec(html)![1]!,
      canonical: /<link rel="canonical" href="([^"]*)"/.exec(html)![1]!.slice(ORIGIN.length),
      alternates,
    });
  }
}, 120_000);

describe('hreflang alternates', () => {
  it('やさしい日本語 pages (lang="ja") name none, and are canonical to themselves', () => {
    const easy = [...pages].filter(([a]) => a.startsWith('/easy/'));
    expect(easy.length).toBe(stepAnswers().length);
    for (const [address, p] of easy) {
      expect(p.lang, address).toBe('ja');
      expect(p.alternates, address).toEqual({});
      expect(p.canonical, address).toBe(address);
    }
  });

  it('Japanese and English pages name themselves and each other, and every link is returned', () => {
    const named = [...pages].filter(([a]) => !a.startsWith('/easy/'));
    expect(named.length).toBe(2 * stepAnswers().length);
    for (const [address, p] of named) {
      expect(Object.keys(p.alternates).sort(), address).toEqual(['en', 'ja', 'x-default']);
      // Itself, under its own language.
      expect(p.alternates[p.lang], address).toBe(address);
      expect(p.alternates['x-default'], address).toBe(p.alternates.ja);
      for (const [hreflang, target] of Object.entries(p.alternates)) {
        const other = pages.get(target);
        expect(other, `${address} names ${target} (${hreflang}), which is no page`).toBeDefined();
        // Reciprocal: the other page names the same group, this page included.
        expect(other!.alternates, `${target}, named by ${address}`).toEqual(p.alternates);
        if (hreflang !== 'x-default') expect(other!.lang, target).toBe(hreflang);
      }
    }
  });
});
