// @vitest-environment node
// The Content-Security-Policy of the built page (issue 9): a meta tag in dist/index.html only
// (in `vite` dev mode it would block Vite's injected styles), scripts from 'self' plus the hashes
// of the inline scripts the prerendered page carries, nothing unsafe, and nothing inline that the
// policy would block (style attributes, <style>, event-handler attributes).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, root } from './built';

let html: string;
let policy: Map<string, string[]>;

beforeAll(async () => {
  const { dir } = await built();
  html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i);
  policy = new Map(
    (meta?.[1] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}, 120_000);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

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

  it("script-src is 'self' plus the hash of each inline script, and nothing else", () => {
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(policy.get('script-src')).toEqual(["'self'", ...inline.map(sha256)]);
  });

  it('has nothing inline the policy would block', () => {
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\son[a-z]+="/);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('is not in the source index.html (dev mode would break)', () => {
    expect(fs.readFileSync(path.join(root, 'index.html'), 'utf8')).not.toMatch(/Content-Security-Policy/i);
  });
});

describe('the prerendered first screen', () => {
  it('holds the introduction and the first question as static HTML', () => {
    const rootHtml = html.match(/<div id="root">([\s\S]*)<\/div>\s*<\/body>/)?.[1] ?? '';
    expect(rootHtml).toMatch(/data-question="situation"/);
    expect(rootHtml.match(/data-answer="/g)?.length).toBeGreaterThanOrEqual(2);
    expect(rootHtml).toMatch(/class="intro"/);
    // Hydration compares node by node: no whitespace may sit between #root and the app.
    expect(rootHtml).toMatch(/^</);
  });
});
