import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from '@/db/client';
import { orderEvents, orderLines, orders, organizations, packageLines, packages, users } from '@/db/schema';
import { encodeFeedCursor, laterPosition, type FeedPosition, type FeedRequest } from '@/server/domain/erp/feed-cursor';
import { isVisibleToFulfillment, ORDER_STATUSES } from '@/server/domain/orders/state-machine';
import { toFeedOrders, type ErpFeedOrder, type FeedOrderParts } from './shape';

/** Orders in these states are in the feed. */
export const FEED_STATUSES = ORDER_STATUSES.filter(isVisibleToFulfillment);

/** Waiting for approval or declined: in the feed only once the order had been in it. */
const HELD_STATUSES = ORDER_STATUSES.filter((status) => !isVisibleToFulfillment(status));

/** Approval decisions as the approvals flow records them in the order's history. */
export const DECISION_KINDS = ['approve', 'decline'] as const;

export type ErpFeedPage = { orders: ErpFeedOrder[]; nextCursor: string; hasMore: boolean };

const customer = alias(organizations, 'customer');
const unit = alias(organizations, 'unit');

/**
 * An order is in the feed in a feed state, and also after it left one: an approval reversed after
 * the ERP may have read the order brings it back as waiting (W), and a decline then as declined
 * (N), so that the ERP holds or drops what it already has. One that never was approved never is.
 */
const inFeed = or(
  inArray(orders.status, FEED_STATUSES),
  and(
    inArray(orders.status, HELD_STATUSES),
    sql`exists (select 1 from ${orderEvents} where ${orderEvents.orderId} = ${orders.id} and ${inArray(orderEvents.fromStatus, FEED_STATUSES)})`,
  ),
);

const after = (position: FeedPosition) =>
  sql`(${orders.changeXid}, ${orders.id}) > (${position.changeXid}, ${position.orderId}::uuid)`;

/**
 * The page of the feed after `position`: orders in feed states, in the order of their last change,
 * limited to changes made by transactions older than every transaction still running (the
 * snapshot's xmin). A change that commits late always has a transaction id at or above that
 * horizon, so it is handed out on a later call rather than skipped. `orders_change_idx` serves it.
 */
export function feedPageQuery(tx: Database | Transaction, position: FeedPosition, horizon: number, limit: number) {
  return tx
    .select({
      order: orders,
      customerName: customer.name,
      customerCode: customer.erpCustomerCode,
      unitName: unit.name,
      requesterName: users.name,
      requesterEmail: users.email,
    })
    .from(orders)
    .innerJoin(customer, eq(customer.id, orders.organizationId))
    .innerJoin(unit, eq(unit.id, orders.unitId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(and(after(position), lt(orders.changeXid, horizon), inFeed))
    .orderBy(asc(orders.changeXid), asc(orders.id))
    .limit(limit);
}

/** The last position below the horizon, whatever its state: the cursor may move past orders the feed leaves out. */
export function settledTailQuery(tx: Database | Transaction, position: FeedPosition, horizon: number) {
  return tx
    .select({ changeXid: orders.changeXid, orderId: orders.id })
    .from(orders)
    .where(and(after(position), lt(orders.changeXid, horizon)))
    .orderBy(desc(orders.changeXid), desc(orders.id))
    .limit(1);
}

/** The queries for the lines, packages and approval decisions of the page's orders, each an indexed lookup by order id. */
export function partsQueries(tx: Database | Transaction, orderIds: string[]) {
  return {
    lines: tx
      .select({
        orderId: orderLines.orderId,
        id: orderLines.id,
        lineNumber: orderLines.lineNumber,
        sku: orderLines.sku,
        name: orderLines.name,
        unit: orderLines.unit,
        quantity: orderLines.quantity,
        unitPriceMinor: orderLines.unitPriceMinor,
        lineTotalMinor: orderLines.lineTotalMinor,
        shippedQuantity: orderLines.shippedQuantity,
      })
      .from(orderLines)
      .where(inArray(orderLines.orderId, orderIds))
      .orderBy(asc(orderLines.orderId), asc(orderLines.lineNumber)),
    packages: tx
      .select({
        orderId: packages.orderId,
        id: packages.id,
        status: packages.status,
        carrier: packages.carrier,
        trackingNumber: packages.trackingNumber,
        createdAt: packages.createdAt,
        shippedAt: packages.shippedAt,
      })
      .from(packages)
      .where(inArray(packages.orderId, orderIds))
      .orderBy(asc(packages.createdAt), asc(packages.id)),
    packageLines: tx
      .select({
        packageId: packageLines.packageId,
        orderLineId: packageLines.orderLineId,
        quantity: packageLines.quantity,
      })
      .from(packageLines)
      .innerJoin(packages, eq(packages.id, packageLines.packageId))
      .where(inArray(packages.orderId, orderIds)),
    decisions: tx
      .select({
        orderId: orderEvents.orderId,
        kind: orderEvents.kind,
        at: orderEvents.at,
        data: orderEvents.data,
        name: users.name,
        email: users.email,
      })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorUserId))
      .where(and(inArray(orderEvents.orderId, orderIds), inArray(orderEvents.kind, [...DECISION_KINDS])))
      .orderBy(asc(orderEvents.orderId), asc(orderEvents.at)),
  };
}

async function partsOf(tx: Transaction, orderIds: string[]): Promise<FeedOrderParts> {
  if (orderIds.length === 0) return { lines: [], packages: [], packageLines: [], decisions: [] };
  const queries = partsQueries(tx, orderIds);
  const [lines, boxes, boxLines, decisions] = await Promise.all([
    queries.lines,
    queries.packages,
    queries.packageLines,
    queries.decisions,
  ]);
  return { lines, packages: boxes, packageLines: boxLines, decisions };
}

/**
 * One page of the ERP order feed after `request.position`, read in one repeatable-read, read-only
 * transaction so the orders, their lines, shipments and the horizon agree with each other.
 */
export async function readErpFeed(db: Database, request: FeedRequest): Promise<ErpFeedPage> {
  return db.transaction(
    async (tx) => {
      // The first statement fixes the snapshot; its xmin is the horizon for the whole page.
      const [snapshot] = await tx.execute<{ horizon: string }>(
        sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`,
      );
      const horizon = Number(snapshot?.horizon);
      if (!Number.isSafeInteger(horizon)) throw new Error('readErpFeed: could not read the snapshot horizon');

      const rows = await feedPageQuery(tx, request.position, horizon, request.limit + 1);
      const page = rows.slice(0, request.limit);
      const hasMore = rows.length > request.limit;
      const last = page.at(-1);
      let next = last ? { changeXid: last.order.changeXid, orderId: last.order.id } : request.position;
      if (!hasMore) {
        const [tail] = await settledTailQuery(tx, request.position, horizon);
        if (tail) next = laterPosition(next, tail);
      }

      const parts = await partsOf(
        tx,
        page.map((row) => row.order.id),
      );
      return { orders: toFeedOrders(page, parts), nextCursor: encodeFeedCursor(next), hasMore };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
