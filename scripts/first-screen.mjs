// What the first screen loads, and how heavy it is (gzip -9, node zlib level 9).
// Shared by the budget test (tests/unit/budget.test.ts) and the benchmark (scripts/bench.mjs).
//
// The first screen loads what the built index.html names (module script, modulepreload links,
// stylesheets) plus every chunk those import statically (followed through Vite's build manifest).
// Dynamic imports are lazy chunks and do not count.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BUDGET = { js: 115_000, css: 10_000 };

export function gzip9(buf) {
  return zlib.gzipSync(buf, { level: 9 }).length;
}

/** Local asset URLs the built HTML loads up front. */
export function htmlAssets(html) {
  const out = [];
  const re = /<(script|link)\b[^>]*>/g;
  for (const [tag] of html.matchAll(re)) {
    const attr = (n) => tag.match(new RegExp(`\\s${n}="([^"]*)"`))?.[1];
    if (tag.startsWith('<script')) {
      const src = attr('src');
      if (src) out.push(src);
    } else {
      const rel = attr('rel');
      const href = attr('href');
      if (href && (rel === 'modulepreload' || rel === 'stylesheet')) out.push(href);
    }
  }
  // The entry script the page's start script requests after the first paint (its tag's
  // `data-entry="…"`, scripts/prerender.ts).
  for (const [, src] of html.matchAll(/\sdata-entry="([^"]+\.js)"/g)) out.push(src);
  return out.filter((u) => u.startsWith('/') && !u.startsWith('//')).map((u) => u.replace(/^\//, ''));
}

/**
 * Chunks the first screen loads, from a build made with `build.manifest: true`.
 * @param {string} dir the build's outDir
 */
export function firstScreen(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const manifestFile = path.join(dir, '.vite', 'manifest.json');
  const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {};
  const byFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, { key, ...c }]));
  const seen = new Set();
  const queue = htmlAssets(html);
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const chunk = byFile.get(file);
    if (!chunk) continue;
    for (const imp of chunk.imports ?? []) queue.push(manifest[imp].file);
    for (const css of chunk.css ?? []) queue.push(css);
  }
  const files = [...seen].map((file) => {
    const buf = fs.readFileSync(path.join(dir, file));
    const chunk = byFile.get(file);
    return {
      file,
      kind: file.endsWith('.css') ? 'css' : 'js',
      name: chunk ? (chunk.name ?? chunk.src ?? chunk.key) : path.basename(file),
      bytes: buf.length,
      gzip: gzip9(buf),
    };
  });
  const sum = (kind) => files.filter((f) => f.kind === kind).reduce((s, f) => s + f.gzip, 0);
  return { files, js: sum('js'), css: sum('css'), html: gzip9(Buffer.from(html)) };
}

/** Every JS chunk of the build that the first screen does not load (the lazy ones). */
export function lazyChunks(dir) {
  const first = new Set(firstScreen(dir).files.map((f) => f.file));
  const assets = path.join(dir, 'assets');
  return fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !first.has(`assets/${f}`))
    .map((f) => `assets/${f}`);
}
