import { defineConfig } from 'vitest/config';

// Docker-based suites: they build images and start containers, one file at a time.
export default defineConfig({
  test: {
    include: ['test/image/**/*.test.ts', 'test/compose/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
