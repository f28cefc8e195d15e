import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderByNumber } from '@/db/queries/orders';
import { orderLines, products } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, notFound } from '@/server/domain/errors';
import { cancelRefusal, mayReorder } from '@/server/domain/orders/order-access';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import type { CancelOrderInput } from '@/server/schemas/order-history';
import { afterCommitSendVoids } from '../payments/voids';
import { cancelLockedOrder } from './cancel';
import { withUnitsInReach } from './history';
import { refillCart } from './refill-cart';
import { lockOrder } from './transition';

/**
 * A buyer cancels an order: the requester, or an authorizer whose reach covers it, while the state
 * machine allows (before release). Under the order's lock, in one transaction with the stock
 * released, the card's void queued (sent after the commit) and the requester emailed.
 */
export async function cancelOrderAsMember(db: Database, actor: Actor, input: CancelOrderInput, now: Date) {
  const committed = db.transaction(async (tx) => {
    const found = await orderByNumber(tx, actor.organizationId, input.number);
    if (!found) throw notFound('That order');
    const order = await lockOrder(tx, found.id);
    const refusal = cancelRefusal(await withUnitsInReach(tx, actor), order);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const canceled = await cancelLockedOrder(tx, order, actor, input.reason || null, now);
    return { number: canceled.number, status: canceled.status, statusLabel: ORDER_STATUS_LABELS[canceled.status] };
  });
  return afterCommitSendVoids(db, now, committed);
}

/**
 * Puts an order the member can see back into their own cart, at today's prices: products still
 * sold are added (through the cart's limits); the others are reported as left out.
 */
export async function reorderIntoCart(db: Database, actor: Actor, number: string, now: Date) {
  const order = await orderByNumber(db, actor.organizationId, number);
  if (!order || !mayReorder(await withUnitsInReach(db, actor), order)) throw notFound('That order');
  const lines = await db
    .select({
      productId: orderLines.productId,
      sku: orderLines.sku,
      name: orderLines.name,
      quantity: orderLines.quantity,
      active: products.active,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.lineNumber));
  return { number: order.number, ...(await refillCart(db, actor, lines, now)) };
}
