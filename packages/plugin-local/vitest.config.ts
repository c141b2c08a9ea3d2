import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // The tests run the built binary; on 2 busy cores one can take far longer than 5 s.
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
