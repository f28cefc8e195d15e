import { spawn, type ChildProcess } from 'node:child_process';
import { signIn, query, type Client } from '../bench/instances-client';
import { DEMO_PASSWORD, E2E_AUTH_SECRET, E2E_BASE_URL, E2E_CRON_SECRET, E2E_DATABASE_URL } from './fixtures/env';
import { expect, test } from './fixtures/test';

/**
 * The small in-suite form of `npm run proof:instances`: a second production instance (`npm start`
 * as a deployment runs it, from the same build) on the journeys' database, behind the same public
 * address. A session made on the first instance works on the second, and SIGTERM drains the second:
 * health answers 503 for the drain period, then the launcher exits 0 (not killed, not 143).
 */
const PORT = 3102;
const SECOND = `http://127.0.0.1:${PORT}`;
const DRAIN_SECONDS = 2;
const client: Client = { appUrl: E2E_BASE_URL, cronSecret: E2E_CRON_SECRET };

async function health(): Promise<number> {
  return fetch(`${SECOND}/api/health`, { signal: AbortSignal.timeout(2_000) })
    .then((response) => response.status)
    .catch(() => 0);
}

function startSecondInstance(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/launch/main.ts', 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: E2E_DATABASE_URL,
      PORT: String(PORT),
      APP_URL: E2E_BASE_URL,
      NEXTAUTH_URL: E2E_BASE_URL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      CRON_SECRET: E2E_CRON_SECRET,
      DEV_MAILBOX: 'on',
      DRAIN_SECONDS: String(DRAIN_SECONDS),
      STAFF_SECOND_FACTOR: 'setting',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

test('a second instance shares sessions and drains on SIGTERM', async () => {
  test.setTimeout(120_000);
  const second = startSecondInstance();
  try {
    await expect.poll(health, { timeout: 60_000, intervals: [500] }).toBe(200);

    const cookie = await signIn(client, E2E_BASE_URL, 'alice@northwind.test', DEMO_PASSWORD);
    const me = await query(SECOND, cookie, 'session.me');
    expect(me.status).toBe(200);
    expect(JSON.stringify(me)).toContain('alice@northwind.test');

    second.child.kill('SIGTERM');
    await expect.poll(health, { timeout: 1_500, intervals: [100] }).toBe(503);
    const code = await Promise.race([
      second.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ]);
    expect(code).toBe(0);
  } finally {
    second.child.kill('SIGKILL');
  }
});
