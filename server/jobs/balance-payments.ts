import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { captureLockedOrder } from '@/server/services/orders/capture';
import type { Job } from './types';

/** A run stops after this many orders; the next run goes on with the rest. */
const MAX_ORDERS_PER_RUN = 1_000;

/**
 * Takes the payment of shipped orders and marks them deposited: cards captured, bill-me invoiced,
 * cash on delivery recorded. A failed capture stays shipped and is tried again by a later run once
 * its back-off has passed (never again in the same run: its next try lies after `now`).
 *
 * Each order is taken with FOR UPDATE SKIP LOCKED in its own transaction and keeps its lock across
 * the one provider call, so two overlapping runs never capture the same order twice.
 */
export const balancePaymentsJob: Job = async ({ db, now }) => {
  const counts = { captured: 0, invoiced: 0, collected: 0, failed: 0 };
  for (let handled = 0; handled < MAX_ORDERS_PER_RUN; handled++) {
    const outcome = await db.transaction(async (tx) => {
      const [order] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.status, 'shipped'), or(isNull(orders.captureNextAt), lte(orders.captureNextAt, now))))
        .orderBy(asc(orders.submittedAt), asc(orders.id))
        .limit(1)
        .for('update', { skipLocked: true });
      return order ? (await captureLockedOrder(tx, order, now, null)).kind : null;
    });
    if (!outcome) break;
    counts[outcome]++;
  }
  return counts;
};
