import { historyListSchema } from '@/server/schemas/members';
import { organizationHistory } from '@/server/services/audit/audit-history';
import { buyerProcedure, router } from '../init';

/** Who changed what in the organization: for every kind of administrator. */
export const auditHistoryRouter = router({
  list: buyerProcedure
    .meta({ permission: ['org.users.manage', 'org.units.manage', 'org.roles.manage', 'org.approvals.manage'] })
    .input(historyListSchema)
    .query(({ ctx, input }) => organizationHistory(ctx.db, ctx.actor, input)),
});
