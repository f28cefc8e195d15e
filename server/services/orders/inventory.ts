import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { inventory, orderAllocations, orderLines } from '@/db/schema';
import { planAllocation } from '@/server/domain/orders/allocation';

/**
 * Locks the stock rows of these products in one fixed order (product, center) — every writer of
 * inventory takes its locks this way, so two of them never wait on each other in a circle.
 */
export async function lockInventory(tx: Executor, productIds: readonly string[]) {
  if (productIds.length === 0) return [];
  return tx
    .select()
    .from(inventory)
    .where(inArray(inventory.productId, [...productIds]))
    .orderBy(asc(inventory.productId), asc(inventory.fulfillmentCenterId))
    .for('update');
}

/** Adds to (or, negative, takes from) the allocated units of locked stock rows, in one statement. */
async function adjustAllocated(tx: Executor, changes: readonly { productId: string; centerId: string; quantity: number }[]) {
  if (changes.length === 0) return;
  const rows = sql.join(
    changes.map((change) => sql`(${change.productId}::uuid, ${change.centerId}::uuid, ${change.quantity}::int)`),
    sql`, `,
  );
  await tx.execute(sql`
    update inventory set allocated = inventory.allocated + change.quantity, version = inventory.version + 1, updated_at = now()
    from (values ${rows}) as change(product_id, center_id, quantity)
    where inventory.product_id = change.product_id and inventory.fulfillment_center_id = change.center_id`);
}

/**
 * Allocates an order's lines against available-to-promise, all or nothing. The inventory rows are
 * locked in one fixed order (product, center), so two orders racing for the last unit queue on
 * the same row: the first takes it, the second sees it gone. Returns the SKUs short, if any.
 */
export async function allocateOrder(tx: Executor, orderId: string): Promise<{ kind: 'allocated' } | { kind: 'short'; shortSkus: string[] }> {
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNumber));
  const productIds = lines.map((line) => line.productId);
  const stock = await lockInventory(tx, productIds);
  const plan = planAllocation(
    lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    stock.map((row) => ({ productId: row.productId, centerId: row.fulfillmentCenterId, available: row.onHand - row.allocated })),
  );
  if (plan.kind === 'short') return { kind: 'short', shortSkus: lines.filter((line) => plan.shortProductIds.includes(line.productId)).map((line) => line.sku) };

  const lineOf = new Map(lines.map((line) => [line.productId, line.id]));
  await adjustAllocated(tx, plan.allocations);
  await tx.insert(orderAllocations).values(
    plan.allocations.map((allocation) => ({ orderId, orderLineId: lineOf.get(allocation.productId) ?? '', fulfillmentCenterId: allocation.centerId, quantity: allocation.quantity })),
  );
  return { kind: 'allocated' };
}

/** Gives an order's allocated units back to available-to-promise (cancel, or a reversed approval). */
export async function releaseAllocations(tx: Executor, orderId: string): Promise<void> {
  const held = await tx
    .select({ productId: orderLines.productId, centerId: orderAllocations.fulfillmentCenterId, quantity: orderAllocations.quantity })
    .from(orderAllocations)
    .innerJoin(orderLines, eq(orderLines.id, orderAllocations.orderLineId))
    .where(eq(orderAllocations.orderId, orderId))
    .orderBy(asc(orderLines.productId), asc(orderAllocations.fulfillmentCenterId));
  await lockInventory(tx, held.map((row) => row.productId));
  await adjustAllocated(tx, held.map((row) => ({ ...row, quantity: -row.quantity })));
  await tx.delete(orderAllocations).where(eq(orderAllocations.orderId, orderId));
}
