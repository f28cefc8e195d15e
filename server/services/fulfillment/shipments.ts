import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { fulfillmentCenters, inventory, orderLines, orders, packageLines, packages } from '@/db/schema';
import type { Actor } from '@/server/domain/access/actor';
import { DomainError, notFound } from '@/server/domain/errors';
import { applyShipment } from '@/server/domain/fulfillment/shipment';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { formatTimestamp } from '@/server/domain/time';
import { enqueueEmail } from '@/server/email/outbox';
import type { ConfirmShipmentInput } from '@/server/schemas/fulfillment';
import { requesterEmail } from '../orders/notify';
import { lockOrder, moveOrder, recordOrderEvent, touchedByThisTransaction } from '../orders/transition';

/**
 * Confirms that a package left with a carrier, in one transaction: the order and the package are
 * locked; the package is shipped; the order lines' shipped quantities grow; the center's stock
 * loses the units from on hand and allocated; the history and the requester hear of it. When
 * every line has shipped the order becomes shipped. A package is confirmed once.
 */
export async function confirmShipment(db: Database, input: ConfirmShipmentInput, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select({ orderId: packages.orderId })
      .from(packages)
      .where(eq(packages.id, input.packageId));
    if (!known) throw notFound('That package');
    // The order first, then its package, then stock: the same order as packing and allocation.
    const order = await lockOrder(tx, known.orderId);
    const [parcel] = await tx.select().from(packages).where(eq(packages.id, input.packageId)).for('update');
    if (!parcel) throw notFound('That package');
    if (parcel.status === 'shipped') {
      throw new DomainError(
        'conflict',
        `This package was already shipped with ${parcel.carrier ?? 'a carrier'}, tracking ${parcel.trackingNumber ?? '—'}${parcel.shippedAt ? `, at ${formatTimestamp(parcel.shippedAt, actor.timeZone)}` : ''}.`,
      );
    }
    if (order.status !== 'released') {
      throw new DomainError(
        'conflict',
        `Order ${order.number} is ${ORDER_STATUS_LABELS[order.status].toLowerCase()}: only a released order's packages can ship.`,
      );
    }
    const [center] = await tx
      .select()
      .from(fulfillmentCenters)
      .where(eq(fulfillmentCenters.id, parcel.fulfillmentCenterId));
    if (!center) throw notFound('That fulfillment center');

    const lines = await tx
      .select()
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.lineNumber));
    const contents = await tx.select().from(packageLines).where(eq(packageLines.packageId, parcel.id));
    const outcome = applyShipment(
      lines.map((line) => ({
        orderLineId: line.id,
        sku: line.sku,
        quantity: line.quantity,
        shippedQuantity: line.shippedQuantity,
      })),
      contents,
    );
    if (!outcome.ok) throw new DomainError('conflict', outcome.message);

    await tx
      .update(packages)
      .set({
        status: 'shipped',
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        shippedAt: now,
        shippedByUserId: actor.userId,
      })
      .where(eq(packages.id, parcel.id));
    for (const line of outcome.lines.filter((candidate) => candidate.shippingNow > 0)) {
      await tx
        .update(orderLines)
        .set({ shippedQuantity: line.shippedQuantity })
        .where(eq(orderLines.id, line.orderLineId));
    }
    await takeFromStock(tx, center, lines, contents, now);

    const shippedLines = outcome.lines.filter((line) => line.shippingNow > 0);
    const lineOf = new Map(lines.map((line) => [line.id, line]));
    const emailLines = shippedLines.map((line) => ({
      sku: line.sku,
      name: lineOf.get(line.orderLineId)?.name ?? line.sku,
      quantity: line.shippingNow,
    }));
    await recordOrderEvent(tx, order, 'package_shipped', {
      now,
      actorUserId: actor.userId,
      message: `Package shipped with ${input.carrier}, tracking ${input.trackingNumber}.`,
      data: {
        packageId: parcel.id,
        center: center.code,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        lines: emailLines.map(({ sku, quantity }) => ({ sku, quantity })),
      },
    });

    let current = order;
    if (outcome.complete) {
      current = await moveOrder(
        tx,
        order,
        'ship_complete',
        { now, actorUserId: actor.userId, message: 'Shipped: every line of the order has left the warehouse.' },
        { shippedAt: now },
      );
    } else {
      // Shipped quantities changed: the order counts as changed for the ERP feed.
      await tx
        .update(orders)
        .set({ updatedAt: now, changeXid: touchedByThisTransaction })
        .where(eq(orders.id, order.id));
    }

    const { to, base } = await requesterEmail(tx, order);
    await enqueueEmail(tx, {
      kind: 'order-shipped',
      to,
      now,
      props: {
        ...base,
        carrier: input.carrier,
        trackingNumber: input.trackingNumber,
        complete: outcome.complete,
        lines: emailLines,
      },
    });
    return { packageId: parcel.id, orderNumber: order.number, orderStatus: current.status, complete: outcome.complete };
  });
}

/**
 * The shipped units leave the center: on hand and allocated both drop, under the inventory rows'
 * locks taken in (product, center) order like every allocation.
 */
async function takeFromStock(
  tx: Transaction,
  center: { id: string; code: string },
  lines: { id: string; productId: string; sku: string }[],
  contents: { orderLineId: string; quantity: number }[],
  now: Date,
) {
  const lineOf = new Map(lines.map((line) => [line.id, line]));
  const units = new Map<string, { sku: string; quantity: number }>();
  for (const item of contents) {
    const line = lineOf.get(item.orderLineId);
    if (!line) continue;
    const entry = units.get(line.productId) ?? { sku: line.sku, quantity: 0 };
    entry.quantity += item.quantity;
    units.set(line.productId, entry);
  }
  const productIds = [...units.keys()].sort();
  if (productIds.length === 0) return;
  const stock = await tx
    .select()
    .from(inventory)
    .where(and(eq(inventory.fulfillmentCenterId, center.id), inArray(inventory.productId, productIds)))
    .orderBy(asc(inventory.productId), asc(inventory.fulfillmentCenterId))
    .for('update');
  for (const productId of productIds) {
    const need = units.get(productId);
    const row = stock.find((candidate) => candidate.productId === productId);
    if (!need) continue;
    if (!row || row.allocated < need.quantity || row.onHand < need.quantity) {
      throw new DomainError(
        'conflict',
        `The stock of ${need.sku} at ${center.code} does not hold these ${need.quantity} units (${row?.onHand ?? 0} on hand, ${row?.allocated ?? 0} allocated). Check the stock before shipping.`,
      );
    }
    await tx
      .update(inventory)
      .set({
        onHand: sql`${inventory.onHand} - ${need.quantity}`,
        allocated: sql`${inventory.allocated} - ${need.quantity}`,
        version: sql`${inventory.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(inventory.productId, productId), eq(inventory.fulfillmentCenterId, center.id)));
  }
}
