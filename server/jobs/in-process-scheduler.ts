import { Cron } from 'croner';
import type { Database } from '@/db/client';
import { runRecordedJob } from './run-job';
import { JOB_SCHEDULE } from './schedule';

/**
 * The development scheduler: the same schedule a hosting cron reads, run in-process. `protect`
 * skips a tick while the previous run of that job is still going.
 */
export function startScheduler(db: Database, log: (line: string) => void): () => void {
  const crons = JOB_SCHEDULE.map(
    (job) =>
      new Cron(job.cron, { protect: true, timezone: 'UTC' }, async () => {
        const outcome = await runRecordedJob(db, job, 'scheduler', new Date());
        if (outcome.status === 'failed') log(`job ${job.name} failed: ${outcome.error}`);
      }),
  );
  return () => crons.forEach((cron) => cron.stop());
}
