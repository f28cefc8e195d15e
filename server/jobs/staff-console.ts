import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { emailOutbox, jobRuns } from '@/db/schema';
import { notFound } from '@/server/domain/errors';
import { runRecordedJob } from '@/server/jobs/run-job';
import { findJob, JOB_SCHEDULE } from '@/server/jobs/schedule';

/** The schedule with each job's latest runs, for the staff "Jobs" page. */
export async function jobsOverview(db: Database) {
  const runs = await db.select().from(jobRuns).orderBy(desc(jobRuns.startedAt)).limit(50);
  return JOB_SCHEDULE.map((job) => ({
    name: job.name,
    cron: job.cron,
    description: job.description,
    runs: runs.filter((run) => run.job === job.name).slice(0, 10),
  }));
}

export async function runJobNow(db: Database, name: string, now: Date) {
  const job = findJob(name);
  if (!job) throw notFound('That job');
  return runRecordedJob(db, job, 'manual', now);
}

/** Emails still waiting or given up on, newest first: what staff need to look at. */
export async function outboxProblems(db: Database, filter: { failedOnly?: boolean } = {}) {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.status, filter.failedOnly ? ['failed'] : ['pending', 'sending', 'failed']))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(50);
}

export async function retryEmail(db: Database, id: string, now: Date) {
  const [row] = await db
    .update(emailOutbox)
    .set({ status: 'pending', nextAttemptAt: now, attempts: 0 })
    .where(eq(emailOutbox.id, id))
    .returning({ id: emailOutbox.id });
  if (!row) throw notFound('That email');
}
