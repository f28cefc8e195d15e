import { describe, expect, it } from 'vitest';
import { runRecordedJob } from '@/server/jobs/run-job';
import { findJob } from '@/server/jobs/schedule';
import { approvalTeam, teamOrder } from '@/server/testing/approval-team';
import { setupTestDatabase } from '@/server/testing/database';
import { forgetFigures } from './database-figures';
import { metricsHandler } from './metrics-route';

const database = setupTestDatabase();
const TOKEN = 'metrics-token-0123456789abcdef';
const scrape = metricsHandler({ token: () => TOKEN, db: () => database.db });

async function read(authorization?: string): Promise<Response> {
  const headers = authorization ? { authorization } : undefined;
  return scrape(new Request('http://localhost:3000/api/metrics', { headers }));
}

/** The value of one series in Prometheus' text format (0 when absent), matched by name and labels. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, label]) => `${key}="${label}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    if (wanted.every((pair) => (match[2] ?? '').includes(pair))) return Number(match[3]);
  }
  return 0;
}

async function figures(): Promise<string> {
  forgetFigures(); // the 5 s cache would hide what just changed
  const response = await read(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

describe('/api/metrics', () => {
  it('refuses a scrape without the token or with a wrong one, and does not exist without a configured token', async () => {
    expect((await read()).status).toBe(401);
    expect((await read(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await read(TOKEN)).status).toBe(401);
    const body = await (await read('Bearer nope')).text();
    expect(body).not.toContain('countersign_');
    const unset = metricsHandler({ token: () => undefined, db: () => database.db });
    expect(
      (await unset(new Request('http://localhost/api/metrics', { headers: { authorization: 'Bearer ' } }))).status,
    ).toBe(404);
  });

  it('moves after a submit that needs approval, and after the emails it queued are sent', async () => {
    const submitted = { procedure: 'checkout.submit', type: 'mutation', outcome: 'ok' };
    const before = await figures();
    const team = await approvalTeam(database.db);
    await teamOrder(database.db, team, 20); // 2,000.00: over Ann's or Ben's limit, so a step waits

    const after = await figures();
    expect(value(after, 'countersign_trpc_procedure_duration_seconds_count', submitted)).toBe(
      value(before, 'countersign_trpc_procedure_duration_seconds_count', submitted) + 1,
    );
    expect(value(after, 'countersign_approval_steps_pending')).toBe(
      value(before, 'countersign_approval_steps_pending') + 1,
    );
    const backlog = value(after, 'countersign_outbox_backlog', { channel: 'email' });
    expect(backlog).toBeGreaterThan(value(before, 'countersign_outbox_backlog', { channel: 'email' }));
    expect(value(after, 'countersign_outbox_oldest_age_seconds', { channel: 'email' })).toBeGreaterThanOrEqual(0);
    expect(value(after, 'countersign_db_statements_total')).toBeGreaterThan(
      value(before, 'countersign_db_statements_total'),
    );
    expect(after).toContain('countersign_db_pool_connections_in_use');
    expect(after).toContain('countersign_db_pool_waiting');

    const job = findJob('dispatch-email');
    if (!job) throw new Error('no dispatch-email job');
    await runRecordedJob(database.db, job, 'manual', new Date());

    const sent = await figures();
    expect(value(sent, 'countersign_outbox_backlog', { channel: 'email' })).toBe(0);
    expect(value(sent, 'countersign_sends_total', { channel: 'email', outcome: 'sent' })).toBe(
      value(after, 'countersign_sends_total', { channel: 'email', outcome: 'sent' }) + backlog,
    );
    expect(value(sent, 'countersign_job_runs_total', { job: 'dispatch-email', status: 'succeeded' })).toBe(
      value(after, 'countersign_job_runs_total', { job: 'dispatch-email', status: 'succeeded' }) + 1,
    );
    expect(value(sent, 'countersign_job_duration_seconds_count', { job: 'dispatch-email' })).toBeGreaterThan(0);
  });
});
