import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { inventory, orderAllocations, orderLines } from '@/db/schema';
import { planAllocation } from '@/server/domain/orders/allocation';

/**
 * Allocates an order's lines against available-to-promise, all or nothing. The inventory rows are
 * locked in one fixed order (product, center), so two orders racing for the last unit queue on
 * the same row: the first takes it, the second sees it gone. Returns the SKUs short, if any.
 */
export async function allocateOrder(tx: Executor, orderId: string): Promise<{ kind: 'allocated' } | { kind: 'short'; shortSkus: string[] }> {
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNumber));
  const productIds = lines.map((line) => line.productId);
  const stock = await tx
    .select()
    .from(inventory)
    .where(inArray(inventory.productId, productIds))
    .orderBy(asc(inventory.productId), asc(inventory.fulfillmentCenterId))
    .for('update');
  const plan = planAllocation(
    lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    stock.map((row) => ({ productId: row.productId, centerId: row.fulfillmentCenterId, available: row.onHand - row.allocated })),
  );
  if (plan.kind === 'short') return { kind: 'short', shortSkus: lines.filter((line) => plan.shortProductIds.includes(line.productId)).map((line) => line.sku) };

  const lineOf = new Map(lines.map((line) => [line.productId, line.id]));
  for (const allocation of plan.allocations) {
    await tx
      .update(inventory)
      .set({ allocated: sql`${inventory.allocated} + ${allocation.quantity}`, version: sql`${inventory.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(inventory.productId, allocation.productId), eq(inventory.fulfillmentCenterId, allocation.centerId)));
  }
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
  for (const row of held) {
    await tx
      .update(inventory)
      .set({ allocated: sql`${inventory.allocated} - ${row.quantity}`, version: sql`${inventory.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(inventory.productId, row.productId), eq(inventory.fulfillmentCenterId, row.centerId)));
  }
  await tx.delete(orderAllocations).where(eq(orderAllocations.orderId, orderId));
}
