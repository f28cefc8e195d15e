import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { allocateOrBackorder } from '@/server/services/orders/proceed';
import type { Job } from './types';

const PAGE_SIZE = 200;

/** Any constant of our own: the key of the advisory lock that lets one backorder allocate at a time. */
const BACKORDER_LOCK_KEY = 0x0b_ac_c0_de;

/**
 * Allocates backordered orders first-come-first-served (by submit time) now that stock may have
 * arrived. Each order gets its own short transaction: it takes the job's advisory lock, so
 * overlapping runs allocate one order at a time in submit order, then locks the order with SKIP
 * LOCKED (a buyer canceling it right now wins; the next run sees it again).
 *
 * An order that still cannot be allocated in full stays backordered and does NOT block the ones
 * behind it: a small later order may take stock that an older large order is still waiting for.
 * Holding everything back for the oldest order would leave stock idle while other customers wait;
 * the older order keeps its place and is tried first again on every run.
 */
export const processBackordersJob: Job = async ({ db, now }) => {
  const counts = { allocated: 0, stillShort: 0, skipped: 0 };
  let cursor: { submittedAt: Date; id: string } | null = null;
  for (;;) {
    const page: { id: string; submittedAt: Date }[] = await db
      .select({ id: orders.id, submittedAt: orders.submittedAt })
      .from(orders)
      .where(
        and(
          eq(orders.status, 'backordered'),
          cursor
            ? or(
                gt(orders.submittedAt, cursor.submittedAt),
                and(eq(orders.submittedAt, cursor.submittedAt), gt(orders.id, cursor.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(orders.submittedAt), asc(orders.id))
      .limit(PAGE_SIZE);
    for (const candidate of page) {
      const outcome = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${BACKORDER_LOCK_KEY})`);
        const [order] = await tx
          .select()
          .from(orders)
          .where(and(eq(orders.id, candidate.id), eq(orders.status, 'backordered')))
          .for('update', { skipLocked: true });
        if (!order) return 'skipped' as const;
        const after = await allocateOrBackorder(tx, order, now, { emailIfShort: false });
        return after.status === 'backordered' ? ('stillShort' as const) : ('allocated' as const);
      });
      counts[outcome]++;
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) break;
    cursor = last;
  }
  return counts;
};
