// The nginx configuration in deploy/nginx/ (docs/hosting.md), run in a real nginx (Debian's, as a
// production host would) on loopback, serving the built guide: every sitemap address is its page
// (200 text/html, byte for byte), a folder without its final slash is redirected on the same host,
// any other address gets 404.html with 404, text files are gzipped, the headers docs/hosting.md
// promises are on 200, 301 and 404 answers, a missing /assets/ file is never cached for good, and
// the service worker and the pages are checked on every visit (no-cache); and the example site
// myna-guide.conf passes `nginx -t`.
//
// nginx runs from a scratch folder (-p/-c, its own pid file, logs and temp folders, `daemon off`)
// with an http block like Debian's stock nginx.conf and deploy/nginx/myna-guide-locations.conf
// included as is; it is stopped by its pid. Without nginx the file is skipped, except in CI
// (process.env.CI), where a missing nginx fails: .ci/run installs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const deploy = path.join(root, 'deploy', 'nginx');

function findNginx(): string | null {
  for (const candidate of [process.env.NGINX, 'nginx', '/usr/sbin/nginx'].filter(Boolean) as string[]) {
    const r = spawnSync(candidate, ['-v'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return null;
}

const NGINX = findNginx();
const CI = Boolean(process.env.CI);
if (!NGINX && !CI)
  console.warn('tests/e2e/nginx.e2e.ts skipped: nginx is not installed (apt-get install nginx); CI runs it.');

/** The headers docs/hosting.md promises on every answer: its table of `Header` | `value` rows. */
function promisedHeaders(): [string, string][] {
  const md = fs.readFileSync(path.join(root, 'docs', 'hosting.md'), 'utf8');
  return [...md.matchAll(/^\| `([A-Za-z-]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1]!, m[2]!]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function nginxConf(tmp: string, port: number, dist: string): string {
  const t = (name: string) => path.join(tmp, name);
  return `# Written by tests/e2e/nginx.e2e.ts; the http block follows Debian's stock nginx.conf.
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
master_process on;
worker_processes 1;
pid ${t('nginx.pid')};
error_log ${t('error.log')} warn;
events {
    worker_connections 256;
}
http {
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include mime.types;
    default_type application/octet-stream;
    access_log ${t('access.log')};
    gzip on;
    client_body_temp_path ${t('body')};
    proxy_temp_path ${t('proxy')};
    fastcgi_temp_path ${t('fastcgi')};
    uwsgi_temp_path ${t('uwsgi')};
    scgi_temp_path ${t('scgi')};
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${dist};
        include snippets/myna-guide-locations.conf;
    }
}
`;
}

/** nginx 1.19.5 and later take -e (the error log before the configuration is read). */
function takesErrorLogFlag(nginx: string): boolean {
  const v = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr);
  if (!v) return false;
  const [major, minor, patch] = v.slice(1).map(Number) as [number, number, number];
  return major > 1 || minor > 19 || (minor === 19 && patch >= 5);
}

let tmp = '';
let base = '';
let dist = '';
let child: ChildProcess | undefined;
let pid = 0;
const started = Date.now();

async function waitForPort(port: number, exited: () => string | null): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const gone = exited();
    if (gone !== null) throw new Error(gone);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port}`);
}

async function start(): Promise<void> {
  if (!NGINX) throw new Error('nginx is not installed: CI must have it (.ci/run installs it with apt-get)');
  dist = inject('distDir');
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  tmp = fs.mkdtempSync(path.join(root, '.tmp', 'nginx-'));
  fs.mkdirSync(path.join(tmp, 'snippets'));
  for (const f of ['myna-guide-locations.conf', 'myna-guide-headers.conf'])
    fs.copyFileSync(path.join(deploy, f), path.join(tmp, 'snippets', f));
  fs.copyFileSync('/etc/nginx/mime.types', path.join(tmp, 'mime.types'));
  const conf = path.join(tmp, 'nginx.conf');
  const flags = ['-p', `${tmp}/`, '-c', conf, ...(takesErrorLogFlag(NGINX) ? ['-e', path.join(tmp, 'error.log')] : [])];
  // A port free a moment ago can be taken before nginx binds it: try a few.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    fs.writeFileSync(conf, nginxConf(tmp, port, dist));
    const test = spawnSync(NGINX, [...flags, '-t'], { encoding: 'utf8' });
    if (test.status !== 0) throw new Error(`nginx -t rejects the configuration:\n${test.stderr}`);
    let exit: string | null = null;
    const proc = spawn(NGINX, flags, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += String(d)));
    proc.on('exit', (code, signal) => (exit = `nginx exited (${code ?? signal}): ${stderr}`));
    try {
      await waitForPort(port, () => exit);
    } catch (e) {
      if (exit === null) proc.kill('SIGKILL');
      if (attempt < 3 && /Address already in use/.test(String(e))) continue;
      throw e;
    }
    child = proc;
    base = `http://127.0.0.1:${port}`;
    break;
  }
  // The master's pid, from nginx's own pid file (written once it has bound the port).
  for (let i = 0; i < 100 && !fs.existsSync(path.join(tmp, 'nginx.pid')); i++)
    await new Promise((r) => setTimeout(r, 20));
  pid = Number(fs.readFileSync(path.join(tmp, 'nginx.pid'), 'utf8').trim());
  expect(pid).toBe(child!.pid);
}

async function stop(): Promise<void> {
  if (!pid || !child) return;
  const exited = new Promise<void>((resolve) => {
    if (child!.exitCode !== null || child!.signalCode !== null) resolve();
    else child!.once('exit', () => resolve());
  });
  process.kill(pid, 'SIGQUIT'); // graceful shutdown of the master and its worker
  const timer = setTimeout(() => child!.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

const get = (address: string, headers: Record<string, string> = {}) =>
  fetch(base + address, { redirect: 'manual', headers: { 'Accept-Encoding': 'gzip', ...headers } });

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** The page addresses of sitemap.xml, as served by nginx (paths: the build's origin is another). */
async function sitemapPaths(): Promise<string[]> {
  const res = await get('/sitemap.xml');
  expect(res.status).toBe(200);
  const xml = await res.text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const u = new URL(m[1]!.replaceAll('&amp;', '&'));
    return u.pathname + u.search;
  });
}

const file = (rel: string) => fs.readFileSync(path.join(dist, rel));
const pageFile = (address: string) => (address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1));

function expectPromisedHeaders(res: Response, where: string): void {
  const promised = promisedHeaders();
  expect(promised.length, 'headers in the docs/hosting.md table').toBeGreaterThanOrEqual(8);
  for (const [name, value] of promised) expect(res.headers.get(name), `${name} on ${where}`).toBe(value);
  expect(res.headers.get('server'), `Server on ${where}`).toBe('nginx'); // no version (server_tokens off)
}

describe.skipIf(!NGINX && !CI)('deploy/nginx/ in a real nginx', () => {
  beforeAll(start, 60_000);
  afterAll(async () => {
    await stop();
    console.log(`nginx.e2e.ts: nginx started, checked and stopped in ${Date.now() - started} ms`);
  });

  it('serves every sitemap address as its page: 200 text/html, no-cache, the built file', async () => {
    const paths = await sitemapPaths();
    expect(paths.length).toBeGreaterThan(400);
    expect(new Set(paths).size).toBe(paths.length);
    const problems: string[] = [];
    let checked = 0;
    await pool(paths, 8, async (address) => {
      const res = await get(address);
      const body = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      const cache = res.headers.get('cache-control');
      if (res.status !== 200 || !type.startsWith('text/html') || cache !== 'no-cache')
        problems.push(`${address}: ${res.status} ${type} Cache-Control ${cache}`);
      else if (!body.equals(file(pageFile(address)))) problems.push(`${address}: not the built page`);
      checked++;
    });
    expect(problems).toEqual([]);
    expect(checked).toBe(paths.length);
  });

  it('redirects an address without its final slash to it (301, same host, query kept)', async () => {
    const paths = (await sitemapPaths()).filter((p) => p !== '/');
    const problems: string[] = [];
    await pool(paths, 8, async (address) => {
      const from = `${address.slice(0, -1)}?mode=shop`;
      const res = await get(from);
      const location = res.headers.get('location') ?? '';
      // Relative, or absolute on this very host and port.
      const to = location.startsWith('/') && !location.startsWith('//') ? location : location.replace(base, '');
      if (res.status !== 301 || to !== `${address}?mode=shop` || new URL(location, base).origin !== base)
        problems.push(`${from}: ${res.status} Location ${location}`);
      await res.arrayBuffer();
    });
    expect(problems).toEqual([]);
    const res = await get('/change/yes');
    expect(res.status).toBe(301);
    expectPromisedHeaders(res, '301');
  });

  it('answers any other address with 404 and the not-found page, never cached for good', async () => {
    const notFound = file('404.html');
    expect(notFound.toString()).toContain('data-not-found');
    for (const address of [
      '/nope/',
      '/nope',
      '/change/nope/',
      '/assets/missing.js',
      '/assets/',
      '/icons/',
      '/_nope.xml',
    ]) {
      const res = await get(address);
      expect(res.status, address).toBe(404);
      expect(res.headers.get('content-type'), address).toMatch(/^text\/html/);
      expect(Buffer.from(await res.arrayBuffer()).equals(notFound), `${address}: the body of 404.html`).toBe(true);
      expect(res.headers.get('cache-control'), address).toBe('no-cache');
      expect(res.headers.get('cache-control') ?? '', address).not.toContain('immutable');
      expectPromisedHeaders(res, `404 ${address}`);
    }
  });

  it('sends the promised headers on pages and files, with the cache rules of docs/hosting.md', async () => {
    const assets = fs.readdirSync(path.join(dist, 'assets'));
    const script = assets.find((f) => /^index-.*\.js$/.test(f))!;
    const workbox = fs.readdirSync(dist).find((f) => /^workbox-.*\.js$/.test(f))!;
    expect(script, 'the built app script').toMatch(/^index-.*\.js$/);
    expect(workbox, 'the built Workbox runtime').toMatch(/^workbox-.*\.js$/);
    const cases: [string, string | RegExp, string][] = [
      ['/', /^text\/html/, 'no-cache'],
      ['/index.html', /^text\/html/, 'no-cache'],
      ['/en/change/yes/', /^text\/html/, 'no-cache'],
      ['/sw.js', /^application\/javascript/, 'no-cache'],
      [`/${workbox}`, /^application\/javascript/, 'no-cache'],
      [`/assets/${script}`, /^application\/javascript/, 'public, max-age=31536000, immutable'],
      ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
      ['/sitemap.xml', /^text\/xml/, 'no-cache'],
      ['/robots.txt', /^text\/plain/, 'no-cache'],
      ['/icons/icon-192.png', 'image/png', 'no-cache'],
    ];
    for (const [address, type, cache] of cases) {
      const res = await get(address);
      expect(res.status, address).toBe(200);
      expect(res.headers.get('content-type'), address).toMatch(type);
      expect(res.headers.get('cache-control'), address).toBe(cache);
      expectPromisedHeaders(res, address);
      expect(Buffer.from(await res.arrayBuffer()).equals(file(pageFile(address))), address).toBe(true);
    }
  });

  it('the example site (myna-guide.conf: HTTPS and the port 80 redirect) passes nginx -t', () => {
    // Only the certificate paths change, to a throwaway self-signed certificate.
    const cert = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=guide.example.jp'].concat([
        '-keyout',
        path.join(tmp, 'key.pem'),
        '-out',
        path.join(tmp, 'cert.pem'),
      ]),
      { encoding: 'utf8' },
    );
    if (cert.status !== 0 && !CI)
      return console.warn(`openssl failed, nginx -t of myna-guide.conf skipped: ${cert.stderr}`);
    expect(cert.status, cert.stderr).toBe(0);
    const site = fs
      .readFileSync(path.join(deploy, 'myna-guide.conf'), 'utf8')
      .replace(/ssl_certificate \S+;/, `ssl_certificate ${path.join(tmp, 'cert.pem')};`)
      .replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${path.join(tmp, 'key.pem')};`);
    expect(site).toContain(path.join(tmp, 'key.pem'));
    fs.writeFileSync(path.join(tmp, 'myna-guide.conf'), site);
    const conf = path.join(tmp, 'example.conf');
    fs.writeFileSync(
      conf,
      `pid ${path.join(tmp, 'example.pid')};
error_log ${path.join(tmp, 'example-error.log')} warn;
events {}
http {
    include mime.types;
    default_type application/octet-stream;
    access_log off;
    include myna-guide.conf;
}
`,
    );
    const flags = takesErrorLogFlag(NGINX!) ? ['-e', path.join(tmp, 'example-error.log')] : [];
    const test = spawnSync(NGINX!, ['-p', `${tmp}/`, '-c', conf, ...flags, '-t'], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    expect(test.stderr).toMatch(/test is successful/);
  });

  it('gzips scripts, styles, JSON, SVG, XML and the manifest, not only HTML', async () => {
    const assets = fs.readdirSync(path.join(dist, 'assets'));
    const texts = [
      `/assets/${assets.find((f) => /^index-.*\.js$/.test(f))}`,
      `/assets/${assets.find((f) => f.endsWith('.css'))}`,
      '/sw.js',
      '/sitemap.xml',
      '/manifest.webmanifest',
      '/favicon.svg',
      '/robots.txt',
      '/change/yes/',
    ];
    for (const address of texts) {
      const res = await get(address);
      expect(res.status, address).toBe(200);
      expect(res.headers.get('content-encoding'), address).toBe('gzip');
      expect(res.headers.get('vary') ?? '', address).toMatch(/Accept-Encoding/i);
      await res.arrayBuffer();
    }
    // Without Accept-Encoding, the file as it is.
    const raw = await get(texts[0]!, { 'Accept-Encoding': 'identity' });
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(Number(raw.headers.get('content-length'))).toBe(file(texts[0]!.slice(1)).length);
  });
});
