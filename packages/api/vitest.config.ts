import { defineConfig } from 'vitest/config';

// Fast suite: real PostgreSQL and Redis processes, no Docker. The Docker-based suites (image,
// compose) run with vitest.integration.config.ts (`pnpm test:integration`).
export default defineConfig({
  test: {
    include: ['test/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
