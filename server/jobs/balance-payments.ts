import { eq, sql } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { captureCard, captureLockedOrder } from '@/server/services/orders/capture';
import { lockOrder } from '@/server/services/orders/transition';
import { sendDueVoids } from '@/server/services/payments/voids';
import type { Job } from './types';

/** A run stops after this many orders; the next run goes on with the rest. */
const MAX_ORDERS_PER_RUN = 1_000;
/** How long a run holds an order it is capturing; a run that died lets go after it. */
const CLAIM_MS = 5 * 60_000;

/**
 * Takes the payment of shipped orders and marks them deposited: cards captured, bill-me invoiced,
 * cash on delivery recorded. A failed capture stays shipped and is tried again by a later run once
 * its back-off has passed (never again in the same run: its next try lies after `now`).
 *
 * The provider is never called inside a transaction. Each order is claimed by one statement that
 * moves its next try a few minutes ahead (FOR UPDATE SKIP LOCKED picks it, so two overlapping runs
 * take different orders), captured with the provider with no lock held, and the outcome recorded
 * in a short transaction under the order's lock. If the process dies after the capture, the claim
 * runs out and a later run asks again for the same attempt, with the same idempotency key, so the
 * provider does not capture twice. Voids of canceled orders that a dead process left queued are
 * sent here too.
 */
export const balancePaymentsJob: Job = async ({ db, now }) => {
  await sendDueVoids(db, now);
  const counts = { captured: 0, invoiced: 0, collected: 0, failed: 0 };
  const due = now.toISOString();
  for (let handled = 0; handled < MAX_ORDERS_PER_RUN; handled++) {
    const [claimed] = await db
      .update(orders)
      .set({ captureNextAt: new Date(now.getTime() + CLAIM_MS) })
      .where(
        eq(
          orders.id,
          sql`(select o.id from orders o where o.status = 'shipped'
            and (o.capture_next_at is null or o.capture_next_at <= ${due}::timestamptz)
            order by o.submitted_at, o.id limit 1 for update skip locked)`,
        ),
      )
      .returning();
    if (!claimed) break;
    const cardError = claimed.paymentMethod === 'card' ? await captureCard(claimed) : null;
    const outcome = await db.transaction(async (tx) => {
      const order = await lockOrder(tx, claimed.id);
      // Recorded meanwhile by a staff retry of the same attempt: nothing left to do.
      if (order.status !== 'shipped' || order.captureAttempts !== claimed.captureAttempts) return null;
      return (await captureLockedOrder(tx, order, now, null, cardError)).kind;
    });
    if (outcome) counts[outcome]++;
  }
  return counts;
};
