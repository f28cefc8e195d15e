import { and, asc, desc, eq, getTableColumns, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DisplayStatus } from '@/server/domain/orders/display-status';
import type { Executor } from '../client';
import { orderEvents, orderLines, orders, packageLines, packages, products, users } from '../schema';

/**
 * Whose orders a history shows. Each reach filters by one of the history indexes' leading columns
 * (membership, unit, organization) so the page is read from the index in order.
 */
export type HistoryReach =
  { scope: 'own'; membershipId: string } | { scope: 'unit'; unitIds: string[] } | { scope: 'org' };

export type HistoryFilters = { search?: string; status?: DisplayStatus };

export type HistoryPage = { cursor?: string; direction: 'older' | 'newer'; pageSize: number };

/**
 * The history indexes' order (newest first) and its exact reverse: only an ORDER BY that matches
 * one of them reads a page straight from the index instead of sorting.
 */
const NEWEST_FIRST = [desc(orders.submittedAt), desc(orders.id)];
const NEWEST_LAST = [asc(orders.submittedAt), asc(orders.id)];

/** Whether a released order has items already shipped (it shows as "Partially shipped"). */
const anyShipped = sql<boolean>`(${orders.status} = 'released' and exists (select 1 from order_lines l where l.order_id = ${orders.id} and l.shipped_quantity > 0))`;

/**
 * The orders a reach covers. The caller's membership and the unit ids (a subtree of the tenant)
 * already lie inside the organization, so "own" and "unit" need no tenant condition — and must
 * not have one: PostgreSQL would take the two conditions as independent, misjudge the row count
 * and sort all of a busy member's orders instead of reading one page from the history index.
 */
function reachCondition(organizationId: string, reach: HistoryReach): SQL | undefined {
  if (reach.scope === 'own') return eq(orders.membershipId, reach.membershipId);
  if (reach.scope === 'unit') return inArray(orders.unitId, reach.unitIds);
  return eq(orders.organizationId, organizationId);
}

function statusCondition(status: DisplayStatus | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status === 'partially_shipped') return and(eq(orders.status, 'released'), anyShipped);
  if (status === 'released') return and(eq(orders.status, 'released'), sql`not ${anyShipped}`);
  return eq(orders.status, status);
}

function searchCondition(search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = `%${search.replaceAll(/[%_\\]/g, '\\$&')}%`;
  return or(ilike(orders.number, pattern), ilike(orders.poNumber, pattern));
}

/**
 * Keyset position: orders before (older) or after (newer) the cursor order in the history's
 * order (submitted_at, id). The cursor is looked up inside the tenant, so a foreign id matches nothing.
 */
function cursorCondition(organizationId: string, page: HistoryPage): SQL | undefined {
  if (!page.cursor) return undefined;
  const edge = sql`(select c.submitted_at, c.id from orders c where c.id = ${page.cursor} and c.organization_id = ${organizationId})`;
  return page.direction === 'older'
    ? sql`(${orders.submittedAt}, ${orders.id}) < ${edge}`
    : sql`(${orders.submittedAt}, ${orders.id}) > ${edge}`;
}

/**
 * One page of order history, newest first, with the requester's name and whether a released
 * order has shipped items. `hasOlder`/`hasNewer` say whether the pager should offer more.
 */
export async function orderHistoryPage(
  db: Executor,
  organizationId: string,
  reach: HistoryReach,
  filters: HistoryFilters,
  page: HistoryPage,
) {
  const newer = page.direction === 'newer' && page.cursor !== undefined;
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      submittedAt: orders.submittedAt,
      status: orders.status,
      anyShipped,
      requesterName: users.name,
      poNumber: orders.poNumber,
      itemCount: orders.itemCount,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(
      and(
        reachCondition(organizationId, reach),
        statusCondition(filters.status),
        searchCondition(filters.search),
        cursorCondition(organizationId, page),
      ),
    )
    .orderBy(...(newer ? NEWEST_LAST : NEWEST_FIRST))
    .limit(page.pageSize + 1);
  const more = rows.length > page.pageSize;
  const shown = rows.slice(0, page.pageSize);
  if (newer) shown.reverse();
  return {
    rows: shown,
    hasOlder: newer ? true : more,
    hasNewer: newer ? more : page.cursor !== undefined,
  };
}

/** One order of the organization by its number; undefined for an unknown number or another tenant's order. */
export async function orderByNumber(db: Executor, organizationId: string, number: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.number, number.trim().toUpperCase()), eq(orders.organizationId, organizationId)));
  return order;
}

/** The order's lines with each product's current picture (null: the placeholder). */
export async function orderLinesOf(db: Executor, orderId: string) {
  return db
    .select({ ...getTableColumns(orderLines), pictureKey: products.pictureKey })
    .from(orderLines)
    .leftJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNumber));
}

/** The order's history, oldest first (as written), with the name of whoever acted (null: the system). */
export async function orderTimeline(db: Executor, orderId: string) {
  return db
    .select({
      id: orderEvents.id,
      at: orderEvents.at,
      kind: orderEvents.kind,
      fromStatus: orderEvents.fromStatus,
      toStatus: orderEvents.toStatus,
      message: orderEvents.message,
      data: orderEvents.data,
      actorName: users.name,
    })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorUserId))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.seq));
}

/** The order's packages, in the order they were made, each with its lines (SKU, name, quantity). */
export async function orderPackages(db: Executor, orderId: string) {
  const boxes = await db
    .select()
    .from(packages)
    .where(eq(packages.orderId, orderId))
    .orderBy(asc(packages.createdAt), asc(packages.id));
  if (boxes.length === 0) return [];
  const lines = await db
    .select({
      packageId: packageLines.packageId,
      lineNumber: orderLines.lineNumber,
      sku: orderLines.sku,
      name: orderLines.name,
      quantity: packageLines.quantity,
    })
    .from(packageLines)
    .innerJoin(orderLines, eq(orderLines.id, packageLines.orderLineId))
    .where(
      inArray(
        packageLines.packageId,
        boxes.map((box) => box.id),
      ),
    )
    .orderBy(asc(orderLines.lineNumber));
  return boxes.map((box) => ({ ...box, lines: lines.filter((line) => line.packageId === box.id) }));
}

/** The organization's invoiced orders (bill-me orders deposited), all, open or paid (shared with the statement export). */
export function invoicedConditions(organizationId: string, filter: { status?: 'open' | 'paid' }): SQL | undefined {
  return and(
    eq(orders.organizationId, organizationId),
    eq(orders.paymentMethod, 'on_account'),
    eq(orders.status, 'deposited'),
    filter.status === 'open'
      ? isNull(orders.settledAt)
      : filter.status === 'paid'
        ? isNotNull(orders.settledAt)
        : undefined,
  );
}

/**
 * A page of the organization's invoiced orders (bill-me orders deposited, i.e. invoiced), newest
 * first by order date along the organization's history index; `status` keeps the open or the paid ones.
 */
export async function invoicedOrdersPage(
  db: Executor,
  organizationId: string,
  filter: { status?: 'open' | 'paid' },
  page: { page: number; pageSize: number },
) {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      submittedAt: orders.submittedAt,
      depositedAt: orders.depositedAt,
      settledAt: orders.settledAt,
      poNumber: orders.poNumber,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
    })
    .from(orders)
    .where(invoicedConditions(organizationId, filter))
    .orderBy(...NEWEST_FIRST)
    .limit(page.pageSize + 1)
    .offset((page.page - 1) * page.pageSize);
  return { rows: rows.slice(0, page.pageSize), hasNext: rows.length > page.pageSize };
}
