// @vitest-environment node
// The built pages (a real production build, shared with budget.test.ts and pages.test.ts): every
// Japanese and やさしい日本語 page carries the build's phrase breaks as <wbr aria-hidden="true">
// (scripts/phrase-breaks.ts, issue 28), English ones none, and no break tag leaks into what is read
// as plain text: the <title>, meta descriptions and Open Graph tags, attributes, or shown as a tag.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built } from './built';

let pages: { file: string; html: string }[];

beforeAll(async () => {
  const { dir } = await built();
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      return e.isDirectory() ? (e.name === 'assets' ? [] : walk(p)) : e.name.endsWith('.html') ? [p] : [];
    });
  pages = walk(dir).map((file) => ({ file: path.relative(dir, file), html: fs.readFileSync(file, 'utf8') }));
}, 180_000);

const step = (html: string) => html.split('<div id="root"')[1] ?? '';

describe('phrase breaks in the built pages', () => {
  it('are in every Japanese and やさしい日本語 step, as aria-hidden <wbr>, and in no English one', () => {
    const steps = pages.filter((p) => step(p.html).includes('data-question') || step(p.html).includes('data-outcome'));
    expect(steps.length).toBeGreaterThan(300);
    for (const { file, html } of steps) {
      const wbr = step(html).match(/<wbr[^>]*>/g) ?? [];
      if (file.startsWith('en/')) expect(wbr, file).toEqual([]);
      else {
        expect(wbr.length, file).toBeGreaterThan(0);
        expect(new Set(wbr), file).toEqual(new Set(['<wbr aria-hidden="true"/>']));
      }
    }
  });

  it('never reach plain text: the title, meta and attribute values, or the page as a visible tag', () => {
    for (const { file, html } of pages) {
      expect(html, file).not.toMatch(/&lt;\/?(wbr|nowrap)/);
      for (const [, title] of html.matchAll(/<title>([^<]*)<\/title>/g)) expect(title, file).not.toMatch(/wbr|nowrap/);
      for (const [attr] of html.matchAll(/\s[a-z-]+="[^"]*"/g)) expect(attr, file).not.toMatch(/<|wbr\/|nowrap>/);
    }
  });
});
