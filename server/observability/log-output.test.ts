import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Runs `script` in a process of its own with the server's logger, collecting its stdout as it comes. */
function run(script: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info' },
  });
  const lines: { at: number; line: string }[] = [];
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) lines.push({ at: Date.now(), line });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { lines, exited };
}

const LOGGER = `const { log } = await import(${JSON.stringify(path.join(root, 'server/observability/log.ts'))});`;

describe('the server log on standard output', () => {
  it('writes a line within a second even when no more follow', async () => {
    const { lines, exited } = run(`${LOGGER}
      log().info({ probe: 'alone' }, 'one line');
      setTimeout(() => process.exit(0), 2000);`);
    await exited;
    const line = lines.find((entry) => entry.line.includes('"probe":"alone"'));
    if (!line) throw new Error('the line never came');
    // Written by the periodic flush, well before the process exits 2 s after logging it.
    const loggedAt = Date.parse((JSON.parse(line.line) as { time: string }).time);
    expect(line.at - loggedAt).toBeLessThan(1200);
  });

  it('writes every line logged before the process exits, in order', async () => {
    const { lines, exited } = run(`${LOGGER}
      for (let n = 0; n < 200; n++) log().info({ n }, 'line');
      process.exit(0);`);
    expect(await exited).toBe(0);
    const numbers = lines.map((entry) => (JSON.parse(entry.line) as { n: number }).n);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, n) => n));
  });
});
