import { setDelegationSchema } from '@/server/schemas/delegations';
import {
  clearDelegation,
  currentDelegation,
  delegateOptions,
  setDelegation,
} from '@/server/services/approvals/delegations';
import { buyerProcedure, router } from '../init';

const authorize = buyerProcedure.meta({ permission: 'orders.approve' });

/** Out of office: an authorizer's stand-in for a range of days. */
export const delegationsRouter = router({
  get: authorize.query(({ ctx }) => currentDelegation(ctx.db, ctx.actor, ctx.now())),
  options: authorize.query(({ ctx }) => delegateOptions(ctx.db, ctx.actor)),
  set: authorize
    .input(setDelegationSchema)
    .mutation(({ ctx, input }) => setDelegation(ctx.db, ctx.actor, input, ctx.now())),
  clear: authorize.mutation(({ ctx }) => clearDelegation(ctx.db, ctx.actor)),
});
