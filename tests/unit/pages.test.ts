// @vitest-environment node
// Every step is a page of its own (scripts/prerender.ts): one file per step the machine can reach,
// in every language, and no other. Each must show exactly the step the machine gives for its
// address, carry that step's title, language and description, and name itself (canonical,
// og:url) and its other languages; sitemap.xml lists exactly these pages.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageFile } from '../../scripts/prerender';
import { HTML_LANG, i18n, LANGS, loadLanguage, plainText, type Lang } from '../../src/content/i18n';
import type { Answers } from '../../src/machine/questions';
import { stepOf } from '../../src/machine/step';
import { pageTitle } from '../../src/content/title';
import { questionKey } from '../../src/content/questionWords';
import { decode, encode } from '../../src/app/url';
import { built } from './built';
import { allPaths } from './paths';

const ORIGIN = 'http://127.0.0.1:4173';
let dir: string;

beforeAll(async () => {
  ({ dir } = await built());
  for (const lang of LANGS) await loadLanguage(lang);
}, 120_000);

/** The answers of every step: the first question and every prefix of every path. */
function stepAnswers(): Answers[] {
  const out = new Map<string, Answers>([['/', {}]]);
  for (const p of allPaths()) {
    const answers: Record<string, string> = {};
    for (const { question, answer } of p.steps) {
      answers[question] = answer;
      out.set(encode(answers as Answers), { ...answers } as Answers);
    }
  }
  return [...out.values()];
}

/** Every .html file under dir, except 404.html, shell.html and the redirect pages at retired addresses. */
function stepFiles(rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const file = path.posix.join(rel, e.name);
    if (e.isDirectory()) return file === 'assets' || file === 'icons' ? [] : stepFiles(file);
    if (!e.name.endsWith('.html') || ['404.html', 'shell.html'].includes(file)) return [];
    return fs.readFileSync(path.join(dir, file), 'utf8').includes('<body data-moved=') ? [] : [file];
  });
}

const attr = (html: string, re: RegExp) => html.match(re)?.[1]?.replaceAll('&amp;', '&').replaceAll('&quot;', '"');
const meta = (html: string, property: string) =>
  attr(html, new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`));
const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'");

describe('a page for every step (dist/<address>index.html)', () => {
  it('one per step and language, and no other', () => {
    const expected = LANGS.flatMap((lang) => stepAnswers().map((a) => pageFile(encode(a, { lang })))).sort();
    expect(expected.length).toBe(597);
    expect(stepFiles().sort()).toEqual(expected);
  });

  for (const lang of LANGS) {
    it(`${lang}: each page shows its step, with its own title, description and names`, () => {
      const t = i18n.getFixedT(lang as Lang);
      for (const answers of stepAnswers()) {
        const address = encode(answers, { lang });
        const html = fs.readFileSync(path.join(dir, pageFile(address)), 'utf8');
        const step = stepOf(decode(address).snapshot);
        const root = html.match(/<div id="root" data-path="([^"]*)">([\s\S]*)<\/div>\s*<\/body>/);
        expect(root?.[1], address).toBe(address);
        const body = root![2]!;
        // Exactly the machine's step, once, and nothing else.
        const hook = step.kind === 'question' ? `data-question="${step.question}"` : `data-outcome="${step.outcome}"`;
        expect(body.match(/data-(question|outcome)="[^"]*"/g), address).toEqual([hook]);
        expect(body, address).not.toContain('data-notice');
        expect(body, address).not.toContain('data-not-found');
        expect(body, address).toMatch(/^</); // hydration compares node by node: no whitespace first
        expect(attr(html, /<html lang="([^"]*)"/), address).toBe(HTML_LANG[lang]);
        const title = pageTitle(t, step, false, answers);
        expect(unescape(attr(html, /<title>([^<]*)<\/title>/)!), address).toBe(title);
        const h1 = plainText(
          step.kind === 'question'
            ? t(questionKey(step.question, 'title', answers))
            : t(`outcomes:${step.outcome}.title`),
        );
        expect(title, address).toContain(h1);
        // The description a crawler shows: an outcome's is the start of its lead.
        const description = meta(html, 'description');
        expect(description?.length, address).toBeGreaterThan(20);
        if (step.kind === 'outcome')
          expect(plainText(t(`outcomes:${step.outcome}.lead`)).startsWith(description!.replace(/…$/, ''))).toBe(true);
        expect(meta(html, 'og:title'), address).toBe(title);
        expect(meta(html, 'og:description'), address).toBe(description);
        expect(meta(html, 'og:url'), address).toBe(ORIGIN + address);
        expect(attr(html, /<link rel="canonical" href="([^"]*)"/), address).toBe(ORIGIN + address);
        // やさしい日本語 pages name no alternates (tests/unit/hreflang.test.ts).
        if (lang !== 'easy') {
          expect(attr(html, /<link rel="alternate" hreflang="ja" href="([^"]*)"/)).toBe(ORIGIN + encode(answers));
          expect(attr(html, /<link rel="alternate" hreflang="en" href="([^"]*)"/)).toBe(
            ORIGIN + encode(answers, { lang: 'en' }),
          );
        }
      }
    });
  }
});

describe('the other files of the site', () => {
  it('sitemap.xml lists exactly the step pages; robots.txt allows them and names it', () => {
    const sitemap = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => pageFile(m[1]!.slice(ORIGIN.length)));
    expect(listed.sort()).toEqual(stepFiles().sort());
    const robots = fs.readFileSync(path.join(dir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Allow: \/$/m);
    expect(robots).not.toMatch(/^Disallow: \/\S/m);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  it('404.html says the page was not found, links to the start, and is not indexed', () => {
    const html = fs.readFileSync(path.join(dir, '404.html'), 'utf8');
    expect(html).toContain('data-not-found');
    expect(html).toContain('<meta name="robots" content="noindex" />');
    // The link's words carry phrase marks (<wbr>, issue 28); the words themselves are what matter.
    const words = html.replace(/<wbr aria-hidden="true"\/>/g, '');
    expect(words).toMatch(/<a [^>]*href="\/"[^>]*>最初の質問から始める<\/a>/);
    expect(html).not.toContain('rel="canonical"');
  });

  it('shell.html (the service worker’s page for any step) holds no step, and is not indexed', () => {
    const html = fs.readFileSync(path.join(dir, 'shell.html'), 'utf8');
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<meta name="robots" content="noindex" />');
  });

  it('the old static copies and their loader are gone', () => {
    expect(fs.existsSync(path.join(dir, 's'))).toBe(false);
  });
});
