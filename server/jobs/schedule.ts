import { authorizationRemindersJob } from './authorization-reminders';
import { balancePaymentsJob } from './balance-payments';
import { dispatchEmailJob } from './dispatch-email';
import { dispatchPushJob } from './dispatch-push';
import { processBackordersJob } from './process-backorders';
import { releaseToFulfillmentJob } from './release-to-fulfillment';
import type { Job } from './types';

export type ScheduledJob = { name: string; cron: string; description: string; run: Job };

/**
 * Every scheduled job and when it runs (cron expressions, UTC). A hosting cron calls
 * POST /api/cron/<name> with `Authorization: Bearer $CRON_SECRET`; `npm run dev` runs the same
 * list in-process. The README's job table is this list.
 */
export const JOB_SCHEDULE = [
  {
    name: 'dispatch-email',
    cron: '* * * * *',
    description: 'Send queued emails; retry failed sends with back-off.',
    run: dispatchEmailJob,
  },
  {
    name: 'dispatch-push',
    cron: '* * * * *',
    description:
      'Send queued push notifications; retry failed sends with back-off; forget devices the push service no longer knows.',
    run: dispatchPushJob,
  },
  {
    name: 'process-backorders',
    cron: '*/5 * * * *',
    description:
      'Allocate backordered orders from stock that has arrived, oldest first; orders still short stay backordered.',
    run: processBackordersJob,
  },
  {
    name: 'release-to-fulfillment',
    cron: '1-59/5 * * * *',
    description: 'Release confirmed orders to their fulfillment centers for picking.',
    run: releaseToFulfillmentJob,
  },
  {
    name: 'balance-payments',
    cron: '*/15 * * * *',
    description:
      'Take payment for shipped orders (capture cards, invoice bill-me, record cash on delivery); retry failed captures with back-off.',
    run: balancePaymentsJob,
  },
  {
    name: 'authorization-reminders',
    cron: '7 * * * *',
    description:
      'Remind authorizers of orders waiting for them too long (one email each, at most once per interval); offer steps waiting for days to the account managers.',
    run: authorizationRemindersJob,
  },
] as const satisfies readonly ScheduledJob[];

export type JobName = (typeof JOB_SCHEDULE)[number]['name'];

export function findJob(name: string): ScheduledJob | undefined {
  return JOB_SCHEDULE.find((job) => job.name === name);
}
