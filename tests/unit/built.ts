// A production build for tests that check the built files (budget.test.ts, csp.test.ts): the same
// `vite build` as `npm run build` (prerender, CSP, service worker), into .tmp/test-build/<key>.
// The key hashes every input of the build, so test files running in parallel (and reruns with
// nothing changed) share one build; a lock file makes the second one wait for the first.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Per built JS chunk: its modules and their rendered (minified, before gzip) sizes. */
export type ChunkInfo = { fileName: string; name: string; modules: Record<string, number> };

const INPUTS = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'scripts',
  'tests/unit/built.ts',
  'src',
  'content',
  'public',
];

function inputKey(): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) walk(path.join(rel, name));
    } else {
      hash.update(rel).update('\0').update(fs.readFileSync(abs)).update('\0');
    }
  };
  INPUTS.forEach(walk);
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function buildInto(outDir: string): Promise<ChunkInfo[]> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      root,
      mode: 'production',
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as { output: unknown[] }[];
  const chunks: ChunkInfo[] = [];
  for (const o of outputs)
    for (const item of o.output as {
      type: string;
      fileName: string;
      name: string;
      modules: Record<string, { renderedLength: number }>;
    }[])
      if (item.type === 'chunk')
        chunks.push({
          fileName: item.fileName,
          name: item.name,
          modules: Object.fromEntries(
            Object.entries(item.modules).map(([id, m]) => [
              path.relative(root, id).replaceAll('\\', '/'),
              m.renderedLength,
            ]),
          ),
        });
  return chunks;
}

/** The build's folder and its chunks; builds when the inputs changed since the last one. */
export async function built(): Promise<{ dir: string; chunks: ChunkInfo[] }> {
  const base = path.join(root, '.tmp', 'test-build');
  const key = inputKey();
  const home = path.join(base, key);
  const dir = path.join(home, 'dist');
  const done = path.join(home, 'chunks.json');
  const lock = path.join(base, `${key}.lock`);
  fs.mkdirSync(base, { recursive: true });
  for (let waited = 0; !fs.existsSync(done); waited += 200) {
    let mine = false;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      mine = true;
    } catch {
      // Another test file is building the same inputs: wait for it (or take over a stale lock).
      if (waited > 90_000) fs.rmSync(lock, { force: true });
      await sleep(200);
      continue;
    }
    if (mine) {
      try {
        // Older builds are no longer needed.
        for (const name of fs.readdirSync(base))
          if (name !== key && !name.endsWith('.lock'))
            fs.rmSync(path.join(base, name), { recursive: true, force: true });
        const chunks = await buildInto(dir);
        fs.writeFileSync(done, JSON.stringify(chunks));
      } finally {
        fs.rmSync(lock, { force: true });
      }
    }
  }
  return { dir, chunks: JSON.parse(fs.readFileSync(done, 'utf8')) as ChunkInfo[] };
}
