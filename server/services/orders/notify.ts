import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { orderLines, users, type Order } from '@/db/schema';
import { formatMinor } from '@/server/domain/money';
import { ORDER_STATUS_LABELS } from '@/server/domain/orders/state-machine';
import { enqueueEmail } from '@/server/email/outbox';
import { appUrl } from '@/server/env';
import { loadMembership } from '../identity/viewer';

/** What every order email to the requester starts from, and whether it may carry amounts. */
export async function requesterEmail(tx: Executor, order: Order) {
  const [user] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, order.userId));
  if (!user) throw new Error(`order ${order.number}: the requester is missing`);
  const loaded = await loadMembership(tx, order.membershipId, order.userId);
  const maySeePrices = 'membership' in loaded && loaded.membership.permissions.has('prices.view');
  return {
    to: user.email,
    base: { name: user.name, orderNumber: order.number, orderUrl: appUrl(`/orders/${order.number}`) },
    maySeePrices,
  };
}

export async function emailLines(tx: Executor, orderId: string) {
  return tx
    .select({ sku: orderLines.sku, name: orderLines.name, quantity: orderLines.quantity })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.lineNumber));
}

const NEXT_STEP: Partial<Record<Order['status'], string>> = {
  pending_approval: 'It waits for approval by your organization; we email you when it is decided.',
  payment_review: 'We review the payment and email you the outcome.',
  backordered: 'Some items are not in stock yet; we ship the order when they arrive.',
  payment_authorized: 'We prepare it for shipping and email you the tracking number.',
};

/** Who gets an order's emails and whether they may see its amounts; the submit knows it already. */
export type OrderRecipient = { to: string; name: string; maySeePrices: boolean };

export type EmailLine = { sku: string; name: string; quantity: number };

/** The order-received email; the submit passes the recipient and the lines it has just written. */
export async function emailOrderReceived(
  tx: Executor,
  order: Order,
  now: Date,
  known: { recipient?: OrderRecipient; lines?: readonly EmailLine[] } = {},
): Promise<void> {
  const recipient = known.recipient;
  const { to, base, maySeePrices } = recipient
    ? {
        to: recipient.to,
        maySeePrices: recipient.maySeePrices,
        base: { name: recipient.name, orderNumber: order.number, orderUrl: appUrl(`/orders/${order.number}`) },
      }
    : await requesterEmail(tx, order);
  await enqueueEmail(tx, {
    kind: 'order-received',
    to,
    now,
    props: {
      ...base,
      statusLabel: ORDER_STATUS_LABELS[order.status],
      nextStep: NEXT_STEP[order.status] ?? '',
      lines:
        known.lines?.map(({ sku, name, quantity }) => ({ sku, name, quantity })) ?? (await emailLines(tx, order.id)),
      ...(maySeePrices ? { total: `${formatMinor(order.totalMinor, order.currency)} ${order.currency}` } : {}),
      ...(order.poNumber ? { poNumber: order.poNumber } : {}),
    },
  });
}

/** Tells the requester which items an order waits for, when it becomes backordered. */
export async function emailBackordered(
  tx: Executor,
  order: Order,
  shortSkus: readonly string[],
  now: Date,
): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  const lines = await emailLines(tx, order.id);
  await enqueueEmail(tx, {
    kind: 'order-backordered',
    to,
    now,
    props: { ...base, shortLines: lines.filter((line) => shortSkus.includes(line.sku)) },
  });
}

/** Tells the requester that a backordered order got its stock and is confirmed. */
export async function emailAllocated(tx: Executor, order: Order, now: Date): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  await enqueueEmail(tx, {
    kind: 'order-allocated',
    to,
    now,
    props: { ...base, lines: await emailLines(tx, order.id) },
  });
}

export async function emailCanceled(
  tx: Executor,
  order: Order,
  canceledBy: string,
  reason: string | null,
  now: Date,
): Promise<void> {
  const { to, base } = await requesterEmail(tx, order);
  await enqueueEmail(tx, {
    kind: 'order-canceled',
    to,
    now,
    props: { ...base, canceledBy, ...(reason ? { reason } : {}) },
  });
}
