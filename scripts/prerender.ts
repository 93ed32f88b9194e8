// Vite plugin, build only: the first screen as static HTML, and the page's Content-Security-Policy.
//
// Inside the client build (so everything after it, such as the service worker's precache list,
// sees the final page), once Vite has written index.html into the bundle:
// 1. builds src/app/entry-server.tsx for Node (a nested `vite build --ssr` into a scratch folder),
//    renders the introduction and the first question with react-dom/server, and puts the HTML
//    into <div id="root"> (no whitespace: hydration compares it node by node) and the first
//    question's title into <title>;
// 2. renders every other step (each question and outcome a link can lead to, in every language)
//    into dist/s/<lang>/*.json, for deep links;
// 3. replaces the entry <script> by a small inline script (startScript) that requests it once the
//    static page has painted, and for a deep link hides the first question and shows that step's
//    static HTML first (no flash of the wrong question);
// 4. adds a <meta http-equiv="Content-Security-Policy"> that allows scripts from 'self' plus the
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
/** The first screen, and every other step by language and canonical query (without "?" and lang). */
type RenderedAll = {
  first: Rendered;
  /** Question ids in the machine's order, and the languages (src/machine/questions.ts, src/content/i18n.ts). */
  order: string[];
  langs: string[];
  /** Canonical queries (without "?" and lang) of the static steps; '' is the first question. */
  keys: string[];
  steps: Record<string, Record<string, Rendered>>;
};

/** Renders the first screen and every step in every language (src/app/entry-server.tsx). */
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
        rolldownOptions: { output: { entryFileNames: 'entry-server.mjs' } },
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
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out) as RenderedAll;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** The script the child process runs: one step after the other (the words' language is global). */
function renderScript(entry: string): string {
  return `
    const m = await import(${JSON.stringify(entry)});
    const keys = [''].concat(m.steps());
    const out = { first: m.render(), order: m.QUESTION_IDS, langs: m.LANGS, keys, steps: {} };
    for (const lang of m.LANGS) {
      out.steps[lang] = {};
      // The first question in Japanese is index.html itself.
      for (const key of lang === 'ja' ? keys.slice(1) : keys) {
        const search = '?' + [key, lang === 'ja' ? '' : 'lang=' + lang].filter(Boolean).join('&');
        out.steps[lang][key] = await m.renderStep(search);
      }
    }
    process.stdout.write(JSON.stringify(out));`;
}

/** Files (as URLs) to preload for a deep link, by what the link needs. */
function deepLinkAssets(bundle: OutputBundle, base: string) {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const url = (c: OutputChunk) => base + c.fileName;
  const byModule = (re: RegExp) =>
    chunks.filter((c) => c.facadeModuleId && re.test(c.facadeModuleId.replaceAll('\\', '/')));
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
 * A static step's file in dist/, from its canonical query without "?" and lang
 * (a=b&c=d → s/<lang>/a-b.c-d.json; the first question, in another language → s/<lang>/start.json).
 */
export function staticStepFile(lang: string, key: string): string {
  return `s/${lang}/${key.replaceAll('=', '-').replaceAll('&', '.') || 'start'}.json`;
}

type StartOptions = {
  entry: string;
  base: string;
  assets: ReturnType<typeof deepLinkAssets>;
  /** Question ids in the machine's order (the order of a canonical query). */
  order: string[];
  /** Canonical queries (without "?" and lang) that have a static step ('': the first question, not in Japanese). */
  steps: string[];
  langs: string[];
};

/**
 * The page's one inline script (its hash is in the CSP). It decides when the app's entry is
 * requested, so the static HTML paints before ≈110 KB of JavaScript arrives:
 * - no query string: the static first question is the page; the entry is requested once it has
 *   painted (the browser's first-contentful-paint entry; after 1.5 s at the latest);
 * - a deep link (any query string): #root (the first question) is hidden (src/views/prerender.css).
 *   If the address is the canonical query of a step the build rendered (dist/s/, no service
 *   worker in control), that step's static HTML is fetched and shown first, and the entry and
 *   the step's chunks are requested once it has painted; otherwise they are requested at once
 *   (the outcome screen only for links with a `certificate` answer: every outcome needs one).
 * Until the app's own screen is there (html[data-app], set by main.tsx), a tap on an answer of a
 * static page follows the URL contract instead of being lost: it opens the address with that
 * answer added.
 * The step table is generated from the machine (src/app/entry-server.tsx); it holds no rule.
 * `entry="…"` is how scripts/first-screen.mjs finds the entry for the weight budget.
 */
function startScript(o: StartOptions): string {
  return `(function(){
var entry=${JSON.stringify(o.entry)},d=document.documentElement,s=location.search,p=new URLSearchParams(s);
function add(rel,h){var e=document.createElement(rel?"link":"script");if(rel){e.rel=rel;e.href=h}else{e.type="module";e.crossOrigin="";e.src=h}document.head.appendChild(e)}
function go(){if(s){var w=${JSON.stringify(o.assets.words)},x=w[p.get("lang")]||w.ja||{other:[],outcomes:[]},f=x.other;
if(p.has("certificate"))f=f.concat(x.outcomes,${JSON.stringify(o.assets.outcomeView)});f.forEach(function(h){add("modulepreload",h)})}add("",entry)}
function later(){var done=0;function once(){if(!done){done=1;go()}}
try{new PerformanceObserver(function(l,o){o.disconnect();setTimeout(once)}).observe({type:"paint",buffered:true})}catch(e){}
setTimeout(once,1500)}
if(!s)return later();
d.classList.add("deeplink");
var q=${JSON.stringify(o.order)},l="ja",n=0,k=[];
p.forEach(function(v,key){n++;if(key==="lang")l=v;else if(q.indexOf(key)<0)n=-99});
q.forEach(function(key){if(p.has(key))k.push(key+"="+p.get(key))});k=k.join("&");
var sw=navigator.serviceWorker&&navigator.serviceWorker.controller,L=p.has("lang");
if(sw||n!==(k?k.split("&").length:0)+(L?1:0)||L&&${JSON.stringify(o.langs.filter((x) => x !== 'ja'))}.indexOf(l)<0||${JSON.stringify(o.steps)}.indexOf(k)<0)return go();
fetch(${JSON.stringify(o.base)}+"s/"+l+"/"+(k.replace(/=/g,"-").replace(/&/g,".")||"start")+".json").then(function(r){return r.ok?r.json():null}).then(function(j){
if(!j||d.hasAttribute("data-app"))return;
function show(){document.getElementById("root").innerHTML=j.html;document.title=j.title;d.lang=j.lang;d.classList.remove("deeplink")}
if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",show);else show()}).catch(function(){}).then(later)})();
document.addEventListener("click",function(v){if(document.documentElement.hasAttribute("data-app"))return;
var b=v.target.closest&&v.target.closest("[data-answer]"),q=b&&b.closest("[data-question]");if(!q)return;
var p=new URLSearchParams(location.search);p.set(q.getAttribute("data-question"),b.getAttribute("data-answer"));
v.preventDefault();location.search="?"+p.toString()},true)`;
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
        const all = await renderAll(root);
        const rendered = all.first;

        const emptyRoot = '<div id="root"></div>';
        if (!html.includes(emptyRoot)) this.error(`index.html has no ${emptyRoot} to prerender into`);
        html = html.replace(emptyRoot, () => `<div id="root">${rendered.html}</div>`);
        html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(rendered.title)}</title>`);
        html = html.replace(/<html lang="[^"]*"/, () => `<html lang="${rendered.lang}"`);

        // Every other step as static HTML, for deep links (see startScript).
        for (const [lang, steps] of Object.entries(all.steps))
          for (const [key, step] of Object.entries(steps))
            this.emitFile({ type: 'asset', fileName: staticStepFile(lang, key), source: JSON.stringify(step) });

        // The app's script is requested by the inline script, once the static page has painted.
        // Requested from the <head>, it often downloaded and ran before the first paint, and
        // Lighthouse's simulation counted it into LCP (mobile ≈ 1.5 s instead of ≈ 0.9 s).
        let entry = '';
        html = html.replace(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/, (_tag, src: string) => {
          entry = src;
          return '';
        });
        if (!entry) this.error('index.html has no module script to start after the first paint');
        const script = startScript({
          entry,
          base,
          assets: deepLinkAssets(bundle as OutputBundle, base),
          order: all.order,
          steps: all.keys,
          langs: all.langs,
        });
        const csp = contentSecurityPolicy({ scriptHashes: [sha256(script)] });
        html = html.replace(
          /<meta charset="UTF-8" \/>/i,
          (m) =>
            `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <script>${script}</script>`,
        );
        if (!html.includes('http-equiv="Content-Security-Policy"'))
          this.error('index.html has no <meta charset="UTF-8" /> to put the CSP after');
        page.source = html;
      },
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
