import { dispatchEmailJob } from './dispatch-email';
import type { Job } from './types';

export type ScheduledJob = { name: string; cron: string; description: string; run: Job };

/**
 * Every scheduled job and when it runs (cron expressions, UTC). A hosting cron calls
 * POST /api/cron/<name> with `Authorization: Bearer $CRON_SECRET`; `npm run dev` runs the same
 * list in-process. The README's job table is this list.
 */
export const JOB_SCHEDULE = [
  { name: 'dispatch-email', cron: '* * * * *', description: 'Send queued emails; retry failed sends with back-off.', run: dispatchEmailJob },
] as const satisfies readonly ScheduledJob[];

export type JobName = (typeof JOB_SCHEDULE)[number]['name'];

export function findJob(name: string): ScheduledJob | undefined {
  return JOB_SCHEDULE.find((job) => job.name === name);
}
