// @vitest-environment node
// SITE_ORIGIN (docs/hosting.md, first step): a real `vite build` with it writes that origin into
// every absolute address (canonical, hreflang, og:url, og:image, sitemap.xml, robots.txt) and says
// nothing; a build without it writes the local preview's origin (the tests' shared build) and
// warns on the console, naming the variable and those files. The warning comes at the end of the
// build (closeBundle, below the list of files), which also runs for a build stopped early: the
// build without it stops before rendering the pages, so only one full build is made here.
import fs from 'node:fs';
import path from 'node:path';
import { build, createLogger, type Logger } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { PREVIEW_ORIGIN, siteOriginWarning } from '../../scripts/prerender';
import { built, root } from './built';

const work = path.join(root, '.tmp', 'site-origin');
const STOP = 'stopped early by site-origin.test.ts';

/** Builds into .tmp/site-origin/<name> with SITE_ORIGIN as given; returns the dist and the warnings. */
async function buildWith(
  name: string,
  origin: string | undefined,
  stopEarly = false,
): Promise<{ dist: string; warnings: string[] }> {
  const dist = path.join(work, name);
  const warnings: string[] = [];
  const base = createLogger('warn');
  const logger: Logger = { ...base, warn: (msg) => warnings.push(msg), warnOnce: (msg) => warnings.push(msg) };
  const saved = { SITE_ORIGIN: process.env.SITE_ORIGIN, NODE_ENV: process.env.NODE_ENV };
  if (origin === undefined) delete process.env.SITE_ORIGIN;
  else process.env.SITE_ORIGIN = origin;
  process.env.NODE_ENV = 'production'; // Vitest's NODE_ENV=test would bundle React's development build
  try {
    await build({
      root,
      mode: 'production',
      configFile: path.join(root, 'vite.config.ts'),
      customLogger: logger,
      logLevel: 'warn',
      build: { outDir: dist, emptyOutDir: true },
      // Stopped once the modules are transformed: before the pages are rendered (most of the time).
      plugins: stopEarly ? [{ name: 'stop-early', renderStart: () => Promise.reject(new Error(STOP)) }] : [],
    });
  } catch (e) {
    if (!stopEarly || !String(e).includes(STOP)) throw e;
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  return { dist, warnings };
}

const read = (dist: string, rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8');

/** The absolute addresses of a built site: one page's head, the sitemap and robots.txt. */
function addresses(dist: string) {
  const page = read(dist, 'en/lost/index.html');
  const easy = read(dist, 'easy/lost/index.html');
  const attr = (html: string, re: RegExp) => re.exec(html)?.[1];
  return {
    canonical: attr(page, /<link rel="canonical" href="([^"]*)"/),
    hreflangJa: attr(page, /<link rel="alternate" hreflang="ja" href="([^"]*)"/),
    ogUrl: attr(page, /<meta property="og:url" content="([^"]*)"/),
    ogImage: attr(page, /<meta property="og:image" content="([^"]*)"/),
    easyCanonical: attr(easy, /<link rel="canonical" href="([^"]*)"/),
    sitemapFirst: attr(read(dist, 'sitemap.xml'), /<loc>([^<]*)<\/loc>/),
    robotsSitemap: attr(read(dist, 'robots.txt'), /^Sitemap: (\S+)$/m),
  };
}

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('SITE_ORIGIN', () => {
  it('names the variable and every file it goes into, only when it is not set', () => {
    expect(siteOriginWarning({ SITE_ORIGIN: 'https://guide.example.jp' })).toBeNull();
    const w = siteOriginWarning({});
    for (const word of ['SITE_ORIGIN', PREVIEW_ORIGIN, 'canonical', 'og:url', 'og:image', 'sitemap.xml', 'robots.txt'])
      expect(w, word).toContain(word);
  });

  it('a build with it writes the origin into every absolute address and warns of nothing', async () => {
    const { dist, warnings } = await buildWith('with', 'https://guide.example.jp/');
    expect(warnings.filter((w) => w.includes('SITE_ORIGIN'))).toEqual([]);
    expect(addresses(dist)).toEqual({
      canonical: 'https://guide.example.jp/en/lost/',
      hreflangJa: 'https://guide.example.jp/lost/',
      ogUrl: 'https://guide.example.jp/en/lost/',
      ogImage: 'https://guide.example.jp/icons/icon-512.png',
      easyCanonical: 'https://guide.example.jp/easy/lost/',
      sitemapFirst: 'https://guide.example.jp/',
      robotsSitemap: 'https://guide.example.jp/sitemap.xml',
    });
    // The loopback origin nowhere in the pages, the sitemap or robots.txt.
    const texts = fs
      .readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(html|xml|txt)$/.test(e.name));
    expect(texts.length).toBeGreaterThan(450);
    for (const e of texts)
      expect(fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'), e.name).not.toContain('127.0.0.1');
  }, 180_000);

  it('a build without it uses the local preview origin and says so on the console', async () => {
    const { warnings } = await buildWith('without', undefined, true);
    const mine = warnings.filter((w) => w.includes('SITE_ORIGIN'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(siteOriginWarning({})!);
    // The same stopped build with it says nothing.
    const quiet = await buildWith('quiet', 'https://guide.example.jp', true);
    expect(quiet.warnings.filter((w) => w.includes('SITE_ORIGIN'))).toEqual([]);
    // The files of a whole build without it (the one the other tests share).
    const { dir } = await built();
    expect(addresses(dir)).toEqual({
      canonical: `${PREVIEW_ORIGIN}/en/lost/`,
      hreflangJa: `${PREVIEW_ORIGIN}/lost/`,
      ogUrl: `${PREVIEW_ORIGIN}/en/lost/`,
      ogImage: `${PREVIEW_ORIGIN}/icons/icon-512.png`,
      easyCanonical: `${PREVIEW_ORIGIN}/easy/lost/`,
      sitemapFirst: `${PREVIEW_ORIGIN}/`,
      robotsSitemap: `${PREVIEW_ORIGIN}/sitemap.xml`,
    });
  }, 180_000);
});
