import { orderNumberSchema } from '@/server/schemas/orders';
import { cancelOrderSchema, orderListSchema, statementSchema } from '@/server/schemas/order-history';
import { getOrder, listOrders } from '@/server/services/orders/history';
import { cancelOrderAsMember, reorderIntoCart } from '@/server/services/orders/member-actions';
import { accountStatement } from '@/server/services/orders/statement';
import { buyerProcedure, router } from '../init';

/** The buyer's orders: history, one order, cancel, reorder, and the account's statement. */
export const ordersRouter = router({
  list: buyerProcedure
    .meta({ permission: 'orders.view' })
    .input(orderListSchema)
    .query(({ ctx, input }) => listOrders(ctx.db, ctx.actor, input)),
  get: buyerProcedure
    .meta({ permission: 'orders.view' })
    .input(orderNumberSchema)
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.actor, input.number)),
  cancel: buyerProcedure
    .meta({ permission: ['orders.place', 'orders.approve'] })
    .input(cancelOrderSchema)
    .mutation(({ ctx, input }) => cancelOrderAsMember(ctx.db, ctx.actor, input, ctx.now())),
  reorder: buyerProcedure
    .meta({ permission: 'orders.place' })
    .input(orderNumberSchema)
    .mutation(({ ctx, input }) => reorderIntoCart(ctx.db, ctx.actor, input.number, ctx.now())),
  // Also needs 'orders.view' over the whole organization, which the service checks (meta lists any-of only).
  statement: buyerProcedure
    .meta({ permission: 'prices.view' })
    .input(statementSchema)
    .query(({ ctx, input }) => accountStatement(ctx.db, ctx.actor, input)),
});
