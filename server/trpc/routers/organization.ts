import { unitInput } from '@/server/schemas/session';
import { getUnit, organizationOverview } from '@/server/services/organizations/overview';
import { orgProcedure, router } from '../init';

export const organizationRouter = router({
  current: orgProcedure.query(({ ctx }) => organizationOverview(ctx.db, ctx.actor)),
  unit: orgProcedure.input(unitInput).query(({ ctx, input }) => getUnit(ctx.db, ctx.actor, input.unitId)),
});
