import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Only the deliberately failing probe, with the suite's own global setup (the embedded PostgreSQL). */
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    environment: 'node',
    include: ['server/testing/exit-code-probe.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    env: { NODE_ENV: 'test' },
  },
});
