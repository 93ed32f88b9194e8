// WebKit suite: the BUILT guide (dist/, or $E2E_DIST) served on loopback by Vite's preview with the
// repo's static host, driven in WebKitGTK's MiniBrowser (the engine of Safari, which most of the
// guide's users hold) through WebKitWebDriver under Xvfb. `npm run webkit` builds first.
// The driver runs one session at a time: the files run one after another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/webkit/**/*.webkit.ts'],
    globalSetup: ['tests/webkit/global-setup.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    // One after another in one process: the shared imports (the e2e helpers, xstate, the
    // content) are loaded once, not once a file (on a busy two-core machine, 5 s a file).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
    teardownTimeout: 15_000,
    reporters: ['default'],
  },
});
