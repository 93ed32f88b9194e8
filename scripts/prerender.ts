// Vite plugin, build only: the first screen as static HTML, and the page's Content-Security-Policy.
//
// Inside the client build (so everything after it, such as the service worker's precache list,
// sees the final page), once Vite has written index.html into the bundle:
// 1. builds src/entry-server.tsx for Node (a nested `vite build --ssr` into a scratch folder),
//    renders the introduction and the first question with react-dom/server, and puts the HTML
//    into <div id="root"> (no whitespace: hydration compares it node by node) and the first
//    question's title into <title>;
// 2. adds a small inline script for deep links (any query string): the static HTML is the first
//    question, so the page hides it until main.tsx has rendered the right step (no flash of the
//    wrong question) and preloads what that step needs (the outcome chunk, another language);
// 3. adds a <meta http-equiv="Content-Security-Policy"> that allows scripts from 'self' plus the
//    hash of that one inline script, and nothing inline otherwise. Build only: in `vite` dev mode
//    the meta tag would block Vite's injected styles.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';

export type CspOptions = { scriptHashes: string[] };

/** The policy (issue 9). Script hashes are the inline scripts the built page carries. */
export function contentSecurityPolicy({ scriptHashes }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
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

export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

type Rendered = { html: string; title: string; lang: string };

async function renderFirstScreen(root: string): Promise<Rendered> {
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
        {
          name: 'myna:prerender-mode',
          configResolved(config) {
            production = config.isProduction; // React's server build must match the bundle's JSX
          },
        },
      ],
      publicDir: false,
      build: {
        ssr: 'src/entry-server.tsx',
        outDir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { output: { entryFileNames: 'entry-server.mjs' } },
      },
    });
    // Render in a fresh Node process: the build may run inside another tool's process (Vitest
    // sets NODE_ENV=test and may hold React's development build) and React's server renderer
    // must meet the same React build it was bundled against.
    const entry = pathToFileURL(path.join(outDir, 'entry-server.mjs')).href;
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(m.render()));`],
      { cwd: root, env: { ...process.env, NODE_ENV: production ? 'production' : 'development' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(out) as Rendered;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Files (as URLs) to preload for a deep link, by what the link needs. */
function deepLinkAssets(bundle: OutputBundle, base: string) {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const url = (c: OutputChunk) => base + c.fileName;
  const byModule = (re: RegExp) => chunks.filter((c) => c.facadeModuleId && re.test(c.facadeModuleId.replaceAll('\\', '/')));
  const outcomeView = byModule(/\/src\/views\/OutcomeView\.tsx$/).map(url);
  const words: Record<string, { outcomes: string[]; other: string[] }> = {};
  for (const c of byModule(/\/content\/[^/]+\/[^/]+\.json$/)) {
    const [, lang, ns] = c.facadeModuleId!.replaceAll('\\', '/').match(/\/content\/([^/]+)\/([^/]+)\.json$/)!;
    words[lang!] ??= { outcomes: [], other: [] };
    words[lang!]![ns === 'outcomes' ? 'outcomes' : 'other'].push(url(c));
  }
  return { outcomeView, words };
}

/**
 * The inline script for deep links (kept tiny; its hash is in the CSP). A query string means the
 * static first question is not what this address shows: hide #root (styles in src/prerender.css)
 * until main.tsx renders the right step, and preload that step's chunks. Every outcome needs a
 * `certificate` answer, so only such links preload the outcome screen.
 */
function deepLinkScript(assets: ReturnType<typeof deepLinkAssets>): string {
  return (
    `(function(){var s=location.search;if(!s)return;` +
    `document.documentElement.classList.add("deeplink");` +
    `var p=new URLSearchParams(s),w=${JSON.stringify(assets.words)},x=w[p.get("lang")]||w.ja||{other:[],outcomes:[]},f=x.other;` +
    `if(p.has("certificate"))f=f.concat(x.outcomes,${JSON.stringify(assets.outcomeView)});` +
    `f.forEach(function(h){var e=document.createElement("link");e.rel="modulepreload";e.href=h;document.head.appendChild(e)})})()`
  );
}

/**
 * Requests the app's entry: after the first frame has painted (requestAnimationFrame, then a
 * task) on the first screen, at once on a deep link (#root is hidden, nothing to paint first).
 * Until main.tsx has started the app (html[data-app]), a tap on an answer of the static first
 * question follows the URL contract instead of being lost: it opens `?<question>=<answer>`.
 */
function startApp(entry: string): string {
  return (
    `(function(){function go(){var e=document.createElement("script");` +
    `e.type="module";e.crossOrigin="";e.src=${JSON.stringify(entry)};document.head.appendChild(e)}` +
    `if(location.search)go();else requestAnimationFrame(function(){setTimeout(go)})})();` +
    `document.addEventListener("click",function(v){var d=document.documentElement;if(d.hasAttribute("data-app")||location.search)return;` +
    `var b=v.target.closest&&v.target.closest("[data-answer]"),q=b&&b.closest("[data-question]");if(!q)return;` +
    `v.preventDefault();location.search="?"+encodeURIComponent(q.getAttribute("data-question"))+"="+encodeURIComponent(b.getAttribute("data-answer"))},true)`
  );
}

export function prerender(): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'myna:prerender-and-csp',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        if (this.environment.config.build.ssr) return;
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') return;
        let html = String(page.source);
        const rendered = await renderFirstScreen(root);

        const emptyRoot = '<div id="root"></div>';
        if (!html.includes(emptyRoot)) this.error(`index.html has no ${emptyRoot} to prerender into`);
        html = html.replace(emptyRoot, () => `<div id="root">${rendered.html}</div>`);
        html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(rendered.title)}</title>`);
        html = html.replace(/<html lang="[^"]*"/, () => `<html lang="${rendered.lang}"`);

        // The app's script is requested once the static first screen has painted (one frame
        // later). Requested from the <head>, it often downloaded and ran before the first paint,
        // and Lighthouse's simulation counted it into LCP (mobile ≈ 1.5 s instead of ≈ 0.7 s).
        let entry = '';
        html = html.replace(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/, (_tag, src: string) => {
          entry = src;
          return '';
        });
        if (!entry) this.error('index.html has no module script to start after the first paint');
        const script = `${deepLinkScript(deepLinkAssets(bundle as OutputBundle, base))};${startApp(entry)}`;
        const csp = contentSecurityPolicy({ scriptHashes: [sha256(script)] });
        html = html.replace(
          /<meta charset="UTF-8" \/>/i,
          (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <script>${script}</script>`,
        );
        if (!html.includes('http-equiv="Content-Security-Policy"')) this.error('index.html has no <meta charset="UTF-8" /> to put the CSP after');
        page.source = html;
      },
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
