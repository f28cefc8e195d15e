import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailbox, jobRuns } from '@/db/schema';
import type { AfterResponse } from '@/server/email/after-request';
import { enqueueEmail, takeEnqueuedHint } from '@/server/email/outbox';
import { setupTestDatabase } from '@/server/testing/database';
import { cronRoute } from './cron-route';

const database = setupTestDatabase();
const handler = cronRoute('dispatch-email');
const post = (authorization?: string) =>
  handler(
    new Request('http://localhost:3000/api/cron/dispatch-email', {
      method: 'POST',
      headers: authorization ? { authorization } : {},
    }),
  );

beforeAll(() => {
  // The route uses the app's pool (getDb), which reads DATABASE_URL on first use.
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  const pool = (globalThis as { countersignDb?: { close: () => Promise<void> } }).countersignDb;
  await pool?.close();
});

describe("cronRoute('dispatch-email')", () => {
  it('answers 401 without an Authorization header and runs nothing', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    expect(await database.db.select().from(jobRuns)).toEqual([]);
  });

  it('answers 401 to a wrong secret and runs nothing', async () => {
    expect((await post('Bearer not-the-cron-secret-000')).status).toBe(401);
    expect(await database.db.select().from(jobRuns)).toEqual([]);
  });

  it('runs the job for the right secret and records a successful run', async () => {
    const response = await post(`Bearer ${process.env.CRON_SECRET}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { runId: string; status: string };
    expect(body).toMatchObject({ status: 'succeeded', result: { claimed: 0, sent: 0, retried: 0, failed: 0 } });

    const [run] = await database.db.select().from(jobRuns).where(eq(jobRuns.id, body.runId));
    expect(run).toMatchObject({ job: 'dispatch-email', trigger: 'cron', status: 'succeeded' });
    expect(run?.finishedAt).toBeInstanceOf(Date);
  });
});

describe('a cron-triggered job that queued email', () => {
  it('sends it right after its response instead of at the next dispatch tick', async () => {
    const tasks: Promise<void>[] = [];
    const afterResponse: AfterResponse = (task) => void tasks.push(task());
    takeEnqueuedHint();
    // Stands in for what a job queues in its own transaction (a reminder, a backorder notice).
    await enqueueEmail(database.db, {
      kind: 'password-changed',
      to: 'cron-queued@example.test',
      props: { name: 'Quinn', changedAt: '2026-12-05 09:00 UTC', signInUrl: 'http://localhost:3000/sign-in' },
    });
    const release = cronRoute('release-to-fulfillment', afterResponse);
    const response = await release(
      new Request('http://localhost:3000/api/cron/release-to-fulfillment', {
        method: 'POST',
        headers: { authorization: `Bearer ${process.env.CRON_SECRET}` },
      }),
    );
    expect(response.status).toBe(200);
    expect(tasks).toHaveLength(1);
    await Promise.all(tasks);
    const delivered = await database.db
      .select({ to: devMailbox.toAddress })
      .from(devMailbox)
      .where(eq(devMailbox.toAddress, 'cron-queued@example.test'));
    expect(delivered).toHaveLength(1);
  });
});
