// @vitest-environment node
// The Content-Security-Policy of the built pages (issue 9): a meta tag in each built page only
// (in `vite` dev mode it would block Vite's injected styles), scripts from 'self' and no inline
// script at all, nothing unsafe, and nothing inline that the policy would block (style
// attributes, <style>, event-handler attributes).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, root } from './built';

let html: string;
let policy: Map<string, string[]>;
/** Every built page, by its file in dist/. */
let pages: Map<string, string>;

function htmlFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const file = path.posix.join(rel, e.name);
    if (e.isDirectory()) return file === 'assets' ? [] : htmlFiles(dir, file);
    return e.name.endsWith('.html') ? [file] : [];
  });
}

beforeAll(async () => {
  const { dir } = await built();
  pages = new Map(htmlFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  html = pages.get('index.html')!;
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i);
  policy = new Map(
    (meta?.[1] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}, 120_000);

describe('Content-Security-Policy of the built index.html', () => {
  it('is a meta tag placed before any script or stylesheet', () => {
    const at = html.search(/<meta http-equiv="Content-Security-Policy"/i);
    expect(at, 'no CSP meta tag').toBeGreaterThan(0);
    const firstResource = html.search(/<script|<link[^>]+rel="(stylesheet|modulepreload|manifest)"/);
    expect(at).toBeLessThan(firstResource);
  });

  it('allows nothing unsafe and no other origin', () => {
    for (const [name, values] of policy) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/unsafe|^\*$|^https?:|^http:|^ws|^blob:/i);
      }
    }
  });

  it.each([
    ['default-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['worker-src', ["'self'"]],
  ])('%s is exactly %j', (name, values) => {
    expect(policy.get(name)).toEqual(values);
  });

  it("script-src is 'self' only: no page carries an inline script", () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const [file, page] of pages) {
      // A retired address's redirect page (scripts/prerender.ts redirectHtml) has no script at all.
      if (page.includes('<body data-moved=')) {
        expect(page.match(/<script\b[^>]*>/g), file).toBeNull();
        continue;
      }
      expect(page.match(/<script\b[^>]*>/g), file).toHaveLength(1);
      expect(page, file).toMatch(
        /<script type="module" src="\/assets\/start-[^"]+\.js" data-entry="\/assets\/[^"]+\.js"><\/script>/,
      );
    }
  });

  it('is the same on every page (every step, 404.html, shell.html)', () => {
    expect(pages.size).toBeGreaterThan(400);
    expect(pages.has('404.html') && pages.has('shell.html')).toBe(true);
    const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/;
    const first = html.match(meta)![0];
    for (const [file, page] of pages) expect(page.match(meta)?.[0], file).toBe(first);
  });

  it('has nothing inline the policy would block, on any page', () => {
    for (const [file, page] of pages) {
      expect(page, file).not.toMatch(/\sstyle="/);
      expect(page, file).not.toMatch(/<style[\s>]/);
      expect(page, file).not.toMatch(/\son[a-z]+="/);
      expect(page, file).not.toMatch(/javascript:/i);
    }
  });

  it('is not in the source index.html (dev mode would break)', () => {
    expect(fs.readFileSync(path.join(root, 'index.html'), 'utf8')).not.toMatch(/Content-Security-Policy/i);
  });
});

describe('the prerendered first screen', () => {
  it('holds the introduction and the first question as static HTML', () => {
    const rootHtml = html.match(/<div id="root" data-path="\/">([\s\S]*)<\/div>\s*<\/body>/)?.[1] ?? '';
    expect(rootHtml).toMatch(/data-question="situation"/);
    expect(rootHtml.match(/data-answer="/g)?.length).toBeGreaterThanOrEqual(2);
    expect(rootHtml).toMatch(/class="intro"/);
    // Hydration compares node by node: no whitespace may sit between #root and the app.
    expect(rootHtml).toMatch(/^</);
  });
});
