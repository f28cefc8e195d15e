import { insightsFilterSchema } from '@/server/schemas/insights';
import { buyerInsights } from '@/server/services/insights/buyer';
import { reportDbOf } from '../context';
import { buyerProcedure, router } from '../init';

/** The buyer administrator's charts, read from the report database (a replica when configured). */
export const insightsRouter = router({
  organization: buyerProcedure
    .meta({ permission: 'insights.view' })
    .input(insightsFilterSchema)
    .query(({ ctx, input }) => buyerInsights(reportDbOf(ctx), ctx.actor, input, ctx.now())),
});
