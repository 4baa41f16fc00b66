import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], pool: 'forks' },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.tsx'],
          setupFiles: ['test/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // A real browser on a 2-core machine: give the page time to settle before a poll fails.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          fileParallelism: false,
          // Every test starts from a fresh data folder and window (test/support/e2e-session.ts): run
          // them in a shuffled order, so a test that leans on another's leftovers fails.
          sequence: { shuffle: { tests: true } },
        },
      },
    ],
  },
});
