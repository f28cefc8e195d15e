import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { fulfillmentCenters, orderAllocations, orderLines, orders, pickBatches, pickBatchOrders } from '@/db/schema';
import { DomainError, notFound } from '@/server/domain/errors';

export type Center = typeof fulfillmentCenters.$inferSelect;

/** A fulfillment center by id; not found with a plain message otherwise. */
export async function centerById(db: Executor, centerId: string): Promise<Center> {
  const [center] = await db.select().from(fulfillmentCenters).where(eq(fulfillmentCenters.id, centerId));
  if (!center) throw notFound('That fulfillment center');
  return center;
}

/** The order's id by its number, refused with the number named when there is none. */
export async function orderIdByNumber(db: Executor, number: string): Promise<string> {
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
  if (!order) throw new DomainError('not_found', `Order ${number} was not found.`);
  return order.id;
}

/**
 * Units of an allocation's line packed at its center: in any package, or only in shipped ones.
 * Columns of the outer query are written qualified: drizzle leaves them bare in a one-table select.
 */
function packedAtCenter(shippedOnly: boolean): SQL<number> {
  return sql<number>`(select coalesce(sum(pl.quantity), 0)::int from package_lines pl join packages p on p.id = pl.package_id
    where pl.order_line_id = order_allocations.order_line_id and p.fulfillment_center_id = order_allocations.fulfillment_center_id
    ${shippedOnly ? sql`and p.status = 'shipped'` : sql``})`;
}

/**
 * Each line of the orders that is allocated at the center, with how many units are allocated,
 * packed and shipped there. Read after the order's lock when the figures decide something.
 */
export async function lineFiguresAt(db: Executor, centerId: string, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({
      orderId: orderAllocations.orderId,
      orderLineId: orderLines.id,
      lineNumber: orderLines.lineNumber,
      productId: orderLines.productId,
      sku: orderLines.sku,
      name: orderLines.name,
      unit: orderLines.unit,
      ordered: orderLines.quantity,
      allocated: orderAllocations.quantity,
      packed: packedAtCenter(false),
      shipped: packedAtCenter(true),
    })
    .from(orderAllocations)
    .innerJoin(orderLines, eq(orderLines.id, orderAllocations.orderLineId))
    .where(and(eq(orderAllocations.fulfillmentCenterId, centerId), inArray(orderAllocations.orderId, [...orderIds])))
    .orderBy(asc(orderAllocations.orderId), asc(orderLines.lineNumber));
}

export type LineFigures = Awaited<ReturnType<typeof lineFiguresAt>>[number];

/** The pick batch that holds the order's part at the center, if any. */
export async function batchOfOrderAt(db: Executor, orderId: string, centerId: string) {
  const [row] = await db
    .select({ id: pickBatches.id, number: pickBatches.number })
    .from(pickBatchOrders)
    .innerJoin(pickBatches, eq(pickBatches.id, pickBatchOrders.pickBatchId))
    .where(and(eq(pickBatchOrders.orderId, orderId), eq(pickBatchOrders.fulfillmentCenterId, centerId)));
  return row ?? null;
}

/**
 * True for the pick_batches row of the query when some order part in it is not yet shipped in
 * full at its center: the batch is still being worked.
 */
export function batchIsOpen(): SQL<boolean> {
  return sql<boolean>`exists (
    select 1 from pick_batch_orders pbo
    join order_allocations a on a.order_id = pbo.order_id and a.fulfillment_center_id = pbo.fulfillment_center_id
    where pbo.pick_batch_id = pick_batches.id
      and a.quantity > (select coalesce(sum(pl.quantity), 0) from package_lines pl join packages p on p.id = pl.package_id
        where pl.order_line_id = a.order_line_id and p.fulfillment_center_id = a.fulfillment_center_id and p.status = 'shipped'))`;
}

/** Released orders with something allocated at the center and no pick batch there yet. */
export function waitingAt(centerId: string): SQL | undefined {
  return and(
    eq(orders.status, 'released'),
    sql`exists (select 1 from order_allocations a where a.order_id = orders.id and a.fulfillment_center_id = ${centerId})`,
    sql`not exists (select 1 from pick_batch_orders pbo where pbo.order_id = orders.id and pbo.fulfillment_center_id = ${centerId})`,
  );
}
