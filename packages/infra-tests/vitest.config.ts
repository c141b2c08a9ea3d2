import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'static',
          include: ['test/static/**/*.test.ts'],
          // terraform, ansible and shell scripts run as real processes, also in hooks, and one
          // test runs ansible-playbook for every inventory and playbook: on 2 cores shared with
          // the other packages' suites that took over 2 minutes. A hang still fails.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
