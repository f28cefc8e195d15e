import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { inventory, orderAllocations, orderLines, type OrderLine } from '@/db/schema';
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

type StockChange = { productId: string; centerId: string; quantity: number };

/** The statement that adds to (or, negative, takes from) the allocated units of locked stock rows. */
function adjustAllocatedSql(changes: readonly StockChange[]) {
  const rows = sql.join(
    changes.map((change) => sql`(${change.productId}::uuid, ${change.centerId}::uuid, ${change.quantity}::int)`),
    sql`, `,
  );
  return sql`
    update inventory set allocated = inventory.allocated + change.quantity, version = inventory.version + 1, updated_at = now()
    from (values ${rows}) as change(product_id, center_id, quantity)
    where inventory.product_id = change.product_id and inventory.fulfillment_center_id = change.center_id`;
}

async function adjustAllocated(tx: Executor, changes: readonly StockChange[]) {
  if (changes.length > 0) await tx.execute(adjustAllocatedSql(changes));
}

/** An order line as allocation needs it; a caller that has just written the lines passes them in. */
export type AllocationLine = Pick<OrderLine, 'id' | 'productId' | 'sku' | 'quantity'>;

/**
 * Allocates an order's lines against available-to-promise, all or nothing. The inventory rows are
 * locked in one fixed order (product, center), so two orders racing for the last unit queue on
 * the same row: the first takes it, the second sees it gone. Returns the SKUs short, if any.
 */
export async function allocateOrder(
  tx: Executor,
  orderId: string,
  knownLines?: readonly AllocationLine[],
): Promise<{ kind: 'allocated' } | { kind: 'short'; shortSkus: string[] }> {
  const lines =
    knownLines ??
    (await tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNumber)));
  const productIds = lines.map((line) => line.productId);
  const stock = await lockInventory(tx, productIds);
  const plan = planAllocation(
    lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    stock.map((row) => ({
      productId: row.productId,
      centerId: row.fulfillmentCenterId,
      available: row.onHand - row.allocated,
    })),
  );
  if (plan.kind === 'short')
    return {
      kind: 'short',
      shortSkus: lines.filter((line) => plan.shortProductIds.includes(line.productId)).map((line) => line.sku),
    };
  if (plan.allocations.length === 0) return { kind: 'allocated' };

  // The stock rows and the order's allocations change together, in one statement.
  const lineOf = new Map(lines.map((line) => [line.productId, line.id]));
  const allocations = sql.join(
    plan.allocations.map(
      (allocation) =>
        sql`(${orderId}::uuid, ${lineOf.get(allocation.productId) ?? ''}::uuid, ${allocation.centerId}::uuid, ${allocation.quantity}::int)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    with adjusted as (${adjustAllocatedSql(plan.allocations)})
    insert into order_allocations (order_id, order_line_id, fulfillment_center_id, quantity) values ${allocations}`);
  return { kind: 'allocated' };
}

/** Gives an order's allocated units back to available-to-promise (cancel, or a reversed approval). */
export async function releaseAllocations(tx: Executor, orderId: string): Promise<void> {
  const held = await tx
    .select({
      productId: orderLines.productId,
      centerId: orderAllocations.fulfillmentCenterId,
      quantity: orderAllocations.quantity,
    })
    .from(orderAllocations)
    .innerJoin(orderLines, eq(orderLines.id, orderAllocations.orderLineId))
    .where(eq(orderAllocations.orderId, orderId))
    .orderBy(asc(orderLines.productId), asc(orderAllocations.fulfillmentCenterId));
  await lockInventory(
    tx,
    held.map((row) => row.productId),
  );
  await adjustAllocated(
    tx,
    held.map((row) => ({ ...row, quantity: -row.quantity })),
  );
  await tx.delete(orderAllocations).where(eq(orderAllocations.orderId, orderId));
}
