import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Actor } from '@/server/domain/access/actor';
import { STAFF_QUEUES, type StaffQueue } from '@/server/domain/staff/queues';
import { batchIsOpen } from '../fulfillment/shared';

/**
 * Each queue's count as one sub-select, all in one round trip. Each condition is the one its
 * linked list filters by (see STAFF_QUEUES), so a card's number is the number of rows its link shows.
 */
const COUNTS: Record<StaffQueue, ReturnType<typeof sql>> = {
  // organizations_roots_by_status_idx
  registrations: sql`(select count(*)::int from organizations where kind = 'buyer' and parent_id is null and status = 'pending_approval')`,
  // orders_status_idx, for each of the order queues
  paymentReviews: sql`(select count(*)::int from orders where status = 'payment_review')`,
  toRelease: sql`(select count(*)::int from orders where status = 'payment_authorized')`,
  backorders: sql`(select count(*)::int from orders where status = 'backordered')`,
  failedCaptures: sql`(select count(*)::int from orders where status = 'shipped' and payment_status = 'capture_failed')`,
  // In progress: something allocated to the batch has not shipped yet, as the batch list's filter says.
  batchesInProgress: sql`(select count(*)::int from pick_batches where ${batchIsOpen()})`,
  failedEmails: sql`(select count(*)::int from email_outbox where status = 'failed')`,
};

/**
 * How many items wait in each staff queue the caller may work; a queue they may not see is null
 * and is not counted at all.
 */
export async function staffQueueCounts(db: Executor, actor: Pick<Actor, 'permissions'>) {
  const visible = STAFF_QUEUES.filter((queue) => actor.permissions.has(queue.permission));
  const counts: Partial<Record<StaffQueue, number>> = {};
  if (visible.length > 0) {
    const columns = sql.join(
      visible.map((queue) => sql`${COUNTS[queue.key]} as ${sql.identifier(queue.key)}`),
      sql`, `,
    );
    const [row] = await db.execute<Record<StaffQueue, number>>(sql`select ${columns}`);
    for (const queue of visible) counts[queue.key] = Number(row?.[queue.key] ?? 0);
  }
  return STAFF_QUEUES.map((queue) => ({ ...queue, count: counts[queue.key] ?? null }));
}
