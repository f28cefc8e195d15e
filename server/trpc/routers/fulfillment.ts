import {
  confirmShipmentSchema,
  createPackageSchema,
  createPickBatchSchema,
  fulfillmentQueueSchema,
  packingSlipSchema,
  pickBatchListSchema,
  pickBatchSchema,
  pickTicketSchema,
} from '@/server/schemas/fulfillment';
import { createPickBatch, listPickBatches, pickBatchDetail } from '@/server/services/fulfillment/batches';
import { createPackage } from '@/server/services/fulfillment/packages';
import { packingSlip, pickTicket } from '@/server/services/fulfillment/print';
import { fulfillmentCenters, fulfillmentQueue } from '@/server/services/fulfillment/queue';
import { confirmShipment } from '@/server/services/fulfillment/shipments';
import { router, staffProcedure } from '../init';

const fulfillmentProcedure = staffProcedure.meta({ permission: 'staff.fulfillment.work' });

/** Staff fulfillment: queues per center, pick batches, pick tickets, packing slips, packages and shipments. */
export const fulfillmentRouter = router({
  centers: fulfillmentProcedure.query(({ ctx }) => fulfillmentCenters(ctx.db)),
  queue: fulfillmentProcedure.input(fulfillmentQueueSchema).query(({ ctx, input }) => fulfillmentQueue(ctx.db, input)),
  createPickBatch: fulfillmentProcedure
    .input(createPickBatchSchema)
    .mutation(({ ctx, input }) => createPickBatch(ctx.db, input, ctx.actor, ctx.now())),
  batches: fulfillmentProcedure.input(pickBatchListSchema).query(({ ctx, input }) => listPickBatches(ctx.db, input)),
  batch: fulfillmentProcedure.input(pickBatchSchema).query(({ ctx, input }) => pickBatchDetail(ctx.db, input.number)),
  pickTicket: fulfillmentProcedure
    .input(pickTicketSchema)
    .query(({ ctx, input }) => pickTicket(ctx.db, input.batchNumber)),
  packingSlip: fulfillmentProcedure.input(packingSlipSchema).query(({ ctx, input }) => packingSlip(ctx.db, input)),
  createPackage: fulfillmentProcedure
    .input(createPackageSchema)
    .mutation(({ ctx, input }) => createPackage(ctx.db, input, ctx.actor, ctx.now())),
  confirmShipment: fulfillmentProcedure
    .input(confirmShipmentSchema)
    .mutation(({ ctx, input }) => confirmShipment(ctx.db, input, ctx.actor, ctx.now())),
});
