import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/fresh-clone/**'],
          testTimeout: 30_000,
        },
      },
      {
        // The README's first command in a fresh clone: installs, builds images and deploys.
        test: {
          name: 'fresh-clone',
          include: ['test/fresh-clone/**/*.test.ts'],
          testTimeout: 45 * 60_000,
          hookTimeout: 10 * 60_000,
        },
      },
    ],
  },
});
