// Every built page is valid HTML by the Nu Html Checker (the W3C's validator, npm package vnu-jar,
// run with the machine's Java): all ≈450 pages, 404.html and shell.html in one Java process
// (a few seconds of CPU, with the quick JIT and the serial GC: a short run gains nothing from
// more; one process per page would take minutes). --errors-only: the checker's CSP
// "info warnings" cannot match 'self' on file: addresses and are left out, as its style infos.
// Without Java the file is skipped, except in CI (process.env.CI), where .ci/run installs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const JAVA = [process.env.JAVA, 'java', '/usr/bin/java']
  .filter(Boolean)
  .find((j) => spawnSync(j!, ['-version'], { encoding: 'utf8' }).status === 0);
const CI = Boolean(process.env.CI);
if (!JAVA && !CI)
  console.warn('tests/e2e/html-valid.e2e.ts skipped: Java is not installed (apt-get install default-jre-headless).');

function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

type VnuMessage = {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
};

describe.skipIf(!JAVA && !CI)('the Nu Html Checker on every built page', () => {
  it('finds no error', () => {
    if (!JAVA) throw new Error('Java is not installed: CI must have it (.ci/run installs default-jre-headless)');
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const dist = inject('distDir');
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(450);
    const started = Date.now();
    const run = spawnSync(
      JAVA,
      [
        '-Xss8m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-jar',
        jar,
        '--errors-only',
        '--format',
        'json',
        '--stdout',
        ...files,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    console.log(`html-valid.e2e.ts: ${files.length} pages checked in ${Date.now() - started} ms`);
    expect(run.error).toBeUndefined();
    const out = JSON.parse(run.stdout) as { messages: VnuMessage[] };
    const errors = out.messages
      .filter((m) => m.type !== 'info')
      .map((m) => `${path.relative(dist, new URL(m.url ?? 'file:///').pathname)}:${m.lastLine ?? '?'}: ${m.message}`);
    // Distinct messages first (one mistake in the template is repeated on every page).
    const distinct = [...new Set(errors.map((e) => e.replace(/^[^:]*:[^:]*: /, '')))];
    expect(distinct).toEqual([]);
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });
});
