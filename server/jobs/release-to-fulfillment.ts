import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { fulfillmentCenters, orderAllocations, orders } from '@/db/schema';
import { moveOrder } from '@/server/services/orders/transition';
import type { Job } from './types';

/** A run stops after this many orders; the next run (minutes later) goes on with the rest. */
const MAX_ORDERS_PER_RUN = 1_000;

/** The centers an order's stock was allocated at: where its picking happens. */
async function centersOf(tx: Executor, orderId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ code: fulfillmentCenters.code })
    .from(orderAllocations)
    .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, orderAllocations.fulfillmentCenterId))
    .where(eq(orderAllocations.orderId, orderId))
    .orderBy(asc(fulfillmentCenters.code));
  return rows.map((row) => row.code);
}

/**
 * Moves confirmed (payment_authorized) orders to released, oldest first, so the fulfillment
 * centers holding their stock can pick them. Each order is taken with FOR UPDATE SKIP LOCKED in a
 * transaction of its own: two overlapping runs share the work and never release an order twice,
 * and an order someone is canceling right now is simply left for the next run.
 */
export const releaseToFulfillmentJob: Job = async ({ db, now }) => {
  let released = 0;
  while (released < MAX_ORDERS_PER_RUN) {
    const done = await db.transaction(async (tx) => {
      const [order] = await tx
        .select()
        .from(orders)
        .where(eq(orders.status, 'payment_authorized'))
        .orderBy(asc(orders.submittedAt), asc(orders.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!order) return false;
      const centers = await centersOf(tx, order.id);
      const at = centers.length > 0 ? ` at ${centers.join(', ')}` : '';
      await moveOrder(
        tx,
        order,
        'release',
        { now, actorUserId: null, message: `Released to fulfillment${at}.`, data: { centers } },
        { releasedAt: now },
      );
      return true;
    });
    if (!done) break;
    released++;
  }
  return { released };
};
