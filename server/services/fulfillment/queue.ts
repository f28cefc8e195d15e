import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { allCenters } from '@/db/queries/catalog';
import { orderAllocations, orders, organizations, pickBatches } from '@/db/schema';
import type { FulfillmentQueueInput } from '@/server/schemas/fulfillment';
import { batchIsOpen, centerById, waitingAt } from './shared';

/** Every fulfillment center with its released orders waiting for a pick batch and its open batches. */
export async function fulfillmentCenters(db: Executor) {
  const [centers, waiting, open] = await Promise.all([
    allCenters(db),
    db
      .select({
        centerId: orderAllocations.fulfillmentCenterId,
        n: sql<number>`count(distinct order_allocations.order_id)::int`,
      })
      .from(orderAllocations)
      .innerJoin(orders, eq(orders.id, orderAllocations.orderId))
      .where(
        sql`orders.status = 'released' and not exists (select 1 from pick_batch_orders pbo where pbo.order_id = order_allocations.order_id and pbo.fulfillment_center_id = order_allocations.fulfillment_center_id)`,
      )
      .groupBy(orderAllocations.fulfillmentCenterId),
    db
      .select({ centerId: pickBatches.fulfillmentCenterId, n: count() })
      .from(pickBatches)
      .where(batchIsOpen())
      .groupBy(pickBatches.fulfillmentCenterId),
  ]);
  const countOf = (rows: { centerId: string; n: number }[], centerId: string) =>
    rows.find((row) => row.centerId === centerId)?.n ?? 0;
  return centers.map((center) => ({
    id: center.id,
    code: center.code,
    name: center.name,
    waitingOrders: countOf(waiting, center.id),
    openBatches: countOf(open, center.id),
  }));
}

/**
 * A page of the released orders waiting at a center (not yet in a pick batch there), oldest first,
 * with the lines and units to ship from that center, optionally searched by order number or
 * organization. Orders in any other status never appear.
 */
export async function fulfillmentQueue(db: Executor, input: FulfillmentQueueInput) {
  const center = await centerById(db, input.centerId);
  const pattern = input.search ? `%${input.search.replaceAll(/[%_\\]/g, '\\$&')}%` : undefined;
  const where = and(
    waitingAt(center.id),
    pattern ? or(ilike(orders.number, pattern), ilike(organizations.name, pattern)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: orders.id,
        number: orders.number,
        organizationName: organizations.name,
        submittedAt: orders.submittedAt,
        releasedAt: orders.releasedAt,
        shipToCity: sql<string>`orders.ship_to->>'city'`,
        shipToCountry: sql<string>`orders.ship_to->>'country'`,
        shippingMethodName: orders.shippingMethodName,
        linesHere: sql<number>`(select count(*)::int from order_allocations a where a.order_id = orders.id and a.fulfillment_center_id = ${center.id})`,
        itemsHere: sql<number>`(select coalesce(sum(a.quantity), 0)::int from order_allocations a where a.order_id = orders.id and a.fulfillment_center_id = ${center.id})`,
        alsoFromOtherCenters: sql<boolean>`exists (select 1 from order_allocations a where a.order_id = orders.id and a.fulfillment_center_id <> ${center.id})`,
      })
      .from(orders)
      .innerJoin(organizations, eq(organizations.id, orders.organizationId))
      .where(where)
      .orderBy(asc(orders.submittedAt), asc(orders.id))
      .limit(input.pageSize + 1)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count() })
      .from(orders)
      .innerJoin(organizations, eq(organizations.id, orders.organizationId))
      .where(where),
  ]);
  return {
    center: { id: center.id, code: center.code, name: center.name },
    page: input.page,
    total: total?.n ?? 0,
    hasNext: rows.length > input.pageSize,
    rows: rows.slice(0, input.pageSize),
  };
}
