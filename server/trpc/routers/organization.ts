import { unitInput } from '@/server/schemas/session';
import { getUnit, organizationOverview } from '@/server/services/organizations/overview';
import { administrationCounts } from '@/server/services/organizations/admin-counts';
import { buyerProcedure, orgProcedure, router } from '../init';

export const organizationRouter = router({
  current: orgProcedure.query(({ ctx }) => organizationOverview(ctx.db, ctx.actor)),
  /** The numbers beside the Administration entries; each one only with the permission its page needs. */
  administrationCounts: buyerProcedure
    .meta({
      permission: ['org.users.manage', 'org.units.manage', 'org.roles.manage', 'org.approvals.manage', 'insights.view'],
    })
    .query(({ ctx }) => administrationCounts(ctx.db, ctx.actor)),
  unit: orgProcedure.input(unitInput).query(({ ctx, input }) => getUnit(ctx.db, ctx.actor, input.unitId)),
});
