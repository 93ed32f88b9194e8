// End-to-end suite: the BUILT guide (dist/, or $E2E_DIST) served by Vite's preview server on
// loopback and driven in Debian's Chromium through playwright-core. `npm run e2e` builds first.
// One browser for the whole run (started in the global setup); each test file connects to it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Two cores: one file per core at most, so the browser is never starved.
    maxWorkers: 2,
    fileParallelism: true,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
