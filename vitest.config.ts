import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Unit and integration tests. Integration tests run against a real PostgreSQL: the global setup
 * starts an embedded server (or uses TEST_DATABASE_URL) and migrates a template database, and
 * each test file copies that template into a database of its own, so files run in parallel.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    environment: 'node',
    include: ['server/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      NODE_ENV: 'test',
      CRON_SECRET: 'test-cron-secret-0123456789',
      APP_URL: 'http://localhost:3000',
    },
  },
});
