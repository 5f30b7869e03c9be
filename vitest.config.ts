import { defineConfig } from 'vitest/config';

// Three projects: `unit` (fast, no services), `services` (real PostgreSQL, Redis, SQLite files, the HTTP
// stack) and `browser` (headless Chromium). `npm test` runs all three; CI always does.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'generated/**', 'test/integration/**', 'test/browser/**', 'data/**'],
        },
      },
      {
        test: {
          name: 'services',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
