// Serves the production build with Vite's preview() on 127.0.0.1 (first free port in 4300–4309)
// and starts one Chromium that every test file connects to.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { staticHost } from '../../scripts/static-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    wsEndpoint: string;
    /** The built site being served (dist/, or $E2E_DIST). */
    distDir: string;
  }
}

async function startPreview(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  let lastError: unknown;
  for (let port = 4300; port <= 4309; port++) {
    try {
      const server = await preview({
        configFile: false,
        root: process.cwd(),
        logLevel: 'silent',
        // Served like the static hosts the guide is made for: each step's page, 404.html with
        // status 404, a redirect to the final slash (configFile: false leaves it out otherwise).
        plugins: [staticHost()],
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      return { server, url: `http://127.0.0.1:${port}` };
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`no free port in 4300–4309 for the preview server: ${String(lastError)}`);
}

export default async function setup(project: TestProject) {
  const outDir = resolve(process.env.E2E_DIST ?? 'dist');
  const tmp = resolve('.tmp/e2e/tmp');
  mkdirSync(tmp, { recursive: true });
  // Chromium leaves temp folders behind: keep them in a scratch folder.
  process.env.TMPDIR = tmp;

  const { server, url } = await startPreview(outDir);
  let browser: BrowserServer;
  try {
    browser = await chromium.launchServer({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      env: { ...process.env, TMPDIR: tmp },
    });
  } catch (e) {
    await server.close();
    throw e;
  }
  project.provide('baseURL', url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('distDir', outDir);
  return async () => {
    await browser.close();
    await server.close();
  };
}
