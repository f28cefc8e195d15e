import { and, asc, desc, eq, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import { orderTimeline } from '@/db/queries/orders';
import type { Database, Executor } from '@/db/client';
import {
  fulfillmentCenters,
  orderAllocations,
  orderLines,
  orders,
  organizations,
  users,
  type Order,
} from '@/db/schema';
import { conflict, notFound } from '@/server/domain/errors';
import type { Actor } from '@/server/domain/access/actor';
import { captureRetryRefusal, settleRefusal, staffOrderMay } from '@/server/domain/orders/staff-order-actions';
import { ORDER_STATUS_CODES, ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import type { StaffCancelOrderInput, StaffOrderListInput } from '@/server/schemas/staff-orders';
import { afterCommitSendVoids } from '../payments/voids';
import { cancelLockedOrder } from './cancel';
import { captureCard, captureLockedOrder } from './capture';
import { creditPosition } from './credit';
import { orderDetail, SYSTEM_ACTOR } from './order-details';
import { lockOrder, recordOrderEvent, touchedByThisTransaction } from './transition';

/** "cs-100123 " and "CS-100123" name the same order. */
export function normalizeOrderNumber(number: string) {
  return number.trim().toUpperCase();
}

/** The order with this number, locked until the transaction ends. */
export async function lockOrderByNumber(tx: Executor, number: string): Promise<Order> {
  const [found] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.number, normalizeOrderNumber(number)));
  if (!found) throw notFound('That order');
  return lockOrder(tx, found.id);
}

function escapeLike(text: string) {
  return `%${text.replaceAll(/[%_\\]/g, '\\$&')}%`;
}

/** "CS-100123" finds that order; bare digits find the order or a PO containing them; anything else searches PO numbers. */
function searchCondition(search: string): SQL | undefined {
  const term = search.trim();
  if (!term) return undefined;
  const numbered = /^CS-(\d+)$/i.exec(term);
  if (numbered) return eq(orders.number, `CS-${numbered[1]}`);
  if (/^\d+$/.test(term)) return or(eq(orders.number, `CS-${term}`), ilike(orders.poNumber, escapeLike(term)));
  return ilike(orders.poNumber, escapeLike(term));
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/** The orders the staff list's filters keep (shared with the staff orders export). */
export function staffOrderConditions(input: Omit<StaffOrderListInput, 'page' | 'pageSize'>) {
  return and(
    input.status ? eq(orders.status, input.status) : undefined,
    input.organizationId ? eq(orders.organizationId, input.organizationId) : undefined,
    input.from ? gte(orders.submittedAt, dayStart(input.from)) : undefined,
    input.to ? lt(orders.submittedAt, nextDay(input.to)) : undefined,
    input.search ? searchCondition(input.search) : undefined,
    // Only shipped orders are captured, so the status index narrows the failed ones.
    input.captureFailed ? and(eq(orders.status, 'shipped'), eq(orders.paymentStatus, 'capture_failed')) : undefined,
  );
}

/**
 * Every organization's orders for staff, newest first, filtered and paged. No total is counted:
 * over a million orders a count costs more than the page; the pager only needs "is there more".
 */
export async function listStaffOrders(db: Database, input: StaffOrderListInput) {
  const where = staffOrderConditions(input);
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      submittedAt: orders.submittedAt,
      poNumber: orders.poNumber,
      itemCount: orders.itemCount,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      paymentMethod: orders.paymentMethod,
      paymentStatus: orders.paymentStatus,
      captureNextAt: orders.captureNextAt,
      organizationId: orders.organizationId,
      organizationName: organizations.name,
      requesterName: users.name,
    })
    .from(orders)
    .innerJoin(organizations, eq(organizations.id, orders.organizationId))
    .innerJoin(users, eq(users.id, orders.userId))
    .where(where)
    .orderBy(desc(orders.submittedAt), desc(orders.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  return { rows: rows.slice(0, input.pageSize), hasNext: rows.length > input.pageSize, page: input.page };
}

/** The buyer organizations to filter the order list by. */
export async function orderOrganizationOptions(db: Database) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'buyer'),
        isNull(organizations.parentId),
        or(eq(organizations.status, 'active'), eq(organizations.status, 'suspended')),
      ),
    )
    .orderBy(asc(organizations.name), asc(organizations.id));
}

async function allocationsByCenter(db: Executor, orderId: string) {
  const rows = await db
    .select({
      code: fulfillmentCenters.code,
      name: fulfillmentCenters.name,
      lineNumber: orderLines.lineNumber,
      sku: orderLines.sku,
      quantity: orderAllocations.quantity,
    })
    .from(orderAllocations)
    .innerJoin(orderLines, eq(orderLines.id, orderAllocations.orderLineId))
    .innerJoin(fulfillmentCenters, eq(fulfillmentCenters.id, orderAllocations.fulfillmentCenterId))
    .where(eq(orderAllocations.orderId, orderId))
    .orderBy(asc(fulfillmentCenters.code), asc(orderLines.lineNumber));
  const centers = new Map<
    string,
    { code: string; name: string; lines: { lineNumber: number; sku: string; quantity: number }[] }
  >();
  for (const row of rows) {
    const center = centers.get(row.code) ?? { code: row.code, name: row.name, lines: [] };
    center.lines.push({ lineNumber: row.lineNumber, sku: row.sku, quantity: row.quantity });
    centers.set(row.code, center);
  }
  return [...centers.values()];
}

/**
 * Everything staff see about one order: the detail the buyer's order page is built from (with
 * prices and the payment's internals), plus the organization, the stock allocated per center, the
 * account's credit line for bill-me, the full history with each change's from → to, and which of
 * the staff actions the viewer may take now.
 */
export async function getStaffOrder(db: Database, number: string, actor: Actor) {
  const [row] = await db
    .select({ order: orders, organizationName: organizations.name })
    .from(orders)
    .innerJoin(organizations, eq(organizations.id, orders.organizationId))
    .where(eq(orders.number, normalizeOrderNumber(number)));
  if (!row) throw notFound('That order');
  const { order } = row;
  const [detail, allocations, history, credit] = await Promise.all([
    orderDetail(db, order, { prices: true, staff: true }),
    allocationsByCenter(db, order.id),
    orderTimeline(db, order.id),
    order.paymentMethod === 'on_account' ? creditPosition(db, order.organizationId) : Promise.resolve(null),
  ]);
  // The buyer-facing timeline is replaced by the staff history, which also says from which status.
  const { timeline: _timeline, ...shown } = detail;
  void _timeline;
  return {
    ...shown,
    statusCode: ORDER_STATUS_CODES[order.status],
    depositedAt: order.depositedAt,
    organization: { id: order.organizationId, name: row.organizationName },
    ...(credit
      ? {
          credit: {
            creditLimitMinor: credit.creditLimitMinor,
            openBalanceMinor: credit.openBalanceMinor,
            availableCreditMinor: credit.availableCreditMinor,
            paymentTerms: credit.paymentTerms,
          },
        }
      : {}),
    allocations,
    history: history.map((event) => ({
      ...event,
      fromLabel: event.fromStatus ? ORDER_STATUS_LABELS[event.fromStatus] : null,
      toLabel: event.toStatus ? ORDER_STATUS_LABELS[event.toStatus] : null,
      actorName: event.actorName ?? SYSTEM_ACTOR,
    })),
    may: staffOrderMay(actor, order),
  };
}

export type StaffOrderDetail = Awaited<ReturnType<typeof getStaffOrder>>;

/** Staff cancel an order before release, with a reason the buyer reads in the canceled email. */
export async function cancelOrderByStaff(db: Database, input: StaffCancelOrderInput, actor: Actor, now: Date) {
  const committed = db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, input.number);
    const canceled = await cancelLockedOrder(tx, order, actor, input.reason, now);
    return { number: canceled.number, status: canceled.status };
  });
  return afterCommitSendVoids(db, now, committed);
}

/** Records that the customer paid an invoiced bill-me order: it leaves the open balance. */
export async function markOrderSettled(db: Database, number: string, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, number);
    const refusal = settleRefusal(order, actor.timeZone);
    if (refusal) throw conflict(refusal);
    const [settled] = await tx
      .update(orders)
      .set({ settledAt: now, updatedAt: now, changeXid: touchedByThisTransaction })
      .where(eq(orders.id, order.id))
      .returning();
    await recordOrderEvent(tx, order, 'settled', {
      now,
      actorUserId: actor.userId,
      message: `Customer payment recorded by ${actor.name}; the order left the open balance.`,
    });
    return { number: order.number, settledAt: settled?.settledAt ?? now };
  });
}

/**
 * Tries a failed card capture again at once (as if its next try were due now), outside the job's
 * schedule. The provider is asked first, with no transaction open; the outcome is recorded after,
 * under the order's lock, only if nobody recorded this attempt meanwhile. A job run capturing the
 * same order at the same moment asks with the same attempt, hence the same idempotency key.
 */
export async function retryCapture(db: Database, number: string, actor: Actor, now: Date) {
  const [seen] = await db
    .select()
    .from(orders)
    .where(eq(orders.number, normalizeOrderNumber(number)));
  if (!seen) throw notFound('That order');
  const early = captureRetryRefusal(seen);
  if (early) throw conflict(early);
  const cardError = seen.paymentMethod === 'card' ? await captureCard(seen) : null;
  return db.transaction(async (tx) => {
    const order = await lockOrderByNumber(tx, number);
    const refusal = captureRetryRefusal(order);
    if (refusal) throw conflict(refusal);
    if (order.captureAttempts !== seen.captureAttempts)
      throw conflict('The capture of this order was just tried by someone else. Reload it to see the outcome.');
    const outcome = await captureLockedOrder(tx, { ...order, captureNextAt: now }, now, actor, cardError);
    return outcome.kind === 'failed'
      ? {
          captured: false as const,
          error: outcome.error,
          nextAttemptAt: outcome.nextAttemptAt,
          status: outcome.order.status,
        }
      : { captured: true as const, status: outcome.order.status };
  });
}
