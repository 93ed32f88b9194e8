// @vitest-environment node
// scripts/check-sources.ts against a local server on 127.0.0.1 that serves the pages in
// tests/fixtures/sources/ and a few routes that misbehave (404, 301, 503 once, a server that never
// answers). Nothing here touches the real official pages: every URL is built from the local port.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAll,
  decodeHtml,
  describeError,
  extractTitles,
  main,
  missingQuotes,
  normalise,
  parseFacts,
  parseSources,
  titleMatches,
  visibleText,
  type Status,
} from '../../scripts/check-sources';

const FIXTURES = join(import.meta.dirname, '../fixtures/sources');
const TIMEOUT = 300; // ms per request: the "never answers" route must not slow the suite

const TITLE = 'スマホ用電子証明書を登録しているスマートフォンの利用をやめるときの手続';
const QUOTE = 'スマホ用電子証明書は、スマートフォンの端末初期化では削除されません。';

let server: Server;
let base = '';
let closedPort = 0; // a port nothing listens on: connection refused
const hits = new Map<string, number>();
const userAgents: string[] = [];

function page(name: string, contentType = 'text/html; charset=utf-8') {
  return { status: 200, headers: { 'content-type': contentType }, body: readFileSync(join(FIXTURES, name)) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    userAgents.push(req.headers['user-agent'] ?? '');
    if (path === '/hang') return; // never answers: only the client's timeout ends this request
    const answer =
      {
        '/unchanged.html': () => page('unchanged.html'),
        '/title-changed.html': () => page('title-changed.html'),
        '/quote-vanished.html': () => page('quote-vanished.html'),
        // No charset in the header: the page's own <meta http-equiv> says Shift_JIS.
        '/sjis.html': () => page('sjis.html', 'text/html'),
        // No <meta> in the page: only the header says EUC-JP.
        '/eucjp.html': () => page('eucjp.html', 'text/html; charset=EUC-JP'),
        '/gone': () => ({ status: 404, headers: {}, body: 'not here' }),
        '/moved': () => ({ status: 301, headers: { location: '/unchanged.html' }, body: '' }),
        '/error': () => ({ status: 500, headers: {}, body: 'oops' }),
        // Fails once, then answers: the one retry must hide a passing hiccup.
        '/flaky': () => (n === 1 ? { status: 503, headers: {}, body: 'busy' } : page('unchanged.html')),
      }[path] ?? (() => ({ status: 404, headers: {}, body: 'no such fixture' }));
    const { status, headers, body } = answer();
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  server.closeAllConnections(); // the /hang requests are still open
  await new Promise((resolve) => server.close(resolve));
});

/** sources.json and facts.json in a temporary folder, pointing at the local server. */
function writeContent(sources: Record<string, object>, facts?: Record<string, object>) {
  const dir = mkdtempSync(join(tmpdir(), 'check-sources-'));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
  if (facts) writeFileSync(join(dir, 'facts.json'), JSON.stringify({ facts }));
  return { dir, sources: join(dir, 'sources.json'), facts: join(dir, 'facts.json') };
}

const source = (path: string, title = TITLE, seen = 'partly-read') => ({
  publisher: 'デジタル庁',
  title,
  url: `${base}${path}`,
  checked: '2026-11-25',
  seen,
  tier: 'official',
});

/** Runs main() and returns its exit code and everything it printed. */
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const STACK = /^\s+at\s/m;

describe('text helpers', () => {
  it('normalise folds full-width letters and spaces and collapses whitespace', () => {
    expect(normalise('　ＰＩＮ\u00a0の\n\t確認　')).toBe('PIN の 確認');
  });

  it('titleMatches looks in <title> and the first <h1>, ignoring spaces and width', () => {
    const html = '<title>ＭＹ　page | Agency</title><h1>Other</h1>';
    expect(titleMatches('MY page', html)).toBe(true);
    expect(titleMatches('Other', html)).toBe(true);
    expect(titleMatches('Another', html)).toBe(false);
    expect(extractTitles('<h1 class="x">A <span>b</span></h1>')).toEqual({ title: undefined, h1: 'A b' });
  });

  it('visibleText leaves out scripts, styles and comments, and decodes entities', () => {
    const text = visibleText(
      '<head><title>T</title></head><p>a&amp;b &#x30A2;</p><script>hidden()</script><!-- gone --><style>p{}</style>',
    );
    expect(text).toBe('a&b ア');
  });

  it('missingQuotes checks each part of a quote that leaves words out with …', () => {
    const quotes = [
      { fact: 'F1', text: 'スマートフォンの…削除されません' },
      { fact: 'F2', text: 'スマートフォンの…削除されます' },
    ];
    expect(missingQuotes(quotes, 'スマートフォンの 端末初期化では 削除されません。').map((q) => q.fact)).toEqual([
      'F2',
    ]);
  });

  it('decodeHtml reads Shift_JIS from <meta> and EUC-JP from the header', () => {
    expect(decodeHtml(readFileSync(join(FIXTURES, 'sjis.html')), 'text/html')).toContain('電子証明書の紛失');
    expect(decodeHtml(readFileSync(join(FIXTURES, 'eucjp.html')), 'text/html; charset=EUC-JP')).toContain(
      'パスワードを初期化する',
    );
    // Without the header the EUC-JP page has no charset at all: read as UTF-8 it is garbled.
    expect(decodeHtml(readFileSync(join(FIXTURES, 'eucjp.html')), 'text/html')).not.toContain('パスワード');
  });

  it('describeError gives one short line for DNS, TLS and timeouts', () => {
    const dns = Object.assign(new TypeError('fetch failed'), {
      cause: { code: 'ENOTFOUND', hostname: 'www.example.go.jp' },
    });
    expect(describeError(dns, 1000)).toBe('DNS error (ENOTFOUND www.example.go.jp)');
    const tls = Object.assign(new TypeError('fetch failed'), { cause: { code: 'CERT_HAS_EXPIRED' } });
    expect(describeError(tls, 1000)).toBe('TLS error (CERT_HAS_EXPIRED)');
    expect(describeError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 1000)).toBe(
      'timeout: no answer within 1000 ms',
    );
  });

  it('parseSources and parseFacts tolerate missing fields, a wrapper and a single quote string', () => {
    const sources = parseSources({
      sources: { A: { title: 'T', url: 'https://x' }, B: { title: 'T', where: 'leaflet' }, C: 'junk' },
    });
    expect(sources).toEqual([
      { id: 'A', title: 'T', url: 'https://x', where: undefined, seen: undefined },
      { id: 'B', title: 'T', url: undefined, where: 'leaflet', seen: undefined },
    ]);
    const quotes = parseFacts({
      facts: { F1: { source: 'A', quotes: ['q1', 3] }, F2: { source: 'A', quotes: 'q2' }, F3: { source: 'B' } },
    });
    expect(quotes.get('A')).toEqual([
      { fact: 'F1', text: 'q1' },
      { fact: 'F2', text: 'q2' },
    ]);
    expect(quotes.has('B')).toBe(false);
  });
});

describe('checking sources against a local server', () => {
  it('gives each page its status', async () => {
    const sources = parseSources({
      OK: source('/unchanged.html'),
      TITLE: source('/title-changed.html'),
      QUOTE: source('/quote-vanished.html'),
      // The same page, but known by its title only: its lost quote is not looked for.
      TONLY: source('/quote-vanished.html', TITLE, 'title-only'),
      GONE: source('/gone'),
      MOVED: source('/moved'),
      SJIS: source('/sjis.html', '電子証明書の紛失', 'stored-copy'),
      EUC: source('/eucjp.html', 'パスワードを初期化する(パスワードのロックを解除する)', 'stored-copy'),
      HANG: source('/hang'),
      ERROR: source('/error'),
      FLAKY: source('/flaky'),
      REFUSED: { title: TITLE, url: `http://127.0.0.1:${closedPort}/` },
      NOURL: { title: 'Leaflet', where: 'a leaflet handed out at the city office', tier: 'municipal' },
    });
    const quotes = parseFacts({
      facts: {
        F1: { source: 'OK', quotes: [QUOTE, 'PIN (暗証番号) を確認'] },
        F2: { source: 'QUOTE', quotes: [QUOTE] },
        F3: { source: 'QUOTE', quotes: ['マイナアプリで手続'] },
        F4: { source: 'TONLY', quotes: [QUOTE] },
        F5: { source: 'SJIS', quotes: ['直ちに一時利用停止の手続を行ってください'] },
        F6: { source: 'EUC', quotes: ['署名用電子証明書のパスワードを初期化します'] },
        F7: { source: 'FLAKY', quotes: [QUOTE] },
      },
    });
    const started = Date.now();
    const results = await checkAll(sources, quotes, { timeout: TIMEOUT });
    const elapsed = Date.now() - started;

    const status = Object.fromEntries(results.map((r) => [r.id, r.status]));
    expect(status).toEqual<Record<string, Status>>({
      OK: 'ok',
      TITLE: 'title changed',
      QUOTE: 'quote missing',
      TONLY: 'ok',
      GONE: 'gone',
      MOVED: 'moved',
      SJIS: 'ok',
      EUC: 'ok',
      HANG: 'unreadable',
      ERROR: 'unreadable',
      FLAKY: 'ok',
      REFUSED: 'unreadable',
      NOURL: 'skipped',
    });
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(byId.MOVED!.location).toBe(`${base}/unchanged.html`);
    expect(byId.MOVED!.detail).toContain(`${base}/unchanged.html`);
    expect(byId.TITLE!.detail).toContain('スマートフォンを手放すときの手続');
    expect(byId.QUOTE!.missingQuotes).toEqual([{ fact: 'F2', text: QUOTE }]);
    expect(byId.QUOTE!.detail).toBe('facts F2');
    expect(byId.HANG!.detail).toBe(`timeout: no answer within ${TIMEOUT} ms`);
    expect(byId.ERROR!.detail).toBe('HTTP 500');
    expect(byId.REFUSED!.detail).toBe('connection refused');
    expect(byId.NOURL!.detail).toContain('leaflet');

    // At most one retry, and only for what may pass: a 404 or a redirect is asked for once.
    expect(hits.get('/hang')).toBe(2);
    expect(hits.get('/error')).toBe(2);
    expect(hits.get('/flaky')).toBe(2);
    expect(hits.get('/gone')).toBe(1);
    expect(hits.get('/moved')).toBe(1); // the redirect is reported, not followed
    expect(userAgents.every((ua) => ua.includes('myna-phone-guide'))).toBe(true);
    // Two attempts at the hanging route and a pause: far below a second.
    expect(elapsed).toBeLessThan(TIMEOUT * 3 + 500);
  });
});

describe('the command', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const content = (...args: Parameters<typeof writeContent>) => {
    const c = writeContent(...args);
    dirs.push(c.dir);
    return c;
  };

  it('exits 0 when every source is ok, and prints one line per source', async () => {
    const c = content(
      {
        A: source('/unchanged.html'),
        B: source('/sjis.html', '電子証明書の紛失'),
        W: { title: 'Leaflet', where: 'city office' },
      },
      { F1: { source: 'A', quotes: [QUOTE] } },
    );
    const { code, out, err } = await run([`--sources=${c.sources}`, `--facts=${c.facts}`, `--timeout=${TIMEOUT}`]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^A\s+ok\b/m);
    expect(out).toMatch(/^B\s+ok\b/m);
    expect(out).toMatch(/^W\s+skipped\s+no URL \(city office\)/m);
    expect(out).toContain('3 sources: 2 ok, 1 skipped');
  });

  it('exits 1 when anything drifted or could not be read, without a stack trace', async () => {
    const c = content(
      {
        A: source('/unchanged.html'),
        G: source('/gone'),
        M: source('/moved'),
        H: source('/hang'),
        Q: source('/quote-vanished.html'),
      },
      { F9: { source: 'Q', quotes: [QUOTE] } },
    );
    const started = Date.now();
    const { code, out, err } = await run([`--sources=${c.sources}`, `--facts=${c.facts}`, `--timeout=${TIMEOUT}`]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toMatch(/^G\s+gone\s+HTTP 404$/m);
    expect(out).toMatch(/^M\s+moved\s+HTTP 301 → http:\/\/127\.0\.0\.1:\d+\/unchanged\.html$/m);
    expect(out).toMatch(/^H\s+unreadable\s+timeout/m);
    expect(out).toMatch(/^Q\s+quote missing\s+facts F9$/m);
    expect(out).not.toMatch(STACK);
  });

  it('prints a JSON report with --json', async () => {
    const c = content({ A: source('/unchanged.html'), G: source('/gone') });
    const { code, out } = await run([`--sources=${c.sources}`, '--json', `--timeout=${TIMEOUT}`]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      ok: boolean;
      quotesChecked: boolean;
      counts: Record<string, number>;
      results: { id: string; status: string }[];
    };
    expect(report.ok).toBe(false);
    expect(report.quotesChecked).toBe(false); // no facts.json beside this sources.json
    expect(report.counts).toEqual({ ok: 1, gone: 1 });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['A', 'ok'],
      ['G', 'gone'],
    ]);
  });

  it('writes the JSON report to a file with --json=path and still prints the table', async () => {
    const c = content({ A: source('/unchanged.html'), G: source('/gone') });
    const path = join(c.dir, 'report.json');
    const { code, out } = await run([`--sources=${c.sources}`, `--json=${path}`, `--timeout=${TIMEOUT}`]);
    expect(code).toBe(1);
    expect(out).toMatch(/^G\s+gone\s+HTTP 404$/m);
    const report = JSON.parse(readFileSync(path, 'utf8')) as { ok: boolean; results: { id: string; status: string }[] };
    expect(report.ok).toBe(false);
    expect(report.results.find((r) => r.id === 'G')?.status).toBe('gone');
  });

  it('checks titles only when there is no facts file yet', async () => {
    const c = content({ Q: source('/quote-vanished.html') });
    const { code, out } = await run([`--sources=${c.sources}`, `--timeout=${TIMEOUT}`]);
    expect(code).toBe(0);
    expect(out).toContain('checking statuses and titles only');
  });

  it('exits 2 on bad usage, with one line and the usage', async () => {
    const c = content({ A: source('/unchanged.html') });
    for (const args of [
      ['--timeout=soon'],
      ['--verbose'],
      ['--sources=/no/such/sources.json'],
      [`--sources=${c.sources}`, '--facts=/no/such.json'],
    ]) {
      const { code, out, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^check-sources: .+\nusage: check-sources /);
    }
  });

  it('exits 1 with one clear line when a content file cannot be read', async () => {
    const c = content({ A: source('/unchanged.html') });
    writeFileSync(c.sources, '{ not json');
    const { code, out, err } = await run([`--sources=${c.sources}`]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^check-sources: cannot run: .*JSON/);
    expect(err.split('\n')).toHaveLength(1);
  });
});
