import { orderNumberSchema, submitOrderSchema } from '@/server/schemas/orders';
import { resubmitDeclined } from '@/server/services/approvals/resubmit';
import { checkoutOptions, submitOrder } from '@/server/services/orders/checkout';
import { buyerProcedure, router } from '../init';

const checkoutProcedure = buyerProcedure.meta({ permission: 'orders.place' });

/** Checkout: what may be chosen, and the idempotent submit. */
export const checkoutRouter = router({
  options: checkoutProcedure.query(({ ctx }) => checkoutOptions(ctx.db, ctx.actor, ctx.now())),
  /** Submits a declined order of the caller again, as it is. */
  resubmit: checkoutProcedure
    .input(orderNumberSchema)
    .mutation(({ ctx, input }) => resubmitDeclined(ctx.db, ctx.actor, input.number, ctx.now())),
  submit: checkoutProcedure
    .input(submitOrderSchema)
    .mutation(({ ctx, input }) => submitOrder(ctx.db, ctx.actor, input, ctx.now())),
});
