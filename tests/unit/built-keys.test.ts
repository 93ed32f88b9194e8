// @vitest-environment node
// No built page shows a content key instead of its words (issue 29): every text node of every
// page of the build (dist/**/*.html: each step in each language, 404.html, shell.html), its
// <title>, and the attributes a reader or a link preview reads (meta content, aria-label, alt,
// title), checked against the shape of a key (tests/unit/keys.ts).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built } from './built';
import { keyShaped } from './keys';

let dir: string;

beforeAll(async () => {
  ({ dir } = await built());
}, 120_000);

function htmlFiles(rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const file = path.posix.join(rel, e.name);
    if (e.isDirectory()) return file === 'assets' || file === 'icons' ? [] : htmlFiles(file);
    return e.name.endsWith('.html') ? [file] : [];
  });
}

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&nbsp;', '\u00a0')
    .replaceAll('&amp;', '&');

/** What a reader can read on the page: its text nodes and the attributes read out or previewed. */
function readable(html: string): string[] {
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  const texts = body
    .split(/<[^>]*>/)
    .map((s) => decode(s).trim())
    .filter(Boolean);
  const attrs = [...body.matchAll(/\s(?:content|aria-label|alt|title|placeholder)="([^"]*)"/g)].map((m) =>
    decode(m[1]!),
  );
  return [...texts, ...attrs];
}

describe('no built page shows a content key', () => {
  it('the check finds keys where there are some', () => {
    const found = readable(
      '<title>結果：lost-suspend.title｜ナビ</title><p>Outcome: <a href="/x/">outcomes:card-lost.title</a></p>' +
        '<p aria-label="situation.answers.lost">x</p><p>See digital.go.jp, e.g. the title. ui.json</p>',
    ).flatMap(keyShaped);
    expect(found).toEqual(['lost-suspend.title', 'outcomes:card-lost.title', 'situation.answers.lost']);
  });

  it('in any text node, title or read attribute of dist/**/*.html', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThanOrEqual(452); // 450 step pages, 404.html, shell.html
    const found: string[] = [];
    for (const file of files) {
      const keys = readable(fs.readFileSync(path.join(dir, file), 'utf8')).flatMap(keyShaped);
      if (keys.length) found.push(`${file}: ${keys.join(', ')}`);
    }
    expect(found).toEqual([]);
  });
});
