import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '@/server/testing/database';
import { jobEffects, seedJobWork, type JobEffects, type JobWork } from '@/server/testing/job-work';
import { raceBehindLock } from '@/server/testing/locks';
import { runRecordedJob } from './run-job';
import { findJob, type JobName } from './schedule';

const database = setupTestDatabase();
const SIZE = 6;
let work: JobWork;
let seededAt: Date;
let workedAt: Date;

beforeAll(async () => {
  seededAt = new Date();
  work = await seedJobWork(database.db, SIZE);
  workedAt = new Date();
}, 120_000);

/**
 * Two runs of one job at once, as when the job is triggered on two instances together. A blocker
 * holds the table the job claims its work from (EXCLUSIVE mode: plain reads pass, FOR UPDATE and
 * writes wait), so both runs are seen waiting before either takes a piece: they truly overlap.
 */
async function runTwiceAtOnce(name: JobName, table: string, waiting: number) {
  const job = findJob(name);
  if (!job) throw new Error(`no job ${name}`);
  const run = () => runRecordedJob(database.db, job, 'manual', new Date());
  const outcomes = await raceBehindLock(
    database.db,
    (blocker) => blocker.execute(sql.raw(`lock table ${table} in exclusive mode`)),
    [run, run],
    waiting,
  );
  const counts = outcomes.map((outcome) => {
    if (outcome.status === 'rejected' || outcome.value.status !== 'succeeded') throw new Error(`${name} failed`);
    return outcome.value.result;
  });
  return (key: string) => counts.reduce((sum, result) => sum + (result[key] ?? 0), 0);
}

const effects = (): Promise<JobEffects> => jobEffects(database.db, workedAt, seededAt);
const NO_DUPLICATES = { duplicateTransitions: 0, duplicateReminders: 0, duplicateEmails: 0, duplicateDeliveries: 0 };

describe('every job triggered twice at once does each piece of work once', () => {
  it('allocates each backorder once', async () => {
    const total = await runTwiceAtOnce('process-backorders', 'orders', 2);
    expect(total('allocated')).toBe(work.backordered);
    expect(await effects()).toMatchObject({ allocated: work.backordered, ...NO_DUPLICATES });
  });

  it('releases each confirmed order once', async () => {
    const total = await runTwiceAtOnce('release-to-fulfillment', 'orders', 2);
    // The backorders allocated above are confirmed too.
    expect(total('released')).toBe(work.confirmed + work.backordered);
    expect(await effects()).toMatchObject({ released: work.confirmed + work.backordered, ...NO_DUPLICATES });
  });

  it('captures each shipped card order once', async () => {
    const total = await runTwiceAtOnce('balance-payments', 'orders', 2);
    expect(total('captured')).toBe(work.shipped);
    expect(await effects()).toMatchObject({ deposited: work.shipped, ...NO_DUPLICATES });
  });

  it('reminds each authorizer once', async () => {
    // The run holding the reminders' lease waits on its claims; the other finds the lease taken.
    const total = await runTwiceAtOnce('authorization-reminders', 'authorizer_reminders', 1);
    expect(total('authorizersReminded')).toBe(work.authorizersDue);
    expect(await effects()).toMatchObject({ reminders: work.authorizersDue, ...NO_DUPLICATES });
  });

  it('delivers each queued email once', async () => {
    const before = await effects();
    expect(before.emailsPending).toBeGreaterThan(0);
    let sent = 0;
    // The dispatcher sends at most 25 a run; go on until the outbox is empty.
    for (let round = 0; round < 20 && (await effects()).emailsPending > 0; round++) {
      sent += (await runTwiceAtOnce('dispatch-email', 'email_outbox', 2))('sent');
    }
    const after = await effects();
    expect(after).toMatchObject({ emailsPending: 0, emailsDelivered: after.emailsQueued, ...NO_DUPLICATES });
    expect(sent).toBe(after.emailsQueued);
  });
});
