import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orderByNumber } from '@/db/queries/orders';
import { orderLines, products } from '@/db/schema';
import { DomainError, notFound } from '@/server/domain/errors';
import { cancelRefusal, mayReorder } from '@/server/domain/orders/order-access';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import type { CancelOrderInput } from '@/server/schemas/order-history';
import { cancelLockedOrder, type Canceler } from './cancel';
import { orderActor, type OrderReader } from './history';
import { refillCart } from './refill-cart';
import { lockOrder } from './transition';

/**
 * A buyer cancels an order: the requester, or an authorizer whose reach covers it, while the state
 * machine allows (before release). Under the order's lock, in one transaction with the stock
 * released, the card voided and the requester emailed.
 */
export async function cancelOrderAsMember(
  db: Database,
  reader: OrderReader,
  by: Canceler,
  input: CancelOrderInput,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const found = await orderByNumber(tx, reader.organizationId, input.number);
    if (!found) throw notFound('That order');
    const order = await lockOrder(tx, found.id);
    const refusal = cancelRefusal(await orderActor(tx, reader), order);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const canceled = await cancelLockedOrder(tx, order, by, input.reason || null, now);
    return { number: canceled.number, status: canceled.status, statusLabel: ORDER_STATUS_LABELS[canceled.status] };
  });
}

/**
 * Puts an order the member can see back into their own cart, at today's prices: products still
 * sold are added (through the cart's limits); the others are reported as left out.
 */
export async function reorderIntoCart(db: Database, reader: OrderReader, number: string, now: Date) {
  const order = await orderByNumber(db, reader.organizationId, number);
  if (!order || !mayReorder(await orderActor(db, reader), order)) throw notFound('That order');
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
  return { number: order.number, ...(await refillCart(db, reader, lines, now)) };
}
