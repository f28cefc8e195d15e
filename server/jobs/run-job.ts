import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jobRuns } from '@/db/schema';
import { observeJob } from '@/server/observability/work';
import type { ScheduledJob } from './schedule';

export type JobTrigger = 'cron' | 'scheduler' | 'manual';

/** Runs a job and records the run in job_runs, whether it succeeds or throws (and logs, counts and traces it). */
export function runRecordedJob(db: Database, job: ScheduledJob, trigger: JobTrigger, now: Date) {
  return observeJob(job.name, trigger, () => recordRun(db, job, trigger, now));
}

async function recordRun(db: Database, job: ScheduledJob, trigger: JobTrigger, now: Date) {
  const [run] = await db
    .insert(jobRuns)
    .values({ job: job.name, trigger, startedAt: now })
    .returning({ id: jobRuns.id });
  if (!run) throw new Error('could not record the job run');
  try {
    const result = await job.run({ db, now });
    await db.update(jobRuns).set({ status: 'succeeded', finishedAt: new Date(), result }).where(eq(jobRuns.id, run.id));
    return { runId: run.id, status: 'succeeded' as const, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(jobRuns)
      .set({ status: 'failed', finishedAt: new Date(), error: message.slice(0, 4000) })
      .where(eq(jobRuns.id, run.id));
    return { runId: run.id, status: 'failed' as const, error: message };
  }
}
