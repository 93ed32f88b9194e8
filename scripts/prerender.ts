// Vite plugin, build only: every step of the guide as a page of its own, and the pages' CSP.
//
// Inside the client build (so everything after it, such as the service worker's precache list,
// sees the final pages), once Vite has written index.html into the bundle:
// 1. builds src/app/entry-server.tsx for Node (a nested `vite build --ssr` into a scratch folder)
//    and renders, with react-dom/server, every step the machine can reach (each question and
//    outcome, in every language) and the not-found page;
// 2. writes each step into dist/<its address>index.html (dist/index.html is the first question,
//    dist/en/change/yes/index.html an English step…) from Vite's index.html: the step's HTML in
//    <div id="root" data-path="…"> (no whitespace: hydration compares it node by node), its own
//    <title>, description, canonical link, hreflang alternates and Open Graph tags (a shared link's
//    preview: LINE and others read the HTML without running scripts);
// 3. writes a redirect page at every published address that is no longer a step (src/app/published.ts),
//    404.html (an address that is no step), shell.html (the service worker's page for a
//    step opened offline: no step in it, the app renders the address) and sitemap.xml/robots.txt;
// 4. starts the app's script only once the page has painted, from a small file of the build
//    (startScript: no rules in it), so the static step paints before ≈110 KB of JavaScript;
// 5. adds a <meta http-equiv="Content-Security-Policy">: scripts from 'self' only, nothing inline.
//    Build only: in `vite` dev mode the meta tag would block Vite's injected styles.
//
// Absolute addresses (canonical, og:url, the sitemap) need the site's origin: SITE_ORIGIN at build
// time (docs/hosting.md), else the local preview's http://127.0.0.1:4173.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import type { Page, Redirect } from '../src/app/entry-server';
import { phraseBreaks } from './phrase-breaks.ts';

/** The policy (issue 9): scripts, styles and everything else from the site itself, nothing inline. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}

type RenderedAll = { pages: Page[]; notFound: Page; redirects: Redirect[] };

/** Renders every step in every language, and the not-found page (src/app/entry-server.tsx). */
async function renderAll(root: string): Promise<RenderedAll> {
  // The scratch folder sits inside node_modules so the server bundle's bare imports (react,
  // i18next, xstate…) resolve to the project's own packages.
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(cache, 'prerender-'));
  let production = true;
  try {
    await build({
      configFile: false,
      root,
      mode: 'production',
      logLevel: 'warn',
      plugins: [
        react(),
        // The same phrase breaks as the client build (issue 28): else hydration would differ.
        phraseBreaks(),
        {
          name: 'myna:prerender-mode',
          configResolved(config) {
            production = config.isProduction; // React's server build must match the bundle's JSX
          },
        },
      ],
      publicDir: false,
      build: {
        ssr: 'src/app/entry-server.tsx',
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: {
          output: { entryFileNames: 'entry-server.mjs' },
          // The server bundle is one file: the app's lazy register (src/app/published.ts) is also
          // imported statically there, by the redirect pages, and that is as intended.
          checks: { ineffectiveDynamicImport: false },
        },
      },
    });
    // Render in a fresh Node process: the build may run inside another tool's process (Vitest
    // sets NODE_ENV=test and may hold React's development build) and React's server renderer
    // must meet the same React build it was bundled against.
    const entry = pathToFileURL(path.join(outDir, 'entry-server.mjs')).href;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', renderScript(entry)], {
      cwd: root,
      env: { ...process.env, NODE_ENV: production ? 'production' : 'development' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(out) as RenderedAll;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** The script the child process runs: one page after the other (the words' language is global). */
function renderScript(entry: string): string {
  return `
    const m = await import(${JSON.stringify(entry)});
    const pages = [];
    for (const lang of m.LANGS) for (const answers of m.stepAnswers()) pages.push(await m.renderPage(answers, lang));
    const notFound = await m.renderNotFound();
    const redirects = await m.renderRedirects();
    process.stdout.write(JSON.stringify({ pages, notFound, redirects }));`;
}

/** A page's file in dist/, from its address: / → index.html, /en/change/ → en/change/index.html. */
export function pageFile(address: string): string {
  return address.endsWith('/') ? `${address.slice(1)}index.html` : address.slice(1);
}

/**
 * The one script every page names (src: 'self', no inline script). It requests the app's entry
 * (the data-entry attribute of its own tag) once the page has painted (the browser's
 * first-contentful-paint entry; after 1.5 s at the latest). Requested from the <head>, the entry
 * often downloaded and ran before the first paint, and Lighthouse's simulation counted it into LCP
 * (mobile ≈ 1.5 s instead of ≈ 0.9 s). A page with nothing to paint (shell.html, which the service
 * worker serves for any step) requests it at once. It knows nothing of steps or addresses.
 */
export const startScript = `var s=document.querySelector("script[data-entry]"),done=0;
function go(){if(!done){done=1;import(s.getAttribute("data-entry"))}}
if(!document.getElementById("root").hasChildNodes())go();
else try{new PerformanceObserver(function(l,o){o.disconnect();setTimeout(go)}).observe({type:"paint",buffered:true})}catch(e){}
setTimeout(go,1500);
`;

const OG_LOCALE: Record<string, string> = { ja: 'ja_JP', en: 'en_US', easy: 'ja_JP' };

/** The <head> tags that name the page: canonical, alternates, Open Graph. */
function pageHead(page: Page, origin: string): string {
  const abs = (p: string) => origin + p;
  const tags: string[] = [];
  if (page.kind === 'notFound') {
    tags.push('<meta name="robots" content="noindex" />');
    return tags.join('\n    ');
  }
  tags.push(`<link rel="canonical" href="${escapeHtml(abs(page.path))}" />`);
  // hreflang: Japanese and English, each page naming both (itself too), so every link is returned.
  // やさしい日本語 is Japanese too (lang="ja"), and hreflang allows one page per language: a
  // second "ja" in the group would contest the Japanese page, and no tag that search engines read
  // names easy Japanese. So its pages name no alternates at all (a one-way link is ignored at best,
  // and at worst claims the Japanese page as theirs) and stand alone, canonical to themselves.
  if (page.lang !== 'easy') {
    for (const [lang, hreflang] of [
      ['ja', 'ja'],
      ['en', 'en'],
      ['ja', 'x-default'],
    ] as const) {
      const href = page.alternates[lang];
      if (href) tags.push(`<link rel="alternate" hreflang="${hreflang}" href="${escapeHtml(abs(href))}" />`);
    }
  }
  const og: [string, string][] = [
    ['og:type', 'website'],
    ['og:site_name', page.siteName],
    ['og:title', page.title],
    ['og:description', page.description],
    ['og:url', abs(page.path)],
    ['og:locale', OG_LOCALE[page.lang] ?? 'ja_JP'],
    ['og:image', abs('/icons/icon-512.png')],
  ];
  for (const [property, content] of og) tags.push(`<meta property="${property}" content="${escapeHtml(content)}" />`);
  tags.push('<meta name="twitter:card" content="summary" />');
  return tags.join('\n    ');
}

type PageOptions = { template: string; start: string; entry: string; csp: string; origin: string };

/** One page's HTML from Vite's index.html. */
export function pageHtml(page: Page | null, o: PageOptions): string {
  let html = o.template;
  const root = page
    ? `<div id="root" data-path="${escapeHtml(page.path)}">${page.html}</div>`
    : '<div id="root"></div>';
  html = html.replace('<div id="root"></div>', () => root);
  if (page) {
    html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`);
    html = html.replace(/<html lang="[^"]*"/, () => `<html lang="${page.htmlLang}"`);
    html = html.replace(
      /<meta name="description" content="[^"]*" \/>/,
      () => `<meta name="description" content="${escapeHtml(page.description)}" />`,
    );
  } else {
    html = html.replace(
      /<meta name="description" content="[^"]*" \/>/,
      () => '<meta name="robots" content="noindex" />',
    );
  }
  const head = page ? pageHead(page, o.origin) : '';
  html = html.replace(
    /<meta charset="UTF-8" \/>/i,
    (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${o.csp}" />`,
  );
  html = html.replace(
    /\n\s*<\/head>/,
    () =>
      `\n${head ? `    ${head}\n` : ''}    <script type="module" src="${o.start}" data-entry="${o.entry}"></script>\n  </head>`,
  );
  return html;
}

/**
 * The page at a retired address (src/app/published.ts): no script, so every host (GitHub Pages has
 * no redirect rules) and every browser, with or without JavaScript, goes on to the step the address
 * leads to now, in one hop. The canonical link tells crawlers which page it is.
 */
export function redirectHtml(r: Redirect, o: Pick<PageOptions, 'csp' | 'origin'>): string {
  const target = escapeHtml(r.target);
  return `<!doctype html>
<html lang="${r.htmlLang}">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${o.csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="refresh" content="0; url=${target}" />
    <title>${escapeHtml(r.title)}</title>
    <meta name="robots" content="noindex" />
    <link rel="canonical" href="${escapeHtml(o.origin + r.target)}" />
  </head>
  <body data-moved="${target}">
    <h1>${escapeHtml(r.title)}</h1>
    <p><a href="${target}">${escapeHtml(r.link)}</a></p>
  </body>
</html>
`;
}

function sitemap(pages: Page[], origin: string): string {
  const urls = pages.map((p) => `  <url><loc>${escapeHtml(origin + p.path)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

function robots(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}

/** The origin a build without SITE_ORIGIN uses: the local preview's (`npm start`). */
export const PREVIEW_ORIGIN = 'http://127.0.0.1:4173';

export function siteOrigin(): string {
  return (process.env.SITE_ORIGIN || PREVIEW_ORIGIN).replace(/\/+$/, '');
}

/**
 * The build's warning when SITE_ORIGIN is not set (null when it is): the files that then carry the
 * local preview's origin, which is right for `npm start` and wrong on any real host.
 */
export function siteOriginWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SITE_ORIGIN) return null;
  return (
    `SITE_ORIGIN is not set: the build writes ${PREVIEW_ORIGIN} (the local preview) into every ` +
    `page's canonical link, hreflang links, og:url and og:image, and into sitemap.xml and robots.txt. ` +
    `Fine for npm start; for a real host build with SITE_ORIGIN=https://your.host npm run build ` +
    `(docs/hosting.md).`
  );
}

export function prerender(): Plugin {
  let root = process.cwd();
  return {
    name: 'myna:prerender-and-csp',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    closeBundle() {
      // Said at the end, below the list of the ≈480 files written, where it is seen.
      const originWarning = this.environment.config.build.ssr ? null : siteOriginWarning();
      if (originWarning) this.warn(originWarning);
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (this.environment.config.build.ssr) return;
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') return;
        let template = String(index.source);
        if (!template.includes('<div id="root"></div>')) this.error('index.html has no <div id="root"></div>');
        if (!/<meta charset="UTF-8" \/>/i.test(template)) this.error('index.html has no <meta charset="UTF-8" />');

        // The app's entry is started by startScript once the page has painted.
        let entry = '';
        template = template.replace(
          /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/,
          (_tag, src: string) => {
            entry = src;
            return '';
          },
        );
        if (!entry) this.error('index.html has no module script to start after the first paint');
        const startRef = this.emitFile({ type: 'asset', name: 'start.js', source: startScript });
        const start = `/${this.getFileName(startRef)}`;

        const o: PageOptions = {
          template,
          start,
          entry,
          csp: contentSecurityPolicy(),
          origin: siteOrigin(),
        };
        const all = await renderAll(root);
        for (const page of all.pages) {
          const fileName = pageFile(page.path);
          if (fileName === 'index.html') index.source = pageHtml(page, o);
          else this.emitFile({ type: 'asset', fileName, source: pageHtml(page, o) });
        }
        for (const r of all.redirects)
          this.emitFile({ type: 'asset', fileName: pageFile(r.path), source: redirectHtml(r, o) });
        this.emitFile({ type: 'asset', fileName: '404.html', source: pageHtml(all.notFound, o) });
        this.emitFile({ type: 'asset', fileName: 'shell.html', source: pageHtml(null, o) });
        this.emitFile({ type: 'asset', fileName: 'sitemap.xml', source: sitemap(all.pages, o.origin) });
        this.emitFile({ type: 'asset', fileName: 'robots.txt', source: robots(o.origin) });
      },
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
