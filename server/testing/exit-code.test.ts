import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/**
 * `npm test` stops at a failed unit run only if vitest exits non-zero. The global setup starts the
 * embedded PostgreSQL, whose exit hook used to end the process with code 0 once the failed run had
 * drained (db/embedded.ts): every failure passed.
 */
describe('a failed unit run', () => {
  it('ends vitest with exit code 1, with the embedded PostgreSQL started and stopped', async () => {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'vitest.exit-probe.config.ts'],
      { cwd: root, env: { ...process.env, TEST_DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toContain('fails on purpose');
    expect(code, output.slice(-2000)).toBe(1);
  }, 120_000);
});
