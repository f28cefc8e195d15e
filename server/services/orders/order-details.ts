import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orderLinesOf, orderPackages, orderTimeline } from '@/db/queries/orders';
import { organizations, users, type Order } from '@/db/schema';
import { displayStatus, DISPLAY_STATUS_LABELS } from '@/server/domain/orders/display-status';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { PAYMENT_METHOD_LABELS } from '@/server/domain/organizations/status';

export type OrderDetailOptions = {
  /** Unit prices, line totals, subtotal, shipping and total: only for viewers who may see prices (keys absent otherwise). */
  prices: boolean;
  /** Seller staff also get the order's ids, the payment's internals and each event's data. */
  staff?: boolean;
};

/** What the timeline calls the system when no person acted (jobs, automatic decisions). */
export const SYSTEM_ACTOR = 'Countersign';

async function requesterOf(db: Executor, order: Order) {
  const [row] = await db
    .select({ name: users.name, email: users.email, unitName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, order.unitId))
    .where(eq(users.id, order.userId));
  return row ?? { name: 'Unknown', email: '', unitName: '' };
}

/**
 * One order as a viewer may see it: lines, totals, ship-to, shipping and payment, the status
 * timeline with who acted, and shipments with carrier and tracking. Without `prices` no amount
 * appears at all; `staff` adds what only the seller needs. Whether the viewer may see the order
 * at all is the caller's decision.
 */
export async function orderDetail(db: Executor, order: Order, options: OrderDetailOptions) {
  const [lines, events, boxes, requester] = await Promise.all([
    orderLinesOf(db, order.id),
    orderTimeline(db, order.id),
    orderPackages(db, order.id),
    requesterOf(db, order),
  ]);
  const status = displayStatus(
    order.status,
    lines.some((line) => line.shippedQuantity > 0),
  );
  return {
    number: order.number,
    status,
    statusLabel: DISPLAY_STATUS_LABELS[status],
    submittedAt: order.submittedAt,
    releasedAt: order.releasedAt,
    shippedAt: order.shippedAt,
    canceledAt: order.canceledAt,
    requester: { name: requester.name, email: requester.email, unitName: requester.unitName },
    poNumber: order.poNumber,
    note: order.buyerNote,
    shipTo: order.shipTo,
    shippingMethod: { code: order.shippingMethodCode, name: order.shippingMethodName },
    payment: {
      method: order.paymentMethod,
      label: PAYMENT_METHOD_LABELS[order.paymentMethod],
      cardLast4: order.cardLast4,
      status: order.paymentStatus,
    },
    itemCount: order.itemCount,
    lines: lines.map((line) => ({
      lineNumber: line.lineNumber,
      sku: line.sku,
      name: line.name,
      pictureKey: line.pictureKey,
      unit: line.unit,
      quantity: line.quantity,
      shippedQuantity: line.shippedQuantity,
      ...(options.prices
        ? {
            unitPriceMinor: line.unitPriceMinor,
            lineTotalMinor: line.lineTotalMinor,
            ...(line.listPriceMinor !== null && line.discountBasisPoints
              ? { listPriceMinor: line.listPriceMinor, discountBasisPoints: line.discountBasisPoints }
              : {}),
          }
        : {}),
    })),
    ...(options.prices
      ? {
          totals: {
            currency: order.currency,
            subtotalMinor: order.subtotalMinor,
            shippingMinor: order.shippingMinor,
            totalMinor: order.totalMinor,
          },
        }
      : {}),
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at,
      kind: event.kind,
      statusLabel: event.toStatus ? ORDER_STATUS_LABELS[event.toStatus] : null,
      message: event.message,
      actorName: event.actorName ?? SYSTEM_ACTOR,
      ...(options.staff ? { data: event.data } : {}),
    })),
    shipments: boxes.map((box) => ({
      id: box.id,
      status: box.status,
      carrier: box.carrier,
      trackingNumber: box.trackingNumber,
      shippedAt: box.shippedAt,
      lines: box.lines.map((line) => ({ sku: line.sku, name: line.name, quantity: line.quantity })),
    })),
    ...(options.staff
      ? {
          internal: {
            id: order.id,
            organizationId: order.organizationId,
            unitId: order.unitId,
            membershipId: order.membershipId,
            version: order.version,
            paymentReference: order.paymentReference,
            cardOutcome: order.cardOutcome,
            captureAttempts: order.captureAttempts,
            captureError: order.captureError,
            captureNextAt: order.captureNextAt,
            depositedAt: order.depositedAt,
            settledAt: order.settledAt,
          },
        }
      : {}),
  };
}

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;
