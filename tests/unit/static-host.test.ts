// @vitest-environment node
// `npm start`'s server (scripts/static-host.ts in Vite's preview server), over raw HTTP requests
// (a raw socket path: fetch and browsers would normalise `/.//lost` before sending it): each page
// and file of dist/, a redirect to the final slash that stays on the site, 404.html for anything
// else; never a Location off the site, never a file outside dist/ (a sibling dist-secret/ holds
// one), never the first page for an odd path (Vite's own fallback would send it with 200).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPath, staticHost } from '../../scripts/static-host';

let tmp: string;
let server: PreviewServer;
let port: number;

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>first</title>FIRST PAGE',
  'lost/index.html': '<!doctype html><title>lost</title>LOST PAGE',
  'en/lost/index.html': '<!doctype html><title>en lost</title>EN LOST PAGE',
  '404.html': '<!doctype html><title>not found</title>NOT FOUND PAGE',
  'assets/app-1234.js': 'console.log("app");',
  'sitemap.xml': '<?xml version="1.0"?><urlset/>',
};
const SECRET = 'SECRET OUTSIDE DIST';

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'static-host-'));
  for (const [rel, body] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(tmp, 'dist', rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'dist', rel), body);
  }
  // Siblings whose names begin like dist's: a prefix check without a separator would reach them.
  fs.mkdirSync(path.join(tmp, 'dist-secret', 'lost'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'dist-secret', 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(tmp, 'dist-secret', 'lost', 'index.html'), SECRET);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  server = await preview({
    configFile: false,
    root: tmp,
    logLevel: 'silent',
    plugins: [staticHost()],
    build: { outDir: 'dist' },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  port = (server.httpServer.address() as { port: number }).port;
}, 30_000);

afterAll(async () => {
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

type Reply = { status: number; location: string | undefined; body: string };

/** One request with the target exactly as given (no normalisation on the way). */
function raw(target: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, agent: false }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A Location that stays on the site: one leading slash, no scheme, no host. */
function onSite(location: string | undefined): boolean {
  return location !== undefined && /^\/(?![/\\])/.test(location) && new URL(location, 'http://site').host === 'site';
}

describe("npm start's static host", () => {
  it('serves each page and file of dist/', async () => {
    expect((await raw('/')).body).toBe(FILES['index.html']);
    expect((await raw('/?mode=shop')).body).toBe(FILES['index.html']);
    expect((await raw('/lost/')).body).toBe(FILES['lost/index.html']);
    expect((await raw('/en/lost/')).body).toBe(FILES['en/lost/index.html']);
    const js = await raw('/assets/app-1234.js');
    expect([js.status, js.body]).toEqual([200, FILES['assets/app-1234.js']]);
    expect((await raw('/sitemap.xml')).body).toBe(FILES['sitemap.xml']);
  });

  it('redirects an address without its final slash to it, on the site, the query kept', async () => {
    expect(await raw('/lost')).toMatchObject({ status: 301, location: '/lost/' });
    expect(await raw('/en/lost?mode=shop')).toMatchObject({ status: 301, location: '/en/lost/?mode=shop' });
  });

  it('answers 404 with 404.html for an address with no page, GET and HEAD', async () => {
    for (const target of ['/nope/', '/nope', '/lost/nope', '/assets/missing.js', '/assets/', '/assets'])
      expect(await raw(target), target).toEqual({ status: 404, location: undefined, body: FILES['404.html'] });
    expect(await raw('/nope/', 'HEAD')).toEqual({ status: 404, location: undefined, body: '' });
  });

  it('answers odd paths with 404, never with a Location off the site or the first page', async () => {
    const odd = [
      '/.//lost', // was 301 Location: //lost/ (host "lost")
      '/lost/..//lost',
      '/.//evil.example/..//lost',
      '//%2e%2e//lost',
      '//lost',
      '///lost',
      '//lost/',
      '//evil.example/',
      '/..',
      '/../',
      '/%2e%2e/',
      '/%2E%2E/%2e%2e/secret.txt',
      '/./lost/',
      '/lost/./',
      '/assets%2Fapp-1234.js',
      '/assets%2fapp-1234.js',
      '/assets%5Capp-1234.js',
      '/assets\\app-1234.js',
      '/..%2Fdist-secret',
      '/..%2Fdist-secret%2Fsecret.txt',
      '/..%2Fdist-secret%2Flost%2F',
      '/%00/',
      '/lost%00/',
      '/%E3%81/',
      '/%zz/',
      'http://evil.example/lost',
      'http://evil.example/lost/',
    ];
    for (const target of odd)
      expect(await raw(target), target).toEqual({ status: 404, location: undefined, body: FILES['404.html'] });
  });

  it('never serves a file outside dist/ nor sends a Location off the site, whatever the path (property)', async () => {
    const segment = fc.constantFrom(
      '',
      '.',
      '..',
      '%2e',
      '%2e%2e',
      '.%2e',
      'lost',
      'en',
      'assets',
      'app-1234.js',
      'dist-secret',
      'secret.txt',
      '..%2Fdist-secret',
      '%2F',
      '%5C',
      '\\',
      '%00',
      'evil.example',
      '%E3%81',
    );
    const target = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.constantFrom('', '?mode=shop'))
      .map(([segments, slash, query]) => `/${segments.join('/')}${slash ? '/' : ''}${query}`);
    const bodies = new Set(Object.values(FILES));
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        const r = await raw(t);
        expect(r.body, t).not.toContain(SECRET);
        if (r.status === 301) expect(onSite(r.location), `${t} → ${r.location}`).toBe(true);
        else if (r.status === 200) expect(bodies.has(r.body), t).toBe(true);
        else expect([r.status, r.body], t).toEqual([404, FILES['404.html']]);
        // The first page only for an address that is the first page.
        if (r.body === FILES['index.html']) expect(t.replace(/\?.*/, ''), t).toBe('/');
      }),
      { numRuns: 300 },
    );
  });
});

describe('plainPath (the raw request path a file may be looked up by)', () => {
  it('takes plain absolute paths and decodes them', () => {
    expect(plainPath('/')).toBe('/');
    expect(plainPath('/en/lost/')).toBe('/en/lost/');
    expect(plainPath('/assets/app-1234.js')).toBe('/assets/app-1234.js');
    expect(plainPath('/%E3%81%82/')).toBe('/あ/');
  });

  it('refuses empty, dot and dot-dot segments, encoded or back slashes, bad encodings, control characters', () => {
    for (const p of [
      '',
      'lost',
      '//lost',
      '/a//b',
      '/./',
      '/a/.',
      '/..',
      '/%2e%2e/',
      '/a%2Fb',
      '/a%5cb',
      '/a\\b',
      '/%00',
      '/%zz',
      '/%E3%81',
    ])
      expect(plainPath(p), p).toBeNull();
  });
});
