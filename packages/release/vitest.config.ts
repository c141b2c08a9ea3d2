import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // Packs, then installs from the npm registry on Node 22 and 24: minutes, not seconds.
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Another repository adopting the packed opsctl on the local environment: needs a
          // Docker engine and no local environment running (the integration phase of bin/test).
          name: 'outside',
          include: ['test/outside/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
