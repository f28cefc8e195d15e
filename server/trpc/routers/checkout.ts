import { submitOrderSchema } from '@/server/schemas/orders';
import { checkoutOptions, submitOrder, type Requester } from '@/server/services/orders/checkout';
import type { ActiveMembership } from '@/server/services/viewer';
import { buyerProcedure, router } from '../init';

const checkoutProcedure = buyerProcedure.meta({ permission: 'orders.place' });

const requesterOf = (ctx: { membership: ActiveMembership; organizationId: string; viewer: { user: { id: string; email: string; name: string } } }): Requester => ({
  membershipId: ctx.membership.id,
  organizationId: ctx.organizationId,
  unitId: ctx.membership.unitId,
  hasLimitedBudget: ctx.membership.flags.hasLimitedBudget,
  userId: ctx.viewer.user.id,
  email: ctx.viewer.user.email,
  name: ctx.viewer.user.name,
  permissions: ctx.membership.permissions,
});

/** Checkout: what may be chosen, and the idempotent submit. */
export const checkoutRouter = router({
  options: checkoutProcedure.query(({ ctx }) => checkoutOptions(ctx.db, requesterOf(ctx), ctx.now())),
  submit: checkoutProcedure.input(submitOrderSchema).mutation(({ ctx, input }) => submitOrder(ctx.db, requesterOf(ctx), input, ctx.now())),
});
