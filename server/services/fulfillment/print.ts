import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { fulfillmentCenters, orderAllocations, orders, organizations, users } from '@/db/schema';
import { aggregatePickLines } from '@/server/domain/fulfillment/pick-ticket';
import { DomainError } from '@/server/domain/errors';
import type { PackingSlipInput } from '@/server/schemas/fulfillment';
import { batchByNumber, batchOrders } from './batches';
import { batchOfOrderAt, centerById, lineFiguresAt } from './shared';

/** There are no bin locations: the center is the location, and SKU order is the walk order. */
export const NO_BIN_LOCATIONS_NOTE =
  'Location: the whole center. Bin locations are not recorded, so items are listed by SKU.';

/**
 * The pick ticket of a batch: every SKU to pick at its center across the batch's orders, with the
 * total and the split per order, sorted by SKU. Quantities are what each order has allocated there.
 */
export async function pickTicket(db: Executor, batchNumber: number) {
  const batch = await batchByNumber(db, batchNumber);
  const batchOrderRows = await batchOrders(db, batch.id);
  const figures = await lineFiguresAt(
    db,
    batch.center.id,
    batchOrderRows.map((order) => order.id),
  );
  const numberOf = new Map(batchOrderRows.map((order) => [order.id, order.number]));
  const items = aggregatePickLines(
    figures.map((line) => ({
      orderNumber: numberOf.get(line.orderId) ?? '',
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      quantity: line.allocated,
    })),
  );
  return {
    batchNumber: batch.number,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    center: { id: batch.center.id, code: batch.center.code, name: batch.center.name },
    location: NO_BIN_LOCATIONS_NOTE,
    orders: batchOrderRows.map((order) => ({
      number: order.number,
      organizationName: order.organizationName,
      shipToCity: order.shipTo.city,
    })),
    items,
    totalUnits: items.reduce((sum, item) => sum + item.totalQuantity, 0),
  };
}

/** Orders a packing slip can be printed for: released, and (for a reprint) shipped or paid. */
const SLIP_STATUSES = ['released', 'shipped', 'deposited'] as const;

/**
 * The packing slip of an order's part at one center: ship-to, order number, PO, date, shipping
 * method and the lines with the quantities shipping from that center. It never carries a price.
 * Each line carries its order line's id, which packing it takes.
 */
export async function packingSlip(db: Executor, input: PackingSlipInput) {
  const center = await centerById(db, input.centerId);
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      poNumber: orders.poNumber,
      submittedAt: orders.submittedAt,
      shipTo: orders.shipTo,
      shippingMethodName: orders.shippingMethodName,
      buyerNote: orders.buyerNote,
      organizationName: organizations.name,
      requesterName: users.name,
    })
    .from(orders)
    .innerJoin(organizations, eq(organizations.id, orders.organizationId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.number, input.orderNumber));
  if (!order || !(SLIP_STATUSES as readonly string[]).includes(order.status)) {
    throw new DomainError(
      'not_found',
      `Order ${input.orderNumber} is not released to fulfillment, so it has no packing slip.`,
    );
  }
  const [figures, batch, otherCenters] = await Promise.all([
    lineFiguresAt(db, center.id, [order.id]),
    batchOfOrderAt(db, order.id, center.id),
    db
      .selectDistinct({ code: fulfillmentCenters.code, name: fulfillmentCenters.name })
      .from(orderAllocations)
      .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, orderAllocations.fulfillmentCenterId))
      .where(and(eq(orderAllocations.orderId, order.id), ne(orderAllocations.fulfillmentCenterId, center.id)))
      .orderBy(asc(fulfillmentCenters.code)),
  ]);
  if (figures.length === 0)
    throw new DomainError('not_found', `Order ${order.number} has nothing to ship from ${center.code}.`);
  const { id: _id, status: _status, ...slip } = order;
  return {
    ...slip,
    center: { id: center.id, code: center.code, name: center.name },
    batchNumber: batch?.number ?? null,
    lines: figures.map((line) => ({
      orderLineId: line.orderLineId,
      lineNumber: line.lineNumber,
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      ordered: line.ordered,
      quantity: line.allocated,
    })),
    otherCenters,
  };
}
