import { approveSchema, declineSchema } from '@/server/schemas/authorizations';
import { decideOrder, type Decider } from '@/server/services/approvals/decisions';
import type { ActiveMembership } from '@/server/services/viewer';
import { buyerProcedure, router } from '../init';

const authorize = buyerProcedure.meta({ permission: 'orders.approve' });

const deciderOf = (ctx: { membership: ActiveMembership; organizationId: string; viewer: { user: { id: string; name: string } } }): Decider => ({
  membershipId: ctx.membership.id,
  userId: ctx.viewer.user.id,
  name: ctx.viewer.user.name,
  organizationId: ctx.organizationId,
});

/** The authorizations inbox and the decisions taken from it. */
export const authorizationsRouter = router({
  approve: authorize.input(approveSchema).mutation(({ ctx, input }) => decideOrder(ctx.db, deciderOf(ctx), { ...input, approve: true }, ctx.now())),
  decline: authorize.input(declineSchema).mutation(({ ctx, input }) => decideOrder(ctx.db, deciderOf(ctx), { ...input, approve: false }, ctx.now())),
});
