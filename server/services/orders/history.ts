import type { Executor } from '@/db/client';
import { orderByNumber, orderHistoryPage, type HistoryReach } from '@/db/queries/orders';
import { unitSubtreeIds } from '@/db/queries/units';
import type { Actor } from '@/server/domain/access/actor';
import { forbidden, notFound } from '@/server/domain/errors';
import { DISPLAY_STATUS_LABELS, displayStatus } from '@/server/domain/orders/display-status';
import {
  cancelRefusal,
  mayReorder,
  mayViewOrder,
  needsUnitReach,
  type OrderActor,
} from '@/server/domain/orders/order-access';
import type { OrderListInput } from '@/server/schemas/order-history';
import { approvalRecord } from '../approvals/inbox';
import { orderDetail } from './order-details';

/** The actor as the pure order-access decisions see them, with their units loaded when a grant needs them. */
export async function withUnitsInReach(db: Executor, actor: Actor): Promise<OrderActor> {
  const units = needsUnitReach(actor.grants) ? await unitSubtreeIds(db, actor.organizationId, actor.unitId) : [];
  return { ...actor, unitsInReach: new Set(units) };
}

/** Whose orders the reader may see, from their orders.view grant (shared with the orders export). */
export async function historyReach(db: Executor, actor: Actor): Promise<HistoryReach> {
  const scope = actor.grants.get('orders.view');
  if (!scope) throw forbidden('You do not have permission to see orders.');
  if (scope === 'own') return { scope, membershipId: actor.membershipId };
  if (scope === 'unit') return { scope, unitIds: await unitSubtreeIds(db, actor.organizationId, actor.unitId) };
  return { scope };
}

/**
 * A page of the orders the reader may see, newest first: their own, their units', or the whole
 * organization's. The requester's name only when it is not always the reader; totals only with
 * 'prices.view'.
 */
export async function listOrders(db: Executor, actor: Actor, input: OrderListInput) {
  const reach = await historyReach(db, actor);
  const prices = actor.permissions.has('prices.view');
  const page = await orderHistoryPage(
    db,
    actor.organizationId,
    reach,
    { search: input.search || undefined, status: input.status },
    input,
  );
  const rows = page.rows.map((row) => {
    const status = displayStatus(row.status, row.anyShipped);
    return {
      id: row.id,
      number: row.number,
      submittedAt: row.submittedAt,
      status,
      statusLabel: DISPLAY_STATUS_LABELS[status],
      poNumber: row.poNumber,
      itemCount: row.itemCount,
      ...(reach.scope === 'own' ? {} : { requesterName: row.requesterName }),
      ...(prices ? { total: { amountMinor: row.totalMinor, currency: row.currency } } : {}),
    };
  });
  return {
    scope: reach.scope,
    rows,
    newerCursor: page.hasNewer ? (rows[0]?.id ?? null) : null,
    olderCursor: page.hasOlder ? (rows.at(-1)?.id ?? null) : null,
  };
}

/**
 * One order by number, as the reader may see it, with what they may do with it. An order outside
 * their reach or of another organization is "not found", never "forbidden", so numbers reveal nothing.
 */
export async function getOrder(db: Executor, actor: Actor, number: string) {
  const order = await orderByNumber(db, actor.organizationId, number);
  const reach = await withUnitsInReach(db, actor);
  if (!order || !mayViewOrder(reach, order)) throw notFound('That order');
  const [detail, approvals] = await Promise.all([
    orderDetail(db, order, { prices: actor.permissions.has('prices.view') }),
    approvalRecord(db, order.id),
  ]);
  return {
    ...detail,
    approvals,
    may: { cancel: cancelRefusal(reach, order) === null, reorder: mayReorder(reach, order) },
  };
}
