import {
  paymentQueueSchema,
  rejectPaymentSchema,
  staffCancelOrderSchema,
  staffOrderListSchema,
  staffOrderNumberSchema,
} from '@/server/schemas/staff-orders';
import { approvePayment, paymentQueue, rejectPayment } from '@/server/services/orders/payment-review';
import {
  cancelOrderByStaff,
  getStaffOrder,
  listStaffOrders,
  markOrderSettled,
  orderOrganizationOptions,
  retryCapture,
} from '@/server/services/orders/staff-orders';
import { router, staffProcedure } from '../init';

const viewProcedure = staffProcedure.meta({ permission: 'staff.orders.view' });
const manageProcedure = staffProcedure.meta({ permission: 'staff.orders.manage' });
const reviewProcedure = staffProcedure.meta({ permission: 'staff.payments.review' });

/** All orders for staff, the payment review queue, and the staff actions on an order. */
export const staffOrdersRouter = router({
  list: viewProcedure.input(staffOrderListSchema).query(({ ctx, input }) => listStaffOrders(ctx.db, input)),
  organizations: viewProcedure.query(({ ctx }) => orderOrganizationOptions(ctx.db)),
  get: viewProcedure
    .input(staffOrderNumberSchema)
    .query(({ ctx, input }) => getStaffOrder(ctx.db, input.number, ctx.actor)),
  cancel: manageProcedure
    .input(staffCancelOrderSchema)
    .mutation(({ ctx, input }) => cancelOrderByStaff(ctx.db, input, ctx.actor, ctx.now())),
  markSettled: manageProcedure
    .input(staffOrderNumberSchema)
    .mutation(({ ctx, input }) => markOrderSettled(ctx.db, input.number, ctx.actor, ctx.now())),
  retryCapture: manageProcedure
    .input(staffOrderNumberSchema)
    .mutation(({ ctx, input }) => retryCapture(ctx.db, input.number, ctx.actor, ctx.now())),
  paymentQueue: reviewProcedure.input(paymentQueueSchema).query(({ ctx, input }) => paymentQueue(ctx.db, input)),
  approvePayment: reviewProcedure
    .input(staffOrderNumberSchema)
    .mutation(({ ctx, input }) => approvePayment(ctx.db, input.number, ctx.actor, ctx.now())),
  rejectPayment: reviewProcedure
    .input(rejectPaymentSchema)
    .mutation(({ ctx, input }) => rejectPayment(ctx.db, input, ctx.actor, ctx.now())),
});
