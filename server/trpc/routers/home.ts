import { homeOverview } from '@/server/services/home/overview';
import { buyerProcedure, router } from '../init';

/** The buyer's home page: each part as the caller may see it (the service decides, per permission). */
export const homeRouter = router({
  overview: buyerProcedure.query(({ ctx }) => homeOverview(ctx.db, ctx.actor, ctx.now())),
});
