import { orderNumberSchema, submitOrderSchema } from '@/server/schemas/orders';
import { resubmitDeclined } from '@/server/services/approvals/resubmit';
import { checkoutOptions, submitOrder, type Requester } from '@/server/services/orders/checkout';
import type { ActiveMembership } from '@/server/services/identity/viewer';
import { buyerProcedure, router } from '../init';

const checkoutProcedure = buyerProcedure.meta({ permission: 'orders.place' });

export const requesterOf = (ctx: {
  membership: ActiveMembership;
  organizationId: string;
  viewer: { user: { id: string; email: string; name: string } };
}): Requester => ({
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
  /** Submits a declined order of the caller again, as it is. */
  resubmit: checkoutProcedure
    .input(orderNumberSchema)
    .mutation(({ ctx, input }) => resubmitDeclined(ctx.db, requesterOf(ctx), input.number, ctx.now())),
  submit: checkoutProcedure
    .input(submitOrderSchema)
    .mutation(({ ctx, input }) => submitOrder(ctx.db, requesterOf(ctx), input, ctx.now())),
});
