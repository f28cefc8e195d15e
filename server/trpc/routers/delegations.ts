import { setDelegationSchema } from '@/server/schemas/delegations';
import {
  clearDelegation,
  currentDelegation,
  delegateOptions,
  setDelegation,
  type Delegator,
} from '@/server/services/approvals/delegations';
import { buyerProcedure, router } from '../init';

const authorize = buyerProcedure.meta({ permission: 'orders.approve' });

const delegatorOf = (ctx: { membership: { id: string }; organizationId: string }): Delegator => ({
  membershipId: ctx.membership.id,
  organizationId: ctx.organizationId,
});

/** Out of office: an authorizer's stand-in for a range of days. */
export const delegationsRouter = router({
  get: authorize.query(({ ctx }) => currentDelegation(ctx.db, ctx.membership.id, ctx.now())),
  options: authorize.query(({ ctx }) => delegateOptions(ctx.db, delegatorOf(ctx))),
  set: authorize
    .input(setDelegationSchema)
    .mutation(({ ctx, input }) => setDelegation(ctx.db, delegatorOf(ctx), input, ctx.now())),
  clear: authorize.mutation(({ ctx }) => clearDelegation(ctx.db, delegatorOf(ctx))),
});
