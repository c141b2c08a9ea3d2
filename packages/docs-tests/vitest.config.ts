import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/fresh-clone/**'],
          // Shell scripts run as real processes, HTTP stand-ins start in hooks and the mermaid
          // parser is a heavy import: on 2 cores shared with the other packages' suites that needs
          // far more than vitest's defaults (5 s a test, 10 s a hook). A hang still fails.
          testTimeout: 120_000,
          hookTimeout: 180_000,
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
