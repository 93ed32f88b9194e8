import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['tests/unit/**/*.test.{ts,tsx}'],
      setupFiles: ['tests/unit/setup.ts'],
      // Room on a busy 2-core machine (several renders of a whole outcome per test); not a time
      // budget: those are measured by npm run bench.
      testTimeout: 20_000,
    },
  }),
);
