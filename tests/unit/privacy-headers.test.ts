// The response headers a host should add (issue 9): public/_headers (Netlify, Cloudflare Pages)
// and the nginx configuration in deploy/nginx/ (docs/hosting.md) must both be there and say the
// same thing as docs/hosting.md's tables. tests/e2e/nginx.e2e.ts checks that nginx really sends them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const headersFile = readFileSync(join(root, 'public/_headers'), 'utf8');
const hosting = readFileSync(join(root, 'docs/hosting.md'), 'utf8');
const nginxDir = join(root, 'deploy/nginx');
const nginxConf = readdirSync(nginxDir)
  .filter((f) => f.endsWith('.conf'))
  .map((f) => readFileSync(join(nginxDir, f), 'utf8'))
  .join('\n');

/** public/_headers as { path: { header: value } } (Netlify / Cloudflare Pages format). */
function parseHeaders(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = out[line.trim()] = {};
      continue;
    }
    const i = line.indexOf(':');
    if (!current || i < 0) throw new Error(`public/_headers: cannot read the line "${line}"`);
    current[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/** add_header lines of deploy/nginx/*.conf, by header name (comments left out). */
function nginxHeaders(conf: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const code = conf.replace(/#.*$/gm, '');
  for (const m of code.matchAll(/add_header\s+([A-Za-z-]+)\s+"([^"]*)"(\s+always)?;/g)) (out[m[1]!] ??= []).push(m[2]!);
  return out;
}

const rules = parseHeaders(headersFile);
const all = rules['/*'] ?? {};

describe('public/_headers', () => {
  it('sends the protective headers on every path', () => {
    expect(all['Content-Security-Policy']?.split(';').map((d) => d.trim())).toContain("frame-ancestors 'none'");
    expect(all['X-Frame-Options']).toBe('DENY');
    expect(all['Referrer-Policy']).toBe('no-referrer');
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Strict-Transport-Security']).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(all['Strict-Transport-Security']!)![1])).toBeGreaterThanOrEqual(31_536_000);
    const pp = all['Permissions-Policy'] ?? '';
    for (const f of ['camera', 'microphone', 'geolocation', 'payment']) expect(pp).toContain(`${f}=()`);
  });

  it('does not repeat the build-specific script policy in the header (it lives in the meta tag)', () => {
    const csp = all['Content-Security-Policy'] ?? '';
    expect(csp).not.toMatch(/script-src|sha256-|unsafe-inline|unsafe-eval/);
  });

  it('lets hashed assets be cached for good and keeps the page and service worker fresh', () => {
    expect(rules['/assets/*']?.['Cache-Control']).toContain('immutable');
    for (const p of ['/', '/index.html', '/sw.js']) expect(rules[p]?.['Cache-Control'], p).toBe('no-cache');
  });
});

describe('deploy/nginx/ and docs/hosting.md', () => {
  const nginx = nginxHeaders(nginxConf);

  it('the nginx configuration sends the same headers and values as public/_headers', () => {
    for (const [name, value] of Object.entries(all)) {
      expect(nginx[name], `nginx add_header ${name}`).toBeDefined();
      expect(new Set(nginx[name])).toEqual(new Set([value]));
    }
    expect(Object.keys(nginx).sort()).toEqual([...Object.keys(all), 'Cache-Control'].sort());
  });

  it('has the same cache rules as public/_headers', () => {
    expect(new Set(nginx['Cache-Control'])).toEqual(
      new Set(
        Object.entries(rules).flatMap(([p, h]) => (p === '/*' || !h['Cache-Control'] ? [] : [h['Cache-Control']])),
      ),
    );
  });

  it('sends the security headers on error answers too (always), and the year-long cache only on successful ones', () => {
    const code = nginxConf.replace(/#.*$/gm, '');
    for (const name of Object.keys(all)) expect(code, name).toMatch(new RegExp(`add_header ${name} "[^"]*" always;`));
    expect(code).toMatch(/add_header Cache-Control "public, max-age=31536000, immutable";/);
  });

  it('explains every header in its table', () => {
    for (const name of Object.keys(all)) expect(hosting).toContain(`| \`${name}\` | \`${all[name]}\` |`);
  });

  it('points to the files in deploy/nginx/ instead of copying them', () => {
    for (const f of readdirSync(nginxDir)) expect(hosting, f).toContain(`deploy/nginx/${f}`);
    expect(hosting, 'an add_header line copied into the docs').not.toMatch(/add_header\s+[A-Za-z-]+\s+"/);
  });
});
