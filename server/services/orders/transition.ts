import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orderEvents, orders, type Order } from '@/db/schema';
import { DomainError, notFound } from '@/server/domain/errors';
import { orderTransition, type OrderEvent } from '@/server/domain/orders/state-machine';

/** Every change of an order marks it with the changing transaction, for the ERP feed's cursor. */
export const touchedByThisTransaction = sql<number>`(pg_current_xact_id()::text::bigint)`;

/** The order, locked until the transaction ends: whoever acts on it next sees this one's result. */
export async function lockOrder(tx: Executor, orderId: string): Promise<Order> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
  if (!order) throw notFound('That order');
  return order;
}

export type OrderEventNote = { now: Date; actorUserId: string | null; message: string; data?: Record<string, unknown> };

/** Adds a line to the order's history without changing its status (a package shipped, a capture failed …). */
export async function recordOrderEvent(
  tx: Executor,
  order: Pick<Order, 'id'>,
  kind: string,
  note: OrderEventNote,
): Promise<void> {
  await tx
    .insert(orderEvents)
    .values({
      orderId: order.id,
      at: note.now,
      kind,
      actorUserId: note.actorUserId,
      message: note.message,
      data: note.data ?? {},
    })
    .prepare('insert_order_event')
    .execute();
}

/**
 * Moves a locked order by an event of the state machine, or refuses with the machine's message
 * (a conflict: someone else moved it first). `set` carries the columns that change with it.
 */
export async function moveOrder(
  tx: Executor,
  order: Order,
  event: OrderEvent,
  note: OrderEventNote,
  set: Partial<
    Pick<
      Order,
      | 'paymentStatus'
      | 'paymentReference'
      | 'releasedAt'
      | 'shippedAt'
      | 'depositedAt'
      | 'canceledAt'
      | 'captureAttempts'
      | 'captureError'
      | 'captureNextAt'
    >
  > = {},
): Promise<Order> {
  const transition = orderTransition(order.status, event);
  if (!transition.ok) throw new DomainError('conflict', transition.message);
  const [moved] = await tx
    .update(orders)
    .set({
      ...set,
      status: transition.to,
      version: order.version + 1,
      updatedAt: note.now,
      changeXid: touchedByThisTransaction,
    })
    .where(and(eq(orders.id, order.id), eq(orders.version, order.version)))
    .returning()
    .prepare('move_order')
    .execute();
  if (!moved) throw new DomainError('conflict', 'The order was changed at the same moment. Reload it and try again.');
  await tx.insert(orderEvents).values({
    orderId: order.id,
    at: note.now,
    kind: event,
    fromStatus: order.status,
    toStatus: transition.to,
    actorUserId: note.actorUserId,
    message: note.message,
    data: note.data ?? {},
  });
  return moved;
}
