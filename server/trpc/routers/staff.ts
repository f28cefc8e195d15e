import { idField } from '@/server/schemas/common';
import { runJobSchema } from '@/server/schemas/session';
import { jobsOverview, outboxProblems, retryEmail, runJobNow } from '@/server/jobs/staff-console';
import { staffQueueCounts } from '@/server/services/staff/queue-counts';
import { staffOverview } from '@/server/services/insights/staff';
import { z } from 'zod';
import { reportDbOf } from '../context';
import { router, staffProcedure } from '../init';

const systemProcedure = staffProcedure.meta({ permission: 'staff.system.view' });

export const staffRouter = router({
  jobs: systemProcedure.query(({ ctx }) => jobsOverview(ctx.db)),
  runJob: systemProcedure.input(runJobSchema).mutation(({ ctx, input }) => runJobNow(ctx.db, input.name, ctx.now())),
  outbox: systemProcedure
    .input(z.object({ failedOnly: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => outboxProblems(ctx.db, input)),
  /** Each staff queue's count for the dashboard; each is gated by its own permission in the service. */
  queueCounts: staffProcedure.query(({ ctx }) => staffQueueCounts(ctx.db, ctx.actor)),
  /** The operations overview's charts, from the report database. */
  overview: staffProcedure
    .meta({ permission: 'staff.orders.view' })
    .query(({ ctx }) => staffOverview(reportDbOf(ctx), ctx.actor, ctx.now())),
  retryEmail: systemProcedure
    .input(z.object({ id: idField }))
    .mutation(({ ctx, input }) => retryEmail(ctx.db, input.id, ctx.now())),
});
