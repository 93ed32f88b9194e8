// The WebKit suite's setup: the built guide (dist/, or $E2E_DIST) served by Vite's preview() with
// the repo's static host on 127.0.0.1 (first free port in 4310–4319, beside the Chromium suite's
// 4300–4309), a virtual X display (Xvfb) and WebKitGTK's WebDriver on a free loopback port. Each
// test file opens its own session, one at a time: WebKitWebDriver runs one session at most.
// Xvfb and the driver (with the MiniBrowser it starts) each run in a process group of their own,
// which teardown ends by its id, also when the setup itself fails half-way.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { staticHost } from '../../scripts/static-host';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** WebKitWebDriver's address (http://127.0.0.1:port). */
    driverURL: string;
    /** The MiniBrowser the driver starts for each session. */
    miniBrowser: string;
    distDir: string;
  }
}

const DRIVER = '/usr/bin/WebKitWebDriver';
const LOG_DIR = resolve('.tmp/webkit');

/** WebKitGTK's MiniBrowser (libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on): /usr/lib/<arch>/. */
function findMiniBrowser(): string {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  const found = readdirSync('/usr/lib')
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((f) => existsSync(f));
  if (!found) throw new Error('no /usr/lib/*/webkit2gtk-4.1/MiniBrowser: apt-get install webkit2gtk-driver');
  return found;
}

export async function startPreview(
  outDir: string,
  ports: [number, number] = [4310, 4319],
): Promise<{ server: PreviewServer; url: string }> {
  let lastError: unknown;
  for (let port = ports[0]; port <= ports[1]; port++) {
    try {
      const server = await preview({
        configFile: false,
        root: process.cwd(),
        logLevel: 'silent',
        plugins: [staticHost()],
        build: { outDir },
        preview: { host: '127.0.0.1', port, strictPort: true, open: false },
      });
      return { server, url: `http://127.0.0.1:${port}` };
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`no free port in ${ports.join('–')} for the preview server: ${String(lastError)}`);
}

/** A port the system says is free on loopback now (the driver binds it right after). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Ends a detached child's whole process group (the driver takes its MiniBrowser with it). */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** Xvfb on the first free display; it writes the display's number to fd 3 once it is ready. */
function startXvfb(log: number): Promise<{ child: ChildProcess; display: string }> {
  return new Promise((done, fail) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      detached: true,
      stdio: ['ignore', log, log, 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => fail(new Error('Xvfb did not report a display in 10 s')), 10_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited (${code}) before reporting a display: see ${LOG_DIR}/xvfb.log`));
    });
    child.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        done({ child, display: `:${out.trim()}` });
      }
    });
  });
}

async function waitForDriver(url: string, driver: ChildProcess): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): see ${LOG_DIR}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer ${url}/status in 10 s`);
}

export default async function setup(project: TestProject) {
  const outDir = resolve(process.env.E2E_DIST ?? 'dist');
  mkdirSync(LOG_DIR, { recursive: true });
  let xvfb: ChildProcess | undefined;
  let driver: ChildProcess | undefined;
  let server: PreviewServer | undefined;
  const teardown = async () => {
    await stop(driver);
    await stop(xvfb);
    await server?.close();
  };
  // Vitest interrupted, or this process ending some other way: no driver or X server left behind
  // (SIGTERM: they outlive this process long enough to clean up, Xvfb its socket and lock).
  const onExit = () => {
    for (const c of [driver, xvfb])
      try {
        if (c?.pid && c.exitCode === null && c.signalCode === null) process.kill(-c.pid, 'SIGTERM');
      } catch {
        // already gone
      }
  };
  process.once('exit', onExit);
  try {
    if (!existsSync(DRIVER)) throw new Error(`no ${DRIVER}: apt-get install webkit2gtk-driver xvfb`);
    const miniBrowser = findMiniBrowser();
    const started = await startPreview(outDir);
    server = started.server;
    const x = await startXvfb(openSync(`${LOG_DIR}/xvfb.log`, 'w'));
    xvfb = x.child;
    const port = await freePort();
    const log = openSync(`${LOG_DIR}/driver.log`, 'w');
    driver = spawn(DRIVER, ['--host=127.0.0.1', `--port=${port}`], {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, DISPLAY: x.display, TMPDIR: LOG_DIR },
    });
    const driverURL = `http://127.0.0.1:${port}`;
    await waitForDriver(driverURL, driver);
    project.provide('baseURL', started.url);
    project.provide('driverURL', driverURL);
    project.provide('miniBrowser', miniBrowser);
    project.provide('distDir', outDir);
  } catch (e) {
    await teardown();
    throw e;
  }
  return async () => {
    await teardown();
    process.off('exit', onExit);
  };
}
